import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretProtector } from '../../platform/port';
import { setMessageLocale } from '../../../common/messages/format';
import {
  API_KEY_FILE,
  apiKeyPath,
  deleteApiKey,
  hasApiKey,
  loadApiKey,
  noKeychainMessage,
  saveApiKey,
} from './apiKeyStore';

const KEY = '0123456789abcdef0123456789abcdef';
const OTHER_KEY = 'fedcba9876543210fedcba9876543210';
const isPosix = process.platform !== 'win32';

/** A stand-in for safeStorage: a marker plus the bytes XOR 0x5a, so sealed ≠ plain. */
function fakeProtector(options: { available?: boolean; failDecrypt?: boolean; identity?: boolean } = {}) {
  const calls = { encrypt: 0, decrypt: 0 };
  const protector: SecretProtector = {
    isAvailable: () => options.available ?? true,
    encrypt: (plain) => {
      calls.encrypt += 1;
      if (options.identity) return Uint8Array.from(plain);
      return Uint8Array.from([0x53, 0x45, 0x41, 0x4c, ...plain.map((byte) => byte ^ 0x5a)]);
    },
    decrypt: (cipher) => {
      calls.decrypt += 1;
      if (options.failDecrypt) throw new Error('keychain says no');
      if (options.identity) return Uint8Array.from(cipher);
      if (cipher[0] !== 0x53) throw new Error('not sealed by this keychain');
      return Uint8Array.from(cipher.slice(4)).map((byte) => byte ^ 0x5a);
    },
  };
  return { protector, calls };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lockstep-apikey-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('saveApiKey / loadApiKey', () => {
  it('stores the key sealed, and gives it back', () => {
    const { protector } = fakeProtector();
    expect(hasApiKey(dir)).toBe(false);
    saveApiKey(dir, protector, KEY);
    expect(hasApiKey(dir)).toBe(true);
    expect(apiKeyPath(dir)).toBe(join(dir, API_KEY_FILE));
    expect(loadApiKey(dir, protector)).toBe(KEY);
  });

  it('never writes the key in clear', () => {
    const { protector } = fakeProtector();
    saveApiKey(dir, protector, KEY);
    const bytes = readFileSync(apiKeyPath(dir));
    const asText = bytes.toString('latin1').toLowerCase();
    expect(asText).not.toContain(KEY);
    expect(asText).not.toContain(KEY.slice(0, 8));
    expect(bytes.toString('base64')).not.toContain(Buffer.from(KEY).toString('base64').slice(0, 12));
  });

  it.runIf(isPosix)('writes the file with mode 0600, and leaves no temporary files', () => {
    saveApiKey(dir, fakeProtector().protector, KEY);
    expect(statSync(apiKeyPath(dir)).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([API_KEY_FILE]);
  });

  it('trims whitespace around a pasted key', () => {
    const { protector } = fakeProtector();
    saveApiKey(dir, protector, `  ${KEY}\n`);
    expect(loadApiKey(dir, protector)).toBe(KEY);
  });

  it('replaces a key stored before', () => {
    const { protector } = fakeProtector();
    saveApiKey(dir, protector, KEY);
    saveApiKey(dir, protector, OTHER_KEY);
    expect(loadApiKey(dir, protector)).toBe(OTHER_KEY);
    expect(readdirSync(dir)).toEqual([API_KEY_FILE]);
  });

  it('creates the data folder when needed', () => {
    const nested = join(dir, 'a', 'b');
    saveApiKey(nested, fakeProtector().protector, KEY);
    expect(hasApiKey(nested)).toBe(true);
  });

  it.each([
    ['too short', KEY.slice(1)],
    ['too long', `${KEY}0`],
    ['not hexadecimal', 'g123456789abcdef0123456789abcdef'],
    ['with a space inside', '0123456789abcdef 123456789abcdef'],
    ['empty', ''],
  ])('refuses a key that is %s, writing nothing and not touching the keychain', (_label, key) => {
    const { protector, calls } = fakeProtector();
    expect(() => saveApiKey(dir, protector, key)).toThrow(/not a Have I Been Pwned API key/);
    expect(readdirSync(dir)).toEqual([]);
    expect(calls.encrypt).toBe(0);
  });

  it('keeps the old key when a new one is refused', () => {
    const { protector } = fakeProtector();
    saveApiKey(dir, protector, KEY);
    expect(() => saveApiKey(dir, protector, 'nope')).toThrow();
    expect(loadApiKey(dir, protector)).toBe(KEY);
  });

  it('refuses to store a key without a keychain', () => {
    expect(() => saveApiKey(dir, null, KEY)).toThrow(noKeychainMessage());
    expect(noKeychainMessage()).toMatch(
      /^Lockstep can only keep an API key in the system keychain, which is not available here/,
    );
    const { protector, calls } = fakeProtector({ available: false });
    expect(() => saveApiKey(dir, protector, KEY)).toThrow(noKeychainMessage());
    expect(calls.encrypt).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a "keychain" that does not seal', () => {
    expect(() => saveApiKey(dir, fakeProtector({ identity: true }).protector, KEY)).toThrow(/did not seal/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to store a key the keychain cannot give back', () => {
    expect(() => saveApiKey(dir, fakeProtector({ failDecrypt: true }).protector, KEY)).toThrow(
      /could not seal/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives null when no key is stored', () => {
    expect(loadApiKey(dir, fakeProtector().protector)).toBeNull();
    expect(loadApiKey(dir, null)).toBeNull();
  });

  it('throws a clear error when the keychain is not available to unseal a stored key', () => {
    saveApiKey(dir, fakeProtector().protector, KEY);
    expect(() => loadApiKey(dir, null)).toThrow(/sealed by the system keychain, which is not available/);
    expect(() => loadApiKey(dir, fakeProtector({ available: false }).protector)).toThrow(/not available/);
  });

  it('throws a clear error when the keychain cannot unseal the file', () => {
    saveApiKey(dir, fakeProtector().protector, KEY);
    expect(() => loadApiKey(dir, fakeProtector({ failDecrypt: true }).protector)).toThrow(
      /could not unseal the stored API key/,
    );
    writeFileSync(apiKeyPath(dir), 'garbage');
    expect(() => loadApiKey(dir, fakeProtector().protector)).toThrow(/could not unseal/);
  });

  it('throws when what was unsealed is not a key', () => {
    const { protector } = fakeProtector();
    writeFileSync(apiKeyPath(dir), protector.encrypt(new TextEncoder().encode('not a key at all')));
    expect(() => loadApiKey(dir, protector)).toThrow(/damaged/);
  });
});

describe('deleteApiKey', () => {
  it('removes the stored key', () => {
    const { protector } = fakeProtector();
    saveApiKey(dir, protector, KEY);
    deleteApiKey(dir);
    expect(hasApiKey(dir)).toBe(false);
    expect(existsSync(apiKeyPath(dir))).toBe(false);
    expect(loadApiKey(dir, protector)).toBeNull();
  });

  it('does nothing when no key is stored', () => {
    expect(() => deleteApiKey(dir)).not.toThrow();
    expect(() => deleteApiKey(join(dir, 'missing'))).not.toThrow();
  });
});

describe('the key store’s messages', () => {
  afterEach(() => setMessageLocale('en'));

  it('come from the catalogue in use (the pseudo-locale here): a wrong key, no keychain', () => {
    setMessageLocale('pseudo');
    const plainWords = (message: string) => message.match(/(?<![\p{L}])[A-Za-z]{3,}(?![\p{L}])/gu);
    for (const attempt of [() => saveApiKey(dir, null, 'not a key'), () => saveApiKey(dir, null, KEY)]) {
      let message = '';
      try {
        attempt();
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^\[/);
      expect(plainWords(message.replace(/\bHIBP\b/g, '')), message).toBeNull();
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
