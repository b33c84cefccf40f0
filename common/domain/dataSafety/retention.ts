import type { BackupKind } from '../../model/dataSafety';
import { localDateString } from '../validation';

/** How many automatic backups are kept: the newest of each of the last N days, weeks and months. */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  /** Backups taken before a migration or a restore, kept beyond the rotation (the newest N). */
  safety: number;
}

/** 7 daily + 4 weekly + 3 monthly, and the 3 newest taken before a migration or a restore. */
export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 3, safety: 3 };

/** A backup as the rotation sees it. */
export interface RetainedBackup {
  id: string;
  /** ISO timestamp. */
  createdAt: string;
  kind: BackupKind;
}

/**
 * Which backups to keep (grandfather-father-son rotation, in local time): the newest backup of each
 * of the `daily` most recent days that have one, of each of the `weekly` most recent ISO weeks, and
 * of each of the `monthly` most recent months; plus the `safety` newest taken before a migration or
 * a restore; plus every backup the person made themselves ('manual'), which Lockstep never deletes.
 * A backup is kept if any rule keeps it. Returns the ids to keep; the others may be deleted.
 */
export function backupsToKeep(
  backups: readonly RetainedBackup[],
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Set<string> {
  const newestFirst = [...backups].sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id),
  );
  const keep = new Set<string>();
  const rotating = newestFirst.filter((b) => b.kind !== 'manual');
  const bucketed = (bucketOf: (date: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of rotating) {
      const bucket = bucketOf(new Date(backup.createdAt));
      if (seen.has(bucket)) continue;
      if (seen.size >= count) break;
      seen.add(bucket);
      keep.add(backup.id);
    }
  };
  bucketed(localDateString, policy.daily);
  bucketed(isoWeekOf, policy.weekly);
  bucketed((date) => localDateString(date).slice(0, 7), policy.monthly);
  newestFirst
    .filter((b) => b.kind === 'before-migration' || b.kind === 'before-restore')
    .slice(0, policy.safety)
    .forEach((b) => keep.add(b.id));
  newestFirst.filter((b) => b.kind === 'manual').forEach((b) => keep.add(b.id));
  return keep;
}

/** The ISO-8601 week of a local date, e.g. `2026-W18`. */
export function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the year the week belongs to.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
