/**
 * Password-manager export parsers: bytes of an export file in, logins out. Pure and synchronous;
 * no Node, DOM or Electron API. The caller decides what to keep — entries carry the password so
 * signals can be derived from it in memory, but never a TOTP secret or notes.
 */
import { assertNotEncrypted, looksLikeBitwardenJson, readBitwardenJson } from './bitwardenJson';
import {
  CSV_FORMATS,
  detectCsvFormat,
  type CsvFormatSpec,
  type CsvRow,
  type KnownCsvFormat,
} from './csvFormats';
import { readCsvColumns, readCsvTable, type CsvRecord } from './csvReader';
import { decodeText, sniffContainer } from './decode';
import { ImportCollector, REASONS, isTotpValue, maskOtpUris, type ReadOutcome } from './entries';
import { ImportError } from './importError';
import { looksLikeKeePassXml, readKeePassXml } from './keepassXml';
import { looksLikeOnePuxData, openOnePux, readOnePuxData } from './onePux';
import type { ColumnMapping, ImportFormat, ParsedExport } from './types';

export type {
  ColumnMapping,
  ImportErrorCode,
  ImportFormat,
  ImportedEntry,
  ParsedExport,
  SkippedRow,
} from './types';
export { ImportError } from './importError';

/** Human labels of every format, for pickers and previews. */
export const IMPORT_FORMATS: Record<ImportFormat, { label: string }> = {
  'bitwarden-csv': { label: 'Bitwarden (CSV)' },
  'bitwarden-json': { label: 'Bitwarden (JSON)' },
  '1password-csv': { label: '1Password 8 (CSV)' },
  '1password-1pux': { label: '1Password (1PUX)' },
  'lastpass-csv': { label: 'LastPass (CSV)' },
  'chrome-csv': { label: 'Chrome / Edge (CSV)' },
  'firefox-csv': { label: 'Firefox (CSV)' },
  'apple-csv': { label: 'Apple Passwords / Safari (CSV)' },
  'keepassxc-csv': { label: 'KeePassXC (CSV)' },
  'keepass-xml': { label: 'KeePass 2 (XML)' },
  'dashlane-csv': { label: 'Dashlane (CSV)' },
  'protonpass-csv': { label: 'Proton Pass (CSV)' },
  'nordpass-csv': { label: 'NordPass (CSV)' },
  'generic-csv': { label: 'Other CSV (you choose the columns)' },
};

type Source =
  | { kind: 'zip' }
  | { kind: 'json'; value: unknown }
  | { kind: 'xml'; text: string }
  | { kind: 'csv'; text: string };

/**
 * Works out which format a file is in, from its content (never its name, which is only used in
 * messages). For CSV the set of header names decides, whatever their order, case or quoting;
 * `format: null` means a CSV whose columns match no known layout, so the user must map them.
 * `columns` is the header as seen ([] for JSON, XML and 1PUX).
 * Throws {@link ImportError} for files that cannot be read at all (empty, binary, encrypted, …).
 */
export function detectFormat(
  bytes: Uint8Array,
  fileName: string,
): { format: ImportFormat | null; columns: string[] } {
  const source = openSource(bytes, fileName);
  switch (source.kind) {
    case 'zip':
      openOnePux(bytes, fileName);
      return { format: '1password-1pux', columns: [] };
    case 'json':
      return { format: jsonFormat(source.value, fileName), columns: [] };
    case 'xml':
      return { format: xmlFormat(source.text, fileName), columns: [] };
    case 'csv': {
      const columns = readCsvColumns(source.text, fileName);
      return { format: detectCsvFormat(columns), columns };
    }
  }
}

/**
 * Reads every entry of an export. `options.format` overrides detection (for a CSV, its required
 * columns must still be present); `options.mapping` reads a CSV of any layout as `generic-csv`
 * (it is ignored when a fixed format is given). Rows that are not logins, have no password, or are
 * damaged are listed in `skipped` with the reason; damage that affects the whole file throws
 * {@link ImportError}, whose message names the file.
 */
