import {
  REASONS,
  isTotpValue,
  isoFromDateText,
  isoFromUnixMillis,
  isoFromUnixSeconds,
  otherTypeSkip,
  splitList,
  type ReadOutcome,
} from './entries';
import type { ImportFormat } from './types';

/** The CSV formats with a fixed layout (everything but `generic-csv`). */
export type KnownCsvFormat = Exclude<
  ImportFormat,
  'generic-csv' | 'bitwarden-json' | '1password-1pux' | 'keepass-xml'
>;

/** Read access to one CSV record. */
export interface CsvRow {
  /** The cell under a lower-case header name; '' when the column is absent. */
  get(column: string): string;
  /** The cell at a 0-based position; '' when the row is shorter. */
  at(position: number): string;
}

/** How one CSV layout is recognised and read. */
export interface CsvFormatSpec {
  /** Lower-case header names that must all be present for the header to match. */
  required: readonly string[];
  /** Lower-case header names the format may also have (used to break ties). */
  optional: readonly string[];
  read(row: CsvRow): ReadOutcome;
}

/** Layouts and readers of every fixed CSV format; facts in docs/IMPORT-FORMATS.md. */
export const CSV_FORMATS: Record<KnownCsvFormat, CsvFormatSpec> = {
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
        hasTotp: isTotpValue(row.get('login_totp')),
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
        hasTotp: isTotpValue(row.get('otpauth')),
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
        hasTotp: isTotpValue(row.get('totp')),
        passwordChangedAt: null,
        folder: row.get('grouping').replace(/\\/g, '/'),
      };
    },
  },
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
        return { skip: 'Firefox Accounts record (chrome://), not a website login' };
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
        hasTotp: isTotpValue(row.get('otpauth')),
        passwordChangedAt: null,
        folder: '',
      };
    },
  },
  'keepassxc-csv': {
    required: ['group', 'title', 'username', 'password', 'url', 'notes'],
    optional: ['totp', 'icon', 'last modified', 'created'],
    read(row) {
      const [, ...path] = row.get('group').split('/');
      if ((path[0] ?? '').trim().toLowerCase() === 'recycle bin') return { skip: REASONS.recycleBin };
      return {
        title: row.get('title'),
        urls: [row.get('url')],
        username: row.get('username'),
        password: row.get('password'),
        hasTotp: isTotpValue(row.get('totp')),
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
        hasTotp: isTotpValue(row.get('otpurl')) || isTotpValue(row.get('otpsecret')),
        passwordChangedAt: null,
        folder: row.get('category'),
      };
    },
  },
  'protonpass-csv': {
    required: [
      'type',
      'name',
      'url',
      'username',
      'password',
      'note',
      'totp',
      'createtime',
      'modifytime',
      'vault',
    ],
    optional: ['email', 'autofillurls'],
    read(row) {
      const type = row.get('type').trim();
      if (type.toLowerCase() !== 'login') return typeSkip(type, PROTON_TYPES);
      return {
        title: row.get('name'),
        urls: [...splitList(row.get('url'), ', '), ...protonAutofillUrls(row.get('autofillurls'))],
        username: row.get('username') || row.get('email'),
        password: row.get('password'),
        hasTotp: isTotpValue(row.get('totp')),
        passwordChangedAt: isoFromUnixSeconds(row.get('modifytime')),
        folder: row.get('vault'),
      };
    },
  },
  'nordpass-csv': {
    required: [
      'name',
      'url',
      'username',
      'password',
      'note',
      'cardholdername',
      'cardnumber',
      'cvc',
      'expirydate',
      'zipcode',
      'folder',
      'full_name',
      'phone_number',
      'email',
      'address1',
      'address2',
      'city',
      'country',
      'state',
      'type',
    ],
    optional: ['additional_urls', 'custom_fields', 'pin', 'shared_folder'],
    read(row) {
      const type = row.get('type').trim();
      // Rows without a type but with a password are treated as logins, the layout's main case.
      if (type.toLowerCase() !== 'password' && !(type === '' && row.get('password') !== '')) {
        return typeSkip(type, NORDPASS_TYPES);
      }
      return {
        title: row.get('name'),
        urls: [row.get('url'), ...jsonStringList(row.get('additional_urls'))],
        username: row.get('username'),
        password: row.get('password'),
        hasTotp: false,
        passwordChangedAt: null,
        folder: row.get('folder') || row.get('shared_folder'),
      };
    },
  },
};

const BITWARDEN_TYPES: Record<string, string> = {
  note: REASONS.note,
  card: REASONS.card,
  identity: REASONS.identity,
  sshkey: REASONS.sshKey,
};

const PROTON_TYPES: Record<string, string> = {
  alias: REASONS.alias,
  note: REASONS.note,
  creditcard: REASONS.card,
  identity: REASONS.identity,
  sshkey: REASONS.sshKey,
};

const NORDPASS_TYPES: Record<string, string> = {
  folder: REASONS.folder,
  note: REASONS.note,
  credit_card: REASONS.card,
  identity: REASONS.identity,
};

/** The skip for a non-login type: a known reason (keys are lower case), else the type quoted. */
function typeSkip(type: string, reasons: Record<string, string>): ReadOutcome {
  const key = type.toLowerCase();
  const reason = Object.hasOwn(reasons, key) ? reasons[key] : undefined;
  return reason ? { skip: reason } : otherTypeSkip(type);
}

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

/**
 * The fixed CSV format whose header matches: all its required columns are present (any order and
 * case; extra columns allowed, since exporters add columns over time). When several match, the one
 * with the most required columns wins (LastPass's header contains Chrome's), then the one that
 * knows more of the header's columns (1Password's contains Apple's).
 */
export function detectCsvFormat(columns: readonly string[]): KnownCsvFormat | null {
  const present = new Set(columns.map((name) => name.trim().toLowerCase()));
  let best: { format: KnownCsvFormat; required: number; known: number } | null = null;
  for (const [format, spec] of Object.entries(CSV_FORMATS) as [KnownCsvFormat, CsvFormatSpec][]) {
    if (!spec.required.every((name) => present.has(name))) continue;
    const known = [...present].filter(
      (name) => spec.required.includes(name) || spec.optional.includes(name),
    ).length;
    const candidate = { format, required: spec.required.length, known };
    if (
      !best ||
      candidate.required > best.required ||
      (candidate.required === best.required && candidate.known > best.known)
    ) {
      best = candidate;
    }
  }
  return best?.format ?? null;
}
