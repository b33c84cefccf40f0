import type Database from 'better-sqlite3';
import type { EmailAddress, Person } from '../../../common/model/index';

interface PersonRow {
  id: number;
  name: string;
  is_default: number;
  group_name: string;
  role: string;
  created_at: string;
  account_count: number;
}
interface EmailRow {
  id: number;
  person_id: number;
  address: string;
  created_at: string;
}

const toEmail = (row: EmailRow): EmailAddress => ({
  id: row.id,
  personId: row.person_id,
  address: row.address,
  createdAt: row.created_at,
});

/** People and their email addresses. Rows with a deletion token are in the trash and invisible. */
export class PeopleRepository {
  private readonly listPeople;
  private readonly getPerson;
  private readonly listEmails;
  private readonly insertPerson;
  private readonly renamePerson;
  private readonly countPeople;
  private readonly trashPerson;
  private readonly trashPersonAccounts;
  private readonly trashPersonEmails;
  private readonly insertEmail;
  private readonly getEmail;
  private readonly findEmail;
  private readonly trashEmail;
  private readonly setProfileOne;
  private readonly listNames;

  constructor(db: Database.Database) {
    const accountCount = `(SELECT count(*) FROM accounts a WHERE a.person_id = p.id AND a.deletion_token IS NULL)`;
    this.listPeople = db.prepare<[], PersonRow>(
      `SELECT p.id, p.name, p.is_default, p.group_name, p.role, p.created_at, ${accountCount} AS account_count
       FROM people p WHERE p.deletion_token IS NULL ORDER BY p.is_default DESC, p.name COLLATE NOCASE, p.id`,
    );
    this.getPerson = db.prepare<[number], PersonRow>(
      `SELECT p.id, p.name, p.is_default, p.group_name, p.role, p.created_at, ${accountCount} AS account_count
       FROM people p WHERE p.id = ? AND p.deletion_token IS NULL`,
    );
    this.listEmails = db.prepare<[], EmailRow>(
      `SELECT id, person_id, address, created_at FROM email_addresses
       WHERE deletion_token IS NULL ORDER BY address COLLATE NOCASE, id`,
    );
    this.insertPerson = db.prepare<[string, number, string, string]>(
      `INSERT INTO people (name, is_default, created_at, updated_at) VALUES (?, ?, ?, ?)`,
    );
    this.renamePerson = db.prepare<[string, string, number]>(
      `UPDATE people SET name = ?, updated_at = ? WHERE id = ? AND deletion_token IS NULL`,
    );
    this.countPeople = db.prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM people WHERE deletion_token IS NULL`,
    );
    this.trashPerson = db.prepare<[string, number]>(
      `UPDATE people SET deletion_token = ? WHERE id = ? AND deletion_token IS NULL`,
    );
    this.trashPersonAccounts = db.prepare<[string, number]>(
      `UPDATE accounts SET deletion_token = ? WHERE person_id = ? AND deletion_token IS NULL`,
    );
    this.trashPersonEmails = db.prepare<[string, number]>(
      `UPDATE email_addresses SET deletion_token = ? WHERE person_id = ? AND deletion_token IS NULL`,
    );
    this.insertEmail = db.prepare<[number, string, string]>(
      `INSERT INTO email_addresses (person_id, address, created_at) VALUES (?, ?, ?)`,
    );
    this.getEmail = db.prepare<[number], EmailRow>(
      `SELECT id, person_id, address, created_at FROM email_addresses WHERE id = ? AND deletion_token IS NULL`,
    );
    this.findEmail = db.prepare<[number, string], EmailRow>(
      `SELECT id, person_id, address, created_at FROM email_addresses
       WHERE person_id = ? AND address = ? COLLATE NOCASE AND deletion_token IS NULL`,
    );
    this.setProfileOne = db.prepare<[string, string, string, number]>(
      `UPDATE people SET group_name = ?, role = ?, updated_at = ? WHERE id = ? AND deletion_token IS NULL`,
    );
    this.listNames = db.prepare<[], { id: number; name: string }>(
      `SELECT id, name FROM people WHERE deletion_token IS NULL`,
    );
    this.trashEmail = db.prepare<[string, number]>(
      `UPDATE email_addresses SET deletion_token = ? WHERE id = ? AND deletion_token IS NULL`,
    );
  }

  /** Everyone, the default person first, each with their email addresses and account count. */
  list(): Person[] {
    const emails = new Map<number, EmailAddress[]>();
    for (const row of this.listEmails.all()) {
      const list = emails.get(row.person_id) ?? [];
      list.push(toEmail(row));
      emails.set(row.person_id, list);
    }
    return this.listPeople.all().map((row) => this.toPerson(row, emails.get(row.id) ?? []));
  }

  /** One person, or undefined when missing or deleted. */
  get(id: number): Person | undefined {
    const row = this.getPerson.get(id);
    if (!row) return undefined;
    return this.toPerson(
      row,
      this.listEmails
        .all()
        .filter((e) => e.person_id === id)
        .map(toEmail),
    );
  }

  /** Adds a person; returns the new id. */
  create(name: string, now: string, isDefault = false): number {
    return Number(this.insertPerson.run(name, isDefault ? 1 : 0, now, now).lastInsertRowid);
  }

  /** Sets a person's group and role ('' for none); returns false when there is no such person. */
  setProfile(id: number, profile: { group: string; role: string }, now: string): boolean {
    return this.setProfileOne.run(profile.group, profile.role, now, id).changes > 0;
  }

  /** Everyone's name, by id (a light read for wording). */
  names(): Map<number, string> {
    return new Map(this.listNames.all().map((row) => [row.id, row.name]));
  }

  /** Renames a person; returns false when there is no such person. */
  rename(id: number, name: string, now: string): boolean {
    return this.renamePerson.run(name, now, id).changes > 0;
  }

  /** How many people are not in the trash. */
  count(): number {
    return this.countPeople.get()?.n ?? 0;
  }

  /** Moves a person with their accounts and addresses to the trash; returns the rows moved. */
  trash(id: number, token: string): number {
    const people = this.trashPerson.run(token, id).changes;
    if (people === 0) return 0;
    return (
      people + this.trashPersonAccounts.run(token, id).changes + this.trashPersonEmails.run(token, id).changes
    );
  }

  /** Adds an email address to a person; returns the new id. */
  addEmail(personId: number, address: string, now: string): number {
    return Number(this.insertEmail.run(personId, address, now).lastInsertRowid);
  }

  /** One email address, or undefined. */
  getEmailAddress(id: number): EmailAddress | undefined {
    const row = this.getEmail.get(id);
    return row ? toEmail(row) : undefined;
  }

  /** The person's address equal to `address` (case-insensitively), if any. */
  findEmailAddress(personId: number, address: string): EmailAddress | undefined {
    const row = this.findEmail.get(personId, address);
    return row ? toEmail(row) : undefined;
  }

  /** Moves an address to the trash; returns the rows moved. */
  trashEmailAddress(id: number, token: string): number {
    return this.trashEmail.run(token, id).changes;
  }

  private toPerson(row: PersonRow, emails: EmailAddress[]): Person {
    return {
      id: row.id,
      name: row.name,
      isDefault: row.is_default === 1,
      group: row.group_name,
      role: row.role,
      accountCount: row.account_count,
      emails,
      createdAt: row.created_at,
    };
  }
}
