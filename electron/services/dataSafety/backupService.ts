import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import {
  backupFileName,
  backupKeyNames,
  parseBackupFileName,
} from '../../../common/domain/dataSafety/backupNames';
import { describeDataProblem } from '../../../common/domain/dataSafety/problems';
import { backupsToKeep } from '../../../common/domain/dataSafety/retention';
import { localDateString } from '../../../common/domain/validation';
import { AppFailure } from '../../../common/ipc/result';
import type {
  BackupContents,
  BackupDetails,
  BackupEntry,
  BackupFolder,
  BackupKind,
} from '../../../common/model/dataSafety';
import {
  BackupCopyCheckError,
  backUpDatabase,
  checkBackupFile,
  serializeDatabase,
  syncFile,
} from '../../db/backupFile';
import type { ReadableDb } from '../../db/connection';
import type { Clock } from '../clock';
import { writeFileAtomically } from '../online/atomicFile';
import { KEY_FILE, PROTECTED_KEY_FILE } from '../passwordHealth/keyStore';
import { StorageFailure } from '../writePath';
import { format } from '../../../common/messages/format';

/** The backup folder inside the data folder, unless the person picked another. */
export const BACKUPS_DIR = 'backups';
/**
 * Where the person's choice of backup folder is kept: a small file beside the database rather than
 * in it, so the recovery screen can find the backups when the database cannot be read.
 */
export const BACKUP_LOCATION_FILE = 'backup-location.json';
/** A partial copy older than this was left by a process that stopped; it is removed. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;
/** A partial copy whose process is gone is removed once it is this old (a moment, for clocks). */
const ORPHAN_PARTIAL_MS = 10 * 1000;

/** What a backup service works on. */
export interface BackupServiceOptions {
  dataDir: string;
  clock: Clock;
  /** The connection a backup is read from (the read-only one), or null when the data cannot be read. */
  source: () => ReadableDb | null;
}

/** What a new backup is, with the figures the command line prints. */
export interface CreatedBackup extends BackupEntry {
  contents: BackupContents;
}

/**
 * Backups of the data file: complete copies taken with SQLite's online backup, each checked with
 * `integrity_check`, stored with the fingerprint key beside them the way the live key is kept
 * (sealed by the system keychain, or a 0600 file), and rotated (7 daily, 4 weekly, 3 monthly, the
 * newest taken before migrations and restores, and every one the person made). A copy appears
 * under its final name only once complete and checked, and its key is beside it before it does.
 */
export class BackupService {
  constructor(private readonly options: BackupServiceOptions) {}

  /** The backup folder, and whether it is the default one. */
  folder(): { folder: string; isDefault: boolean } {
    return backupFolderOf(this.options.dataDir);
  }

  /** Every backup in the folder, newest first, each checked quickly. */
  list(): BackupFolder {
    const { folder, isDefault } = this.folder();
    return { folder, isDefault, entries: this.entries(folder).map((e) => this.entryOf(e.path, e)) };
  }

  /** A backup (by its id in the folder, or a path) checked in full, with what it holds. */
  inspect(idOrPath: string): BackupDetails {
    const path = this.resolve(idOrPath);
    return this.detailsOf(path);
  }

  /** Checks any file offered for restore in full. */
  detailsOf(path: string): BackupDetails {
    const named = parseBackupFileName(basename(path));
    const check = checkBackupFile(path, { thorough: true });
    const entry = this.entryFromCheck(path, named, check);
    return { ...entry, contents: check.status === 'ok' ? check.contents : null };
  }

  /** The newest backup that passes a full check, or null. */
  newestGood(): BackupDetails | null {
    for (const entry of this.list().entries) {
      if (!entry.ok) continue;
      const details = this.detailsOf(entry.path);
      if (details.ok) return details;
    }
    return null;
  }

  /** The local day of the newest backup in the folder, or null. */
  lastBackupDay(): string | null {
    const newest = this.entries(this.folder().folder)[0];
    return newest ? localDateString(new Date(newest.createdAt)) : null;
  }

  /** The path of a backup: an id from {@link list} (a file name in the folder) or a path. */
  resolve(idOrPath: string): string {
    if (isAbsolute(idOrPath) || idOrPath.includes('/') || idOrPath.includes('\\')) return resolve(idOrPath);
    const path = join(this.folder().folder, idOrPath);
    if (!parseBackupFileName(idOrPath) || !existsSync(path)) {
      throw new AppFailure('not_found', format('errors.dataSafety.noBackup', { name: idOrPath }));
    }
    return path;
  }

