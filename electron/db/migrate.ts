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
 * Thrown (and the whole upgrade rolled back) when a step that edited a table's SQL left rows that
 * its new definition refuses, as `PRAGMA quick_check` reported them. Wordless like the rest of the
 * database layer: its message is the step, the table and SQLite's own report, for logs.
 */
export class SchemaEditCheckError extends Error {
  override readonly name = 'SchemaEditCheckError';
  constructor(
    readonly version: number,
    readonly table: string,
    /** SQLite's report, its first lines. */
    readonly problems: readonly string[],
  ) {
    super(`${version} ${table}: ${problems.join('; ')}`);
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
      if (step.editsTableSql) editTableSql(db, step);
      else db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
  })();
  return pending.map((m) => m.version);
}

/**
 * Runs a step that edits tables' SQL in `sqlite_schema`, by SQLite's documented procedure for
 * changes that leave the stored content as it is (lang_altertable.html#otheralter): with
 * `writable_schema` on for the step only, then the schema version moved on so that every
 * connection — this one too — reads the new definitions. better-sqlite3 opens connections in
 * SQLite's defensive mode, which refuses both; it is lifted for the step only (nothing else here
 * ever lifts it). Then every row of each edited table is checked against its new definition
 * (`PRAGMA quick_check`, which reads the whole schema first): SQL that does not parse, or a
 * constraint a stored row fails, throws, and the caller's transaction rolls back.
 */
function editTableSql(db: Database.Database, step: Migration): void {
  const tableSql = () =>
    new Map(
      db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table'`).raw().all() as [
        string,
        string,
      ][],
    );
  const before = tableSql();
  const schemaVersion = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true);
  try {
    db.pragma('writable_schema = ON');
    try {
      db.exec(step.sql);
    } finally {
      db.pragma('writable_schema = OFF');
    }
    db.pragma(`schema_version = ${schemaVersion + 1}`);
  } finally {
    db.unsafeMode(false);
  }
  for (const [table, sql] of tableSql()) {
    if (before.get(table) === sql) continue;
    const problems = db.pragma(`quick_check("${table.replaceAll('"', '""')}")`) as {
      quick_check: string;
    }[];
    if (problems.map((row) => row.quick_check).join() !== 'ok')
      throw new SchemaEditCheckError(
        step.version,
        table,
        problems.slice(0, 5).map((row) => row.quick_check),
      );
  }
}
