import { format } from '../../common/messages/format';
import type { PlatformPort } from './port';

/** Everything a recording platform saw, for tests and the browser preview. */
export interface PlatformRecording {
  openedUrls: string[];
  notifications: { title: string; body: string }[];
  fileRequests: string[];
  /** Save dialogs shown: their title and suggested file name. */
  saveRequests: { title: string; defaultName: string }[];
  /** Documents printed to PDF (their HTML). */
  printed: string[];
}

/**
 * A platform port that records instead of touching the desktop: links are captured, notifications
 * stored, and file dialogs answered from a queue the test fills (`answerNextFile`).
 */
export class RecordingPlatform implements PlatformPort {
  readonly recording: PlatformRecording = {
    openedUrls: [],
    notifications: [],
    fileRequests: [],
    saveRequests: [],
    printed: [],
  };
  /** No keychain: secrets fall back to owner-only files, as on a machine without one. */
  readonly secrets = null;
  private readonly fileAnswers: (string | null)[] = [];
  private readonly saveAnswers: (string | null)[] = [];

  /**
   * @param printer prints HTML to PDF for real (Chromium's printing: Electron's in the electron
   *   target, Playwright's in the browser target); without one, PDF printing fails as it would on
   *   a machine that cannot print.
   */
  constructor(private readonly printer?: (html: string) => Promise<Uint8Array>) {}

  /** The next save dialog resolves to `path` (null = the user cancelled). */
  answerNextSave(path: string | null): void {
    this.saveAnswers.push(path);
  }

  async pickSavePath(options: { title: string; defaultName: string }): Promise<string | null> {
    this.recording.saveRequests.push({ title: options.title, defaultName: options.defaultName });
    return this.saveAnswers.shift() ?? null;
  }

  async htmlToPdf(html: string): Promise<Uint8Array> {
    this.recording.printed.push(html);
    if (!this.printer) throw new Error(format('platform.pdf.noPrinterHere'));
    return this.printer(html);
  }

  /** The next file dialog resolves to `path` (null = the user cancelled). */
  answerNextFile(path: string | null): void {
    this.fileAnswers.push(path);
  }

  async openExternal(url: string): Promise<void> {
    this.recording.openedUrls.push(url);
  }

  async pickFile(options: { title: string }): Promise<string | null> {
    this.recording.fileRequests.push(options.title);
    return this.fileAnswers.shift() ?? null;
  }

  private readonly clicks: ((() => void) | undefined)[] = [];

  async pickFolder(options: { title: string }): Promise<string | null> {
    this.recording.fileRequests.push(options.title);
    return this.fileAnswers.shift() ?? null;
  }

  notify({ title, body, onClick }: { title: string; body: string; onClick?: () => void }): void {
    this.recording.notifications.push({ title, body });
    this.clicks.push(onClick);
  }

  /** Clicks the notification shown `index`-th (as the person would). */
  clickNotification(index: number): void {
    this.clicks[index]?.();
  }
}
