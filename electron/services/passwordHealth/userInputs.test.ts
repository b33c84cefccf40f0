import { Options, type ZxcvbnFactory } from '@zxcvbn-ts/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createZxcvbn } from './strengthPool';
import { userInputsCanMatch, type L33tTable } from './userInputs';

/** zxcvbn's own l33t table, as the pool uses it. */
const table: L33tTable = new Options().l33tTable;

let zxcvbn: ZxcvbnFactory;
beforeAll(() => {
  zxcvbn = createZxcvbn().zxcvbn;
});

const estimate = (password: string, userInputs: string[]) => {
  const { score, guessesLog10, feedback } = zxcvbn.check(password, userInputs);
  return { score, guessesLog10, feedback };
};

/** Made-up names no zxcvbn dictionary holds, so their use shows in the estimate. */
const SERVICE = 'Zorblax';
const USER = 'mxyzptlk@quintrelo.example';

describe('userInputsCanMatch', () => {
  // Each case changes zxcvbn's estimate (checked below), so saying "cannot match" would be wrong.
  const mustRescore: [string, string, string[]][] = [
    ['the name as it is', 'zorblax2020', [SERVICE]],
    ['the name in other case', 'MyZORBLAX!', [SERVICE.toLowerCase()]],
    ['the name in l33t', 'z0rbl4x2020', [SERVICE]],
    ['the name wholly in l33t', 'z0rb14x', [SERVICE]],
    ['a multi-character substitution', 'zorbl4x|_|s', ['zorblaxus']],
    ['the name reversed', 'xalbroz99', [SERVICE]],
    ['the user name reversed and capitalised', 'Kltpzyxm#1', [USER, 'mxyzptlk']],
    ['the local part of the address', 'mxyzptlk.77', [USER, 'mxyzptlk']],
    ['the whole address', 'mxyzptlk@quintrelo.example', [USER]],
    ['a domain label', 'Quintrelo2024', ['quintrelo.example', 'quintrelo']],
    ['an input that lower-cases to ASCII (Kelvin sign)', 'kquintrelo', ['\u212Aquintrelo']],
  ];

  it.each(mustRescore)('says yes for %s', (_name, password, userInputs) => {
    expect(userInputsCanMatch(password, userInputs, table)).toBe(true);
    expect(estimate(password, userInputs)).not.toEqual(estimate(password, []));
  });

  it('says no when no input can be found, and then the estimate is indeed the same', () => {
    const cases: [string, string[]][] = [
      ['Summer2023!', [SERVICE, USER, 'mxyzptlk']],
      ['zorbla2020', [SERVICE]], // a prefix only
      ['orblax', [SERVICE]],
      ['z0rbl4', [SERVICE]],
      ['xalbro', [SERVICE]],
      ['dJt~Gu4DPH%=BLapwnQK=S$7', [SERVICE, USER]],
    ];
    for (const [password, userInputs] of cases) {
      expect(userInputsCanMatch(password, userInputs, table), password).toBe(false);
      expect(estimate(password, userInputs), password).toEqual(estimate(password, []));
    }
  });

  it('says no with no inputs, or only empty ones', () => {
    expect(userInputsCanMatch('zorblax', [], table)).toBe(false);
    expect(userInputsCanMatch('zorblax', ['', ''], table)).toBe(false);
  });

  it('says yes for any password outside ASCII (lower-casing can change lengths there)', () => {
    expect(userInputsCanMatch('Pässwörd1', [SERVICE], table)).toBe(true);
    expect(userInputsCanMatch('İstanbul', ['x'], table)).toBe(true);
  });

  it('says no for an input outside ASCII in an ASCII password', () => {
    expect(userInputsCanMatch('zorblax', ['Zörblax'], table)).toBe(false);
  });

  it('says yes when the l33t table has a shape it does not model', () => {
    expect(userInputsCanMatch('abc', ['zzz'], { ab: ['x'] })).toBe(true);
  });

  it('never says no where the inputs change the estimate (generated near misses)', () => {
    // Passwords built from pieces of the inputs: whole, cut, reversed, l33t, wrapped in noise.
    const words = ['zorblax', 'mxyzptlk', 'quintrelo'];
    const inputs = [SERVICE, USER, 'mxyzptlk', 'quintrelo.example', 'quintrelo'];
    const l33t: Record<string, string> = {
      a: '4',
      o: '0',
      l: '1',
      i: '!',
      e: '3',
      t: '7',
      x: '><',
      u: '|_|',
    };
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    let noCount = 0;
    for (let index = 0; index < 150; index += 1) {
      let piece = words[Math.floor(next() * words.length)]!;
      if (next() < 0.5) piece = piece.slice(0, Math.max(2, Math.floor(next() * piece.length) + 1));
      if (next() < 0.3) piece = [...piece].reverse().join('');
      if (next() < 0.4) piece = [...piece].map((c) => (next() < 0.5 ? (l33t[c] ?? c) : c)).join('');
      if (next() < 0.3) piece = piece.toUpperCase();
      const password = `${next() < 0.5 ? 'Q' : ''}${piece}${Math.floor(next() * 100)}`;
      if (!userInputsCanMatch(password, inputs, table)) {
        noCount += 1;
        expect(estimate(password, inputs), password).toEqual(estimate(password, []));
      }
    }
    // The sample has both kinds.
    expect(noCount).toBeGreaterThan(20);
    expect(noCount).toBeLessThan(140);
  });
});
