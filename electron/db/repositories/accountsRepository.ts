import type Database from 'better-sqlite3';
import type { Account } from '../../../common/model/index';
import type { Category, Criticality, MfaMethod } from '../../../common/domain/inventory';
import type { ServiceUrlInfo } from '../../../common/domain/serviceUrl';

interface AccountRow {
  id: number;
  person_id: number;
  person_name: string;
  service: string;
  url: string;
  domain: string | null;
  url_kind: ServiceUrlInfo['kind'] | null;
  username: string;
  category: Category;
  criticality: Criticality;
  mfa: MfaMethod;
  password_changed_at: string | null;
  recovery_reviewed_at: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
  has_totp: number;
  source: 'manual' | 'import';
  strength: number | null;
}

/** The columns a write sets; derived values (domain, kind) are computed by the service. */
export interface AccountValues {
  personId: number;
  service: string;
  url: string;
  domain: string | null;
  urlKind: ServiceUrlInfo['kind'] | null;
  username: string;
  category: Category;
  criticality: Criticality;
  mfa: MfaMethod;
  passwordChangedAt: string | null;
  recoveryReviewedAt: string | null;
  notes: string;
}

/** An account as the task reconciliation needs it. */
export type AccountBrief = Pick<
  Account,
  'id' | 'personId' | 'service' | 'criticality' | 'domain' | 'urlKind'
>;

const SELECT = `SELECT a.id, a.person_id, p.name AS person_name, a.service, a.url, a.domain, a.url_kind,
  a.username, a.category, a.criticality, a.mfa, a.password_changed_at, a.recovery_reviewed_at,
  a.notes, a.created_at, a.updated_at, a.has_totp, a.source, s.strength
  FROM accounts a JOIN people p ON p.id = a.person_id
  LEFT JOIN password_signals s ON s.account_id = a.id`;

/**
 * What a listing of every account shows of each (the command line's `accounts`): half the columns
 * of an {@link Account}, so half the values to read for a whole office's accounts.
 */
export type AccountSummary = Pick<
  Account,
  | 'id'
  | 'personName'
  | 'service'
  | 'domain'
  | 'url'
  | 'username'
  | 'mfa'
  | 'hasTotp'
  | 'passwordStrength'
  | 'passwordChangedAt'
>;

type RawSummaryRow = [
  AccountRow['id'],
  AccountRow['person_name'],
  AccountRow['service'],
  AccountRow['domain'],
  AccountRow['url'],
  AccountRow['username'],
  AccountRow['mfa'],
  AccountRow['has_totp'],
  AccountRow['strength'],
  AccountRow['password_changed_at'],
];

/** An {@link AccountRow} as an array, in the order of SELECT's columns. */
type RawAccountRow = [
  AccountRow['id'],
  AccountRow['person_id'],
  AccountRow['person_name'],
  AccountRow['service'],
  AccountRow['url'],
  AccountRow['domain'],
  AccountRow['url_kind'],
  AccountRow['username'],
  AccountRow['category'],
  AccountRow['criticality'],
  AccountRow['mfa'],
  AccountRow['password_changed_at'],
  AccountRow['recovery_reviewed_at'],
  AccountRow['notes'],
  AccountRow['created_at'],
  AccountRow['updated_at'],
  AccountRow['has_totp'],
  AccountRow['source'],
  AccountRow['strength'],
];

const toAccountFromRaw = ([
  id,
  personId,
  personName,
  service,
  url,
  domain,
  urlKind,
  username,
  category,
  criticality,
  mfa,
  passwordChangedAt,
  recoveryReviewedAt,
  notes,
  createdAt,
  updatedAt,
  hasTotp,
  source,
  strength,
]: RawAccountRow): Account => ({
  id,
  personId,
  personName,
  service,
  url,
  domain,
  urlKind,
  username,
  category,
  criticality,
  mfa,
  passwordChangedAt,
  recoveryReviewedAt,
  notes,
  createdAt,
  updatedAt,
  hasTotp: hasTotp === 1,
  source,
  passwordStrength: strength,
});

const params = (values: AccountValues) => ({
  person_id: values.personId,
  service: values.service,
  url: values.url,
  domain: values.domain,
  url_kind: values.urlKind,
  username: values.username,
  category: values.category,
  criticality: values.criticality,
  mfa: values.mfa,
  password_changed_at: values.passwordChangedAt,
  recovery_reviewed_at: values.recoveryReviewedAt,
  notes: values.notes,
});

