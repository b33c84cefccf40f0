/**
 * Near-duplicate password detection for the `password_similar` check: `Summer2023!` and
 * `Summer2024!` are one password to an attacker who has seen either (credential-stuffing tools
 * try the obvious variations first). Identical passwords are `password_reused`, not this.
 *
 * Everything here runs in memory on passwords the caller holds for the length of one analysis;
 * nothing is kept between calls.
 */

/** Shortest base that means anything; shorter ones ("abc" from "abc123!") are never grouped. */
export const MIN_BASE_LENGTH = 4;

/**
 * Common "leet" substitutions, undone inside a password (never at its ends, which are stripped).
 * `1` could be `i` or `l`; `i` is picked, and the prefix rule of {@link groupSimilar} still links
 * `kestre1` to `kestrel`.
 */
const LEET: ReadonlyMap<string, string> = new Map([
  ['4', 'a'],
  ['@', 'a'],
  ['3', 'e'],
  ['1', 'i'],
  ['!', 'i'],
  ['0', 'o'],
  ['5', 's'],
  ['$', 's'],
  ['7', 't'],
]);

/** A run of non-letters inside a word longer than this is decoration, not leet ("2023", "88#"). */
const MAX_LEET_RUN = 3;

const LETTER = /^[\p{L}\p{M}]$/u;

/** Edit-distance rule: only passwords at least this long (shorter ones are weak anyway). */
const EDIT_MIN_LENGTH = 8;
/** Edit-distance rule: at most this many single-character edits apart. */
const EDIT_MAX_DISTANCE = 2;
/** Prefix rule: the shared part of the two bases is at least this long… */
const PREFIX_MIN_SHARED = 6;
/** …and the longer base adds at most this many characters. */
const PREFIX_MAX_EXTRA = 4;
/** Blocking: a bucket this small is compared all-pairs… */
const BUCKET_ALL_PAIRS = 32;
/** …a larger one only with this many sorted neighbours each, so the work stays linear. */
const BUCKET_WINDOW = 16;

/**
 * The "base" of a password — what is left when the usual decorations are taken off:
 * Unicode-normalised (NFKC) and lower-cased; everything before the first letter and after the last
 * letter dropped (`2023`, `!`, `#1`); inside, a short run of leet characters between letters
 * translated (`p@$$w0rd` → `password`) and any other run of digits or symbols dropped
 * (`kestrel88#tw` → `kestreltw`).
 *
 * Returns '' when the base is shorter than {@link MIN_BASE_LENGTH} characters or the password has
 * no letters: such a base says nothing and is never grouped on.
 *
 * @example normalizeForSimilarity('Summer2023!') // 'summer'
 * @example normalizeForSimilarity('P@ssw0rd')    // 'password'
 */
export function normalizeForSimilarity(password: string): string {
  const chars = Array.from(password.normalize('NFKC').toLowerCase());
  let first = 0;
  while (first < chars.length && !isLetter(chars[first]!)) first += 1;
  let last = chars.length - 1;
  while (last >= first && !isLetter(chars[last]!)) last -= 1;
  if (last < first) return '';

  let base = '';
  let run: string[] = [];
  for (let i = first; i <= last; i += 1) {
    const char = chars[i]!;
    if (isLetter(char)) {
      if (run.length > 0) {
        base += translateRun(run);
        run = [];
      }
      base += char;
    } else {
      run.push(char);
    }
  }
  // The loop ends on a letter, so no run is left over.
  return Array.from(base).length >= MIN_BASE_LENGTH ? base : '';
}

function isLetter(char: string): boolean {
  return LETTER.test(char);
}

function translateRun(run: readonly string[]): string {
  if (run.length > MAX_LEET_RUN) return '';
  let out = '';
  for (const char of run) {
    const letter = LEET.get(char);
    if (letter === undefined) return '';
    out += letter;
  }
  return out;
}

/**
 * Levenshtein distance (insertions, deletions, substitutions) between two strings, compared by
 * UTF-16 code unit, computed only as far as `max`: returns the exact distance when it is at most
 * `max`, otherwise `max + 1`. Runs in O(min(max, n) · n) time.
 */
export function levenshtein(a: string, b: string, max: number = Number.POSITIVE_INFINITY): number {
  return boundedEditDistance(a, b, max, false);
}

/**
 * Like {@link levenshtein}, but swapping two adjacent characters counts as one edit
 * (`pasword` ↔ `psaword`): the optimal-string-alignment variant of the Damerau–Levenshtein
 * distance. Same bound semantics.
 */
export function damerauLevenshtein(a: string, b: string, max: number = Number.POSITIVE_INFINITY): number {
  return boundedEditDistance(a, b, max, true);
}

function boundedEditDistance(a: string, b: string, maxIn: number, transpositions: boolean): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  // The distance never exceeds the longer length, so a larger bound changes nothing.
  const max = Math.max(0, Math.min(Math.floor(maxIn), Math.max(n, m)));
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (n === 0 || m === 0) return Math.max(n, m);

  // Three rows (the one before last is for transpositions); cells outside the diagonal band of
  // width `max` cannot lead to a distance within the bound and hold `over`.
  let before = new Int32Array(m + 1).fill(over);
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j += 1) previous[j] = j <= max ? j : over;

  for (let i = 1; i <= n; i += 1) {
    const low = Math.max(1, i - max);
    const high = Math.min(m, i + max);
    current[0] = i <= max ? i : over;
    if (low > 1) current[low - 1] = over;
    let rowMin = low === 1 ? current[0]! : over;
    const ai = a.charCodeAt(i - 1);
    for (let j = low; j <= high; j += 1) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j - 1]! + (ai === bj ? 0 : 1), previous[j]! + 1, current[j - 1]! + 1);
      if (transpositions && i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      if (value > over) value = over;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (high < m) current[high + 1] = over;
    if (rowMin > max) return over;
    const recycled = before;
    before = previous;
    previous = current;
    current = recycled;
  }
  return Math.min(previous[m]!, over);
}

