import { REASONS, isTotpSet, type ReadOutcome } from './entries';
import type { CsvRecord } from './csvReader';
import { format } from '../../messages/format';

/** The CSV layouts without a real header row: every record is data, with fields by position. */
export type HeaderlessCsvFormat = 'keeper-csv' | 'enpass-csv';

/** Records examined when deciding whether a file has one of these layouts. */
const SAMPLE = 50;

/** Keeper's fixed columns, before the custom-field name/value pairs. */
const KEEPER_FIXED = 7;

/**
 * Which headerless layout a CSV has, judged from its first records (the first row included, since
 * it is data): Keeper's, where every record has 7 + 2k fields, every field quoted, and the 5th a
 * web address or empty; or older Enpass's, a fixed pseudo-header line or records of a title
 * followed by label/value pairs whose labels are Enpass field names. Null for anything else.
 */
export function detectHeaderlessCsv(
  first: CsvRecord,
  rest: readonly CsvRecord[],
): HeaderlessCsvFormat | null {
  const sample = [first, ...rest.slice(0, SAMPLE - 1)];
  if (isEnpassPseudoHeader(first.fields)) return 'enpass-csv';
  if (looksLikeKeeper(sample)) return 'keeper-csv';
  if (looksLikeEnpass(sample)) return 'enpass-csv';
  return null;
}

/** True when the first line is Enpass's `"Title","Field","Value",…,"Note"` pseudo-header. */
export function isEnpassPseudoHeader(fields: readonly string[]): boolean {
  const name = (i: number) => (fields[i] ?? '').trim().toLowerCase();
  return name(0) === 'title' && name(1) === 'field' && name(2) === 'value';
}

function looksLikeKeeper(sample: readonly CsvRecord[]): boolean {
  const first = sample[0];
  if (!first || !isAddressOrEmpty(first.fields[4] ?? '')) return false;
  return sample.every(
    ({ fields, isAllQuoted }) =>
      isAllQuoted && fields.length >= KEEPER_FIXED && (fields.length - KEEPER_FIXED) % 2 === 0,
  );
}

/** A web address as exporters write one: with a scheme, or a dotted host; no spaces. */
function isAddressOrEmpty(value: string): boolean {
  const text = value.trim();
  if (text === '') return true;
  if (/\s/.test(text)) return false;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^[^/.]+\.[^/]+/.test(text);
}

/** Enpass field labels, lower case, `*` (its mark for a hidden field) removed. */
const ENPASS_LABELS = new Set([
  'username',
  'user name',
  'e-mail',
  'email',
  'login',
  'password',
  'website',
  'url',
  'one-time code',
  'totp',
  'phone number',
  'security question',
  'security answer',
  'additional details',
  'cardholder',
  'number',
  'cvc',
  'expiry date',
  'pin',
  'type',
  'note',
]);

function enpassLabel(value: string): string {
  return value.trim().replace(/^\*/, '').trim().toLowerCase();
}

/** The label/value pairs of an Enpass record, and the trailing note when the length is even. */
function enpassPairs(fields: readonly string[]): { pairs: [string, string][]; note: string } {
  const hasNote = fields.length % 2 === 0;
  const end = hasNote ? fields.length - 1 : fields.length;
  const pairs: [string, string][] = [];
  for (let i = 1; i + 1 < end; i += 2) {
    pairs.push([fields[i] ?? '', fields[i + 1] ?? '']);
  }
  return { pairs, note: hasNote ? (fields[fields.length - 1] ?? '') : '' };
}

/**
 * At least half the sampled records with pairs (a custom category may use only labels of its own)
 * have a known Enpass label among them, and not only the first one (a header row of another tool
 * can hold the same words; its data rows do not). When only the first record shows labels, it must
 * also show something a header would not: a hidden-field `*` label, or a web address or e-mail
 * address after the label that names one.
 */
function looksLikeEnpass(sample: readonly CsvRecord[]): boolean {
  const first = sample[0];
  const withPairs = sample.filter(({ fields }) => fields.length >= 3);
  const labelled = withPairs.filter(({ fields }) =>
    enpassPairs(fields).pairs.some(([label]) => ENPASS_LABELS.has(enpassLabel(label))),
  );
  if (labelled.some((record) => record !== first) && labelled.length * 2 >= withPairs.length) return true;
  return first !== undefined && labelled.includes(first) && hasEnpassMarks(first.fields);
}

