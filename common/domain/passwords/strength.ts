import { format } from '../../messages/format';
import type { MessageId } from '../../messages/en';

/**
 * Password strength vocabulary shared by the engine (which scores with zxcvbn in the main process)
 * and the UI (which shows labels). Scores are zxcvbn's 0–4 scale.
 */

/** A zxcvbn score: 0 (guessed almost at once) to 4 (very unlikely to be guessed). */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** Every score, lowest first. */
export const STRENGTH_SCORES: readonly StrengthScore[] = [0, 1, 2, 3, 4];

/**
 * One step of the strength scale, the only one Lockstep uses (badges, findings, tasks, the CLI,
 * summaries). zxcvbn buckets its estimate of the guesses an attacker needs: score 0 under 10^3,
 * 1 under 10^6, 2 under 10^8, 3 under 10^10, 4 from 10^10. The words say what that means for an
 * attacker trying at the sign-in page (about 10 guesses a second when nothing slows them down)
 * and for one holding a leaked copy of the site's password store (about 10,000 a second against
 * a slow, salted hash; far faster against a careless one — so "from a leaked copy" is a best case).
 */
export interface StrengthStep {
  score: StrengthScore;
  /** The fewest guesses in this step, as a power of ten (0 for score 0). */
  minGuessesLog10: number;
  /** The guesses this step stays under, as a power of ten (null: no upper bound). */
  maxGuessesLog10: number | null;
  /** The step's name ("Fair"). */
  label: MessageId;
  /** How long guessing takes, in a few words ("guessable in weeks to months"). */
  time: MessageId;
  /** What the step means for both kinds of attacker, in a sentence. */
  meaning: MessageId;
}

/** The strength scale, indexed by score. */
export const STRENGTH_SCALE: readonly StrengthStep[] = [
  {
    score: 0,
    minGuessesLog10: 0,
    maxGuessesLog10: 3,
    label: 'strength.0.label',
    time: 'strength.0.time',
    meaning: 'strength.0.meaning',
  },
  {
    score: 1,
    minGuessesLog10: 3,
    maxGuessesLog10: 6,
    label: 'strength.1.label',
    time: 'strength.1.time',
    meaning: 'strength.1.meaning',
  },
  {
    score: 2,
    minGuessesLog10: 6,
    maxGuessesLog10: 8,
    label: 'strength.2.label',
    time: 'strength.2.time',
    meaning: 'strength.2.meaning',
  },
  {
    score: 3,
    minGuessesLog10: 8,
    maxGuessesLog10: 10,
    label: 'strength.3.label',
    time: 'strength.3.time',
    meaning: 'strength.3.meaning',
  },
  {
    score: 4,
    minGuessesLog10: 10,
    maxGuessesLog10: null,
    label: 'strength.4.label',
    time: 'strength.4.time',
    meaning: 'strength.4.meaning',
  },
];

/** The plain-word label a person sees for each score, indexed by score ("Very weak" … "Very strong"). */
export function strengthLabel(score: StrengthScore): string {
  return format(STRENGTH_SCALE[score]!.label);
}

/** How long a password of this score takes to guess, in a few words ("guessable in hours"). */
export function strengthTime(score: StrengthScore): string {
  return format(STRENGTH_SCALE[score]!.time);
}

/** What a score means for an attacker at the sign-in page and one with a leaked copy. */
export function strengthMeaning(score: StrengthScore): string {
  return format(STRENGTH_SCALE[score]!.meaning);
}

/** The step a number of guesses (log10, as zxcvbn reports it) falls in. */
export function strengthStepOfGuesses(guessesLog10: number): StrengthStep {
  return (
    STRENGTH_SCALE.find((step) => step.maxGuessesLog10 !== null && guessesLog10 < step.maxGuessesLog10) ??
    STRENGTH_SCALE[4]!
  );
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
 * warning and suggestions are zxcvbn's translation keys ("topHundred", "useWords"), which
 * {@link strengthWarningText} turns into our own words — zxcvbn's English is never shown.
 */
export interface StrengthEstimate {
  score: StrengthScore;
  /** log10 of the estimated number of guesses an attacker needs. */
  guessesLog10: number;
  /** zxcvbn's key for the main problem ("keyPattern"), or '' when there is none. */
  warning: string;
  /** zxcvbn's keys for what would make it stronger; may be empty. */
  suggestions: string[];
}

/** zxcvbn-ts's warning keys, each with our own sentence in the catalogue. */
const WARNING_MESSAGES: Record<string, MessageId> = {
  straightRow: 'strength.warning.straightRow',
  keyPattern: 'strength.warning.keyPattern',
  simpleRepeat: 'strength.warning.simpleRepeat',
  extendedRepeat: 'strength.warning.extendedRepeat',
  sequences: 'strength.warning.sequences',
  recentYears: 'strength.warning.recentYears',
  dates: 'strength.warning.dates',
  topTen: 'strength.warning.topTen',
  topHundred: 'strength.warning.topHundred',
  common: 'strength.warning.common',
  similarToCommon: 'strength.warning.similarToCommon',
  wordByItself: 'strength.warning.wordByItself',
  namesByThemselves: 'strength.warning.namesByThemselves',
  commonNames: 'strength.warning.commonNames',
  userInputs: 'strength.warning.userInputs',
  pwned: 'strength.warning.pwned',
};

/** zxcvbn-ts's suggestion keys, each with our own sentence in the catalogue. */
const SUGGESTION_MESSAGES: Record<string, MessageId> = {
  l33t: 'strength.suggestion.l33t',
  reverseWords: 'strength.suggestion.reverseWords',
  allUppercase: 'strength.suggestion.allUppercase',
  capitalization: 'strength.suggestion.capitalization',
  dates: 'strength.suggestion.dates',
  recentYears: 'strength.suggestion.recentYears',
  associatedYears: 'strength.suggestion.associatedYears',
  sequences: 'strength.suggestion.sequences',
  repeated: 'strength.suggestion.repeated',
  longerKeyboardPattern: 'strength.suggestion.longerKeyboardPattern',
  anotherWord: 'strength.suggestion.anotherWord',
  useWords: 'strength.suggestion.useWords',
  noNeed: 'strength.suggestion.noNeed',
  pwned: 'strength.suggestion.pwned',
};

/**
 * Our sentence for a zxcvbn warning key, or '' for none. Anything else — an unknown key, or an
 * English sentence stored by an older version — gives '' too: zxcvbn's own words are never shown.
 */
export function strengthWarningText(key: string): string {
  const id = Object.hasOwn(WARNING_MESSAGES, key) ? WARNING_MESSAGES[key] : undefined;
  return id ? format(id) : '';
}

/** Our sentences for zxcvbn suggestion keys, in order, leaving out any we do not know. */
export function strengthSuggestionTexts(keys: readonly string[]): string[] {
  return keys.flatMap((key) => {
    const id = Object.hasOwn(SUGGESTION_MESSAGES, key) ? SUGGESTION_MESSAGES[key] : undefined;
    return id ? [format(id)] : [];
  });
}

/** Every zxcvbn-ts key {@link strengthWarningText} and {@link strengthSuggestionTexts} know, for tests. */
export const STRENGTH_FEEDBACK_KEYS = {
  warnings: Object.keys(WARNING_MESSAGES),
  suggestions: Object.keys(SUGGESTION_MESSAGES),
} as const;
