import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAST_MATCHING_SOURCE, FAST_MATCHING_ZXCVBN_VERSION } from './fastMatchingSource';
import { createZxcvbn, resolveZxcvbnModules, zxcvbnVersions } from './strengthPool';
import { mulberry32 } from '../../testing/random';

/** A zxcvbn result without its timing, as comparable JSON (every match, guesses, feedback). */
const resultOf = (zxcvbn: ZxcvbnFactory, password: string, userInputs: string[]): string =>
  JSON.stringify({ ...zxcvbn.check(password, userInputs), calcTime: 0 }, (_key, value: unknown) =>
    // zxcvbn's own lookups can return an inherited function as a "rank" ('constructor').
    typeof value === 'function' ? `function ${(value as { name: string }).name}` : value,
  );

/** Internals of a zxcvbn instance the comparison reads (not part of its typed API). */
interface ZxcvbnInternals {
  options: { getUserInputsOptions(userInputs: string[]): unknown };
  matching: { match(password: string, userInputsOptions: unknown): unknown[] };
}

/**
 * Every match zxcvbn's matchers return, in order, before scoring picks a sequence: stricter than
 * the result, where a match that loses to another leaves no trace.
 */
const matchesOf = (zxcvbn: ZxcvbnFactory, password: string, userInputs: string[]): string => {
  const internals = zxcvbn as unknown as ZxcvbnInternals;
  const matches = internals.matching.match(password, internals.options.getUserInputsOptions(userInputs));
  return JSON.stringify(matches, (_key, value: unknown) =>
    typeof value === 'function' ? `function ${(value as { name: string }).name}` : value,
  );
};

/** A seeded generator, so the generated sample is the same on every run. */
const random = mulberry32;

const WORDS = [
  'password',
  'dragon',
  'monkey',
  'sunshine',
  'football',
  'princess',
  'welcome',
  'shadow',
  'master',
  'michael',
  'jessica',
  'liverpool',
  'summer',
  'iloveyou',
  'trustno1',
  'starwars',
  'whatever',
  'mustang',
  'onetwothree',
  'monday',
  'london',
  'computer',
];
const L33T: Record<string, string[]> = {
  a: ['4', '@'],
  e: ['3'],
  i: ['1', '!', '|'],
  o: ['0', '()'],
  s: ['$', '5'],
  t: ['7', '+'],
  u: ['|_|'],
  m: ['nn', '^^'],
  w: ['vv', 'uu'],
  l: ['1', '|'],
  g: ['9', '6'],
};

/** Passwords of every shape zxcvbn cares about: words, l33t, reversed, years, walks, random. */
function generatedCases(count: number): [string, string[]][] {
  const next = random(0x5c0e);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const cases: [string, string[]][] = [];
  for (let index = 0; index < count; index += 1) {
    const word = pick(WORDS);
    const service = pick(['LinkedIn', 'Dropbox', 'Adobe', 'Nordea Bank', 'example.com']);
    const user = pick(['alice', 'bob.smith@example.org', 'Jessica99', 'mike_t']);
    let password: string;
    switch (int(8)) {
      case 0:
        password = `${word[0]!.toUpperCase()}${word.slice(1)}${1950 + int(75)}${pick(['!', '#', ''])}`;
        break;
      case 1:
        password = [...word].map((c) => (L33T[c] && next() < 0.6 ? pick(L33T[c]!) : c)).join('') + int(100);
        break;
      case 2:
        password = [...word].reverse().join('') + pick(['', '1', '!!', '2024']);
        break;
      case 3:
        password = pick(['qwerty', '1qaz2wsx', 'asdfgh', 'zxcvbn', 'qazwsx', '!QAZ@WSX']) + pick(WORDS);
        break;
      case 4: {
        const charset = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^&*()_+|';
        password = Array.from({ length: 8 + int(20) }, () => charset[int(charset.length)]).join('');
        break;
      }
      case 5:
        password = Array.from({ length: 3 + int(3) }, () => pick(WORDS)).join(pick(['-', ' ', '.', '']));
        break;
      case 6: {
        // The user's own words, plain, l33t or reversed.
        const own = pick([service, user.split('@')[0]!])
          .toLowerCase()
          .replace(/[^a-z]/g, '');
        const variants = [own, own.replace(/a/g, '4').replace(/e/g, '3'), [...own].reverse().join('')];
        password = `${pick(variants)}${int(1000)}`;
        break;
      }
      default:
        password = `${pick(WORDS)}${pick(['', '.', '_'])}${int(31) + 1}${pick(['/', '-', ''])}${int(12) + 1}`;
    }
    cases.push([password, next() < 0.8 ? [service, user, user.split('@')[0]!] : []]);
  }
  return cases;
}

