/**
 * The history of what was done, kept as a hash chain: every row carries the hash of the one before
 * it, so editing, removing, reordering or inserting a past row breaks the chain and is detected.
 *
 * What this protects, honestly: it makes edits *detectable*, not impossible. Someone who can write
 * the database file and knows this scheme can recompute every hash after their edit (and the
 * anchored head) and the chain will verify. A chain alone cannot tell that its last rows were removed
 * either: the head anchor ({@link ChainHead}, kept in its own table and written in the same
 * transaction as each row) closes that gap for casual edits, but a forger can update it too. Keying
 * the hash (an HMAC with a secret kept outside the file, e.g. in the OS keychain) would be the next
 * step; until then this is evidence of honest record keeping, not proof against a determined forger.
 *
 * Pure: the SHA-256 function is passed in (`node:crypto` in the main process), so this runs anywhere.
 */

/** What a history row is about. */
export const HISTORY_SUBJECT_TYPES = [
  'task',
  'finding',
  'account',
  'person',
  'email',
  'notice',
  'guide_run',
  'import',
  'data',
  'mail_scan',
] as const;
/** One of {@link HISTORY_SUBJECT_TYPES}. */
export type HistorySubjectType = (typeof HISTORY_SUBJECT_TYPES)[number];

/** One change to a task, finding or account, as recorded. */
export interface HistoryEntry {
  /** Position in the chain: 1 for the first row, then each row one more than the last. */
  seq: number;
  /** When the change was made (ISO timestamp). */
  at: string;
  /** Who made it, in words: `'Me'`, or a named helper such as `'Helper: Sam (IT)'`. */
  actor: string;
  subjectType: HistorySubjectType;
  subjectId: number;
  /** What changed, e.g. `'status'`. */
  action: string;
  /** The value before the change, or null when there was none. */
  from: string | null;
  /** The value after the change, or null when there is none (e.g. a removal). */
  to: string | null;
  /** Why, in the person's words; empty when they gave none. */
  note: string;
}

/** A history row with its place in the chain. */
export interface ChainedEntry extends HistoryEntry {
  /** The hash of the row before ({@link GENESIS_HASH} for the first row), 64 lowercase hex digits. */
  prevHash: string;
  /** {@link chainHash} of `prevHash` and this entry. */
  hash: string;
}

/** The last row of a chain as anchored outside it: how many rows there are and the last one's hash. */
export interface ChainHead {
  count: number;
  /** The hash of row `count`, or {@link GENESIS_HASH} when the chain is empty. */
  hash: string;
}

/** A SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits. */
export type Sha256Hex = (text: string) => string;

/** The hash the first row chains from: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Bumped if the canonical form ever changes, so old and new rows can never hash alike by accident. */
const CANONICAL_FORMAT = 1;

/**
 * The exact text an entry is hashed as: a JSON array of a format number and the fields in a fixed
 * order. It does not depend on the order of an object's keys, and JSON's quoting keeps field
 * boundaries and `null` versus `''` unambiguous (`["a|b",""]` is not `["a","|b"]`, `null` is not `""`).
 * Throws a `RangeError` for a `seq` or `subjectId` that is not a safe integer (they would not survive
 * a round trip through JSON or SQLite unchanged).
 */
export function canonicalize(entry: HistoryEntry): string {
  for (const [name, value] of [
    ['seq', entry.seq],
    ['subjectId', entry.subjectId],
  ] as const) {
    if (!Number.isSafeInteger(value))
      throw new RangeError(`History ${name} must be an integer, got ${value}`);
  }
  return JSON.stringify([
    CANONICAL_FORMAT,
    entry.seq,
    entry.at,
    entry.actor,
    entry.subjectType,
    entry.subjectId,
    entry.action,
    entry.from,
    entry.to,
    entry.note,
  ]);
}

/** The hash of a row: `sha256Hex(prevHash + '\n' + canonicalize(entry))`. */
export function chainHash(prevHash: string, entry: HistoryEntry, sha256Hex: Sha256Hex): string {
  return sha256Hex(`${prevHash}\n${canonicalize(entry)}`);
}

/** Why a chain failed to verify. */
export type ChainBreak =
  /** The row's content does not hash to its stored hash: a field (or the hash) was edited. */
  | 'hash-mismatch'
  /** The row does not chain from the row before it: rows were swapped, replaced or renumbered. */
  | 'prev-mismatch'
  /** A sequence number is missing (or out of order): a row was removed or moved. */
  | 'sequence-gap'
  /** The rows do not end at the anchored head: the last rows were removed, or rows and head disagree. */
  | 'truncated';

/** The outcome of {@link verifyChain}. */
export type ChainVerification =
  | { ok: true; count: number }
  | {
      ok: false;
      /** How many rows were read before the break was found (all of them for `'truncated'`). */
      count: number;
      /**
       * The sequence number where the chain first fails to hold: the row that fails its check; for
       * `'sequence-gap'` the first missing number; for `'truncated'` the first row the head vouches
       * for that is missing or differs.
       */
      brokenAt: number;
      reason: ChainBreak;
    };

/**
 * Checks a chain read in `seq` order: sequence numbers run 1, 2, 3…; each row's `prevHash` is the
 * previous row's `hash` ({@link GENESIS_HASH} for the first); and each `hash` recomputes. Stops at the
 * first break. Reads `rows` once, so a streaming iterator works (it is closed early on a break).
 *
 * Without `head`, removing the *last* rows cannot be detected: what remains is a valid, shorter
 * chain. With `head` (the anchor stored beside the rows), a chain that does not end at exactly
 * `head.count` rows with `head.hash` as its last hash is reported as `'truncated'`.
 */
export function verifyChain(
  rows: Iterable<ChainedEntry>,
  sha256Hex: Sha256Hex,
  head?: ChainHead,
): ChainVerification {
  let count = 0;
  let previousHash = GENESIS_HASH;
  for (const row of rows) {
    const expectedSeq = count + 1;
    const broken = (brokenAt: number, reason: ChainBreak): ChainVerification => ({
      ok: false,
      count,
      brokenAt,
      reason,
    });
    if (row.seq !== expectedSeq) return broken(expectedSeq, 'sequence-gap');
    if (row.prevHash !== previousHash) return broken(row.seq, 'prev-mismatch');
    if (!hashes(row, sha256Hex)) return broken(row.seq, 'hash-mismatch');
    previousHash = row.hash;
    count += 1;
  }
  if (head && (head.count !== count || head.hash !== previousHash)) {
    // Shorter: the first missing row. Longer: the first row past the anchor. Same length but another
    // last hash: the last row is not the one that was anchored.
    const brokenAt = head.count === count ? Math.max(count, 1) : Math.min(head.count, count) + 1;
    return { ok: false, count, brokenAt, reason: 'truncated' };
  }
  return { ok: true, count };
}

/** Whether a row's content recomputes to its hash; a row that cannot even be hashed does not. */
function hashes(row: ChainedEntry, sha256Hex: Sha256Hex): boolean {
  try {
    return chainHash(row.prevHash, row, sha256Hex) === row.hash;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}
