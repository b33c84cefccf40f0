import type { ImportErrorCode } from './types';
import { format } from '../../messages/format';

/** Longest file name a message repeats in full; longer names are shortened in the middle. */
const MAX_FILE_NAME = 120;
/** Longest column name or cell text a message or `details.columns` entry quotes. */
const MAX_QUOTED = 60;
/** Most header names kept in `details.columns` (the mapping step needs no more). */
const MAX_DETAIL_COLUMNS = 200;

/**
 * A file that cannot be imported at all. `message` is written for the user and always names the
 * file; `details.row` points at the data row involved and `details.columns` lists the header seen
 * (at most 200 names, each shortened to 60 characters, so an error stays small whatever the file).
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly details: { row?: number; columns?: string[] };

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    details: { row?: number; columns?: readonly string[] } = {},
  ) {
    super(message);
    const { row, columns } = details;
    this.details = {
      ...(row === undefined ? {} : { row }),
      ...(columns === undefined
        ? {}
        : { columns: columns.slice(0, MAX_DETAIL_COLUMNS).map((name) => shorten(name, MAX_QUOTED)) }),
    };
  }
}

/** A file name as messages show it: whole unless absurdly long. */
export function fileLabel(fileName: string): string {
  if (fileName.length <= MAX_FILE_NAME) return fileName;
  const half = Math.floor((MAX_FILE_NAME - 1) / 2);
  return `${fileName.slice(0, half)}…${fileName.slice(-half)}`;
}

/** A name or cell text in double quotes, control characters removed and shortened to `max`. */
export function quoted(value: string, max = MAX_QUOTED): string {
  return `"${shorten(value, max)}"`;
}

/**
 * Names for a message: the first `shown` quoted (empty ones as "(unnamed)"), then "and N more",
 * e.g. `"id", "site" and 999,998 more`; "(none)" for an empty list.
 */
export function nameList(names: readonly string[], shown = 8): string {
  if (names.length === 0) return format('importFile.none');
  const parts = names
    .slice(0, shown)
    .map((name) => (name.trim() === '' ? format('importFile.unnamed') : quoted(name)));
  const more = names.length - parts.length;
  if (more <= 0) return parts.join(', ');
  return format('importFile.andMore', { names: parts.join(', '), more });
}

function shorten(value: string, max: number): string {
  // Replacing control characters keeps a message on one line and free of stray bytes.
  let clean = '';
  for (const char of value.slice(0, max + 1)) {
    const code = char.charCodeAt(0);
    clean += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? ' ' : char;
  }
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