/** One password to group, with the id of whatever holds it (an account, an import row). */
export interface SimilarityItem {
  id: string;
  password: string;
}

/**
 * Groups near-duplicate passwords. Two distinct passwords are linked when
 * - they have the same non-empty base ({@link normalizeForSimilarity}): `Summer2023!`, `summer2024`;
 * - one base extends the other by at most 4 characters over a shared part of at least 6:
 *   `Kestrel88` (`kestrel`) and `Kestrel88#tw` (`kestreltw`);
 * - both are at least 8 characters long and at most 2 edits apart, a swap of neighbours counting
 *   as one ({@link damerauLevenshtein}): `Tr0ub4dor&3` and `Tr0ub4dor&4`.
 * Links are transitive: a group is a connected set.
 *
 * Returns the ids of each group that holds at least two *distinct* passwords; ids sharing one
 * password all go into its group (so a reused password next to a similar one is in the group too),
 * while passwords that are only identical form no group (that is reuse, found elsewhere). Ids are
 * sorted within a group and groups by their first id, so the result does not depend on input order.
 *
 * Edit distances are not computed for all pairs: candidates are blocked by their first four and by
 * their last four characters, and a large block only compares sorted neighbours. 10,000 passwords
 * group in well under 300 ms; a pair edited in both its first and last four characters can be
 * missed, which the base rules usually catch anyway.
 */
export function groupSimilar(items: readonly SimilarityItem[]): string[][] {
  const indexOfPassword = new Map<string, number>();
  const passwords: string[] = [];
  const idsByPassword: string[][] = [];
  for (const item of items) {
    let index = indexOfPassword.get(item.password);
    if (index === undefined) {
      index = passwords.length;
      indexOfPassword.set(item.password, index);
      passwords.push(item.password);
      idsByPassword.push([]);
    }
    idsByPassword[index]!.push(item.id);
  }

  const sets = new DisjointSets(passwords.length);

  // Same base.
  const firstWithBase = new Map<string, number>();
  passwords.forEach((password, index) => {
    const base = normalizeForSimilarity(password);
    if (base === '') return;
    const first = firstWithBase.get(base);
    if (first === undefined) firstWithBase.set(base, index);
    else sets.union(first, index);
  });

  // One base a short extension of another.
  for (const [base, index] of firstWithBase) {
    const chars = Array.from(base);
    for (let extra = 1; extra <= PREFIX_MAX_EXTRA; extra += 1) {
      const shared = chars.length - extra;
      if (shared < PREFIX_MIN_SHARED) break;
      const other = firstWithBase.get(chars.slice(0, shared).join(''));
      if (other !== undefined) sets.union(index, other);
    }
  }

  // Small edit distance, within blocks.
  const lower = passwords.map((password) => password.toLowerCase());
  const byHead = new Map<string, number[]>();
  const byTail = new Map<string, number[]>();
  passwords.forEach((password, index) => {
    if (password.length < EDIT_MIN_LENGTH) return;
    const key = lower[index]!;
    pushTo(byHead, key.slice(0, 4), index);
    pushTo(byTail, key.slice(-4), index);
  });
  const reversed = new Map<number, string>();
  const reversedLower = (index: number): string => {
    let value = reversed.get(index);
    if (value === undefined) {
      value = Array.from(lower[index]!).reverse().join('');
      reversed.set(index, value);
    }
    return value;
  };
  const compareBlock = (block: number[], sortKey: (index: number) => string): void => {
    if (block.length < 2) return;
    block.sort(
      (x, y) => compareStrings(sortKey(x), sortKey(y)) || compareStrings(passwords[x]!, passwords[y]!),
    );
    const window = block.length <= BUCKET_ALL_PAIRS ? block.length : BUCKET_WINDOW;
    for (let i = 0; i < block.length; i += 1) {
      const x = block[i]!;
      const a = passwords[x]!;
      const end = Math.min(block.length, i + 1 + window);
      for (let k = i + 1; k < end; k += 1) {
        const y = block[k]!;
        const b = passwords[y]!;
        if (Math.abs(a.length - b.length) > EDIT_MAX_DISTANCE) continue;
        if (sets.find(x) === sets.find(y)) continue;
        if (damerauLevenshtein(a, b, EDIT_MAX_DISTANCE) <= EDIT_MAX_DISTANCE) sets.union(x, y);
      }
    }
  };
  for (const block of byHead.values()) compareBlock(block, (index) => lower[index]!);
  for (const block of byTail.values()) compareBlock(block, reversedLower);

  // Collect groups of at least two distinct passwords.
  const members = new Map<number, number[]>();
  for (let index = 0; index < passwords.length; index += 1) {
    pushTo(members, sets.find(index), index);
  }
  const groups: string[][] = [];
  for (const group of members.values()) {
    if (group.length < 2) continue;
    groups.push(group.flatMap((index) => idsByPassword[index]!).sort(compareStrings));
  }
  return groups.sort((x, y) => compareStrings(x[0]!, y[0]!));
}

function pushTo<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Union–find with path halving and union by size. */
class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = new Int32Array(count);
    this.size = new Int32Array(count).fill(1);
    for (let i = 0; i < count; i += 1) this.parent[i] = i;
  }

  find(index: number): number {
    let node = index;
    while (this.parent[node] !== node) {
      const grandparent = this.parent[this.parent[node]!]!;
      this.parent[node] = grandparent;
      node = grandparent;
    }
    return node;
  }

  union(a: number, b: number): void {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return;
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = this.size[rootA]! + this.size[rootB]!;
  }
}
