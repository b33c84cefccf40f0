/**
 * Password-manager export parsers: bytes of an export file in, logins out. Pure and synchronous;
 * no Node, DOM or Electron API. The caller decides what to keep — entries carry the password so
 * signals can be derived from it in memory, but never a TOTP secret or notes.
 */
import { assertNotEncrypted, looksLikeBitwardenJson, readBitwardenJson } from './bitwardenJson';
import { detectCsv, isCsvFormat, readCsv } from './csvImport';
import { decodeExport, sniffContainer, type TextEncoding } from './decode';
import { ImportCollector } from './entries';
import { looksLikeEnpassJson, readEnpassJson } from './enpassJson';
import { IMPORT_FORMATS } from './formats';
import { ImportError, fileLabel } from './importError';
import { isObject } from './jsonValues';
import { looksLikeKasperskyTxt, readKasperskyTxt } from './kasperskyTxt';
import { readKeePassXml } from './keepassXml';
import { looksLikeKeeperJson, readKeeperJson } from './keeperJson';
import { inspectOnePux, looksLikeOnePuxData, openOnePux, readOnePuxData } from './onePux';
import { looksLikePsonoJson, readPsonoJson } from './psonoJson';
import { readStickyXml } from './stickyXml';
import { noLoginsError } from './summary';
import type { ColumnMapping, ImportFormat, ParsedExport } from './types';
import { parseXml, scanXml } from './xml';
import { format, format as formatMessage } from '../../messages/format';

export type {
  ColumnMapping,
  ImportErrorCode,
  ImportFormat,
  ImportedEntry,
  ParsedExport,
  SkippedRow,
} from './types';
export { ImportError } from './importError';
export { IMPORT_FORMATS } from './formats';
export { suggestMapping } from './mapping';
export { loginEmailAddresses } from './emails';

type Source = (
  | { kind: 'zip' }
  | { kind: 'json'; value: unknown }
  | { kind: 'xml'; text: string; rootName: string | null }
  | { kind: 'txt'; text: string }
  | { kind: 'csv'; text: string }
) & { encoding?: TextEncoding };

/** Said in the preview when a text export was not UTF-8: accented letters may read wrong. */

/**
 * Works out which format a file is in, from its content (never its name, which is only used in
 * messages). For CSV the whole header decides, whatever its order, case or quoting (Keeper's and
 * older Enpass's CSVs, which have no header, are recognised by the shape of their records);
 * `format: null` means a CSV whose columns match no known layout, so the user must map them.
 * `columns` is the header as seen ([] for JSON, XML, 1PUX, TXT and headerless CSV).
 * Throws {@link ImportError} for files that cannot be read at all (empty, binary, encrypted,
 * hostile, …).
 */
export function detectFormat(
  bytes: Uint8Array,
  fileName: string,
): { format: ImportFormat | null; columns: string[] } {
  const source = openSource(bytes, fileName);
  switch (source.kind) {
    case 'zip':
      // The archive's directory is enough to know it is a 1PUX; its data is read by parseExport.
      inspectOnePux(bytes, fileName);
      return { format: '1password-1pux', columns: [] };
    case 'json':
      return { format: jsonFormat(source.value, fileName), columns: [] };
    case 'xml':
      return { format: xmlFormat(source, fileName), columns: [] };
    case 'txt':
      return { format: 'kaspersky-txt', columns: [] };
    case 'csv':
      return detectCsv(source.text, fileName);
  }
}

/**
 * Reads every entry of an export. `options.format` overrides detection (for a CSV, its required
 * columns must still be present); `options.mapping` reads a CSV of any layout as `generic-csv`
 * (it is ignored when a fixed format is given). Rows that are not logins, have no password, or are
 * damaged are listed in `skipped` with the reason; `notices` says how the file was read where that
 * matters (rows shorter or longer than the header). Damage that affects the whole file throws
 * {@link ImportError}, whose message names the file — and so does a file with no login at all
 * (code `no_logins`): an import of nothing is never reported as a success.
 */
