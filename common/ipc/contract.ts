import type { z } from 'zod';
import type { FindingKind } from '../domain/checks/findings';
import type { PasswordCoverage } from '../domain/passwords/coverage';
import type { ColumnMapping, ImportFormat, SkippedRow } from '../domain/import/types';
import type { GuideRunSummary } from '../domain/guides/summary';
import type {
  Account,
  AppState,
  BackupDetails,
  BackupEntry,
  BackupFolder,
  BreachNotice,
  Checklist,
  EraseOutcome,
  ExportOutcome,
  RestoreOutcome,
  Dashboard,
  DeletionReceipt,
  EmailAddress,
  Finding,
  FindingPage,
  GuideDetail,
  GuideRun,
  GuideRunListItem,
  GuideSuggestion,
  GuideSummary,
  Incident,
  LedgerEntry,
  MailScanStatus,
  PendingDeletion,
  Person,
  Settings,
  StaffImportPreview,
  StaffImportResult,
  Task,
  TaskPage,
  TeamView,
} from '../model/index';
import type { Result } from './result';
import type { Channel, requestSchemas } from './schemas';

export type { Channel } from './schemas';
export type { GuideRunSummary } from '../domain/guides/summary';
export type * from '../model/index';

/** Facts about the running app. */
export interface AppInfo {
  version: string;
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  platform: string;
}

/** A breach from the catalogue, as the UI shows it (description as plain text, never HTML). */
export interface BreachSummary {
  name: string;
  title: string;
  domain: string | null;
  breachDate: string | null;
  addedDate: string;
  pwnCount: number;
  dataClasses: string[];
  descriptionText: string;
  isVerified: boolean;
  isSensitive: boolean;
  isSpamList: boolean;
  isFabricated: boolean;
  isRetired: boolean;
  raisesAccountFindings: boolean;
}

/** The public datasets in use: their dates, or why they could not be loaded. */
export interface DataSources {
  available: boolean;
  error: string | null;
  dates: {
    breaches: string | null;
    twoFactor: string;
    passkeys: string;
    changePasswordUrls: string;
    sharedCredentials: string;
  } | null;
  breachCount: number;
}

/** The offline Pwned Passwords index: what is installed, and a build in progress. */
export interface PwnedIndexStatus {
  installed: boolean;
  info: {
    builtAt: string;
    entries: number;
    bytes: number;
    sourceLines: number;
    falsePositiveRate: number;
  } | null;
  /** Why the last build failed, or why the installed index cannot be used. */
  problem: string | null;
  building: {
    linesDone: number;
    bytesDone: number;
    bytesTotal: number;
    source: string;
    secondsLeft: number | null;
  } | null;
}

/** One entry of an import preview (no password, ever). */
export interface ImportPreviewItem {
  row: number;
  service: string;
  domain: string | null;
  username: string;
  hasTotp: boolean;
  action: 'create' | 'update';
}

/** What an import would do, shown before anything is written. */
export interface ImportPreview {
  sessionId: string;
  fileName: string;
  personId: number;
  /** null when the columns match no known format: choose a mapping and preview again. */
  format: ImportFormat | null;
  formatLabel: string;
  columns: string[];
  suggestedMapping: Partial<ColumnMapping>;
  /** Login entries read. */
  entries: number;
  skipped: SkippedRow[];
  toCreate: number;
  toUpdate: number;
  /** What the reader noticed about the file that a person should know (e.g. short rows read as empty). */
  notices: string[];
  /** The first items (at most 500), in file order. */
  items: ImportPreviewItem[];
}

/** What an import did. */
export interface ImportResult {
  fileName: string;
  format: ImportFormat;
  entries: number;
  created: number;
  updated: number;
  skipped: SkippedRow[];
  /** Open findings after the import, by kind. */
  openFindings: Partial<Record<FindingKind, number>>;
  /** Email addresses used as login names that the person does not have yet (to offer adding them). */
  loginEmails: string[];
  /** How the breached-password check ran: always the bundled list; online only when turned on. */
  pwnedCheck: {
    commonList: true;
    online: 'off' | 'checked' | 'failed' | 'partial';
    /** The offline corpus index: not installed, used, or installed but unusable (then not "not breached"). */
    offlineIndex: 'off' | 'checked' | 'unavailable';
  };
}

