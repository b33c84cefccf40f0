import { MAX_ITEMS, tooManyItems } from './entries';
import { ImportError } from './importError';
import { format } from '../../messages/format';

/*
 * A small RFC 4180 reader rather than papaparse: @types/papaparse starts with
 * `/// <reference types="node" />`, which would pull Node's globals into common/ (whose tsconfig
 * exists to keep them out) and clash with the ambient URL/TextDecoder declarations. Owning the loop
 * also gives exact positions for "the quote that opens in row 3 (line 4)" messages.
 */

/** One data record of a CSV file. */
export interface CsvRecord {
  /** 1-based data-record number: the header is not counted, neither are blank lines. */
  row: number;
  /** 1-based physical line the record starts on (for messages). */
  line: number;
  /** Field values with quoting removed. */
  fields: string[];
  /** A closing quote was followed by text other than a delimiter or line end (`"ab"cd`). */
  hasStrayQuote: boolean;
  /** Every field of the record was written in quotes (Keeper quotes every field). */
  isAllQuoted: boolean;
}

/** A CSV file split into its header and data records. */
export interface CsvTable {
  /** Header names, trimmed, as written (case kept). */
  columns: string[];
  /**
   * The first record as read, numbered 0, or null for an empty file. Layouts without a header
   * row (Keeper) read it as data.
   */
  header: CsvRecord | null;
  records: CsvRecord[];
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * A first row wider than this is no export's header (the widest, NordPass, has 24 columns; a Keeper
 * row has 7 plus two per custom field). Such a file's records are not read: the caller refuses it.
 */
export const MAX_COLUMNS = 1000;

/** The delimiters a password-manager CSV is written with, in order of preference on a tie. */
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * Reads a whole CSV file. The delimiter (`,`, `;` or tab) is the one that occurs most often outside
 * quotes in the header line. Throws `malformed` when a quoted value is never closed, naming the row
 * and line where the quote opened. When the first row has more than {@link MAX_COLUMNS} fields, no
 * further record is read.
 */
export function readCsvTable(text: string, fileName: string): CsvTable {
  return read(text, fileName, Infinity);
}

/** Reads the header and at most `maxRecords` data records (cheap, for format detection). */
export function readCsvStart(text: string, fileName: string, maxRecords: number): CsvTable {
  return read(text, fileName, maxRecords);
}

function read(text: string, fileName: string, maxRecords: number): CsvTable {
  // One line-ending convention for the loop below. Inside quoted values this turns CRLF into LF,
  // which no field Lockstep keeps (title, URL, user name, password) can meaningfully contain.
  const normalized = text.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(normalized);
  const reader = new RecordReader(normalized, delimiter.charCodeAt(0), fileName);
  const header = reader.next();
  const columns = (header?.fields ?? []).map((name) => name.replace(/^\uFEFF/, '').trim());
  const records: CsvRecord[] = [];
  if (columns.length > MAX_COLUMNS) return { columns, header, records };
  while (records.length < maxRecords) {
    const record = reader.next();
    if (!record) break;
    // Stop reading at once rather than build a huge table only to refuse it.
    if (records.length >= MAX_ITEMS) throw tooManyItems(fileName);
    records.push(record);
  }
  return { columns, header, records };
}

/** Characters of the first line examined for the delimiter (a real header is far shorter). */
const DELIMITER_SAMPLE = 65_536;

