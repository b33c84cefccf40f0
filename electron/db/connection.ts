import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DataFileError } from './dataFile';
import { LATEST_SCHEMA_VERSION, migrate } from './migrate';

/** The database file's name inside the user-data folder. */
export const DATABASE_FILE = 'lockstep.sqlite';

declare const readable: unique symbol;
declare const writable: unique symbol;

/**
 * A connection that can only read (opened read-only): code holding one cannot change the data.
 * A {@link WritableDb} is also readable.
 */
export type ReadableDb = Database.Database & { readonly [readable]: true };
/** The one connection that writes, used only inside the write path's transactions. */
export type WritableDb = ReadableDb & { readonly [writable]: true };

/** How long a connection waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

/** What opening the writable connection may do besides opening it. */
export interface WritableOptions {
  /**
   * Called with the open connection just before an existing database (not a new one) is migrated
   * to a newer schema, so a copy can be taken first; if it throws, nothing is migrated.
   */
  beforeMigrate?: (db: Database.Database) => void;
}

/**
 * Opens (creating if needed) the Lockstep database in `dataDir` for writing, with the file and its
 * WAL/SHM companions readable by the owner only, and migrates it to the latest schema. A new
 * database starts with its first person ("Me"), in the same transaction as the schema, and appears
 * only once complete: it is built beside under a temporary name and linked into place, so a crash
 * never leaves a half-made (or zero-length) data file. An existing zero-length file is refused
 * ({@link DataFileError}): it is data that was lost, not a new database.
 */
export function openWritableDatabase(
  dataDir: string,
  defaultPersonName = 'Me',
  options: WritableOptions = {},
): WritableDb {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, DATABASE_FILE);
  if (!existsSync(path)) createDatabaseFile(path, defaultPersonName);
  else if (statSync(path).size === 0) throw new DataFileError('empty', path, '0 bytes');
  chmodSync(path, 0o600);
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if ((db.pragma('user_version', { simple: true }) as number) < LATEST_SCHEMA_VERSION) {
      if ((db.pragma('user_version', { simple: true }) as number) > 0) options.beforeMigrate?.(db);
      db.transaction(() => {
        migrate(db);
        seedFirstPerson(db, defaultPersonName);
      }).immediate();
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db as WritableDb;
}

function seedFirstPerson(db: Database.Database, name: string): void {
  const { n } = db.prepare('SELECT count(*) AS n FROM people').get() as { n: number };
  if (n > 0) return;
  const now = new Date().toISOString();
  db.prepare(`INSERT INTO people (name, is_default, created_at, updated_at) VALUES (?, 1, ?, ?)`).run(
    name,
    now,
    now,
  );
}

/**
 * Builds a new database under a temporary name (mode 0600, rollback journal, schema and first
 * person in one transaction), fsyncs it, then hard-links it into place — which fails harmlessly if
 * another process created the file first (theirs is used) — or renames it where there are no hard
 * links. Either way `path` never exists half-made.
 */
function createDatabaseFile(path: string, defaultPersonName: string): void {
  const temp = `${path}.new-${randomBytes(6).toString('hex')}`;
  closeSync(openSync(temp, 'wx', 0o600));
  try {
    chmodSync(temp, 0o600);
    const db = new Database(temp);
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.transaction(() => {
        migrate(db);
        seedFirstPerson(db, defaultPersonName);
      }).immediate();
    } finally {
      db.close();
    }
    syncFile(temp);
    // A log left without its database (a file set aside half-way) must not be replayed into the new
    // one: it is kept aside, never deleted. The shared-memory index is only a cache.
    if (!existsSync(path)) {
      if (existsSync(`${path}-wal`)) renameSync(`${path}-wal`, `${path}.orphaned-${Date.now()}-wal`);
      rmSync(`${path}-shm`, { force: true });
    }
    try {
      linkSync(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
        if (!existsSync(path)) renameSync(temp, path);
      }
    }
    syncFile(dirname(path));
  } finally {
    rmSync(temp, { force: true });
  }
}

/** fsync a file (or a folder: some file systems refuse, and the file itself was synced). */
export function syncFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Backwards-compatible name: the writable connection (tests and tools that set up data). */
export const openDatabase = openWritableDatabase;

/** A read-only connection, and what to do when it is no longer needed. */
export interface ReadConnection {
  db: ReadableDb;
  /** True when it reads a copy (the folder could not be read in place; see below). */
  isSnapshot: boolean;
  close(): void;
}

/** SQLite's page cache for the read connection, in KiB (the default is 2,000). */
const READ_CACHE_KIB = 32_000;

/**
 * Opens the database for reading only: nothing it does can change the data, and it works while
 * another process holds the write lock (WAL readers never wait for writers).
 *
 * A WAL database needs its `-shm` index to be readable or creatable; in a folder that cannot be
 * written (and after an unclean close left no `-shm`), SQLite cannot open it in place, and this
 * build of better-sqlite3 does not take URI filenames (`immutable=1`). Then the file and its WAL
 * are copied to a private temporary folder and the copy is read: the reader sees the last
 * committed state, and the original folder is never touched.
 */
export function openReadableDatabase(dataDir: string): ReadConnection {
  const path = join(dataDir, DATABASE_FILE);
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      // Screens and commands read whole lists (an office's 5,000 accounts and their signals): room for
      // them in SQLite's own cache (memory is taken only as pages are read).
      db.pragma(`cache_size = -${READ_CACHE_KIB}`);
      // Reading the schema version touches the WAL index: it fails here, not in the middle of a query.
      db.pragma('user_version', { simple: true });
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (error) {
      db.close();
      throw error;
    }
    return { db: db as ReadableDb, isSnapshot: false, close: () => db.close() };
  } catch (error) {
    if (!isUnopenableInPlace(error)) throw error;
    return openSnapshot(path);
  }
}

function isUnopenableInPlace(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_CANTOPEN') ||
      code.startsWith('SQLITE_READONLY') ||
      code === 'SQLITE_IOERR_SHMOPEN' ||
      code === 'SQLITE_IOERR_SHMSIZE')
  );
}

function openSnapshot(path: string): ReadConnection {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-read-'));
  const copy = join(dir, DATABASE_FILE);
  try {
    copyFileSync(path, copy);
    chmodSync(copy, 0o600);
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return {
      db: db as ReadableDb,
      isSnapshot: true,
      close: () => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
