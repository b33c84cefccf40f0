import type { CommonPasswordList } from '../../../common/domain/passwords/commonPasswords';
import type { PasswordSignals } from '../../../common/domain/passwords/signals';
import { groupSimilar, normalizeForSimilarity } from '../../../common/domain/passwords/similarity';
import type { Fingerprinter } from './fingerprint';
import { scorePasswords, type PasswordScorer } from './scoring';
import type { VerdictCache } from './verdictCache';

export type { PasswordSignals } from '../../../common/domain/passwords/signals';

/** One password to analyse, under a caller-chosen key (an import row, an account id). */
export interface PasswordEntry {
  key: string;
  password: string;
  /** Words an attacker would try first for this account: user name, email, service name. */
  userInputs: string[];
}

/**
 * What the analysis needs: the install's fingerprinter, the common-password list, a scorer, and
 * optionally the strength verdicts of earlier analyses (see `verdictCache.ts`).
 */
export interface AnalyzeDependencies {
  fingerprinter: Fingerprinter;
  common: CommonPasswordList;
  scorer: PasswordScorer;
  verdictCache?: VerdictCache | undefined;
}

/** At most this many user inputs per distinct password (a password reused on 40 sites). */
const MAX_USER_INPUTS = 24;

/**
 * Turns passwords into the signals Lockstep keeps (DESIGN.md, "The promise" 2): strength, keyed
 * fingerprints, common-list rank and near-duplicate group. Passwords are read here and dropped
 * with the caller's entries; nothing of them stays in module state.
 *
 * `onProgress(done, total)` follows strength scoring, the slow part (distinct passwords, those
 * answered by the verdict cache counting as done from the start). Aborting `signal` rejects as
 * `StrengthScorer.score` does. Entries sharing a key: the last one wins.
 */
export async function analyzePasswords(
  entries: readonly PasswordEntry[],
  deps: AnalyzeDependencies,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Map<string, PasswordSignals>> {
  // Score each distinct password once (a reused password is the same password everywhere), with
  // the words of every account that uses it: the lowest score any of them would get.
  const distinct = new Map<string, Set<string>>();
  for (const { password, userInputs } of entries) {
    const inputs = distinct.get(password) ?? new Set<string>();
    for (const input of userInputs) if (inputs.size < MAX_USER_INPUTS) inputs.add(input);
    distinct.set(password, inputs);
  }
  const passwords = [...distinct.keys()];
  const exact = new Map<string, string>();
  const fingerprint = (password: string): string => {
    let value = exact.get(password);
    if (value === undefined) {
      value = deps.fingerprinter.exact(password);
      exact.set(password, value);
    }
    return value;
  };
  // The same estimates as zxcvbn's check(password, words) for each, with less work (scoring.ts).
  // The workers have their chunks once this returns; the rest below runs here meanwhile.
  const scoring = scorePasswords(
    passwords.map((password) => ({ password, userInputs: [...distinct.get(password)!] })),
    { scorer: deps.scorer, verdictCache: deps.verdictCache, fingerprint },
    onProgress,
    signal,
  );
  // Awaited below; this only keeps a failure from counting as unhandled while the work here runs.
  scoring.catch(() => {});
  // The event loop runs between the steps below: the workers' messages that wait behind this
  // thread's synchronous work (above all the fast search's index, built by one worker for the
  // others, and every finished chunk, after which a worker gets its next) are handled within a
  // step, not ~0.3 s later when all of it is done.
  await eventLoopTurn();

  const bases = entries.map((entry) => normalizeForSimilarity(entry.password));
  const groupOf = new Map<string, string>();
  const byKey = new Map<string, { password: string; base: string }>();
  entries.forEach((entry, index) => byKey.set(entry.key, { password: entry.password, base: bases[index]! }));
  for (const group of groupSimilar(entries.map(({ key, password }) => ({ id: key, password })))) {
    const id = groupId(group, byKey, deps.fingerprinter);
    for (const key of group) groupOf.set(key, id);
  }
  await eventLoopTurn();
  const similarFingerprints = bases.map((base) =>
    base === '' ? null : deps.fingerprinter.similarBase(base),
  );
  await eventLoopTurn();
  const commonRanks = entries.map(({ password }) => deps.common.rank(password));
  await eventLoopTurn();
  for (const { password } of entries) fingerprint(password);

  const scored = await scoring;
  const byPassword = new Map(passwords.map((password, index) => [password, scored[index]!]));

  const signals = new Map<string, PasswordSignals>();
  entries.forEach((entry, index) => {
    const strength = byPassword.get(entry.password)!;
    signals.set(entry.key, {
      strength: strength.score,
      strengthWarning: strength.warning,
      strengthSuggestions: strength.suggestions,
      guessesLog10: strength.guessesLog10,
      exactFingerprint: fingerprint(entry.password),
      similarFingerprint: similarFingerprints[index]!,
      commonRank: commonRanks[index]!,
      similarGroup: groupOf.get(entry.key) ?? null,
    });
  });
  return signals;
}

/**
 * A group's id: the keyed fingerprint of its lowest non-empty base, so it stays the same when the
 * same passwords are analysed again. A group linked only by edit distance between base-less
 * passwords (`12345678`, `12345679`) uses its lowest password, under a separate domain.
 */
function groupId(
  keys: readonly string[],
  byKey: ReadonlyMap<string, { password: string; base: string }>,
  fingerprinter: Fingerprinter,
): string {
  let lowestBase: string | undefined;
  let lowestPassword: string | undefined;
  for (const key of keys) {
    const member = byKey.get(key);
    if (!member) continue;
    if (member.base !== '' && (lowestBase === undefined || member.base < lowestBase))
      lowestBase = member.base;
    if (lowestPassword === undefined || member.password < lowestPassword) lowestPassword = member.password;
  }
  if (lowestBase !== undefined) return fingerprinter.similarBase(lowestBase);
  // A base never holds NUL, so this cannot collide with a base's fingerprint.
  return fingerprinter.similarBase(`group\0${lowestPassword ?? ''}`);
}

/** Resolves after the event loop has handled what was waiting (messages from the workers). */
const eventLoopTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
