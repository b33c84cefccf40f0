import type Database from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { describeDataProblem } from '../../common/domain/dataSafety/problems';
import type { BackupContents, DataProblemKind } from '../../common/model/dataSafety';
import type { DatabaseFromFutureError } from './migrate';
import { HistoryRepository } from './repositories/historyRepository';

/**
 * Telling a good Lockstep database from a bad one, cheaply enough to do at every start: the file's
 * header is read without SQLite (empty, not SQLite, cut short), then SQLite's own `quick_check`
 * runs on an open connection (`integrity_check` too when it fails, or when asked to be thorough),
 * and the schema says whether the file is Lockstep's and not from a newer version. Nothing here
 * writes.
 */

/** The tables every Lockstep database has had since its first version. */
const LOCKSTEP_TABLES = ['people', 'accounts', 'email_addresses'];
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** How many lines of SQLite's check are kept for the person (and a helper) to read. */
const DETAIL_LINES = 5;

/** A data file that cannot be used as it is; `kind` says why, the message what to do. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
  constructor(
    readonly kind: DataProblemKind,
    readonly file: string,
    readonly detail: string | null = null,
    readonly versions?: { found: number; supported: number },
  ) {
    const problem = describeDataProblem(kind, { file, detail, ...(versions ? { versions } : {}) });
    super(`${problem.message} ${problem.advice}`);
  }
}

/** A file from a newer Lockstep, met while migrating it, as the `newer` problem with its versions. */
export function newerDataFileError(error: DatabaseFromFutureError): DataFileError {
  return new DataFileError('newer', error.file, null, { found: error.found, supported: error.supported });
}

/** What the header of a file says, read without SQLite. */
export type HeaderCheck =
  | { status: 'missing' }
  | { status: 'ok'; bytes: number }
  | { status: 'problem'; kind: DataProblemKind; detail: string };

/**
 * Reads the first 100 bytes of `path` and its size: missing; empty (0 bytes); not a SQLite file
 * (another magic string, or too short for a header); cut short (the size is not a whole number of
 * pages, or — when no write-ahead log holds newer pages — smaller than the page count the header
 * vouches for); or plausible (SQLite's checks decide the rest).
 */
export function checkFileHeader(path: string): HeaderCheck {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { status: 'missing' };
    return { status: 'problem', kind: 'unreadable', detail: String((error as Error).message) };
  }
  if (size === 0) return { status: 'problem', kind: 'empty', detail: '0 bytes' };
  const header = Buffer.alloc(100);
  let read: number;
  try {
    const fd = openSync(path, 'r');
    try {
      read = readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { status: 'problem', kind: 'unreadable', detail: String((error as Error).message) };
  }
  if (read < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC))
    return { status: 'problem', kind: 'not_database', detail: 'no SQLite header' };
  if (read < 100)
    return { status: 'problem', kind: 'truncated', detail: `${size} bytes: shorter than a header` };
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
    return { status: 'problem', kind: 'not_database', detail: `page size ${rawPageSize}` };
  if (size % pageSize !== 0)
    return { status: 'problem', kind: 'truncated', detail: `${size} bytes: not a whole number of pages` };
  // The page count in the header is valid when the change counter matches "version valid for".
  const pages = header.readUInt32BE(28);
  const isCountValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  if (isCountValid && pages * pageSize > size && walBytes(path) === 0) {
    return {
      status: 'problem',
      kind: 'truncated',
      detail: `${size / pageSize} of ${pages} pages`,
    };
  }
  return { status: 'ok', bytes: size };
}

