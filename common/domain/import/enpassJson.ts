import {
  REASONS,
  isTotpSet,
  isoFromUnixTime,
  otherTypeSkip,
  type ImportCollector,
  type ReadOutcome,
} from './entries';
import { isObject, listOf, objectOf, textOf, type JsonObject } from './jsonValues';

/** Items examined when deciding whether JSON is an Enpass export. */
const SAMPLE = 50;
/** Folder chains longer than this are cut (they can only come from a damaged or looping file). */
const MAX_FOLDER_DEPTH = 32;

/**
 * True when parsed JSON is an Enpass export: `items` whose sampled entries have Enpass's shape
 * (`template_type` or `category`, and a `fields` array), or no items and `folders` with Enpass's
 * `uuid`/`title` shape.
 */
export function looksLikeEnpassJson(value: unknown): value is JsonObject {
  if (!isObject(value) || !Array.isArray(value.items)) return false;
  const sample = value.items.slice(0, SAMPLE);
  if (sample.length === 0) {
    const folders = listOf(value.folders).slice(0, SAMPLE);
    return (
      folders.length > 0 &&
      folders.every((folder) => isObject(folder) && 'uuid' in folder && 'title' in folder)
    );
  }
  const matching = sample.filter(
    (item) =>
      isObject(item) &&
      (typeof item.template_type === 'string' || typeof item.category === 'string') &&
      (Array.isArray(item.fields) || 'uuid' in item),
  );
  return matching.length * 2 > sample.length;
}

interface EnpassField {
  type: string;
  value: string;
  updatedAt: unknown;
}

/**
 * Reads an Enpass JSON export; `row` is the item's 1-based index. Fields are read by their `type`
 * (labels are the user's): user name (else e-mail), password, web addresses (and Android apps),
 * TOTP. Logins and passwords are imported; a credit card that carries a password for the bank's
 * site is imported as that login; trashed and archived items, notes, identities and other
 * categories without a password are skipped.
 */
export function readEnpassJson(value: JsonObject, collector: ImportCollector): void {
  const folders = new Map<string, { title: string; parent: string }>();
  for (const folder of listOf(value.folders)) {
    const { uuid, title, parent_uuid: parent } = objectOf(folder);
    if (typeof uuid === 'string') folders.set(uuid, { title: textOf(title).trim(), parent: textOf(parent) });
  }
  const pathOf = (uuid: string): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    let current = folders.get(uuid);
    let id = uuid;
    while (current && !seen.has(id) && names.length < MAX_FOLDER_DEPTH) {
      seen.add(id);
      if (current.title !== '') names.unshift(current.title);
      id = current.parent;
      current = folders.get(id);
    }
    return names.join('/');
  };
  listOf(value.items).forEach((item, index) => {
    collector.add(index + 1, readItem(objectOf(item), pathOf));
  });
}

function readItem(item: JsonObject, pathOf: (uuid: string) => string): ReadOutcome {
  if (Number(item.trashed) > 0) return { skip: REASONS.trash };
  if (Number(item.archived) > 0) return { skip: REASONS.archived };
  const fields: EnpassField[] = listOf(item.fields).flatMap((raw) => {
    const field = objectOf(raw);
    if (Number(field.deleted) > 0) return [];
    return [{ type: textOf(field.type), value: textOf(field.value), updatedAt: field.value_updated_at }];
  });
  const first = (type: string) => fields.find((field) => field.type === type && field.value.trim() !== '');
  const password = first('password');
  const template = textOf(item.template_type).toLowerCase();
  const category = textOf(item.category).toLowerCase();
  const kind = template.split('.')[0] || category;
  if (!password) {
    if (kind === 'login' || kind === 'password') return { skip: REASONS.noPassword };
    if (kind === 'creditcard') return { skip: REASONS.card };
    if (kind === 'note') return { skip: REASONS.note };
    if (kind === 'identity') return { skip: REASONS.identity };
    return otherTypeSkip(category || kind);
  }
  if (kind === 'identity') return { skip: REASONS.identity };
  const urls = fields.flatMap((field) => {
    if (field.type === 'url') return [field.value];
    if (field.type === '.Android#') return [androidAddress(field.value)];
    return [];
  });
  return {
    title: textOf(item.title),
    urls,
    username: (first('username') ?? first('email'))?.value ?? '',
    password: password.value,
    hasTotp: fields.some((field) => field.type === 'totp' && isTotpSet(field.value)),
    passwordChangedAt: isoFromUnixTime(password.updatedAt) ?? isoFromUnixTime(item.updated_at),
    folder: pathOf(textOf(listOf(item.folders)[0])),
  };
}

/** An Android app Enpass fills (`android://<hash>@pkg`, or the bare package) as `androidapp://pkg`. */
function androidAddress(value: string): string {
  const text = value.trim();
  if (/^androidapp:\/\//i.test(text)) return text;
  const withoutScheme = text.replace(/^android:\/\//i, '');
  const pkg = withoutScheme.slice(withoutScheme.lastIndexOf('@') + 1).replace(/\/+$/, '');
  return pkg === '' ? '' : `androidapp://${pkg}`;
}
