import { unzipSync, type UnzipFileInfo } from 'fflate';
import { decodeText } from './decode';
import { REASONS, isTotpValue, isoFromUnixSeconds, type ImportCollector, type ReadOutcome } from './entries';
import { ImportError } from './importError';
import { isObject, listOf, objectOf, textOf, type JsonObject } from './jsonValues';

/** Larger `export.data` files are refused rather than inflated (a guard against ZIP bombs). */
const MAX_EXPORT_DATA_BYTES = 512 * 1024 * 1024;

const LOGIN = '001';
const PASSWORD = '005';

/** 1Password category codes (`categoryUuid`) other than Login and Password, in plain words. */
const CATEGORY_NAMES: Record<string, string> = {
  '002': 'Credit card',
  '003': 'Secure note',
  '004': 'Identity',
  '006': 'Document',
  '100': 'Software licence',
  '101': 'Bank account',
  '102': 'Database',
  '103': "Driver's licence",
  '104': 'Outdoor licence',
  '105': 'Membership',
  '106': 'Passport',
  '107': 'Rewards programme',
  '108': 'Social Security number',
  '109': 'Wireless router',
  '110': 'Server',
  '111': 'E-mail account',
  '112': 'API credential',
  '113': 'Medical record',
  '114': 'SSH key',
};

/**
 * Opens a ZIP and returns the parsed `export.data` of a 1Password `.1pux` export. Other ZIPs
 * (Dashlane's and Safari's export archives, spreadsheets) are refused with advice on what to import.
 */
export function openOnePux(bytes: Uint8Array, fileName: string): unknown {
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        names.push(file.name);
        return isExportData(file.name) && file.originalSize <= MAX_EXPORT_DATA_BYTES;
      },
    });
  } catch {
    throw new ImportError(
      'malformed',
      `${fileName} is a ZIP archive that cannot be opened (it may be damaged or password-protected). ` +
        'Export it again.',
    );
  }
  const dataName = Object.keys(files).find(isExportData);
  const data = dataName === undefined ? undefined : files[dataName];
  if (!data) throw notOnePux(fileName, names);
  const text = decodeText(data, fileName);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ImportError(
      'malformed',
      `${fileName} looks like a 1Password export, but its export.data is not valid JSON. Export it again.`,
    );
  }
}

function isExportData(name: string): boolean {
  return name === 'export.data' || name.endsWith('/export.data');
}

function notOnePux(fileName: string, names: readonly string[]): ImportError {
  const has = (pattern: RegExp) => names.some((name) => pattern.test(name));
  if (names.some((name) => /export\.data$/.test(name))) {
    return new ImportError('unsupported', `${fileName} holds a 1Password export that is too large to read.`);
  }
  let advice = 'Lockstep reads ZIP files only when they are 1Password exports (.1pux).';
  if (has(/(^|\/)credentials\.csv$/i)) {
    advice = 'It looks like a Dashlane export: unzip it and import credentials.csv.';
  } else if (has(/(^|\/)passwords\.csv$/i)) {
    advice = 'It looks like a Safari or Apple Passwords export: unzip it and import Passwords.csv.';
  } else if (has(/^\[Content_Types\]\.xml$/)) {
    advice = 'It looks like a spreadsheet: open it and save it as "CSV UTF-8" first.';
  }
  return new ImportError('unsupported', `${fileName} is a ZIP archive, not a password export. ${advice}`);
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
    throw new ImportError(
      'unsupported',
      `${fileName} does not have the layout of a 1Password export (no accounts). Export it again as .1pux.`,
    );
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
    const shown = /^\d{1,4}$/.test(category) ? category : 'unknown';
    const name = CATEGORY_NAMES[category] ?? `Item of category ${shown}`;
    return { skip: `${name}, not a login` };
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
    listOf(objectOf(section).fields).some((field) =>
      isTotpValue(textOf(objectOf(objectOf(field).value).totp)),
    ),
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
