import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FingerprintKeyError,
  KEY_FILE,
  loadOrCreateKeyFile,
  loadOrCreateProtectedKey,
  PROTECTED_KEY_FILE,
  type SecretProtector,
} from './keyStore';

const isPosix = process.platform !== 'win32';
const modeOf = (path: string): number => statSync(path).mode & 0o777;
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/** A stand-in for safeStorage: a marker plus the bytes XOR 0x5a, so sealed ≠ plain. */
function fakeProtector(options: { available?: boolean; failDecrypt?: boolean } = {}) {
  const calls = { encrypt: 0, decrypt: 0 };
  const protector: SecretProtector = {
    isAvailable: () => options.available ?? true,
    encrypt: (plain) => {
      calls.encrypt += 1;
      return Uint8Array.from([0x53, 0x45, 0x41, 0x4c, ...plain.map((byte) => byte ^ 0x5a)]);
    },
    decrypt: (cipher) => {
      calls.decrypt += 1;
      if (options.failDecrypt) throw new Error('keychain says no');
      return Uint8Array.from(cipher.slice(4)).map((byte) => byte ^ 0x5a);
    },
  };
  return { protector, calls };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lockstep-key-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadOrCreateKeyFile', () => {
  it('creates a 32-byte key file beside the database, and reloads the same key', () => {
    const key = loadOrCreateKeyFile(dir);
    expect(key).toHaveLength(32);
    const file = join(dir, KEY_FILE);
    expect(same(readFileSync(file), key)).toBe(true);
    expect(same(loadOrCreateKeyFile(dir), key)).toBe(true);
  });

  it.runIf(isPosix)('creates the file with mode 0600', () => {
    loadOrCreateKeyFile(dir);
    expect(modeOf(join(dir, KEY_FILE))).toBe(0o600);
  });

  it.runIf(isPosix)('tightens a key file that others can read', () => {
    const key = loadOrCreateKeyFile(dir);
    chmodSync(join(dir, KEY_FILE), 0o644);
    expect(same(loadOrCreateKeyFile(dir), key)).toBe(true);
    expect(modeOf(join(dir, KEY_FILE))).toBe(0o600);
  });

  it('leaves no temporary files behind', () => {
    loadOrCreateKeyFile(dir);
    expect(readdirSync(dir)).toEqual([KEY_FILE]);
  });

  it('creates the data folder when it does not exist yet', () => {
    const nested = join(dir, 'a', 'b');
    expect(loadOrCreateKeyFile(nested)).toHaveLength(32);
    expect(existsSync(join(nested, KEY_FILE))).toBe(true);
  });

  it('makes a different key for a different install', () => {
    const other = mkdtempSync(join(tmpdir(), 'lockstep-key-'));
    try {
      expect(same(loadOrCreateKeyFile(dir), loadOrCreateKeyFile(other))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses a damaged key file instead of replacing it', () => {
    const file = join(dir, KEY_FILE);
    writeFileSync(file, Buffer.alloc(31), { mode: 0o600 });
    const attempt = () => loadOrCreateKeyFile(dir);
    expect(attempt).toThrow(FingerprintKeyError);
    expect(attempt).toThrow(/31 bytes instead of 32/);
    expect(readFileSync(file)).toHaveLength(31);
    try {
      attempt();
    } catch (error) {
      expect((error as FingerprintKeyError).problem).toBe('wrong-size');
    }
  });
});

describe('loadOrCreateProtectedKey', () => {
  it('seals a new key with the protector and stores only the sealed file', () => {
    const { protector, calls } = fakeProtector();
    const key = loadOrCreateProtectedKey(dir, protector);
    expect(key).toHaveLength(32);
    expect(readdirSync(dir)).toEqual([PROTECTED_KEY_FILE]);
    const sealed = readFileSync(join(dir, PROTECTED_KEY_FILE));
    expect(same(sealed, key)).toBe(false);
    expect(sealed.includes(Buffer.from(key))).toBe(false);
    expect(calls.encrypt).toBe(1);
    if (isPosix) expect(modeOf(join(dir, PROTECTED_KEY_FILE))).toBe(0o600);
  });

  it('unseals the same key on the next start', () => {
    const { protector, calls } = fakeProtector();
    const key = loadOrCreateProtectedKey(dir, protector);
    expect(same(loadOrCreateProtectedKey(dir, protector), key)).toBe(true);
    expect(calls).toEqual({ encrypt: 1, decrypt: 1 });
  });

  it('falls back to the 0600 plain key file when the protector is not available', () => {
    const { protector, calls } = fakeProtector({ available: false });
    const key = loadOrCreateProtectedKey(dir, protector);
    expect(readdirSync(dir)).toEqual([KEY_FILE]);
    if (isPosix) expect(modeOf(join(dir, KEY_FILE))).toBe(0o600);
    expect(same(loadOrCreateProtectedKey(dir, protector), key)).toBe(true);
    expect(calls).toEqual({ encrypt: 0, decrypt: 0 });
  });

  it('moves an existing plain key under the protector once it becomes available, keeping the key', () => {
    const plainKey = loadOrCreateProtectedKey(dir, fakeProtector({ available: false }).protector);
    const { protector } = fakeProtector();
    const key = loadOrCreateProtectedKey(dir, protector);
    expect(same(key, plainKey)).toBe(true);
    expect(readdirSync(dir)).toEqual([PROTECTED_KEY_FILE]);
    expect(same(loadOrCreateProtectedKey(dir, protector), plainKey)).toBe(true);
  });

  it('removes a plain copy left behind by an interrupted move, but only when it is the same key', () => {
    const { protector } = fakeProtector();
    const key = loadOrCreateProtectedKey(dir, protector);
    writeFileSync(join(dir, KEY_FILE), key, { mode: 0o600 });
    expect(same(loadOrCreateProtectedKey(dir, protector), key)).toBe(true);
    expect(readdirSync(dir)).toEqual([PROTECTED_KEY_FILE]);

    writeFileSync(join(dir, KEY_FILE), new Uint8Array(32).fill(1), { mode: 0o600 });
    expect(same(loadOrCreateProtectedKey(dir, protector), key)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([KEY_FILE, PROTECTED_KEY_FILE]);
  });

  it('refuses to make a new key when a sealed one exists but the keychain is locked or gone', () => {
    loadOrCreateProtectedKey(dir, fakeProtector().protector);
    const locked = fakeProtector({ available: false, failDecrypt: true }).protector;
    const attempt = () => loadOrCreateProtectedKey(dir, locked);
    expect(attempt).toThrow(/system keychain/);
    expect(readdirSync(dir)).toEqual([PROTECTED_KEY_FILE]);
  });

  it("moves a key sealed without a real keychain (Linux's basic_text) to the plain 0600 file, same key", () => {
    // Sealed while basic_text still counted as a keychain; it no longer does, but still opens.
    const key = loadOrCreateProtectedKey(dir, fakeProtector().protector);
    const basicText = fakeProtector({ available: false }).protector;
    expect(same(loadOrCreateProtectedKey(dir, basicText), key)).toBe(true);
    expect(readdirSync(dir)).toEqual([KEY_FILE]);
    if (isPosix) expect(modeOf(join(dir, KEY_FILE))).toBe(0o600);
    expect(same(loadOrCreateProtectedKey(dir, basicText), key)).toBe(true);
    // A real keychain later seals it again: still the same key.
    expect(same(loadOrCreateProtectedKey(dir, fakeProtector().protector), key)).toBe(true);
    expect(readdirSync(dir)).toEqual([PROTECTED_KEY_FILE]);
  });

  it('keeps both files and uses the sealed key when a different plain key is already there', () => {
    const key = loadOrCreateProtectedKey(dir, fakeProtector().protector);
    writeFileSync(join(dir, KEY_FILE), new Uint8Array(32).fill(7), { mode: 0o600 });
    expect(same(loadOrCreateProtectedKey(dir, fakeProtector({ available: false }).protector), key)).toBe(
      true,
    );
    expect(readdirSync(dir).sort()).toEqual([KEY_FILE, PROTECTED_KEY_FILE]);
  });

  it('reports a sealed key the protector cannot unseal', () => {
    loadOrCreateProtectedKey(dir, fakeProtector().protector);
    try {
      loadOrCreateProtectedKey(dir, fakeProtector({ failDecrypt: true }).protector);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(FingerprintKeyError);
      expect((error as FingerprintKeyError).problem).toBe('unreadable');
    }
  });

  it('reports a sealed key of the wrong size', () => {
    const { protector } = fakeProtector();
    writeFileSync(join(dir, PROTECTED_KEY_FILE), protector.encrypt(new Uint8Array(16)));
    expect(() => loadOrCreateProtectedKey(dir, protector)).toThrow(/16 bytes instead of 32/);
  });
});
