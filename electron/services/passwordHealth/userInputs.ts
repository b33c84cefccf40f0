/**
 * When do a password's user inputs (service, user name, domain) change its zxcvbn estimate?
 *
 * zxcvbn-ts turns the user inputs into one more ranked dictionary (`userInputs`, each input
 * lower-cased) and reads it only in its dictionary matchers: the plain scan of the lower-cased
 * password, the same scan of the reversed password, and the scans of the l33t variants (the
 * password with some substitutions undone: `4` → `a`, `|_|` → `u`, …). The word-sequence matcher
 * uses its own small dictionaries only. So if no input equals a substring of any string those
 * scans read, zxcvbn finds no `userInputs` match, and everything after matching — the most
 * guessable sequence, the score, the feedback — is what it is without the inputs: the estimate
 * with the inputs is exactly the estimate without them. (The inputs' length also widens the
 * scan, but each dictionary is still only searched up to its own longest word.)
 *
 * {@link userInputsCanMatch} answers "might they?", erring towards yes: it looks for each input in
 * the reversed password, and in the password under *every* way of undoing substitutions (zxcvbn
 * tries at most `l33tMaxSubstitutions` variants, and only case-sensitive ones); anything outside
 * ASCII, where lower-casing can change lengths or depend on neighbours, is a yes.
 */

/** zxcvbn's l33t table: a letter and the strings that stand for it (`a: ['4', '@']`). */
export type L33tTable = Readonly<Record<string, readonly string[]>>;

/** Every character at most U+007F (a test on code points, so no control-character regex). */
const isAscii = (text: string): boolean => {
  for (let k = 0; k < text.length; k += 1) if (text.charCodeAt(k) > 0x7f) return false;
  return true;
};

/** For each letter, its substitutions lower-cased; null when the table has a shape we do not model. */
type Substitutions = ReadonlyMap<string, readonly string[]> | null;

const prepared = new WeakMap<L33tTable, Substitutions>();

function substitutionsOf(table: L33tTable): Substitutions {
  let substitutions = prepared.get(table);
  if (substitutions !== undefined) return substitutions;
  const byLetter = new Map<string, string[]>();
  let isModelled = true;
  for (const [letter, subs] of Object.entries(table)) {
    const lower = letter.toLowerCase();
    // One ASCII letter per substitution keeps a variant aligned with the input, one character
    // for one letter, and keeps variants of an ASCII password in ASCII.
    if (lower.length !== 1 || !isAscii(lower)) isModelled = false;
    const list = byLetter.get(lower) ?? [];
    for (const sub of subs) if (sub.length > 0) list.push(sub.toLowerCase());
    byLetter.set(lower, list);
  }
  substitutions = isModelled ? byLetter : null;
  prepared.set(table, substitutions);
  return substitutions;
}

/**
 * Whether zxcvbn-ts could find any of `userInputs` in `password` (plainly, reversed or through l33t
 * substitutions from `l33tTable`), in which case the estimate must be computed with them. False
 * only when none can match, so that `check(password, userInputs)` equals `check(password)`.
 */
export function userInputsCanMatch(
  password: string,
  userInputs: readonly string[],
  l33tTable: L33tTable,
): boolean {
  const words = userInputs.map((input) => String(input).toLowerCase()).filter((word) => word.length > 0);
  if (words.length === 0) return false;
  const substitutions = substitutionsOf(l33tTable);
  if (substitutions === null || !isAscii(password)) return true;
  const lower = password.toLowerCase();
  const reversed = lower.split('').reverse().join('');
  for (const word of words) {
    // An ASCII password and its variants (ASCII letters put in) hold no other character.
    if (!isAscii(word)) continue;
    if (reversed.includes(word) || occursUndoingSubstitutions(lower, word, substitutions)) return true;
  }
  return false;
}

/**
 * Whether some run of `lower` reads as `word` when some substitutions are undone: each character
 * of the word is either the same character or one of its letter's substitutions.
 */
function occursUndoingSubstitutions(
  lower: string,
  word: string,
  substitutions: ReadonlyMap<string, readonly string[]>,
): boolean {
  // Reads word[k..] from lower[at..]; the branching is small (a letter has a few substitutions).
  const readsFrom = (at: number, k: number): boolean => {
    if (k === word.length) return true;
    const letter = word[k]!;
    if (lower[at] === letter && readsFrom(at + 1, k + 1)) return true;
    for (const sub of substitutions.get(letter) ?? []) {
      if (lower.startsWith(sub, at) && readsFrom(at + sub.length, k + 1)) return true;
    }
    return false;
  };
  for (let start = 0; start < lower.length; start += 1) if (readsFrom(start, 0)) return true;
  return false;
}
