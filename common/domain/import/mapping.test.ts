import { describe, expect, it } from 'vitest';
import { IMPORT_FORMATS, ImportError, parseExport, suggestMapping, type ColumnMapping } from './index';
import {
  isTotpSet,
  isoFromDateText,
  isoFromKeePassTime,
  isoFromUnixMillis,
  isoFromUnixSeconds,
} from './entries';

const encode = (text: string) => new TextEncoder().encode(text);
const CSV =
  'Site Name;Address;E-Mail;Passwort;2FA;Extra\nA;https://a.com/;ann@example.com;pw1;JBSWY3DPEHPK3PXPJBSWY3DP;\nB;;bob;pw2;;note\n';

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('suggestMapping', () => {
  it('maps common header names, ignoring case and punctuation', () => {
    expect(suggestMapping(['Name', 'URL', 'User', 'Pass', 'TOTP'])).toEqual({
      title: 'Name',
      url: 'URL',
      username: 'User',
      password: 'Pass',
      totp: 'TOTP',
    });
    expect(suggestMapping(['login_uri', 'login_username', 'login_password', 'Title'])).toEqual({
      url: 'login_uri',
      username: 'login_username',
      password: 'login_password',
      title: 'Title',
    });
    expect(suggestMapping(['Website', 'Email', 'password', 'OTP'])).toEqual({
      url: 'Website',
      username: 'Email',
      password: 'password',
      totp: 'OTP',
    });
  });

  it('falls back to names that contain a known word, using each column once', () => {
    expect(suggestMapping(['Site Name', 'Address', 'E-Mail', 'Passwort', '2FA', 'Extra'])).toEqual({
      title: 'Site Name',
      url: 'Address',
      username: 'E-Mail',
      password: 'Passwort',
      totp: '2FA',
    });
    expect(suggestMapping(['Account Password', 'Account URL', 'Account Login'])).toEqual({
      password: 'Account Password',
      url: 'Account URL',
      username: 'Account Login',
    });
  });

  it('leaves out what it cannot guess', () => {
    expect(suggestMapping(['id', 'colour', 'size'])).toEqual({});
    expect(suggestMapping([])).toEqual({});
  });
});

describe('generic CSV with a mapping', () => {
  const mapping: ColumnMapping = {
    title: 'Site Name',
    url: 'Address',
    username: 'E-Mail',
    password: 'Passwort',
    totp: '2FA',
  };

  it('reads the mapped columns', () => {
    const result = parseExport(encode(CSV), 'mine.csv', { mapping });
    expect(result).toEqual({
      format: 'generic-csv',
      columns: ['Site Name', 'Address', 'E-Mail', 'Passwort', '2FA', 'Extra'],
      entries: [
        {
          row: 1,
          title: 'A',
          urls: ['https://a.com/'],
          username: 'ann@example.com',
          password: 'pw1',
          hasTotp: true,
          passwordChangedAt: null,
          folder: '',
        },
        {
          row: 2,
          title: 'B',
          urls: [],
          username: 'bob',
          password: 'pw2',
          hasTotp: false,
          passwordChangedAt: null,
          folder: '',
        },
      ],
      skipped: [],
      notices: [],
    });
  });

  it('works with only a title and a password, matching names regardless of case', () => {
    const result = parseExport(encode(CSV), 'mine.csv', {
      mapping: { title: 'site name', url: '', password: 'PASSWORT' },
    });
    expect(result.entries.map((entry) => [entry.title, entry.urls, entry.username])).toEqual([
      ['A', [], ''],
      ['B', [], ''],
    ]);
  });

  it('is also used for a known layout when no format is given, because the user chose it', () => {
    const result = parseExport(encode('name,url,username,password\na,https://a.com/,ann,pw\n'), 'x.csv', {
      mapping: { url: 'name', password: 'password' },
    });
    expect(result.format).toBe('generic-csv');
    expect(result.entries[0]?.urls).toEqual(['a']);
  });

  it('generic-csv without a mapping uses the suggested one, or asks for one', () => {
    const result = parseExport(encode(CSV), 'mine.csv', { format: 'generic-csv' });
    expect(result.entries).toHaveLength(2);
    const error = importError(() => parseExport(encode('a;b\n1;2\n'), 'mine.csv', { format: 'generic-csv' }));
    expect(error.code).toBe('unknown_columns');
  });

  it('refuses a mapping naming a missing column, or without password, or without URL and title', () => {
    const missing = importError(() =>
      parseExport(encode(CSV), 'mine.csv', { mapping: { url: 'Website', password: 'Passwort' } }),
    );
    expect(missing.code).toBe('unknown_columns');
    expect(missing.message).toContain('"Website"');
    expect(missing.message).toContain('mine.csv');
    const noPassword = importError(() =>
      parseExport(encode(CSV), 'mine.csv', { mapping: { url: 'Address', password: '' } }),
    );
    expect(noPassword.message).toContain('password');
    const noUrlOrTitle = importError(() =>
      parseExport(encode(CSV), 'mine.csv', { mapping: { url: '', password: 'Passwort' } }),
    );
    expect(noUrlOrTitle.code).toBe('unknown_columns');
    expect(noUrlOrTitle.details.columns).toHaveLength(6);
  });
});

