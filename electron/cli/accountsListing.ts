// `accounts`: every account with what the checks found about it, as JSON (the documented shape) or
// as a table. It reads only the stored accounts, password verdicts and findings, through
// {@link AccountsSource}: from the services when the command line has opened them, or from the
// read-only data reader that `accounts` alone needs (electron/services/dataReader.ts).
import type { Finding } from '../../common/ipc/contract';
import type { AccountSummary } from '../db/repositories/accountsRepository';
import type { BreachFact } from '../db/repositories/passwordSignalsRepository';
import { format } from '../../common/messages/format';
import { strengthLabel, type StrengthScore } from '../../common/domain/passwords/strength';
import { oneLine } from '../../common/domain/terminal';

/** What the listing reads. */
export interface AccountsSource {
  /** Every account, as a listing shows each, by service name. */
  summaries(): AccountSummary[];
  /** What each breached-password source said, by account. */
  breachFacts(): Map<number, BreachFact>;
  /** The open findings of these kinds. */
  openFindings(kinds: readonly Finding['kind'][]): Finding[];
}

/** One account's row. */
export type AccountRow = ReturnType<typeof accountsJson>[number];

/** Each account's group among these findings of one kind (a reuse or similarity group). */
function groupsByAccount(findings: Finding[], kind: Finding['kind']): Map<number, string> {
  const map = new Map<number, string>();
  for (const finding of findings) {
    if (finding.kind !== kind) continue;
    const group = String(finding.evidence.groupId ?? finding.subject);
    for (const id of finding.accountIds) map.set(id, group);
  }
  return map;
}

/** Every account as `accounts --json` prints it (the documented shape, README "Command line"). */
export function accountsJson(source: AccountsSource) {
  // Only the open findings that group or mark accounts (a whole office has thousands of others).
  const findings = source.openFindings(['password_reused', 'password_similar', 'insecure_url']);
  const reuse = groupsByAccount(findings, 'password_reused');
  const similar = groupsByAccount(findings, 'password_similar');
  const facts = source.breachFacts();
  const insecure = new Set(findings.filter((f) => f.kind === 'insecure_url').flatMap((f) => f.accountIds));
  return source.summaries().map((a) => {
    const fact = facts.get(a.id);
    const online = fact && (fact.onlineStatus === 'found' || fact.onlineStatus === 'not_found') ? fact : null;
    const index = fact && fact.indexCount !== null && fact.indexCount !== undefined ? fact : null;
    const found =
      !!fact && (fact.commonRank !== null || fact.onlineStatus === 'found' || (fact.indexCount ?? 0) > 0);
    return {
      id: a.id,
      person: a.personName,
      service: a.service,
      domain: a.domain,
      url: a.url,
      username: a.username,
      mfa: a.mfa,
      hasTotp: a.hasTotp,
      passwordStrength: a.passwordStrength,
      // Times seen, from a full corpus (online, else the offline index); null means "not checked
      // against a full corpus", never "not breached".
      pwnedCount: online ? (online.pwnedCount ?? 0) : index ? index.indexCount : null,
      // true: on a list of breached passwords; false: looked up in a full corpus and not there;
      // null: only the common list was consulted (or no password was imported).
      pwned: !fact ? null : found ? true : online || index ? false : null,
      pwnedSource: !fact
        ? null
        : online
          ? 'online'
          : index
            ? 'offline_index'
            : fact.commonRank !== null
              ? 'common_list'
              : null,
      // What each source said: the bundled list always ran; the others only when they were there.
      pwnedChecks: !fact
        ? null
        : {
            commonList: fact.commonRank !== null ? 'found' : 'not_found',
            offlineIndex: index ? ((index.indexCount ?? 0) > 0 ? 'found' : 'not_found') : 'not_checked',
            offlineIndexDate: index?.indexBuiltAt?.slice(0, 10) ?? null,
            online:
              fact.onlineStatus === 'off'
                ? 'not_checked'
                : fact.onlineStatus === 'failed'
                  ? 'failed'
                  : fact.onlineStatus,
          },
      reuseGroup: reuse.get(a.id) ?? null,
      similarGroup: similar.get(a.id) ?? null,
      insecureUrl: insecure.has(a.id),
      passwordChangedAt: a.passwordChangedAt,
    };
  });
}

/** The rows as the text listing shows them, one account a line. */
export function accountsTable(rows: AccountRow[]): string {
  if (rows.length === 0) return format('cli.accounts.none');
  return rows
    .map((r) =>
      [
        oneLine(r.service).padEnd(24).slice(0, 24),
        oneLine(r.domain ?? '')
          .padEnd(22)
          .slice(0, 22),
        oneLine(r.username).padEnd(28).slice(0, 28),
        format('cli.accounts.strength', {
          label:
            r.passwordStrength === null
              ? format('strength.unknown')
              : strengthLabel(r.passwordStrength as StrengthScore),
        }),
        r.pwned ? format('cli.accounts.breached') : '',
        r.reuseGroup ? format('cli.accounts.reused') : '',
        r.similarGroup ? format('cli.accounts.similar') : '',
        r.insecureUrl ? format('cli.accounts.insecure') : '',
      ]
        .filter(Boolean)
        .join('  '),
    )
    .join('\n');
}
