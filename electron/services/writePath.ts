import type { Catalogue, DatasetDates } from '../../common/content/catalogue';
import type { FamilyIndex } from '../../common/content/families';
import { scoreFigures } from '../../common/domain/dashboard/score';
import {
  CATALOGUE_KINDS,
  FINDING_KINDS,
  reconcileFindings,
  runChecks,
  type CheckNotice,
} from '../../common/domain/checks/findings';
import type { HistorySubjectType } from '../../common/domain/history/chain';
import type { PasswordSources } from '../../common/domain/passwords/coverage';
import { reconcileTasks, type TaskAccount } from '../../common/domain/tasks/reconcile';
import type { ChangeArea } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { DataProblemKind } from '../../common/model/dataSafety';
import type { WritableDb } from '../db/connection';
import { DataFileError, newerDataFileError, storageProblemOf } from '../db/dataFile';
import { DatabaseFromFutureError } from '../db/migrate';
import type { CheckInputAccount } from '../db/repositories/findingsRepository';
import { createRepositories, type Repositories } from '../db/repositories/index';
import { timestamp, today, type Clock } from './clock';
import { format } from '../../common/messages/format';

/**
 * What a change can touch that the derived data is computed from. The derivations re-run, in a
 * fixed order, only when one of their inputs was touched:
 * - checks → findings: `inventory` (people, accounts, addresses, password signals, breach marks),
 *   `notices`, `catalogue` (the public datasets), `sources` (the breached-password sources: the
 *   online check turned on or off, an offline index installed), `clock` (a new day: re-check dates),
 *   `mail` (what finished mailbox scans found, and the secrets recorded as replaced);
 * - tasks and their verification: whatever changed the findings, and `findings` (a dismissal),
 *   `tasks` (a status the reconciliation verifies);
 * - the day's dashboard snapshot: whatever changed findings or tasks.
 */
export type DerivationInput =
  'inventory' | 'notices' | 'catalogue' | 'sources' | 'clock' | 'findings' | 'tasks' | 'mail';

/** One history row, as a change describes it (the write path adds when, who, and the chain). */
export interface HistoryDraft {
  subjectType: HistorySubjectType;
  subjectId: number;
  action: string;
  from: string | null;
  to: string | null;
  note: string;
  /** Who did it, when not whoever is at the keyboard (a guide run's helper). */
  actor?: string;
}

/** What a change sees inside its transaction. */
export interface WriteContext {
  /** The repositories over the writable connection, inside this transaction. */
  readonly repos: Repositories;
  /** When the change happens (one instant for the whole change). */
  readonly now: string;
  /** Today, YYYY-MM-DD, local time. */
  readonly day: string;
  /** Who is making the change: "Me", or a named helper. */
  readonly actor: string;
  /** Marks derivation inputs as changed: the derivations re-run before the commit. */
  touch(...inputs: DerivationInput[]): void;
  /** Areas the open views should refresh once the change is committed. */
  announce(...areas: ChangeArea[]): void;
  /** Records a change in the history, in this transaction. */
  record(entry: HistoryDraft): void;
}

/** Whether the checks that need the public datasets could run, and on what data. */
export interface ChecksStatus {
  catalogue: { available: true; dates: DatasetDates } | { available: false; error: string };
}

export interface WritePathOptions {
  /** Opens the writable connection (called at the first write). */
  open: () => WritableDb;
  clock: Clock;
  /** Who is at the keyboard now. */
  actor: () => string;
  /** The public datasets; may throw when they cannot be loaded. */
  catalogue: () => Catalogue;
  /**
   * The account families, loaded apart from the catalogue so notices keep their family reach when
   * the public datasets cannot be loaded; may throw. Default: the catalogue's.
   */
  families?: () => FamilyIndex;
  /** The breached-password sources available now (read inside the change). */
  passwordSources?: (repos: Repositories) => PasswordSources;
  /** Adds to each recorded notice what the checks need beyond the row (the guide it points to). */
  noticeGuides?: (notices: CheckNotice[]) => CheckNotice[];
  /** Tells open views what changed, once per committed change. */
  emit: (areas: ChangeArea[]) => void;
  /** Called after every committed change (the daily backup is taken after the first of a day). */
  onCommit?: () => void;
}