export function parseExport(
  bytes: Uint8Array,
  fileName: string,
  options: { format?: ImportFormat; mapping?: ColumnMapping } = {},
): ParsedExport {
  const source = openSource(bytes, fileName);
  const collector = new ImportCollector(fileName);
  if (source.encoding === 'windows-1252') collector.notice(format('import.notice.windows1252'));
  switch (source.kind) {
    case 'zip': {
      requireFormat(options.format, '1password-1pux', fileName);
      readOnePuxData(openOnePux(bytes, fileName), fileName, collector);
      return finish('1password-1pux', collector, [], fileName);
    }
    case 'json': {
      const format = jsonFormat(source.value, fileName);
      requireFormat(options.format, format, fileName);
      const value = source.value;
      if (format === '1password-1pux') readOnePuxData(value, fileName, collector);
      else if (!isObject(value)) throw unsupportedJson(value, fileName);
      else if (format === 'bitwarden-json') readBitwardenJson(value, collector);
      else if (format === 'enpass-json') readEnpassJson(value, collector);
      else if (format === 'psono-json') readPsonoJson(value, fileName, collector);
      else readKeeperJson(value, collector);
      return finish(format, collector, [], fileName);
    }
    case 'xml': {
      const format = xmlFormat(source, fileName);
      requireFormat(options.format, format, fileName);
      const root = parseXml(source.text, fileName);
      if (format === 'sticky-xml') readStickyXml(root, fileName, collector);
      else readKeePassXml(root, fileName, collector);
      return finish(format, collector, [], fileName);
    }
    case 'txt': {
      requireFormat(options.format, 'kaspersky-txt', fileName);
      readKasperskyTxt(source.text, collector);
      return finish('kaspersky-txt', collector, [], fileName);
    }
    case 'csv': {
      if (options.format !== undefined && !isCsvFormat(options.format)) {
        throw new ImportError(
          'unsupported',
          formatMessage('importFile.csvNotFormat', {
            file: fileLabel(fileName),
            format: IMPORT_FORMATS[options.format].label,
          }),
        );
      }
      const { format, columns } = readCsv(source.text, fileName, options, collector);
      return finish(format, collector, columns, fileName);
    }
  }
}

function openSource(bytes: Uint8Array, fileName: string): Source {
  if (sniffContainer(bytes, fileName) === 'zip') return { kind: 'zip' };
  const { text, encoding } = decodeExport(bytes, fileName);
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') return { kind: 'json', value: parseJson(text, fileName), encoding };
  if (first === '<') return { kind: 'xml', text, rootName: scanXml(text, fileName).rootName, encoding };
  if (looksLikeKasperskyTxt(text)) return { kind: 'txt', text, encoding };
  return { kind: 'csv', text, encoding };
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The engine's message can quote part of the file, so it is not passed on.
    throw new ImportError(
      'malformed',
      formatMessage('importFile.invalidJson', { file: fileLabel(fileName) }),
    );
  }
}

/** The JSON export a value is, judged by the shape of its items, never by top-level names alone. */
function jsonFormat(value: unknown, fileName: string): ImportFormat {
  if (looksLikeOnePuxData(value)) return '1password-1pux';
  if (looksLikeBitwardenJson(value)) {
    assertNotEncrypted(value, fileName);
    return 'bitwarden-json';
  }
  if (looksLikeEnpassJson(value)) return 'enpass-json';
  if (looksLikePsonoJson(value)) return 'psono-json';
  if (looksLikeKeeperJson(value)) return 'keeper-json';
  throw unsupportedJson(value, fileName);
}

function unsupportedJson(value: unknown, fileName: string): ImportError {
  let advice = 'other';
  if (Array.isArray(value)) {
    advice = 'list';
  } else if (isObject(value) && 'vaults' in value && ('userId' in value || 'version' in value)) {
    advice = 'proton';
  } else if (isObject(value) && (Array.isArray(value.items) || Array.isArray(value.folders))) {
    advice = 'items';
  }
  return new ImportError(
    'unsupported',
    formatMessage('importFile.unsupportedJson', { file: fileLabel(fileName), advice }),
  );
}

/** The XML export a text is, from its first element (already found by {@link scanXml}). */
function xmlFormat(source: { text: string; rootName: string | null }, fileName: string): ImportFormat {
  if (source.rootName === 'KeePassFile') return 'keepass-xml';
  if (source.rootName === 'root' && /<Database[\s/>]/.test(source.text.slice(0, 65_536))) return 'sticky-xml';
  throw new ImportError(
    'unsupported',
    formatMessage('importFile.unsupportedXml', { file: fileLabel(fileName) }),
  );
}

function requireFormat(requested: ImportFormat | undefined, actual: ImportFormat, fileName: string): void {
  if (requested === undefined || requested === actual) return;
  throw new ImportError(
    'unsupported',
    formatMessage('importFile.wrongFormat', {
      file: fileLabel(fileName),
      actual: IMPORT_FORMATS[actual].label,
      requested: IMPORT_FORMATS[requested].label,
    }),
  );
}

function finish(
  format: ImportFormat,
  collector: ImportCollector,
  columns: string[],
  fileName: string,
): ParsedExport {
  if (collector.entries.length === 0) throw noLoginsError(fileName, collector.skipped);
  return {
    format,
    entries: collector.entries,
    skipped: collector.skipped,
    columns,
    notices: collector.notices,
  };
}
