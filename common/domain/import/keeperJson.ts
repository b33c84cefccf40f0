import {
  REASONS,
  isTotpSet,
  isoFromUnixTime,
  otherTypeSkip,
  type ImportCollector,
  type ReadOutcome,
  type ReasonKey,
} from './entries';
import { keeperPath } from './headerlessCsv';
import { isObject, listOf, objectOf, textOf, type JsonObject } from './jsonValues';

/** Records (items) examined when deciding whether JSON is a Keeper export. */
const SAMPLE = 50;

/** Keys a Keeper record has (`title`, `uid` always; the rest when set). */
const RECORD_KEYS = ['uid', 'title', 'login', 'password', 'login_url', '$type', 'custom_fields', 'folders'];

/**
 * True when parsed JSON is a Keeper export: `records` (and usually `shared_folders`) whose sampled
 * items look like Keeper records. An export of no records counts when `shared_folders` is there.
 */
export function looksLikeKeeperJson(value: unknown): value is JsonObject {
  if (!isObject(value) || !Array.isArray(value.records)) return false;
  const sample = value.records.slice(0, SAMPLE);
  if (sample.length === 0) return Array.isArray(value.shared_folders);
  const matching = sample.filter(
    (record) => isObject(record) && RECORD_KEYS.filter((key) => key in record).length >= 2,
  );
  return matching.length * 2 > sample.length;
}

/** Record types that are never logins, whatever they hold, with the reason shown. */
const NOT_LOGINS: Record<string, ReasonKey> = {
  bankcard: 'card',
  // A password on an SSH-key record is the key's passphrase, not a sign-in.
  sshkeys: 'sshKey',
};

/** Reasons for records without a password, by `$type` (lower case). */
const TYPE_REASONS: Record<string, ReasonKey> = {
  encryptednotes: 'note',
  contact: 'identity',
  address: 'identity',
  ssncard: 'identity',
  passport: 'identity',
  driverlicense: 'identity',
  birthcertificate: 'identity',
};

/**
 * Reads a Keeper JSON export; `row` is the record's 1-based index. A record is a login when it
 * has a password, whatever its `$type` (Keeper keeps sign-ins on server, database, bank-account,
 * membership… records too), except bank cards and SSH keys. Records without `$type` come from
 * older exports and are logins. Web addresses: `login_url` and custom fields of type `url`.
 * TOTP: a `$oneTimeCode` custom field (or the older `TFC:Keeper`).
 */
export function readKeeperJson(value: JsonObject, collector: ImportCollector): void {
  listOf(value.records).forEach((record, index) => {
    collector.add(index + 1, readRecord(objectOf(record)));
  });
}

function readRecord(record: JsonObject): ReadOutcome {
  const type = textOf(record.$type).trim();
  const key = type.toLowerCase();
  const notLogin = Object.hasOwn(NOT_LOGINS, key) ? NOT_LOGINS[key] : undefined;
  if (notLogin) return { skip: REASONS[notLogin] };
  const password = textOf(record.password);
  if (password === '') {
    if (key === '' || key === 'login' || key === 'general') return { skip: REASONS.noPassword };
    const reason = Object.hasOwn(TYPE_REASONS, key) ? TYPE_REASONS[key] : undefined;
    return reason ? { skip: REASONS[reason] } : otherTypeSkip(type);
  }
  const urls = [textOf(record.login_url)];
  let hasTotp = false;
  const customFields = objectOf(record.custom_fields);
  for (const [name, field] of Object.entries(customFields)) {
    const fieldType = customFieldType(name);
    if (fieldType === 'onetimecode' || name.trim() === 'TFC:Keeper') {
      if (isTotpSet(field)) hasTotp = true;
    } else if (fieldType === 'url') {
      for (const url of Array.isArray(field) ? field : [field]) urls.push(textOf(url));
    }
  }
  return {
    title: textOf(record.title),
    urls,
    username: textOf(record.login),
    password,
    hasTotp,
    passwordChangedAt: isoFromUnixTime(record.last_modified),
    folder: folderOf(listOf(record.folders)[0]),
  };
}

/** The type of a typed custom-field key (`$url:label:1` → `url`), lower case; '' for plain names. */
function customFieldType(name: string): string {
  if (!name.startsWith('$')) return '';
  return (name.slice(1).split(':')[0] ?? '').toLowerCase();
}

/** A record's folder: `shared_folder` then `folder`, each a `\`-separated path, joined with `/`. */
function folderOf(entry: unknown): string {
  const { shared_folder: shared, folder } = objectOf(entry);
  return [keeperPath(textOf(shared)), keeperPath(textOf(folder))].filter((part) => part !== '').join('/');
}
