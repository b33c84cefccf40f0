// The import parsers' words in the pseudo-locale: why an item was skipped, the formats' labels and
// the staff list's refusals come from the catalogue — worded when an item is read, not when a
// module loads — so none is left in plain English besides what the file says (quoted).
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLocale, type MessageLocale } from '../../messages/format';
import { parseStaffCsv } from '../team/staffCsv';
import { IMPORT_FORMATS, parseExport } from './index';

const EXPORTS = new URL('../../../e2e/fixtures/exports/', import.meta.url);
const encode = (text: string) => new TextEncoder().encode(text);

afterEach(() => setMessageLocale('en'));

/** The runs of two or more plain (unaccented) letters, once what the file says ("…") is taken out. */
const plainWords = (text: string) => text.replace(/"[^"]*"/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];

function inLocale<T>(locale: MessageLocale, run: () => T): T {
  setMessageLocale(locale);
  try {
    return run();
  } finally {
    setMessageLocale('en');
  }
}

/** Every reason an item of the bundled example exports is skipped for, and a row longer than its header. */
function skipReasons(): string[] {
  // semicolon.csv needs a column mapping: it is read in the import tests.
  const files = readdirSync(EXPORTS).filter((name) => name !== 'semicolon.csv');
  const reasons = files.flatMap((name) =>
    parseExport(new Uint8Array(readFileSync(new URL(name, EXPORTS))), name).skipped.map((s) => s.reason),
  );
  const shifted = parseExport(
    encode('name,url,username,password\na,https://a.com/,ann,pw,extra\nb,https://b.com/,bob,pw\n'),
    'x.csv',
    {
      format: 'chrome-csv',
    },
  );
  return [...reasons, ...shifted.skipped.map((s) => s.reason)];
}

/** What the staff list's refusals say. */
function staffRefusals(): string[] {
  const refusal = (text: string) => {
    try {
      parseStaffCsv(encode(text), 'staff.csv');
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('The staff list was read');
  };
  return [refusal('Email,Phone\nann@example.com,1\n'), refusal(`Name\n${'Ann\n'.repeat(5001)}`)];
}

describe('the import parsers’ words in the pseudo-locale', () => {
  it('say why each item was skipped in the catalogue’s words, whatever the format', () => {
    const english = inLocale('en', skipReasons);
    expect(english).toContain('No password (passkey only)');
    expect(english).toContain('Environment variables, not a login');
    expect(english).toContain('Credit card, not a login');
    expect(english).toContain(
      'Row has 5 fields but the header has 4, so its values may have shifted; it was not read',
    );
    const pseudo = inLocale('pseudo', skipReasons);
    expect(pseudo).toHaveLength(english.length);
    for (const reason of pseudo) expect(plainWords(reason), reason).toEqual([]);
  });

  it('label every format from the catalogue', () => {
    const labels = () => Object.values(IMPORT_FORMATS).map((format) => format.label);
    expect(inLocale('en', labels)).toContain('Other CSV (you choose the columns)');
    for (const label of inLocale('pseudo', labels)) expect(plainWords(label), label).toEqual([]);
  });

  it('refuse a staff list in the catalogue’s words', () => {
    const [noNames, tooMany] = inLocale('en', staffRefusals);
    expect(noNames).toMatch(/^staff\.csv has no column of names\. .* Columns seen: "Email", "Phone"\.$/);
    expect(tooMany).toMatch(/^staff\.csv has 5,001 rows; a staff list has at most /);
    for (const message of inLocale('pseudo', staffRefusals)) {
      expect(plainWords(message.replace('staff.csv', '')), message).toEqual([]);
    }
  });
});
