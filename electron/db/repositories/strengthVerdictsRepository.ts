import type Database from 'better-sqlite3';
import type { StrengthEstimate } from '../../../common/domain/passwords/strength';

/** Strength verdicts by password fingerprint (zxcvbn's estimate without user inputs; no password). */
export class StrengthVerdictsRepository {
  private readonly getOne;
  private readonly upsertOne;
  private readonly pruneUnused;
  private readonly anyOfVersion;

  constructor(db: Database.Database) {
    this.getOne = db.prepare<
      [string, string],
      { score: number; guesses_log10: number; warning: string; suggestions: string }
    >(
      `SELECT score, guesses_log10, warning, suggestions FROM strength_verdicts WHERE fingerprint = ? AND version = ?`,
    );
    this.upsertOne = db.prepare(
      `INSERT INTO strength_verdicts (fingerprint, version, score, guesses_log10, warning, suggestions, stored_at)
       VALUES (@fingerprint, @version, @score, @guessesLog10, @warning, @suggestions, @now)
       ON CONFLICT (fingerprint) DO UPDATE SET version = excluded.version, score = excluded.score,
         guesses_log10 = excluded.guesses_log10, warning = excluded.warning,
         suggestions = excluded.suggestions, stored_at = excluded.stored_at`,
    );
    this.anyOfVersion = db.prepare<[string], { found: number }>(
      `SELECT EXISTS (SELECT 1 FROM strength_verdicts WHERE version = ?) AS found`,
    );
    this.pruneUnused = db.prepare(
      `DELETE FROM strength_verdicts WHERE fingerprint NOT IN (SELECT exact_fingerprint FROM password_signals)`,
    );
  }

  /** The verdicts known for these fingerprints under `version` (others are absent). */
  verdicts(version: string, fingerprints: readonly string[]): Map<string, StrengthEstimate> {
    const found = new Map<string, StrengthEstimate>();
    for (const fingerprint of fingerprints) {
      const row = this.getOne.get(fingerprint, version);
      if (!row) continue;
      found.set(fingerprint, {
        score: row.score as StrengthEstimate['score'],
        guessesLog10: row.guesses_log10,
        warning: row.warning,
        suggestions: JSON.parse(row.suggestions) as string[],
      });
    }
    return found;
  }

  /** Whether any verdict is kept under `version`. */
  holdsAny(version: string): boolean {
    return this.anyOfVersion.get(version)?.found === 1;
  }

  /** Stores verdicts, replacing earlier ones for the same fingerprints. */
  put(version: string, verdicts: ReadonlyMap<string, StrengthEstimate>, now: string): void {
    for (const [fingerprint, verdict] of verdicts) {
      this.upsertOne.run({
        fingerprint,
        version,
        score: verdict.score,
        guessesLog10: verdict.guessesLog10,
        warning: verdict.warning,
        suggestions: JSON.stringify(verdict.suggestions),
        now,
      });
    }
  }

  /** Forgets the verdicts of passwords no account uses any more; returns how many. */
  prune(): number {
    return this.pruneUnused.run().changes;
  }
}
