import { existsSync } from 'node:fs';
import { helperActor, SELF_ACTOR } from '../../common/domain/history/actor';
import { join } from 'node:path';
import type { Catalogue } from '../../common/content/catalogue';
import type { FamilyIndex } from '../../common/content/families';
import type { ChangeArea, ImportProgress } from '../../common/ipc/contract';
import {
  DATABASE_FILE,
  openReadableDatabase,
  openWritableDatabase,
  type ReadableDb,
  type ReadConnection,
  type WritableDb,
} from '../db/connection';
import { checkDatabase, checkFileHeader, DataFileError, storageProblemOf } from '../db/dataFile';
import { DatabaseFromFutureError, LATEST_SCHEMA_VERSION } from '../db/migrate';
import { createReadRepositories, type ReadRepositories } from '../db/repositories/index';
import type { PlatformPort } from '../platform/port';
import { ChecksService } from './checksService';
import { systemClock, today, type Clock } from './clock';
import { DashboardService } from './dashboardService';
import { BackupService } from './dataSafety/backupService';
import { finishPendingRestore } from './dataSafety/pendingRestore';
import { DataWatch } from './dataSafety/watch';
import { getCatalogue, getFamilies } from './datasets/loadDatasets';
import { ExposureService } from './exposureService';
import { GuideRunsService } from './guideRunsService';
import { GuidesService } from './guidesService';
import { ImportService } from './importService';
import { defaultPersonName, InventoryService } from './inventoryService';
import { NoticesService, withNoticeGuides } from './noticesService';
import { loadCatalogueWithRefreshes, refreshedDatasetsDir } from './online/refreshDatasets';
import { OnlineService } from './onlineService';
import { inProcessMailScanRunner, workerMailScanRunner } from './mailScan/runner';
import { MailScanService } from './mailScanService';
import { createPasswordHealth, loadFingerprintKey } from './passwordHealthDeps';
import { PwnedIndexService } from './pwnedIndexService';
import { RemindersService } from './remindersService';
import { Scheduler } from './scheduler';
import { SettingsService, settingsOf } from './settingsService';
import type { Store } from './store';
import { TasksService } from './tasksService';
import { ReportsService } from './reportsService';
import { StaffImportService } from './staffImportService';
import { TeamService } from './teamService';
import { WritePath } from './writePath';
import { FileGrants } from './fileGrants';
import type { StrengthScorerStats } from './passwordHealth/strengthPool';
import { StoredVerdictCache } from './passwordHealth/storedVerdicts';

/** What the app needs to run, whatever the shell around it (Electron, the CLI, the e2e harness). */
export interface CoreOptions {
  dataDir: string;
  platform: PlatformPort;
  clock?: Clock;
  /** Called once after every committed change, with the areas that changed. */
  onDidChange?: (areas: ChangeArea[]) => void;
  /** Asks the window to show a screen (a clicked reminder), e.g. `/tasks?task=12`. */
  onNavigate?: (path: string) => void;
  /** Called as an import makes progress. */
  onImportProgress?: (event: ImportProgress) => void;
  version?: string;
  /** The network for opt-in online checks (tests pass a fake). */
  fetchImpl?: typeof fetch;
  /** Who is making changes, for the history (the person, or a named helper). */
  actor?: string;
  /** The public datasets (default: the bundled ones, loaded on first use). */
  catalogue?: () => Catalogue;
  /**
   * The built mailbox-scan worker (`mailScanWorker.js` beside the main bundle): scans run in a
   * worker thread. Without it (the CLI, tests, the e2e browser target) they run in this process.
   */
  mailScanWorker?: string;
}

