import Database from 'better-sqlite3';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BackupContents, DataProblemKind } from '../../common/model/dataSafety';
import { BUSY_TIMEOUT_MS, syncFile, type ReadableDb, type WritableDb } from './connection';
import { checkDatabase, checkFileHeader, countAccounts, readContents, type DatabaseCheck } from './dataFile';
import { LATEST_SCHEMA_VERSION, migrate } from './migrate';

/**
 * The database side of backups and restores: copies taken with SQLite's online backup (or, where it
 * must be synchronous, a serialized image), checked in full, stored as self-contained files (rollback
 * journal, no `-wal`), and opened for inspection without touching them.
 */

/**
 * A fresh copy that failed its full check (`kind`, and SQLite's own `detail`): nothing is kept.
 * The database layer has no words: the backup service says what this means to a person.
 */
export class BackupCopyCheckError extends Error {
  override readonly name = 'BackupCopyCheckError';
  constructor(
    readonly kind: DataProblemKind,
    readonly detail: string | null,
  ) {
    super(detail === null ? kind : `${kind}: ${detail}`);
  }
}

/** What a check of a backup file found. */
export type BackupFileCheck =
  | { status: 'ok'; schemaVersion: number; contents: BackupContents | null; accounts: number }
  | Extract<DatabaseCheck, { status: 'problem' }>;

/** Whether a file's header says its database uses a write-ahead log (bytes 18 and 19 are 2). */
function isWalFile(path: string): boolean {
  const header = Buffer.alloc(20);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 20, 0);
  } finally {
    closeSync(fd);
  }
  return header[18] === 2 || header[19] === 2;
}

/**
 * Opens `path` read-only without changing anything beside it: a file in write-ahead-log mode would
 * need a `-shm` index created next to it, so such a file (one not made by Lockstep's backups) is
 * copied to a private temporary folder and the copy is read.
 */
export function openForInspection(path: string): { db: ReadableDb; close(): void } {
  if (!isWalFile(path)) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    return { db: db as ReadableDb, close: () => db.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-inspect-'));
  try {
    const copy = join(dir, basename(path));
    copyFileSync(path, copy);
    const db = new Database(copy, { readonly: true, fileMustExist: true });
    return {
      db: db as ReadableDb,
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

/**
 * Checks a backup file: its header, then SQLite's `quick_check` (`integrity_check` when
 * `thorough`), that it is a Lockstep database this version can open, and what it holds (in full
 * when `thorough`: the history chain is verified; otherwise the account count only).
 */
export function checkBackupFile(path: string, options: { thorough?: boolean } = {}): BackupFileCheck {
  const header = checkFileHeader(path);
  if (header.status === 'missing')
    return { status: 'problem', kind: 'unreadable', detail: 'the file is missing' };
  if (header.status === 'problem') return { status: 'problem', kind: header.kind, detail: header.detail };
  let opened: { db: ReadableDb; close(): void };
  try {
    opened = openForInspection(path);
  } catch (error) {
    return { status: 'problem', kind: 'not_database', detail: (error as Error).message };
  }
  try {
    const check = checkDatabase(opened.db, LATEST_SCHEMA_VERSION, options);
    if (check.status === 'problem') return check;
    if (check.isNew)
      return { status: 'problem', kind: 'foreign', detail: 'an empty database', schemaVersion: 0 };
    const contents = options.thorough ? readContents(opened.db) : null;
    return {
      status: 'ok',
      schemaVersion: check.schemaVersion,
      contents,
      accounts: contents?.accounts ?? countAccounts(opened.db),
    };
  } finally {
    opened.close();
  }
}

/**
 * Takes a consistent copy of `source` into `partial` with SQLite's online backup (in one step, so a
 * write from another connection cannot make it start over), then {@link sealBackupCopy}.
 */
export async function backUpDatabase(source: ReadableDb, partial: string): Promise<BackupContents> {
  await source.backup(partial, { progress: () => 0x7fffffff });
  return sealBackupCopy(partial);
}

/**
 * Writes the serialized image of `source` (what it sees, write-ahead log included) to `partial`,
 * synchronously — for the copy taken just before a migration, where nothing may run in between —
 * then {@link sealBackupCopy}.
 */
export function serializeDatabase(source: Database.Database, partial: string): BackupContents {
  const image = source.serialize();
  const fd = openSync(partial, 'wx', 0o600);
  try {
    let offset = 0;
    while (offset < image.byteLength) offset += writeSync(fd, image, offset);
  } finally {
    closeSync(fd);
  }
  return sealBackupCopy(partial);
}

/**
 * Makes a fresh copy a self-contained backup: rollback-journal mode (no `-wal` or `-shm` beside
 * it), `integrity_check` passed, mode 0600, fsynced. Throws {@link BackupCopyCheckError} when the
 * copy is not sound (the caller deletes it). Returns what it holds.
 */
export function sealBackupCopy(partial: string): BackupContents {
  const db = new Database(partial, { fileMustExist: true });
  let contents: BackupContents;
  try {
    db.pragma('journal_mode = DELETE');
    const check = checkDatabase(db, LATEST_SCHEMA_VERSION, { thorough: true });
    if (check.status === 'problem') {
      throw new BackupCopyCheckError(check.kind, check.detail);
    }
    contents = readContents(db);
  } finally {
    db.close();
  }
  if (process.platform !== 'win32') chmodSync(partial, 0o600);
  syncFile(partial);
  return contents;
}

/**
 * Opens the copy of a backup that is about to replace the data file, for writing: write-ahead-log
 * mode as the data file uses, the usual pragmas, and migrated to this version's schema. The caller
 * records the restore through the write path, then closes it (which folds the log into the file).
 */
export function openRestoredCopy(path: string): WritableDb {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db as WritableDb;
}

/**
 * Folds the write-ahead log of the data file into it and reports whether the file now stands alone
 * (no other connection, from this process or another, keeps a log open): the condition for
 * replacing it. Opens and closes its own connection.
 */
export function settleDataFile(path: string): boolean {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result && result.busy !== 0) return false;
  } finally {
    db.close();
  }
  return true;
}

/** fsync `path` (re-exported for the services that move backup files). */
export { syncFile };

/** Writes `bytes` to a new file (0600), fsynced. */
export function writeNewFile(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    let offset = 0;
    while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (process.platform !== 'win32') chmodSync(path, 0o600);
}
