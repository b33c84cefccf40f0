import { describe, expect, it } from 'vitest';
import type { BackupKind } from '../../model/dataSafety';
import { backupFileName, parseBackupFileName } from './backupNames';
import { backupsToKeep, isoWeekOf, type RetainedBackup } from './retention';

/** One backup a day at noon local time, from `first` for `days` days, newest last. */
function dailyBackups(first: string, days: number, kind: BackupKind = 'daily'): RetainedBackup[] {
  const start = new Date(`${first}T12:00:00`);
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i, 12);
    return { id: backupFileName(at, kind), createdAt: at.toISOString(), kind };
  });
}

describe('backup rotation', () => {
  it('keeps 7 daily, 4 weekly and 3 monthly backups of a year of daily backups', () => {
    const backups = dailyBackups('2025-01-01', 365);
    const keep = backupsToKeep(backups);
    const kept = backups.filter((b) => keep.has(b.id)).map((b) => b.createdAt.slice(0, 10));
    expect(kept).toEqual([
      // monthly: the newest of October and November (December's is the newest of all)
      '2025-10-31',
      '2025-11-30',
      // weekly: the newest of each of the last 4 ISO weeks (Sundays, and Wednesday the 31st)
      '2025-12-14',
      '2025-12-21',
      // daily: the last 7 days
      '2025-12-25',
      '2025-12-26',
      '2025-12-27',
      '2025-12-28',
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
    ]);
  });

  it('keeps only the newest backup of a day, and never deletes the newest', () => {
    const day = (time: string, kind: BackupKind = 'daily') => {
      const at = new Date(`2026-05-03T${time}`);
      return { id: backupFileName(at, kind), createdAt: at.toISOString(), kind };
    };
    const backups = [day('08:00:00'), day('09:00:00'), day('18:00:00')];
    expect([...backupsToKeep(backups)]).toEqual([backups[2]!.id]);
  });

  it('never deletes a backup the person made, and keeps the 3 newest safety copies', () => {
    const manual = dailyBackups('2020-01-01', 20, 'manual');
    const safety = dailyBackups('2024-01-01', 10, 'before-restore');
    const daily = dailyBackups('2026-01-01', 3);
    const keep = backupsToKeep([...manual, ...safety, ...daily]);
    expect(manual.every((b) => keep.has(b.id))).toBe(true);
    for (const b of safety.slice(-3)) expect(keep.has(b.id)).toBe(true);
    expect(daily.every((b) => keep.has(b.id))).toBe(true);
    // Older safety copies go once the rotation no longer covers them.
    expect(keep.has(safety[0]!.id)).toBe(false);
  });

  it('names backups so they sort in time and read back', () => {
    const at = new Date('2026-05-03T10:15:30.123Z');
    const name = backupFileName(at, 'before-migration');
    expect(name).toBe('lockstep-2026-05-03T10-15-30-123Z-before-migration.sqlite');
    expect(parseBackupFileName(name)).toEqual({ createdAt: at.toISOString(), kind: 'before-migration' });
    expect(parseBackupFileName('lockstep-2026-05-03T10-15-30-123Z-weekly.sqlite')).toBeNull();
    expect(parseBackupFileName('lockstep-2026-13-03T10-15-30-123Z-daily.sqlite')).toBeNull();
    expect(parseBackupFileName('lockstep.sqlite')).toBeNull();
    expect(backupFileName(new Date('2026-01-01T00:00:00Z'), 'daily') < name).toBe(true);
  });

  it('numbers ISO weeks across a new year', () => {
    expect(isoWeekOf(new Date(2026, 0, 1))).toBe('2026-W01');
    expect(isoWeekOf(new Date(2027, 0, 1))).toBe('2026-W53');
    expect(isoWeekOf(new Date(2024, 11, 30))).toBe('2025-W01');
  });
});
