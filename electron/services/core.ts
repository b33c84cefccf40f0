import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../../common/content/catalogue';
import type { CheckNotice } from '../../common/domain/checks/findings';
import type { ChangeArea, ImportProgress } from '../../common/ipc/contract';
import { DATABASE_FILE, openDatabase } from '../db/connection';
import { AccountsRepository } from '../db/repositories/accountsRepository';
import { EmailBreachesRepository } from '../db/repositories/emailBreachesRepository';
import { BreachNoticesRepository } from '../db/repositories/breachNoticesRepository';
import { GuideSessionsRepository } from '../db/repositories/guideSessionsRepository';
import { HistoryRepository } from '../db/repositories/historyRepository';
import { TasksRepository } from '../db/repositories/tasksRepository';
import { FindingsRepository } from '../db/repositories/findingsRepository';
import { ImportsRepository } from '../db/repositories/importsRepository';
import { LedgerRepository } from '../db/repositories/ledgerRepository';
import { PasswordSignalsRepository } from '../db/repositories/passwordSignalsRepository';
import { PeopleRepository } from '../db/repositories/peopleRepository';
import { SettingsRepository } from '../db/repositories/settingsRepository';
import { TrashRepository } from '../db/repositories/trashRepository';
import type { PlatformPort } from '../platform/port';
import { ChecksService } from './checksService';
import { ExposureService } from './exposureService';
import { OnlineService } from './onlineService';
import { loadCatalogueWithRefreshes, refreshedDatasetsDir } from './online/refreshDatasets';
import { systemClock, timestamp, type Clock } from './clock';
import { ImportService } from './importService';
import { InventoryService } from './inventoryService';
import { getCatalogue } from './datasets/loadDatasets';
import { createPasswordHealth } from './passwordHealthDeps';
import { SettingsService } from './settingsService';
import { RemindersService } from './remindersService';
import { PwnedIndexService } from './pwnedIndexService';
import { GuidesService } from './guidesService';
import { GuideRunsService } from './guideRunsService';
import { NoticesService, withNoticeGuides } from './noticesService';
import { DashboardService } from './dashboardService';
import { SnapshotsRepository } from '../db/repositories/snapshotsRepository';
import { TasksService, type HistoryRecorder } from './tasksService';

/** What the app needs to run, whatever the shell around it (Electron, the CLI, the e2e harness). */
export interface CoreOptions {
  dataDir: string;
  platform: PlatformPort;
  clock?: Clock;
  /** Called after every write with the areas that changed. */
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
}

/** The composed app: database, services and the platform port. */
export interface Core {
  readonly dataDir: string;
  readonly databasePath: string;
  readonly version: string;
  readonly db: Database.Database;
  readonly platform: PlatformPort;
  readonly clock: Clock;
  readonly inventory: InventoryService;
  readonly checks: ChecksService;
  readonly imports: ImportService;
  readonly settings: SettingsService;
  readonly ledger: LedgerRepository;
  readonly passwordSignals: PasswordSignalsRepository;
  readonly emailBreaches: EmailBreachesRepository;
  readonly exposure: ExposureService;
  readonly tasks: TasksService;
  readonly online: OnlineService;
  readonly reminders: RemindersService;
  readonly dashboard: DashboardService;
  readonly pwnedIndex: PwnedIndexService;
  readonly guides: GuidesService;
  readonly notices: NoticesService;
  readonly guideRuns: GuideRunsService;
  readonly history: HistoryRepository;
  /** Tells open views that these areas changed (re-running the checks first if accounts did). */
  notify(areas: ChangeArea[]): void;
  /** Stops background workers, forgets pending imports and closes the database. */
  close(): Promise<void>;
}

