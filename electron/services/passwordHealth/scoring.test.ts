import { Options } from '@zxcvbn-ts/core';
import { describe, expect, it } from 'vitest';
import type { StrengthEstimate } from '../../../common/domain/passwords/strength';
import { createFingerprinter } from './fingerprint';
import { scorePasswords, type PasswordScorer, type ScoringReport } from './scoring';
import { createStrengthScorer, scoreSync, type StrengthItem } from './strengthPool';
import { userInputsCanMatch } from './userInputs';
import { createMemoryVerdictCache } from './verdictCache';

const table = new Options().l33tTable;
const fingerprinter = createFingerprinter(new Uint8Array(32).fill(9));
const fingerprint = (password: string) => fingerprinter.exact(password);

/**
 * A scorer without workers that records what it is asked. Its estimate shows whether the inputs
 * were used: each input lowers guessesLog10 by one.
 */
function recordingScorer(verdictVersion = 'test 1') {
  const calls: StrengthItem[][] = [];
  const scorer: PasswordScorer = {
    verdictVersion,
    userInputsCanMatch: (password, userInputs) => userInputsCanMatch(password, userInputs, table),
    async score(items, onProgress, signal) {
      calls.push(items.map(({ password, userInputs }) => ({ password, userInputs: [...userInputs] })));
      onProgress?.(0, items.length);
      await new Promise((resolve) => setTimeout(resolve, 5));
      signal?.throwIfAborted();
      onProgress?.(items.length, items.length);
      return items.map(({ password, userInputs }): StrengthEstimate => ({
        score: password.length > 12 ? 4 : 1,
        guessesLog10: password.length - userInputs.length,
        warning: password.length > 12 ? '' : 'Short.',
        suggestions: password.length > 12 ? [] : ['Add another word or two.'],
      }));
    },
  };
  return { scorer, calls };
}

const items: StrengthItem[] = [
  { password: 'Summer2023!', userInputs: ['LinkedIn', 'alice@example.com'] },
  { password: 'l1nk3d1n-2020', userInputs: ['LinkedIn', 'alice@example.com'] },
  { password: 'xobpord#1', userInputs: ['Dropbox'] },
  { password: 'dJt~Gu4DPH%=BLapwnQK=S$7', userInputs: [] },
];

