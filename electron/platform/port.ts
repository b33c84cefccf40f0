/**
 * The port to native features. Services reach dialogs, the browser and notifications only through
 * this interface, so everything but `electron.ts` runs under plain Node — and tests swap in a
 * recorder.
 */
export interface PlatformPort {
  /** Opens an https URL in the user's browser. Callers check the URL first (see `isSafeExternalUrl`). */
  openExternal(url: string): Promise<void>;
  /** Asks the user for a file to open; resolves to its path, or null when cancelled. */
  pickFile(options: {
    title: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | null>;
  /** Asks the user for a folder; resolves to its path, or null when cancelled. */
  pickFolder(options: { title: string }): Promise<string | null>;
  /**
   * Asks where to save a file; resolves to the chosen path, or null when cancelled. `defaultName`
   * is a file name only; the dialog starts in the user's documents folder.
   */
  pickSavePath(options: {
    title: string;
    defaultName: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<string | null>;
  /**
   * Prints a self-contained HTML document (no scripts, no external resources) to PDF with
   * Chromium, A4. Electron: an offscreen window with JavaScript off; the browser target: Chromium's
   * own PDF printing.
   */
  htmlToPdf(html: string): Promise<Uint8Array>;
  /** Shows a desktop notification; `onClick` runs when the person clicks it. */
  notify(notification: { title: string; body: string; onClick?: () => void }): void;
  /** The OS keychain (Electron `safeStorage`), or null where there is none (CLI, tests). */
  readonly secrets: SecretProtector | null;
}

/**
 * Seals secrets with the operating system's keychain, so that only this user on this machine can
 * unseal them.
 */
export interface SecretProtector {
  /**
   * Whether sealing really protects now: a keychain is present and unlocked — on Linux a secret
   * service, not Chromium's `basic_text` fallback (see `keychain.ts`). When false, `decrypt` may
   * still open what that fallback sealed.
   */
  isAvailable(): boolean;
  /** Seals bytes. */
  encrypt(plain: Uint8Array): Uint8Array;
  /** Unseals what {@link encrypt} sealed; throws when it cannot. */
  decrypt(cipher: Uint8Array): Uint8Array;
}

export { isSafeExternalUrl } from '../../common/domain/externalUrl';
