import type { StrengthScore } from './strength';

/**
 * Everything Lockstep keeps about one password: derived signals only, never the password
 * (DESIGN.md, "The promise" 2). Fingerprints are keyed HMACs under a per-install key, useless
 * without that key and the password itself.
 */
export interface PasswordSignals {
  /** zxcvbn score 0–4; 0–2 raises `password_weak`. */
  strength: StrengthScore;
  /** zxcvbn's main warning in plain words, or '' when it has none. */
  strengthWarning: string;
  /** zxcvbn's suggestions (fixed sentences, no part of the password). */
  strengthSuggestions: string[];
  /** log10 of the estimated guesses; finer than the score for sorting. */
  guessesLog10: number;
  /** Keyed fingerprint of the password: equal fingerprints mean the same password (reuse). */
  exactFingerprint: string;
  /** Keyed fingerprint of the password's normalised base, or null when the base is too short to mean anything. */
  similarFingerprint: string | null;
  /** 1-based rank in the bundled common-password list, or null when not listed. */
  commonRank: number | null;
  /**
   * A stable id of the near-duplicate group this password is in (the keyed fingerprint of the
   * group's lowest base), or null when it is in none. Identical passwords alone form no group.
   */
  similarGroup: string | null;
}
