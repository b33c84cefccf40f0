import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * Keyed password fingerprints for reuse and near-duplicate detection.
 *
 * Why a keyed HMAC and not a hash: a plain SHA-1/SHA-256 of a password is as good as the password.
 * Anyone holding the database could hash the common-password lists (or run a GPU cracker over
 * billions of candidates) and read most passwords back in minutes — unsalted, fast hashes of
 * human-chosen secrets are exactly what breach dumps get cracked from. An HMAC-SHA-256 under a
 * 256-bit per-install key cannot be computed without that key, so the fingerprints in the database
 * reveal only "these two accounts share a password". The key is generated on this machine, kept
 * beside the database as a 0600 file or sealed by the OS keychain (see `keyStore.ts`), and never
 * leaves the machine: it is not exported, reported, logged or sent.
 *
 * Fingerprints are truncated to 128 bits (32 hex characters): collisions are out of reach (a
 * birthday bound of 2^64) and a shorter value stores smaller.
 */

/** Bytes in a fingerprint key. */
export const FINGERPRINT_KEY_BYTES = 32;

/** Hex characters kept from each HMAC (128 bits). */
export const FINGERPRINT_HEX_LENGTH = 32;

/** Computes keyed fingerprints under one install's key. */
export interface Fingerprinter {
  /** Fingerprint of a password: equal passwords, equal fingerprints. */
  exact(password: string): string;
  /** Fingerprint of a normalised base (`normalizeForSimilarity`); never equal to an `exact` one. */
  similarBase(base: string): string;
}

/**
 * Creates a {@link Fingerprinter} over `key` ({@link FINGERPRINT_KEY_BYTES} random bytes). The two
 * kinds of fingerprint are domain-separated (`exact\0…`, `similar\0…`), so the base `password`
 * and the password `password` do not share a fingerprint. The key is copied; the caller may wipe
 * its own copy.
 */
export function createFingerprinter(key: Uint8Array): Fingerprinter {
  if (key.length < 16) {
    throw new Error(`A fingerprint key needs at least 16 bytes; this one has ${key.length}.`);
  }
  const secret: KeyObject = createSecretKey(Buffer.from(key));
  const mac = (domain: string, value: string): string =>
    createHmac('sha256', secret)
      .update(domain, 'utf8')
      .update(value, 'utf8')
      .digest('hex')
      .slice(0, FINGERPRINT_HEX_LENGTH);
  return {
    exact: (password) => mac('exact\0', password),
    similarBase: (base) => mac('similar\0', base),
  };
}

/** A new random fingerprint key ({@link FINGERPRINT_KEY_BYTES} bytes from the OS CSPRNG). */
export function generateFingerprintKey(): Uint8Array {
  return new Uint8Array(randomBytes(FINGERPRINT_KEY_BYTES));
}
