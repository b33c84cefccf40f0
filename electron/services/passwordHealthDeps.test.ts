import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHeadlessPlatform } from '../platform/headless';
import type { SecretProtector } from '../platform/port';
import { FingerprintKeyError, KEY_FILE, PROTECTED_KEY_FILE } from './passwordHealth/keyStore';
import { createPasswordHealth } from './passwordHealthDeps';

/** A keychain that seals by XOR and can be locked. */
function keychain(state: { unlocked: boolean }): SecretProtector {
  return {
    isAvailable: () => state.unlocked,
    encrypt: (plain) => plain.map((byte) => byte ^ 0x5a),
    decrypt: (cipher) => {
      if (!state.unlocked) throw new Error('locked');
      return cipher.map((byte) => byte ^ 0x5a);
    },
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lockstep-health-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('createPasswordHealth', () => {
  it('refuses to start over with a new key while the keychain that sealed the old one is locked', async () => {
    const state = { unlocked: true };
    const platform = { ...createHeadlessPlatform(() => {}), secrets: keychain(state) };
    const first = createPasswordHealth(dir, platform);
    first.get();
    await first.close();
    expect(readdirSync(dir)).toEqual([PROTECTED_KEY_FILE]);

    state.unlocked = false;
    const second = createPasswordHealth(dir, platform);
    expect(() => second.get()).toThrow(FingerprintKeyError);
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
    await second.close();
  });
});