/** Passwords outside ASCII: accented letters, dictionary words that have them, symbols and emoji. */
function generatedNonAsciiCases(count: number): [string, string[]][] {
  const next = random(0xacce);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const accents: Record<string, string[]> = {
    a: ['á', 'ä', 'à', 'â', 'ª'],
    e: ['é', 'è', 'ê', 'ë'],
    o: ['ö', 'ó', 'ø', 'ô'],
    u: ['ü', 'ú'],
    n: ['ñ'],
    s: ['ß', 'š'],
    i: ['í', 'ï', 'İ'],
    c: ['ç'],
  };
  const words = [...WORDS, 'café', 'señor', 'pokémon', 'fiancée', 'josé', 'führer', 'naïve', 'yöu'];
  const cases: [string, string[]][] = [];
  for (let index = 0; index < count; index += 1) {
    let password = Array.from({ length: 1 + int(3) }, () => pick(words)).join(pick(['', '-', ' ']));
    password = [...password].map((c) => (accents[c] && next() < 0.3 ? pick(accents[c]!) : c)).join('');
    if (next() < 0.3) password = password[0]!.toUpperCase() + password.slice(1);
    if (next() < 0.3)
      password = [...password].map((c) => (L33T[c] && next() < 0.5 ? pick(L33T[c]!) : c)).join('');
    if (next() < 0.2) password = [...password].reverse().join('');
    password += pick(['', '1', '2024', '!', '€', '🔥', '°C']);
    cases.push([password, next() < 0.5 ? [pick(words), 'Ünal', 'josé@example.com'] : []]);
  }
  return cases;
}

/** Hand-picked passwords at the edges of what the fast search covers or hands back to zxcvbn. */
const EDGE_CASES: [string, string[]][] = [
  ['', []],
  ['a', []],
  ['password', []],
  ['P@ssw0rd', ['alice']],
  ['p4$$w0rd!', []],
  ['|_|ber|_|ser', ['uber']],
  ['nnonkey', []],
  ['vvizard99', []],
  ['2u2v2n', []],
  ['drowssap', []],
  ['Tr0ub4dor&3', []],
  ['correcthorsebatterystaple', []],
  ['correcthorsebatterystaplecorrecthorsebatterystaple', ['staple']],
  ['abcdefghijklmnopqrstuvwx', []],
  ['constructor', []],
  ['Constructor123', ['bob']],
  ['rotcurtsnoc', []],
  ['c0nstruct0r', []],
  ['__proto__', []],
  ['x__proto__x', ['__proto__']],
  ['myconstructor', ['constructor']],
  ['Pässwörd1', []],
  ['İstanbul2020', ['İstanbul']],
  ['ΣΊΣΥΦΟΣ', []],
  ['🔥fire🔥', []],
  ['straße', ['Straße']],
  ['café2020', []],
  ['Señor!', ['señor']],
  ['POKÉMON', []],
  ['pokémonfiancée', []],
  ['éfac', []],
  ['c4fé', []],
  ['j0sé1987', ['José']],
  ['naïve', ['Naïve']],
  ['ﬁancé', []],
  ['ΣΊΣΥΦΟΣ1', ['σίσυφος']],
  ['kelvin7', ['\u212Aelvin']],
  ['alice', ['alice']],
  ['Alice', ['ALICE', 'alice@example.com']],
  ['ecila', ['alice']],
  ['4l1c3', ['alice']],
  ['Al1c3!2020', ['alice', 'Example']],
  ['examplecom', ['example.com', 'Example']],
  ['exampleexample', ['example', '']],
  ['alice@example.com1', ['alice@example.com', 'alice', 'Alice@Example']],
  ['p4$$w0rd', ['a', 'o', 's']],
  ['averyveryverylongservicename', ['averyveryverylongservicename']],
  ['averyveryverylongservicename!', ['averyveryverylongservicename']],
  ['onetwothree', []],
  ['mondaytuesday', []],
  ['alphabravocharlie', []],
  ['eno0wt', []],
  ['qwertyuiop', []],
  ['1qaz2wsx', []],
  ['aaaaaaa', []],
  ['abcdefg', []],
  ['20121990', []],
  ['12/05/1987', []],
  ['tab\tand space', []],
  ['x'.repeat(300), []],
  [`${'Summer2023!'.repeat(30)}`, ['summer']],
];

