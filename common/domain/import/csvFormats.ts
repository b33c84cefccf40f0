import {
  REASONS,
  isTotpSet,
  isoFromDateText,
  isoFromUnixMillis,
  isoFromUnixSeconds,
  otherTypeSkip,
  splitList,
  type ReadOutcome,
  type ReasonKey,
} from './entries';
import { format } from '../../messages/format';

/** The CSV formats recognised by their header row (Keeper and old Enpass CSVs have none). */
export type HeaderCsvFormat =
  | 'bitwarden-csv'
  | '1password-csv'
  | 'lastpass-csv'
  | 'chrome-csv'
  | 'firefox-csv'
  | 'apple-csv'
  | 'passbolt-csv'
  | 'keepassxc-csv'
  | 'dashlane-csv'
  | 'protonpass-csv'
  | 'nordpass-csv'
  | 'roboform-csv'
  | 'zoho-vault-csv'
  | 'avira-csv';

/** Read access to one CSV record. */
export interface CsvRow {
  /** The cell under a lower-case header name; '' when the column is absent. */
  get(column: string): string;
  /** The cell at a 0-based position; '' when the row is shorter. */
  at(position: number): string;
  /** 0-based position of a lower-case header name, or -1 when the header lacks it. */
  position(column: string): number;
  /** Number of fields in this record (it may differ from the header's). */
  width: number;
}

/** How one CSV layout is recognised and read. */
export interface CsvFormatSpec {
  /** Lower-case header names that must all be present for the header to match. */
  required: readonly string[];
  /** Lower-case header names the format may also have; each one present adds to the match score. */
  optional: readonly string[];
  /** A further test of the header (lower-case names, in order) when names alone are ambiguous. */
  accepts?(columns: readonly string[]): boolean;
  /**
   * True when the format writes data beyond the last named column on purpose (RoboForm's extra
   * fields, Zoho's oldest layout), so longer rows are read rather than refused.
   */
  readsBeyondHeader?: boolean;
  read(row: CsvRow): ReadOutcome;
}

/**
 * Layouts and readers of every CSV format with a header, in the order that breaks ties when two
 * match a header equally well (Passbolt's names are a subset of KeePassXC's; a header of only
 * Title, URL, Username, Password reads the same as Apple's or KeePassXC's). Facts and sources:
 * FORMATS.md beside this file.
 */
