import type { Account } from '../model/index';
import type { Category, Criticality, MfaMethod } from './inventory';

/** Filters a person can set on the accounts list; `null` means "any". */
export interface AccountFilter {
  search: string;
  personId: number | null;
  category: Category | null;
  criticality: Criticality | null;
  mfa: MfaMethod | null;
}

/** Columns the list can sort by. */
export type AccountSortKey =
  | 'service'
  | 'person'
  | 'username'
  | 'category'
  | 'criticality'
  | 'mfa'
  | 'passwordStrength'
  | 'passwordChangedAt';

/** A sort column and direction. */
export interface AccountSort {
  key: AccountSortKey;
  direction: 'asc' | 'desc';
}

/** No filter at all. */
export const EMPTY_FILTER: AccountFilter = {
  search: '',
  personId: null,
  category: null,
  criticality: null,
  mfa: null,
};

const CRITICALITY_RANK: Record<Criticality, number> = { critical: 0, important: 1, standard: 2 };
const MFA_RANK: Record<MfaMethod, number> = {
  none: 0,
  unknown: 1,
  sms: 2,
  email: 3,
  push: 4,
  totp: 5,
  passkey: 6,
  security_key: 7,
};

// Built when first used, not when this module loads (an Intl collator costs ~5 ms to build).
let builtCollator: Intl.Collator | undefined;
const collator = {
  compare: (a: string, b: string): number =>
    (builtCollator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a, b),
};

/**
 * Applies a filter and a sort. Search matches every whitespace-separated word (case- and
 * accent-insensitively) against service, domain, username, person and notes.
 */
export function queryAccounts(
  accounts: readonly Account[],
  filter: AccountFilter,
  sort: AccountSort,
): Account[] {
  const words = fold(filter.search).split(/\s+/).filter(Boolean);
  const matches = accounts.filter((account) => {
    if (filter.personId !== null && account.personId !== filter.personId) return false;
    if (filter.category !== null && account.category !== filter.category) return false;
    if (filter.criticality !== null && account.criticality !== filter.criticality) return false;
    if (filter.mfa !== null && account.mfa !== filter.mfa) return false;
    if (words.length === 0) return true;
    const haystack = fold(
      `${account.service} ${account.domain ?? ''} ${account.username} ${account.personName} ${account.notes}`,
    );
    return words.every((word) => haystack.includes(word));
  });
  const compare = comparator(sort.key);
  const sign = sort.direction === 'asc' ? 1 : -1;
  return matches.sort(
    (a, b) => sign * compare(a, b) || collator.compare(a.service, b.service) || a.id - b.id,
  );
}

function comparator(key: AccountSortKey): (a: Account, b: Account) => number {
  switch (key) {
    case 'service':
      return (a, b) => collator.compare(a.service, b.service);
    case 'person':
      return (a, b) => collator.compare(a.personName, b.personName);
    case 'username':
      return (a, b) => collator.compare(a.username, b.username);
    case 'category':
      return (a, b) => collator.compare(a.category, b.category);
    case 'criticality':
      return (a, b) => CRITICALITY_RANK[a.criticality] - CRITICALITY_RANK[b.criticality];
    case 'mfa':
      return (a, b) => MFA_RANK[a.mfa] - MFA_RANK[b.mfa];
    case 'passwordStrength':
      // Weakest first; accounts whose password was never analysed last.
      return (a, b) => (a.passwordStrength ?? 5) - (b.passwordStrength ?? 5);
    case 'passwordChangedAt':
      // Unknown dates sort as oldest: they are the riskiest.
      return (a, b) => (a.passwordChangedAt ?? '').localeCompare(b.passwordChangedAt ?? '');
  }
}

/** Lower-cases and strips accents, for forgiving search. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
