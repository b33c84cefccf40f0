import type Database from 'better-sqlite3';
import { hash } from 'node:crypto';
import {
  chainHash,
  GENESIS_HASH,
  verifyChain,
  type ChainedEntry,
  type ChainHead,
  type ChainVerification,
  type HistoryEntry,
  type HistorySubjectType,
} from '../../../common/domain/history/chain';

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits. */
export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** Which rows {@link HistoryRepository.list} returns: all, one subject type, or one subject. */
export type HistoryFilter = { limit?: number } & (
  { subjectType?: undefined; subjectId?: undefined } | { subjectType: HistorySubjectType; subjectId?: number }
);

// Aliased to the entry's field names so a row is a ChainedEntry as read.
const COLUMNS = `seq, at, actor, subject_type AS subjectType, subject_id AS subjectId, action,
  from_value AS "from", to_value AS "to", note, prev_hash AS prevHash, hash`;

/**
 * SQLite stores text as UTF-8, so a lone UTF-16 surrogate (half an emoji, e.g. from a cut paste)
 * comes back as U+FFFD. Hashing what will be read back keeps an honest row from looking edited.
 */
const LONE_SURROGATE = /\p{Cs}/u;
const wellFormed = (text: string): string =>
  LONE_SURROGATE.test(text) ? text.replace(/\p{Cs}/gu, '\uFFFD') : text;
const wellFormedOrNull = (text: string | null): string | null => (text === null ? null : wellFormed(text));

/**
 * The history of changes as a hash chain (`common/domain/history/chain.ts`), append-only. Each row
 * and the head anchor (`history_head`) are written in one transaction. A new row chains from the
 * head, not from whatever the last row is now: if rows were removed behind the app's back, the next
 * append keeps that visible instead of papering over it.
 */
export class HistoryRepository {
  private readonly selectHead;
  private readonly selectLastSeq;
  private readonly insertOne;
  private readonly writeHead;
  private readonly listAll;
  private readonly listByType;
  private readonly listBySubject;
  private readonly iterateInOrder;
  private readonly verifyInTransaction;
  /** Prepared at first use: they read tables a history at an older schema (tests) does not have. */
  private ownedStatements: {
    lastByPerson: Database.Statement<[], { personId: number; at: string }>;
    listForPeople: Database.Statement<[{ people: string; limit: number }], ChainedEntry>;
  } | null = null;
  private readonly prepareOwned: () => NonNullable<HistoryRepository['ownedStatements']>;

