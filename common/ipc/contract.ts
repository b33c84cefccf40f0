import type { z } from 'zod';
import type { FindingKind, FindingStatus, Severity } from '../domain/checks/findings';
import type { ColumnMapping, ImportFormat, SkippedRow } from '../domain/import/types';
import type { Category, Criticality, MfaMethod } from '../domain/inventory';
import type { Priority, TaskKind, TaskStatus } from '../domain/tasks/tasks';
import type { ServiceUrlInfo } from '../domain/serviceUrl';
import type { StepStatus } from '../domain/guides/session';
import type { SessionSummary } from '../domain/guides/summary';
import type { Result } from './result';
import type { Channel, requestSchemas } from './schemas';

export type { Channel } from './schemas';
export type { SessionSummary } from '../domain/guides/summary';

/** A person whose accounts are in this file. */
export interface Person {
  id: number;
  name: string;
  /** The "Me" created on first run. */
  isDefault: boolean;
  accountCount: number;
  emails: EmailAddress[];
  createdAt: string;
}

/** An email address a person uses. */
export interface EmailAddress {
  id: number;
  personId: number;
  address: string;
  createdAt: string;
}

/** An account in the inventory. Dates are `YYYY-MM-DD`; timestamps ISO-8601 UTC. */
export interface Account {
  id: number;
  personId: number;
  personName: string;
  service: string;
  url: string;
  /** Registrable domain derived from `url`, or null without a URL. */
  domain: string | null;
  urlKind: ServiceUrlInfo['kind'] | null;
  username: string;
  category: Category;
  criticality: Criticality;
  mfa: MfaMethod;
  passwordChangedAt: string | null;
  recoveryReviewedAt: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
  /** An import saw a TOTP secret for this account (the secret itself was never kept). */
  hasTotp: boolean;
  source: 'manual' | 'import';
  /** zxcvbn score 0–4 of the imported password; null when no password was ever analysed. */
  passwordStrength: number | null;
}

/** Facts about the running app. */
export interface AppInfo {
  version: string;
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  platform: string;
}

