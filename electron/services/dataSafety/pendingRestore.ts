// Finishing a restore that a crash interrupted, and setting a data file aside: the part of a restore
// that runs before the data is opened (openCore, and the command line's read-only listing), kept
// apart from the rest of restore.ts so that opening the data loads nothing else.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { syncFile } from '../../db/backupFile';
import { DATABASE_FILE } from '../../db/connection';

/** The journal of a restore in progress, beside the data file. */
export const RESTORE_JOURNAL = 'restore-pending.json';
/** The start of the names a restore prepares its files under, beside the data file. */
export const TEMP_PREFIX = '.restoring-';

/** What a restore in progress is doing, written down before it starts replacing files. */
export interface RestoreJournal {
  version: 1;
  /** The restored copy's file name in the data folder. */
  database: string;
  /** The key to install: a temporary file name and the name it takes. */
  key: { temp: string; target: string } | null;
  /** Key files that go (the other form of the key). */
  removeKeys: string[];
  /** The name the (damaged) data file is set aside under before the copy replaces it, if any. */
  setAside: string | null;
}

/**
 * Finishes a restore whose journal is there (after a crash, or right after it was written): the
 * restored copy replaces the data file, the key replaces the key, and the journal goes. Each step
 * can be repeated, so a crash during this is finished next time. Without a journal, temporary files
 * a stopped restore left are removed. Returns whether a restore was finished.
 */
export function finishPendingRestore(dataDir: string): boolean {
  const journalPath = join(dataDir, RESTORE_JOURNAL);
  let journal: RestoreJournal;
  try {
    journal = JSON.parse(readFileSync(journalPath, 'utf8')) as RestoreJournal;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      discardTemporaryFiles(dataDir);
      return false;
    }
    throw error;
  }
  const live = join(dataDir, DATABASE_FILE);
  const restored = join(dataDir, journal.database);
  // Damaged data is renamed aside, never overwritten.
  if (journal.setAside && existsSync(restored)) setDataFileAside(dataDir, join(dataDir, journal.setAside));
  if (existsSync(restored)) {
    // The replaced file's log was folded in before the journal was written: what is left is empty.
    rmSync(`${live}-wal`, { force: true });
    rmSync(`${live}-shm`, { force: true });
    renameSync(restored, live);
  }
  if (journal.key) {
    const keyTemp = join(dataDir, journal.key.temp);
    if (existsSync(keyTemp)) renameSync(keyTemp, join(dataDir, journal.key.target));
    for (const name of journal.removeKeys) rmSync(join(dataDir, name), { force: true });
  }
  syncFile(dataDir);
  rmSync(journalPath, { force: true });
  syncFile(dataDir);
  return true;
}

/** Removes the temporary files of restores that never reached their journal (or one of them). */
export function discardTemporaryFiles(dataDir: string, tag?: string): void {
  if (!existsSync(dataDir)) return;
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(tag ? `${TEMP_PREFIX}${tag}` : TEMP_PREFIX))
      rmSync(join(dataDir, name), { force: true });
  }
}

/**
 * Where {@link setDataFileAside} would put the data file now: a dated name beside it that is not
 * taken, e.g. `lockstep.sqlite.damaged-2026-05-03T10-15-30-123Z`.
 */
export function asidePathFor(dataDir: string, at: Date, why: 'damaged' | 'replaced'): string {
  const live = join(dataDir, DATABASE_FILE);
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let aside = `${live}.${why}-${stamp}`;
  for (let n = 2; existsSync(aside) || existsSync(`${aside}-wal`); n += 1)
    aside = `${live}.${why}-${stamp}-${n}`;
  return aside;
}

/**
 * Moves the data file (with its log and index) aside to `aside` (see {@link asidePathFor}), never
 * deleting or overwriting it. The log moves first, so the file is never opened without it under
 * its old name. Returns `aside`, or null when there was no data file.
 */
export function setDataFileAside(dataDir: string, aside: string): string | null {
  const live = join(dataDir, DATABASE_FILE);
  if (!existsSync(live)) return null;
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${live}${suffix}`)) renameSync(`${live}${suffix}`, `${aside}${suffix}`);
  }
  renameSync(live, aside);
  syncFile(dataDir);
  return aside;
}
