import type { DataProblem, DataProblemKind } from '../../model/dataSafety';
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
  const restore = context.backup
    ? `Restore from the backup of ${backupDateLabel(context.backup.createdAt)} (on the recovery screen, or: lockstep backup restore "${context.backup.path}").`
    : 'There is no good backup to restore: you can start empty, and the file is kept aside.';
  const kept = ' The file itself is kept as it is: Lockstep never deletes or overwrites it.';
  const texts: Record<DataProblemKind, { title: string; message: string; advice: string }> = {
    damaged: {
      title: 'Lockstep’s data file is damaged',
      message: `SQLite’s own check found garbled pages in ${file}. Lockstep will not write to it, so nothing more is lost.`,
      advice: restore + kept,
    },
    empty: {
      title: 'Lockstep’s data file is empty',
      message: `${file} has zero bytes: what it held was lost before Lockstep opened it (a crash, a full disk or a sync tool can do this). Lockstep will not treat it as a new, empty database.`,
      advice: restore + kept,
    },
    not_database: {
      title: 'This is not a Lockstep database',
      message: `${file} is not a Lockstep database: it is not a SQLite database at all.`,
      advice: restore + kept,
    },
    truncated: {
      title: 'This is not a Lockstep database any more',
      message: `${file} is not a complete Lockstep database: it is shorter than its own header says, as when a copy stops half-way or the disk fills up.`,
      advice: restore + kept,
    },
    foreign: {
      title: 'This is not a Lockstep database',
      message: `${file} is a SQLite database, but not one Lockstep wrote.`,
      advice: restore + kept,
    },
    newer: {
      title: 'This data is from a newer Lockstep',
      message: `${file} was written by a newer version of Lockstep${context.versions ? ` (schema ${context.versions.found}; this version understands up to ${context.versions.supported})` : ''}. Opening it here could damage it.`,
      advice: `Update Lockstep to open it. ${context.backup ? restore : ''}`.trim(),
    },
    locked: {
      title: 'Another program is using Lockstep’s data',
      message: `Another program holds ${file} locked (another Lockstep, or a tool that opened the file).`,
      advice: 'Close the other program, then try again. Nothing was changed.',
    },
    read_only: {
      title: 'Lockstep cannot write its data',
      message: `The folder or the file ${file} is read-only.`,
      advice:
        'Make it writable again (check its permissions, or whether the disk is mounted read-only), then try again. Nothing was changed.',
    },
    disk_full: {
      title: 'The disk is full',
      message: `The disk that holds ${file} is full.`,
      advice: 'Free some space, then try again. Nothing was changed: everything is as it was before.',
    },
    unreadable: {
      title: 'Lockstep cannot read its data',
      message: `Lockstep is not allowed to read ${file}.`,
      advice: 'Check the permissions of the file and its folder, then try again. Nothing was changed.',
    },
  };
  return { kind, ...texts[kind], detail: context.detail ?? null, file };
}
