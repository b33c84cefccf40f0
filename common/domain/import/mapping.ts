import type { CsvRow } from './csvFormats';
import { isTotpSet, type ReadOutcome } from './entries';
import { ImportError, fileLabel, nameList, quoted } from './importError';
import type { ColumnMapping } from './types';
import { format } from '../../messages/format';

const SUGGESTIONS: Record<keyof ColumnMapping, { exact: string[]; partial: RegExp | null }> = {
  password: {
    exact: ['password', 'pass', 'passwd', 'pwd', 'passcode', 'loginpassword', 'kennwort', 'passwort'],
    partial: /passw|kennwort/,
  },
  totp: {
    exact: ['totp', 'otp', 'logintotp', 'otpauth', 'otpurl', 'otpsecret', '2fa', 'mfa', 'authenticator'],
    partial: /totp|otp/,
  },
  url: {
    exact: [
      'url',
      'uri',
      'loginuri',
      'loginurl',
      'website',
      'websiteurl',
      'web',
      'site',
      'address',
      'link',
      'domain',
      'host',
      'hostname',
      'origin',
    ],
    partial: /url|uri|website|domain/,
  },
  username: {
    exact: [
      'username',
      'user',
      'login',
      'loginusername',
      'loginname',
      'email',
      'emailaddress',
      'mail',
      'userid',
      'account',
      'benutzername',
      'benutzer',
    ],
    partial: /user|e?mail|login|account/,
  },
  title: {
    exact: ['name', 'title', 'sitename', 'service', 'label', 'entry', 'accountname', 'description'],
    partial: /name|title|label/,
  },
};

/**
 * A best guess of the column mapping from header names (case, spaces and punctuation ignored):
 * first exact names (`url`, `login_uri`, `website`; `user`, `username`, `email`; `password`, `pass`;
 * `name`, `title`; `totp`, `otp`), then names containing such a word. Each column is used once;
 * fields with no candidate are left out.
 */
export function suggestMapping(columns: string[]): Partial<ColumnMapping> {
  const normalized = columns.map((name) => name.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const used = new Set<number>();
  const mapping: Partial<ColumnMapping> = {};
  const order: (keyof ColumnMapping)[] = ['password', 'totp', 'url', 'username', 'title'];
  for (const pass of ['exact', 'partial'] as const) {
    for (const field of order) {
      if (mapping[field] !== undefined) continue;
      const { exact, partial } = SUGGESTIONS[field];
      const index = normalized.findIndex(
        (name, i) =>
          !used.has(i) && name !== '' && (pass === 'exact' ? exact.includes(name) : partial?.test(name)),
      );
      const column = columns[index];
      if (index !== -1 && column !== undefined) {
        used.add(index);
        mapping[field] = column;
      }
    }
  }
  return mapping;
}

/** The suggested mapping when it names a password and an address or a title, else null. */
export function completeMapping(mapping: Partial<ColumnMapping>): ColumnMapping | null {
  const { password, url, title } = mapping;
  if (password === undefined || (url === undefined && title === undefined)) return null;
  return { ...mapping, password, url: url ?? '' };
}

/** A reader for a user-mapped CSV: columns are looked up exactly, then ignoring case and spaces. */
/** Reads one CSV row into what a format reader returns. */
export type CsvReader = (row: CsvRow) => ReadOutcome;

/**
 * A reader for a user-mapped CSV: columns are looked up exactly, then ignoring case and spaces.
 * The column chosen for one-time codes counts as TOTP whenever it holds anything.
 */
export function genericReader(mapping: ColumnMapping, columns: string[], fileName: string): CsvReader {
  const find = (name: string | undefined, role: string): number | null => {
    if (name === undefined || name.trim() === '') return null;
    let at = columns.indexOf(name);
    if (at === -1) {
      const wanted = name.trim().toLowerCase();
      at = columns.findIndex((column) => column.trim().toLowerCase() === wanted);
    }
    if (at === -1) {
      throw new ImportError(
        'unknown_columns',
        format('importFile.noSuchColumn', {
          file: fileLabel(fileName),
          column: quoted(name),
          role,
          names: nameList(columns),
        }),
        { columns },
      );
    }
    return at;
  };
  const password = find(mapping.password, 'password');
  const url = find(mapping.url, 'url');
  const title = find(mapping.title, 'title');
  const username = find(mapping.username, 'username');
  const totp = find(mapping.totp, 'totp');
  if (password === null) {
    throw new ImportError(
      'unknown_columns',
      format('importFile.choosePasswordColumn', { file: fileLabel(fileName) }),
      {
        columns,
      },
    );
  }
  if (url === null && title === null) {
    throw new ImportError(
      'unknown_columns',
      format('importFile.chooseAddressColumn', { file: fileLabel(fileName) }),
      { columns },
    );
  }
  const value = (row: CsvRow, position: number | null) => (position === null ? '' : row.at(position));
  return (row) => ({
    title: value(row, title),
    urls: [value(row, url)],
    username: value(row, username),
    password: value(row, password),
    hasTotp: isTotpSet(value(row, totp)),
    passwordChangedAt: null,
    folder: '',
  });
}
