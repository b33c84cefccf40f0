import type Database from 'better-sqlite3';

/** Small JSON settings by key. Validation of the values belongs to the service. */
export class SettingsRepository {
  private readonly getOne;
  private readonly putOne;

  constructor(db: Database.Database) {
    this.getOne = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`);
    this.putOne = db.prepare<[string, string]>(
      `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  }

  /** The parsed JSON value, or undefined when unset. */
  get(key: string): unknown {
    const row = this.getOne.get(key);
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  put(key: string, value: unknown): void {
    this.putOne.run(key, JSON.stringify(value));
  }
}
