import type Database from 'better-sqlite3';
import type { ReadableDb, WritableDb } from '../connection';
import { AccountsRepository } from './accountsRepository';
import { BreachNoticesRepository } from './breachNoticesRepository';
import { EmailBreachesRepository } from './emailBreachesRepository';
import { FindingsRepository } from './findingsRepository';
import { GuideRunsRepository } from './guideRunsRepository';
import { HistoryRepository } from './historyRepository';
import { ImportsRepository } from './importsRepository';
import { LedgerRepository } from './ledgerRepository';
import { MailScansRepository } from './mailScansRepository';
import { PasswordSignalsRepository } from './passwordSignalsRepository';
import { PeopleRepository } from './peopleRepository';
import { SettingsRepository } from './settingsRepository';
import { SnapshotsRepository } from './snapshotsRepository';
import { StrengthVerdictsRepository } from './strengthVerdictsRepository';
import { TasksRepository } from './tasksRepository';
import { TrashRepository } from './trashRepository';
import { ConnectionRepository } from './connectionRepository';

function create(db: Database.Database) {
  return {
    people: new PeopleRepository(db),
    accounts: new AccountsRepository(db),
    trash: new TrashRepository(db),
    signals: new PasswordSignalsRepository(db),
    findings: new FindingsRepository(db),
    emailBreaches: new EmailBreachesRepository(db),
    notices: new BreachNoticesRepository(db),
    tasks: new TasksRepository(db),
    history: new HistoryRepository(db),
    snapshots: new SnapshotsRepository(db),
    settings: new SettingsRepository(db),
    ledger: new LedgerRepository(db),
    imports: new ImportsRepository(db),
    guideRuns: new GuideRunsRepository(db),
    verdicts: new StrengthVerdictsRepository(db),
    mailScans: new MailScansRepository(db),
    connection: new ConnectionRepository(db),
  };
}

/** Every repository over the one writable connection (handed out only inside a write). */
export type Repositories = ReturnType<typeof create>;

/**
 * The methods that change data. Every public repository method is either one of these or a read
 * (a test holds each repository to that), so the read views below can leave these out.
 */
export const WRITE_METHODS = [
  'add',
  'addEmail',
  'addChecklist',
  'append',
  'appendMany',
  'apply',
  'assign',
  'create',
  'delete',
  'dismiss',
  'forget',
  'insert',
  'mark',
  'markHandled',
  'markImported',
  'prune',
  'purge',
  'put',
  'putStep',
  'refresh',
  'rename',
  'reopen',
  'restore',
  'setCurrentStep',
  'setHelper',
  'setProfile',
  'setPlan',
  'setStatus',
  'trash',
  'trashEmailAddress',
  'unmark',
  'update',
] as const;
type WriteMethod = (typeof WRITE_METHODS)[number];

/** A repository with its writing methods taken away. */
export type ReadView<R> = Omit<R, WriteMethod>;
/** Every repository, read-only: what services use outside a write. */
export type ReadRepositories = { readonly [K in keyof Repositories]: ReadView<Repositories[K]> };

/** The repositories over the writable connection. */
export function createRepositories(db: WritableDb): Repositories {
  return create(db);
}

/**
 * The repositories over a read-only connection. Their types have no writing methods, and the
 * connection itself refuses to write (SQLITE_READONLY), so reading code cannot change data.
 */
export function createReadRepositories(db: ReadableDb): ReadRepositories {
  return create(db);
}
