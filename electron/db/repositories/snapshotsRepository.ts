import type Database from 'better-sqlite3';

/** A day's exposure score. */
export interface Snapshot {
  day: string;
  score: number;
  openFindings: number;
  fixedFindings: number;
}

/** Daily score snapshots (the latest run of the day wins). */
export class SnapshotsRepository {
  private readonly upsertOne;
  private readonly listRecent;

  constructor(db: Database.Database) {
    this.upsertOne = db.prepare(
      `INSERT INTO score_snapshots (day, score, open_findings, fixed_findings) VALUES (@day, @score, @openFindings, @fixedFindings)
       ON CONFLICT (day) DO UPDATE SET score = excluded.score, open_findings = excluded.open_findings,
         fixed_findings = excluded.fixed_findings`,
    );
    this.listRecent = db.prepare<
      [number],
      { day: string; score: number; open_findings: number; fixed_findings: number }
    >(`SELECT day, score, open_findings, fixed_findings FROM score_snapshots ORDER BY day DESC LIMIT ?`);
  }

  put(snapshot: Snapshot): void {
    this.upsertOne.run(snapshot);
  }

  /** The last `days` snapshots, oldest first. */
  recent(days: number): Snapshot[] {
    return this.listRecent
      .all(days)
      .reverse()
      .map((row) => ({
        day: row.day,
        score: row.score,
        openFindings: row.open_findings,
        fixedFindings: row.fixed_findings,
      }));
  }
}
