import { Options } from '@zxcvbn-ts/core';
import { describe, expect, it } from 'vitest';
import { createCommonPasswordSet } from '../../../common/domain/passwords/commonPasswords';
import type { StrengthEstimate } from '../../../common/domain/passwords/strength';
import { analyzePasswords, type AnalyzeDependencies, type PasswordEntry } from './analyze';
import { createFingerprinter } from './fingerprint';
import { createStrengthScorer, type StrengthItem } from './strengthPool';
import { userInputsCanMatch } from './userInputs';
import { createMemoryVerdictCache } from './verdictCache';

const common = createCommonPasswordSet('123456\npassword\nqwerty\n1234\n');
const fingerprinter = createFingerprinter(new Uint8Array(32).fill(3));

/** A scorer that needs no workers: the score is the length, capped at 4. */
const l33tTable = new Options().l33tTable;
const fakeScorer = {
  calls: 0,
  verdictVersion: 'fake 1',
  userInputsCanMatch: (password: string, userInputs: readonly string[]) =>
    userInputsCanMatch(password, userInputs, l33tTable),
  async score(items: readonly StrengthItem[], onProgress?: (done: number, total: number) => void) {
    this.calls += 1;
    onProgress?.(items.length, items.length);
    return items.map((item): StrengthEstimate => ({
      score: Math.min(4, Math.floor(item.password.length / 4)) as StrengthEstimate['score'],
      guessesLog10: item.password.length,
      warning: item.password.length < 8 ? 'Too short.' : '',
      suggestions: [],
    }));
  },
};
const deps: AnalyzeDependencies = { fingerprinter, common, scorer: fakeScorer };

const entries = (...pairs: [string, string][]): PasswordEntry[] =>
  pairs.map(([key, password]) => ({ key, password, userInputs: [] }));

