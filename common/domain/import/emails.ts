import type { ImportedEntry } from './types';

/**
 * An e-mail address as people use them to sign in: a local part without spaces, `@`, and a
 * dotted domain whose last label is 2+ letters (or an IDN `xn--` label). Deliberately simple;
 * it only has to tell an address from a user name.
 */
const EMAIL =
  /^[^\s@"<>(),;:\\[\]]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The distinct, valid e-mail addresses used as login user names, lower-cased, most used first
 * (ties in order of first appearance). An import offers them as the person's addresses.
 */
export function loginEmailAddresses(entries: readonly ImportedEntry[]): string[] {
  const counts = new Map<string, number>();
  for (const { username } of entries) {
    const address = username.trim().toLowerCase();
    if (address.length > 254 || !EMAIL.test(address)) continue;
    counts.set(address, (counts.get(address) ?? 0) + 1);
  }
  // Map keeps insertion order and the sort is stable, so ties stay in order of appearance.
  return [...counts].sort((a, b) => b[1] - a[1]).map(([address]) => address);
}
