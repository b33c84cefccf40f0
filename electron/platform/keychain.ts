/**
 * Whether Electron's `safeStorage` is backed by a real keychain, decided from what it reports so
 * the rule can be tested without Electron.
 *
 * On Linux, when no secret service is found (no GNOME Keyring / libsecret, no KWallet: a bare
 * window manager, a headless session, `--password-store=basic`), Chromium falls back to
 * `basic_text`: `isEncryptionAvailable()` still answers true, but everything is sealed with a
 * fixed key that ships in Chromium's source. That protects nothing, so Lockstep counts it — and
 * `unknown` (asked before the app is ready) — as no keychain at all.
 */

/** The Linux backends that keep the sealing key in a real secret store. */
export const REAL_LINUX_BACKENDS: readonly string[] = ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'];

/** What `safeStorage` reports on this machine. */
export interface SafeStorageReport {
  /** `process.platform`. */
  platform: string;
  /** `safeStorage.isEncryptionAvailable()`. */
  encryptionAvailable: boolean;
  /** `safeStorage.getSelectedStorageBackend()` on Linux; undefined elsewhere. */
  linuxBackend?: string;
}

/**
 * True when sealing with `safeStorage` really protects a secret: macOS Keychain or Windows DPAPI
 * when encryption is available; on Linux (and any other platform Chromium treats like it) only
 * with a real secret store behind it.
 */
export function isRealKeychain(report: SafeStorageReport): boolean {
  if (!report.encryptionAvailable) return false;
  if (report.platform === 'darwin' || report.platform === 'win32') return true;
  return report.linuxBackend !== undefined && REAL_LINUX_BACKENDS.includes(report.linuxBackend);
}