export function parseExport(
  bytes: Uint8Array,
  fileName: string,
  options: { format?: ImportFormat; mapping?: ColumnMapping } = {},
): ParsedExport {
  const source = openSource(bytes, fileName);
  const collector = new ImportCollector();
  switch (source.kind) {
    case 'zip': {
      requireFormat(options.format, '1password-1pux', fileName);
      readOnePuxData(openOnePux(bytes, fileName), fileName, collector);
      return result('1password-1pux', collector, []);
    }
    case 'json': {
      const format = jsonFormat(source.value, fileName);
      requireFormat(options.format, format, fileName);
      if (format === '1password-1pux') readOnePuxData(source.value, fileName, collector);
      else if (looksLikeBitwardenJson(source.value)) readBitwardenJson(source.value, collector);
      return result(format, collector, []);
    }
    case 'xml': {
      const format = xmlFormat(source.text, fileName);
      requireFormat(options.format, format, fileName);
      readKeePassXml(source.text, fileName, collector);
      return result(format, collector, []);
    }
    case 'csv':
      return parseCsv(source.text, fileName, options);
  }
}

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

function openSource(bytes: Uint8Array, fileName: string): Source {
  if (sniffContainer(bytes, fileName) === 'zip') return { kind: 'zip' };
  const text = decodeText(bytes, fileName);
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return { kind: 'json', value: parseJson(text, fileName) };
  if (first === '<') return { kind: 'xml', text };
  return { kind: 'csv', text };
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The engine's message can quote part of the file, so it is not passed on.
    throw new ImportError(
      'malformed',
      `${fileName} is not valid JSON. The file may have been cut short or edited; export it again.`,
    );
  }
}

function jsonFormat(value: unknown, fileName: string): ImportFormat {
  if (looksLikeOnePuxData(value)) return '1password-1pux';
  if (looksLikeBitwardenJson(value)) {
    assertNotEncrypted(value, fileName);
    return 'bitwarden-json';
  }
  throw new ImportError(
    'unsupported',
    `${fileName} is a JSON file Lockstep does not recognise. Lockstep reads Bitwarden JSON exports; ` +
      'for other password managers, export CSV instead.',
  );
}

function xmlFormat(text: string, fileName: string): ImportFormat {
  if (looksLikeKeePassXml(text)) return 'keepass-xml';
  throw new ImportError(
    'unsupported',
    `${fileName} is an XML file, but not a KeePass export. In KeePass choose File → Export → ` +
      'KeePass XML (2.x), or export CSV from your password manager.',
  );
}

function requireFormat(requested: ImportFormat | undefined, actual: ImportFormat, fileName: string): void {
  if (requested === undefined || requested === actual) return;
  throw new ImportError(
    'unsupported',
    `${fileName} is a ${IMPORT_FORMATS[actual].label} export, not ${IMPORT_FORMATS[requested].label}.`,
  );
}

function result(format: ImportFormat, collector: ImportCollector, columns: string[]): ParsedExport {
  return { format, entries: collector.entries, skipped: collector.skipped, columns };
}

function parseCsv(
  text: string,
  fileName: string,
  options: { format?: ImportFormat; mapping?: ColumnMapping },
): ParsedExport {
  const { columns, records } = readCsvTable(text, fileName);
  if (records.length === 0) {
    throw new ImportError('header_only', `${fileName} has column names but no entries.`, { columns });
  }
  const { format, read } = chooseCsvReader(columns, fileName, options);
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    const key = name.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const collector = new ImportCollector();
  for (const record of records) {
    const problem = recordProblem(record, columns.length);
    if (problem !== null) {
      collector.skip(record.row, problem);
      continue;
    }
    const { fields } = record;
    // Every cell is masked on the way to a reader, so none can return an otpauth secret.
    const at = (position: number | undefined): string =>
      position === undefined ? '' : maskOtpUris(fields[position] ?? '');
    const row: CsvRow = { get: (column) => at(index.get(column)), at };
    collector.add(record.row, read(row));
  }
  return result(format, collector, columns);
}

