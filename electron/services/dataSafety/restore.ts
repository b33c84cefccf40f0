import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupKeyNames } from '../../../common/domain/dataSafety/backupNames';
import { backupDateLabel } from '../../../common/domain/dataSafety/problems';
import { AppFailure } from '../../../common/ipc/result';
import type { BackupDetails, DataProblemKind } from '../../../common/model/dataSafety';
import { openRestoredCopy, syncFile, writeNewFile } from '../../db/backupFile';
import type { Clock } from '../clock';
import { writeFileAtomically } from '../online/atomicFile';
import { KEY_FILE, PROTECTED_KEY_FILE } from '../passwordHealth/keyStore';
import { WritePath } from '../writePath';
import {
  discardTemporaryFiles,
  finishPendingRestore,
  RESTORE_JOURNAL,
  type RestoreJournal,
  TEMP_PREFIX,
} from './pendingRestore';
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
