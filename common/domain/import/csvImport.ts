import {
  CSV_FORMATS,
  detectCsvFormat,
  headerMatches,
  isHeaderCsvFormat,
  type CsvFormatSpec,
  type CsvRow,
  type HeaderCsvFormat,
} from './csvFormats';
import { MAX_COLUMNS, readCsvStart, readCsvTable, type CsvRecord, type CsvTable } from './csvReader';
import { REASONS, maskOtpUris, type ImportCollector } from './entries';
import {
  detectHeaderlessCsv,
  isEnpassPseudoHeader,
  readEnpassRecord,
  readKeeperRecord,
  type HeaderlessCsvFormat,
} from './headerlessCsv';
import { IMPORT_FORMATS } from './formats';
import { ImportError, fileLabel, nameList } from './importError';
import { completeMapping, genericReader, suggestMapping, type CsvReader } from './mapping';
import type { ColumnMapping, ImportFormat } from './types';
import { format, format as formatMessage } from '../../messages/format';

/** Every CSV format, the user-mapped one included. */
export type CsvFormat = HeaderCsvFormat | HeaderlessCsvFormat | 'generic-csv';

/** Records read when detecting a format (the header plus this many). */
const DETECTION_RECORDS = 50;

/** How a CSV file is to be read. */
type CsvLayout =
  | { kind: 'header'; format: HeaderCsvFormat | 'generic-csv'; read: CsvReader; readsBeyondHeader: boolean }
  | { kind: 'headerless'; format: HeaderlessCsvFormat; hasPseudoHeader: boolean };

/** True for the formats read from CSV. */
export function isCsvFormat(format: ImportFormat): format is CsvFormat {
  return (
    format === 'generic-csv' ||
    format === 'keeper-csv' ||
    format === 'enpass-csv' ||
    isHeaderCsvFormat(format)
  );
}

/**
 * The CSV format of a text from its first records: a header the whole of which fits a known layout
 * best; else a layout without a header (Keeper, older Enpass) recognised by the records' shape;
 * else null (the user maps the columns). `columns` is the header as seen, [] for headerless layouts.
 */
export function detectCsv(text: string, fileName: string): { format: CsvFormat | null; columns: string[] } {
  const table = readCsvStart(text, fileName, DETECTION_RECORDS);
  assertSaneHeader(table.columns, fileName);
  const known = detectCsvFormat(table.columns);
  if (known !== null) return { format: known, columns: table.columns };
  const headerless = table.header ? detectHeaderlessCsv(table.header, table.records) : null;
  if (headerless !== null) return { format: headerless, columns: [] };
  return { format: null, columns: table.columns };
}

/** Refuses a "header" no export has: thousands of columns (a damaged or hostile file). */
function assertSaneHeader(columns: readonly string[], fileName: string): void {
  if (columns.length <= MAX_COLUMNS) return;
  throw new ImportError(
    'too_large',
    formatMessage('importFile.tooManyColumns', {
      file: fileLabel(fileName),
      count: columns.length,
      names: nameList(columns, 5),
    }),
    { columns },
  );
}

/**
 * Reads a CSV export. Rows shorter than the header are read with the missing fields empty; rows
 * longer than the header are read whole only by formats that put data there on purpose (RoboForm,
 * Zoho Vault's oldest layout) and otherwise skipped, since their values have probably shifted
 * (a comma in an unquoted value). Both are summed up in the collector's notices.
 */
export function readCsv(
  text: string,
  fileName: string,
  options: { format?: ImportFormat; mapping?: ColumnMapping },
  collector: ImportCollector,
): { format: CsvFormat; columns: string[] } {
  const table = readCsvTable(text, fileName);
  assertSaneHeader(table.columns, fileName);
  const layout = chooseLayout(table, fileName, options);
  if (layout.kind === 'headerless') {
    readHeaderless(table, layout, collector);
    return { format: layout.format, columns: [] };
  }
  const { columns, records } = table;
  if (records.length === 0) {
    throw new ImportError(
      'header_only',
      formatMessage('importFile.headerOnly', { file: fileLabel(fileName) }),
      {
        columns,
      },
    );
  }
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    const key = name.toLowerCase();
    if (!index.has(key)) index.set(key, i);
  });
  const width = columns.length;
  let shorter = 0;
  let longer = 0;
  for (const record of records) {
    const { fields } = record;
    if (record.hasStrayQuote) {
      collector.skip(record.row, REASONS.strayQuote);
      continue;
    }
    if (
      fields.length > width &&
      !layout.readsBeyondHeader &&
      fields.slice(width).some((f) => f.trim() !== '')
    ) {
      longer++;
      collector.skip(record.row, format('import.reason.shiftedRow', { fields: fields.length, width }));
      continue;
    }
    if (fields.length < width) shorter++;
    // Every cell is masked on the way to a reader, so none can return an otpauth secret.
    const at = (position: number | undefined): string =>
      position === undefined ? '' : maskOtpUris(fields[position] ?? '');
    const row: CsvRow = {
      get: (column) => at(index.get(column)),
      at,
      position: (column) => index.get(column) ?? -1,
      width: fields.length,
    };
    collector.add(record.row, layout.read(row));
  }
  if (shorter > 0) {
    collector.notice(format('import.notice.shorterRows', { count: shorter }));
  }
  if (longer > 0) {
    collector.notice(format('import.notice.longerRows', { count: longer }));
  }
  return { format: layout.format, columns };
}

