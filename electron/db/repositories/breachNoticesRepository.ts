import type Database from 'better-sqlite3';
import type { CheckNotice } from '../../../common/domain/checks/findings';
import type { BreachNotice } from '../../../common/model/index';

/** A breach notice as stored, with its person's name and address (the finding is the checks'). */
export type BreachNoticeRow = Omit<BreachNotice, 'findingId'>;

/** What a new notice is written with. */
export interface BreachNoticeValues {
  personId: number;
  incidentId: string | null;
  provider: string;
  domains: string[];
  receivedOn: string;
  exposed: string[];
  emailId: number | null;
  details: string;
}

interface Row {
  id: number;
  person_id: number;
  person_name: string;
  incident_id: string | null;
  provider: string;
  domains: string;
  received_on: string;
  exposed: string;
  email_id: number | null;
  email_address: string | null;
  details: string;
  handled_at: string | null;
  created_at: string;
}

// Notices of people in the trash are left out (they come back with an undo).
const SELECT = `
SELECT n.id, n.person_id, p.name AS person_name, n.incident_id, n.provider, n.domains, n.received_on, n.exposed,
       n.email_id, e.address AS email_address, n.details, n.handled_at, n.created_at
FROM breach_notices n
JOIN people p ON p.id = n.person_id AND p.deletion_token IS NULL
LEFT JOIN email_addresses e ON e.id = n.email_id AND e.deletion_token IS NULL`;

const toNotice = (row: Row): BreachNoticeRow => ({
  id: row.id,
  personId: row.person_id,
  personName: row.person_name,
  incidentId: row.incident_id,
  provider: row.provider,
  domains: JSON.parse(row.domains) as string[],
  receivedOn: row.received_on,
  exposed: JSON.parse(row.exposed) as string[],
  emailId: row.email_address === null ? null : row.email_id,
  emailAddress: row.email_address,
  details: row.details,
  handledAt: row.handled_at,
  createdAt: row.created_at,
});

/** Breach notices the people in this file received. */
export class BreachNoticesRepository {
  private readonly listAll;
  private readonly getOne;
  private readonly insertOne;
  private readonly deleteOne;
  private readonly handleOne;

  constructor(db: Database.Database) {
    this.listAll = db.prepare<[], Row>(`${SELECT} ORDER BY n.received_on DESC, n.id DESC`);
    this.getOne = db.prepare<[number], Row>(`${SELECT} WHERE n.id = ?`);
    this.insertOne = db.prepare(
      `INSERT INTO breach_notices (person_id, incident_id, provider, domains, received_on, exposed, email_id, details, created_at)
       VALUES (@personId, @incidentId, @provider, @domains, @receivedOn, @exposed, @emailId, @details, @now)`,
    );
    this.deleteOne = db.prepare<[number]>(`DELETE FROM breach_notices WHERE id = ?`);
    this.handleOne = db.prepare<[string, number]>(
      `UPDATE breach_notices SET handled_at = ? WHERE id = ? AND handled_at IS NULL`,
    );
  }

  list(): BreachNoticeRow[] {
    return this.listAll.all().map(toNotice);
  }

  get(id: number): BreachNoticeRow | undefined {
    const row = this.getOne.get(id);
    return row ? toNotice(row) : undefined;
  }

  insert(values: BreachNoticeValues, now: string): number {
    const result = this.insertOne.run({
      ...values,
      domains: JSON.stringify(values.domains),
      exposed: JSON.stringify(values.exposed),
      now,
    });
    return Number(result.lastInsertRowid);
  }

  delete(id: number): boolean {
    return this.deleteOne.run(id).changes > 0;
  }

  /** Marks a notice handled (a guide for it was finished); false when it already was. */
  markHandled(id: number, at: string): boolean {
    return this.handleOne.run(at, id).changes > 0;
  }

  /** The notices as the checks see them. */
  checkNotices(): CheckNotice[] {
    return this.list().map((n) => ({
      id: n.id,
      personId: n.personId,
      provider: n.provider,
      domains: n.domains,
      receivedOn: n.receivedOn,
      exposed: n.exposed,
      emailAddress: n.emailAddress,
      incidentId: n.incidentId,
      handledAt: n.handledAt,
      createdAt: n.createdAt,
    }));
  }
}
