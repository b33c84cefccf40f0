import {
  REASONS,
  isTotpSet,
  isoFromDateText,
  otherTypeSkip,
  type ImportCollector,
  type ReadOutcome,
  type ReasonKey,
} from './entries';
import { ImportError, fileLabel } from './importError';
import { isObject, listOf, objectOf, textOf, type JsonObject } from './jsonValues';
import { format } from '../../messages/format';

/** Items examined when deciding whether JSON is a Psono export. */
const SAMPLE = 50;
/** Deeper folder trees are refused: no real export nests folders this deep. */
const MAX_FOLDER_DEPTH = 64;

/** Psono's item types (the `type` value, which also prefixes the item's other keys). */
const PSONO_TYPES = new Set([
  'website_password',
  'application_password',
  'bookmark',
  'note',
  'totp',
  'environment_variables',
  'mail_gpg_own_key',
  'ssh_own_key',
  'credit_card',
  'elster_certificate',
  'passkey',
]);

const SKIP_REASONS: Record<string, ReasonKey> = {
  bookmark: 'bookmark',
  note: 'note',
  totp: 'totpOnly',
  environment_variables: 'environment',
  mail_gpg_own_key: 'gpgKey',
  ssh_own_key: 'sshKey',
  credit_card: 'card',
};

/** True for an item whose `type` is a Psono type or prefixes one of its keys. */
function isPsonoItem(item: unknown): boolean {
  if (!isObject(item) || typeof item.type !== 'string') return false;
  const prefix = `${item.type}_`;
  return PSONO_TYPES.has(item.type) || Object.keys(item).some((key) => key.startsWith(prefix));
}

/**
 * True when parsed JSON is a Psono export: `items` and/or `folders` (`{name, items, folders}`)
 * whose sampled items have Psono's shape: a string `type` such as `website_password` that prefixes
 * the item's other keys.
 */
export function looksLikePsonoJson(value: unknown): value is JsonObject {
  if (!isObject(value) || !(Array.isArray(value.items) || Array.isArray(value.folders))) return false;
  const items = listOf(value.items).slice(0, SAMPLE);
  if (items.length > 0) return items.filter(isPsonoItem).length * 2 > items.length;
  // All items may sit in folders; look at the first folders' own items.
  const folders = listOf(value.folders).slice(0, SAMPLE);
  if (!folders.every((folder) => isObject(folder) && typeof folder.name === 'string')) return false;
  const nested = folders.flatMap((folder) => listOf(objectOf(folder).items).slice(0, SAMPLE));
  return nested.length === 0 ? folders.length > 0 : nested.filter(isPsonoItem).length * 2 > nested.length;
}

/**
 * Reads a Psono JSON export in file order (the keys `folders` and `items` as they come, folders
 * depth-first); `row` is the item's 1-based position in that order and `folder` the folder names
 * joined with `/`. Website and application passwords are logins; bookmarks, notes, TOTP-only items,
 * keys and environment variables are skipped.
 */
export function readPsonoJson(value: JsonObject, fileName: string, collector: ImportCollector): void {
  let row = 0;
  const visit = (container: JsonObject, path: readonly string[], depth: number): void => {
    if (depth > MAX_FOLDER_DEPTH) {
      throw new ImportError(
        'too_large',
        format('importFile.psonoDepth', { file: fileLabel(fileName), depth: MAX_FOLDER_DEPTH }),
      );
    }
    for (const key of Object.keys(container)) {
      if (key === 'items') {
        for (const item of listOf(container.items)) {
          row++;
          collector.add(row, readItem(objectOf(item), path.join('/')));
        }
      } else if (key === 'folders') {
        for (const folder of listOf(container.folders)) {
          const inner = objectOf(folder);
          const name = textOf(inner.name).trim();
          visit(inner, name === '' ? path : [...path, name], depth + 1);
        }
      }
    }
  };
  visit(value, [], 0);
}

function readItem(item: JsonObject, folder: string): ReadOutcome {
  const type = textOf(item.type);
  const field = (name: string) => textOf(item[`${type}_${name}`]);
  if (type !== 'website_password' && type !== 'application_password') {
    const reason = Object.hasOwn(SKIP_REASONS, type) ? SKIP_REASONS[type] : undefined;
    return reason ? { skip: REASONS[reason] } : otherTypeSkip(type);
  }
  return {
    title: field('title') || textOf(item.name),
    urls: type === 'website_password' ? [field('url')] : [],
    username: field('username'),
    password: field('password'),
    hasTotp: isTotpSet(item[`${type}_totp_code`]),
    passwordChangedAt: isoFromDateText(item.write_date),
    folder,
  };
}
