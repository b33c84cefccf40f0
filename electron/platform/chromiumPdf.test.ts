import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, NoPdfPrinterError, printWithChromium } from './chromiumPdf';

const HTML =
  '<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'"><title>t</title></head><body><h1>Report for Zoë</h1></body></html>';

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it exists, and nothing when it does not', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/x/chrome' }, (p) => p === '/opt/x/chrome')).toBe(
      '/opt/x/chrome',
    );
    expect(findChromium({ CHROMIUM_PATH: '/opt/x/chrome', PATH: '/usr/bin' }, () => false)).toBeNull();
  });

  it('looks for Chromium, then Chrome, then Edge on the PATH', () => {
    const path = ['/a', '/b'].join(delimiter);
    expect(findChromium({ PATH: path }, (p) => p === '/b/google-chrome' || p === '/a/microsoft-edge')).toBe(
      '/b/google-chrome',
    );
    expect(findChromium({ PATH: path }, () => false)).toBeNull();
  });
});

describe('printWithChromium', () => {
  it('says plainly when there is no browser to print with', async () => {
    await expect(printWithChromium(HTML, { browser: null })).rejects.toBeInstanceOf(NoPdfPrinterError);
    await expect(printWithChromium(HTML, { browser: null })).rejects.toThrow(/apt install chromium/);
  });

  it.runIf(existsSync('/usr/bin/chromium'))(
    'prints a PDF with Debian’s Chromium',
    async () => {
      const pdf = await printWithChromium(HTML, { browser: '/usr/bin/chromium' });
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
      expect(pdf.byteLength).toBeGreaterThan(1000);
    },
    60_000,
  );
});
