import { spreadsheetCsv } from '../spreadsheet';
import { EXPORT_FILES, type LockstepExport } from './exportFormat';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/**
 * The export's lists as spreadsheet-safe CSV files (UTF-8 with a BOM, CRLF; every cell that a
 * spreadsheet would read as a formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * — is written with a leading `'`): people, accounts, findings, tasks and the history (with its
 * hashes; the exact values for checking the chain are in the JSON). File name → content.
 */
export function exportCsvFiles(data: LockstepExport): Record<string, string> {
  const people = new Map(data.people.map((p) => [p.id, p.name]));
  const accounts = new Map(data.accounts.map((a) => [a.id, a]));
  const signals = new Map(data.passwordSignals.map((s) => [s.accountId, s]));
  const accountLabel = (accountId: number | null) => {
    const account = accountId === null ? undefined : accounts.get(accountId);
    return account ? `${account.service}${account.username ? ` (${account.username})` : ''}` : '';
  };

  const breached = (accountId: number) => {
    const s = signals.get(accountId);
    if (!s) return '';
    if (s.commonRank !== null || s.onlineStatus === 'found' || (s.indexCount ?? 0) > 0) return 'yes';
    if (s.onlineStatus === 'not_found' || s.indexCount === 0) return 'no';
    return 'not checked';
  };

  return {
    [EXPORT_FILES.people]: spreadsheetCsv(
      ['id', 'name', 'group', 'role', 'isDefault', 'emailAddresses', 'accounts', 'createdAt'],
      data.people.map((p) => [
        p.id,
        p.name,
        p.group,
        p.role,
        yesNo(p.isDefault),
        data.emailAddresses
          .filter((e) => e.personId === p.id)
          .map((e) => e.address)
          .join('; '),
        data.accounts.filter((a) => a.personId === p.id).length,
        p.createdAt,
      ]),
    ),
    [EXPORT_FILES.accounts]: spreadsheetCsv(
      [
        'id',
        'person',
        'service',
        'url',
        'domain',
        'username',
        'category',
        'criticality',
        'twoStep',
        'hasTotp',
        'passwordChangedAt',
        'recoveryReviewedAt',
        'passwordStrength',
        'breachedPassword',
        'reuseGroup',
        'notes',
        'source',
        'createdAt',
        'updatedAt',
      ],
      data.accounts.map((a) => {
        const s = signals.get(a.id);
        return [
          a.id,
          people.get(a.personId) ?? '',
          a.service,
          a.url,
          a.domain,
          a.username,
          a.category,
          a.criticality,
          a.mfa,
          yesNo(a.hasTotp),
          a.passwordChangedAt,
          a.recoveryReviewedAt,
          s ? s.strength : '',
          breached(a.id),
          s?.reuseGroup ?? '',
          a.notes,
          a.source,
          a.createdAt,
          a.updatedAt,
        ];
      }),
    ),
    [EXPORT_FILES.findings]: spreadsheetCsv(
      [
        'id',
        'kind',
        'severity',
        'status',
        'accounts',
        'firstSeenAt',
        'lastSeenAt',
        'resolvedAt',
        'dismissedReason',
        'recheckAt',
        'evidence',
      ],
      data.findings.map((f) => [
        f.id,
        f.kind,
        f.severity,
        f.status,
        f.accountIds.map(accountLabel).join('; '),
        f.firstSeenAt,
        f.lastSeenAt,
        f.resolvedAt,
        f.dismissedReason,
        f.recheckAt,
        JSON.stringify(f.evidence),
      ]),
    ),
    [EXPORT_FILES.tasks]: spreadsheetCsv(
      [
        'id',
        'title',
        'kind',
        'priority',
        'status',
        'dueAt',
        'account',
        'owner',
        'assignee',
        'why',
        'verified',
        'verificationNote',
        'snoozedUntil',
        'wontDoReason',
        'source',
        'createdAt',
        'doneAt',
      ],
      data.tasks.map((t) => [
        t.id,
        t.title,
        t.kind,
        t.priority,
        t.status,
        t.dueAt,
        accountLabel(t.accountId),
        t.ownerPersonId === null ? '' : (people.get(t.ownerPersonId) ?? ''),
        t.assigneeHelper ?? (t.assigneePersonId === null ? '' : (people.get(t.assigneePersonId) ?? '')),
        t.why.join('; '),
        yesNo(t.verified),
        t.verificationNote,
        t.snoozedUntil,
        t.wontDoReason,
        t.source,
        t.createdAt,
        t.doneAt,
      ]),
    ),
    [EXPORT_FILES.history]: spreadsheetCsv(
      ['seq', 'at', 'actor', 'subjectType', 'subjectId', 'action', 'from', 'to', 'note', 'prevHash', 'hash'],
      data.history.entries.map((h) => [
        h.seq,
        h.at,
        h.actor,
        h.subjectType,
        h.subjectId,
        h.action,
        h.from,
        h.to,
        h.note,
        h.prevHash,
        h.hash,
      ]),
    ),
  };
}
