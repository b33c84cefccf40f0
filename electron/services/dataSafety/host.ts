import { randomBytes } from 'node:crypto';
import { SELF_ACTOR } from '../../../common/domain/history/actor';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeDataProblem, FILE_DAMAGE_KINDS } from '../../../common/domain/dataSafety/problems';
import type { ChangeArea } from '../../../common/ipc/contract';
import { AppFailure } from '../../../common/ipc/result';
import type {
  AppState,
  BackupDetails,
  BackupFolder,
  DataProblem,
  EraseOutcome,
  ExportOutcome,
  RestoreOutcome,
} from '../../../common/model/dataSafety';
import { settleDataFile } from '../../db/backupFile';
import { DATABASE_FILE, openReadableDatabase } from '../../db/connection';
import { DataFileError } from '../../db/dataFile';
import { systemClock, type Clock } from '../clock';
import { openCore, type Core, type CoreOptions } from '../core';
import { storageFailureOf } from '../writePath';
import { BackupService, setBackupFolder, type CreatedBackup } from './backupService';
import { eraseData } from './erase';
import { newExportFolder, writeExport } from './exportService';
import { asidePathFor, setDataFileAside } from './pendingRestore';
import { commitRestore, prepareRestore, restoreSourceOf } from './restore';
import { format } from '../../../common/messages/format';

/** What the host needs: the core's options. */
export interface AppHostOptions extends CoreOptions {
  /** Reports a failure of the session's start-up work (it never stops the app). */
  log?: (message: string, error: unknown) => void;
}

const ALL_AREAS: ChangeArea[] = ['people', 'accounts', 'findings', 'settings', 'ledger', 'tasks', 'guides'];

/**
 * Owns the open data for the app (and the command line): opens it, or — when the data file is
 * damaged, not Lockstep's, from a newer version, or locked — keeps the problem for the recovery
 * screen instead. Restoring a backup, starting empty and erasing swap the data underneath: every
 * connection is closed first and a new {@link Core} is opened on the result, so the handler table
 * (which asks the host for the core at each call) follows without being rebuilt. One such operation
 * runs at a time; calls that need the data wait for none and are told to try again.
 */
export class AppHost {
  private current: Core | null = null;
  private problem: DataFileError | null = null;
  private opened = false;
  private background = false;
  private operation: 'restore' | 'empty' | 'erase' | null = null;
  private newestGoodCache: { problem: DataFileError; backup: BackupDetails | null } | null = null;
  /** Files the person picked through main's own dialog, by the opaque id the renderer holds. */
  private readonly picked = new Map<string, string>();
  private readonly clock: Clock;