  constructor(db: Database.Database) {
    this.selectHead = db.prepare<[], ChainHead>(`SELECT count, hash FROM history_head WHERE id = 1`);
    this.selectLastSeq = db.prepare<[], { seq: number }>(`SELECT coalesce(max(seq), 0) AS seq FROM history`);
    // Positional: binding an import's tens of thousands of rows by name costs a lookup per value.
    this.insertOne = db.prepare<
      [number, string, string, string, number, string, string | null, string | null, string, string, string]
    >(
      `INSERT INTO history (seq, at, actor, subject_type, subject_id, action, from_value, to_value, note, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.writeHead = db.prepare<[ChainHead]>(
      `INSERT INTO history_head (id, count, hash) VALUES (1, @count, @hash)
       ON CONFLICT (id) DO UPDATE SET count = excluded.count, hash = excluded.hash`,
    );
    this.listAll = db.prepare<[{ limit: number }], ChainedEntry>(
      `SELECT ${COLUMNS} FROM history ORDER BY seq DESC LIMIT @limit`,
    );
    this.listByType = db.prepare<[{ subjectType: string; limit: number }], ChainedEntry>(
      `SELECT ${COLUMNS} FROM history WHERE subject_type = @subjectType ORDER BY seq DESC LIMIT @limit`,
    );
    this.listBySubject = db.prepare<
      [{ subjectType: string; subjectId: number; limit: number }],
      ChainedEntry
    >(
      `SELECT ${COLUMNS} FROM history WHERE subject_type = @subjectType AND subject_id = @subjectId
       ORDER BY seq DESC LIMIT @limit`,
    );
    this.iterateInOrder = db.prepare<[], ChainedEntry>(`SELECT ${COLUMNS} FROM history ORDER BY seq`);

    // Whose each row is about: the person, or the owner of the account, address, task or guide run.
    const owned = `
      SELECT h.seq, h.subject_id AS person_id FROM history h WHERE h.subject_type = 'person'
      UNION ALL SELECT h.seq, a.person_id FROM history h JOIN accounts a ON h.subject_type = 'account' AND a.id = h.subject_id
      UNION ALL SELECT h.seq, e.person_id FROM history h JOIN email_addresses e ON h.subject_type = 'email' AND e.id = h.subject_id
      UNION ALL SELECT h.seq, coalesce(a.person_id, t.owner_person_id) FROM history h
        JOIN tasks t ON h.subject_type = 'task' AND t.id = h.subject_id LEFT JOIN accounts a ON a.id = t.account_id
      UNION ALL SELECT h.seq, g.person_id FROM history h JOIN guide_runs g ON h.subject_type = 'guide_run' AND g.id = h.subject_id
      UNION ALL SELECT h.seq, n.person_id FROM history h JOIN breach_notices n ON h.subject_type = 'notice' AND n.id = h.subject_id`;
    this.prepareOwned = () => ({
      lastByPerson: db.prepare<[], { personId: number; at: string }>(
        `SELECT o.person_id AS personId, max(h.at) AS at FROM (${owned}) o JOIN history h ON h.seq = o.seq
         WHERE o.person_id IS NOT NULL GROUP BY o.person_id`,
      ),
      listForPeople: db.prepare<[{ people: string; limit: number }], ChainedEntry>(
        `SELECT ${COLUMNS} FROM history WHERE seq IN (
           SELECT o.seq FROM (${owned}) o WHERE o.person_id IN (SELECT value FROM json_each(@people)))
         ORDER BY seq DESC LIMIT @limit`,
      ),
    });

    // One read transaction, so the head and the rows are the same snapshot even while another
    // connection appends.
    this.verifyInTransaction = db.transaction((): ChainVerification => {
      const head = this.selectHead.get() ?? { count: 0, hash: GENESIS_HASH };
      return verifyChain(this.iterateInOrder.iterate(), sha256Hex, head);
    });
  }

  /**
   * Records changes, in order: gives each the next sequence number, chains it from the head and
   * moves the head once at the end. Call it inside the write path's transaction, so the rows, the
   * head and the change they describe commit (or roll back) together. Returns the rows as stored.
   */
  appendMany(entries: readonly Omit<HistoryEntry, 'seq'>[]): ChainedEntry[] {
    if (entries.length === 0) return [];
    const head = this.selectHead.get() ?? { count: 0, hash: GENESIS_HASH };
    let seq = Math.max(head.count, this.selectLastSeq.get()?.seq ?? 0);
    let prevHash = head.hash;
    const stored: ChainedEntry[] = [];
    for (const entry of entries) {
      seq += 1;
      const record: ChainedEntry = {
        seq,
        at: wellFormed(entry.at),
        actor: wellFormed(entry.actor),
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        action: wellFormed(entry.action),
        from: wellFormedOrNull(entry.from),
        to: wellFormedOrNull(entry.to),
        note: wellFormed(entry.note),
        prevHash,
        hash: '',
      };
      record.hash = chainHash(prevHash, record, sha256Hex);
      this.insertOne.run(
        record.seq,
        record.at,
        record.actor,
        record.subjectType,
        record.subjectId,
        record.action,
        record.from,
        record.to,
        record.note,
        record.prevHash,
        record.hash,
      );
      stored.push(record);
      prevHash = record.hash;
    }
    this.writeHead.run({ count: seq, hash: prevHash });
    return stored;
  }

  /** Records one change (see {@link appendMany}). */
  append(entry: Omit<HistoryEntry, 'seq'>): ChainedEntry {
    return this.appendMany([entry])[0]!;
  }

  /** Rows newest first: all of them, one subject type's, or one subject's; at most `limit`. */
  list(filter: HistoryFilter = {}): ChainedEntry[] {
    const limit = filter.limit ?? -1;
    if (filter.subjectType === undefined) return this.listAll.all({ limit });
    if (filter.subjectId === undefined)
      return this.listByType.all({ subjectType: filter.subjectType, limit });
    return this.listBySubject.all({ subjectType: filter.subjectType, subjectId: filter.subjectId, limit });
  }

  /** The chain's anchored head: how many rows, and the last one's hash. */
  head(): ChainHead {
    return this.selectHead.get() ?? { count: 0, hash: GENESIS_HASH };
  }

  /** The last change recorded about each person (their accounts, addresses, tasks, guide runs, notices). */
  lastActivity(): Map<number, string> {
    this.ownedStatements ??= this.prepareOwned();
    return new Map(this.ownedStatements.lastByPerson.all().map((row) => [row.personId, row.at]));
  }

  /** Rows about these people (see {@link lastActivity}), newest first; at most `limit`. */
  listForPeople(personIds: readonly number[], limit = -1): ChainedEntry[] {
    this.ownedStatements ??= this.prepareOwned();
    return this.ownedStatements.listForPeople.all({ people: JSON.stringify(personIds), limit });
  }

  /**
   * Verifies the whole chain, streamed in sequence order, against the head anchor. Detects any edit,
   * removal, reordering or insertion made without recomputing the hashes; see `chain.ts` for what it
   * cannot detect.
   */
  verify(): ChainVerification {
    return this.verifyInTransaction();
  }
}