/** Accounts in the inventory. Rows with a deletion token are in the trash and invisible. */
export class AccountsRepository {
  private readonly listAll;
  private readonly listOfPeople;
  private readonly getOne;
  private readonly insertOne;
  private readonly updateOne;
  private readonly trashOne;
  private readonly listCriticality;
  private readonly listDotted;
  private readonly listBrief;
  private readonly markImport;
  private readonly listTeam;
  private readonly listSummary;

  constructor(db: Database.Database) {
    // The lists read rows as arrays: for a whole office's accounts, a third of the cost of objects.
    this.listAll = db
      .prepare<[], RawAccountRow>(
        `${SELECT} WHERE a.deletion_token IS NULL AND p.deletion_token IS NULL ORDER BY a.service COLLATE NOCASE, a.id`,
      )
      .raw(true);
    this.listSummary = db
      .prepare<[], RawSummaryRow>(
        `SELECT a.id, p.name, a.service, a.domain, a.url, a.username, a.mfa, a.has_totp, s.strength,
           a.password_changed_at
         FROM accounts a JOIN people p ON p.id = a.person_id
         LEFT JOIN password_signals s ON s.account_id = a.id
         WHERE a.deletion_token IS NULL AND p.deletion_token IS NULL ORDER BY a.service COLLATE NOCASE, a.id`,
      )
      .raw(true);
    this.listOfPeople = db
      .prepare<[string], RawAccountRow>(
        `${SELECT} WHERE a.person_id IN (SELECT value FROM json_each(?)) AND a.deletion_token IS NULL
         AND p.deletion_token IS NULL ORDER BY a.service COLLATE NOCASE, a.id`,
      )
      .raw(true);
    this.getOne = db
      .prepare<[number], RawAccountRow>(
        `${SELECT} WHERE a.id = ? AND a.deletion_token IS NULL AND p.deletion_token IS NULL`,
      )
      .raw(true);
    // Positional: an import inserts thousands, and binding by name costs a lookup per value.
    this.insertOne = db.prepare<
      [
        ...[number, string, string, string | null, string | null, string, string, string, string],
        ...[string | null, string | null, string, string, string, number, string],
      ]
    >(
      `INSERT INTO accounts (person_id, service, url, domain, url_kind, username, category, criticality,
         mfa, password_changed_at, recovery_reviewed_at, notes, created_at, updated_at, has_totp, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.markImport = db.prepare<[number, number]>(
      `UPDATE accounts SET has_totp = ?, source = 'import' WHERE id = ?`,
    );
    this.updateOne = db.prepare(
      `UPDATE accounts SET person_id = @person_id, service = @service, url = @url, domain = @domain,
         url_kind = @url_kind, username = @username, category = @category, criticality = @criticality,
         mfa = @mfa, password_changed_at = @password_changed_at,
         recovery_reviewed_at = @recovery_reviewed_at, notes = @notes, updated_at = @now
       WHERE id = @id AND deletion_token IS NULL`,
    );
    this.listBrief = db.prepare<
      [],
      {
        id: number;
        person_id: number;
        service: string;
        criticality: Criticality;
        domain: string | null;
        url_kind: AccountBrief['urlKind'];
      }
    >(
      `SELECT a.id, a.person_id, a.service, a.criticality, a.domain, a.url_kind FROM accounts a JOIN people p ON p.id = a.person_id
       WHERE a.deletion_token IS NULL AND p.deletion_token IS NULL`,
    );
    this.listDotted = db.prepare<[], { id: number; service: string }>(
      `SELECT id, service FROM accounts
       WHERE deletion_token IS NULL AND instr(service, '.') > 0 AND instr(service, ' ') = 0`,
    );
    this.listCriticality = db.prepare<[], { id: number; criticality: Criticality }>(
      `SELECT a.id, a.criticality FROM accounts a JOIN people p ON p.id = a.person_id
       WHERE a.deletion_token IS NULL AND p.deletion_token IS NULL`,
    );
    this.listTeam = db.prepare<
      [],
      {
        id: number;
        person_id: number;
        service: string;
        username: string;
        category: Category;
        criticality: Criticality;
        mfa: MfaMethod;
      }
    >(
      `SELECT a.id, a.person_id, a.service, a.username, a.category, a.criticality, a.mfa
       FROM accounts a JOIN people p ON p.id = a.person_id
       WHERE a.deletion_token IS NULL AND p.deletion_token IS NULL`,
    );
    this.trashOne = db.prepare<[string, number]>(
      `UPDATE accounts SET deletion_token = ? WHERE id = ? AND deletion_token IS NULL`,
    );
  }

  /** Every account of every person, by service name. */
  list(): Account[] {
    return (this.listAll.all() as unknown as RawAccountRow[]).map(toAccountFromRaw);
  }

  /** Every account of every person as a listing shows it ({@link AccountSummary}), in {@link list}'s order. */
  listSummaries(): AccountSummary[] {
    return (this.listSummary.all() as unknown as RawSummaryRow[]).map(
      ([id, personName, service, domain, url, username, mfa, hasTotp, strength, passwordChangedAt]) => ({
        id,
        personName,
        service,
        domain,
        url,
        username,
        mfa,
        hasTotp: hasTotp === 1,
        passwordStrength: strength,
        passwordChangedAt,
      }),
    );
  }

  /** The accounts of these people, by service name (as {@link list}; read through the person index). */
  listOf(personIds: Iterable<number>): Account[] {
    return (this.listOfPeople.all(JSON.stringify([...personIds])) as unknown as RawAccountRow[]).map(
      toAccountFromRaw,
    );
  }

  /** What the tasks need of every account (a light read: no joins beyond the person, no sorting). */
  brief(): AccountBrief[] {
    return this.listBrief.all().map((row) => ({
      id: row.id,
      personId: row.person_id,
      service: row.service,
      criticality: row.criticality,
      domain: row.domain,
      urlKind: row.url_kind,
    }));
  }

  /** What the team figures need of every account (a light read). */
  teamBrief(): Pick<
    Account,
    'id' | 'personId' | 'service' | 'username' | 'category' | 'criticality' | 'mfa'
  >[] {
    return this.listTeam.all().map((row) => ({
      id: row.id,
      personId: row.person_id,
      service: row.service,
      username: row.username,
      category: row.category,
      criticality: row.criticality,
      mfa: row.mfa,
    }));
  }

  /**
   * The accounts whose service name has a dot and no space (the shape of an app id or a host),
   * with that name: a cheap first pass for names that may need showing differently.
   */
  dottedServices(): { id: number; service: string }[] {
    return this.listDotted.all();
  }

  /** How critical each account is, by id (a light read for scoring). */
  criticalities(): Map<number, Criticality> {
    return new Map(this.listCriticality.all().map((row) => [row.id, row.criticality]));
  }

  /** One account, or undefined when missing or deleted. */
  get(id: number): Account | undefined {
    const row = this.getOne.get(id) as RawAccountRow | undefined;
    return row ? toAccountFromRaw(row) : undefined;
  }

  /** Adds an account; returns its id. */
  insert(
    values: AccountValues,
    now: string,
    origin: { hasTotp: boolean; source: 'manual' | 'import' } = { hasTotp: false, source: 'manual' },
  ): number {
    return Number(
      this.insertOne.run(
        values.personId,
        values.service,
        values.url,
        values.domain,
        values.urlKind,
        values.username,
        values.category,
        values.criticality,
        values.mfa,
        values.passwordChangedAt,
        values.recoveryReviewedAt,
        values.notes,
        now,
        now,
        origin.hasTotp ? 1 : 0,
        origin.source,
      ).lastInsertRowid,
    );
  }

  /** Records that an import saw this account, and whether the export carried a TOTP. */
  markImported(id: number, hasTotp: boolean): void {
    this.markImport.run(hasTotp ? 1 : 0, id);
  }

  /** Replaces an account's values; returns false when there is no such account. */
  update(id: number, values: AccountValues, now: string): boolean {
    return this.updateOne.run({ ...params(values), id, now }).changes > 0;
  }

  /** Moves accounts to the trash; returns how many moved. */
  trash(ids: readonly number[], token: string): number {
    let moved = 0;
    for (const id of ids) moved += this.trashOne.run(token, id).changes;
    return moved;
  }
}
