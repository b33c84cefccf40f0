import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseBackupFileName } from '../../../common/domain/dataSafety/backupNames';
import type { EraseOutcome } from '../../../common/model/dataSafety';
import { DATABASE_FILE, syncFile } from '../../db/connection';
import { importedGuidesDir } from '../guides/guideStore';
import { API_KEY_FILE } from '../online/apiKeyStore';
import { refreshedDatasetsDir } from '../online/refreshDatasets';
import { KEY_FILE, PROTECTED_KEY_FILE } from '../passwordHealth/keyStore';
import { PWNED_INDEX_FILE } from '../pwnedIndexService';
import { BACKUP_LOCATION_FILE, backupFolderOf } from './backupService';
import { RESTORE_JOURNAL } from './pendingRestore';

/**
 * Erases everything Lockstep keeps in `dataDir`: the database with its log and index (and any copy
 * set aside, damaged or replaced), the fingerprint key (plain, or sealed by the keychain), the Have
 * I Been Pwned API key sealed by the keychain, refreshed datasets, the offline Pwned Passwords
 * index, imported guides, and an unfinished restore — the database first, so an interrupted erase
 * never leaves a database beside a new key. Backups (and the choice of their folder) go only when
 * `includeBackups`; in a folder the person picked, only Lockstep's own backup files are removed.
 * Files Lockstep did not write are left alone: the data folder may be shared (Electron keeps its
 * own files there). Every connection must be closed first.
 */
export function eraseData(dataDir: string, options: { includeBackups: boolean }): EraseOutcome {
  const removed: string[] = [];
  const remove = (path: string) => {
    if (!existsSync(path)) return;
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  };
  const names = existsSync(dataDir) ? readdirSync(dataDir) : [];
  for (const suffix of ['', '-wal', '-shm', '-journal']) remove(join(dataDir, `${DATABASE_FILE}${suffix}`));
  // Copies set aside (damaged, replaced), half-made new files, orphaned logs.
  for (const name of names) if (name.startsWith(`${DATABASE_FILE}.`)) remove(join(dataDir, name));
  remove(join(dataDir, RESTORE_JOURNAL));
  for (const name of names) if (name.startsWith('.restoring-')) remove(join(dataDir, name));
  remove(join(dataDir, KEY_FILE));
  remove(join(dataDir, PROTECTED_KEY_FILE));
  remove(join(dataDir, API_KEY_FILE));
  remove(refreshedDatasetsDir(dataDir));
  for (const name of names) if (name.startsWith(PWNED_INDEX_FILE)) remove(join(dataDir, name));
  remove(importedGuidesDir(dataDir));

  const { folder, isDefault } = backupFolderOf(dataDir);
  if (options.includeBackups) {
    if (existsSync(folder)) {
      for (const name of readdirSync(folder)) {
        const base = name
          .replace(/\.fingerprint\.key(\.enc)?$/, '.sqlite')
          .replace(/^\.(.*)\.\d+-[0-9a-f]+\.partial$/, '$1');
        if (parseBackupFileName(base)) remove(join(folder, name));
      }
      if (isDefault && readdirSync(folder).length === 0) remove(folder);
    }
    remove(join(dataDir, BACKUP_LOCATION_FILE));
  }
  if (existsSync(dataDir)) syncFile(dataDir);
  return { removed, keptBackups: options.includeBackups ? null : folder };
}