/**
 * The one way data changes (DESIGN.md, "One write path"). Every command runs as one `write(fn)`:
 * `BEGIN IMMEDIATE`; the change; then, if its inputs changed, the derivations in a fixed order —
 * checks → findings reconciliation → task reconciliation (with verification) → the day's dashboard
 * snapshot — each appending its history rows; the history chain; `COMMIT`; then exactly one change
 * notification. A failure anywhere rolls all of it back and notifies nothing. Decisions that read to
 * decide what to write are made inside `fn`, on `tx.repos`, so they see what they change.
 */
export class WritePath {
  private db: WritableDb | null = null;
  private repos: Repositories | null = null;
  private inWrite = false;
  /** Null until the checks first run (worded when asked: a command that only reads never formats). */
  private status: ChecksStatus | null = null;
  /** Committed changes since this path was opened (tests count them). */
  commits = 0;

  constructor(private readonly options: WritePathOptions) {}

  /** What the last check run could check. */
  checksStatus(): ChecksStatus {
    return this.status ?? { catalogue: { available: false, error: format('errors.storage.checksNotRun') } };
  }

  /** Runs `fn` and everything it implies as one transaction; returns what `fn` returned. */
  write<T>(fn: (tx: WriteContext) => T): T {
    if (this.inWrite) throw new Error('A write cannot start inside another write.');
    const repos = this.connect();
    const inputs = new Set<DerivationInput>();
    const areas = new Set<ChangeArea>();
    const rows: HistoryDraft[] = [];
    const now = timestamp(this.options.clock);
    const day = today(this.options.clock);
    const actor = this.options.actor();
    const tx: WriteContext = {
      repos,
      now,
      day,
      actor,
      touch: (...touched) => touched.forEach((input) => inputs.add(input)),
      announce: (...announced) => announced.forEach((area) => areas.add(area)),
      record: (entry) => rows.push(entry),
    };
    let result: T;
    this.inWrite = true;
    try {
      this.db!.transaction(() => {
        result = fn(tx);
        this.derive(tx, inputs, areas, rows);
        // Built field by field: an import records ~20,000 rows, and rest/spread copies cost ~50 ms.
        repos.history.appendMany(
          rows.map((row) => ({
            at: now,
            actor: row.actor ?? actor,
            subjectType: row.subjectType,
            subjectId: row.subjectId,
            action: row.action,
            from: row.from,
            to: row.to,
            note: row.note,
          })),
        );
      }).immediate();
    } catch (error) {
      throw storageFailureOf(error);
    } finally {
      this.inWrite = false;
    }
    this.commits += 1;
    if (areas.size > 0) this.options.emit([...areas]);
    this.options.onCommit?.();
    return result!;
  }

  /** Closes the writable connection, if it was opened. */
  close(): void {
    if (this.db?.open) this.db.close();
    this.db = null;
    this.repos = null;
  }

  private connect(): Repositories {
    if (!this.repos) {
      try {
        this.db = this.options.open();
      } catch (error) {
        throw storageFailureOf(error);
      }
      this.repos = createRepositories(this.db);
    }
    return this.repos;
  }

  private derive(
    tx: WriteContext,
    inputs: ReadonlySet<DerivationInput>,
    areas: Set<ChangeArea>,
    rows: HistoryDraft[],
  ): void {
    const { repos } = tx;
    const has = (...which: DerivationInput[]) => which.some((input) => inputs.has(input));
    const recheck = has('inventory', 'notices', 'catalogue', 'sources', 'clock', 'mail');
    // The accounts the checks read, when they ran: the tasks and the score use the same read.
    const checked = recheck ? this.runChecks(tx, rows) : null;
    if (!recheck && !has('findings', 'tasks')) return;

    let catalogue: Catalogue | null = null;
    if (this.status?.catalogue.available) {
      try {
        catalogue = this.options.catalogue();
      } catch {
        catalogue = null;
      }
    }
    const findings = repos.findings.list();
    const accounts = new Map<number, TaskAccount>((checked ?? repos.accounts.brief()).map((a) => [a.id, a]));
    const plan = reconcileTasks({
      findings,
      accounts,
      tasks: repos.tasks.list(),
      day: tx.day,
      now: tx.now,
      changePasswordUrl: catalogue ? (domain) => catalogue.changePasswordUrl(domain) : null,
      people: repos.people.names(),
    });
    for (const insert of plan.inserts) {
      const id = repos.tasks.insert(insert.task, insert.findingIds, tx.now);
      rows.push({ ...insert.history, subjectType: 'task', subjectId: id });
    }
    for (const refresh of plan.refreshes) {
      repos.tasks.refresh(refresh.id, refresh.wording, refresh.findingIds, tx.now);
    }
    for (const change of plan.statusChanges) {
      repos.tasks.setStatus(change.id, change.values, tx.now);
      if (change.history) rows.push({ ...change.history, subjectType: 'task', subjectId: change.id });
    }
    const criticalities = checked
      ? new Map(checked.map((a) => [a.id, a.criticality]))
      : repos.accounts.criticalities();
    const { score, open, fixed } = scoreFigures(findings, criticalities);
    repos.snapshots.put({ day: tx.day, score, openFindings: open.length, fixedFindings: fixed });
    areas.add('findings');
    areas.add('tasks');
  }

