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

/** A Bitwarden cipher string (`2.iv|data|mac`): what an encrypted export holds instead of text. */
const CIPHER_STRING = /^\d+\.[A-Za-z0-9+/=]+\|[A-Za-z0-9+/=]+(\|[A-Za-z0-9+/=]+)?$/;

/** Cipher types in Bitwarden's JSON (`CipherType`), other than 1 = login. */
const TYPE_REASONS: Record<number, ReasonKey> = {
  2: 'note',
  3: 'card',
  4: 'identity',
  5: 'sshKey',
};

/** Items examined when deciding whether JSON is a Bitwarden export. */
const SAMPLE = 50;

/** A Bitwarden cipher: a numeric `type`, or one of the per-type objects. */
function isCipher(item: unknown): boolean {
  return (
    isObject(item) &&
    (typeof item.type === 'number' ||
      ['login', 'secureNote', 'card', 'identity', 'sshKey'].some((key) => isObject(item[key])))
  );
}

/**
 * True when parsed JSON has the shape of a Bitwarden export, encrypted or not: Bitwarden's
 * `encrypted` flag or key-validation field, or `items` most of whose sampled entries are Bitwarden
 * ciphers (a numeric `type`, a `login` object…). Other exports also have `items` and `folders`
 * (Enpass, Psono); they are told apart by the items' shape. No items at all counts only with no
 * folders or Bitwarden-shaped ones (`{id, name}`).
 */
export function looksLikeBitwardenJson(value: unknown): value is JsonObject {
  if (!isObject(value)) return false;
  if (typeof value.encrypted === 'boolean' || 'encKeyValidation_DO_NOT_EDIT' in value) return true;
  if (!Array.isArray(value.items)) return false;
  const sample = value.items.slice(0, SAMPLE);
  if (sample.length === 0) {
    return listOf(value.folders)
      .slice(0, SAMPLE)
      .every((folder) => isObject(folder) && 'id' in folder && 'name' in folder);
  }
  return sample.filter(isCipher).length * 2 > sample.length;
}

/**
 * Throws `encrypted` for a password-protected or account-restricted Bitwarden export (recognised by
 * `encrypted: true`, `encKeyValidation_DO_NOT_EDIT`, or cipher strings where names should be).
 */
export function assertNotEncrypted(value: JsonObject, fileName: string): void {
  const items = listOf(value.items);
  const hasCipherStrings = items.slice(0, 20).some((item) => {
    const fields = objectOf(item);
    const login = objectOf(fields.login);
    return [fields.name, login.username, login.password].some(
      (field) => typeof field === 'string' && CIPHER_STRING.test(field),
    );
  });
  if (
    value.encrypted === true ||
    value.passwordProtected === true ||
    'encKeyValidation_DO_NOT_EDIT' in value ||
    hasCipherStrings
  ) {
    throw new ImportError(
      'encrypted',
      format('importFile.bitwardenEncrypted', { file: fileLabel(fileName) }),
    );
  }
}

/** Reads every item of an unencrypted Bitwarden JSON export; `row` is the item's 1-based index. */
export function readBitwardenJson(value: JsonObject, collector: ImportCollector): void {
  const folders = new Map<string, string>();
  for (const folder of listOf(value.folders)) {
    const { id, name } = objectOf(folder);
    if (typeof id === 'string') folders.set(id, textOf(name));
  }
  listOf(value.items).forEach((item, index) => {
    collector.add(index + 1, readItem(objectOf(item), folders));
  });
}

function readItem(item: JsonObject, folders: ReadonlyMap<string, string>): ReadOutcome {
  if (item.deletedDate !== null && item.deletedDate !== undefined) return { skip: REASONS.trash };
  const type = item.type;
  if (type !== 1) {
    const reason = typeof type === 'number' ? TYPE_REASONS[type] : undefined;
    return reason ? { skip: REASONS[reason] } : otherTypeSkip(textOf(type));
  }
  const login = objectOf(item.login);
  const password = textOf(login.password);
  if (password === '') {
    const hasPasskey = listOf(login.fido2Credentials).length > 0;
    return { skip: hasPasskey ? REASONS.passkeyOnly : REASONS.noPassword };
  }
  return {
    title: textOf(item.name),
    urls: listOf(login.uris).map((uri) => textOf(objectOf(uri).uri)),
    username: textOf(login.username),
    password,
    hasTotp: isTotpSet(login.totp),
    passwordChangedAt: isoFromDateText(login.passwordRevisionDate) ?? isoFromDateText(item.revisionDate),
    folder: folders.get(textOf(item.folderId)) ?? '',
  };
}