export const CSV_FORMATS: Record<HeaderCsvFormat, CsvFormatSpec> = {
  'bitwarden-csv': {
    // Organisation exports have `collections` instead of `folder`; old ones lack `reprompt`.
    required: ['type', 'name', 'login_uri', 'login_username', 'login_password'],
    optional: ['folder', 'collections', 'favorite', 'notes', 'fields', 'reprompt', 'login_totp'],
    read(row) {
      const type = row.get('type').trim();
      if (type.toLowerCase() !== 'login' && type !== '') return typeSkip(type, BITWARDEN_TYPES);
      return {
        title: row.get('name'),
        urls: splitBitwardenUris(row.get('login_uri')),
        username: row.get('login_username'),
        password: row.get('login_password'),
        hasTotp: isTotpSet(row.get('login_totp')),
        passwordChangedAt: null,
        folder: row.get('folder') || row.get('collections'),
      };
    },
  },
  '1password-csv': {
    required: ['title', 'url', 'username', 'password', 'archived'],
    optional: ['otpauth', 'favorite', 'tags', 'notes'],
    read(row) {
      if (row.get('archived').trim().toLowerCase() === 'true') return { skip: REASONS.archived };
      return {
        title: row.get('title'),
        urls: [row.get('url')],
        username: row.get('username'),
        password: row.get('password'),
        hasTotp: isTotpSet(row.get('otpauth')),
        passwordChangedAt: null,
        folder: '',
      };
    },
  },
  'lastpass-csv': {
    required: ['url', 'username', 'password', 'extra', 'name', 'grouping'],
    optional: ['totp', 'fav'],
    read(row) {
      const url = row.get('url').trim().toLowerCase();
      if (url === 'http://sn') {
        const noteType = /^NoteType:(.*)$/m.exec(row.get('extra'))?.[1]?.trim().toLowerCase();
        return { skip: noteType === 'credit card' ? REASONS.card : REASONS.note };
      }
      // LastPass writes an empty folder as a row with this pseudo-URL.
      if (url === 'http://group') return { skip: REASONS.folder };
      return {
        title: row.get('name'),
        urls: [row.get('url')],
        username: row.get('username'),
        password: row.get('password'),
        hasTotp: isTotpSet(row.get('totp')),
        passwordChangedAt: null,
        folder: row.get('grouping').replace(/\\/g, '/'),
      };
    },
  },
  // Opera, Brave, Vivaldi and Edge export Chrome's layout (they are Chromium).
  'chrome-csv': {
    required: ['name', 'url', 'username', 'password'],
    optional: ['note'],
    read(row) {
      return {
        title: row.get('name'),
        urls: [row.get('url')],
        username: row.get('username'),
        password: row.get('password'),
        hasTotp: false,
        passwordChangedAt: null,
        folder: '',
      };
    },
  },
  'firefox-csv': {
    required: ['url', 'username', 'password', 'httprealm', 'formactionorigin'],
    optional: ['guid', 'timecreated', 'timelastused', 'timepasswordchanged'],
    read(row) {
      if (/^chrome:\/\//i.test(row.get('url').trim())) {
        return { skip: format('import.reason.firefoxAccounts') };
      }
      return {
        title: '',
        urls: [row.get('url')],
        username: row.get('username'),
        password: row.get('password'),
        hasTotp: false,
        passwordChangedAt: isoFromUnixMillis(row.get('timepasswordchanged')),
        folder: '',
      };
    },
  },
  'apple-csv': {
    required: ['title', 'url', 'username', 'password'],
    optional: ['notes', 'otpauth'],
    read(row) {
      return {
        title: row.get('title'),
        urls: [row.get('url')],
        username: row.get('username'),
        password: row.get('password'),
        hasTotp: isTotpSet(row.get('otpauth')),
        passwordChangedAt: null,
        folder: '',
      };
    },
  },
  // Passbolt's default CSV ("csv-kdbx"): KeePass column names, but Title first and Group late.
  'passbolt-csv': {
    required: ['title', 'username', 'url', 'password', 'group'],
    optional: ['notes', 'totp'],
    accepts: (columns) => columns[0] === 'title' && !columns.some((name) => KEEPASSXC_ONLY.includes(name)),
    read(row) {
      return {
        title: row.get('title'),
        urls: [row.get('url')],
        username: row.get('username'),
        password: row.get('password'),
        hasTotp: isTotpSet(row.get('totp')),
        passwordChangedAt: null,
        folder: row.get('group').replace(/^\/+/, ''),
      };
    },
  },
  // KeePassXC, and KeePassX (whose older CSVs may lack Group or the TOTP and date columns).
  'keepassxc-csv': {
    required: ['title', 'username', 'password', 'url'],
    optional: ['group', 'notes', 'totp', 'icon', 'last modified', 'created'],
    read(row) {
      const [, ...path] = row.get('group').split('/');
      if ((path[0] ?? '').trim().toLowerCase() === 'recycle bin') return { skip: REASONS.recycleBin };
      return {
        title: row.get('title'),
        urls: [row.get('url')],
        username: row.get('username'),
        password: row.get('password'),
        hasTotp: isTotpSet(row.get('totp')),
        passwordChangedAt: isoFromDateText(row.get('last modified')),
        // The first segment is the database's root group, not a folder the user made.
        folder: path.join('/'),
      };
    },
  },
  'dashlane-csv': {
    required: ['username', 'username2', 'title', 'password', 'note', 'url'],
    optional: ['username3', 'category', 'otpurl', 'otpsecret'],
    read(row) {
      return {
        title: row.get('title'),
        urls: [row.get('url')],
        username: row.get('username') || row.get('username2') || row.get('username3'),
        password: row.get('password'),
        hasTotp: isTotpSet(row.get('otpurl')) || isTotpSet(row.get('otpsecret')),
        passwordChangedAt: null,
        folder: row.get('category'),
      };
    },
  },
  // Older exports lack `vault` (and `email`); the newest adds `autofillUrls`.
  'protonpass-csv': {
    required: ['type', 'name', 'url', 'username', 'password', 'totp'],
    optional: ['note', 'createtime', 'modifytime', 'vault', 'email', 'autofillurls'],
    read(row) {
      const type = row.get('type').trim();
      if (type.toLowerCase() !== 'login') return typeSkip(type, PROTON_TYPES);
      return {
        title: row.get('name'),
        urls: [...splitList(row.get('url'), ', '), ...protonAutofillUrls(row.get('autofillurls'))],
        username: row.get('username') || row.get('email'),
        password: row.get('password'),
        hasTotp: isTotpSet(row.get('totp')),
        passwordChangedAt: isoFromUnixSeconds(row.get('modifytime')),
        folder: row.get('vault'),
      };
    },
  },
  // 24 columns today; 22 without `pin` and `shared_folder`; the oldest (19) also lack `type`,
  // `additional_urls` and `custom_fields`.
  'nordpass-csv': {
    required: ['name', 'url', 'username', 'password', 'note', 'cardholdername', 'cardnumber', 'folder'],
    optional: [
      'additional_urls',
      'cvc',
      'pin',
      'expirydate',
      'zipcode',
      'shared_folder',
      'full_name',
      'phone_number',
      'email',
      'address1',
      'address2',
      'city',
      'country',
      'state',
      'type',
      'custom_fields',
    ],
    read(row) {
      const type = row.get('type').trim() || nordPassTypeOf(row);
      if (type.toLowerCase() !== 'password') return typeSkip(type, NORDPASS_TYPES);
      return {
        title: row.get('name'),
        urls: [row.get('url'), ...jsonStringList(row.get('additional_urls'))],
        username: row.get('username') || row.get('email'),
        password: row.get('password'),
        hasTotp: false,
        passwordChangedAt: null,
        folder: row.get('folder') || row.get('shared_folder'),
      };
    },
  },
  // Current: Name,Url,MatchUrl,Login,Pwd,Note,Folder,RfFieldsV2; older: …,Folder,Rf_fields. Extra
  // fields spill into unnamed columns after the last named one.
  'roboform-csv': {
    required: ['name', 'url', 'login'],
    optional: ['matchurl', 'pwd', 'password', 'note', 'folder', 'rffieldsv2', 'rf_fields'],
    accepts: (columns) =>
      columns.includes('pwd') ||
      (columns.includes('password') && ROBOFORM_ONLY.some((name) => columns.includes(name))),
    readsBeyondHeader: true,
    read(row) {
      const url = row.get('url');
      const matchUrl = row.get('matchurl');
      const login = unescapeRoboForm(row.get('login'));
      const password = unescapeRoboForm(row.get('pwd') || row.get('password'));
      if (login === '' && password === '') {
        if (url.trim() !== '' || matchUrl.trim() !== '') return { skip: REASONS.bookmark };
        return { skip: REASONS.note };
      }
      return {
        title: row.get('name'),
        urls: [matchUrl || url],
        username: login,
        password,
        hasTotp: roboFormFields(row).some(
          ({ name, value }) => name.trim().toUpperCase() === 'TOTP KEY$' && isTotpSet(value),
        ),
        passwordChangedAt: null,
        folder: row.get('folder').replace(/^\//, '').replace(/\\/g, '/'),
      };
    },
  },
  // Current (Password Name…TOTP, Folder Name), older (Secret Name…ChamberName) and the oldest
  // (Secret Name, Secret URL, Notes, then user name and password in unnamed columns).
  'zoho-vault-csv': {
    required: [],
    optional: [
      'password name',
      'secret name',
      'description',
      'password url',
      'secret url',
      'secretdata',
      'notes',
      'customdata',
      'tags',
      'classification',
      'favorite',
      'totp',
      'login_totp',
      'folder name',
      'chambername',
    ],
    accepts: (columns) =>
      (columns.includes('secretdata') &&
        (columns.includes('password name') || columns.includes('secret name'))) ||
      (columns.includes('secret name') && columns.includes('secret url')),
    readsBeyondHeader: true,
    read(row) {
      const title = row.get('password name') || row.get('secret name');
      let username: string;
      let password: string;
      if (row.position('secretdata') === -1) {
        // The oldest layout: the 4th and 5th fields, beyond the three named columns.
        username = row.at(3);
        password = row.at(4);
      } else {
        ({ username, password } = zohoSecret(row.get('secretdata')));
      }
      return {
        title,
        urls: [row.get('password url') || row.get('secret url')],
        username,
        password,
        hasTotp: isTotpSet(row.get('totp')) || isTotpSet(row.get('login_totp')),
        passwordChangedAt: null,
        folder: (row.get('folder name') || row.get('chambername')).replace(/\r?\n/g, '/'),
      };
    },
  },
  'avira-csv': {
    required: ['name', 'website', 'username', 'secondary_username', 'password'],
    optional: [],
    read(row) {
      return {
        title: row.get('name'),
        urls: [row.get('website')],
        username: row.get('username') || row.get('secondary_username'),
        password: row.get('password'),
        hasTotp: false,
        passwordChangedAt: null,
        folder: '',
      };
    },
  },
};

/** KeePassXC columns that Passbolt's layout never has. */
const KEEPASSXC_ONLY = ['icon', 'last modified', 'created'];
/** Columns only RoboForm writes (besides `pwd`). */
const ROBOFORM_ONLY = ['matchurl', 'rffieldsv2', 'rf_fields'];

const BITWARDEN_TYPES: Record<string, ReasonKey> = {
  note: 'note',
  card: 'card',
  identity: 'identity',
  sshkey: 'sshKey',
};

const PROTON_TYPES: Record<string, ReasonKey> = {
  alias: 'alias',
  note: 'note',
  creditcard: 'card',
  identity: 'identity',
  sshkey: 'sshKey',
};

const NORDPASS_TYPES: Record<string, ReasonKey> = {
  folder: 'folder',
  note: 'note',
  credit_card: 'card',
  identity: 'identity',
};

/** The skip for a non-login type: a known reason (keys are lower case), else the type quoted. */
function typeSkip(type: string, reasons: Record<string, ReasonKey>): ReadOutcome {
  const key = type.toLowerCase();
  const reason = Object.hasOwn(reasons, key) ? reasons[key] : undefined;
  return reason ? { skip: REASONS[reason] } : otherTypeSkip(type);
}

/**
 * The item type of a NordPass row whose `type` is empty (the oldest layout has no such column):
 * a row with a password is a login; one with card details a card; one with only a note a note;
 * one with only a name a folder (that layout lists each folder as a row of its own).
 */
function nordPassTypeOf(row: CsvRow): string {
  if (row.get('password') !== '') return 'password';
  if (row.get('cardnumber').trim() !== '') return 'credit_card';
  const filled = NORDPASS_CONTENT.filter((column) => row.get(column).trim() !== '');
  if (filled.length === 0) return row.get('folder').trim() === '' ? 'folder' : 'password';
  if (filled.length === 1 && filled[0] === 'note') return 'note';
  if (filled.some((column) => NORDPASS_IDENTITY.includes(column))) return 'identity';
  // A login without a password: read as a login, so the common rule skips it as such.
  return 'password';
}

const NORDPASS_IDENTITY = ['full_name', 'phone_number', 'address1', 'address2', 'city', 'zipcode'];
const NORDPASS_CONTENT = ['url', 'username', 'note', 'email', ...NORDPASS_IDENTITY];

/**
 * RoboForm prefixes a value that starts with `@` or `'` with one `'` (a guard against spreadsheet
 * formulas); the value is that prefix removed.
 */
function unescapeRoboForm(value: string): string {
  return value.replace(/^'(?=[@'])/, '');
}

