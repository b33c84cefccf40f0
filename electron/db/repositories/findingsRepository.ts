import type Database from 'better-sqlite3';
import type {
  CheckAccount,
  FindingStatus,
  FindingUpsert,
  Severity,
  StoredFinding,
} from '../../../common/domain/checks/findings';
import type { Account, Finding } from '../../../common/model/index';

interface FindingRow {
  id: number;
  kind: string;
  subject: string;
  severity: Severity;
  status: FindingStatus;
  evidence: string;
  first_seen_at: string;
  last_seen_at: string;
  resolved_at: string | null;
  dismissed_reason: string | null;
  recheck_at: string | null;
  account_ids: string | null;
  person_ids: string | number | null;
}

/** An account as the checks read it, with what task reconciliation also needs of it. */
export type CheckInputAccount = CheckAccount & Pick<Account, 'urlKind'>;

/**
 * A row of the checks' read, as an array in the SELECT's column order: 10,000 rows of 25 columns
 * read as arrays cost a third of what objects do (better-sqlite3's `raw` mode).
 */
type CheckRow = [
  id: number,
  personId: number,
  service: string,
  url: string,
  domain: string | null,
  username: string,
  mfa: CheckAccount['mfa'],
  hasTotp: number,
  passwordChangedAt: string | null,
  criticality: CheckAccount['criticality'],
  category: NonNullable<CheckAccount['category']>,
  isInsecure: number,
  urlKind: Account['urlKind'],
  strength: number | null,
  strengthWarning: string | null,
  exactFingerprint: string | null,
  similarFingerprint: string | null,
  similarGroup: string | null,
  commonRank: number | null,
  onlineStatus: 'off' | 'found' | 'not_found' | 'failed' | null,
  pwnedCount: number | null,
  indexCount: number | null,
  indexBuiltAt: string | null,
  onlineCheckedAt: string | null,
];

/** A finding whose status changed in a reconciliation (for the history). */
export interface FindingTransition {
  id: number;
  kind: string;
  from: FindingStatus | null;
  to: FindingStatus;
}

/** Findings and the accounts each concerns. */
export class FindingsRepository {
  private readonly listStored;
  private readonly listAll;
  private readonly listOpenOfKinds;
  private readonly insertOne;
  private readonly updateOne;
  private readonly resolveOne;
  private readonly clearAccounts;
  private readonly linkAccount;
  private readonly checkInput;
  private readonly touchSeen;
  private readonly kindOfOne;
  private readonly dismissOne;
  private readonly reopenOne;
  private readonly listOpenBrief;
  private readonly getSome;
  private readonly countOpen;
  /** What each stored finding looked like when last read, to skip rewriting unchanged ones. */
  private snapshot = new Map<number, { status: FindingStatus; fingerprint: string }>();

