import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLocale } from '../../messages/format';
import {
  isStrengthScore,
  isWeakScore,
  STRENGTH_FEEDBACK_KEYS,
  STRENGTH_SCALE,
  STRENGTH_SCORES,
  strengthLabel,
  strengthMeaning,
  strengthStepOfGuesses,
  strengthSuggestionTexts,
  strengthTime,
  strengthWarningText,
} from './strength';

afterEach(() => setMessageLocale('en'));

describe('the strength scale', () => {
  it('labels every score in plain words', () => {
    expect(STRENGTH_SCORES.map(strengthLabel)).toEqual([
      'Very weak',
      'Weak',
      'Fair',
      'Strong',
      'Very strong',
    ]);
  });

  it("follows zxcvbn's buckets: under 10^3, 10^6, 10^8, 10^10 guesses, then beyond", () => {
    expect(STRENGTH_SCALE.map((step) => step.maxGuessesLog10)).toEqual([3, 6, 8, 10, null]);
    expect(strengthStepOfGuesses(2.9).score).toBe(0);
    expect(strengthStepOfGuesses(3).score).toBe(1);
    expect(strengthStepOfGuesses(7.99).score).toBe(2);
    expect(strengthStepOfGuesses(9.5).score).toBe(3);
    expect(strengthStepOfGuesses(10).score).toBe(4);
    expect(strengthStepOfGuesses(40).score).toBe(4);
  });

  it('says how long each step takes to guess, slower as the score rises', () => {
    expect(STRENGTH_SCORES.map(strengthTime)).toEqual([
      'guessable in minutes or less',
      'guessable in minutes to hours',
      'guessable in days to months',
      'guessable in months to decades',
      'guessable only in decades or more',
    ]);
  });

  it('tells both attackers apart in each meaning, with times that match the buckets', () => {
    // At 10 guesses a second online and 10,000 a second offline (slow hash):
    // 10^6 guesses ≈ 28 hours online, 100 s offline; 10^8 ≈ 116 days, 2.8 hours; 10^10 ≈ 32 years, 11.6 days.
    expect(strengthMeaning(1)).toMatch(/about a day.*under two minutes/);
    expect(strengthMeaning(2)).toMatch(/few months.*under three hours/);
    expect(strengthMeaning(3)).toMatch(/decades.*under two weeks/);
    for (const score of STRENGTH_SCORES) expect(strengthMeaning(score)).toMatch(/sign-in page.*leaked copy/);
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

describe("zxcvbn's feedback in our words", () => {
  it("knows every warning and suggestion key zxcvbn-ts's English translation has", async () => {
    const { translations } = (await import('@zxcvbn-ts/language-en')) as unknown as {
      translations: { warnings: Record<string, string>; suggestions: Record<string, string> };
    };
    expect([...STRENGTH_FEEDBACK_KEYS.warnings].sort()).toEqual(Object.keys(translations.warnings).sort());
    expect([...STRENGTH_FEEDBACK_KEYS.suggestions].sort()).toEqual(
      Object.keys(translations.suggestions).sort(),
    );
    // Never zxcvbn's own sentence.
    for (const key of STRENGTH_FEEDBACK_KEYS.warnings) {
      expect(strengthWarningText(key)).not.toBe(translations.warnings[key]);
      expect(strengthWarningText(key)).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('maps keys to our sentences, and anything else to nothing', () => {
    expect(strengthWarningText('userInputs')).toBe(
      'It contains something about you or the site, such as your name or the site’s name.',
    );
    expect(strengthWarningText('')).toBe('');
    expect(strengthWarningText('There should not be any personal or page related data.')).toBe('');
    expect(strengthWarningText('toString')).toBe('');
    expect(strengthSuggestionTexts(['useWords', 'unknown', 'noNeed'])).toEqual([
      'Use several words, but avoid common phrases.',
      'You can make a strong password without symbols, numbers or capitals.',
    ]);
  });
});
