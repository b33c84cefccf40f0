import type Database from 'better-sqlite3';
import { HISTORY_HOW_TO_VERIFY, type ExportTables } from '../../common/domain/dataSafety/exportFormat';
import { HistoryRepository } from './repositories/historyRepository';

/**
 * Reads everything a person would call their data for "Export everything", in one read
 * transaction (a consistent snapshot, even while another connection writes). Rows in the trash are
 * left out, and so are the keyed password fingerprints and everything derived from them: reuse and
 * similarity groups become numbers local to the export.
 */
export function readExportTables(db: Database.Database): ExportTables {
  return db.transaction(() => readAll(db))();
}

const bool = (value: number) => value === 1;
const json = <T>(text: string): T => JSON.parse(text) as T;

function readAll(db: Database.Database): ExportTables {
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];

  const people = all<{
    id: number;
    name: string;
    is_default: number;
    group_name: string;
    role: string;
    created_at: string;
    updated_at: string;
  }>(
    `SELECT id, name, is_default, group_name, role, created_at, updated_at FROM people
     WHERE deletion_token IS NULL ORDER BY id`,
  ).map((p) => ({
    id: p.id,
    name: p.name,
    isDefault: bool(p.is_default),
    group: p.group_name,
    role: p.role,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  }));

  const emailAddresses = all<{ id: number; person_id: number; address: string; created_at: string }>(
    `SELECT e.id, e.person_id, e.address, e.created_at FROM email_addresses e
     JOIN people p ON p.id = e.person_id AND p.deletion_token IS NULL
     WHERE e.deletion_token IS NULL ORDER BY e.id`,
  ).map((e) => ({ id: e.id, personId: e.person_id, address: e.address, createdAt: e.created_at }));

  type AccountRow = {
    id: number;
    person_id: number;
    service: string;
    url: string;
    domain: string | null;
    url_kind: 'web' | 'android' | 'ip' | 'local' | null;
    username: string;
    category: string;
    criticality: 'critical' | 'important' | 'standard';
    mfa: string;
    has_totp: number;
    source: 'manual' | 'import';
    password_changed_at: string | null;
    recovery_reviewed_at: string | null;
    notes: string;
    created_at: string;
    updated_at: string;
  };
  const accounts = all<AccountRow>(
    `SELECT a.id, a.person_id, a.service, a.url, a.domain, a.url_kind, a.username, a.category, a.criticality,
       a.mfa, a.has_totp, a.source, a.password_changed_at, a.recovery_reviewed_at, a.notes, a.created_at,
       a.updated_at
     FROM accounts a JOIN people p ON p.id = a.person_id AND p.deletion_token IS NULL
     WHERE a.deletion_token IS NULL ORDER BY a.id`,
  ).map((a) => ({
    id: a.id,
    personId: a.person_id,
    service: a.service,
    url: a.url,
    domain: a.domain,
    urlKind: a.url_kind,
    username: a.username,
    category: a.category,
    criticality: a.criticality,
    mfa: a.mfa,
    hasTotp: bool(a.has_totp),
    source: a.source,
    passwordChangedAt: a.password_changed_at,
    recoveryReviewedAt: a.recovery_reviewed_at,
    notes: a.notes,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
  }));
  const accountIds = new Set(accounts.map((a) => a.id));
  const accountOwner = new Map(accounts.map((a) => [a.id, a.personId]));

  type SignalRow = {
    account_id: number;
    strength: number;
    strength_warning: string;
    exact_fingerprint: string;
    common_rank: number | null;
    online_status: 'off' | 'found' | 'not_found' | 'failed';
    pwned_count: number | null;
    online_checked_at: string | null;
    index_count: number | null;
    index_built_at: string | null;
    analysed_at: string;
  };
  const signalRows = all<SignalRow>(
    `SELECT account_id, strength, strength_warning, exact_fingerprint, common_rank, online_status, pwned_count,
       online_checked_at, index_count, index_built_at, analysed_at
     FROM password_signals ORDER BY account_id`,
  ).filter((s) => accountIds.has(s.account_id));
  // Reuse groups as numbers local to this export: the fingerprints themselves never leave.
  const sharing = new Map<string, number>();
  for (const s of signalRows) sharing.set(s.exact_fingerprint, (sharing.get(s.exact_fingerprint) ?? 0) + 1);
  const reuseLabels = new Map<string, number>();
  for (const s of signalRows) {
    if ((sharing.get(s.exact_fingerprint) ?? 0) > 1 && !reuseLabels.has(s.exact_fingerprint))
      reuseLabels.set(s.exact_fingerprint, reuseLabels.size + 1);
  }
  const passwordSignals = signalRows.map((s) => ({
    accountId: s.account_id,
    strength: s.strength,
    strengthWarning: s.strength_warning,
    reuseGroup: reuseLabels.get(s.exact_fingerprint) ?? null,
    commonRank: s.common_rank,
    onlineStatus: s.online_status,
    pwnedCount: s.pwned_count,
    onlineCheckedAt: s.online_checked_at,
    indexCount: s.index_count,
    indexBuiltAt: s.index_built_at,
    analysedAt: s.analysed_at,
  }));

  const emailBreaches = all<{
    email_id: number;
    breach_name: string;
    source: 'manual' | 'hibp';
    added_at: string;
  }>(`SELECT email_id, breach_name, source, added_at FROM email_breaches ORDER BY email_id, breach_name`).map(
    (b) => ({ emailId: b.email_id, breachName: b.breach_name, source: b.source, addedAt: b.added_at }),
  );

  type NoticeRow = {
    id: number;
    person_id: number;
    incident_id: string | null;
    provider: string;
    domains: string;
    received_on: string;
    exposed: string;
    email_id: number | null;
    details: string;
    handled_at: string | null;
    created_at: string;
  };
  const breachNotices = all<NoticeRow>(
    `SELECT id, person_id, incident_id, provider, domains, received_on, exposed, email_id, details, handled_at,
       created_at FROM breach_notices ORDER BY id`,
  ).map((n) => ({
    id: n.id,
    personId: n.person_id,
    incidentId: n.incident_id,
    provider: n.provider,
    domains: json<string[]>(n.domains),
    receivedOn: n.received_on,
    exposed: json<string[]>(n.exposed),
    emailId: n.email_id,
    details: n.details,
    handledAt: n.handled_at,
    createdAt: n.created_at,
  }));

  type FindingRow = {
    id: number;
    kind: string;
    subject: string;
    severity: 'critical' | 'high' | 'medium' | 'low';
    status: 'open' | 'resolved' | 'auto_resolved' | 'dismissed';
    evidence: string;
    first_seen_at: string;
    last_seen_at: string;
    resolved_at: string | null;
    dismissed_reason: string | null;
    dismissed_at: string | null;
    recheck_at: string | null;
    account_ids: string | null;
  };
  const prefixLabels = new Map(
    [...reuseLabels].map(([fingerprint, label]) => [fingerprint.slice(0, 16), label]),
  );
  const similarLabels = new Map<string, number>();
  const findings = all<FindingRow>(
    `SELECT f.id, f.kind, f.subject, f.severity, f.status, f.evidence, f.first_seen_at, f.last_seen_at,
       f.resolved_at, f.dismissed_reason, f.dismissed_at, f.recheck_at,
       (SELECT json_group_array(account_id) FROM (SELECT account_id FROM finding_accounts
          WHERE finding_id = f.id ORDER BY account_id)) AS account_ids
     FROM findings f ORDER BY f.id`,
  ).map((f) => {
    let subject = f.subject;
    let evidence = json<Record<string, unknown>>(f.evidence);
    // Group findings are keyed by a fingerprint prefix: replace it with the export's own number.
    if ((f.kind === 'password_reused' || f.kind === 'password_similar') && f.subject.startsWith('group:')) {
      const key = f.subject.slice('group:'.length);
      const labels = f.kind === 'password_reused' ? prefixLabels : similarLabels;
      let label = labels.get(key);
      if (label === undefined) {
        label = labels.size + 1;
        labels.set(key, label);
      }
      subject = `group:${label}`;
      evidence = { ...evidence, groupId: String(label) };
    }
    return {
      id: f.id,
      kind: f.kind,
      subject,
      severity: f.severity,
      status: f.status,
      evidence,
      accountIds: json<number[]>(f.account_ids ?? '[]').filter((id) => accountIds.has(id)),
      firstSeenAt: f.first_seen_at,
      lastSeenAt: f.last_seen_at,
      resolvedAt: f.resolved_at,
      dismissedReason: f.dismissed_reason,
      dismissedAt: f.dismissed_at,
      recheckAt: f.recheck_at,
    };
  });

  type TaskRow = {
    id: number;
    task_key: string | null;
    kind: string;
    title: string;
    why: string;
    links: string;
    account_id: number | null;
    source: 'finding' | 'manual' | 'guide';
    priority: 'P1' | 'P2' | 'P3' | 'P4';
    priority_is_manual: number;
    due_at: string | null;
    status: 'todo' | 'in_progress' | 'done' | 'snoozed' | 'wont_do';
    snoozed_until: string | null;
    wont_do_reason: string | null;
    verified: number;
    verification_note: string;
    created_at: string;
    updated_at: string;
    done_at: string | null;
    finding_ids: string | null;
    owner_person_id: number | null;
    assignee_person_id: number | null;
    assignee_helper: string | null;
  };
  const tasks = all<TaskRow>(
    `SELECT t.*, (SELECT json_group_array(finding_id) FROM (SELECT finding_id FROM task_findings
        WHERE task_id = t.id ORDER BY finding_id)) AS finding_ids
     FROM tasks t ORDER BY t.id`,
  ).map((t) => ({
    id: t.id,
    key: t.task_key,
    kind: t.kind,
    title: t.title,
    why: json<string[]>(t.why),
    links: json<{ label: string; url: string }[]>(t.links),
    accountId: t.account_id !== null && accountIds.has(t.account_id) ? t.account_id : null,
    source: t.source,
    priority: t.priority,
    priorityIsManual: bool(t.priority_is_manual),
    dueAt: t.due_at,
    status: t.status,
    snoozedUntil: t.snoozed_until,
    wontDoReason: t.wont_do_reason,
    verified: bool(t.verified),
    verificationNote: t.verification_note,
    findingIds: json<number[]>(t.finding_ids ?? '[]'),
    // Stored only for tasks without an account; for the others the account says whose it is.
    ownerPersonId:
      t.owner_person_id ?? (t.account_id === null ? null : (accountOwner.get(t.account_id) ?? null)),
    assigneePersonId: t.assignee_person_id,
    assigneeHelper: t.assignee_helper,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    doneAt: t.done_at,
  }));

  type RunRow = {
    id: number;
    guide_id: string;
    guide_version: string;
    guide_json: string;
    variant_id: string | null;
    account_id: number | null;
    account_label: string | null;
    person_id: number | null;
    person_name: string | null;
    checklist_id: number | null;
    origin: 'library' | 'finding' | 'task' | 'notice';
    origin_id: number | null;
    origin_label: string;
    helper_name: string;
    status: 'active' | 'finished' | 'abandoned';
    current_step: number;
    started_at: string;
    updated_at: string;
    finished_at: string | null;
  };
  type StepRow = {
    run_id: number;
    step_id: string;
    position: number;
    status: 'pending' | 'done' | 'skipped' | 'blocked';
    note: string;
    items: string;
    applied: string;
    task_ids: string;
    updated_at: string | null;
  };
  const steps = all<StepRow>(
    `SELECT run_id, step_id, position, status, note, items, applied, task_ids, updated_at
     FROM guide_run_steps ORDER BY run_id, position`,
  );
  const runAccounts = all<{ run_id: number; account_id: number | null; label: string }>(
    `SELECT run_id, account_id, label FROM guide_run_accounts ORDER BY run_id, position`,
  );
  const guideRuns = all<RunRow>(`SELECT * FROM guide_runs ORDER BY id`).map((r) => ({
    id: r.id,
    guideId: r.guide_id,
    guideVersion: r.guide_version,
    guide: json<unknown>(r.guide_json),
    variantId: r.variant_id,
    accountId: r.account_id,
    accountLabel: r.account_label,
    accounts: runAccounts
      .filter((a) => a.run_id === r.id)
      .map((a) => ({
        accountId: a.account_id !== null && accountIds.has(a.account_id) ? a.account_id : null,
        label: a.label,
      })),
    personId: r.person_id,
    personName: r.person_name,
    checklistId: r.checklist_id,
    origin: r.origin,
    originId: r.origin_id,
    originLabel: r.origin_label,
    helperName: r.helper_name,
    status: r.status,
    currentStep: r.current_step,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
    steps: steps
      .filter((s) => s.run_id === r.id)
      .map((s) => ({
        stepId: s.step_id,
        position: s.position,
        status: s.status,
        note: s.note,
        items: json<string[]>(s.items),
        applied: json<unknown[]>(s.applied),
        taskIds: json<number[]>(s.task_ids),
        updatedAt: s.updated_at,
      })),
  }));

  const checklists = all<{
    id: number;
    guide_id: string;
    guide_title: string;
    helper_name: string;
    created_at: string;
  }>(`SELECT id, guide_id, guide_title, helper_name, created_at FROM checklists ORDER BY id`).map((c) => ({
    id: c.id,
    guideId: c.guide_id,
    guideTitle: c.guide_title,
    helperName: c.helper_name,
    createdAt: c.created_at,
  }));

  type HitRow = {
    scan_id: number;
    kind: string;
    hint: string;
    count: number;
    first_seen: string | null;
    last_seen: string | null;
    folders: string;
    correspondent_domains: string;
    message_id_hashes: string;
    service: string | null;
    account_ids: string;
    rotated_on: string | null;
  };
  // The keyed fingerprint stays behind, as the password fingerprints do.
  const hits = all<HitRow>(
    `SELECT h.scan_id, h.kind, h.hint, h.count, h.first_seen, h.last_seen, h.folders, h.correspondent_domains,
       h.message_id_hashes, h.service, h.account_ids, r.rotated_on
     FROM mail_hits h LEFT JOIN mail_secret_rotations r ON r.kind = h.kind AND r.fingerprint = h.fingerprint
     ORDER BY h.scan_id, h.id`,
  );
  type ScanRow = {
    id: number;
    person_id: number;
    source_name: string;
    source_kind: 'file' | 'folder';
    status: 'running' | 'paused' | 'finished' | 'failed';
    messages: number;
    bytes: number;
    bytes_total: number;
    undecodable_count: number;
    undecodable: string;
    attachments_not_read: string;
    kinds: string;
    findings_not_listed: number;
    problem: string | null;
    started_at: string;
    updated_at: string;
    finished_at: string | null;
  };
  const mailScans = all<ScanRow>(
    `SELECT id, person_id, source_name, source_kind, status, messages, bytes, bytes_total, undecodable_count,
       undecodable, attachments_not_read, kinds, findings_not_listed, problem, started_at, updated_at, finished_at
     FROM mail_scans ORDER BY id`,
  ).map((m) => ({
    id: m.id,
    personId: m.person_id,
    sourceName: m.source_name,
    sourceKind: m.source_kind,
    status: m.status,
    messages: m.messages,
    bytes: m.bytes,
    bytesTotal: m.bytes_total,
    undecodable: json<unknown[]>(m.undecodable),
    undecodableCount: m.undecodable_count,
    attachmentsNotRead: json<Record<string, unknown>>(m.attachments_not_read),
    kinds: json<string[]>(m.kinds),
    findingsNotListed: m.findings_not_listed,
    problem: m.problem,
    startedAt: m.started_at,
    updatedAt: m.updated_at,
    finishedAt: m.finished_at,
    hits: hits
      .filter((h) => h.scan_id === m.id)
      .map((h) => ({
        kind: h.kind,
        hint: h.hint,
        count: h.count,
        firstSeen: h.first_seen,
        lastSeen: h.last_seen,
        folders: json<string[]>(h.folders),
        correspondentDomains: json<string[]>(h.correspondent_domains),
        messageIdHashes: json<string[]>(h.message_id_hashes),
        service: h.service,
        accountIds: json<number[]>(h.account_ids).filter((id) => accountIds.has(id)),
        rotatedOn: h.rotated_on,
      })),
  }));

  const imports = all<{
    id: number;
    person_id: number;
    file_name: string;
    format: string;
    entries: number;
    created: number;
    updated: number;
    skipped: number;
    imported_at: string;
  }>(`SELECT * FROM imports ORDER BY id`).map((i) => ({
    id: i.id,
    personId: i.person_id,
    fileName: i.file_name,
    format: i.format,
    entries: i.entries,
    created: i.created,
    updated: i.updated,
    skipped: i.skipped,
    importedAt: i.imported_at,
  }));

  const scoreSnapshots = all<{ day: string; score: number; open_findings: number; fixed_findings: number }>(
    `SELECT day, score, open_findings, fixed_findings FROM score_snapshots ORDER BY day`,
  ).map((s) => ({
    day: s.day,
    score: s.score,
    openFindings: s.open_findings,
    fixedFindings: s.fixed_findings,
  }));

  const networkLedger = all<{
    id: number;
    at: string;
    method: string;
    url: string;
    purpose: string;
    sent: string;
    outcome: string;
  }>(`SELECT id, at, method, url, purpose, sent, outcome FROM network_ledger ORDER BY id`);

  const settingsRow = db.prepare(`SELECT value FROM settings WHERE key = 'app'`).get() as
    { value: string } | undefined;
  const settings = settingsRow ? json<Record<string, unknown>>(settingsRow.value) : {};

  const history = new HistoryRepository(db);
  const head = db.prepare(`SELECT count, hash FROM history_head WHERE id = 1`).get() as {
    count: number;
    hash: string;
  };
  const entries = history
    .list()
    .reverse()
    .map((h) => ({
      seq: h.seq,
      at: h.at,
      actor: h.actor,
      subjectType: h.subjectType,
      subjectId: h.subjectId,
      action: h.action,
      from: h.from,
      to: h.to,
      note: h.note,
      prevHash: h.prevHash,
      hash: h.hash,
    }));

  const personIds = new Set(people.map((p) => p.id));
  const emailIds = new Set(emailAddresses.map((e) => e.id));
  return {
    people,
    emailAddresses,
    accounts,
    passwordSignals,
    emailBreaches: emailBreaches.filter((b) => emailIds.has(b.emailId)),
    breachNotices: breachNotices.filter((n) => personIds.has(n.personId)),
    findings,
    tasks,
    guideRuns,
    checklists,
    mailScans: mailScans.filter((m) => personIds.has(m.personId)),
    imports,
    scoreSnapshots,
    networkLedger,
    settings,
    history: { head, verifies: history.verify().ok, howToVerify: HISTORY_HOW_TO_VERIFY, entries },
  };
}