describe('IMPORT_FORMATS', () => {
  it('labels every format', () => {
    expect(Object.keys(IMPORT_FORMATS)).toHaveLength(25);
    // Opera, Brave and Vivaldi export Chrome's layout, so the label names them.
    expect(IMPORT_FORMATS['chrome-csv'].label).toBe('Chrome, Edge, Opera, Brave or Vivaldi (CSV)');
    expect(IMPORT_FORMATS['bitwarden-csv'].label).toBe('Bitwarden (CSV)');
    for (const { label } of Object.values(IMPORT_FORMATS)) expect(label.length).toBeGreaterThan(3);
  });
});

describe('value helpers', () => {
  it('isTotpSet: any non-empty value of a TOTP-only field, a list when one of its strings is set', () => {
    for (const value of ['otpauth://totp/X?secret=ABC', 'ABCDEF', '123456', 'x', ['', 'JBSWY3DP']]) {
      expect(isTotpSet(value)).toBe(true);
    }
    for (const value of ['', '  ', null, undefined, 42, [], ['', ' '], [['nested']], { totp: 'x' }]) {
      expect(isTotpSet(value)).toBe(false);
    }
  });

  it('isoFromDateText: ISO forms with and without zone (UTC), nothing else', () => {
    expect(isoFromDateText('2024-06-20T18:02:11Z')).toBe('2024-06-20T18:02:11.000Z');
    expect(isoFromDateText('2024-06-20T18:02:11.123456Z')).toBe('2024-06-20T18:02:11.123Z');
    expect(isoFromDateText('2024-06-20T20:02:11+02:00')).toBe('2024-06-20T18:02:11.000Z');
    expect(isoFromDateText('2024-06-20 18:02')).toBe('2024-06-20T18:02:00.000Z');
    expect(isoFromDateText('2024-06-20')).toBe('2024-06-20T00:00:00.000Z');
    for (const value of [
      '2024-02-30T00:00:00Z',
      '2024-06-20T25:00:00Z',
      '20/06/2024',
      'June 20, 2024',
      '',
      '0001-01-01T00:00:00Z',
      42,
      null,
    ]) {
      expect(isoFromDateText(value)).toBeNull();
    }
  });

  it('Unix seconds and milliseconds, as numbers or digit strings; implausible values give null', () => {
    expect(isoFromUnixSeconds('1718906531')).toBe('2024-06-20T18:02:11.000Z');
    expect(isoFromUnixSeconds(1718906531)).toBe('2024-06-20T18:02:11.000Z');
    expect(isoFromUnixMillis('1718906531000')).toBe('2024-06-20T18:02:11.000Z');
    for (const value of ['', '0', '-5', 'abc', '1e12', 99999999999999, Number.NaN, undefined]) {
      expect(isoFromUnixSeconds(value)).toBeNull();
    }
  });

  it('isoFromKeePassTime: ISO text or KDBX 4 base64 seconds', () => {
    expect(isoFromKeePassTime('2024-06-20T18:02:11Z')).toBe('2024-06-20T18:02:11.000Z');
    expect(isoFromKeePassTime('AAAAAAAAAAA=')).toBeNull(); // year 1
    expect(isoFromKeePassTime('not a time')).toBeNull();
  });
});
