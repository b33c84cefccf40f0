import type { ReadRepositories } from '../../db/repositories/index';
import type { WriteContext } from '../writePath';
import type { BaseVerdict, VerdictCache } from './verdictCache';

/**
 * The strength verdicts kept in the database (table `strength_verdicts`), so a re-import of the
 * same export — this session or a later one, the app or the command line — scores nothing new.
 * Reads go through the read-only connection; what an analysis learns waits in memory and is written
 * by the import's own write ({@link flush}), with the import, so a cancelled import leaves nothing.
 */
export class StoredVerdictCache implements VerdictCache {
  private readonly pending = new Map<string, { version: string; verdict: BaseVerdict }>();

  constructor(private readonly read: Pick<ReadRepositories, 'verdicts'>) {}

  get(version: string, fingerprints: readonly string[]): ReadonlyMap<string, BaseVerdict> {
    const found = this.read.verdicts.verdicts(version, fingerprints);
    for (const fingerprint of fingerprints) {
      const waiting = this.pending.get(fingerprint);
      if (waiting && waiting.version === version)
        found.set(fingerprint, { ...waiting.verdict, suggestions: [...waiting.verdict.suggestions] });
    }
    return found;
  }

  holdsAny(version: string): boolean {
    for (const waiting of this.pending.values()) if (waiting.version === version) return true;
    return this.read.verdicts.holdsAny(version);
  }

  put(version: string, verdicts: ReadonlyMap<string, BaseVerdict>): void {
    for (const [fingerprint, verdict] of verdicts)
      this.pending.set(fingerprint, {
        version,
        verdict: { ...verdict, suggestions: [...verdict.suggestions] },
      });
  }

  /**
   * Writes the verdicts learned since the last flush, inside the caller's write, then forgets the
   * verdicts of passwords no account uses any more (call it after the accounts' signals are written).
   */
  flush(tx: WriteContext): void {
    const byVersion = new Map<string, Map<string, BaseVerdict>>();
    for (const [fingerprint, { version, verdict }] of this.pending) {
      const group = byVersion.get(version) ?? new Map<string, BaseVerdict>();
      group.set(fingerprint, verdict);
      byVersion.set(version, group);
    }
    for (const [version, verdicts] of byVersion) tx.repos.verdicts.put(version, verdicts, tx.now);
    this.pending.clear();
    tx.repos.verdicts.prune();
  }
}
