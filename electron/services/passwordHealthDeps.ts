import { createCommonPasswordSet } from '../../common/domain/passwords/commonPasswords';
import type { PlatformPort } from '../platform/port';
import { readBundledText } from './bundledData';
import type { AnalyzeDependencies } from './passwordHealth/analyze';
import { createFingerprinter } from './passwordHealth/fingerprint';
import { loadOrCreateKeyFile, loadOrCreateProtectedKey } from './passwordHealth/keyStore';
import { createStrengthScorer, type StrengthScorer } from './passwordHealth/strengthPool';
import { createMemoryVerdictCache, type VerdictCache } from './passwordHealth/verdictCache';

/** Bundled NCSC list of the 100,000 most common breached passwords. */
export const COMMON_PASSWORDS_FILE = 'ncsc-top100k-passwords.txt';

/** What password analysis needs, built on first use (the scorer's workers and the list cost time). */
export interface PasswordHealth extends AnalyzeDependencies {
  scorer: StrengthScorer;
}

/**
 * A lazy holder: nothing is loaded at start-up (start-up stays fast). The scorer's workers start
 * with the first preview (`prepare`) and stop after each analysis (`release`): an idle app does
 * not keep ~75 MB of dictionaries per worker. The key and the common list load with the first
 * analysis and stay. `close()` stops the worker threads.
 */
export function createPasswordHealth(
  dataDir: string,
  platform: PlatformPort,
  verdictCache: VerdictCache = createMemoryVerdictCache(),
) {
  let scorer: StrengthScorer | null = null;
  let health: PasswordHealth | null = null;
  const scorerOf = (): StrengthScorer => (scorer ??= createStrengthScorer());
  return {
    get(): PasswordHealth {
      if (!health) {
        const key = loadFingerprintKey(dataDir, platform);
        let common: PasswordHealth['common'] | null = null;
        health = {
          fingerprinter: createFingerprinter(key),
          // Read when first asked (~40 ms): an analysis asks once its scoring has started.
          get common() {
            common ??= createCommonPasswordSet(readBundledText(COMMON_PASSWORDS_FILE));
            return common;
          },
          scorer: scorerOf(),
          // Strength verdicts of earlier analyses (kept in the database by the app and the CLI): a
          // re-import of the same export scores only the passwords whose user inputs matter.
          verdictCache,
        };
      }
      return health;
    },
    /**
     * Starts the scoring workers ahead of an analysis of about this many distinct passwords (see
     * `StrengthScorer.prepare`). Reads no key and no list: a preview stays free of side effects.
     */
    prepare(distinctPasswords: number): void {
      scorerOf().prepare(distinctPasswords);
    },
    /** Stops the idle scoring workers (see `StrengthScorer.release`). */
    async release(): Promise<void> {
      await scorer?.release();
    },
    /** What the scorer has done in this process (null before its first use). */
    stats() {
      return scorer?.stats() ?? null;
    },
    async close(): Promise<void> {
      await scorer?.close();
      scorer = null;
      health = null;
    },
  };
}

/**
 * The install's fingerprint key (created on first use): sealed by the OS keychain where there is
 * one, else the 0600 key file. The mailbox scan uses the same key, so a password found in mail has
 * the fingerprint the same password has in the vault.
 */
export function loadFingerprintKey(dataDir: string, platform: PlatformPort): Uint8Array {
  // With a protector, even an unavailable one: a key it sealed earlier must be found, never
  // silently replaced by a new plain key (that would orphan every stored fingerprint).
  const protector = platform.secrets;
  return protector ? loadOrCreateProtectedKey(dataDir, protector) : loadOrCreateKeyFile(dataDir);
}
