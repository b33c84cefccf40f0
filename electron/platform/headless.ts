import { printWithChromium } from './chromiumPdf';
import type { PlatformPort } from './port';

/**
 * The port for the command line: nothing native exists, so asking for a dialog is a programming
 * error and links are printed instead of opened. PDFs are printed with a Chromium-family browser
 * when one is installed (see `chromiumPdf.ts`); without one, printing says so.
 */
export function createHeadlessPlatform(
  log: (line: string) => void,
  printer: (html: string) => Promise<Uint8Array> = (html) => printWithChromium(html),
): PlatformPort {
  return {
    secrets: null,
    async openExternal(url) {
      log(`Open this link in your browser: ${url}`);
    },
    async pickFolder() {
      throw new Error('No folder dialog on the command line: pass the folder as an argument.');
    },
    async pickFile() {
      throw new Error('No file dialog on the command line: pass the file path as an argument.');
    },
    async pickSavePath() {
      throw new Error('No save dialog on the command line: pass the output path as an argument.');
    },
    htmlToPdf: printer,
    notify({ title, body }) {
      log(`${title}: ${body}`);
    },
  };
}
