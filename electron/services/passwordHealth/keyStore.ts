import { randomBytes } from 'node:crypto';
import { format } from '../../../common/messages/format';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { FINGERPRINT_KEY_BYTES, generateFingerprintKey } from './fingerprint';

/**
 * Where the fingerprint key lives. Losing it is not a leak but it is a loss: fingerprints stored
 * from earlier imports can no longer be matched (the passwords are not kept, so they cannot be
 * recomputed). So the key is written once, durably (temp file, fsync, atomic link/rename), and a
 * damaged key file is an error to show — never silently replaced.
 *
 * On POSIX the files are mode 0600 beside the database. On Windows the mode is ignored and the
 * user-profile ACLs of the user-data folder protect them; there the OS-keychain path
 * ({@link loadOrCreateProtectedKey}) is the real protection.
 */

/** The plain key file's name, beside the database. */
export const KEY_FILE = 'fingerprint.key';
/** The keychain-sealed key file's name, beside the database. */
export const PROTECTED_KEY_FILE = 'fingerprint.key.enc';

/** Why the fingerprint key could not be loaded. */
export type FingerprintKeyProblem = 'wrong-size' | 'protector-unavailable' | 'unreadable';

/** A fingerprint key that exists but cannot be used; the message says what to do. */
export class FingerprintKeyError extends Error {
  override readonly name = 'FingerprintKeyError';
  constructor(
    readonly problem: FingerprintKeyProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Seals secrets with the operating system's keychain. The Electron adapter wraps `safeStorage`
 * (`isEncryptionAvailable`, `encryptString`/`decryptString` over base64 or the Buffer variants);
 * tests pass a fake.
 */
export interface SecretProtector {
  /**
   * Whether sealing really protects now (a real keychain, present and unlocked). When false,
   * `decrypt` may still open what a non-keychain seal (Linux's `basic_text`) closed.
   */
  isAvailable(): boolean;
  /** Seals bytes; only this user on this machine can unseal them. */
  encrypt(plain: Uint8Array): Uint8Array;
  /** Unseals what {@link encrypt} sealed; throws when it cannot. */
  decrypt(cipher: Uint8Array): Uint8Array;
}

/**
 * Loads the fingerprint key from `<dataDir>/fingerprint.key`, creating it (32 random bytes, mode
 * 0600, written atomically) when there is none. Creates `dataDir` if needed. If the file exists
 * with the wrong size, throws a {@link FingerprintKeyError} rather than replace it. A file with
 * looser permissions is tightened to 0600.
 */
export function loadOrCreateKeyFile(dataDir: string): Uint8Array {
  const path = join(dataDir, KEY_FILE);
  const existing = readIfExists(path);
  if (existing) return checkedKey(existing, path, 'plain');
  mkdirSync(dataDir, { recursive: true });
  const key = generateFingerprintKey();
  const winner = writeOnce(path, key);
  return winner === key ? key : checkedKey(winner, path, 'plain');
}

/**
 * Loads the fingerprint key, sealed by the OS keychain when `protector` is available:
 * - available: reads `fingerprint.key.enc`; if it is missing, seals the existing plain key file
 *   (then deletes it) or a new key, and writes it atomically (mode 0600);
 * - not available: uses the plain 0600 key file ({@link loadOrCreateKeyFile}). A sealed key found
 *   then is unsealed if the protector still can — it was sealed without a real keychain (Linux's
 *   `basic_text` fallback, whose key is public), so it moves to the plain file it always amounted
 *   to — and otherwise is an error (a locked keychain): making a new key would orphan every stored
 *   fingerprint.
 * Throws {@link FingerprintKeyError} for a key that cannot be used.
 */
export function loadOrCreateProtectedKey(dataDir: string, protector: SecretProtector): Uint8Array {
  const sealedPath = join(dataDir, PROTECTED_KEY_FILE);
  const plainPath = join(dataDir, KEY_FILE);
  const sealed = readIfExists(sealedPath);

  if (!protector.isAvailable()) {
    if (sealed) return unsealWithoutKeychain(sealed, sealedPath, plainPath, protector);
    return loadOrCreateKeyFile(dataDir);
  }

  if (sealed) {
    const key = unseal(sealed, sealedPath, protector);
    // A plain copy left by a move that stopped half-way: remove it once the sealed key is known
    // to be the same key (a different one is left alone rather than destroyed).
    const leftover = readIfExists(plainPath);
    if (leftover && Buffer.from(leftover).equals(Buffer.from(key))) unlinkSync(plainPath);
    return key;
  }

  mkdirSync(dataDir, { recursive: true });
  const plain = readIfExists(plainPath);
  const key = plain ? checkedKey(plain, plainPath, 'plain') : generateFingerprintKey();
  const cipher = protector.encrypt(key);
  const winner = writeOnce(sealedPath, cipher);
  if (winner !== cipher) return unseal(winner, sealedPath, protector);
  // Only once the sealed copy is durable is the plain one removed.
  if (plain) unlinkSync(plainPath);
  return key;
}

/**
 * A sealed key while no real keychain is available: if the protector can still open it, it was
 * sealed by a fallback that never protected it, and it moves to the plain 0600 file (the sealed
 * file is removed once the plain one is durable; a different plain key already there is left
 * alone and the sealed key used). If it cannot, the keychain is locked or gone: an error.
 */
function unsealWithoutKeychain(
  sealed: Uint8Array,
  sealedPath: string,
  plainPath: string,
  protector: SecretProtector,
): Uint8Array {
  let opened: Uint8Array;
  try {
    opened = protector.decrypt(sealed);
  } catch (error) {
    throw new FingerprintKeyError('protector-unavailable', format('errors.fingerprintKey.locked'), {
      cause: error,
    });
  }
  const key = checkedKey(opened, sealedPath, 'sealed');
  const plain = readIfExists(plainPath);
  if (plain && !Buffer.from(plain).equals(Buffer.from(key))) return key;
  const kept = plain ?? writeOnce(plainPath, key);
  if (Buffer.from(kept).equals(Buffer.from(key))) unlinkSync(sealedPath);
  return key;
}

function unseal(cipher: Uint8Array, path: string, protector: SecretProtector): Uint8Array {
  let plain: Uint8Array;
  try {
    plain = protector.decrypt(cipher);
  } catch (error) {
    throw new FingerprintKeyError('unreadable', format('errors.fingerprintKey.unreadable', { path }), {
      cause: error,
    });
  }
  return checkedKey(plain, path, 'sealed');
}

function checkedKey(bytes: Uint8Array, path: string, kind: 'plain' | 'sealed'): Uint8Array {
  if (bytes.length !== FINGERPRINT_KEY_BYTES) {
    throw new FingerprintKeyError(
      'wrong-size',
      format('errors.fingerprintKey.wrongSize', {
        kind,
        path,
        bytes: bytes.length,
        expected: FINGERPRINT_KEY_BYTES,
      }),
    );
  }
  return new Uint8Array(bytes);
}

function readIfExists(path: string): Uint8Array | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  tightenMode(path);
  return new Uint8Array(bytes);
}

function tightenMode(path: string): void {
  if (process.platform === 'win32') return;
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
}

/**
 * Writes `bytes` to `path` only if no file is there, atomically: a 0600 temp file is written and
 * fsynced, then hard-linked into place (which fails if another process won the race) — or, where
 * the file system has no hard links, renamed. Returns what `path` holds afterwards: `bytes`
 * itself, or the other writer's content.
 */
function writeOnce(path: string, bytes: Uint8Array): Uint8Array {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // The mode passed to open is masked by the umask; make sure it is exactly 0600.
  if (process.platform !== 'win32') chmodSync(temp, 0o600);
  try {
    try {
      linkSync(temp, path);
    } catch (error) {
      if (isErrno(error, 'EEXIST')) {
        const other = readIfExists(path);
        if (other) return other;
      }
      if (!isErrno(error, 'EPERM') && !isErrno(error, 'ENOTSUP') && !isErrno(error, 'ENOSYS')) {
        throw error;
      }
      renameSync(temp, path);
    }
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed into place.
    }
  }
  syncDirectory(path);
  return bytes;
}

function syncDirectory(path: string): void {
  if (process.platform === 'win32') return;
  const dir = join(path, '..');
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse to fsync a directory; the file itself is synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
