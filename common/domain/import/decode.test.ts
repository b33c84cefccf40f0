import { describe, expect, it } from 'vitest';
import { ImportError, parseExport } from './index';

const CSV = 'name,url,username,password\ncafé.example,https://café.example/,zoë,€uro–pass\n';

function utf16(text: string, littleEndian: boolean, withBom: boolean): Uint8Array {
  const bytes: number[] = withBom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (littleEndian) bytes.push(code & 0xff, code >> 8);
    else bytes.push(code >> 8, code & 0xff);
  }
  return new Uint8Array(bytes);
}

/** Windows-1252 bytes for the characters used in these tests. */
function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '–': 0x96, é: 0xe9, ë: 0xeb };
  return new Uint8Array([...text].map((char) => high[char] ?? char.charCodeAt(0)));
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error.code;
    throw error;
  }
  return 'no error';
}

const expected = { title: 'café.example', username: 'zoë', password: '€uro–pass' };

describe('decoding export bytes', () => {
  it('reads UTF-8 with and without BOM', () => {
    const plain = new TextEncoder().encode(CSV);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
    for (const bytes of [plain, withBom]) {
      const result = parseExport(bytes, 'x.csv');
      expect(result.columns[0]).toBe('name');
      expect(result.entries[0]).toMatchObject(expected);
    }
  });

  it('reads UTF-16 LE and BE with BOM, and LE without BOM', () => {
    for (const bytes of [
      utf16(CSV, true, true),
      utf16(CSV, false, true),
      utf16(CSV, true, false),
      utf16(CSV, false, false),
    ]) {
      const result = parseExport(bytes, 'x.csv');
      expect(result.format).toBe('chrome-csv');
      expect(result.entries[0]).toMatchObject(expected);
    }
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8 (0x80 is €, not a control), and says so', () => {
    const result = parseExport(windows1252(CSV), 'excel.csv');
    expect(result.entries[0]).toMatchObject(expected);
    expect(result.notices).toEqual([
      'The file is not UTF-8, so it was read as Windows-1252 (Western European). If accented letters ' +
        'in names or passwords look wrong, export the file again as UTF-8.',
    ]);
    expect(parseExport(new TextEncoder().encode(CSV), 'utf8.csv').notices).toEqual([]);
  });

  it('refuses binary data: NUL bytes, a KeePass database, an old Office file, control characters', () => {
    expect(
      codeOf(() => parseExport(new Uint8Array([0x6e, 0x61, 0x00, 0x6d, 0x65, 0x01, 0x02]), 'x.csv')),
    ).toBe('binary');
    expect(
      codeOf(() =>
        parseExport(new Uint8Array([0x03, 0xd9, 0xa2, 0x9a, 0x67, 0xfb, 0x4b, 0xb5, 1, 2]), 'db.csv'),
      ),
    ).toBe('binary');
    expect(
      codeOf(() =>
        parseExport(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x41]), 'book.xls'),
      ),
    ).toBe('binary');
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(codeOf(() => parseExport(controls, 'x.csv'))).toBe('binary');
  });

  it('calls a file of only whitespace, a BOM or nothing empty', () => {
    for (const bytes of [
      new Uint8Array(0),
      new TextEncoder().encode(' \r\n\t\n'),
      new Uint8Array([0xef, 0xbb, 0xbf]),
      new Uint8Array([0xff, 0xfe]),
    ]) {
      expect(codeOf(() => parseExport(bytes, 'x.csv'))).toBe('empty');
    }
  });

  it('names the file in the message', () => {
    try {
      parseExport(new Uint8Array([0, 0, 0, 1]), 'holiday-photo.csv');
    } catch (error) {
      expect((error as ImportError).message).toContain('holiday-photo.csv');
      return;
    }
    throw new Error('expected an error');
  });
});