/** The composed app: database, services and the platform port. */
export interface Core {
  readonly dataDir: string;
  readonly databasePath: string;
  readonly version: string;
  readonly platform: PlatformPort;
  readonly clock: Clock;
  /** Repositories over the read-only connection. */
  readonly read: ReadRepositories;
  /** The read-only connection itself (diagnostics, tests): it cannot change anything. */
  readonly readDb: ReadableDb;
  /** The one way data changes. */
  readonly writePath: WritePath;
  readonly inventory: InventoryService;
  readonly checks: ChecksService;
  readonly imports: ImportService;
  readonly settings: SettingsService;
  readonly exposure: ExposureService;
  readonly tasks: TasksService;
  readonly online: OnlineService;
  readonly reminders: RemindersService;
  readonly dashboard: DashboardService;
  readonly pwnedIndex: PwnedIndexService;
  readonly guides: GuidesService;
  readonly notices: NoticesService;
  readonly guideRuns: GuideRunsService;
  /** The team view: people, coverage figures. */
  readonly team: TeamService;
  /** Staff lists imported as people. */
  readonly staffImport: StaffImportService;
  /** The team report and the MFA attestation. */
  readonly reports: ReportsService;
  /** Backups of this data: taken, listed, checked, rotated. */
  readonly backups: BackupService;
  /** Background work: the day's backup after the first change, the weekly refresh. */
  readonly watch: DataWatch;
  readonly mailScan: MailScanService;
  /** What password scoring has done in this process (benchmarks and tests). */
  scoringStats(): StrengthScorerStats | null;
  /** Files the person picked or dropped, referred to by token (the window never sends a path). */
  readonly files: FileGrants;
  /**
   * Periodic work (reminders, the day's re-check, the daily backup, the weekly refresh): started by
   * the app, never by the CLI.
   */
  readonly scheduler: Scheduler;
  /** The schema version of the data file. */
  schemaVersion(): number;
  /**
   * What the app does when it starts: the trash of the last session is emptied (its undo window has
   * ended) and, when a day has passed or the public datasets changed since the checks last ran,
   * they run again. Reading the data never needs this: opening a core writes nothing.
   */
  startSession(): void;
  /** Stops background work, forgets pending imports and closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the data in `dataDir` and wires the services over it. Opening writes nothing to an
 * existing, current database: reads use a read-only connection, and the writable one is opened at
 * the first change. A new database is created (with its first person), and an older one is backed
 * up and then migrated, before anything is read.
 *
 * The file is checked first, cheaply: its header (an empty, cut-short or non-SQLite file), then
 * SQLite's `quick_check` (with `integrity_check` for the details when it fails) and the schema (not
 * Lockstep's, or from a newer version). A file that fails is never written to: a
 * {@link DataFileError} says what is wrong, and the app shows the recovery screen. A restore that a
 * crash interrupted is finished before anything else.
 */
export function openCore(options: CoreOptions): Core {
  const dataDir = options.dataDir;
  const clock = options.clock ?? systemClock;
  const version = options.version ?? '0.0.0';
  const userAgent = `Lockstep/${version} (+https://github.com/lockstep)`;
  const emit = options.onDidChange ?? (() => {});
  const path = join(dataDir, DATABASE_FILE);

  // A restore a crash interrupted is finished (or its half-made files removed) first.
  finishPendingRestore(dataDir);
  const header = checkFileHeader(path);
  if (header.status === 'problem') throw new DataFileError(header.kind, path, header.detail);

  let reader: ReadConnection | null = null;
  const backups = new BackupService({ dataDir, clock, source: () => reader?.db ?? null });
  let writable: WritableDb | null = null;
  try {
    if (header.status === 'missing') writable = openWritableDatabase(dataDir, defaultPersonName());
    reader = openReadableDatabase(dataDir);
    const check = checkDatabase(reader.db, LATEST_SCHEMA_VERSION);
    if (check.status === 'problem') {
      throw new DataFileError(
        check.kind,
        path,
        check.detail,
        check.kind === 'newer' && check.schemaVersion !== undefined
          ? { found: check.schemaVersion, supported: LATEST_SCHEMA_VERSION }
          : undefined,
      );
    }
    if (!writable && check.schemaVersion < LATEST_SCHEMA_VERSION) {
      writable = openWritableDatabase(dataDir, defaultPersonName(), {
        beforeMigrate: (db) => backups.createFrom(db, 'before-migration'),
      });
      // Read the migrated file (a reader over a copy, in a folder that cannot be read in place,
      // would still see the old schema).
      reader.close();
      reader = openReadableDatabase(dataDir);
    }
  } catch (error) {
    writable?.close();
    reader?.close();
    throw asDataFileError(error, path);
  }
  const openReader: ReadConnection = reader;
  const read = createReadRepositories(openReader.db);

  // The bundled datasets (shared by every core in the process), or refreshed copies in this data
  // folder once the user has refreshed them; reloaded after a refresh.
  let refreshedCatalogue: Catalogue | null = null;
  const catalogue =
    options.catalogue ??
    (() => {
      if (!existsSync(refreshedDatasetsDir(dataDir))) return getCatalogue();
      refreshedCatalogue ??= loadCatalogueWithRefreshes(dataDir);
      return refreshedCatalogue;
    });

  // The account families: the catalogue's, or — when the public datasets cannot be loaded — the
  // families file read on its own, so notices and guide variants still know a whole family.
  const families = (): FamilyIndex => {
    try {
      return catalogue().families;
    } catch {
      return getFamilies();
    }
  };

  const store: Store = { read, write: (fn) => writePath.write(fn) };
  const settings: SettingsService = new SettingsService(store);
  // Who made a change: a named helper when one is set in Settings (or --as on the command line).
  const actorNow = (): string => {
    if (options.actor) return options.actor;
    const helper = settings.get().helperName.trim();
    return helper ? helperActor(helper) : SELF_ACTOR;
  };
  const writePath: WritePath = new WritePath({
    open: () => {
      const db = writable ?? openWritableDatabase(dataDir, defaultPersonName());
      writable = null;
      return db;
    },
    clock,
    actor: actorNow,
    catalogue,
    families,
    passwordSources: (repos) => ({
      online: settingsOf(repos.settings.get('app')).onlinePwnedCheck,
      index: pwnedIndex.installed(),
    }),
    // Each notice carries the guide it points to (its time is the finding's estimate).
    noticeGuides: (notices) => withNoticeGuides(notices, guides),
    emit,
    onCommit: () => watch.noteChange(),
  });

  /** The service's own name for a domain, from the two-step directory; none without the datasets. */
  const serviceNameOf = (domain: string): string | undefined => {
    try {
      return catalogue().twoFactor(domain)?.name;
    } catch {
      // Without the public datasets an app is named from its id alone.
      return undefined;
    }
  };
  const inventory = new InventoryService(store, clock, serviceNameOf);
  const checks = new ChecksService(store, writePath, clock, () => ({
    online: settings.get().onlinePwnedCheck,
    index: pwnedIndex.installed(),
  }));
  const exposure = new ExposureService(catalogue, store);
  const tasks = new TasksService(store, clock, () => settings.get().helperName);
  const online = new OnlineService(
    dataDir,
    options.platform,
    settings,
    store,
    () => {
      refreshedCatalogue = null;
    },
    emit,
    userAgent,
    options.fetchImpl,
  );
  const reminders = new RemindersService(
    tasks,
    settings,
    options.platform,
    clock,
    options.onNavigate ?? (() => {}),
  );
  const guides: GuidesService = new GuidesService(
    dataDir,
    () => read.findings.list(),
    options.platform,
    emit,
    families,
  );
  const notices = new NoticesService(store, guides, clock);
  const guideRuns = new GuideRunsService({
    store,
    tasks,
    guides,
    platform: options.platform,
    clock,
    families,
  });
  const mailScan = new MailScanService({
    store,
    platform: options.platform,
    key: () => loadFingerprintKey(dataDir, options.platform),
    runner: options.mailScanWorker ? workerMailScanRunner(options.mailScanWorker) : inProcessMailScanRunner,
  });
  const dashboard = new DashboardService(store, tasks, () => checks.passwordCoverage());
  const team = new TeamService(store, clock);
  const reports = new ReportsService({ store, clock, platform: options.platform, settings, exposure, tasks });
  const verdicts = new StoredVerdictCache(read);
  const health = createPasswordHealth(dataDir, options.platform, verdicts);
  const pwnedIndex: PwnedIndexService = new PwnedIndexService(dataDir, options.platform, emit, () =>
    writePath.write((tx) => {
      tx.touch('sources');
      tx.announce('findings');
    }),
  );
  const files = new FileGrants();
  const staffImport = new StaffImportService(store, files);
  const imports = new ImportService({
    files,
    verdicts,
    store,
    settings,
    clock,
    progress: options.onImportProgress ?? (() => {}),
    health: () => health.get(),
    scoring: health,
    offlineIndex: (passwords) => pwnedIndex.lookup(passwords),
    userAgent,
    fetchImpl: options.fetchImpl,
    serviceName: serviceNameOf,
  });
  const scheduler = new Scheduler(clock);
  const watch: DataWatch = new DataWatch({
    backups,
    settings,
    online,
    findings: () => read.findings.list(),
    platform: options.platform,
    clock,
    navigate: options.onNavigate ?? (() => {}),
    isActive: () => scheduler.isRunning(),
    requestBackup: () => void scheduler.runNow('backup'),
  });
  scheduler.add({ name: 'reminders', everyMs: 60 * 60 * 1000, run: () => void reminders.check() });
  scheduler.add({ name: 'derivations', everyMs: 60 * 60 * 1000, run: () => refreshDerivations() });
  scheduler.add({
    name: 'backup',
    everyMs: 60 * 60 * 1000,
    run: async () => void (await watch.dailyBackup()),
  });
  scheduler.add({
    name: 'refresh',
    everyMs: 60 * 60 * 1000,
    run: async () => void (await watch.weeklyRefresh()),
  });

  /** Re-runs the checks when the day or the datasets changed since they last ran. */
  const refreshDerivations = () => {
    let dates = 'unavailable';
    try {
      dates = JSON.stringify(catalogue().datasetDates);
    } catch {
      // The checks that need the datasets say so when they run.
    }
    const stamp = { day: today(clock), dates, version };
    const last = read.settings.get('derivedFor');
    if (JSON.stringify(last) === JSON.stringify(stamp)) return;
    writePath.write((tx) => {
      tx.repos.settings.put('derivedFor', stamp);
      tx.touch('clock', 'catalogue');
    });
  };

  return {
    dataDir,
    databasePath: join(dataDir, DATABASE_FILE),
    version,
    platform: options.platform,
    clock,
    read,
    readDb: openReader.db,
    writePath,
    inventory,
    checks,
    imports,
    settings,
    exposure,
    tasks,
    online,
    reminders,
    dashboard,
    pwnedIndex,
    guides,
    notices,
    guideRuns,
    team,
    staffImport,
    reports,
    backups,
    watch,
    mailScan,
    files,
    scoringStats: () => health.stats(),
    scheduler,
    schemaVersion: () => openReader.db.pragma('user_version', { simple: true }) as number,
    startSession: () => {
      inventory.purgeTrash();
      inventory.nameAppAccounts();
      refreshDerivations();
    },
    close: async () => {
      scheduler.stop();
      await scheduler.idle();
      imports.dispose();
      await mailScan.dispose();
      await health.close();
      // The reader first, so the writer is the last connection: closing it folds the log into the
      // file (a read-only connection cannot), and no -wal is left behind.
      openReader.close();
      writePath.close();
      writable?.close();
    },
  };
}

/** What an error met while opening the data means for a person, as a {@link DataFileError}. */
function asDataFileError(error: unknown, path: string): unknown {
  if (error instanceof DataFileError) return error;
  if (error instanceof DatabaseFromFutureError)
    return new DataFileError('newer', path, null, { found: error.found, supported: error.supported });
  const kind = storageProblemOf(error);
  return kind ? new DataFileError(kind, path, error instanceof Error ? error.message : null) : error;
}
