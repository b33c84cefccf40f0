// A small business in one file: the team view, its coverage figures, checklists and reports.
import type { Severity } from '../domain/checks/findings';
import type { MfaMethod } from '../domain/inventory';
import type { GuideRunListItem } from './guides';

/** A person as the team view names them. */
export interface TeamMember {
  id: number;
  name: string;
  /** '' when they are in no group. */
  group: string;
  role: string;
}

/** One of a person's email accounts, as the team view shows it. */
export interface TeamEmailAccount {
  accountId: number;
  service: string;
  username: string;
  mfa: MfaMethod;
  /** It is the person's main email account (see `mainEmailAccount`). */
  isMain: boolean;
}

/** One row of the team view: where one person stands. */
export interface TeamRow extends TeamMember {
  /** Their main email account, or null when it cannot be told (none, or several and none matches). */
  mainEmail: TeamEmailAccount | null;
  /** Two-step sign-in on the main email account: true (on), false (off), null (unknown, or no such account). */
  mainEmailMfa: boolean | null;
  /** Every account of theirs in the email category. */
  emailAccounts: TeamEmailAccount[];
  accounts: number;
  criticalAccounts: number;
  /** Critical accounts with a two-step method recorded (anything but none or unknown). */
  criticalWithMfa: number;
  /** Critical accounts whose two-step method is not recorded. */
  criticalUnknown: number;
  openFindings: number;
  findingsBySeverity: Record<Severity, number>;
  openTasks: number;
  overdueTasks: number;
  /** An open "reused password" finding concerns one of their accounts. */
  hasReusedPassword: boolean;
  /** The last change recorded about them, their accounts, tasks or guides (ISO timestamp); null: none. */
  lastActivity: string | null;
}

/** An account behind a coverage figure. */
export interface CoverageAccount {
  accountId: number;
  personId: number;
  personName: string;
  service: string;
  username: string;
  mfa: MfaMethod;
}

/** Why a person's main-email two-step state is unknown. */
export type UnknownMainEmail = 'not_recorded' | 'no_email_account' | 'several_email_accounts';

/** The coverage figures at the top of the team view, each with the list behind it. */
export interface TeamCoverage {
  /** How many people the figures are about. */
  people: number;
  /** Two-step sign-in on each person's main email account. */
  mainEmailMfa: {
    yes: number;
    no: number;
    unknown: number;
    lists: {
      yes: TeamMember[];
      no: TeamMember[];
      unknown: (TeamMember & { reason: UnknownMainEmail })[];
    };
  };
  /** Critical accounts with two-step sign-in, of all critical accounts. */
  criticalWithMfa: {
    yes: number;
    of: number;
    /** Of `of`: those whose method is not recorded (counted as not on, never as on). */
    unknown: number;
    lists: { yes: CoverageAccount[]; no: CoverageAccount[]; unknown: CoverageAccount[] };
  };
  /** People with at least one password used on several accounts. */
  peopleWithReuse: { count: number; of: number; people: (TeamMember & { accounts: number })[] };
  /** Open tasks past their due date, and whose they are. */
  overdueTasks: {
    count: number;
    /** How many people they belong to. */
    people: number;
    byPerson: { person: TeamMember | null; count: number }[];
  };
}

/** The team view: one row per person and the coverage figures, computed together. */
export interface TeamView {
  /** Today, as the figures were computed (YYYY-MM-DD). */
  day: string;
  /** The group the view is limited to, or null for everyone. */
  group: string | null;
  /** Every group in the file (for the filter), sorted. */
  groups: string[];
  rows: TeamRow[];
  coverage: TeamCoverage;
}

/** A guide started for several people at once, and where each of them stands. */
export interface Checklist {
  id: number;
  guideId: string;
  guideTitle: string;
  helperName: string;
  createdAt: string;
  /** One run per person. */
  runs: (GuideRunListItem & { isStuck: boolean })[];
  progress: { finished: number; stuck: number; notStarted: number; total: number };
}

/** One row of a staff list to import. */
export interface StaffPreviewRow {
  row: number;
  name: string;
  emails: string[];
  role: string;
  group: string;
  /** Create a new person, or update the one with this name. */
  action: 'create' | 'update';
  /** What an update changes, in words ("adds 1 address", "group: Sales → Office"); empty: nothing. */
  changes: string[];
}

/** What a staff import would do, shown before anything is written. */
export interface StaffImportPreview {
  sessionId: string;
  fileName: string;
  columns: string[];
  rows: StaffPreviewRow[];
  skipped: { row: number; reason: string }[];
  toCreate: number;
  toUpdate: number;
}

/** What a staff import did. */
export interface StaffImportResult {
  created: number;
  updated: number;
  skipped: { row: number; reason: string }[];
}
