import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretProtector } from '../../platform/port';
import { writeFileAtomically } from './atomicFile';
import { HIBP_API_KEY_PATTERN } from './hibpAccount';
import { format } from '../../../common/messages/format';

/**
 * The Have I Been Pwned API key is kept only sealed by the operating system's keychain (Electron
 * `safeStorage`, through a {@link SecretProtector}), in `<dataDir>/hibp-api-key.enc` — never in the
 * database, never in clear. Where there is no keychain, there is no stored key: the user is told
 * so rather than given a weaker store.
 */

/** The sealed key's file name, beside the database. */
export const API_KEY_FILE = 'hibp-api-key.enc';

/** The message when there is no keychain to seal the key with (in the catalogue in use). */
export const noKeychainMessage = (): string => format('errors.online.noKeychain');

/** The full path of the sealed key file. */
export const apiKeyPath = (dataDir: string) => join(dataDir, API_KEY_FILE);

/**
 * Seals `key` with the keychain and writes it to `<dataDir>/hibp-api-key.enc` (mode 0600, atomic:
 * temp file, fsync, rename), replacing any key stored before. The key is trimmed and must be 32
 * hexadecimal characters, as HIBP keys are. Throws — with nothing written — when the format is
 * wrong, when `protector` is null or unavailable, or when the keychain cannot seal and unseal it.
 */
export function saveApiKey(dataDir: string, protector: SecretProtector | null, key: string): void {
  const trimmed = key.trim();
  if (!HIBP_API_KEY_PATTERN.test(trimmed)) {
    throw new Error(format('errors.online.notAKey'));
  }
  if (!protector || !protector.isAvailable()) throw new Error(noKeychainMessage());
  const plain = new TextEncoder().encode(trimmed);
  let sealed: Uint8Array;
  try {
    sealed = protector.encrypt(plain);
    // Only a key the keychain can give back is worth storing.
    if (new TextDecoder().decode(protector.decrypt(sealed)) !== trimmed)
      throw new Error('round trip differs');
  } catch (error) {
    throw new Error(format('errors.online.sealFailed'), { cause: error });
  }
  if (Buffer.from(sealed).includes(Buffer.from(plain))) {
    throw new Error(format('errors.online.notSealed'));
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileAtomically(apiKeyPath(dataDir), sealed, 0o600);
}

/**
 * The stored API key, unsealed; null when none is stored. Throws a clear Error when a key is stored
 * but cannot be read: no keychain now, a keychain that refuses it (another user or machine), or
 * content that is not a key.
 */
export function loadApiKey(dataDir: string, protector: SecretProtector | null): string | null {
  let sealed: Buffer;
  try {
    sealed = readFileSync(apiKeyPath(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(format('errors.online.keyUnreadable', { message: (error as Error).message }), {
      cause: error,
    });
  }
  if (!protector || !protector.isAvailable()) {
    throw new Error(format('errors.online.keychainLocked'));
  }
  let key: string;
  try {
    key = new TextDecoder('utf-8', { fatal: true }).decode(protector.decrypt(new Uint8Array(sealed)));
  } catch (error) {
    throw new Error(format('errors.online.keychainRefused'), { cause: error });
  }
  if (!HIBP_API_KEY_PATTERN.test(key)) {
    throw new Error(format('errors.online.keyDamaged'));
  }
  return key;
}

/** Removes the stored key, if any. */
export function deleteApiKey(dataDir: string): void {
  rmSync(apiKeyPath(dataDir), { force: true });
}

/** Whether a key is stored (without unsealing it: no keychain prompt). */
export function hasApiKey(dataDir: string): boolean {
  return existsSync(apiKeyPath(dataDir));
}
