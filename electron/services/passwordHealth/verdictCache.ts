import type { StrengthEstimate } from '../../../common/domain/passwords/strength';

/**
 * Strength verdicts kept across imports, so a re-import of the same export scores nothing new.
 *
 * A verdict is zxcvbn's estimate of a password **without user inputs** (the base estimate; the
 * analysis re-scores with the inputs when they could matter, see `userInputs.ts`), stored under
 * the password's keyed exact fingerprint (`Fingerprinter.exact`, an HMAC under the install's key)
 * and the scorer's {@link StrengthScorer.verdictVersion} (zxcvbn-ts and dictionary versions and
 * tuning: a verdict from another version is not used). Never the password, nor any part of it:
 * the estimate holds zxcvbn's fixed English warning and suggestions only.
 *
 * A store behind this interface (a SQLite table) keeps, per row: the fingerprint (32 hex
 * characters, primary key), the version text, and the four fields of the estimate — score
 * (0–4), guessesLog10 (a double), warning (text, '' for none), suggestions (a JSON array of text).
 */
export type BaseVerdict = StrengthEstimate;

/** Where verdicts are kept between analyses (in memory here; a table in the database). */
export interface VerdictCache {
  /** The verdicts known for these fingerprints under `version`; fingerprints without one are absent. */
  get(version: string, fingerprints: readonly string[]): ReadonlyMap<string, BaseVerdict>;
  /** Stores verdicts under `version`, replacing any earlier verdict for the same fingerprint. */
  put(version: string, verdicts: ReadonlyMap<string, BaseVerdict>): void;
  /**
   * Whether any verdict under `version` is kept (without it: maybe). When none is, an analysis
   * skips fingerprinting its passwords for a lookup that could find nothing (a first import).
   */
  holdsAny?(version: string): boolean;
}

/** How to build an in-memory {@link VerdictCache}. */
export interface MemoryVerdictCacheOptions {
  /** Verdicts kept at most; the least recently stored or read go first (default 200,000). */
  maxEntries?: number;
}

/** An in-memory {@link VerdictCache} holding copies (callers cannot change what it keeps). */
export function createMemoryVerdictCache(options: MemoryVerdictCacheOptions = {}): VerdictCache & {
  /** Verdicts held now. */
  readonly size: number;
  holdsAny(version: string): boolean;
} {
  const maxEntries = Math.max(1, Math.floor(options.maxEntries ?? 200_000));
  // Insertion order doubles as recency: a read or write moves the entry to the end.
  const entries = new Map<string, { version: string; verdict: BaseVerdict }>();
  const copy = (verdict: BaseVerdict): BaseVerdict => ({ ...verdict, suggestions: [...verdict.suggestions] });
  return {
    get(version, fingerprints) {
      const found = new Map<string, BaseVerdict>();
      for (const fingerprint of fingerprints) {
        const entry = entries.get(fingerprint);
        if (!entry || entry.version !== version) continue;
        entries.delete(fingerprint);
        entries.set(fingerprint, entry);
        found.set(fingerprint, copy(entry.verdict));
      }
      return found;
    },
    put(version, verdicts) {
      for (const [fingerprint, verdict] of verdicts) {
        entries.delete(fingerprint);
        entries.set(fingerprint, { version, verdict: copy(verdict) });
      }
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
    holdsAny(version) {
      for (const entry of entries.values()) if (entry.version === version) return true;
      return false;
    },
    get size() {
      return entries.size;
    },
  };
}
