import Papa from 'papaparse';

/**
 * Cells a spreadsheet would read as a formula (OWASP, "CSV Injection"): anything starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return. Such a cell is written with a leading `'`, which
 * Excel, LibreOffice and Google Sheets show as text. (Papa Parse's own default pattern stops at a
 * line break, so a cell like "=HYPERLINK(…)\nx" would slip through it; this one does not.)
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as written to a spreadsheet-safe CSV: text, with a formula neutralised. */
export function safeCell(value: string | number | boolean | null | undefined): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV that opens safely in a spreadsheet: a header row, then the rows; every text cell that
 * could be read as a formula is neutralised; CRLF line ends and, by default, a UTF-8 byte-order
 * mark so Excel reads the accents right.
 */
export function spreadsheetCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
  options: { bom?: boolean } = {},
): string {
  const body = Papa.unparse(
    { fields: header.map((h) => String(safeCell(h))), data: rows.map((row) => row.map(safeCell)) },
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return `${options.bom === false ? '' : '\uFEFF'}${body.replace(/\r\n$/, '')}\r\n`;
}
