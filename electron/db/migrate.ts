import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index';

/** The schema version this build of the app writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/**
 * Thrown when the file was written by a newer Lockstep: opening it could corrupt it. The database
 * layer has no words: where it reaches a person it is the `newer` data problem
 * (`describeDataProblem`, as a `DataFileError` or a `StorageFailure`); its own message is for logs.
 */
export class DatabaseFromFutureError extends Error {
  override readonly name = 'DatabaseFromFutureError';
  constructor(
    readonly found: number,
    readonly supported: number,
    /** The database file (better-sqlite3's name for it; `:memory:` for a database in memory). */
    readonly file: string,
  ) {
    super(`${file}: user_version ${found} > ${supported}`);
  }
}

/**
 * Brings the database to `target` (default: latest) under `PRAGMA user_version`, all steps in one
 * transaction: a failure leaves the file exactly as it was. Returns the versions applied.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
  target = migrations.at(-1)?.version ?? 0,
): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations.at(-1)?.version ?? 0;
  if (current > newest) throw new DatabaseFromFutureError(current, newest, db.name);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const step of pending) {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
  })();
  return pending.map((m) => m.version);
}
