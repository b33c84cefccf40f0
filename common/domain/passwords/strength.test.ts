import { describe, expect, it } from 'vitest';
import { isStrengthScore, isWeakScore, STRENGTH_LABELS, STRENGTH_SCORES, strengthLabel } from './strength';

describe('strength vocabulary', () => {
  it('labels every score in plain words', () => {
    expect(STRENGTH_SCORES.map(strengthLabel)).toEqual([
      'Very weak',
      'Weak',
      'Fair',
      'Strong',
      'Very strong',
    ]);
    expect(STRENGTH_LABELS).toHaveLength(5);
  });

  it('calls scores 0–2 weak (DESIGN.md) and 3–4 not', () => {
    expect(STRENGTH_SCORES.filter(isWeakScore)).toEqual([0, 1, 2]);
  });

  it('recognises valid scores only', () => {
    expect(STRENGTH_SCORES.every(isStrengthScore)).toBe(true);
    for (const value of [-1, 5, 1.5, '2', null, undefined, Number.NaN]) {
      expect(isStrengthScore(value)).toBe(false);
    }
  });
});
