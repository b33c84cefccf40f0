import { createRequire } from 'node:module';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAST_SCORING_SOURCE, FAST_SCORING_ZXCVBN_VERSION } from './fastScoringSource';
import { createZxcvbn, resolveZxcvbnModules, scoreSync, zxcvbnVersions } from './strengthPool';
import { mulberry32 } from '../../testing/random';

/** A zxcvbn result without its timing, as comparable JSON: key order too, so an object's shape shows. */
const resultOf = (zxcvbn: ZxcvbnFactory, password: string, userInputs: readonly string[]): string =>
  JSON.stringify({ ...zxcvbn.check(password, [...userInputs]), calcTime: 0 }, (_key, value: unknown) =>
    // zxcvbn's own lookups can return an inherited function as a "rank" ('constructor').
    typeof value === 'function' ? `function ${(value as { name: string }).name}` : value,
  );

type Install = (zxcvbn: ZxcvbnFactory, estimate: unknown, scorers: unknown) => boolean;
const compile = (source: string) => new Function(`return (${source});`)() as Install;
const load = createRequire(import.meta.url);
const modules = resolveZxcvbnModules();
const estimate = load(modules.estimate) as unknown;
const scorers = Object.fromEntries(
  Object.entries(modules.scorers).map(([pattern, path]) => [pattern, load(path) as unknown]),
);

/** A seeded generator, so the generated sample is the same on every run. */
const random = mulberry32;

/** Hand-picked passwords: one or more of every pattern zxcvbn scores, and its edges. */
const EDGE_CASES: [string, string[]][] = [
  ['', []],
  [' ', []],
  ['a', []],
  ['aa', []],
  ['ab', []],
  ['password', []],
  ['Password1!', []],
  ['P@ssw0rd', ['alice']],
  ['p4$$w0rd!', []],
  ['Tr0ub4dor&3', []],
  ['drowssap', []],
  ['correct horse battery staple', []],
  ['correcthorsebatterystaple', []],
  ['abcdefghijklmnopqrstuvwxyz', []],
  ['zyxwvu9876', []],
  ['aaaaaaa', []],
  ['abcabcabc', []],
  ['Summer2023!Summer2023!', []],
  ['passwordpasswordpassword1', []],
  ['20121990', []],
  ['12/05/1987', []],
  ['1987-05-12alice', ['alice']],
  ['born1990', []],
  ['2024', []],
  ['qwertyuiop', []],
  ['1qaz2wsx3edc', []],
  ['!QAZ@WSX#EDC', []],
  ['zxcvbnm,./', []],
  ['qwerty123456', []],
  ['hello.world-again_now', []],
  ['constructor', []],
  ['Constructor123', ['bob']],
  ['__proto__', []],
  ['alice@example.com1', ['alice@example.com', 'alice']],
  ['4l1c3', ['alice']],
  ['Pässwörd1', []],
  ['café2020', []],
  ['ΣΊΣΥΦΟΣ', []],
  ['🔥fire🔥', []],
  ['İstanbul2020', ['İstanbul']],
  ['tab\tand space', []],
  ['dJt~Gu4DPH%=BLapwnQK=S$7', []],
  ['roH=Yf5+wB*FkFX8E9TL', []],
  ['x'.repeat(300), []],
  [`${'Summer2023!'.repeat(30)}`, ['summer']],
  ['ab1'.repeat(40), []],
  // From the scoring benchmark's sample: matches ending at the same place with equal guesses
  // (zxcvbn keeps the first by start), and equal totals at the end (it keeps the shortest).
  ['201019802010', []],
  ['12345678901234', []],
  ['Newyear092011', []],
  ['g1o92e3azmp1q7qby7q9bdd', []],
  ['4LsIG1uo9dBaOTBvHh0Or', []],
];

const WORDS = ['password', 'dragon', 'monkey', 'sunshine', 'football', 'princess', 'shadow', 'liverpool'];
const L33T: Record<string, string[]> = { a: ['4', '@'], e: ['3'], i: ['1', '!'], o: ['0'], s: ['$', '5'] };

