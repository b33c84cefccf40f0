import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';
import { decodeText } from './decode';
import { REASONS, isTotpSet, isoFromUnixSeconds, type ImportCollector, type ReadOutcome } from './entries';
import { ImportError, fileLabel } from './importError';
import { isObject, listOf, objectOf, textOf, type JsonObject } from './jsonValues';
import type { MessageId } from '../../messages/en';
import { format } from '../../messages/format';

/**
 * Most bytes `export.data` may inflate to. A 10,000-item export is a few megabytes; the cap stops
 * ZIP bombs, whether their declared sizes are honest (refused before inflating) or lie (inflation
 * stops once the cap is passed).
 */
const MAX_EXPORT_DATA_BYTES = 64 * 1024 * 1024;
/** Most entries a 1PUX may list (its `files/` folder holds one entry per attachment). */
const MAX_ENTRIES = 20_000;
/** Bytes of the archive handed to the inflater at a time, so one step inflates a bounded amount. */
const STREAM_CHUNK = 16 * 1024;

const LOGIN = '001';
const PASSWORD = '005';

/** 1Password category codes (`categoryUuid`) other than Login and Password, named in the catalogue. */
const CATEGORY_NAMES: Record<string, MessageId> = {
  '002': 'import.onePuxCategory.creditCard',
  '003': 'import.onePuxCategory.secureNote',
  '004': 'import.onePuxCategory.identity',
  '006': 'import.onePuxCategory.document',
  '100': 'import.onePuxCategory.softwareLicence',
  '101': 'import.onePuxCategory.bankAccount',
  '102': 'import.onePuxCategory.database',
  '103': 'import.onePuxCategory.driversLicence',
  '104': 'import.onePuxCategory.outdoorLicence',
  '105': 'import.onePuxCategory.membership',
  '106': 'import.onePuxCategory.passport',
  '107': 'import.onePuxCategory.rewardsProgramme',
  '108': 'import.onePuxCategory.socialSecurityNumber',
  '109': 'import.onePuxCategory.wirelessRouter',
  '110': 'import.onePuxCategory.server',
  '111': 'import.onePuxCategory.emailAccount',
  '112': 'import.onePuxCategory.apiCredential',
  '113': 'import.onePuxCategory.medicalRecord',
  '114': 'import.onePuxCategory.sshKey',
};

class TooManyEntries extends Error {}

/**
 * Reads a ZIP's directory, inflating nothing, and returns its `export.data` entry; refuses an
 * archive that is not a 1PUX or that declares more than the caps allow (see {@link openOnePux}).
 * Cheap enough for format detection.
 */
export function inspectOnePux(bytes: Uint8Array, fileName: string): UnzipFileInfo {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        if (entries.length >= MAX_ENTRIES) throw new TooManyEntries();
        entries.push(file);
        return false; // nothing is inflated here
      },
    });
  } catch (error) {
    if (error instanceof TooManyEntries) {
      throw new ImportError(
        'too_large',
        format('importFile.zipTooManyEntries', { file: fileLabel(fileName), max: MAX_ENTRIES }),
      );
    }
    throw damagedZip(fileName);
  }
  const names = entries.map((entry) => entry.name);
  const dataEntries = entries.filter((entry) => isExportData(entry.name));
  if (dataEntries.length === 0 || !names.every(isOnePuxEntry)) throw notOnePux(fileName, names);
  const [data] = dataEntries;
  if (!data || dataEntries.length > 1) {
    throw new ImportError(
      'malformed',
      format('importFile.severalExportData', { file: fileLabel(fileName), count: dataEntries.length }),
    );
  }
  if (data.originalSize > MAX_EXPORT_DATA_BYTES) throw tooLarge(fileName);
  return data;
}

/**
 * Opens a ZIP and returns the parsed `export.data` of a 1Password `.1pux` export. The archive's
 * directory is read first, inflating nothing: an archive with more than 20,000 entries, with entries
 * other than a 1PUX's (`export.data`, `export.attributes`, `files/…`), with several `export.data`,
 * or whose `export.data` declares more than 64 MB is refused. `export.data` is then inflated in
 * small steps and refused as soon as it passes 64 MB, whatever its header claimed. Other ZIPs
 * (Dashlane's and Safari's export archives, spreadsheets) are refused with advice on what to import.
 */
export function openOnePux(bytes: Uint8Array, fileName: string): unknown {
  const data = inspectOnePux(bytes, fileName);
  const text = decodeText(inflateEntry(bytes, data.name, fileName), fileName);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ImportError('malformed', format('importFile.onePuxJson', { file: fileLabel(fileName) }));
  }
}

/**
 * Inflates one entry through fflate's streaming unzipper, feeding the archive in 16 KB pieces so
 * each step inflates a bounded amount, and stops once the output passes the cap.
 */