  /**
   * Takes a backup now, from the read-only connection (writers are not blocked), into the backup
   * folder — or to `out` when given (a file that must not exist yet; it is not rotated). Then the
   * folder is rotated. Throws when there is nothing to back up or the copy fails its check; nothing
   * is left behind then.
   */
  async create(kind: BackupKind, options: { out?: string } = {}): Promise<CreatedBackup> {
    const source = this.options.source();
    if (!source) throw new AppFailure('unavailable', format('errors.dataSafety.nothingToBackUp'));
    const at = this.options.clock.now();
    const { target, partial } = this.targetOf(at, kind, options.out);
    let contents: BackupContents;
    try {
      contents = await backUpDatabase(source, partial);
      this.placeKey(target);
      renameSync(partial, target);
      syncFile(dirname(target));
    } catch (error) {
      rmSync(partial, { force: true });
      throw copyFailure(error);
    }
    if (!options.out) this.prune();
    return { ...this.entryOf(target, { createdAt: at.toISOString(), kind }), contents };
  }

  /**
   * Backs up an open database synchronously (its serialized image), for the copy taken just before
   * a migration. Returns the backup's path; throws — and the migration does not run — if it fails.
   */
  createFrom(db: Database.Database, kind: BackupKind): string {
    const { target, partial } = this.targetOf(this.options.clock.now(), kind);
    try {
      serializeDatabase(db, partial);
      this.placeKey(target);
      renameSync(partial, target);
      syncFile(dirname(target));
    } catch (error) {
      rmSync(partial, { force: true });
      throw copyFailure(error);
    }
    this.prune();
    return target;
  }

  /**
   * Deletes the backups the rotation no longer keeps (with their keys), key files whose backup is
   * gone, and partial copies a stopped process left behind. Returns what was removed.
   */
  prune(): string[] {
    const folder = this.folder().folder;
    if (!existsSync(folder)) return [];
    const entries = this.entries(folder);
    const keep = backupsToKeep(entries.map((e) => ({ id: e.name, createdAt: e.createdAt, kind: e.kind })));
    const removed: string[] = [];
    for (const entry of entries) {
      if (keep.has(entry.name)) continue;
      const keys = backupKeyNames(entry.name);
      // The key goes first: a backup without its key is worse than a key without its backup.
      for (const name of [entry.name, keys.plain, keys.sealed]) {
        const path = join(folder, name);
        if (existsSync(path)) {
          rmSync(path, { force: true });
          removed.push(path);
        }
      }
    }
    const names = new Set(readdirSync(folder));
    // File ages are in the file system's time, not the app's clock.
    const now = Date.now();
    for (const name of names) {
      const path = join(folder, name);
      const orphanKey =
        /\.fingerprint\.key(\.enc)?$/.test(name) &&
        !names.has(name.replace(/\.fingerprint\.key(\.enc)?$/, '.sqlite'));
      const stalePartial = name.endsWith('.partial') && isStalePartial(name, now - statSync(path).mtimeMs);
      if (orphanKey || stalePartial) {
        rmSync(path, { force: true });
        removed.push(path);
      }
    }
    return removed;
  }