/** Passwords of every shape zxcvbn's scoring weighs against each other, some with user inputs. */
function generatedCases(count: number): [string, string[]][] {
  const next = random(0x17);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const charset = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*()_+|';
  const parts: (() => string)[] = [
    () => pick(WORDS),
    () => {
      const word = pick(WORDS);
      return `${word[0]!.toUpperCase()}${word.slice(1)}`;
    },
    () => [...pick(WORDS)].map((c) => (L33T[c] && next() < 0.6 ? pick(L33T[c]!) : c)).join(''),
    () => [...pick(WORDS)].reverse().join(''),
    () => String(1950 + int(80)),
    () => `${int(31) + 1}${pick(['/', '-', '.', ''])}${int(12) + 1}${pick(['/', '-', '.', ''])}${int(100)}`,
    () => pick(['qwerty', 'asdfgh', '1qaz2wsx', 'zxcvbn', '7894561230', 'poiuy']),
    () => pick(['abcdef', '123456', '98765', 'mnopq', 'ZYXW']),
    () => pick(['a', 'xy', '12', 'abc', '!']).repeat(2 + int(4)),
    () => Array.from({ length: 1 + int(8) }, () => charset[int(charset.length)]).join(''),
    () => pick(['!', '#', '.', ' ', '_', '-', '', '1', '123']),
    () => pick(['é', 'ß', '€', '🔥', 'ñ', 'Ω']),
  ];
  const cases: [string, string[]][] = [];
  for (let index = 0; index < count; index += 1) {
    const password = Array.from({ length: 1 + int(5) }, () => pick(parts)()).join('');
    const user = pick(['alice', 'bob.smith@example.org', 'Dragon99', 'mike_t']);
    cases.push([password, next() < 0.5 ? [pick(['LinkedIn', 'Dropbox', 'Adobe']), user] : []]);
  }
  return cases;
}

const CASES = [...EDGE_CASES, ...generatedCases(400)];

let stock: ZxcvbnFactory;
let patched: ZxcvbnFactory;
let isInstalled: boolean;
/** zxcvbn-ts as published on {@link CASES}, in order. */
let expected: string[];
beforeAll(() => {
  stock = createZxcvbn().zxcvbn;
  const built = createZxcvbn({ fastScoring: true });
  patched = built.zxcvbn;
  isInstalled = built.fastScoring;
  expected = CASES.map(([password, userInputs]) => resultOf(stock, password, userInputs));
}, 60_000);

