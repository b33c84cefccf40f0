import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  damerauLevenshtein,
  groupSimilar,
  levenshtein,
  normalizeForSimilarity,
  type SimilarityItem,
} from './similarity';

const items = (...passwords: string[]): SimilarityItem[] =>
  passwords.map((password, index) => ({ id: `id${index}`, password }));

/** The passwords of each group, for readable assertions. */
const passwordGroups = (input: SimilarityItem[]): string[][] => {
  const byId = new Map(input.map((item) => [item.id, item.password]));
  return groupSimilar(input).map((group) => group.map((id) => byId.get(id)!).sort());
};

describe('normalizeForSimilarity', () => {
  it.each([
    ['Summer2023!', 'summer'],
    ['Summer2024!', 'summer'],
    ['summer', 'summer'],
    ['P@ssw0rd', 'password'],
    ['p@$$w0rd1', 'password'],
    ['PASSWORD', 'password'],
    ['Kestrel88', 'kestrel'],
    ['Kestrel88#tw', 'kestreltw'],
    ['123password', 'password'],
    ['!!Dragon!!', 'dragon'],
    ['Tr0ub4dor&3', 'troubador'],
    ['m0nk3y', 'monkey'],
  ])('%s → %s', (password, base) => {
    expect(normalizeForSimilarity(password)).toBe(base);
  });

  it.each(['1234', '12345678', '!!!!', '', 'abc123', 'Ab1!', '   '])(
    'gives no base for %j (too short to mean anything)',
    (password) => {
      expect(normalizeForSimilarity(password)).toBe('');
    },
  );

  it('drops long runs of digits inside a word rather than reading them as leet', () => {
    expect(normalizeForSimilarity('summer2023winter')).toBe('summerwinter');
  });

  it('keeps letters of other scripts and normalises compatibility forms', () => {
    expect(normalizeForSimilarity('Ｐａｓｓｗｏｒｄ1')).toBe('password');
    expect(normalizeForSimilarity('Größe2020')).toBe('größe');
    expect(normalizeForSimilarity('пароль123')).toBe('пароль');
  });
});

describe('levenshtein and damerauLevenshtein', () => {
  it('computes known distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
    expect(levenshtein('ab', 'ba')).toBe(2);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
    expect(damerauLevenshtein('password', 'psasword')).toBe(1);
  });

  it('stops at the bound, returning max + 1', () => {
    expect(levenshtein('kitten', 'sitting', 2)).toBe(3);
    expect(levenshtein('kitten', 'sitting', 1)).toBe(2);
    expect(levenshtein('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(levenshtein('short', 'much longer string', 2)).toBe(3);
    expect(levenshtein('abc', 'abd', 0)).toBe(1);
  });

  const naive = (a: string, b: string, transpositions: boolean): number => {
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i += 1) {
      for (let j = 1; j <= b.length; j += 1) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
        if (transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, d[i - 2]![j - 2]! + 1);
        }
        d[i]![j] = value;
      }
    }
    return d[a.length]![b.length]!;
  };

  it('agrees with the textbook algorithm under any bound (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 10 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 12 }), (a, b, max) => {
        expect(levenshtein(a, b, max)).toBe(Math.min(naive(a, b, false), max + 1));
        expect(damerauLevenshtein(a, b, max)).toBe(Math.min(naive(a, b, true), max + 1));
        expect(levenshtein(a, b)).toBe(naive(a, b, false));
      }),
      { numRuns: 500 },
    );
  });
});

