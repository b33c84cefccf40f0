import type Database from 'better-sqlite3';
import type { CheckMailHit, CheckMailRotation } from '../../../common/domain/checks/mailSecrets';

/** Where a mailbox scan stands. */
export type MailScanRowStatus = 'running' | 'paused' | 'finished' | 'failed';

/** A mailbox scan as stored: its summary (never a secret, a message or the file's full path). */
export interface MailScanRow {
  id: number;
  personId: number;
  personName: string;
  /** The last segment of the path the person picked ("All mail Including Spam and Trash.mbox"). */
  sourceName: string;
  sourceKind: 'file' | 'folder';
  status: MailScanRowStatus;
  messages: number;
  bytes: number;
  bytesTotal: number;
  undecodableCount: number;
  undecodable: { where: string; why: string }[];
  attachmentsNotRead: Record<string, number>;
  kinds: string[];
  findingsNotListed: number;
  /** Why it failed, in words (no secret, no content). */
  problem: string | null;
  /** A checkpoint to resume from is kept. */
  hasCheckpoint: boolean;
  /** Secrets it found (once finished). */
  hits: number;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** What a new scan is written with. */
export interface NewMailScan {
  personId: number;
  sourceName: string;
  sourceKind: 'file' | 'folder';
  kinds: readonly string[];
}

/** A change to a scan's summary (absent fields stay as they are). */
export interface MailScanChange {
  status?: MailScanRowStatus;
  messages?: number;
  bytes?: number;
  bytesTotal?: number;
  undecodableCount?: number;
  undecodable?: readonly { where: string; why: string }[];
  attachmentsNotRead?: Record<string, number>;
  kinds?: readonly string[];
  findingsNotListed?: number;
  /** JSON-safe checkpoint (free of secrets), or null to drop it. */
  checkpoint?: unknown;
  problem?: string | null;
  finishedAt?: string | null;
}

/** One secret a scan found, as stored: a keyed fingerprint and facts, never the secret. */
export interface MailHitValues {
  kind: string;
  fingerprint: string;
  hint: string;
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  folders: readonly string[];
  correspondentDomains: readonly string[];
  messageIdHashes: readonly string[];
  service: string | null;
  /** Accounts whose password it was when the scan finished (password kinds only). */
  accountIds: readonly number[];
}

interface ScanRow {
  id: number;
  person_id: number;
  person_name: string;
  source_name: string;
  source_kind: 'file' | 'folder';
  status: MailScanRowStatus;
  messages: number;
  bytes: number;
  bytes_total: number;
  undecodable_count: number;
  undecodable: string;
  attachments_not_read: string;
  kinds: string;
  findings_not_listed: number;
  problem: string | null;
  has_checkpoint: number;
  hits: number;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

interface HitRow {
  scan_id: number;
  person_id: number;
  kind: string;
  fingerprint: string;
  hint: string;
  count: number;
  first_seen: string | null;
  last_seen: string | null;
  folders: string;
  correspondent_domains: string;
  message_id_hashes: string;
  service: string | null;
  account_ids: string;
}

// Scans of people in the trash are left out (they come back with an undo).
const SELECT_SCANS = `
SELECT s.id, s.person_id, p.name AS person_name, s.source_name, s.source_kind, s.status, s.messages, s.bytes,
       s.bytes_total, s.undecodable_count, s.undecodable, s.attachments_not_read, s.kinds, s.findings_not_listed,
       s.problem, s.checkpoint IS NOT NULL AS has_checkpoint,
       (SELECT count(*) FROM mail_hits h WHERE h.scan_id = s.id) AS hits,
       s.started_at, s.updated_at, s.finished_at
FROM mail_scans s
JOIN people p ON p.id = s.person_id AND p.deletion_token IS NULL`;

const toScan = (row: ScanRow): MailScanRow => ({
  id: row.id,
  personId: row.person_id,
  personName: row.person_name,
  sourceName: row.source_name,
  sourceKind: row.source_kind,
  status: row.status,
  messages: row.messages,
  bytes: row.bytes,
  bytesTotal: row.bytes_total,
  undecodableCount: row.undecodable_count,
  undecodable: JSON.parse(row.undecodable) as MailScanRow['undecodable'],
  attachmentsNotRead: JSON.parse(row.attachments_not_read) as Record<string, number>,
  kinds: JSON.parse(row.kinds) as string[],
  findingsNotListed: row.findings_not_listed,
  problem: row.problem,
  hasCheckpoint: row.has_checkpoint === 1,
  hits: row.hits,
  startedAt: row.started_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
});

/** Mailbox scans, what they found, and the secrets the person says were replaced. */
export class MailScansRepository {
  private readonly listAll;
  private readonly getOne;
  private readonly checkpointOf;
  private readonly insertOne;
  private readonly insertHit;
  private readonly hitsOfFinished;
  private readonly hitsOf;
  private readonly purgeEarlier;
  private readonly deleteOne;
  private readonly rotationsAll;
  private readonly markRotation;
  private readonly updateOne;

