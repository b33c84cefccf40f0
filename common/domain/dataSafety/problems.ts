import type { DataProblem, DataProblemKind } from '../../model/dataSafety';
import { format } from '../../messages/format';
import { monthAndYear } from './breachAlert';

/** The kinds that mean the file itself is bad (restore a backup), as opposed to its surroundings. */
export const FILE_DAMAGE_KINDS: ReadonlySet<DataProblemKind> = new Set([
  'empty',
  'not_database',
  'truncated',
  'damaged',
  'foreign',
  'newer',
]);

/** "3 May 2026, 10:15" in local time, for a backup's ISO timestamp. */
export function backupDateLabel(iso: string): string {
  const date = new Date(iso);
  const local = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return `${date.getDate()} ${monthAndYear(local)}, ${time}`;
}

/** What describing a problem needs beyond its kind. */
export interface ProblemContext {
  /** The file concerned (shown as is). */
  file: string;
  /** SQLite's own words, when it said something. */
  detail?: string | null;
  /** The newest backup that can be restored, if any. */
  backup?: { createdAt: string; path: string } | null;
  /** For 'newer': the version found and the newest this build understands. */
  versions?: { found: number; supported: number };
}

/**
 * A problem with the data in plain words: what happened and what to do — naming the backup to
 * restore when the file itself is bad and a good backup exists.
 */
export function describeDataProblem(kind: DataProblemKind, context: ProblemContext): DataProblem {
  const { file } = context;
  const backup = context.backup;
  const restoreFrom = backup
    ? format('dataProblem.restoreFrom', { date: backupDateLabel(backup.createdAt), path: backup.path })
    : '';
  const advice =
    kind === 'newer'
      ? format('dataProblem.newer.advice', { hasBackup: backup ? 'yes' : 'no', restore: restoreFrom })
      : FILE_DAMAGE_KINDS.has(kind)
        ? format('dataProblem.restoreAdvice', { hasBackup: backup ? 'yes' : 'no', restore: restoreFrom })
        : format(`dataProblem.${kind as SurroundingsKind}.advice`);
  const message =
    kind === 'newer'
      ? format('dataProblem.newer.message', {
          file,
          hasVersions: context.versions ? 'yes' : 'no',
          found: context.versions?.found ?? 0,
          supported: context.versions?.supported ?? 0,
        })
      : format(`dataProblem.${kind}.message`, { file });
  return {
    kind,
    title: format(`dataProblem.${kind}.title`),
    message,
    advice,
    detail: context.detail ?? null,
    file,
  };
}

/** The kinds about the file's surroundings (a lock, permissions, a full disk): advice of their own. */
type SurroundingsKind = 'locked' | 'read_only' | 'disk_full' | 'unreadable';