/**
 * RoboForm's extra fields: every cell from the RfFieldsV2 (or Rf_fields) column to the end of the
 * row. A RfFieldsV2 cell is `name,?,?,kind,value` (the value may itself contain commas); a
 * Rf_fields cell is `name:kind:value`.
 */
function roboFormFields(row: CsvRow): { name: string; value: string }[] {
  const v2 = row.position('rffieldsv2');
  const v1 = row.position('rf_fields');
  const start = v2 !== -1 ? v2 : v1;
  if (start === -1) return [];
  const fields: { name: string; value: string }[] = [];
  for (let i = start; i < row.width; i++) {
    const cell = row.at(i);
    const parts = v2 !== -1 ? cell.split(',') : cell.split(':');
    const valueFrom = v2 !== -1 ? 4 : parts.length > 3 ? 3 : 2;
    fields.push({
      name: parts[0] ?? '',
      value: parts.slice(valueFrom).join(v2 !== -1 ? ',' : ':'),
    });
  }
  return fields;
}

/** User name and password from Zoho's SecretData: `key:value` lines, split at the first colon. */
function zohoSecret(data: string): { username: string; password: string } {
  let username = '';
  let password = '';
  for (const line of data.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1);
    if (username === '' && ZOHO_USER_KEYS.includes(key)) username = value;
    else if (password === '' && ZOHO_PASSWORD_KEYS.includes(key)) password = value;
  }
  return { username, password };
}