  constructor(db: Database.Database) {
    this.listStored = db.prepare<
      [],
      {
        id: number;
        kind: string;
        subject: string;
        status: FindingStatus;
        recheck_at: string | null;
        dismissed_at: string | null;
        fingerprint: string;
      }
    >(
      `SELECT f.id, f.kind, f.subject, f.status, f.recheck_at, f.dismissed_at,
              f.severity || '|' || f.evidence || '|' || coalesce((SELECT group_concat(account_id) FROM
                (SELECT account_id FROM finding_accounts WHERE finding_id = f.id ORDER BY account_id)), '') AS fingerprint
       FROM findings f`,
    );
    this.touchSeen = db.prepare<[string, number]>(`UPDATE findings SET last_seen_at = ? WHERE id = ?`);
    this.kindOfOne = db.prepare<[number], { kind: string }>(`SELECT kind FROM findings WHERE id = ?`);
    this.dismissOne = db.prepare(
      `UPDATE findings SET status = 'dismissed', dismissed_reason = @reason, recheck_at = @recheckAt, dismissed_at = @now
       WHERE id = @id AND status = 'open'`,
    );
    this.reopenOne = db.prepare(
      `UPDATE findings SET status = 'open', dismissed_reason = NULL, recheck_at = NULL, dismissed_at = NULL
       WHERE id = @id AND status = 'dismissed'`,
    );
    const listSelect = `SELECT f.*, (SELECT group_concat(fa.account_id) FROM finding_accounts fa
                    JOIN accounts a ON a.id = fa.account_id AND a.deletion_token IS NULL
                    WHERE fa.finding_id = f.id) AS account_ids,
              CASE
                WHEN f.subject GLOB 'email:[0-9]*' THEN (SELECT e.person_id FROM email_addresses e
                  WHERE e.id = CAST(substr(f.subject, 7) AS INTEGER))
                WHEN f.subject GLOB 'notice:[0-9]*' THEN (SELECT n.person_id FROM breach_notices n
                  WHERE n.id = CAST(substr(f.subject, 8) AS INTEGER))
                ELSE (SELECT group_concat(DISTINCT a.person_id) FROM finding_accounts fa
                  JOIN accounts a ON a.id = fa.account_id AND a.deletion_token IS NULL
                  WHERE fa.finding_id = f.id)
              END AS person_ids
       FROM findings f`;
    this.listAll = db.prepare<[], FindingRow>(`${listSelect} ORDER BY f.id`);
    this.listOpenOfKinds = db.prepare<[string], FindingRow>(
      `${listSelect} WHERE f.status = 'open' AND f.kind IN (SELECT value FROM json_each(?)) ORDER BY f.id`,
    );
    this.listOpenBrief = db.prepare<
      [],
      {
        id: number;
        kind: string;
        severity: Severity;
        status: FindingStatus;
        account_ids: string | null;
        person_ids: string | number | null;
      }
    >(
      // One pass over the findings and their accounts (an office has thousands of each).
      `SELECT f.id, f.kind, f.severity, f.status, group_concat(a.id) AS account_ids,
              CASE
                WHEN f.subject GLOB 'email:[0-9]*' THEN (SELECT e.person_id FROM email_addresses e
                  WHERE e.id = CAST(substr(f.subject, 7) AS INTEGER))
                WHEN f.subject GLOB 'notice:[0-9]*' THEN (SELECT n.person_id FROM breach_notices n
                  WHERE n.id = CAST(substr(f.subject, 8) AS INTEGER))
                ELSE group_concat(DISTINCT a.person_id)
              END AS person_ids
       FROM findings f
       LEFT JOIN finding_accounts fa ON fa.finding_id = f.id
       LEFT JOIN accounts a ON a.id = fa.account_id AND a.deletion_token IS NULL
       GROUP BY f.id`,
    );
    this.countOpen = db.prepare<[], { kind: string; count: number }>(
      `SELECT kind, count(*) AS count FROM findings WHERE status = 'open' GROUP BY kind ORDER BY min(id)`,
    );
    this.getSome = db.prepare<[string], FindingRow>(
      `${listSelect} WHERE f.id IN (SELECT value FROM json_each(?))`,
    );
    this.insertOne = db.prepare(
      `INSERT INTO findings (kind, subject, severity, status, evidence, first_seen_at, last_seen_at)
       VALUES (@kind, @subject, @severity, @status, @evidence, @now, @now)`,
    );
    this.updateOne = db.prepare(
      `UPDATE findings SET severity = @severity, status = @status, evidence = @evidence, last_seen_at = @now,
         resolved_at = CASE WHEN @status = 'open' THEN NULL ELSE resolved_at END,
         dismissed_reason = CASE WHEN @status = 'open' THEN NULL ELSE dismissed_reason END,
         recheck_at = CASE WHEN @status = 'open' THEN NULL ELSE recheck_at END,
         dismissed_at = CASE WHEN @status = 'open' THEN NULL ELSE dismissed_at END
       WHERE id = @id`,
    );
    this.resolveOne = db.prepare<[string, number]>(
      `UPDATE findings SET status = 'auto_resolved', resolved_at = ? WHERE id = ? AND status = 'open'`,
    );
    this.clearAccounts = db.prepare<[number]>(`DELETE FROM finding_accounts WHERE finding_id = ?`);
    this.linkAccount = db.prepare<[number, number]>(
      `INSERT OR IGNORE INTO finding_accounts (finding_id, account_id) VALUES (?, ?)`,
    );
    this.checkInput = db
      .prepare<[], CheckRow>(
        `SELECT a.id, a.person_id, a.service, a.url, a.domain, a.username, a.mfa, a.has_totp, a.password_changed_at,
              a.criticality, a.category,
              (a.url_kind IS NOT NULL AND lower(substr(a.url, 1, 7)) = 'http://') AS is_insecure, a.url_kind,
              s.strength, s.strength_warning, s.exact_fingerprint, s.similar_fingerprint, s.similar_group,
              s.common_rank, s.online_status, s.pwned_count, s.index_count, s.index_built_at,
              s.online_checked_at
       FROM accounts a JOIN people p ON p.id = a.person_id
       LEFT JOIN password_signals s ON s.account_id = a.id
       WHERE a.deletion_token IS NULL AND p.deletion_token IS NULL`,
      )
      .raw(true);
  }

