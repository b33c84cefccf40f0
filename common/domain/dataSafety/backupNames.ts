import type { BackupKind } from '../../model/dataSafety';

/** Every kind of backup, as it appears in a backup's file name. */
export const BACKUP_KINDS: readonly BackupKind[] = ['daily', 'manual', 'before-migration', 'before-restore'];

const NAME = /^lockstep-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.sqlite$/;

/**
 * The file name of a backup taken at `at` (UTC, to the millisecond) for `kind`:
 * `lockstep-2026-05-03T10-15-30-123Z-daily.sqlite`. Names sort in time order and carry no colon
 * (Windows forbids it).
 */
export function backupFileName(at: Date, kind: BackupKind): string {
  const iso = at.toISOString(); // 2026-05-03T10:15:30.123Z
  return `lockstep-${iso.slice(0, 10)}T${iso.slice(11, 13)}-${iso.slice(14, 16)}-${iso.slice(17, 19)}-${iso.slice(20, 23)}Z-${kind}.sqlite`;
}

/** When and why a backup was taken, read from its name; null for a name Lockstep did not give. */
export function parseBackupFileName(name: string): { createdAt: string; kind: BackupKind } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis, kind] = match;
  if (!BACKUP_KINDS.includes(kind as BackupKind)) return null;
  const createdAt = `${day}T${hours}:${minutes}:${seconds}.${millis}Z`;
  if (Number.isNaN(Date.parse(createdAt)) || new Date(createdAt).toISOString() !== createdAt) return null;
  return { createdAt, kind: kind as BackupKind };
}

/**
 * The names of the fingerprint key kept beside a backup: the plain 0600 copy, or the copy sealed by
 * the system keychain, whichever way the live key is kept.
 */
export function backupKeyNames(backupName: string): { plain: string; sealed: string } {
  const base = backupName.replace(/\.sqlite$/, '');
  return { plain: `${base}.fingerprint.key`, sealed: `${base}.fingerprint.key.enc` };
}