function hasEnpassMarks(fields: readonly string[]): boolean {
  return enpassPairs(fields).pairs.some(([label, value]) => {
    const name = enpassLabel(label);
    if (label.trim().startsWith('*') && ENPASS_LABELS.has(name)) return true;
    if ((name === 'website' || name === 'url') && /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) return true;
    return (name === 'e-mail' || name === 'email') && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
  });
}

/**
 * Reads one Keeper CSV record: folder (subfolders split by `\`), title, login, password, web
 * address, notes, shared folder, then custom fields as name/value pairs. TOTP is the custom field
 * `TFC:Keeper` (or any custom field holding an `otpauth://` URI). Keeper does not say what kind of
 * item a row is: one with only notes is a secure note; one without a password is skipped.
 */
export function readKeeperRecord(fields: readonly string[]): ReadOutcome {
  const at = (i: number) => fields[i] ?? '';
  if (fields.length < 6) return { skip: format('import.reason.keeperFields') };
  const [login, password, url, notes] = [at(2), at(3), at(4), at(5)];
  if (password === '') {
    const isNote = login.trim() === '' && url.trim() === '' && notes.trim() !== '';
    return { skip: isNote ? REASONS.note : REASONS.noPassword };
  }
  let hasTotp = false;
  for (let i = KEEPER_FIXED; i < fields.length; i += 2) {
    const name = at(i).trim();
    const value = at(i + 1);
    if ((name === 'TFC:Keeper' && isTotpSet(value)) || /^otpauth:/i.test(value.trim())) hasTotp = true;
  }
  return {
    title: at(1),
    urls: [url],
    username: login,
    password,
    hasTotp,
    passwordChangedAt: null,
    folder: keeperPath(at(0)) || keeperPath(at(6)),
  };
}

/** A Keeper folder path (`A\B`, where `\\` is a backslash inside a name) as `A/B`. */
export function keeperPath(value: string): string {
  const parts: string[] = [];
  let part = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? '';
    if (char !== '\\') part += char;
    else if (value[i + 1] === '\\') {
      part += '\\';
      i++;
    } else {
      parts.push(part);
      part = '';
    }
  }
  parts.push(part);
  return parts
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .join('/');
}

/**
 * Reads one older-Enpass CSV record: the title, then label/value pairs, then (when the record has
 * an even number of fields) the note. Labels are matched ignoring case and Enpass's `*` mark: the
 * first web address, the first user name or e-mail, the first password; a one-time-code label
 * with a value means TOTP. A record with no login labels is a note; one with card labels a card.
 */
export function readEnpassRecord(fields: readonly string[]): ReadOutcome {
  if (fields.length <= 2) return { skip: REASONS.note };
  const { pairs } = enpassPairs(fields);
  const labels = pairs.map(([label]) => enpassLabel(label));
  if (['cardholder', 'number', 'expiry date'].every((name) => labels.includes(name))) {
    return { skip: REASONS.card };
  }
  if (!labels.some((name) => ENPASS_LOGIN_LABELS.includes(name))) return { skip: REASONS.note };
  let url = '';
  let username = '';
  let password = '';
  let hasTotp = false;
  for (const [label, value] of pairs) {
    const name = enpassLabel(label);
    if (value.trim() === '') continue;
    if ((name === 'website' || name === 'url') && url === '') url = value;
    else if (['username', 'user name', 'login', 'e-mail', 'email'].includes(name) && username === '') {
      username = value;
    } else if (name === 'password' && password === '') password = value;
    else if (
      ['totp', 'one-time code', 'one time code', 'otp'].includes(name) ||
      /^otpauth:/i.test(value.trim())
    ) {
      hasTotp = true;
    }
  }
  return {
    title: fields[0] ?? '',
    urls: [url],
    username,
    password,
    hasTotp,
    passwordChangedAt: null,
    folder: '',
  };
}

const ENPASS_LOGIN_LABELS = [
  'username',
  'user name',
  'login',
  'e-mail',
  'email',
  'password',
  'website',
  'url',
];