  /**
   * Every active account with its password signals, as the checks read them — and with its address
   * kind, so the task reconciliation after the checks can use the same read.
   */
  checkAccounts(): CheckInputAccount[] {
    return this.checkInput.all().map((row) => {
      const [
        id,
        personId,
        service,
        url,
        domain,
        username,
        mfa,
        hasTotp,
        passwordChangedAt,
        criticality,
        category,
        isInsecure,
        urlKind,
        strength,
        strengthWarning,
        exactFingerprint,
        similarFingerprint,
        similarGroup,
        commonRank,
        onlineStatus,
        pwnedCount,
        indexCount,
        indexBuiltAt,
        onlineCheckedAt,
      ] = row;
      return {
        id,
        personId,
        service,
        url,
        domain,
        username,
        mfa,
        hasTotp: hasTotp === 1,
        passwordChangedAt,
        criticality,
        category,
        isInsecureUrl: isInsecure === 1,
        urlKind,
        password:
          exactFingerprint === null || strength === null
            ? null
            : {
                strength,
                strengthWarning: strengthWarning ?? '',
                exactFingerprint,
                similarFingerprint,
                similarGroup,
                commonRank,
                onlineStatus: onlineStatus ?? 'off',
                pwnedCount,
                indexCount,
                indexBuiltAt,
                onlineCheckedAt,
              },
      };
    });
  }