  constructor(db: Database.Database) {
    this.listAll = db.prepare<[], ScanRow>(`${SELECT_SCANS} ORDER BY s.started_at DESC, s.id DESC`);
    this.getOne = db.prepare<[number], ScanRow>(`${SELECT_SCANS} WHERE s.id = ?`);
    this.checkpointOf = db.prepare<[number], { checkpoint: string | null }>(
      `SELECT checkpoint FROM mail_scans WHERE id = ?`,
    );
    this.insertOne = db.prepare(
      `INSERT INTO mail_scans (person_id, source_name, source_kind, status, kinds, started_at, updated_at)
       VALUES (@personId, @sourceName, @sourceKind, 'running', @kinds, @now, @now)`,
    );
    this.insertHit = db.prepare(
      `INSERT INTO mail_hits (scan_id, kind, fingerprint, hint, count, first_seen, last_seen, folders,
         correspondent_domains, message_id_hashes, service, account_ids)
       VALUES (@scanId, @kind, @fingerprint, @hint, @count, @firstSeen, @lastSeen, @folders,
         @correspondentDomains, @messageIdHashes, @service, @accountIds)`,
    );
    const hitColumns = `h.scan_id, s.person_id, h.kind, h.fingerprint, h.hint, h.count, h.first_seen, h.last_seen,
       h.folders, h.correspondent_domains, h.message_id_hashes, h.service, h.account_ids`;
    this.hitsOfFinished = db.prepare<[], HitRow>(
      `SELECT ${hitColumns}
       FROM mail_hits h
       JOIN mail_scans s ON s.id = h.scan_id AND s.status = 'finished'
       JOIN people p ON p.id = s.person_id AND p.deletion_token IS NULL
       ORDER BY h.id`,
    );
    this.hitsOf = db.prepare<[number], HitRow>(
      `SELECT ${hitColumns} FROM mail_hits h JOIN mail_scans s ON s.id = h.scan_id WHERE h.scan_id = ? ORDER BY h.id`,
    );
    this.purgeEarlier = db.prepare<[number, string, number]>(
      `DELETE FROM mail_hits WHERE scan_id IN (
         SELECT id FROM mail_scans WHERE person_id = ? AND source_name = ? AND id <> ?)`,
    );
    this.deleteOne = db.prepare<[number]>(`DELETE FROM mail_scans WHERE id = ?`);
    // One statement for every change: a field left out (null parameter) keeps its value; the
    // nullable ones say with a flag whether they change.
    this.updateOne = db.prepare(
      `UPDATE mail_scans SET
         status = coalesce(@status, status),
         messages = coalesce(@messages, messages),
         bytes = coalesce(@bytes, bytes),
         bytes_total = coalesce(@bytesTotal, bytes_total),
         undecodable_count = coalesce(@undecodableCount, undecodable_count),
         undecodable = coalesce(@undecodable, undecodable),
         attachments_not_read = coalesce(@attachmentsNotRead, attachments_not_read),
         kinds = coalesce(@kinds, kinds),
         findings_not_listed = coalesce(@findingsNotListed, findings_not_listed),
         checkpoint = CASE WHEN @setCheckpoint THEN @checkpoint ELSE checkpoint END,
         problem = CASE WHEN @setProblem THEN @problem ELSE problem END,
         finished_at = CASE WHEN @setFinishedAt THEN @finishedAt ELSE finished_at END,
         updated_at = @now
       WHERE id = @id`,
    );
    this.rotationsAll = db.prepare<[], { kind: string; fingerprint: string; rotated_on: string }>(
      `SELECT kind, fingerprint, rotated_on FROM mail_secret_rotations ORDER BY kind, fingerprint`,
    );
    this.markRotation = db.prepare<[string, string, string, string]>(
      `INSERT INTO mail_secret_rotations (kind, fingerprint, rotated_on, recorded_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, fingerprint) DO UPDATE SET rotated_on = excluded.rotated_on, recorded_at = excluded.recorded_at
       WHERE excluded.rotated_on > rotated_on`,
    );
  }