  constructor(private readonly options: AppHostOptions) {
    this.clock = options.clock ?? systemClock;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  /** Opens the data (or records why it cannot be opened). */
  open(): AppState['mode'] {
    this.opened = true;
    try {
      const core = openCore(this.options);
      this.current = core;
      this.problem = null;
      this.newestGoodCache = null;
      if (this.background) this.startWork(core);
      return 'ready';
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      this.current = null;
      this.problem = error;
      return 'recovery';
    }
  }

  /**
   * From now on, whenever data is open: the session's start-up work (the last session's trash, the
   * day's re-check), then the scheduler (reminders, the daily backup, the weekly refresh). The app
   * calls it once its window is up; the command line never does.
   */
  startBackground(): void {
    if (this.background) return;
    this.background = true;
    if (this.current) this.startWork(this.current);
  }

  private startWork(core: Core): void {
    try {
      core.startSession();
    } catch (error) {
      (this.options.log ?? console.error)('Lockstep could not start its session work', error);
    }
    core.scheduler.start();
  }

  /** The open data's services; throws (a message for the person) when there are none now. */
  core(): Core {
    if (this.operation)
      throw new AppFailure('busy', format('errors.dataSafety.busy', { operation: this.operation }));
    if (!this.opened) this.open();
    if (this.current) return this.current;
    throw new AppFailure('unavailable', this.describe().message);
  }

  /** The core when the data is open, without opening anything. */
  currentCore(): Core | null {
    return this.current;
  }

  /** Ready, or the recovery screen's facts: what is wrong, and the newest good backup. */
  state(): AppState {
    if (!this.opened) this.open();
    if (this.current && !this.problem) return { mode: 'ready' };
    return { mode: 'recovery', problem: this.describe(), newestGoodBackup: this.newestGood() };
  }

  /** The problem with the data, in plain words naming the backup to restore; null when none. */
  problemNow(): DataProblem | null {
    if (!this.opened) this.open();
    return this.problem ? this.describe() : null;
  }

  /** Tries to open the data again (after another program let go of it). */
  retry(): AppState {
    if (this.operation)
      throw new AppFailure('busy', format('errors.dataSafety.busy', { operation: this.operation }));
    if (!this.current) this.open();
    return this.state();
  }

  /** The backups of this data folder (they can be listed and checked whether or not it opens). */
  backups(): BackupService {
    return (
      this.current?.backups ??
      new BackupService({ dataDir: this.dataDir, clock: this.clock, source: () => null })
    );
  }

  /** Every backup, newest first. */
  listBackups(): BackupFolder {
    return this.backups().list();
  }

  /** A backup checked in full: by its id in the backup folder, or a file picked in main's dialog. */
  inspectBackup(id: string): BackupDetails {
    const path = this.picked.get(id);
    if (path) return { ...this.backups().detailsOf(path), id };
    return this.backups().inspect(id);
  }

  /** Asks the person for a backup file elsewhere (main's own dialog), and checks it in full. */
  async pickBackup(): Promise<BackupDetails | null> {
    const path = await this.options.platform.pickFile({
      title: format('dataSafety.pick.backup'),
      filters: [
        { name: format('dataSafety.pick.backups'), extensions: ['sqlite'] },
        { name: format('dataSafety.pick.allFiles'), extensions: ['*'] },
      ],
    });
    if (!path) return null;
    const id = `picked-${randomBytes(8).toString('hex')}`;
    this.picked.set(id, path);
    return { ...this.backups().detailsOf(path), id };
  }

  /** Takes a backup now (Settings' "Back up now", `backup create`). */
  async createBackup(options: { out?: string } = {}): Promise<CreatedBackup> {
    const core = this.core();
    try {
      return await core.backups.create('manual', options);
    } catch (error) {
      throw storageFailureOf(error);
    }
  }

  /** Asks for a folder to keep backups in (a synced drive, say), and uses it from now on. */
  async chooseBackupFolder(): Promise<BackupFolder | null> {
    const folder = await this.options.platform.pickFolder({
      title: format('dataSafety.pick.backupFolder'),
    });
    if (!folder) return null;
    setBackupFolder(this.dataDir, resolve(folder));
    this.current?.watch.forgetBackups();
    this.options.onDidChange?.(['settings']);
    return this.listBackups();
  }

  /** Goes back to `backups/` in the data folder. */
  useDefaultBackupFolder(): BackupFolder {
    setBackupFolder(this.dataDir, null);
    this.current?.watch.forgetBackups();
    this.options.onDidChange?.(['settings']);
    return this.listBackups();
  }

  /**
   * Restores a backup — by its id (a backup in the folder, or a file picked in main's dialog) or,
   * from the command line, by its path. The file is checked in full first: a damaged, foreign,
   * non-SQLite or newer file is refused with the reason and nothing changes. Then every connection
   * is closed; the current data is backed up (or, when it is damaged, set aside under a dated name,
   * never deleted); the backup replaces it, with its fingerprint key, atomically; the restore is
   * recorded in the history; and the data is opened again.
   */
  async restore(ref: { id: string } | { path: string }): Promise<RestoreOutcome> {
    const path =
      'path' in ref ? resolve(ref.path) : (this.picked.get(ref.id) ?? this.backups().resolve(ref.id));
    if (!this.opened && existsSync(join(this.dataDir, DATABASE_FILE))) this.open();
    if (this.problem && !FILE_DAMAGE_KINDS.has(this.problem.kind)) {
      throw new AppFailure(this.problem.kind === 'locked' ? 'busy' : 'unavailable', this.describe().message);
    }
    const source = restoreSourceOf(this.backups().detailsOf(path));
    return this.exclusive('restore', async () => {
      await this.closeCurrent();
      const hasData = existsSync(join(this.dataDir, DATABASE_FILE));
      // Damaged data is set aside under this name (once the restored copy is ready); healthy data
      // is backed up first.
      const aside = hasData && this.problem ? asidePathFor(this.dataDir, this.clock.now(), 'damaged') : null;
      let savedCurrentAs: string | null = aside;
      let warnings: string[];
      try {
        if (hasData && !this.problem) savedCurrentAs = await this.backUpClosedData();
        const prepared = prepareRestore({
          dataDir: this.dataDir,
          source,
          clock: this.clock,
          actor: this.options.actor ?? SELF_ACTOR,
          savedCurrentAs,
          setAside: aside,
        });
        commitRestore(this.dataDir, prepared);
        warnings = prepared.warnings;
      } finally {
        this.open();
      }
      this.options.onDidChange?.(ALL_AREAS);
      return { restoredFrom: path, savedCurrentAs, warnings };
    });
  }

  /**
   * From the recovery screen: sets the damaged file aside (renamed, never deleted) and starts with
   * new, empty data. Only for a file that is itself bad, not for one another program holds.
   */
  async startEmpty(): Promise<{ damagedKeptAs: string | null }> {
    if (!this.opened) this.open();
    if (!this.problem || !FILE_DAMAGE_KINDS.has(this.problem.kind)) {
      throw new AppFailure('conflict', format('errors.dataSafety.notDamaged'));
    }
    return this.exclusive('empty', async () => {
      const damagedKeptAs = setDataFileAside(
        this.dataDir,
        asidePathFor(this.dataDir, this.clock.now(), 'damaged'),
      );
      this.open();
      this.options.onDidChange?.(ALL_AREAS);
      return { damagedKeptAs };
    });
  }

  /**
   * Erases everything (backups only when `includeBackups`), then — unless `reopen` is false (the
   * command line) — starts fresh on new, empty data.
   */
  async erase(options: { includeBackups: boolean; reopen?: boolean }): Promise<EraseOutcome> {
    return this.exclusive('erase', async () => {
      await this.closeCurrent();
      let outcome: EraseOutcome;
      try {
        this.assertAlone('erased');
        outcome = eraseData(this.dataDir, { includeBackups: options.includeBackups });
      } finally {
        if (options.reopen !== false) this.open();
        else this.opened = false;
      }
      this.options.onDidChange?.(ALL_AREAS);
      return outcome;
    });
  }

  /**
   * Exports everything into `folder`, or — without one — into a new dated folder inside the folder
   * the person picks in main's dialog (null when they cancel).
   */
  async exportAll(folder?: string): Promise<ExportOutcome | null> {
    const core = this.core();
    let target = folder;
    if (!target) {
      const parent = await this.options.platform.pickFolder({
        title: format('dataSafety.pick.exportFolder'),
      });
      if (!parent) return null;
      target = newExportFolder(parent, this.clock.now());
    }
    try {
      return writeExport(core.readDb, resolve(target), { now: this.clock.now(), appVersion: core.version });
    } catch (error) {
      throw storageFailureOf(error);
    }
  }

  /** Stops background work and closes the data. */
  async close(): Promise<void> {
    await this.closeCurrent();
  }

  private async closeCurrent(): Promise<void> {
    const core = this.current;
    this.current = null;
    if (core) await core.close();
  }

  /**
   * Backs up the (closed) current data before it is replaced, from a read connection of its own,
   * then folds its log into the file — which also tells whether another program still has it open
   * (then nothing is replaced).
   */
  private async backUpClosedData(): Promise<string> {
    this.assertAlone('changed');
    const reader = openReadableDatabase(this.dataDir);
    let path: string;
    try {
      const backups = new BackupService({
        dataDir: this.dataDir,
        clock: this.clock,
        source: () => reader.db,
      });
      path = (await backups.create('before-restore')).path;
    } finally {
      reader.close();
    }
    this.assertAlone('changed');
    return path;
  }

  /**
   * Folds the (closed) data file's write-ahead log into it, which also tells whether another
   * program — the app, or the command line — still has it open: then nothing may replace or delete
   * it. A damaged file is left untouched (it is only ever set aside).
   */
  private assertAlone(nothingWas: 'changed' | 'erased'): void {
    const live = join(this.dataDir, DATABASE_FILE);
    if (!existsSync(live) || this.problem) return;
    if (!settleDataFile(live) || existsSync(`${live}-wal`)) {
      throw new AppFailure('busy', format('errors.dataSafety.inUse', { what: nothingWas }));
    }
  }

  private async exclusive<T>(what: 'restore' | 'empty' | 'erase', fn: () => Promise<T>): Promise<T> {
    if (this.operation)
      throw new AppFailure('busy', format('errors.dataSafety.busy', { operation: this.operation }));
    this.operation = what;
    try {
      return await fn();
    } catch (error) {
      throw storageFailureOf(error);
    } finally {
      this.operation = null;
    }
  }

  private newestGood(): BackupDetails | null {
    if (!this.problem) return null;
    if (this.newestGoodCache?.problem !== this.problem) {
      const backup = FILE_DAMAGE_KINDS.has(this.problem.kind) ? this.backups().newestGood() : null;
      this.newestGoodCache = { problem: this.problem, backup };
    }
    return this.newestGoodCache.backup;
  }

  private describe(): DataProblem {
    const problem = this.problem!;
    const backup = this.newestGood();
    return describeDataProblem(problem.kind, {
      file: problem.file,
      detail: problem.detail,
      backup: backup ? { createdAt: backup.createdAt, path: backup.path } : null,
      ...(problem.versions ? { versions: problem.versions } : {}),
    });
  }
}