/** Progress of a running import. */
export interface ImportProgress {
  sessionId: string;
  phase: 'analysing' | 'checking-online' | 'saving' | 'done';
  done: number;
  total: number;
}

interface Responses {
  'app:info': AppInfo;
  'people:list': Person[];
  'people:create': Person;
  'people:rename': Person;
  'people:delete': DeletionReceipt;
  'emails:add': EmailAddress;
  'emails:addMany': { added: EmailAddress[] };
  'emails:delete': DeletionReceipt;
  'accounts:list': Account[];
  'accounts:get': Account;
  'accounts:create': Account;
  'accounts:update': Account;
  'accounts:delete': DeletionReceipt;
  'trash:undo': { restored: number };
  'trash:list': PendingDeletion[];
  'shell:openExternal': { opened: boolean };
  'findings:list': Finding[];
  /** How the stored passwords were checked against breached-password lists, in numbers and words. */
  'passwords:coverage': { coverage: PasswordCoverage; lines: string[] };
  'import:pickFile': { token: string; name: string } | null;
  'import:preview': ImportPreview;
  'import:confirm': ImportResult;
  'import:cancel': { cancelled: boolean };
  'settings:get': Settings;
  'settings:update': Settings;
  'ledger:list': LedgerEntry[];
  'findings:dismiss': Finding;
  'findings:reopen': Finding;
  'breaches:search': BreachSummary[];
  'breaches:get': BreachSummary;
  'emails:markBreach': { marked: boolean };
  'emails:unmarkBreach': { unmarked: boolean };
  'emails:breaches': { emailId: number; breachName: string; source: 'manual' | 'hibp' }[];
  'accounts:confirmPasswordChange': Account;
  'data:sources': DataSources;
  'tasks:list': Task[];
  'tasks:done': Task;
  'tasks:setStatus': Task;
  'tasks:snooze': Task;
  'tasks:wontdo': Task;
  'tasks:create': Task;
  'tasks:plan': Task;
  'history:verify': { ok: boolean; count: number; brokenAt: number | null; reason: string | null };
  'history:list': {
    seq: number;
    at: string;
    actor: string;
    subjectType: string;
    subjectId: number;
    action: string;
    from: string | null;
    to: string | null;
    note: string;
  }[];
  'reminders:check': { notified: boolean; due: number };
  'dashboard:get': Dashboard;
  'tasks:bulk': { changed: number };
  'guides:list': GuideSummary[];
  'guides:get': GuideDetail;
  'pwnedIndex:status': PwnedIndexStatus;
  'pwnedIndex:build': PwnedIndexStatus;
  'pwnedIndex:cancel': PwnedIndexStatus;
  'pwnedIndex:verify': PwnedIndexStatus;
  'pwnedIndex:remove': PwnedIndexStatus;
  'online:keyStatus': { hasKey: boolean; keychainAvailable: boolean };
  'online:saveApiKey': { hasKey: boolean; keychainAvailable: boolean };
  'online:deleteApiKey': { hasKey: boolean; keychainAvailable: boolean };
  'online:checkEmails': {
    address: string;
    status: 'found' | 'not_found' | 'failed';
    breaches: string[];
    reason: string | null;
  }[];
  'online:refreshData': { refreshed: string[]; failed: { dataset: string; reason: string }[] };
  'guides:import': { imported: { id: string; title: string; version: string } | null };
  'guides:export': { saved: boolean; path: string | null };
  'incidents:list': Incident[];
  'notices:list': BreachNotice[];
  'notices:record': BreachNotice;
  'notices:delete': { deleted: boolean };
  'guideRuns:list': GuideRunListItem[];
  'guideRuns:get': GuideRun;
  'guideRuns:suggest': GuideSuggestion;
  'guideRuns:start': GuideRun;
  'guideRuns:mark': GuideRun;
  'guideRuns:note': GuideRun;
  'guideRuns:goto': GuideRun;
  'guideRuns:setHelper': GuideRun;
  'guideRuns:finish': GuideRun;
  'guideRuns:abandon': GuideRun;
  'guideRuns:summary': GuideRunSummary;
  'guideRuns:export': { saved: boolean; path: string | null };
  'people:update': Person;
  'people:pickFile': { token: string; name: string } | null;
  'people:importPreview': StaffImportPreview;
  'people:importConfirm': StaffImportResult;
  'people:importCancel': { cancelled: boolean };
  'team:get': TeamView;
  'tasks:assign': { changed: number };
  'checklists:list': Checklist[];
  'checklists:get': Checklist;
  'checklists:start': Checklist;
  'reports:export': { saved: boolean; path: string | null };
  'tasks:page': TaskPage;
  'findings:page': FindingPage;
  'accounts:page': { total: number; all: number; items: Account[] };
  'mailScan:status': MailScanStatus;
  'mailScan:start': { started: boolean; status: MailScanStatus };
  'mailScan:cancel': MailScanStatus;
  'mailScan:resume': { started: boolean; status: MailScanStatus };
  'mailScan:discard': MailScanStatus;
  'app:state': AppState;
  'recovery:retry': AppState;
  'recovery:startEmpty': { damagedKeptAs: string | null };
  'backups:list': BackupFolder;
  'backups:inspect': BackupDetails;
  'backups:create': BackupEntry;
  'backups:pick': BackupDetails | null;
  'backups:restore': RestoreOutcome;
  'backups:chooseFolder': BackupFolder | null;
  'backups:useDefaultFolder': BackupFolder;
  'data:export': ExportOutcome | null;
  'data:erase': EraseOutcome;
}