function inflateEntry(bytes: Uint8Array, name: string, fileName: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // An object, so the checks after the callbacks ran are not narrowed away by the compiler.
  const status: { state: 'reading' | 'done' | 'too_large' | 'damaged' } = { state: 'reading' };
  const unzip = new Unzip((file) => {
    if (file.name !== name || status.state !== 'reading') return;
    file.ondata = (error, data, final) => {
      if (status.state !== 'reading') return;
      if (error) {
        status.state = 'damaged';
        return;
      }
      total += data.length;
      if (total > MAX_EXPORT_DATA_BYTES) {
        status.state = 'too_large';
        file.terminate();
        return;
      }
      chunks.push(data);
      if (final) status.state = 'done';
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && status.state === 'reading'; offset += STREAM_CHUNK) {
      const end = Math.min(bytes.length, offset + STREAM_CHUNK);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch {
    if (status.state === 'reading') status.state = 'damaged';
  }
  if (status.state === 'too_large') throw tooLarge(fileName);
  if (status.state !== 'done') throw damagedZip(fileName);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function tooLarge(fileName: string): ImportError {
  return new ImportError('too_large', format('importFile.onePuxTooLarge', { file: fileLabel(fileName) }));
}

function damagedZip(fileName: string): ImportError {
  return new ImportError('malformed', format('importFile.damagedZip', { file: fileLabel(fileName) }));
}

/** The entries of a 1PUX: its data, its attributes and the attachments under `files/`. */
const ONE_PUX_NAME = /^(export\.data|export\.attributes|files\/.*)$/;

/** True for a 1PUX entry, also inside one folder (a 1PUX unzipped and zipped again) or macOS's extras. */
function isOnePuxEntry(name: string): boolean {
  if (name.startsWith('__MACOSX/') || ONE_PUX_NAME.test(name)) return true;
  const slash = name.indexOf('/');
  if (slash === -1) return false;
  const inner = name.slice(slash + 1);
  return inner === '' || ONE_PUX_NAME.test(inner);
}

function isExportData(name: string): boolean {
  return name === 'export.data' || /^[^/]+\/export\.data$/.test(name);
}

function notOnePux(fileName: string, names: readonly string[]): ImportError {
  const has = (pattern: RegExp) => names.some((name) => pattern.test(name));
  let advice = 'other';
  if (has(/(^|\/)credentials\.csv$/i)) {
    advice = 'dashlane';
  } else if (has(/(^|\/)passwords\.csv$/i)) {
    advice = 'safari';
  } else if (has(/^\[Content_Types\]\.xml$/)) {
    advice = 'spreadsheet';
  } else if (has(/(^|\/)export\.data$/)) {
    advice = 'extra';
  }
  return new ImportError(
    'unsupported',
    format('importFile.notOnePux', { file: fileLabel(fileName), advice }),
  );
}

/** True when parsed JSON has the shape of a 1PUX `export.data` (`{accounts: [...]}`). */
export function looksLikeOnePuxData(value: unknown): value is JsonObject {
  return isObject(value) && Array.isArray(value.accounts);
}

/**
 * Reads the items of a 1PUX `export.data`, across accounts and vaults in file order; `row` is the
 * item's 1-based position in that order. Only Login (001) and Password (005) items are imported.
 */
export function readOnePuxData(value: unknown, fileName: string, collector: ImportCollector): void {
  if (!looksLikeOnePuxData(value)) {
    throw new ImportError('unsupported', format('importFile.onePuxLayout', { file: fileLabel(fileName) }));
  }
  let row = 0;
  for (const account of listOf(value.accounts)) {
    for (const vault of listOf(objectOf(account).vaults)) {
      const vaultName = textOf(objectOf(objectOf(vault).attrs).name);
      for (const item of listOf(objectOf(vault).items)) {
        row++;
        collector.add(row, readItem(objectOf(item), vaultName));
      }
    }
  }
}

function readItem(item: JsonObject, vaultName: string): ReadOutcome {
  const category = textOf(item.categoryUuid);
  if (category !== LOGIN && category !== PASSWORD) {
    const known = /^\d{1,4}$/.test(category);
    const name = Object.hasOwn(CATEGORY_NAMES, category)
      ? format(CATEGORY_NAMES[category]!)
      : format('import.reason.category', { known: known ? 'yes' : 'no', category: known ? category : '' });
    return { skip: format('import.reason.namedNotLogin', { name }) };
  }
  if (item.state === 'archived') return { skip: REASONS.archived };
  const overview = objectOf(item.overview);
  const details = objectOf(item.details);
  let username = '';
  let password = category === PASSWORD ? textOf(details.password) : '';
  for (const field of listOf(details.loginFields)) {
    const { designation, value } = objectOf(field);
    if (designation === 'username' && username === '') username = loginFieldText(value);
    if (designation === 'password' && password === '') password = loginFieldText(value);
  }
  const urls = listOf(overview.urls).map((entry) => textOf(objectOf(entry).url));
  if (urls.every((url) => url.trim() === '')) urls.push(textOf(overview.url));
  const hasTotp = listOf(details.sections).some((section) =>
    listOf(objectOf(section).fields).some((field) => isTotpSet(textOf(objectOf(objectOf(field).value).totp))),
  );
  return {
    title: textOf(overview.title),
    urls,
    username,
    password,
    hasTotp,
    passwordChangedAt: isoFromUnixSeconds(item.updatedAt),
    folder: vaultName,
  };
}

/** A login field's value: usually a string, for linked accounts an object holding the address. */
function loginFieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  const fields = objectOf(value);
  return textOf(fields.email_address) || textOf(fields.string);
}
