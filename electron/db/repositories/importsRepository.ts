import type Database from 'better-sqlite3';

/** One finished import, for the record (no content of the file). */
export interface ImportRecord {
  personId: number;
  fileName: string;
  format: string;
  entries: number;
  created: number;
  updated: number;
  skipped: number;
  importedAt: string;
}

/** The history of imports. */
export class ImportsRepository {
  private readonly insertOne;

  constructor(db: Database.Database) {
    this.insertOne = db.prepare(
      `INSERT INTO imports (person_id, file_name, format, entries, created, updated, skipped, imported_at)
       VALUES (@personId, @fileName, @format, @entries, @created, @updated, @skipped, @importedAt)`,
    );
  }

  /** Records an import; returns its id. */
  add(record: ImportRecord): number {
    return Number(this.insertOne.run(record).lastInsertRowid);
  }
}
