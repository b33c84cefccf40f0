import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index';

/** The schema version this build of the app writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Thrown when the file was written by a newer Lockstep: opening it could corrupt it. */
export class DatabaseFromFutureError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This data file was written by a newer version of Lockstep (schema ${found}; this version understands up to ${supported}). Update Lockstep to open it.`,
    );
    this.name = 'DatabaseFromFutureError';
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
  if (current > newest) throw new DatabaseFromFutureError(current, newest);
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
