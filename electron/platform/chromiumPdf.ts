import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from '../../common/messages/format';

/** Why a PDF could not be printed without the app's window. */
export class NoPdfPrinterError extends Error {
  override readonly name = 'NoPdfPrinterError';
}

/** Program names of Chromium-family browsers on a PATH, most specific first. */
const PROGRAMS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];

/** Where the browsers install themselves outside the PATH (macOS, Windows). */
const KNOWN_PATHS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
];

/**
 * The Chromium-family browser to print with: `CHROMIUM_PATH` when set (and it exists), else the
 * first of Chromium, Google Chrome or Microsoft Edge found on the PATH or where they install
 * themselves; null when there is none.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | null {
  const wanted = env.CHROMIUM_PATH?.trim();
  if (wanted) return exists(wanted) ? wanted : null;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffixes = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const program of PROGRAMS) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = join(dir, `${program}${suffix}`);
        if (exists(candidate)) return candidate;
      }
    }
  }
  return KNOWN_PATHS.find((path) => exists(path)) ?? null;
}

/**
 * Prints a self-contained HTML document to PDF with a Chromium-family browser, headless, the way
 * the app prints with its own (Electron's) Chromium: the document is a file in a private temporary
 * folder, opened offline with a throwaway profile; its Content-Security-Policy allows no script and
 * no resource. Throws {@link NoPdfPrinterError} when no such browser is installed.
 */
export async function printWithChromium(
  html: string,
  options: { browser?: string | null; timeoutMs?: number } = {},
): Promise<Uint8Array> {
  const browser = options.browser === undefined ? findChromium() : options.browser;
  if (!browser) {
    throw new NoPdfPrinterError(format('platform.pdf.noBrowser'));
  }
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    writeFileSync(page, html, { mode: 0o600 });
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--disable-quic',
      `--user-data-dir=${join(dir, 'profile')}`,
      // Chromium refuses to start as root without this (containers, CI).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(browser, args, { timeout: options.timeoutMs ?? 60_000, windowsHide: true }, (error) => {
        // Chromium may exit non-zero after writing the file (D-Bus noise); the file decides.
        if (existsSync(out)) resolve();
        else
          reject(
            new Error(
              format('platform.pdf.notPrinted', {
                browser,
                hasReason: error ? 'yes' : 'no',
                reason: error?.message.split('\n')[0] ?? '',
              }),
            ),
          );
      });
    });
    const bytes = new Uint8Array(readFileSync(out));
    if (new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-')
      throw new Error(format('platform.pdf.notAPdf', { browser }));
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
