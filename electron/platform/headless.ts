import type { PlatformPort } from './port';

/**
 * The port for the command line: nothing native exists, so asking for a dialog is a programming
 * error and links are printed instead of opened.
 */
export function createHeadlessPlatform(log: (line: string) => void): PlatformPort {
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
    async htmlToPdf() {
      throw new Error('PDF printing needs the app window: export Markdown on the command line.');
    },
    notify({ title, body }) {
      log(`${title}: ${body}`);
    },
  };
}
