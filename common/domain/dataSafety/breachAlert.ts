import type { Finding } from '../../model/findings';
import { monthName } from '../dates';
import { format } from '../../messages/format';

/** The finding kinds that say "a breach concerns this account or address". */
const BREACH_KINDS = new Set<Finding['kind']>(['breached_service', 'email_in_breach']);

/** A breach newly found to concern something in the inventory. */
export interface NewBreach {
  findingId: number;
  kind: 'breached_service' | 'email_in_breach';
  /** The breach's name in the catalogue. */
  name: string;
  title: string;
  /** YYYY-MM-DD, when known. */
  breachDate: string | null;
  /** breached_service: when the password was last changed (YYYY-MM-DD), null when unknown. */
  passwordChangedAt: string | null;
  /** email_in_breach: the address. */
  address: string | null;
}

interface BreachFacts {
  name: string;
  title: string;
  breachDate: string | null;
}

function breachesOf(finding: Finding): BreachFacts[] {
  const list = Array.isArray(finding.evidence.breaches) ? (finding.evidence.breaches as unknown[]) : [];
  return list.flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [];
    const { name, title, breachDate } = item as Record<string, unknown>;
    if (typeof name !== 'string') return [];
    return [
      {
        name,
        title: typeof title === 'string' ? title : name,
        breachDate: typeof breachDate === 'string' ? breachDate : null,
      },
    ];
  });
}

/**
 * The breaches that concern the inventory after a refresh and did not before: for each open
 * `breached_service` or `email_in_breach` finding, the breaches in its evidence that the same
 * finding did not list while it was open before (all of them for a finding that was not open).
 * Newest breach first.
 */
export function newBreaches(before: readonly Finding[], after: readonly Finding[]): NewBreach[] {
  const known = new Map<number, Set<string>>();
  for (const finding of before) {
    if (BREACH_KINDS.has(finding.kind) && finding.status === 'open')
      known.set(finding.id, new Set(breachesOf(finding).map((b) => b.name)));
  }
  const found: NewBreach[] = [];
  for (const finding of after) {
    if (!BREACH_KINDS.has(finding.kind) || finding.status !== 'open') continue;
    const seen = known.get(finding.id) ?? new Set<string>();
    for (const breach of breachesOf(finding)) {
      if (seen.has(breach.name)) continue;
      const changed = finding.evidence.passwordChangedAt;
      const address = finding.evidence.address;
      found.push({
        findingId: finding.id,
        kind: finding.kind as NewBreach['kind'],
        ...breach,
        passwordChangedAt: typeof changed === 'string' ? changed : null,
        address: typeof address === 'string' ? address : null,
      });
    }
  }
  return found.sort(
    (a, b) => (b.breachDate ?? '').localeCompare(a.breachDate ?? '') || a.name.localeCompare(b.name),
  );
}

/** "May 2026" for `2026-05-20`; the year alone when only that is known; '' when nothing is. */
export function monthAndYear(date: string | null): string {
  if (!date) return '';
  const month = Number(date.slice(5, 7));
  const name = monthName(month);
  return name ? format('dates.monthYear', { month: name, year: date.slice(0, 4) }) : date.slice(0, 4);
}

/**
 * The one desktop notification for breaches found by a background refresh, or null when there are
 * none: "New breach at Dropbox (May 2026): your password there was last changed in 2021". Several
 * breaches still make one notification, naming the newest and counting the others.
 */
export function breachNotification(found: readonly NewBreach[]): { title: string; body: string } | null {
  const first = found[0];
  if (!first) return null;
  const when = monthAndYear(first.breachDate);
  const detail =
    first.kind === 'email_in_breach'
      ? format('breachAlert.address', { address: first.address ?? '' }).replace(/ {2}/, ' ')
      : first.passwordChangedAt
        ? format('breachAlert.changedIn', { year: first.passwordChangedAt.slice(0, 4) })
        : format('breachAlert.changedUnknown');
  const others = found.length - 1;
  return {
    title: format('breachAlert.title', { others, count: found.length }),
    body: format('breachAlert.body', {
      breach: first.title,
      hasWhen: when ? 'yes' : 'no',
      when,
      detail,
      others,
    }),
  };
}