/** What a delete returns so the user can undo it. */
export interface DeletionReceipt {
  token: string;
  count: number;
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

/** A labelled https link a task offers (opened in the browser). */
export interface TaskLink {
  label: string;
  url: string;
}

/** A fix task: one concrete thing a person does, tracked until verified. */
export interface Task {
  id: number;
  /** Stable key of a generated task (`change_password:account:12`); null for manual tasks. */
  key: string | null;
  kind: TaskKind;
  title: string;
  /** Why, in plain words: the titles of the findings it answers. */
  why: string[];
  links: TaskLink[];
  accountId: number | null;
  service: string | null;
  personName: string | null;
  source: 'finding' | 'manual' | 'guide';
  priority: Priority;
  priorityIsManual: boolean;
  dueAt: string | null;
  status: TaskStatus;
  snoozedUntil: string | null;
  wontDoReason: string | null;
  /** Done, and the checks agree (every finding it answers is closed). */
  verified: boolean;
  /** Why a done task is not verified, or how it was. */
  verificationNote: string;
  findingIds: number[];
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  /** Open and due today or earlier (by the main process's clock). */
  isDue: boolean;
  /** Open and past its due date. */
  isOverdue: boolean;
}

/** The home screen: the exposure score and its trend, progress, and the next best action. */
export interface Dashboard {
  /** 0–100, lower is better (see the README for the formula). */
  score: number;
  /** One point a day, oldest first (the last 30 days with data). */
  trend: { day: string; score: number }[];
  openFindings: number;
  fixedFindings: number;
  /** Findings ever raised, not counting those set aside. */
  totalFindings: number;
  categories: { category: 'passwords' | 'mfa' | 'breaches'; open: number; fixed: number }[];
  nextTask: Task | null;
  overdue: number;
  dueToday: number;
  verifiedTasks: number;
  totalTasks: number;
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

/** A guide in the library. */
export interface GuideSummary {
  id: string;
  version: string;
  title: string;
  summary: string;
  category: string;
  estimatedMinutes: number;
  stepCount: number;
  source: 'bundled' | 'imported';
  /** It applies to one of the open findings. */
  isRelevant: boolean;
}

/** A guide to read, its steps resolved for a provider variant. */
export interface GuideDetail {
  id: string;
  version: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  source: 'bundled' | 'imported';
  /** Who wrote it, as the file says (imported guides: shown so the reader knows whose advice it is). */
  author: string | null;
  variants: { id: string; label: string }[];
  steps: {
    id: string;
    title: string;
    why: string;
    instructions: string[];
    links: TaskLink[];
    estimatedMinutes: number;
    confirm: string | null;
    sources: TaskLink[];
  }[];
}

/** A provider incident without a published dataset (bundled, sourced). */
export interface Incident {
  id: string;
  provider: string;
  title: string;
  domains: string[];
  period: { from: string; to: string | null };
  disclosedOn: string;
  summary: string;
  whatWasTaken: string[];
  dataClasses: string[];
  notices: { label: string; publisher: string; publishedOn: string; url: string }[];
  /** The guides to follow, best first (ids in the library). */
  guides: string[];
  /**
   * The account families of its domains (one sign-in across several domains): a notice about it
   * concerns every account of these families, at any of their domains (`domains`: the family's own
   * and shared ones, its home domain first). Empty when none, or when the datasets cannot be loaded.
   */
  families: { id: string; name: string; domains: string[] }[];
}

/** A breach notice a person received, as recorded in Lockstep. */
export interface BreachNotice {
  id: number;
  personId: number;
  personName: string;
  /** The bundled incident it is about, if any. */
  incidentId: string | null;
  provider: string;
  domains: string[];
  receivedOn: string;
  exposed: string[];
  emailId: number | null;
  emailAddress: string | null;
  details: string;
  /** When a guide for it was finished. */
  handledAt: string | null;
  createdAt: string;
  /** The finding it raised (open, or closed once handled). */
  findingId: number | null;
}

/** Where a step of a guide run stands. */
export type GuideStepStatus = StepStatus;

/** A step of a guide run: the guide's words, and what has happened to it. */
export interface GuideRunStep {
  id: string;
  title: string;
  why: string;
  instructions: string[];
  links: TaskLink[];
  sources: TaskLink[];
  estimatedMinutes: number;
  confirm: string | null;
  collects: { prompt: string; itemLabel: string; maxItems: number } | null;
  /** Marking it done asks which two-step method was turned on. */
  asksMfa: boolean;
  /** What marking it done will record, in words. */
  effects: string[];
  status: GuideStepStatus;
  note: string;
  items: string[];
  /** What was recorded when it was done, in words. */
  applied: string[];
  taskIds: number[];
  updatedAt: string | null;
}

/** Where a run came from, and how far it has got. */
export interface GuideRunListItem {
  id: number;
  guideId: string;
  guideTitle: string;
  accountId: number | null;
  accountLabel: string | null;
  origin: 'library' | 'finding' | 'task' | 'notice';
  originId: number | null;
  originLabel: string;
  helperName: string;
  status: 'active' | 'finished' | 'abandoned';
  currentStep: number;
  progress: { done: number; skipped: number; blocked: number; pending: number; total: number };
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** A guide being followed, step by step (resumable: everything is stored as it happens). */
export interface GuideRun extends GuideRunListItem {
  guideVersion: string;
  guideSummary: string;
  variant: { id: string; label: string } | null;
  personName: string | null;
  steps: GuideRunStep[];
}

/** The guides that fit a finding, task or notice, and the account they would be run for. */
export interface GuideSuggestion {
  guides: { id: string; title: string; summary: string; estimatedMinutes: number; stepCount: number }[];
  /** The account the run would be for (when there is exactly one), else null. */
  accountId: number | null;
  /** The accounts it concerns (to choose from when there are several). */
  accountIds: number[];
}

/** A finding: something wrong with one or more accounts, and why. */
export interface Finding {
  id: number;
  kind: FindingKind;
  subject: string;
  severity: Severity;
  status: FindingStatus;
  /** Facts behind it (JSON); never a secret. */
  evidence: Record<string, unknown>;
  accountIds: number[];
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  dismissedReason: string | null;
  recheckAt: string | null;
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

/** User settings. Online features are off until the user turns them on. */
export interface Settings {
  /** Check passwords against Have I Been Pwned's range API (k-anonymity: 5 hex characters of a SHA-1 are sent). */
  onlinePwnedCheck: boolean;
  /** The range API's base URL (tests point it at a local fake server). */
  pwnedRangeUrl: string;
  /** Have I Been Pwned's base URL for the email search (with the user's own key). */
  hibpApiUrl: string;
  /** Where the public datasets are refreshed from. */
  datasetUrls: { breaches: string; twoFactor: string; passkeys: string };
  /** A desktop notification, at most once a day, for tasks due today or overdue. */
  reminders: boolean;
  /** The name of a helper making changes for someone (recorded in the history); '' when it is the person. */
  helperName: string;
}

/** One outbound request, as the user can read it. */
export interface LedgerEntry {
  id: number;
  at: string;
  method: string;
  url: string;
  purpose: string;
  /** Exactly what left the computer, in words (e.g. "5 hex characters of a SHA-1: 21BD1"). */
  sent: string;
  outcome: string;
}

interface Responses {
  'app:info': AppInfo;
  'people:list': Person[];
  'people:create': Person;
  'people:rename': Person;
  'people:delete': DeletionReceipt;
  'emails:add': EmailAddress;
  'emails:delete': DeletionReceipt;
  'accounts:list': Account[];
  'accounts:get': Account;
  'accounts:create': Account;
  'accounts:update': Account;
  'accounts:delete': DeletionReceipt;
  'trash:undo': { restored: number };
  'shell:openExternal': { opened: boolean };
  'findings:list': Finding[];
  'import:pickFile': { path: string; name: string } | null;
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
  'guideRuns:summary': SessionSummary;
  'guideRuns:export': { saved: boolean; path: string | null };
}

/** The request type of a channel, as the renderer sends it (before validation). */
export type RequestOf<C extends Channel> = z.input<(typeof requestSchemas)[C]>;
/** The request type of a channel after validation, as handlers receive it. */
export type ParsedRequestOf<C extends Channel> = z.output<(typeof requestSchemas)[C]>;
/** The response type of a channel. */
export type ResponseOf<C extends Channel> = Responses[C];

/** Areas whose data changed; views holding that data refetch. */
export type ChangeArea = 'people' | 'accounts' | 'findings' | 'settings' | 'ledger' | 'tasks' | 'guides';
/** The event main broadcasts after a write. */
export interface DidChangeEvent {
  areas: ChangeArea[];
}
/** The event channel for data changes, from main to renderer. */
export const DID_CHANGE_CHANNEL = 'app:didChange';
/** The event channel asking the window to show a screen (a clicked reminder). */
export const NAVIGATE_CHANNEL = 'app:navigate';
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
  /** The file-system path of a dropped file (Electron only; '' elsewhere). */
  pathForFile(file: { readonly name: string }): string;
};
