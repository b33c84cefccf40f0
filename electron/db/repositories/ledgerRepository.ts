import type Database from 'better-sqlite3';
import type { LedgerEntry } from '../../../common/model/index';

/** The network ledger: every outbound request, with exactly what was sent. Append-only. */
export class LedgerRepository {
  private readonly insertOne;
  private readonly listRecent;

  constructor(db: Database.Database) {
    this.insertOne = db.prepare(
      `INSERT INTO network_ledger (at, method, url, purpose, sent, outcome) VALUES (@at, @method, @url, @purpose, @sent, @outcome)`,
    );
    this.listRecent = db.prepare<[number], LedgerEntry>(
      `SELECT id, at, method, url, purpose, sent, outcome FROM network_ledger ORDER BY id DESC LIMIT ?`,
    );
  }

  append(entry: Omit<LedgerEntry, 'id'>): void {
    this.insertOne.run(entry);
  }

  /** The newest entries first. */
  list(limit = 500): LedgerEntry[] {
    return this.listRecent.all(limit);
  }
}