/** Opens the database in `dataDir` and wires the services over it. */
export function openCore(options: CoreOptions): Core {
  const db = openDatabase(options.dataDir);
  const clock = options.clock ?? systemClock;
  const version = options.version ?? '0.0.0';
  const userAgent = `Lockstep/${version} (+https://github.com/lockstep)`;
  const emailBreaches = new EmailBreachesRepository(db);
  // The bundled datasets (shared by every core in the process), or refreshed copies in this data
  // folder once the user has refreshed them; reloaded after a refresh.
  let refreshedCatalogue: Catalogue | null = null;
  const catalogue =
    options.catalogue ??
    (() => {
      if (!existsSync(refreshedDatasetsDir(options.dataDir))) return getCatalogue();
      refreshedCatalogue ??= loadCatalogueWithRefreshes(options.dataDir);
      return refreshedCatalogue;
    });
  const notices = new BreachNoticesRepository(db);
  // Each notice carries the guide it points to (its time is the finding's estimate). The guide
  // library is read only when there is a notice; `guides` exists before the checks first run.
  const checks: ChecksService = new ChecksService(
    new FindingsRepository(db),
    emailBreaches,
    catalogue,
    clock,
    (): CheckNotice[] => withNoticeGuides(notices.checkNotices(), guides),
  );
  const guides: GuidesService = new GuidesService(
    options.dataDir,
    checks,
    options.platform,
    () => catalogue().families,
  );
  const history = new HistoryRepository(db);
  // Who made a change: a named helper when one is set in Settings (or --as on the command line).
  let settingsForActor: SettingsService | null = null;
  const actorNow = () => {
    if (options.actor) return options.actor;
    const helper = settingsForActor?.get().helperName.trim();
    return helper ? `Helper: ${helper}` : 'Me';
  };
  const record: HistoryRecorder = (entry) => {
    history.append({ ...entry, at: timestamp(clock), actor: entry.actor ?? actorNow() });
  };
  checks.setHistory(record);
  const emit = options.onDidChange ?? (() => {});
  // Any change to accounts re-runs the checks before open views are told, so findings never lag.
  // Tasks follow findings, so a change to findings is a change to tasks too.
  const notify = (areas: ChangeArea[]) => {
    const changed = new Set(areas);
    if (changed.has('accounts') && !changed.has('findings')) {
      checks.run();
      changed.add('findings');
    }
    if (changed.has('findings')) changed.add('tasks');
    emit([...changed]);
  };
  const people = new PeopleRepository(db);
  const passwordSignals = new PasswordSignalsRepository(db);
  const accounts = new AccountsRepository(db);
  const inventory = new InventoryService(people, accounts, new TrashRepository(db), clock, notify);
  inventory.initialise();
  checks.run();
  const settings = new SettingsService(new SettingsRepository(db));
  settingsForActor = settings;
  const ledger = new LedgerRepository(db);
  const exposure = new ExposureService(catalogue, emailBreaches, people, checks, clock, notify);
  const tasks = new TasksService(
    new TasksRepository(db),
    accounts,
    passwordSignals,
    checks,
    catalogue,
    clock,
    notify,
    record,
  );
  const online = new OnlineService(
    options.dataDir,
    options.platform,
    settings,
    ledger,
    emailBreaches,
    checks,
    () => {
      refreshedCatalogue = null;
    },
    clock,
    notify,
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
  const noticesService = new NoticesService(notices, people, guides, checks, clock, notify);
  const guideRuns = new GuideRunsService({
    runs: new GuideSessionsRepository(db),
    notices,
    accounts,
    signals: passwordSignals,
    tasks,
    checks,
    guides,
    platform: options.platform,
    clock,
    changed: notify,
    history: record,
    families: () => catalogue().families,
  });
  const dashboard = new DashboardService(checks, tasks, accounts, new SnapshotsRepository(db), clock);
  // The tasks follow the findings, and the day's score is kept: after every check run.
  checks.onDidRun(() => {
    tasks.reconcile();
    dashboard.snapshot();
  });
  tasks.reconcile();
  dashboard.snapshot();
  const health = createPasswordHealth(options.dataDir, options.platform);
  const pwnedIndex = new PwnedIndexService(options.dataDir, options.platform, notify);
  const imports = new ImportService({
    people,
    accounts,
    signals: passwordSignals,
    imports: new ImportsRepository(db),
    ledger,
    checks,
    settings,
    clock,
    changed: notify,
    progress: options.onImportProgress ?? (() => {}),
    health: () => health.get(),
    offlineIndex: (passwords) => pwnedIndex.lookup(passwords),
    transaction: (fn) => db.transaction(fn)(),
    userAgent,
    fetchImpl: options.fetchImpl,
  });
  return {
    dataDir: options.dataDir,
    databasePath: join(options.dataDir, DATABASE_FILE),
    version,
    db,
    platform: options.platform,
    clock,
    inventory,
    checks,
    imports,
    settings,
    ledger,
    passwordSignals,
    emailBreaches,
    exposure,
    tasks,
    online,
    reminders,
    dashboard,
    pwnedIndex,
    guides,
    notices: noticesService,
    guideRuns,
    history,
    notify,
    close: async () => {
      imports.dispose();
      await health.close();
      if (db.open) db.close();
    },
  };
}
