import type Database from 'better-sqlite3';

const TABLES = ['people', 'email_addresses', 'accounts'] as const;

/** Rows deleted with an undo window. A deletion token groups the rows one action removed. */
export class TrashRepository {
  private readonly restoreStatements;
  private readonly purgeStatements;
  private readonly countStatement;

  constructor(db: Database.Database) {
    this.restoreStatements = TABLES.map((table) =>
      db.prepare<[string]>(`UPDATE ${table} SET deletion_token = NULL WHERE deletion_token = ?`),
    );
    this.countStatement = db.prepare<[string, string, string], { n: number }>(
      TABLES.map((table) => `SELECT count(*) AS n FROM ${table} WHERE deletion_token = ?`).join(
        ' UNION ALL ',
      ),
    );
    // Children first is not needed (ON DELETE CASCADE), but it keeps the counts honest.
    this.purgeStatements = [...TABLES]
      .reverse()
      .map((table) => db.prepare(`DELETE FROM ${table} WHERE deletion_token IS NOT NULL`));
  }

  /** How many rows are in the trash under `token` (0 once restored or purged). */
  countOf(token: string): number {
    return this.countStatement.all(token, token, token).reduce((sum, row) => sum + row.n, 0);
  }

  /** Brings back every row deleted under `token`; returns how many came back. */
  restore(token: string): number {
    return this.restoreStatements.reduce((sum, statement) => sum + statement.run(token).changes, 0);
  }

  /** Deletes for good everything in the trash (the undo window ends when the app closes). */
  purge(): number {
    return this.purgeStatements.reduce((sum, statement) => sum + statement.run().changes, 0);
  }
}
