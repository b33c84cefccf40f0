import type Database from 'better-sqlite3';
import type { CheckEmail } from '../../../common/domain/checks/findings';

/** Breaches marked for each email address (by the person, or by the online check). */
export class EmailBreachesRepository {
  private readonly listAll;
  private readonly addOne;
  private readonly removeOne;

  constructor(db: Database.Database) {
    this.listAll = db.prepare<
      [],
      {
        id: number;
        person_id: number;
        address: string;
        breach_name: string | null;
        source: 'manual' | 'hibp' | null;
        added_at: string | null;
      }
    >(
      `SELECT e.id, e.person_id, e.address, b.breach_name, b.source, b.added_at
       FROM email_addresses e JOIN people p ON p.id = e.person_id
       LEFT JOIN email_breaches b ON b.email_id = e.id
       WHERE e.deletion_token IS NULL AND p.deletion_token IS NULL
       ORDER BY e.id, b.breach_name`,
    );
    this.addOne = db.prepare<[number, string, string, string]>(
      `INSERT INTO email_breaches (email_id, breach_name, source, added_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (email_id, breach_name) DO NOTHING`,
    );
    this.removeOne = db.prepare<[number, string]>(
      `DELETE FROM email_breaches WHERE email_id = ? AND breach_name = ?`,
    );
  }

  /** Every active email address with its marked breaches. */
  emails(): CheckEmail[] {
    const byId = new Map<number, CheckEmail>();
    for (const row of this.listAll.all()) {
      const email = byId.get(row.id) ?? {
        id: row.id,
        personId: row.person_id,
        address: row.address,
        marks: [],
      };
      if (row.breach_name && row.source && row.added_at) {
        email.marks.push({ breachName: row.breach_name, source: row.source, addedAt: row.added_at });
      }
      byId.set(row.id, email);
    }
    return [...byId.values()];
  }

  /** Marks a breach for an address; false when it was already marked. */
  mark(emailId: number, breachName: string, source: 'manual' | 'hibp', now: string): boolean {
    return this.addOne.run(emailId, breachName, source, now).changes > 0;
  }

  /** Removes a mark; false when there was none. */
  unmark(emailId: number, breachName: string): boolean {
    return this.removeOne.run(emailId, breachName).changes > 0;
  }
}
