import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrate';

/** The database file's name inside the user-data folder. */
export const DATABASE_FILE = 'lockstep.sqlite';

/**
 * Opens (creating if needed) the Lockstep database in `dataDir`, with the file and its WAL/SHM
 * companions readable by the owner only, and migrates it to the latest schema.
 */
export function openDatabase(dataDir: string): Database.Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, DATABASE_FILE);
  // Create the file with 0600 before SQLite does, so it is never readable by others; SQLite gives
  // its -wal and -shm companions the main file's permissions.
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