describe('groupSimilar', () => {
  it('groups a password with its next-year version', () => {
    expect(passwordGroups(items('Summer2023!', 'Summer2024!'))).toEqual([['Summer2023!', 'Summer2024!']]);
  });

  it('groups a password with a short extension of it', () => {
    expect(passwordGroups(items('Kestrel88', 'Kestrel88#tw'))).toEqual([['Kestrel88', 'Kestrel88#tw']]);
  });

  it('groups leet spellings with the plain word', () => {
    expect(passwordGroups(items('P@ssw0rd', 'password'))).toEqual([['P@ssw0rd', 'password']]);
  });

  it('groups passwords a couple of edits apart', () => {
    expect(passwordGroups(items('xK9#mQ2$vL', 'xK9#mQ3$vL'))).toEqual([['xK9#mQ2$vL', 'xK9#mQ3$vL']]);
    expect(passwordGroups(items('xK9#mQ2$vL', 'Kx9#mQ2$vL'))).toEqual([['Kx9#mQ2$vL', 'xK9#mQ2$vL']]);
  });

  it('does not group unrelated random passwords', () => {
    expect(groupSimilar(items('dJt~Gu4DPH%=BLapwnQK=S$7', 'roH=Yf5+wB*FkFX8E9TL'))).toEqual([]);
  });

  it('does not call identical passwords similar: that is reuse', () => {
    expect(groupSimilar(items('Summer2023!', 'Summer2023!'))).toEqual([]);
  });

  it('puts every holder of a reused password in the group when a similar one exists', () => {
    const input = items('Summer2023!', 'Summer2023!', 'Summer2024!');
    expect(groupSimilar(input)).toEqual([['id0', 'id1', 'id2']]);
  });

  it('does not group short passwords', () => {
    expect(groupSimilar(items('1234', '1235'))).toEqual([]);
    expect(groupSimilar(items('abc1', 'abc2'))).toEqual([]);
    expect(groupSimilar(items('cat!', 'cat?'))).toEqual([]);
  });

  it('does not link bases by a prefix that is too short or an extension that is too long', () => {
    // "kestrel" vs "kestrelwhite": five extra letters.
    expect(groupSimilar(items('Kestrel', 'KestrelWhite'))).toEqual([]);
    // "sunny" (5 letters) vs "sunnyday".
    expect(groupSimilar(items('sunny1', 'sunnyday1'))).toEqual([]);
  });

  it('forms separate groups and links transitively', () => {
    const groups = passwordGroups(
      items('Summer2023!', 'summer99', 'Summ3r', 'Winter2020', 'winter!', 'dJt~Gu4DPH%=BLapwnQK=S$7'),
    );
    expect(groups).toEqual([
      ['Summ3r', 'Summer2023!', 'summer99'],
      ['Winter2020', 'winter!'],
    ]);
  });

  it('sorts ids within groups and groups by first id', () => {
    const input: SimilarityItem[] = [
      { id: 'z', password: 'Winter2020' },
      { id: 'b', password: 'Summer2023!' },
      { id: 'y', password: 'winter!' },
      { id: 'a', password: 'Summer2024!' },
    ];
    expect(groupSimilar(input)).toEqual([
      ['a', 'b'],
      ['y', 'z'],
    ]);
  });

  it('handles an empty list', () => {
    expect(groupSimilar([])).toEqual([]);
  });

  it('gives the same groups whatever the input order (property)', () => {
    // A small alphabet and word list make collisions, shared bases and near misses common.
    const word = fc.constantFrom('summer', 'Summer', 'p@ss', 'passw0rd', 'kestrel', 'xq', 'Dragon');
    const tail = fc.string({ unit: fc.constantFrom('1', '2', '!', '#', 'a', 'Z'), maxLength: 5 });
    const password = fc.tuple(word, tail, fc.boolean()).map(([w, t, repeat]) => (repeat ? w + w + t : w + t));
    fc.assert(
      fc.property(
        fc
          .array(password, { maxLength: 25 })
          .chain((passwords) =>
            fc.tuple(
              fc.constant(passwords),
              fc.shuffledSubarray([...passwords.keys()], { minLength: passwords.length }),
            ),
          ),
        ([passwords, order]) => {
          const input = passwords.map((p, index) => ({
            id: `id${String(index).padStart(2, '0')}`,
            password: p,
          }));
          const shuffled = order.map((index) => input[index]!);
          const groups = groupSimilar(input);
          expect(groupSimilar(shuffled)).toEqual(groups);
          expect(groupSimilar(input)).toEqual(groups);

          const byId = new Map(input.map((item) => [item.id, item.password]));
          const seen = new Set<string>();
          for (const group of groups) {
            expect(new Set(group.map((id) => byId.get(id))).size).toBeGreaterThanOrEqual(2);
            for (const id of group) {
              expect(seen.has(id)).toBe(false);
              seen.add(id);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is symmetric for any pair (property)', () => {
    const password = fc.string({ minLength: 0, maxLength: 14 });
    fc.assert(
      fc.property(password, password, (a, b) => {
        const forward = groupSimilar([
          { id: 'a', password: a },
          { id: 'b', password: b },
        ]);
        const backward = groupSimilar([
          { id: 'b', password: b },
          { id: 'a', password: a },
        ]);
        expect(backward).toEqual(forward);
      }),
      { numRuns: 500 },
    );
  });

  it('groups 10,000 random passwords quickly', () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*-_=+';
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const input = Array.from({ length: 10_000 }, (_, index) => {
      const length = 8 + Math.floor(random() * 16);
      let password = '';
      for (let k = 0; k < length; k += 1) password += alphabet[Math.floor(random() * alphabet.length)];
      return { id: String(index), password };
    });
    // A realistic share of near-duplicates on top.
    for (let index = 0; index < 500; index += 1) {
      input.push({ id: `v${index}`, password: `${input[index]!.password}1` });
    }
    const started = performance.now();
    const groups = groupSimilar(input);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    expect(groups.length).toBeGreaterThanOrEqual(500);
  });

  it('keeps a large block of look-alikes fast', () => {
    const input = Array.from({ length: 10_000 }, (_, index) => ({
      id: String(index),
      password: `password${String(index).padStart(5, '0')}x`,
    }));
    const started = performance.now();
    const groups = groupSimilar(input);
    expect(performance.now() - started).toBeLessThan(1000);
    // The digit run inside is too long to be leet and is dropped: one base "passwordx", one group.
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(10_000);
  });
});
