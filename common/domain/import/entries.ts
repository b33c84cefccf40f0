import { ImportError, fileLabel } from './importError';
import type { ImportedEntry, SkippedRow } from './types';
import { format, labelsOf } from '../../messages/format';

/** What a format reader extracts from one row or item before the common clean-up. */
export interface EntryDraft {
  title: string;
  urls: string[];
  username: string;
  password: string;
  hasTotp: boolean;
  passwordChangedAt: string | null;
  folder: string;
}

/** A row or item a format reader refuses, with the reason shown to the user. */
export interface Skip {
  skip: string;
}

/** What a format reader returns for one row or item. */
export type ReadOutcome = EntryDraft | Skip;

/** Plain-words reasons shared by several formats. */
export const REASONS = labelsOf({
  note: 'import.reason.note',
  card: 'import.reason.card',
  identity: 'import.reason.identity',
  sshKey: 'import.reason.sshKey',
  folder: 'import.reason.folder',
  alias: 'import.reason.alias',
  noPassword: 'import.reason.noPassword',
  archived: 'import.reason.archived',
  recycleBin: 'import.reason.recycleBin',
  trash: 'import.reason.trash',
  history: 'import.reason.history',
  bookmark: 'import.reason.bookmark',
  strayQuote: 'import.reason.strayQuote',
  otpAsPassword: 'import.reason.otpAsPassword',
  passkeyOnly: 'import.reason.passkeyOnly',
  totpOnly: 'import.reason.totpOnly',
  environment: 'import.reason.environment',
  gpgKey: 'import.reason.gpgKey',
});

/**
 * A key of {@link REASONS}: what a format's table of item types keeps, so the reason is worded when
 * an item is skipped (in the catalogue in use then), not when the module loads.
 */
export type ReasonKey = keyof typeof REASONS;

/**
 * An `otpauth:` URI and the rest of its line: it carries the TOTP secret, and a URI typed by hand
 * may contain spaces, so cutting at the first space could leave the secret behind.
 */
const OTP_URI = /otpauth:[^\r\n]*/gi;

/**
 * Replaces every `otpauth:` URI in a raw cell by a bare `otpauth://`, which still reads as "has
 * TOTP" but holds no secret. Applied to every CSV cell before a format reader sees it, so no
 * reader can return a secret by splitting or reshaping a value.
 */
export function maskOtpUris(value: string): string {
  return hasOtpUri(value) ? value.replace(OTP_URI, 'otpauth://') : value;
}

function hasOtpUri(value: string): boolean {
  return /otpauth:/i.test(value);
}

/**
 * Removes `otpauth:` URIs from a free-text value (a title or user name someone pasted one into),
 * so the secret they carry is never returned; the caller reports TOTP instead.
 */
function withoutOtpUris(value: string): { text: string; hadUri: boolean } {
  if (!hasOtpUri(value)) return { text: value.trim(), hadUri: false };
  const text = value.replace(OTP_URI, '');
  return { text: text.trim(), hadUri: text.length !== value.length };
}

/**
 * A skip for an item type that is not a login. The type is quoted only when it looks like a type
 * name (a short word), so no cell content — possibly a secret — ends up in a reason.
 */
export function otherTypeSkip(type: string): Skip {
  const name = type.trim();
  if (name === '') return { skip: format('import.reason.untyped') };
  if (!/^[\w -]{1,30}$/.test(name)) return { skip: format('import.reason.unknownType') };
  return { skip: format('import.reason.otherType', { type: name }) };
}

/**
 * Most rows or items one export may hold. A person or a 50-person office has thousands; a file with
 * hundreds of thousands is damaged or made to cause trouble, and reading it would take seconds
 * and hundreds of megabytes.
 */
export const MAX_ITEMS = 250_000;

/** The error for a file with more than {@link MAX_ITEMS} rows or items. */
export function tooManyItems(fileName: string): ImportError {
  return new ImportError(
    'too_large',
    format('importFile.tooManyItems', { file: fileLabel(fileName), max: MAX_ITEMS }),
  );
}

/** Collects entries, skipped rows and notices, applying the rules every format shares. */
export class ImportCollector {
  readonly entries: ImportedEntry[] = [];
  readonly skipped: SkippedRow[] = [];
  /** Plain-English remarks on how the file was read (see `ParsedExport.notices`). */
  readonly notices: string[] = [];

  /** `fileName` is used only to name the file when it holds more than {@link MAX_ITEMS} items. */
  constructor(private readonly fileName: string) {}

  /** Records one row's outcome: skipped, or an entry (skipped after all if it has no password). */
  add(row: number, outcome: ReadOutcome): void {
    this.assertRoom();
    if ('skip' in outcome) {
      this.skip(row, outcome.skip);
      return;
    }
    if (outcome.password === '') {
      this.skip(row, REASONS.noPassword);
      return;
    }
    if (hasOtpUri(outcome.password)) {
      this.skip(row, REASONS.otpAsPassword);
      return;
    }
    const { urls, hasTotpInUrls } = cleanUrls(outcome.urls);
    const title = withoutOtpUris(outcome.title);
    const username = withoutOtpUris(outcome.username);
    const folder = withoutOtpUris(outcome.folder);
    this.entries.push({
      row,
      title: title.text,
      urls,
      username: username.text,
      password: outcome.password,
      hasTotp: outcome.hasTotp || hasTotpInUrls || title.hadUri || username.hadUri || folder.hadUri,
      passwordChangedAt: outcome.passwordChangedAt,
      folder: folder.text,
    });
  }