const ZOHO_USER_KEYS = ['user name', 'username', 'user', 'login', 'email', 'e-mail', 'email address'];
const ZOHO_PASSWORD_KEYS = ['password', 'passwd'];

/**
 * The URIs of a Bitwarden CSV row. The exporter hands the URI array to papaparse, which joins it
 * with ","; a comma inside one URI (`?ids=1,2`) is told apart because the text after it does not
 * start like an address (a scheme, or a dotted host).
 */
function splitBitwardenUris(value: string): string[] {
  const uris: string[] = [];
  for (const part of value.split(',')) {
    const startsLikeUri = /^\s*([a-z][a-z0-9+.-]*:\/\/|[^/?#=&\s]+\.[^/?#=&\s]+)/i.test(part);
    const last = uris.length - 1;
    if (last >= 0 && !startsLikeUri) uris[last] = `${uris[last] ?? ''},${part}`;
    else uris.push(part);
  }
  return uris;
}

/** URLs from Proton's `autofillUrls` column: a JSON array of `{url, mode}` (or of strings). */
function protonAutofillUrls(value: string): string[] {
  return parseJsonArray(value).flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (typeof item === 'object' && item !== null && 'url' in item && typeof item.url === 'string') {
      return [item.url];
    }
    return [];
  });
}