  /** Every stored finding's identity and status. */
  stored(): StoredFinding[] {
    const rows = this.listStored.all();
    this.snapshot = new Map(
      rows.map((row) => [row.id, { status: row.status, fingerprint: row.fingerprint }]),
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      subject: row.subject,
      status: row.status,
      recheckAt: row.recheck_at,
      dismissedAt: row.dismissed_at,
    }));
  }

  /**
   * Applies a reconciliation (inside the write path's transaction). A finding whose status, severity, evidence and
   * accounts are unchanged only has its last-seen time moved, so re-running the checks after a
   * small edit writes little.
   */
  apply(upserts: readonly FindingUpsert[], autoResolve: readonly number[], now: string): FindingTransition[] {
    const transitions: FindingTransition[] = [];
    {
      for (const { draft, existingId, status } of upserts) {
        const evidence = JSON.stringify(draft.evidence);
        const before = existingId === null ? undefined : this.snapshot.get(existingId);
        const fingerprint = `${draft.severity}|${evidence}|${[...draft.accountIds].sort((a, b) => a - b).join(',')}`;
        if (existingId !== null && before && before.status === status && before.fingerprint === fingerprint) {
          this.touchSeen.run(now, existingId);
          continue;
        }
        const values = {
          kind: draft.kind,
          subject: draft.subject,
          severity: draft.severity,
          status,
          evidence,
          now,
        };
        let id = existingId;
        if (id === null) id = Number(this.insertOne.run(values).lastInsertRowid);
        else this.updateOne.run({ ...values, id });
        if (!before || before.status !== status) {
          transitions.push({ id, kind: draft.kind, from: before?.status ?? null, to: status });
        }
        // A finding just inserted has no links yet.
        if (existingId !== null) this.clearAccounts.run(id);
        for (const accountId of draft.accountIds) this.linkAccount.run(id, accountId);
      }
      for (const id of autoResolve) {
        if (this.resolveOne.run(now, id).changes > 0) {
          transitions.push({ id, kind: this.kindOf(id), from: 'open', to: 'auto_resolved' });
        }
      }
    }
    return transitions;
  }

  private kindOf(id: number): string {
    return this.kindOfOne.get(id)?.kind ?? '';
  }

  /** Dismisses an open finding; false when it is not open. */
  dismiss(id: number, reason: string, recheckAt: string | null, now: string): boolean {
    return this.dismissOne.run({ id, reason, recheckAt, now }).changes > 0;
  }

  /** Undoes a dismissal; false when it is not dismissed. */
  reopen(id: number): boolean {
    return this.reopenOne.run({ id }).changes > 0;
  }

  /**
   * Every finding's kind, severity, status, accounts and people, without its evidence (a light read
   * to count, filter and sort).
   */
  summaries(): Pick<Finding, 'id' | 'kind' | 'severity' | 'status' | 'accountIds' | 'personIds'>[] {
    const ids = (value: string | number | null) =>
      value === null
        ? []
        : String(value)
            .split(',')
            .map(Number)
            .sort((a, b) => a - b);
    return this.listOpenBrief.all().map((row) => ({
      id: row.id,
      kind: row.kind as Finding['kind'],
      severity: row.severity,
      status: row.status,
      accountIds: ids(row.account_ids),
      personIds: ids(row.person_ids),
    }));
  }

  /** How many findings of each kind are open, kinds in the order of their first open finding. */
  openCounts(): { kind: Finding['kind']; count: number }[] {
    return this.countOpen.all() as { kind: Finding['kind']; count: number }[];
  }

  /** These findings, in the order given (missing ones are left out). */
  getMany(ids: readonly number[]): Finding[] {
    if (ids.length === 0) return [];
    const byId = new Map(this.getSome.all(JSON.stringify(ids)).map((row) => [row.id, this.toFinding(row)]));
    return ids.flatMap((id) => {
      const finding = byId.get(id);
      return finding ? [finding] : [];
    });
  }

  /** The open findings of these kinds, with their (active) accounts (a light read: no other evidence). */
  listOpen(kinds: readonly Finding['kind'][]): Finding[] {
    return this.listOpenOfKinds.all(JSON.stringify(kinds)).map((row) => this.toFinding(row));
  }

  /** Every finding with its (active) accounts. */
  list(): Finding[] {
    return this.listAll.all().map((row) => this.toFinding(row));
  }

  private toFinding(row: FindingRow): Finding {
    return {
      id: row.id,
      kind: row.kind as Finding['kind'],
      subject: row.subject,
      severity: row.severity,
      status: row.status,
      evidence: JSON.parse(row.evidence) as Record<string, unknown>,
      accountIds: row.account_ids
        ? row.account_ids
            .split(',')
            .map(Number)
            .sort((a, b) => a - b)
        : [],
      personIds:
        row.person_ids === null
          ? []
          : String(row.person_ids)
              .split(',')
              .map(Number)
              .sort((a, b) => a - b),
      firstSeenAt: row.first_seen_at,
      lastSeenAt: row.last_seen_at,
      resolvedAt: row.resolved_at,
      dismissedReason: row.dismissed_reason,
      recheckAt: row.recheck_at,
    };
  }
}
