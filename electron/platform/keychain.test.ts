import { describe, expect, it } from 'vitest';
import { isRealKeychain } from './keychain';

describe('isRealKeychain', () => {
  it("does not count Linux's basic_text fallback, which seals with a key everyone has", () => {
    expect(isRealKeychain({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' })).toBe(
      false,
    );
  });

  it('does not count a backend it cannot name (asked before the app was ready, or none reported)', () => {
    expect(isRealKeychain({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'unknown' })).toBe(
      false,
    );
    expect(isRealKeychain({ platform: 'linux', encryptionAvailable: true })).toBe(false);
    expect(
      isRealKeychain({ platform: 'freebsd', encryptionAvailable: true, linuxBackend: 'something_new' }),
    ).toBe(false);
  });

  it('counts GNOME Keyring (libsecret) and KWallet on Linux', () => {
    for (const linuxBackend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(
        isRealKeychain({ platform: 'linux', encryptionAvailable: true, linuxBackend }),
        linuxBackend,
      ).toBe(true);
    }
  });

  it('counts the macOS Keychain and Windows DPAPI whenever encryption is available', () => {
    expect(isRealKeychain({ platform: 'darwin', encryptionAvailable: true })).toBe(true);
    expect(isRealKeychain({ platform: 'win32', encryptionAvailable: true })).toBe(true);
  });

  it('counts nothing when encryption is not available (a locked or missing keychain)', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      expect(
        isRealKeychain({ platform, encryptionAvailable: false, linuxBackend: 'gnome_libsecret' }),
        platform,
      ).toBe(false);
    }
  });
});
