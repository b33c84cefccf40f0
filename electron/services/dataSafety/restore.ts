import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupKeyNames } from '../../../common/domain/dataSafety/backupNames';
import { backupDateLabel } from '../../../common/domain/dataSafety/problems';
import { AppFailure } from '../../../common/ipc/result';
import type { BackupDetails, DataProblemKind } from '../../../common/model/dataSafety';
import { openRestoredCopy, syncFile, writeNewFile } from '../../db/backupFile';
import { DATABASE_FILE } from '../../db/connection';
import type { Clock } from '../clock';
import { writeFileAtomically } from '../online/atomicFile';
import { KEY_FILE, PROTECTED_KEY_FILE } from '../passwordHealth/keyStore';
import { WritePath } from '../writePath';
import { format } from '../../../common/messages/format';

/**
 * Restoring a backup swaps the data file, and the fingerprint key with it (the stored fingerprints
 * only mean something with the key they were made with). Two files cannot be replaced in one atomic
 * step, so a restore is journalled: the restored copy and its key are prepared beside the data file
 * under temporary names and fsynced; a journal naming them is written atomically; then they are
 * renamed into place and the journal removed. A crash before the journal leaves the old data (and
 * stray temporary files, removed at the next start); a crash after it is finished at the next start
 * ({@link finishPendingRestore}, run before the data is opened). Either the old or the new data,
 * never a mix; damaged data being replaced is renamed aside (as the journal says), never
 * overwritten.
 */

/** The journal of a restore in progress, beside the data file. */
export const RESTORE_JOURNAL = 'restore-pending.json';
const TEMP_PREFIX = '.restoring-';

interface RestoreJournal {
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

/** A restore refused because the file is not a good Lockstep backup; nothing was changed. */
export class RestoreRefused extends AppFailure {
  constructor(
    readonly kind: DataProblemKind,
    message: string,
  ) {
    super('invalid_input', message);
    this.name = 'RestoreRefused';
  }
}

/** A backup that passed its checks, with its key. */
export interface RestoreSource {
  details: BackupDetails;
  key: { bytes: Uint8Array; sealed: boolean } | null;
}

/**
 * Checks that `details` (a full check of the file) describe a backup Lockstep can restore, and
 * reads its key. Throws {@link RestoreRefused} with the reason otherwise.
 */
export function restoreSourceOf(details: BackupDetails): RestoreSource {
  if (!details.ok || !details.contents) {
    throw new RestoreRefused(
      'damaged',
      format('errors.dataSafety.badBackup', {
        file: details.fileName,
        problem: details.problem ?? format('errors.dataSafety.unreadableBackup'),
      }),
    );
  }
  const folder = dirname(details.path);
  const names = backupKeyNames(details.fileName);
  for (const [name, sealed] of [
    [names.sealed, true],
    [names.plain, false],
  ] as const) {
    const path = join(folder, name);
    if (existsSync(path)) return { details, key: { bytes: new Uint8Array(readFileSync(path)), sealed } };
  }
  return { details, key: null };
}

/** What a prepared restore will put in place. */
export interface PreparedRestore {
  journal: RestoreJournal;
  warnings: string[];
}

/**
 * Prepares the restored data beside the data file: a copy of the backup, migrated to this version,
 * with the restore recorded in its history (through the write path, so the chain goes on from the
 * backup's head), folded into one file and fsynced; and its key under a temporary name. Nothing the
 * app uses is touched yet.
 */
export function prepareRestore(options: {
  dataDir: string;
  source: RestoreSource;
  clock: Clock;
  actor: string;
  /** Where the data it replaces is kept: a backup taken before, or where the file is set aside. */
  savedCurrentAs: string | null;
  /** Set the data file aside to this path (damaged data) when the restore is committed. */
  setAside?: string | null;
}): PreparedRestore {
  const { dataDir, source } = options;
  const tag = randomBytes(6).toString('hex');
  const temp = join(dataDir, `${TEMP_PREFIX}${tag}.sqlite`);
  const warnings: string[] = [];
  try {
    copyFileSync(source.details.path, temp);
    if (process.platform !== 'win32') chmodSync(temp, 0o600);
    const db = openRestoredCopy(temp);
    const writePath = new WritePath({
      open: () => db,
      clock: options.clock,
      actor: () => options.actor,
      catalogue: () => {
        throw new Error('The checks do not run while a backup is restored.');
      },
      emit: () => {},
    });
    try {
      writePath.write((tx) =>
        tx.record({
          subjectType: 'data',
          subjectId: 0,
          action: 'restored from backup',
          from: null,
          to: `${source.details.fileName} (${backupDateLabel(source.details.createdAt)})`,
          note: options.savedCurrentAs
            ? format('restore.keptAs', { path: basename(options.savedCurrentAs) })
            : format('dataSafety.restore.nothingReplaced'),
        }),
      );
    } finally {
      writePath.close();
    }
    syncFile(temp);
    let key: RestoreJournal['key'] = null;
    const removeKeys: string[] = [];
    if (source.key) {
      const keyTemp = join(dataDir, `${TEMP_PREFIX}${tag}.key`);
      writeNewFile(keyTemp, source.key.bytes);
      key = { temp: basename(keyTemp), target: source.key.sealed ? PROTECTED_KEY_FILE : KEY_FILE };
      removeKeys.push(source.key.sealed ? KEY_FILE : PROTECTED_KEY_FILE);
    } else if ((source.details.contents?.accounts ?? 0) > 0) {
      warnings.push(format('dataSafety.restore.noKey'));
    }
    if (source.details.contents?.historyVerifies === false) {
      warnings.push(format('dataSafety.restore.historyAltered'));
    }
    return {
      journal: {
        version: 1,
        database: basename(temp),
        key,
        removeKeys,
        setAside: options.setAside ? basename(options.setAside) : null,
      },
      warnings,
    };
  } catch (error) {
    discardTemporaryFiles(dataDir, tag);
    throw error;
  }
}

/**
 * Puts a prepared restore in place: writes the journal (atomically), then finishes it. Every
 * connection to the data file must be closed, and its write-ahead log folded in, before this runs.
 */
export function commitRestore(dataDir: string, prepared: PreparedRestore): void {
  writeFileAtomically(join(dataDir, RESTORE_JOURNAL), `${JSON.stringify(prepared.journal)}\n`, 0o600);
  finishPendingRestore(dataDir);
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
function discardTemporaryFiles(dataDir: string, tag?: string): void {
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