describe('scorePasswords', () => {
  it('scores a password without its inputs when none can match, with them when one can', async () => {
    const { scorer, calls } = recordingScorer();
    await scorePasswords(items, { scorer });
    expect(calls).toEqual([
      [
        { password: 'Summer2023!', userInputs: [] },
        { password: 'l1nk3d1n-2020', userInputs: ['LinkedIn', 'alice@example.com'] },
        { password: 'xobpord#1', userInputs: ['Dropbox'] },
        { password: 'dJt~Gu4DPH%=BLapwnQK=S$7', userInputs: [] },
      ],
    ]);
  });

  it('a second call with a warm cache asks the scorer only about passwords whose inputs matter', async () => {
    const { scorer, calls } = recordingScorer();
    const verdictCache = createMemoryVerdictCache();
    const reports: ScoringReport[] = [];
    const first = await scorePasswords(
      items,
      { scorer, verdictCache, fingerprint },
      undefined,
      undefined,
      (r) => reports.push(r),
    );
    const second = await scorePasswords(
      items,
      { scorer, verdictCache, fingerprint },
      undefined,
      undefined,
      (r) => reports.push(r),
    );
    expect(second).toEqual(first);
    expect(calls[1]!.map((item) => item.password)).toEqual(['l1nk3d1n-2020', 'xobpord#1']);
    expect(reports).toEqual([
      { passwords: 4, fromCache: 0, scoredWithoutInputs: 2, scoredWithInputs: 2 },
      { passwords: 4, fromCache: 2, scoredWithoutInputs: 0, scoredWithInputs: 2 },
    ]);
    // The cache holds fingerprints, never passwords.
    expect(verdictCache.get(scorer.verdictVersion, [fingerprint('Summer2023!')]).size).toBe(1);
    expect(verdictCache.get(scorer.verdictVersion, ['Summer2023!']).size).toBe(0);
  });

  it('does not look a first analysis up in a cache that holds nothing, and fills it', async () => {
    const { scorer } = recordingScorer();
    const verdictCache = createMemoryVerdictCache();
    const lookups: string[][] = [];
    const get = verdictCache.get.bind(verdictCache);
    verdictCache.get = (version, fingerprints) => {
      lookups.push([...fingerprints]);
      return get(version, fingerprints);
    };
    const fingerprinted: string[] = [];
    const counting = (password: string) => {
      fingerprinted.push(password);
      return fingerprint(password);
    };
    await scorePasswords(items, { scorer, verdictCache, fingerprint: counting });
    expect(lookups).toEqual([]);
    // The verdicts scored without inputs are kept, under their fingerprints.
    expect(fingerprinted.sort()).toEqual(['Summer2023!', 'dJt~Gu4DPH%=BLapwnQK=S$7']);
    expect(verdictCache.holdsAny(scorer.verdictVersion)).toBe(true);
    expect(verdictCache.holdsAny('another version')).toBe(false);
    await scorePasswords(items, { scorer, verdictCache, fingerprint });
    expect(lookups).toHaveLength(1);
  });

  it('calls the scorer for nothing when every verdict is cached', async () => {
    const { scorer, calls } = recordingScorer();
    const verdictCache = createMemoryVerdictCache();
    const plain = items.map(({ password }) => ({ password, userInputs: ['Zorblax'] }));
    const first = await scorePasswords(plain, { scorer, verdictCache, fingerprint });
    const progress: [number, number][] = [];
    const second = await scorePasswords(plain, { scorer, verdictCache, fingerprint }, (done, total) =>
      progress.push([done, total]),
    );
    expect(calls).toHaveLength(1);
    expect(second).toEqual(first);
    expect(progress).toEqual([[4, 4]]);
  });

  it('re-scores verdicts made by another scorer version', async () => {
    const verdictCache = createMemoryVerdictCache();
    await scorePasswords(items, { scorer: recordingScorer('v1').scorer, verdictCache, fingerprint });
    const { scorer, calls } = recordingScorer('v2');
    await scorePasswords(items, { scorer, verdictCache, fingerprint });
    expect(calls[0]).toHaveLength(4);
  });

  it('reports progress from the cached count up to the total, never going back', async () => {
    const { scorer } = recordingScorer();
    const verdictCache = createMemoryVerdictCache();
    await scorePasswords(items.slice(0, 1), { scorer, verdictCache, fingerprint });
    const progress: [number, number][] = [];
    await scorePasswords(items, { scorer, verdictCache, fingerprint }, (done, total) =>
      progress.push([done, total]),
    );
    expect(progress[0]).toEqual([1, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
    for (let i = 1; i < progress.length; i += 1)
      expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
  });

  it('when cancelled, rejects with the AbortError and keeps nothing', async () => {
    const { scorer } = recordingScorer();
    const verdictCache = createMemoryVerdictCache();
    const controller = new AbortController();
    const job = scorePasswords(items, { scorer, verdictCache, fingerprint }, undefined, controller.signal);
    controller.abort();
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(verdictCache.size).toBe(0);
    await expect(
      scorePasswords(items, { scorer, verdictCache, fingerprint }, undefined, controller.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('with the worker pool, gives exactly what zxcvbn gives each password with its own inputs', async () => {
    const pool = createStrengthScorer({ workers: 2 });
    try {
      const sample: StrengthItem[] = [
        ...items,
        { password: 'ferdinand2', userInputs: ['Ferdinand'] },
        { password: 'dnanidref!', userInputs: ['ferdinand', 'mail.example'] },
        { password: 'f3rd1n4nd', userInputs: ['Ferdinand'] },
        { password: 'P@ssw0rd', userInputs: ['Ferdinand'] },
        { password: 'correct horse battery staple', userInputs: ['horse'] },
        { password: 'Pässwörd1', userInputs: ['pässwörd'] },
        // Enough for the workers to install the fast dictionary search.
        ...Array.from({ length: 100 }, (_, index) => ({
          password: `${['Zorblax', 'z0rbl4x', 'xalbroz', 'Summer', 'dr4gon'][index % 5]}${index}!`,
          userInputs: ['Zorblax', `user${index}@example.com`],
        })),
      ];
      const verdictCache = createMemoryVerdictCache();
      const expected = sample.map(({ password, userInputs }) => scoreSync(password, userInputs));
      expect(await scorePasswords(sample, { scorer: pool, verdictCache, fingerprint })).toEqual(expected);
      expect(pool.stats().fastMatching).toBe(true);
      // And again from the cache.
      expect(await scorePasswords(sample, { scorer: pool, verdictCache, fingerprint })).toEqual(expected);
    } finally {
      await pool.close();
    }
  });
});