describe('analyzePasswords', () => {
  const input = entries(
    ['mail', 'Summer2023!'],
    ['bank', 'Summer2024!'],
    ['shop', 'Summer2023!'],
    ['forum', 'password'],
    ['game', 'P@ssw0rd'],
    ['pin', '1234'],
    ['vault', 'dJt~Gu4DPH%=BLapwnQK=S$7'],
  );

  it('derives one set of signals per entry', async () => {
    const signals = await analyzePasswords(input, deps);
    expect([...signals.keys()].sort()).toEqual(['bank', 'forum', 'game', 'mail', 'pin', 'shop', 'vault']);
    expect(signals.get('vault')).toMatchObject({
      strength: 4,
      strengthWarning: '',
      commonRank: null,
      similarGroup: null,
    });
    expect(signals.get('pin')).toMatchObject({ strength: 1, strengthWarning: 'Too short.', commonRank: 4 });
  });

  it('gives reused passwords the same exact fingerprint, and others different ones', async () => {
    const signals = await analyzePasswords(input, deps);
    expect(signals.get('mail')!.exactFingerprint).toBe(signals.get('shop')!.exactFingerprint);
    expect(signals.get('mail')!.exactFingerprint).not.toBe(signals.get('bank')!.exactFingerprint);
    expect(signals.get('mail')!.exactFingerprint).toBe(fingerprinter.exact('Summer2023!'));
  });

  it('puts near-duplicates in one group, with a base fingerprint', async () => {
    const signals = await analyzePasswords(input, deps);
    const summer = signals.get('mail')!.similarGroup;
    expect(summer).toMatch(/^[0-9a-f]{32}$/);
    expect(signals.get('bank')!.similarGroup).toBe(summer);
    expect(signals.get('shop')!.similarGroup).toBe(summer);
    expect(summer).toBe(fingerprinter.similarBase('summer'));
    expect(signals.get('mail')!.similarFingerprint).toBe(fingerprinter.similarBase('summer'));

    const password = signals.get('forum')!.similarGroup;
    expect(password).not.toBeNull();
    expect(signals.get('game')!.similarGroup).toBe(password);
    expect(password).not.toBe(summer);
  });

  it('leaves short and unrelated passwords out of groups', async () => {
    const signals = await analyzePasswords(input, deps);
    expect(signals.get('pin')).toMatchObject({ similarFingerprint: null, similarGroup: null });
    expect(signals.get('vault')!.similarGroup).toBeNull();
    expect(signals.get('vault')!.similarFingerprint).not.toBeNull();
  });

  it('does not group passwords that are only reused', async () => {
    const signals = await analyzePasswords(entries(['a', 'Summer2023!'], ['b', 'Summer2023!']), deps);
    expect(signals.get('a')!.similarGroup).toBeNull();
    expect(signals.get('b')!.similarGroup).toBeNull();
  });

  it('finds the common-list rank, exactly', async () => {
    const signals = await analyzePasswords(
      entries(['a', 'password'], ['b', 'Password'], ['c', 'qwerty']),
      deps,
    );
    expect(signals.get('a')!.commonRank).toBe(2);
    expect(signals.get('b')!.commonRank).toBeNull();
    expect(signals.get('c')!.commonRank).toBe(3);
  });

  it('gives the same group ids whatever the order of the entries', async () => {
    const forward = await analyzePasswords(input, deps);
    const backward = await analyzePasswords([...input].reverse(), deps);
    for (const [key, value] of forward) expect(backward.get(key)).toEqual(value);
  });

  it('names a group of base-less look-alikes too', async () => {
    const signals = await analyzePasswords(entries(['a', '12345678!'], ['b', '12345679!']), deps);
    expect(signals.get('a')!.similarGroup).not.toBeNull();
    expect(signals.get('a')!.similarGroup).toBe(signals.get('b')!.similarGroup);
    expect(signals.get('a')!.similarFingerprint).toBeNull();
  });

  it('lets no password, nor any part of one, out', async () => {
    const signals = await analyzePasswords(input, deps);
    const text = JSON.stringify([...signals.values()]);
    for (const { password } of input) expect(text).not.toContain(password);
    for (const fragment of ['Summer', 'summer', 'ssw0rd', 'Gu4DPH']) expect(text).not.toContain(fragment);
  });

  it('passes progress through', async () => {
    const calls: [number, number][] = [];
    await analyzePasswords(input, deps, (done, total) => calls.push([done, total]));
    const distinct = new Set(input.map((entry) => entry.password)).size;
    expect(calls.at(-1)).toEqual([distinct, distinct]);
  });

  it('scores a reused password once, with the words of every account that uses it', async () => {
    const seen: { password: string; userInputs: string[] }[][] = [];
    const recording = {
      verdictVersion: 'fake 1',
      // As if every word could be in every password: each is scored with its words.
      userInputsCanMatch: () => true,
      score: async (items: readonly { password: string; userInputs: readonly string[] }[]) => {
        seen.push(items.map((i) => ({ password: i.password, userInputs: [...i.userInputs] })));
        return items.map(() => ({ score: 1 as const, guessesLog10: 3, warning: '', suggestions: [] }));
      },
    };
    await analyzePasswords(
      [
        { key: 'a', password: 'Shared#Pass1', userInputs: ['linkedin'] },
        { key: 'b', password: 'Shared#Pass1', userInputs: ['dropbox'] },
        { key: 'c', password: 'Other#Pass2', userInputs: ['adobe'] },
      ],
      { fingerprinter, common, scorer: recording },
    );
    expect(seen).toEqual([
      [
        { password: 'Shared#Pass1', userInputs: ['linkedin', 'dropbox'] },
        { password: 'Other#Pass2', userInputs: ['adobe'] },
      ],
    ]);
  });

  it('a second analysis of the same passwords with a warm cache calls the scorer for nothing', async () => {
    const verdictCache = createMemoryVerdictCache();
    const withWords = input.map((entry) => ({ ...entry, userInputs: ['Zorblax', 'alice@example.com'] }));
    const first = await analyzePasswords(withWords, { ...deps, verdictCache });
    const callsBefore = fakeScorer.calls;
    const progress: [number, number][] = [];
    const second = await analyzePasswords(withWords, { ...deps, verdictCache }, (done, total) =>
      progress.push([done, total]),
    );
    expect(fakeScorer.calls).toBe(callsBefore);
    expect(second).toEqual(first);
    const distinct = new Set(input.map((entry) => entry.password)).size;
    expect(progress).toEqual([[distinct, distinct]]);
  });

  it('gives the same signals with and without a verdict cache', async () => {
    const withWords = input.map((entry) => ({ ...entry, userInputs: ['summer', 'Forum'] }));
    const verdictCache = createMemoryVerdictCache();
    const plain = await analyzePasswords(withWords, deps);
    expect(await analyzePasswords(withWords, { ...deps, verdictCache })).toEqual(plain);
    expect(await analyzePasswords(withWords, { ...deps, verdictCache })).toEqual(plain);
  });

  it('works end to end with the real worker pool', async () => {
    const scorer = createStrengthScorer({ workers: 1 });
    try {
      const signals = await analyzePasswords(input, { fingerprinter, common, scorer });
      expect(signals.get('forum')!.strength).toBe(0);
      expect(signals.get('vault')!.strength).toBe(4);
      expect(signals.get('forum')!.strengthWarning).not.toBe('');
    } finally {
      await scorer.close();
    }
  });
});