function readHeaderless(
  table: CsvTable,
  layout: { format: HeaderlessCsvFormat; hasPseudoHeader: boolean },
  collector: ImportCollector,
): void {
  const records: CsvRecord[] =
    layout.hasPseudoHeader || !table.header ? table.records : [table.header, ...table.records];
  records.forEach((record, i) => {
    const row = i + 1;
    if (record.hasStrayQuote) {
      collector.skip(row, REASONS.strayQuote);
      return;
    }
    const fields = record.fields.map(maskOtpUris);
    collector.add(row, layout.format === 'keeper-csv' ? readKeeperRecord(fields) : readEnpassRecord(fields));
  });
}

function chooseLayout(
  table: CsvTable,
  fileName: string,
  options: { format?: ImportFormat; mapping?: ColumnMapping },
): CsvLayout {
  const { columns } = table;
  const { format, mapping } = options;
  const hasPseudoHeader = table.header !== null && isEnpassPseudoHeader(table.header.fields);
  if (format === 'generic-csv' || (format === undefined && mapping !== undefined)) {
    const chosen = mapping ?? completeMapping(suggestMapping(columns));
    if (!chosen) throw unknownColumns(columns, fileName);
    return {
      kind: 'header',
      format: 'generic-csv',
      read: genericReader(chosen, columns, fileName),
      readsBeyondHeader: false,
    };
  }
  if (format === 'keeper-csv') return { kind: 'headerless', format, hasPseudoHeader: false };
  if (format === 'enpass-csv') return { kind: 'headerless', format, hasPseudoHeader };
  if (format !== undefined) {
    if (!Object.hasOwn(CSV_FORMATS, format)) {
      throw new ImportError(
        'unsupported',
        formatMessage('importFile.csvNotFormat', {
          file: fileLabel(fileName),
          format: IMPORT_FORMATS[format].label,
        }),
        {
          columns,
        },
      );
    }
    const spec = CSV_FORMATS[format as HeaderCsvFormat];
    if (
      !headerMatches(
        spec,
        columns.map((name) => name.trim().toLowerCase()),
      )
    ) {
      throw missingColumns(spec, format as HeaderCsvFormat, columns, fileName);
    }
    return headerLayout(format as HeaderCsvFormat);
  }
  const detected = detectCsvFormat(columns);
  if (detected !== null) return headerLayout(detected);
  const headerless = table.header ? detectHeaderlessCsv(table.header, table.records) : null;
  if (headerless !== null) return { kind: 'headerless', format: headerless, hasPseudoHeader };
  if (table.records.length === 0) {
    throw new ImportError(
      'header_only',
      formatMessage('importFile.headerOnly', { file: fileLabel(fileName) }),
      {
        columns,
      },
    );
  }
  throw unknownColumns(columns, fileName);
}

function headerLayout(format: HeaderCsvFormat): CsvLayout {
  const spec: CsvFormatSpec = CSV_FORMATS[format];
  return {
    kind: 'header',
    format,
    read: (row) => spec.read(row),
    readsBeyondHeader: spec.readsBeyondHeader ?? false,
  };
}

function missingColumns(
  spec: CsvFormatSpec,
  format: HeaderCsvFormat,
  columns: readonly string[],
  fileName: string,
): ImportError {
  const present = new Set(columns.map((name) => name.trim().toLowerCase()));
  const missing = spec.required.filter((name) => !present.has(name));
  return new ImportError(
    'unknown_columns',
    formatMessage('importFile.missingColumns', {
      file: fileLabel(fileName),
      format: IMPORT_FORMATS[format].label,
      hasMissing: missing.length > 0 ? 'yes' : 'no',
      missing: missing.join(', '),
      names: nameList(columns),
    }),
    { columns },
  );
}

function unknownColumns(columns: readonly string[], fileName: string): ImportError {
  return new ImportError(
    'unknown_columns',
    formatMessage('importFile.unknownColumns', { file: fileLabel(fileName), names: nameList(columns) }),
    { columns },
  );
}