let stock: ZxcvbnFactory;
let fast: ZxcvbnFactory;
let isInstalled: boolean;
beforeAll(() => {
  stock = createZxcvbn().zxcvbn;
  const built = createZxcvbn({ fastMatching: true });
  fast = built.zxcvbn;
  isInstalled = built.fastMatching;
});

describe('the fast dictionary search', () => {
  it('is checked against the installed zxcvbn-ts (a new version needs these tests re-run and the constant raised)', () => {
    expect(zxcvbnVersions().core).toBe(FAST_MATCHING_ZXCVBN_VERSION);
    expect(isInstalled).toBe(true);
  });

  it('gives exactly zxcvbn’s result, match for match, on hand-picked edge cases', () => {
    for (const [password, userInputs] of EDGE_CASES) {
      expect(matchesOf(fast, password, userInputs), password).toBe(matchesOf(stock, password, userInputs));
      expect(resultOf(fast, password, userInputs), password).toBe(resultOf(stock, password, userInputs));
    }
  }, 60_000);

  it('gives exactly zxcvbn’s result, match for match, on 300 generated passwords', () => {
    for (const [password, userInputs] of generatedCases(300)) {
      expect(matchesOf(fast, password, userInputs), password).toBe(matchesOf(stock, password, userInputs));
      expect(resultOf(fast, password, userInputs), password).toBe(resultOf(stock, password, userInputs));
    }
  }, 60_000);

  it('gives exactly zxcvbn’s result, match for match, on 150 generated passwords outside ASCII', () => {
    for (const [password, userInputs] of generatedNonAsciiCases(150)) {
      expect(matchesOf(fast, password, userInputs), password).toBe(matchesOf(stock, password, userInputs));
      expect(resultOf(fast, password, userInputs), password).toBe(resultOf(stock, password, userInputs));
    }
  }, 60_000);

  it('does its work with fewer dictionary lookups: much faster than zxcvbn on the same passwords', () => {
    const sample = generatedCases(120);
    const time = (zxcvbn: ZxcvbnFactory) => {
      const started = process.cpuUsage();
      for (const [password, userInputs] of sample) zxcvbn.check(password, userInputs);
      const used = process.cpuUsage(started);
      return used.user + used.system;
    };
    time(stock);
    time(fast);
    // ~10× on an idle machine; 3× leaves room for a busy one.
    expect(time(stock)).toBeGreaterThan(3 * time(fast));
  }, 60_000);

  it('installs with the index another instance built: the same memory, the same results', () => {
    const load = createRequire(import.meta.url);
    const getCleanPasswords = load(resolveZxcvbnModules().cleanPasswords) as unknown;
    const install = new Function(`return (${FAST_MATCHING_SOURCE});`)() as (
      zxcvbn: unknown,
      getCleanPasswords: unknown,
      prebuilt?: unknown,
    ) => false | { all: { names: string[]; char: Uint8Array }; sequences: unknown };
    const builder = createZxcvbn().zxcvbn;
    const index = install(builder, getCleanPasswords);
    if (index === false) throw new Error('not installed');
    expect(index.all.char.buffer).toBeInstanceOf(SharedArrayBuffer);
    const user = createZxcvbn().zxcvbn;
    const used = install(user, getCleanPasswords, index);
    expect(used && used.all).toBe(index.all);
    for (const [password, userInputs] of [...EDGE_CASES, ...generatedCases(40)]) {
      expect(resultOf(user, password, userInputs), password).toBe(resultOf(stock, password, userInputs));
    }
    // An index for other dictionaries is not taken: the instance builds its own.
    const other = install(createZxcvbn().zxcvbn, getCleanPasswords, {
      all: { ...index.all, names: ['passwords'] },
      sequences: index.sequences,
    });
    expect(other && other.all).not.toBe(index.all);
  }, 60_000);

  it('scores passwords outside ASCII itself: zxcvbn never rebuilds its own dictionaries for them', () => {
    const own = createZxcvbn({ fastMatching: true }).zxcvbn;
    const internals = own as unknown as { options: object };
    const isDropped = () => !!Object.getOwnPropertyDescriptor(internals.options, 'rankedDictionaries')?.get;
    expect(isDropped()).toBe(true);
    for (const password of ['café2020', 'Señor!', 'pokémonfiancée', 'c4fé', 'Pässwörd1', '🔥fire🔥']) {
      expect(resultOf(own, password, ['José']), password).toBe(resultOf(stock, password, ['José']));
    }
    expect(isDropped()).toBe(true);
    // 'İ' lower-cases to two code units: zxcvbn's own search, which rebuilds them.
    expect(resultOf(own, 'İstanbul', [])).toBe(resultOf(stock, 'İstanbul', []));
    expect(isDropped()).toBe(false);
  });

  it('ranks words from the word lists as zxcvbn does: a repeated word keeps its last rank, __proto__ is none', () => {
    const load = createRequire(import.meta.url);
    const modules = resolveZxcvbnModules();
    const core = load(modules.core) as typeof ZxcvbnCore;
    const install = new Function(`return (${FAST_MATCHING_SOURCE});`)() as (
      zxcvbn: unknown,
      getCleanPasswords: unknown,
    ) => unknown;
    const dictionary = {
      first: ['dragon', 'monkey', 'dragon', '', '__proto__', 'constructor', 'zebra', 'monkey'],
      second: ['monkey', 'zebra', '__proto__', 'p4ss', 'pass', 'dragon'],
      months: ['january', 'february', 'january'],
    };
    const build = () => new core.ZxcvbnFactory({ dictionary, l33tMaxSubstitutions: 10 });
    const reference = build();
    const custom = build();
    expect(install(custom, load(modules.cleanPasswords))).not.toBe(false);
    for (const password of [
      'dragon',
      'monkeyzebra',
      'nogard',
      'dr4g0n',
      'januaryfebruary',
      'p4ss',
      'zebra1',
    ]) {
      expect(matchesOf(custom, password, []), password).toBe(matchesOf(reference, password, []));
      expect(resultOf(custom, password, ['zebra']), password).toBe(resultOf(reference, password, ['zebra']));
    }
    // The duplicates really are there: "dragon" is ranked 3 in `first` (its last place), not 1.
    const ranks = JSON.parse(matchesOf(custom, 'dragon', [])) as { dictionaryName: string; rank: number }[];
    expect(ranks.find((match) => match.dictionaryName === 'first')?.rank).toBe(3);
  });

  it('leaves zxcvbn unchanged where it does not apply (Levenshtein matching on)', () => {
    const load = createRequire(import.meta.url);
    const modules = resolveZxcvbnModules();
    const core = load(modules.core) as typeof ZxcvbnCore;
    const instance = new core.ZxcvbnFactory({ useLevenshteinDistance: true });
    const install = new Function(`return (${FAST_MATCHING_SOURCE});`)() as (
      zxcvbn: unknown,
      getCleanPasswords: unknown,
    ) => boolean;
    expect(install(instance, load(modules.cleanPasswords))).toBe(false);
    expect(install({}, load(modules.cleanPasswords))).toBe(false);
  });
});
