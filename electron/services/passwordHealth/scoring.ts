import type { StrengthEstimate } from '../../../common/domain/passwords/strength';
import type { StrengthItem, StrengthScorer } from './strengthPool';
import type { BaseVerdict, VerdictCache } from './verdictCache';

/** The scorer's part that {@link scorePasswords} uses (the worker pool, or a fake in tests). */
export type PasswordScorer = Pick<StrengthScorer, 'score' | 'userInputsCanMatch' | 'verdictVersion'>;

/** What {@link scorePasswords} needs. */
export interface ScoringDependencies {
  scorer: PasswordScorer;
  /** Verdicts from earlier analyses; without one, every password is scored. */
  verdictCache?: VerdictCache | undefined;
  /** The password's keyed exact fingerprint (the cache's key); needed with `verdictCache`. */
  fingerprint?: ((password: string) => string) | undefined;
}

/** What one call did, for benchmarks and tests. */
export interface ScoringReport {
  /** Passwords asked about. */
  passwords: number;
  /** Answered from the verdict cache, without scoring. */
  fromCache: number;
  /** Scored without user inputs (none could match): their verdicts went to the cache. */
  scoredWithoutInputs: number;
  /** Scored with their user inputs, because one could match. */
  scoredWithInputs: number;
}

/**
 * Scores passwords exactly as `check(password, userInputs)` of zxcvbn-ts would, doing less work:
 *
 * - a password none of whose user inputs can match (`scorer.userInputsCanMatch`) is scored
 *   without them — the same estimate, and one that does not depend on the account, so it can be
 *   kept in `verdictCache` under the password's fingerprint and reused by a later analysis;
 * - a password whose inputs could match is scored with them, as before (and not cached).
 *
 * Progress counts every password: `onProgress(done, total)` starts with the cached ones done and
 * ends at `total`. Aborting `signal` rejects as {@link StrengthScorer.score} does and stores
 * nothing. The results are in input order, each a fresh copy.
 */
export async function scorePasswords(
  items: readonly StrengthItem[],
  deps: ScoringDependencies,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal,
  report?: (report: ScoringReport) => void,
): Promise<StrengthEstimate[]> {
  signal?.throwIfAborted();
  const { scorer } = deps;
  const cache = deps.verdictCache && deps.fingerprint ? deps.verdictCache : undefined;
  const total = items.length;
  const results = new Array<StrengthEstimate | undefined>(total);
  const needsInputs = items.map(
    ({ password, userInputs }) => userInputs.length > 0 && scorer.userInputsCanMatch(password, userInputs),
  );

  // Base verdicts already known (none, without asking, from a cache that holds none of this version).
  const fingerprints = new Map<number, string>();
  let fromCache = 0;
  if (cache && cache.holdsAny?.(scorer.verdictVersion) !== false) {
    items.forEach(({ password }, index) => {
      if (!needsInputs[index]) fingerprints.set(index, deps.fingerprint!(password));
    });
    const known = cache.get(scorer.verdictVersion, [...new Set(fingerprints.values())]);
    for (const [index, fingerprint] of fingerprints) {
      const verdict = known.get(fingerprint);
      if (verdict) {
        results[index] = verdict;
        fromCache += 1;
      }
    }
  }

  const pending: number[] = [];
  for (let index = 0; index < total; index += 1) if (!results[index]) pending.push(index);
  const toScore = pending.map((index) => ({
    password: items[index]!.password,
    userInputs: needsInputs[index] ? [...items[index]!.userInputs] : [],
  }));
  onProgress?.(fromCache, total);
  const scored =
    toScore.length === 0
      ? []
      : await scorer.score(
          toScore,
          // The scorer's own first call (0 done) would repeat the one above.
          onProgress && ((done) => done > 0 && onProgress(Math.min(total, fromCache + done), total)),
          signal,
        );

  const fresh = new Map<string, BaseVerdict>();
  pending.forEach((index, at) => {
    const estimate = scored[at]!;
    results[index] = estimate;
    if (cache && !needsInputs[index]) {
      fresh.set(fingerprints.get(index) ?? deps.fingerprint!(items[index]!.password), estimate);
    }
  });
  if (cache && fresh.size > 0) cache.put(scorer.verdictVersion, fresh);

  report?.({
    passwords: total,
    fromCache,
    scoredWithoutInputs: pending.filter((index) => !needsInputs[index]).length,
    scoredWithInputs: pending.filter((index) => needsInputs[index]).length,
  });
  return results.map((estimate) => ({ ...estimate!, suggestions: [...estimate!.suggestions] }));
}