  private targetOf(at: Date, kind: BackupKind, out?: string): { target: string; partial: string } {
    if (out) {
      const target = resolve(out);
      if (existsSync(target))
        throw new AppFailure('invalid_input', format('errors.dataSafety.exists', { path: target }));
      if (!existsSync(dirname(target)))
        throw new AppFailure(
          'invalid_input',
          format('errors.dataSafety.noFolder', { path: dirname(target) }),
        );
      return {
        target,
        partial: join(dirname(target), partialName(basename(target))),
      };
    }
    const folder = this.folder().folder;
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new StorageFailure(
        'read_only',
        'unavailable',
        format('errors.dataSafety.cannotMakeFolder', {
          folder,
          code: (error as NodeJS.ErrnoException).code ?? 'refused',
        }),
      );
    }
    const name = backupFileName(at, kind);
    return {
      target: join(folder, name),
      partial: join(folder, partialName(name)),
    };
  }

  /** Copies the live fingerprint key beside the backup, kept the same way (sealed, or plain 0600). */
  private placeKey(target: string): void {
    const live = liveKeyOf(this.options.dataDir);
    if (!live) return;
    const names = backupKeyNames(basename(target));
    writeFileAtomically(join(dirname(target), live.sealed ? names.sealed : names.plain), live.bytes, 0o600);
  }

  private entries(folder: string): { name: string; path: string; createdAt: string; kind: BackupKind }[] {
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .flatMap((name) => {
        const parsed = parseBackupFileName(name);
        return parsed ? [{ name, path: join(folder, name), ...parsed }] : [];
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
  }

  private entryOf(path: string, named: { createdAt: string; kind: BackupKind } | null): BackupEntry {
    return this.entryFromCheck(path, named, checkBackupFile(path));
  }

  private entryFromCheck(
    path: string,
    named: { createdAt: string; kind: BackupKind } | null,
    check: ReturnType<typeof checkBackupFile>,
  ): BackupEntry {
    const stat = statSync(path, { throwIfNoEntry: false });
    const keys = backupKeyNames(basename(path));
    const folder = dirname(path);
    return {
      id: basename(path),
      fileName: basename(path),
      path,
      createdAt: named?.createdAt ?? stat?.mtime.toISOString() ?? new Date(0).toISOString(),
      kind: named?.kind ?? 'manual',
      bytes: stat?.size ?? 0,
      ok: check.status === 'ok',
      problem:
        check.status === 'ok'
          ? null
          : describeDataProblem(check.kind, {
              file: basename(path),
              detail: check.detail,
            }).message,
      accounts: check.status === 'ok' ? check.accounts : null,
      hasKey: existsSync(join(folder, keys.plain)) || existsSync(join(folder, keys.sealed)),
    };
  }
}

/**
 * A copy that failed its check, as a {@link StorageFailure} in the catalogue's words (what it
 * means, and SQLite's own words for a helper); any other error as it was.
 */
function copyFailure(error: unknown): unknown {
  if (!(error instanceof BackupCopyCheckError)) return error;
  return new StorageFailure(
    error.kind,
    'unavailable',
    format('errors.dataSafety.copyFailedCheck', {
      kind: error.kind,
      hasDetail: error.detail === null ? 'no' : 'yes',
      detail: error.detail ?? '',
    }),
  );
}

/** A partial copy's name: hidden, with the process that writes it, so a stopped one can be told. */
const partialName = (name: string) => `.${name}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;

/**
 * Whether a partial copy was left by a process that stopped: its process is no longer running here
 * (and it is more than a moment old), or it is an hour old whatever its process.
 */
function isStalePartial(name: string, ageMs: number): boolean {
  if (ageMs > STALE_PARTIAL_MS) return true;
  const pid = Number(/\.(\d+)-[0-9a-f]+\.partial$/.exec(name)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0 || ageMs < ORPHAN_PARTIAL_MS) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The live fingerprint key's bytes and whether they are sealed, or null when there is none yet. */
export function liveKeyOf(dataDir: string): { bytes: Uint8Array; sealed: boolean } | null {
  for (const [name, sealed] of [
    [PROTECTED_KEY_FILE, true],
    [KEY_FILE, false],
  ] as const) {
    const path = join(dataDir, name);
    if (existsSync(path)) return { bytes: new Uint8Array(readFileSync(path)), sealed };
  }
  return null;
}

/** The backup folder: the one the person picked (kept beside the database), or `backups/`. */
export function backupFolderOf(dataDir: string): { folder: string; isDefault: boolean } {
  const fallback = { folder: join(dataDir, BACKUPS_DIR), isDefault: true };
  try {
    const stored = JSON.parse(readFileSync(join(dataDir, BACKUP_LOCATION_FILE), 'utf8')) as {
      folder?: unknown;
    };
    if (typeof stored.folder === 'string' && isAbsolute(stored.folder))
      return { folder: stored.folder, isDefault: false };
  } catch {
    // No choice made (or an unreadable one): the default folder.
  }
  return fallback;
}

/** Keeps the person's backup folder (null: back to `backups/` in the data folder). */
export function setBackupFolder(dataDir: string, folder: string | null): void {
  const path = join(dataDir, BACKUP_LOCATION_FILE);
  if (folder === null) {
    rmSync(path, { force: true });
    return;
  }
  if (!isAbsolute(folder)) throw new AppFailure('invalid_input', format('errors.dataSafety.fullPath'));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileAtomically(path, `${JSON.stringify({ folder })}\n`, 0o600);
}
