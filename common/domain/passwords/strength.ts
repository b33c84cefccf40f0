/**
 * Password strength vocabulary shared by the engine (which scores with zxcvbn in the main process)
 * and the UI (which shows labels). Scores are zxcvbn's 0–4 scale.
 */

/** A zxcvbn score: 0 (guessed almost at once) to 4 (very unlikely to be guessed). */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** Every score, lowest first. */
export const STRENGTH_SCORES: readonly StrengthScore[] = [0, 1, 2, 3, 4];

/** The plain-word label a person sees for each score, indexed by score. */
export const STRENGTH_LABELS = [
  'Very weak',
  'Weak',
  'Fair',
  'Strong',
  'Very strong',
] as const satisfies readonly [string, string, string, string, string];

/** One of {@link STRENGTH_LABELS}. */
export type StrengthLabel = (typeof STRENGTH_LABELS)[StrengthScore];

/** The label for a score. */
export function strengthLabel(score: StrengthScore): StrengthLabel {
  return STRENGTH_LABELS[score];
}

/**
 * Whether a score raises the `password_weak` finding: zxcvbn 0–2 (DESIGN.md, checks catalogue).
 * A score of 2 means roughly 10^8–10^10 guesses — within reach of an offline attack on a leaked
 * hash — so "Fair" still counts as weak.
 */
export function isWeakScore(score: number): boolean {
  return score <= 2;
}

/** Whether a value is a zxcvbn score (an integer 0–4), for validating data read back from storage. */
export function isStrengthScore(value: unknown): value is StrengthScore {
  return value === 0 || value === 1 || value === 2 || value === 3 || value === 4;
}

/**
 * What the strength estimator says about one password. Carries no part of the password: the
 * warning and suggestions are zxcvbn's fixed English sentences.
 */
export interface StrengthEstimate {
  score: StrengthScore;
  /** log10 of the estimated number of guesses an attacker needs. */
  guessesLog10: number;
  /** The main problem in plain words, or '' when there is none. */
  warning: string;
  /** What would make it stronger; may be empty. */
  suggestions: string[];
}