function walBytes(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/** What SQLite's checks and the schema say about an open database. */
export type DatabaseCheck =
  | { status: 'ok'; schemaVersion: number; isNew: boolean }
  | { status: 'problem'; kind: DataProblemKind; detail: string | null; schemaVersion?: number };

/**
 * Checks an open connection: `quick_check` (or `integrity_check` when `thorough`; when the quick
 * check fails, `integrity_check` gives the details), then whether the schema is Lockstep's and not
 * newer than `latestVersion`. A file with no tables and version 0 is new (`isNew`).
 */
export function checkDatabase(
  db: Database.Database,
  latestVersion: number,
  options: { thorough?: boolean } = {},
): DatabaseCheck {
  try {
    const quick = checkLines(db, options.thorough ? 'integrity_check' : 'quick_check');
    if (quick !== null) {
      const details = options.thorough ? quick : (checkLines(db, 'integrity_check') ?? quick);
      return { status: 'problem', kind: 'damaged', detail: details };
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const tables = new Set(
      (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map(
        (row) => row.name,
      ),
    );
    if (tables.size === 0 && version === 0) return { status: 'ok', schemaVersion: 0, isNew: true };
    if (!LOCKSTEP_TABLES.every((name) => tables.has(name)) || version === 0) {
      return {
        status: 'problem',
        kind: 'foreign',
        detail: `tables: ${[...tables].slice(0, 8).join(', ') || 'none'}`,
        schemaVersion: version,
      };
    }
    if (version > latestVersion)
      return { status: 'problem', kind: 'newer', detail: `schema ${version}`, schemaVersion: version };
    return { status: 'ok', schemaVersion: version, isNew: false };
  } catch (error) {
    const kind = storageProblemOf(error);
    if (!kind) throw error;
    return { status: 'problem', kind, detail: (error as Error).message };
  }
}

/** The first lines of a check's report, or null when it says "ok". */
function checkLines(db: Database.Database, pragma: 'quick_check' | 'integrity_check'): string | null {
  const rows = db.pragma(`${pragma}(${DETAIL_LINES})`) as Record<string, string>[];
  const lines = rows.flatMap((row) => String(Object.values(row)[0] ?? '').split('\n'));
  if (lines.length === 1 && lines[0] === 'ok') return null;
  return lines
    .filter((line) => !line.startsWith('*** in database'))
    .slice(0, DETAIL_LINES)
    .join('\n');
}

/**
 * The problem a storage error means for a person, or null for an error that is not about the file
 * or its surroundings (a bug, a constraint): another program's lock, a read-only folder or file, a
 * full disk, damage SQLite noticed while reading, or a file that is not a database.
 */
export function storageProblemOf(error: unknown): DataProblemKind | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_NOTADB') return 'not_database';
  if (code.startsWith('SQLITE_CORRUPT')) return 'damaged';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read_only';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM') return 'unreadable';
  return null;
}

/** Whether `table` exists in the database (and, when given, has `column`). */
function has(db: Database.Database, table: string, column?: string): boolean {
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  if (columns.length === 0) return false;
  return column === undefined || columns.some((c) => c.name === column);
}

const countOf = (db: Database.Database, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

/**
 * What a Lockstep database holds, read from the file: people and accounts (not in the trash), open
 * tasks, the history's length and whether its chain verifies. Works on every schema version.
 */
export function readContents(db: Database.Database): BackupContents {
  const live = (table: string) => (has(db, table, 'deletion_token') ? ' WHERE deletion_token IS NULL' : '');
  const hasHistory = has(db, 'history') && has(db, 'history_head');
  let historyVerifies: boolean | null = null;
  let lastChangeAt: string | null = null;
  if (hasHistory) {
    try {
      historyVerifies = new HistoryRepository(db).verify().ok;
    } catch {
      historyVerifies = false;
    }
    lastChangeAt = (db.prepare(`SELECT max(at) AS at FROM history`).get() as { at: string | null }).at;
  }
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    people: has(db, 'people') ? countOf(db, `SELECT count(*) AS n FROM people${live('people')}`) : 0,
    accounts: has(db, 'accounts') ? countOf(db, `SELECT count(*) AS n FROM accounts${live('accounts')}`) : 0,
    openTasks: has(db, 'tasks')
      ? countOf(db, `SELECT count(*) AS n FROM tasks WHERE status IN ('todo', 'in_progress', 'snoozed')`)
      : 0,
    historyEntries: hasHistory ? countOf(db, `SELECT count(*) AS n FROM history`) : 0,
    historyVerifies,
    lastChangeAt,
  };
}

/** Accounts in a Lockstep database (not in the trash): the quick figure a list of backups shows. */
export function countAccounts(db: Database.Database): number {
  return countOf(
    db,
    `SELECT count(*) AS n FROM accounts${has(db, 'accounts', 'deletion_token') ? ' WHERE deletion_token IS NULL' : ''}`,
  );
}