/** The request type of a channel, as the renderer sends it (before validation). */
export type RequestOf<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
/** The request type of a channel after validation, as handlers receive it. */
export type ParsedRequestOf<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
/** The response type of a channel. */
export type ResponseOf<C extends Channel> = Responses[C];

/** Areas whose data changed; views holding that data refetch. */
export type ChangeArea =
  'people' | 'accounts' | 'findings' | 'settings' | 'ledger' | 'tasks' | 'guides' | 'mail';
/** The event main broadcasts after a write. */
export interface DidChangeEvent {
  areas: ChangeArea[];
}
/** The event channel for data changes, from main to renderer. */
export const DID_CHANGE_CHANNEL = 'app:didChange';
/** The event channel asking the window to show a screen (a clicked reminder). */
export const NAVIGATE_CHANNEL = 'app:navigate';
/** The channel the preload (not the page) uses to grant main a dropped file. */
export const DROP_GRANT_CHANNEL = 'import:grantDroppedFile';
/** The event channel for import progress. */
export const IMPORT_PROGRESS_CHANNEL = 'import:didProgress';

/**
 * `window.lockstep`: one function per channel, plus a change subscription. The preload object
 * `satisfies` this type, so a channel without a function fails to compile.
 */
export type LockstepApi = {
  [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
} & {
  /** Subscribes to change events; returns the unsubscribe function. */
  onDidChange(listener: (event: DidChangeEvent) => void): () => void;
  /** Subscribes to requests to show a screen (`/tasks?task=12`); returns the unsubscribe function. */
  onNavigate(listener: (path: string) => void): () => void;
  /** Subscribes to import progress; returns the unsubscribe function. */
  onImportProgress(listener: (event: ImportProgress) => void): () => void;
  /**
   * Lets main read a file dropped on the window, by token (Electron only: the preload gives main
   * the file's path, never the page). Null where the shell cannot (then the page sends the bytes).
   */
  grantDroppedFile(file: { readonly name: string }): Promise<{ token: string; name: string } | null>;
};
