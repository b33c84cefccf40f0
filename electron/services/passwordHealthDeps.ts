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
 * A lazy holder: nothing is loaded at start-up (start-up stays fast); the first import pays
 * the dictionary load, later ones reuse it. `close()` stops the worker threads.
 */
export function createPasswordHealth(
  dataDir: string,
  platform: PlatformPort,
  verdictCache: VerdictCache = createMemoryVerdictCache(),
) {
  let health: PasswordHealth | null = null;
  return {
    get(): PasswordHealth {
      if (!health) {
        const key = loadFingerprintKey(dataDir, platform);
        health = {
          fingerprinter: createFingerprinter(key),
          common: createCommonPasswordSet(readBundledText(COMMON_PASSWORDS_FILE)),
          scorer: createStrengthScorer(),
          // Strength verdicts of earlier analyses (kept in the database by the app and the CLI): a
          // re-import of the same export scores only the passwords whose user inputs matter.
          verdictCache,
        };
      }
      return health;
    },
    /** What the scorer has done in this process (null before the first analysis). */
    stats() {
      return health?.scorer.stats() ?? null;
    },
    async close(): Promise<void> {
      await health?.scorer.close();
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
