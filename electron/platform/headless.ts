import { format } from '../../common/messages/format';
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
      log(format('platform.headless.openLink', { url }));
    },
    async pickFolder() {
      throw new Error(format('platform.headless.noDialog', { dialog: 'folder' }));
    },
    async pickFile() {
      throw new Error(format('platform.headless.noDialog', { dialog: 'file' }));
    },
    async pickSavePath() {
      throw new Error(format('platform.headless.noDialog', { dialog: 'save' }));
    },
    htmlToPdf: printer,
    notify({ title, body }) {
      log(`${title}: ${body}`);
    },
  };
}