describe('the cheaper scoring', () => {
  it('is checked against the installed zxcvbn-ts (a new version needs these tests re-run and the constant raised)', () => {
    expect(zxcvbnVersions().core).toBe(FAST_SCORING_ZXCVBN_VERSION);
    expect(isInstalled).toBe(true);
  });

  it('gives exactly zxcvbn’s result (score, guesses, sequence, feedback) on hand-picked and 400 generated passwords', () => {
    CASES.forEach(([password, userInputs], index) => {
      expect(resultOf(patched, password, userInputs), password).toBe(expected[index]);
    });
  }, 120_000);

  it('gives exactly zxcvbn’s result together with the fast dictionary search, as the workers run', () => {
    const worker = createZxcvbn({ fastMatching: true, fastScoring: true });
    expect(worker.fastMatching && worker.fastScoring).toBe(true);
    CASES.forEach(([password, userInputs], index) => {
      expect(resultOf(worker.zxcvbn, password, userInputs), password).toBe(expected[index]);
    });
  }, 120_000);

  it('gives zxcvbn’s sequence without the additive term too (its third argument), on the same matches', () => {
    type Internals = {
      options: { getUserInputsOptions(userInputs: string[]): unknown };
      matching: { match(password: string, userInputsOptions: unknown): unknown[] };
      scoring: {
        mostGuessableMatchSequence(password: string, matches: unknown[], exclude?: boolean): unknown;
      };
    };
    const a = stock as unknown as Internals;
    const b = patched as unknown as Internals;
    for (const [password, userInputs] of CASES.slice(0, 80)) {
      const matches = () => a.matching.match(password, a.options.getUserInputsOptions(userInputs));
      for (const exclude of [false, true]) {
        expect(
          JSON.stringify(b.scoring.mostGuessableMatchSequence(password, matches(), exclude)),
          password,
        ).toBe(JSON.stringify(a.scoring.mostGuessableMatchSequence(password, matches(), exclude)));
      }
    }
  }, 60_000);

  it('is installed on one instance only: zxcvbn’s class and other instances stay as published', () => {
    type Scoring = { mostGuessableMatchSequence: unknown };
    const scoringOf = (zxcvbn: ZxcvbnFactory) => (zxcvbn as unknown as { scoring: Scoring }).scoring;
    const repeatScoringOf = (zxcvbn: ZxcvbnFactory) =>
      (zxcvbn as unknown as { matching: { matchers: { repeat: { scoring: Scoring } } } }).matching.matchers
        .repeat.scoring;
    const published = Object.getPrototypeOf(scoringOf(stock)) as Scoring;
    expect(Object.hasOwn(scoringOf(stock), 'mostGuessableMatchSequence')).toBe(false);
    expect(Object.hasOwn(repeatScoringOf(stock), 'mostGuessableMatchSequence')).toBe(false);
    expect(scoringOf(patched).mostGuessableMatchSequence).not.toBe(published.mostGuessableMatchSequence);
    // The repeat matcher's own scoring (a repeated token's base guesses) is replaced too.
    expect(repeatScoringOf(patched).mostGuessableMatchSequence).toBe(
      scoringOf(patched).mostGuessableMatchSequence,
    );
  });

  it('is what scoreSync runs, with the same estimates as zxcvbn as published', () => {
    for (const [password, userInputs] of EDGE_CASES) {
      const result = stock.check(password, userInputs);
      expect(scoreSync(password, userInputs), password).toEqual({
        score: result.score,
        guessesLog10: result.guessesLog10,
        warning: result.feedback.warning ?? '',
        suggestions: result.feedback.suggestions,
      });
    }
  }, 60_000);

  it('is not installed on something that is not a zxcvbn instance, or without zxcvbn’s estimate', () => {
    const install = compile(FAST_SCORING_SOURCE);
    expect(install({} as ZxcvbnFactory, estimate, scorers)).toBe(false);
    expect(install(createZxcvbn().zxcvbn, undefined, scorers)).toBe(false);
    const { dictionary: _dictionary, ...withoutDictionary } = scorers;
    expect(install(createZxcvbn().zxcvbn, estimate, withoutDictionary)).toBe(false);
  });

  // The comparisons above must be able to fail: each change of a decision below (how ties break,
  // the order matches are tried in, which shorter sequences compete, what is remembered, a match's
  // guesses, the additive term, the logarithm) gives a different result for at least one of the passwords
  // compared. (Left out, as no result can show them: trying two adjacent bruteforce matches, which
  // zxcvbn skips because one spanning both is always better; and a match that comes with its own
  // guesses, which none of zxcvbn's matchers makes.)
  it.each([
    ['a tie at the same length keeps the later sequence', 'competingG <= g', 'competingG < g'],
    ['the last of equal totals wins at the end', 'candidate < g', 'candidate <= g'],
    [
      'matches ending at the same place tried in another order',
      '(m1, m2) => m1.i - m2.i',
      '(m1, m2) => m2.i - m1.i',
    ],
    [
      'a longer competing sequence counts too',
      'Math.min(sequenceLength, competing.length - 1)',
      'competing.length - 1',
    ],
    [
      'bruteforce guesses remembered by end, not length',
      'bruteforceGuesses[tokenLength]',
      'bruteforceGuesses[k]',
    ],
    [
      'a match’s product taken from the wrong shorter sequence',
      'guessesProduct[i - 1][sequenceLength - 1]',
      'guessesProduct[i - 1][1]',
    ],
    ['no additive term', 'if (!excludeAdditive) g += growth(sequenceLength);', ''],
    ['Math.log10 for guessesLog10', 'Math.log(n) / LOG10', 'Math.log10(n)'],
    [
      'a one-character match’s minimum guesses',
      'const MIN_SUBMATCH_GUESSES_SINGLE_CHAR = 10;',
      'const MIN_SUBMATCH_GUESSES_SINGLE_CHAR = 50;',
    ],
    [
      'a dictionary match’s guesses without its calculation',
      'guesses = result.calculation',
      'guesses = result.baseGuesses',
    ],
  ])(
    'the comparison catches a changed decision: %s',
    (_name, original, changed) => {
      expect(FAST_SCORING_SOURCE).toContain(original);
      const mutant = createZxcvbn().zxcvbn;
      expect(compile(FAST_SCORING_SOURCE.replace(original, changed))(mutant, estimate, scorers)).toBe(true);
      const differs = CASES.some(
        ([password, userInputs], index) => resultOf(mutant, password, userInputs) !== expected[index],
      );
      expect(differs).toBe(true);
    },
    120_000,
  );
});
