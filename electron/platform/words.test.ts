// The platform's own words in the pseudo-locale: what the command line's platform says (a link to
// open, a dialog it cannot show) and why a PDF could not be printed (the reports and guide
// summaries show it) come from the catalogue, so none is left in plain English — only the values
// they name (a URL, a program's path, the operating system's reason) are kept.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLocale, type MessageLocale } from '../../common/messages/format';
import { printWithChromium } from './chromiumPdf';
import { createHeadlessPlatform } from './headless';
import { RecordingPlatform } from './recorder';

const dirs: string[] = [];
afterEach(() => {
  setMessageLocale('en');
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A stand-in "browser": a script that writes `output` where Chromium would write the PDF. */
function fakeBrowser(output: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-fake-browser-'));
  dirs.push(dir);
  const program = join(dir, 'browser');
  const write = output === null ? '' : `printf '%s' '${output}' > "\${arg#--print-to-pdf=}"`;
  writeFileSync(
    program,
    `#!/bin/sh\nfor arg in "$@"; do case "$arg" in --print-to-pdf=*) ${write};; esac; done\nexit 3\n`,
  );
  chmodSync(program, 0o700);
  return program;
}

/** What a platform says, and the values it names as they are. */
interface Said {
  message: string;
  data: string[];
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('It did not refuse');
    },
    (error: unknown) => (error as Error).message,
  );

const SAYINGS: Record<string, () => Promise<Said>> = {
  'a link to open': async () => {
    const lines: string[] = [];
    await createHeadlessPlatform((line) => lines.push(line)).openExternal('https://example.com/help');
    return { message: lines.join('\n'), data: ['https://example.com/help'] };
  },
  'no folder dialog': async () => ({
    message: await rejection(createHeadlessPlatform(() => {}).pickFolder({ title: 'x' })),
    data: [],
  }),
  'no file dialog': async () => ({
    message: await rejection(createHeadlessPlatform(() => {}).pickFile({ title: 'x', filters: [] })),
    data: [],
  }),
  'no save dialog': async () => ({
    message: await rejection(
      createHeadlessPlatform(() => {}).pickSavePath({ title: 'x', defaultName: 'a.pdf', filters: [] }),
    ),
    data: [],
  }),
  'a platform that cannot print': async () => ({
    message: await rejection(new RecordingPlatform().htmlToPdf('<p>x</p>')),
    data: [],
  }),
  'no browser to print with': async () => ({
    message: await rejection(printWithChromium('<p>x</p>', { browser: null })),
    // Product names, a package and a variable: not words to translate.
    data: [
      'Chromium',
      'Google Chrome',
      'Microsoft Edge',
      'Debian',
      'Ubuntu',
      'apt install chromium',
      'CHROMIUM_PATH',
      'PDFs',
      'PDF',
      'Markdown',
      'CSV',
    ],
  }),
  'a browser that printed nothing': async () => {
    const browser = fakeBrowser(null);
    const message = await rejection(printWithChromium('<p>x</p>', { browser }));
    // Node's account of the failed command is the operating system's, shown as it is.
    const reason = /\((Command failed[^)]*)\)/.exec(message)?.[1] ?? '';
    return { message, data: [browser, reason, 'PDF'] };
  },
  'a browser that wrote something else': async () => {
    const browser = fakeBrowser('<html>');
    return { message: await rejection(printWithChromium('<p>x</p>', { browser })), data: [browser, 'PDF'] };
  },
};

async function said(name: string, locale: MessageLocale): Promise<Said> {
  setMessageLocale(locale);
  try {
    return await SAYINGS[name]!();
  } finally {
    setMessageLocale('en');
  }
}

/** The runs of two or more plain (unaccented) letters left once the values are taken out. */
function plainWords({ message, data }: Said): string[] {
  let rest = message;
  for (const value of [...data].filter(Boolean).sort((a, b) => b.length - a.length)) {
    rest = rest.split(value).join(' ');
  }
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('the platform’s words in the pseudo-locale', () => {
  it.runIf(process.platform !== 'win32').each(Object.keys(SAYINGS))(
    '%s: no plain English word besides the values it names',
    async (name) => {
      const pseudo = await said(name, 'pseudo');
      expect(plainWords(pseudo), pseudo.message).toEqual([]);
      const english = await said(name, 'en');
      expect(plainWords(english).length, english.message).toBeGreaterThan(2);
    },
  );

  it('keeps the English words', async () => {
    expect((await said('a link to open', 'en')).message).toBe(
      'Open this link in your browser: https://example.com/help',
    );
    expect((await said('no file dialog', 'en')).message).toBe(
      'No file dialog on the command line: pass the file path as an argument.',
    );
    expect((await said('a platform that cannot print', 'en')).message).toBe(
      'This platform cannot print to PDF.',
    );
  });
});