  /** Records a skipped row. */
  skip(row: number, reason: string): void {
    this.assertRoom();
    this.skipped.push({ row, reason });
  }

  private assertRoom(): void {
    if (this.entries.length + this.skipped.length >= MAX_ITEMS) throw tooManyItems(this.fileName);
  }

  /** Records a remark for the preview; the same text is kept once. */
  notice(text: string): void {
    if (!this.notices.includes(text)) this.notices.push(text);
  }
}

/**
 * Trims URLs, drops empty ones, bare schemes (`http://` is LastPass for "no URL") and exact
 * duplicates. A value holding an `otpauth:` URI is dropped too — it carries a secret — and
 * reported as TOTP.
 */
function cleanUrls(raw: readonly string[]): { urls: string[]; hasTotpInUrls: boolean } {
  const urls: string[] = [];
  let hasTotpInUrls = false;
  for (const value of raw) {
    const url = value.trim();
    if (url === '' || /^https?:\/\/$/i.test(url)) continue;
    if (hasOtpUri(url)) {
      hasTotpInUrls = true;
      continue;
    }
    if (!urls.includes(url)) urls.push(url);
  }
  return { urls, hasTotpInUrls };
}

/**
 * True when a field whose only purpose is TOTP (a `totp` column, an `otp` string, a one-time-code
 * field) holds anything at all: any non-empty value means two-step sign-in is set up, whatever its
 * length or form (`ABCDEF`, a bare seed, an `otpauth://` URI).
 */
export function isTotpSet(value: unknown): boolean {
  const isText = (item: unknown) => typeof item === 'string' && item.trim() !== '';
  // A list of codes (Keeper allows several) counts when one of its strings is set; no deeper.
  return isText(value) || (Array.isArray(value) && value.some(isText));
}

/** Splits a delimited list of URLs. */
export function splitList(value: string, separator: string | RegExp): string[] {
  return value.split(separator).map((part) => part.trim());
}

const MIN_TIME = Date.UTC(1970, 0, 2);
const MAX_TIME = Date.UTC(2200, 0, 1);
/** Seconds between 0001-01-01 and 1970-01-01 (KDBX 4 stores times as seconds since year 1). */
const SECONDS_FROM_YEAR_ONE_TO_EPOCH = 62135596800;

function isoFromMillis(ms: number): string | null {
  if (!Number.isFinite(ms) || ms < MIN_TIME || ms >= MAX_TIME) return null;
  return new Date(ms).toISOString();
}

/** ISO-8601 from Unix milliseconds given as a number or a digit string; null if absent or implausible. */
export function isoFromUnixMillis(value: unknown): string | null {
  const number = toNumber(value);
  return number === null ? null : isoFromMillis(Math.round(number));
}

/**
 * ISO-8601 from a Unix time in seconds or milliseconds (told apart by size: values above 10^11 are
 * milliseconds, i.e. after 1973 in ms and after 5138 in seconds); null if absent or implausible.
 */
export function isoFromUnixTime(value: unknown): string | null {
  const number = toNumber(value);
  if (number === null) return null;
  return number > 1e11 ? isoFromUnixMillis(number) : isoFromUnixSeconds(number);
}

/** ISO-8601 from Unix seconds given as a number or a digit string; null if absent or implausible. */
export function isoFromUnixSeconds(value: unknown): string | null {
  const number = toNumber(value);
  return number === null ? null : isoFromMillis(Math.round(number * 1000));
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * ISO-8601 UTC from a date text such as `2024-06-20T18:02:11Z`, `2024-06-20T18:02:11.123+02:00` or
 * `2024-06-20 18:02`. A time without a zone is read as UTC (KeePass and KeePassXC write UTC).
 * Parsed by hand because `Date.parse` reads zone-less times as local time and accepts
 * implementation-specific formats. Returns null for anything else.
 */
export function isoFromDateText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const ms = Math.floor(Number(`0.${fraction}`) * 1000);
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  return isoFromMillis(local - zoneOffsetMinutes(zone) * 60_000);
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

/**
 * ISO-8601 from a KeePass time: ISO text (KeePass XML export) or the KDBX 4 form, base64 of a
 * little-endian 64-bit count of seconds since 0001-01-01.
 */
export function isoFromKeePassTime(value: string): string | null {
  const text = value.trim();
  const iso = isoFromDateText(text);
  if (iso !== null) return iso;
  if (!/^[A-Za-z0-9+/]{11}=$/.test(text)) return null;
  const bytes = decodeBase64(text);
  let seconds = 0;
  for (let i = bytes.length - 1; i >= 0; i--) seconds = seconds * 256 + (bytes[i] ?? 0);
  return isoFromUnixSeconds(seconds - SECONDS_FROM_YEAR_ONE_TO_EPOCH);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(text: string): number[] {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/=+$/, '')) {
    buffer = (buffer << 6) | BASE64.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}
