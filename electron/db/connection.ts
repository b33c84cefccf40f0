import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * Opens (creating if needed) the Lockstep database in `dataDir` for writing, with the file and its
 * WAL/SHM companions readable by the owner only, and migrates it to the latest schema. A new
 * database starts with its first person ("Me"), in the same transaction as the schema.
 */
export function openWritableDatabase(dataDir: string, defaultPersonName = 'Me'): WritableDb {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, DATABASE_FILE);
  // Create the file with 0600 before SQLite does, so it is never readable by others; SQLite gives
  // its -wal and -shm companions the main file's permissions.
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    if ((db.pragma('user_version', { simple: true }) as number) < LATEST_SCHEMA_VERSION) {
      db.transaction(() => {
        migrate(db);
        const { n } = db.prepare('SELECT count(*) AS n FROM people').get() as { n: number };
        if (n === 0) {
          const now = new Date().toISOString();
          db.prepare(`INSERT INTO people (name, is_default, created_at, updated_at) VALUES (?, 1, ?, ?)`).run(
            defaultPersonName,
            now,
            now,
          );
        }
      }).immediate();
    }
  } catch (error) {
    db.close();
    throw error;
  }
  return db as WritableDb;
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