/** Why a record cannot be read as a row of the table, or null when it can. */
function recordProblem(record: CsvRecord, width: number): string | null {
  if (record.hasStrayQuote) return REASONS.strayQuote;
  const count = record.fields.length;
  // Trailing empty fields beyond the header (a stray delimiter at the line end) carry no data.
  if (count > width && record.fields.slice(width).every((field) => field.trim() === '')) return null;
  if (count !== width) return `Row has ${count} fields but the header has ${width}`;
  return null;
}

type CsvReader = (row: CsvRow) => ReadOutcome;

function chooseCsvReader(
  columns: string[],
  fileName: string,
  options: { format?: ImportFormat; mapping?: ColumnMapping },
): { format: ImportFormat; read: CsvReader } {
  const { format, mapping } = options;
  if (format === 'generic-csv' || (format === undefined && mapping !== undefined)) {
    const chosen = mapping ?? completeMapping(suggestMapping(columns));
    if (!chosen) throw unknownColumns(columns, fileName);
    return { format: 'generic-csv', read: genericReader(chosen, columns, fileName) };
  }
  if (format !== undefined) {
    if (!isKnownCsvFormat(format)) {
      throw new ImportError(
        'unsupported',
        `${fileName} is a CSV file, not a ${IMPORT_FORMATS[format].label} export.`,
        { columns },
      );
    }
    const spec: CsvFormatSpec = CSV_FORMATS[format];
    const present = new Set(columns.map((name) => name.toLowerCase()));
    const missing = spec.required.filter((name) => !present.has(name));
    if (missing.length > 0) {
      throw new ImportError(
        'unknown_columns',
        `${fileName} does not have the columns of a ${IMPORT_FORMATS[format].label} export ` +
          `(missing: ${missing.join(', ')}). Columns found: ${listColumns(columns)}.`,
        { columns },
      );
    }
    return { format, read: (row) => spec.read(row) };
  }
  const detected = detectCsvFormat(columns);
  if (detected === null) throw unknownColumns(columns, fileName);
  const spec = CSV_FORMATS[detected];
  return { format: detected, read: (row) => spec.read(row) };
}

function isKnownCsvFormat(format: ImportFormat): format is KnownCsvFormat {
  return Object.hasOwn(CSV_FORMATS, format);
}

function completeMapping(mapping: Partial<ColumnMapping>): ColumnMapping | null {
  const { password, url, title } = mapping;
  if (password === undefined || (url === undefined && title === undefined)) return null;
  return { ...mapping, password, url: url ?? '' };
}

function unknownColumns(columns: string[], fileName: string): ImportError {
  return new ImportError(
    'unknown_columns',
    `${fileName} has columns Lockstep does not recognise: ${listColumns(columns)}. ` +
      'Choose which columns hold the web address, user name and password.',
    { columns },
  );
}

function listColumns(columns: readonly string[]): string {
  const shown = columns.slice(0, 15).map((name) => (name === '' ? '(unnamed)' : `"${name}"`));
  const more = columns.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ') || '(none)';
}

/** A reader for a user-mapped CSV: columns are looked up exactly, then ignoring case and spaces. */
function genericReader(mapping: ColumnMapping, columns: string[], fileName: string): CsvReader {
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
        `${fileName} has no column named "${name}" (chosen for the ${role}). Columns found: ` +
          `${listColumns(columns)}.`,
        { columns },
      );
    }
    return at;
  };
  const password = find(mapping.password, 'password');
  const url = find(mapping.url, 'web address');
  const title = find(mapping.title, 'name');
  const username = find(mapping.username, 'user name');
  const totp = find(mapping.totp, 'one-time codes');
  if (password === null) {
    throw new ImportError('unknown_columns', `Choose the column of ${fileName} that holds the passwords.`, {
      columns,
    });
  }
  if (url === null && title === null) {
    throw new ImportError(
      'unknown_columns',
      `Choose the column of ${fileName} with the web address or the name of each entry.`,
      { columns },
    );
  }
  const value = (row: CsvRow, position: number | null) => (position === null ? '' : row.at(position));
  return (row) => ({
    title: value(row, title),
    urls: [value(row, url)],
    username: value(row, username),
    password: value(row, password),
    hasTotp: isTotpValue(value(row, totp)),
    passwordChangedAt: null,
    folder: '',
  });
}