  /** Every scan, newest first. */
  list(): MailScanRow[] {
    return this.listAll.all().map(toScan);
  }

  get(id: number): MailScanRow | undefined {
    const row = this.getOne.get(id);
    return row ? toScan(row) : undefined;
  }

  /** The checkpoint kept to resume a scan (plain JSON, free of secrets), or null. */
  checkpoint(id: number): unknown {
    const text = this.checkpointOf.get(id)?.checkpoint ?? null;
    return text === null ? null : (JSON.parse(text) as unknown);
  }

  /** Starts a scan (status `running`); returns its id. */
  insert(scan: NewMailScan, now: string): number {
    return Number(
      this.insertOne.run({
        personId: scan.personId,
        sourceName: scan.sourceName.slice(0, 255),
        sourceKind: scan.sourceKind,
        kinds: JSON.stringify(scan.kinds),
        now,
      }).lastInsertRowid,
    );
  }

  /** Changes a scan's status, summary or checkpoint (absent fields stay as they are). */
  update(id: number, change: MailScanChange, now: string): void {
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    this.updateOne.run({
      id,
      now,
      status: change.status ?? null,
      messages: change.messages ?? null,
      bytes: change.bytes ?? null,
      bytesTotal: change.bytesTotal ?? null,
      undecodableCount: change.undecodableCount ?? null,
      undecodable: json(change.undecodable),
      attachmentsNotRead: json(change.attachmentsNotRead),
      kinds: json(change.kinds),
      findingsNotListed: change.findingsNotListed ?? null,
      setCheckpoint: change.checkpoint === undefined ? 0 : 1,
      checkpoint:
        change.checkpoint === undefined || change.checkpoint === null ? null : json(change.checkpoint),
      setProblem: change.problem === undefined ? 0 : 1,
      problem: change.problem ?? null,
      setFinishedAt: change.finishedAt === undefined ? 0 : 1,
      finishedAt: change.finishedAt ?? null,
    });
  }

  /** Stores what a scan found. */
  put(scanId: number, hits: readonly MailHitValues[]): void {
    for (const hit of hits) {
      this.insertHit.run({
        scanId,
        kind: hit.kind,
        fingerprint: hit.fingerprint,
        hint: hit.hint.slice(0, 200),
        count: hit.count,
        firstSeen: hit.firstSeen,
        lastSeen: hit.lastSeen,
        folders: JSON.stringify(hit.folders),
        correspondentDomains: JSON.stringify(hit.correspondentDomains),
        messageIdHashes: JSON.stringify(hit.messageIdHashes),
        service: hit.service,
        accountIds: JSON.stringify(hit.accountIds),
      });
    }
  }

  /** What one scan found, as stored. */
  hits(scanId: number): (MailHitValues & { personId: number })[] {
    return this.hitsOf.all(scanId).map((row) => ({
      ...toHit(row),
      messageIdHashes: JSON.parse(row.message_id_hashes) as string[],
    }));
  }

  /**
   * Forgets what earlier scans of the same mailbox (same person, same name) found: a new scan of it
   * replaces them, so nothing is counted twice. Their summaries stay.
   */
  purge(personId: number, sourceName: string, keepScanId: number): void {
    this.purgeEarlier.run(personId, sourceName, keepScanId);
  }

  /** Forgets a scan and what it found. */
  delete(id: number): boolean {
    return this.deleteOne.run(id).changes > 0;
  }

  /** What the finished scans found, as the checks read it. */
  checkHits(): CheckMailHit[] {
    return this.hitsOfFinished.all().map(toHit);
  }

  /** The secrets the person says were replaced. */
  rotations(): CheckMailRotation[] {
    return this.rotationsAll
      .all()
      .map((row) => ({ kind: row.kind, fingerprint: row.fingerprint, rotatedOn: row.rotated_on }));
  }

  /** Records that a secret was replaced on `rotatedOn` (a later date wins over an earlier one). */
  mark(kind: string, fingerprint: string, rotatedOn: string, now: string): void {
    this.markRotation.run(kind, fingerprint, rotatedOn, now);
  }
}

function toHit(row: HitRow): CheckMailHit {
  return {
    scanId: row.scan_id,
    personId: row.person_id,
    kind: row.kind,
    fingerprint: row.fingerprint,
    hint: row.hint,
    count: row.count,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    folders: JSON.parse(row.folders) as string[],
    correspondentDomains: JSON.parse(row.correspondent_domains) as string[],
    service: row.service,
    accountIds: JSON.parse(row.account_ids) as number[],
  };
}
