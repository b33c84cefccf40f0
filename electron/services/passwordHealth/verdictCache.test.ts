import { describe, expect, it } from 'vitest';
import { createMemoryVerdictCache, type BaseVerdict } from './verdictCache';

const V1 = 'zxcvbn-ts core 4.2.0; l33tMaxSubstitutions=10';
const V2 = 'zxcvbn-ts core 4.3.0; l33tMaxSubstitutions=10';
const verdict = (score: BaseVerdict['score'], warning = ''): BaseVerdict => ({
  score,
  guessesLog10: score * 2.5,
  warning,
  suggestions: warning ? ['Add another word or two.'] : [],
});

describe('createMemoryVerdictCache', () => {
  it('gives back what was stored, for the fingerprints asked about only', () => {
    const cache = createMemoryVerdictCache();
    cache.put(
      V1,
      new Map([
        ['fp-a', verdict(0, 'This is a heavily used password.')],
        ['fp-b', verdict(4)],
      ]),
    );
    const found = cache.get(V1, ['fp-a', 'fp-c']);
    expect([...found.keys()]).toEqual(['fp-a']);
    expect(found.get('fp-a')).toEqual(verdict(0, 'This is a heavily used password.'));
  });

  it('ignores verdicts stored under another version', () => {
    const cache = createMemoryVerdictCache();
    cache.put(V1, new Map([['fp-a', verdict(1)]]));
    expect(cache.get(V2, ['fp-a']).size).toBe(0);
    cache.put(V2, new Map([['fp-a', verdict(2)]]));
    expect(cache.get(V2, ['fp-a']).get('fp-a')!.score).toBe(2);
    expect(cache.get(V1, ['fp-a']).size).toBe(0);
  });

  it('keeps its own copies: changing a stored or returned verdict changes nothing inside', () => {
    const cache = createMemoryVerdictCache();
    const stored = verdict(1, 'Too short.');
    cache.put(V1, new Map([['fp-a', stored]]));
    stored.suggestions.push('changed');
    cache.get(V1, ['fp-a']).get('fp-a')!.suggestions.push('changed too');
    expect(cache.get(V1, ['fp-a']).get('fp-a')!.suggestions).toEqual(['Add another word or two.']);
  });

  it('drops the least recently used verdicts beyond its size', () => {
    const cache = createMemoryVerdictCache({ maxEntries: 2 });
    cache.put(
      V1,
      new Map([
        ['fp-a', verdict(0)],
        ['fp-b', verdict(1)],
      ]),
    );
    cache.get(V1, ['fp-a']); // fp-a is now the most recent
    cache.put(V1, new Map([['fp-c', verdict(2)]]));
    expect(cache.size).toBe(2);
    expect([...cache.get(V1, ['fp-a', 'fp-b', 'fp-c']).keys()].sort()).toEqual(['fp-a', 'fp-c']);
  });
});