/**
 * Strings from a JSON array such as NordPass's `additional_urls`. A value that is not JSON is read
 * as a whitespace- or comma-separated list rather than dropped, since it was meant to hold URLs.
 */
function jsonStringList(value: string): string[] {
  const text = value.trim();
  if (text === '') return [];
  if (!text.startsWith('[')) return splitList(text, /[\s,]+/);
  return parseJsonArray(text).filter((item): item is string => typeof item === 'string');
}

function parseJsonArray(value: string): unknown[] {
  const text = value.trim();
  if (text === '') return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** True for the formats recognised by their header row. */
export function isHeaderCsvFormat(format: string): format is HeaderCsvFormat {
  return Object.hasOwn(CSV_FORMATS, format);
}

/**
 * True when a header has every required column of the format and passes its further test
 * (`columns`: lower-case, trimmed, in file order).
 */
export function headerMatches(spec: CsvFormatSpec, columns: readonly string[]): boolean {
  return spec.required.every((name) => columns.includes(name)) && (spec.accepts?.(columns) ?? true);
}

/**
 * The CSV format whose header the whole header supports best: among the formats whose required
 * columns are all present (any order and case; extra columns allowed, since exporters add columns
 * over time) and whose further test passes, the one that knows the most of the header's columns.
 * So LastPass's header wins over Chrome's (it contains Chrome's four names), an old NordPass or
 * Proton header (no `type` or `vault`) still wins over Chrome's, and a KeePassX header without
 * `Group` but with `TOTP` wins over Apple's. Ties go to the earlier format in `CSV_FORMATS`.
 */
export function detectCsvFormat(columns: readonly string[]): HeaderCsvFormat | null {
  const names = columns.map((name) => name.trim().toLowerCase());
  const present = new Set(names);
  let best: { format: HeaderCsvFormat; known: number } | null = null;
  for (const [format, spec] of Object.entries(CSV_FORMATS) as [HeaderCsvFormat, CsvFormatSpec][]) {
    if (!headerMatches(spec, names)) continue;
    let known = 0;
    for (const name of present) {
      if (spec.required.includes(name) || spec.optional.includes(name)) known++;
    }
    if (!best || known > best.known) best = { format, known };
  }
  return best?.format ?? null;
}
