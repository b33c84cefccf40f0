import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createFingerprinter,
  FINGERPRINT_HEX_LENGTH,
  FINGERPRINT_KEY_BYTES,
  generateFingerprintKey,
} from './fingerprint';

const keyA = new Uint8Array(32).fill(7);
const keyB = new Uint8Array(32).fill(8);

describe('createFingerprinter', () => {
  it('gives the same fingerprint for the same password under the same key', () => {
    const first = createFingerprinter(keyA);
    const second = createFingerprinter(new Uint8Array(keyA));
    expect(first.exact('Summer2023!')).toBe(second.exact('Summer2023!'));
    expect(first.similarBase('summer')).toBe(second.similarBase('summer'));
  });

  it('gives different fingerprints for different passwords', () => {
    const fingerprinter = createFingerprinter(keyA);
    expect(fingerprinter.exact('Summer2023!')).not.toBe(fingerprinter.exact('Summer2024!'));
    expect(fingerprinter.exact('password')).not.toBe(fingerprinter.exact('Password'));
  });

  it('gives different fingerprints under a different key', () => {
    expect(createFingerprinter(keyA).exact('password')).not.toBe(createFingerprinter(keyB).exact('password'));
    expect(createFingerprinter(keyA).similarBase('password')).not.toBe(
      createFingerprinter(keyB).similarBase('password'),
    );
  });

  it('separates exact fingerprints from base fingerprints', () => {
    const fingerprinter = createFingerprinter(keyA);
    expect(fingerprinter.exact('password')).not.toBe(fingerprinter.similarBase('password'));
  });

  it('is 32 lower-case hex characters', () => {
    const fingerprinter = createFingerprinter(keyA);
    for (const value of ['', 'a', 'pässwörd', 'x'.repeat(10_000)]) {
      expect(fingerprinter.exact(value)).toMatch(/^[0-9a-f]{32}$/);
      expect(fingerprinter.similarBase(value)).toHaveLength(FINGERPRINT_HEX_LENGTH);
    }
  });

  it('contains neither the password nor its unkeyed SHA-1 or SHA-256', () => {
    const fingerprinter = createFingerprinter(keyA);
    for (const password of ['password', 'deadbeef', '0123456789abcdef0123456789abcdef']) {
      const fingerprint = fingerprinter.exact(password);
      const sha1 = createHash('sha1').update(password).digest('hex');
      const sha256 = createHash('sha256').update(password).digest('hex');
      expect(fingerprint).not.toContain(password);
      expect(sha1).not.toContain(fingerprint);
      expect(sha256).not.toContain(fingerprint);
      expect(fingerprint).not.toBe(sha1.slice(0, FINGERPRINT_HEX_LENGTH));
      expect(fingerprint).not.toBe(sha256.slice(0, FINGERPRINT_HEX_LENGTH));
      expect(fingerprinter.similarBase(password)).not.toBe(sha256.slice(0, FINGERPRINT_HEX_LENGTH));
    }
  });

  it('is not affected when the caller wipes its copy of the key', () => {
    const key = new Uint8Array(keyA);
    const fingerprinter = createFingerprinter(key);
    const before = fingerprinter.exact('password');
    key.fill(0);
    expect(fingerprinter.exact('password')).toBe(before);
  });

  it('refuses a key too short to be secret', () => {
    expect(() => createFingerprinter(new Uint8Array(8))).toThrow(/at least 16 bytes/);
  });
});

describe('generateFingerprintKey', () => {
  it('makes 32 random bytes, different each time', () => {
    const first = generateFingerprintKey();
    const second = generateFingerprintKey();
    expect(first).toBeInstanceOf(Uint8Array);
    expect(first).toHaveLength(FINGERPRINT_KEY_BYTES);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
  });
});
