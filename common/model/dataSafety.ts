// Backups, restore, the recovery screen, export and erase: what the UI and the command line see.

/** Why a backup was taken. */
export type BackupKind = 'daily' | 'manual' | 'before-migration' | 'before-restore';

/** What a backup (or the data file) holds, read from the file itself. */
export interface BackupContents {
  /** The schema version the file was written with. */
  schemaVersion: number;
  people: number;
  accounts: number;
  /** Tasks to do, in progress or snoozed. */
  openTasks: number;
  /** Rows in the tamper-evident history. */
  historyEntries: number;
  /** Whether the history chain verifies; null when the file predates the history. */
  historyVerifies: boolean | null;
  /** When the last recorded change was made (ISO), if any. */
  lastChangeAt: string | null;
}

/** One backup file, as listed (checked quickly: SQLite's `quick_check`). */
export interface BackupEntry {
  /** How the UI and the command line refer to it: its file name in the backup folder. */
  id: string;
  fileName: string;
  /** The full path (shown, and used by the command line). */
  path: string;
  /** When it was taken (ISO). */
  createdAt: string;
  kind: BackupKind;
  bytes: number;
  /** True when the file is a complete Lockstep database this version can restore. */
  ok: boolean;
  /** Why it cannot be restored, in plain words; null when `ok`. */
  problem: string | null;
  /** Accounts it holds; null when it cannot be read. */
  accounts: number | null;
  /** Whether the fingerprint key it was made with is beside it. */
  hasKey: boolean;
}

/** A backup checked in full (`integrity_check`, the history chain) with what it holds. */
export interface BackupDetails extends BackupEntry {
  contents: BackupContents | null;
}

/** Where backups go, and what is there, newest first. */
export interface BackupFolder {
  folder: string;
  /** True for `backups/` in the data folder; false for a folder the person picked. */
  isDefault: boolean;
  entries: BackupEntry[];
}

/**
 * What can be wrong with the data file at start-up (or with a file offered for restore). Each is
 * told apart because each has its own remedy.
 */
export type DataProblemKind =
  /** The file has zero bytes. */
  | 'empty'
  /** Not a SQLite database at all (random bytes, another kind of file). */
  | 'not_database'
  /** A SQLite file cut short: shorter than its own header says. */
  | 'truncated'
  /** SQLite's own checks found garbled pages. */
  | 'damaged'
  /** A SQLite database, but not one Lockstep wrote. */
  | 'foreign'
  /** Written by a newer version of Lockstep. */
  | 'newer'
  /** Another program holds the file locked. */
  | 'locked'
  /** The folder or file cannot be written (read-only). */
  | 'read_only'
  /** The disk is full. */
  | 'disk_full'
  /** The file cannot be read at all (permissions). */
  | 'unreadable';

/** A problem with the data, in plain words: what happened, and what to do. */
export interface DataProblem {
  kind: DataProblemKind;
  /** A short headline: "Lockstep's data file is damaged". */
  title: string;
  /** What happened. */
  message: string;
  /** What to do, naming the backup to restore when there is one. */
  advice: string;
  /** SQLite's own words, for a helper (never contains a secret). */
  detail: string | null;
  /** The file concerned. */
  file: string;
}

/** Whether the app runs on its data, or shows the recovery screen. */
export type AppState =
  | { mode: 'ready' }
  | {
      mode: 'recovery';
      problem: DataProblem;
      /** The newest backup that can be restored, checked in full; null when there is none. */
      newestGoodBackup: BackupDetails | null;
    };

/** What a restore did. */
export interface RestoreOutcome {
  /** The backup restored. */
  restoredFrom: string;
  /** Where the data that was replaced was kept (a backup, or the damaged file set aside). */
  savedCurrentAs: string | null;
  /** Something the person should know (e.g. the backup had no fingerprint key beside it). */
  warnings: string[];
}

/** What an export wrote. */
export interface ExportOutcome {
  folder: string;
  files: string[];
}

/** What erasing removed. */
export interface EraseOutcome {
  /** The files and folders removed. */
  removed: string[];
  /** The backup folder, when it was kept. */
  keptBackups: string | null;
}