/** Counts candidate delimiters outside quotes in the first line and picks the most frequent. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let isQuoted = false;
  const end = Math.min(text.length, DELIMITER_SAMPLE);
  for (let i = 0; i < end; i++) {
    const char = text[i] ?? '';
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted) {
      if (char === '\n') break;
      const count = counts.get(char);
      if (count !== undefined) counts.set(char, count + 1);
    }
  }
  let best: string = DELIMITERS[0];
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

class RecordReader {
  private pos = 0;
  private line = 1;
  /** Records returned so far, header included: the next data record's number. */
  private count = 0;
  /**
   * The next delimiter and line end at or after `pos` (text.length when none), found with the
   * engine's `indexOf` and searched again only once passed, so reading stays linear and fast even
   * for a field megabytes long.
   */
  private nextDelimiter = -1;
  private nextNewline = -1;

  constructor(
    private readonly text: string,
    private readonly delimiter: number,
    private readonly fileName: string,
  ) {}

  /** The next non-blank record, or null at the end of the text. */
  next(): CsvRecord | null {
    const { text } = this;
    while (this.pos < text.length) {
      const line = this.line;
      const fields: string[] = [];
      let hasStrayQuote = false;
      let isAllQuoted = true;
      for (;;) {
        if (text.charCodeAt(this.pos) === QUOTE) {
          const field = this.readQuoted();
          if (field.isStray) hasStrayQuote = true;
          fields.push(field.value);
        } else {
          isAllQuoted = false;
          fields.push(this.readUnquoted());
        }
        if (this.pos >= text.length) break;
        const char = text.charCodeAt(this.pos);
        this.pos++;
        if (char === NEWLINE) {
          this.line++;
          break;
        }
        // Otherwise it was the delimiter; a delimiter at the very end leaves one empty field.
        if (this.pos >= text.length) {
          isAllQuoted = false;
          fields.push('');
          break;
        }
      }
      if (fields.length === 1 && (fields[0] ?? '').trim() === '') continue; // a blank line
      const row = this.count;
      this.count++;
      return { row, line, fields, hasStrayQuote, isAllQuoted };
    }
    return null;
  }

  private readUnquoted(): string {
    const { text } = this;
    const start = this.pos;
    if (this.nextDelimiter < start)
      this.nextDelimiter = this.find(String.fromCharCode(this.delimiter), start);
    if (this.nextNewline < start) this.nextNewline = this.find('\n', start);
    const end = Math.min(this.nextDelimiter, this.nextNewline);
    this.pos = end;
    return text.slice(start, end);
  }

  private find(char: string, from: number): number {
    const at = this.text.indexOf(char, from);
    return at === -1 ? this.text.length : at;
  }

  private readQuoted(): { value: string; isStray: boolean } {
    const { text, delimiter } = this;
    const openLine = this.line;
    let value = '';
    let from = this.pos + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote === -1) throw this.unterminated(openLine);
      value += text.slice(from, quote);
      if (text.charCodeAt(quote + 1) === QUOTE) {
        value += '"';
        from = quote + 2;
        continue;
      }
      this.pos = quote + 1;
      break;
    }
    this.line += countNewlines(value);
    // Spaces between a closing quote and the delimiter are tolerated; other text is not valid CSV.
    // It is kept (as most readers do) and the record is flagged so the caller can refuse it.
    let after = this.pos;
    while (after < text.length) {
      const char = text.charCodeAt(after);
      if ((char !== SPACE && char !== TAB) || char === delimiter) break;
      after++;
    }
    const next = text.charCodeAt(after);
    if (after < text.length && next !== delimiter && next !== NEWLINE) {
      const afterQuote = this.pos;
      this.readUnquoted();
      return { value: value + text.slice(afterQuote, this.pos), isStray: true };
    }
    this.pos = after;
    return { value, isStray: false };
  }

  private unterminated(openLine: number): ImportError {
    return new ImportError(
      'malformed',
      format('importFile.unterminated', {
        file: this.fileName,
        inHeader: this.count === 0 ? 'yes' : 'no',
        row: String(this.count),
        line: String(openLine),
      }),
      this.count === 0 ? {} : { row: this.count },
    );
  }
}

function countNewlines(value: string): number {
  let count = 0;
  let index = value.indexOf('\n');
  while (index !== -1) {
    count++;
    index = value.indexOf('\n', index + 1);
  }
  return count;
}
