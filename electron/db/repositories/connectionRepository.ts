import type Database from 'better-sqlite3';

/** Facts about the connection itself rather than a table. */
export class ConnectionRepository {
  private readonly version;

  constructor(db: Database.Database) {
    this.version = db.prepare<[], { data_version: number }>('PRAGMA data_version');
  }

  /**
   * SQLite's `data_version`: on a connection that never writes (the read connection), it changes
   * whenever another connection — the write path, or another Lockstep — has committed a change since
   * it was last asked. Views computed from the data can be kept until it changes.
   */
  dataVersion(): number {
    return this.version.get()!.data_version;
  }
}
