import type Database from 'better-sqlite3';
import type { CheckPasswordSignals } from '../../../common/domain/checks/findings';

/**
 * What is kept about an account's password: derived signals only, never the password or its hash —
 * the checks' view of them plus when the online check ran.
 */
export interface StoredPasswordSignals extends CheckPasswordSignals {
  onlineCheckedAt: string | null;
}

/** What each breached-password source said about one account's password. */
export type BreachFact = Pick<
  StoredPasswordSignals,
  'commonRank' | 'onlineStatus' | 'pwnedCount' | 'onlineCheckedAt' | 'indexCount' | 'indexBuiltAt'
>;

/** A row of what the breached-password sources said, as an array in the query's column order. */
type RawFactRow = [
  account_id: number,
  common_rank: number | null,
  online_status: StoredPasswordSignals['onlineStatus'],
  pwned_count: number | null,
  online_checked_at: string | null,
  index_count: number | null,
  index_built_at: string | null,
];

/** Password signals by account. */
export class PasswordSignalsRepository {
  private readonly upsertOne;
  private readonly getOne;
  private readonly listFacts;
  private readonly forgetOne;
  private readonly listAnalysedPeople;

  constructor(db: Database.Database) {
    this.listAnalysedPeople = db.prepare<[], { person_id: number }>(
      `SELECT DISTINCT a.person_id FROM password_signals s JOIN accounts a ON a.id = s.account_id
       WHERE a.deletion_token IS NULL AND s.strength IS NOT NULL`,
    );
    this.upsertOne = db.prepare(
      `INSERT INTO password_signals (account_id, strength, strength_warning, exact_fingerprint, similar_fingerprint,
         similar_group, common_rank, online_status, pwned_count, online_checked_at, analysed_at, index_count, index_built_at)
       VALUES (@account_id, @strength, @strength_warning, @exact_fingerprint, @similar_fingerprint, @similar_group,
         @common_rank, @online_status, @pwned_count, @online_checked_at, @now, @index_count, @index_built_at)
       ON CONFLICT (account_id) DO UPDATE SET strength = excluded.strength,
         strength_warning = excluded.strength_warning, exact_fingerprint = excluded.exact_fingerprint,
         similar_fingerprint = excluded.similar_fingerprint, similar_group = excluded.similar_group,
         common_rank = excluded.common_rank, online_status = excluded.online_status,
         pwned_count = excluded.pwned_count, online_checked_at = excluded.online_checked_at,
         analysed_at = excluded.analysed_at, index_count = excluded.index_count, index_built_at = excluded.index_built_at`,
    );
    // Read as arrays: for a whole office's accounts, cheaper than objects keyed by column name.
    this.listFacts = db
      .prepare<[], RawFactRow>(
        `SELECT s.account_id, s.common_rank, s.online_status, s.pwned_count, s.online_checked_at, s.index_count,
                s.index_built_at
         FROM password_signals s JOIN accounts a ON a.id = s.account_id JOIN people p ON p.id = a.person_id
         WHERE a.deletion_token IS NULL AND p.deletion_token IS NULL`,
      )
      .raw(true);
    this.forgetOne = db.prepare<[number]>(`DELETE FROM password_signals WHERE account_id = ?`);
    this.getOne = db.prepare<[number], { exact_fingerprint: string }>(
      `SELECT exact_fingerprint FROM password_signals WHERE account_id = ?`,
    );
  }

  /** The people with at least one account whose password was analysed (an import was read). */
  analysedPeople(): number[] {
    return this.listAnalysedPeople.all().map((row) => row.person_id);
  }

  /** Stores (or replaces) the signals of an account's current password. */
  put(accountId: number, signals: StoredPasswordSignals, now: string): void {
    this.upsertOne.run({
      account_id: accountId,
      strength: signals.strength,
      strength_warning: signals.strengthWarning,
      exact_fingerprint: signals.exactFingerprint,
      similar_fingerprint: signals.similarFingerprint,
      similar_group: signals.similarGroup,
      common_rank: signals.commonRank,
      online_status: signals.onlineStatus,
      pwned_count: signals.pwnedCount,
      online_checked_at: signals.onlineCheckedAt,
      index_count: signals.indexCount ?? null,
      index_built_at: signals.indexBuiltAt ?? null,
      now,
    });
  }

  /** Drops what was known about an account's password (it was changed: the verdicts were about the old one). */
  forget(accountId: number): void {
    this.forgetOne.run(accountId);
  }

  /** What each breached-password source said about each active account's password. */
  breachFacts(): Map<number, BreachFact> {
    const facts = new Map<number, BreachFact>();
    for (const [
      accountId,
      commonRank,
      onlineStatus,
      pwnedCount,
      onlineCheckedAt,
      indexCount,
      indexBuiltAt,
    ] of this.listFacts.all() as unknown as RawFactRow[])
      facts.set(accountId, {
        commonRank,
        onlineStatus,
        pwnedCount,
        onlineCheckedAt,
        indexCount,
        indexBuiltAt,
      });
    return facts;
  }

  /** The keyed fingerprint of the account's current password, if it was ever imported. */
  exactFingerprintOf(accountId: number): string | undefined {
    return this.getOne.get(accountId)?.exact_fingerprint;
  }
}