  /**
   * Re-runs every check and reconciles the findings. If the datasets cannot be loaded, the checks
   * that need them do not run and their findings are left exactly as they were: a check that could
   * not run never resolves anything. Returns the accounts it checked.
   */
  private runChecks(tx: WriteContext, rows: HistoryDraft[]): CheckInputAccount[] {
    const { repos } = tx;
    let catalogue: Catalogue | undefined;
    try {
      catalogue = this.options.catalogue();
      this.status = { catalogue: { available: true, dates: catalogue.datasetDates } };
    } catch (error) {
      this.status = {
        catalogue: { available: false, error: error instanceof Error ? error.message : String(error) },
      };
    }
    const notices = repos.notices.checkNotices();
    let families: FamilyIndex | undefined;
    try {
      families = this.options.families?.() ?? catalogue?.families;
    } catch {
      // Without the families file, notices match by domain alone (as before families existed).
      families = catalogue?.families;
    }
    const context = {
      emails: repos.emailBreaches.emails(),
      notices: this.options.noticeGuides ? this.options.noticeGuides(notices) : notices,
      mailHits: repos.mailScans.checkHits(),
      mailRotations: repos.mailScans.rotations(),
      ...(families ? { families } : {}),
      ...(this.options.passwordSources ? { passwordSources: this.options.passwordSources(repos) } : {}),
    };
    const checked = repos.findings.checkAccounts();
    const drafts = runChecks(checked, catalogue ? { ...context, catalogue } : context);
    const kindsRun = new Set<string>(FINDING_KINDS.filter((kind) => catalogue || !CATALOGUE_KINDS.has(kind)));
    const { upserts, autoResolve } = reconcileFindings(repos.findings.stored(), drafts, tx.day, kindsRun);
    for (const t of repos.findings.apply(upserts, autoResolve, tx.now)) {
      rows.push({
        subjectType: 'finding',
        subjectId: t.id,
        action: t.kind,
        from: t.from,
        to: t.to,
        note: '',
      });
    }
    return checked;
  }
}

/**
 * A change that could not be saved because of the data file or its surroundings (another program's
 * lock, a read-only folder, a full disk, damage): `kind` says which, the message what to do.
 * Nothing was changed.
 */
export class StorageFailure extends AppFailure {
  constructor(
    readonly kind: DataProblemKind,
    code: 'busy' | 'unavailable',
    message: string,
  ) {
    super(code, message);
    this.name = 'StorageFailure';
  }
}

/**
 * A {@link StorageFailure} for the storage errors a person can act on (a lock, a read-only folder, a
 * full disk, damage), with what to do; anything else is returned as it was.
 */
export function storageFailureOf(error: unknown): unknown {
  if (error instanceof DatabaseFromFutureError) error = newerDataFileError(error);
  if (error instanceof DataFileError) return new StorageFailure(error.kind, 'unavailable', error.message);
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return error;
  switch (storageProblemOf(error)) {
    case 'locked':
      return new StorageFailure('locked', 'busy', format('errors.storage.busy'));
    case 'read_only':
    case 'unreadable':
      return new StorageFailure('read_only', 'unavailable', format('errors.storage.readOnly'));
    case 'disk_full':
      return new StorageFailure('disk_full', 'unavailable', format('errors.storage.diskFull'));
    case 'damaged':
    case 'not_database':
      return new StorageFailure('damaged', 'unavailable', format('errors.storage.damaged'));
    default:
      return error;
  }
}
