/**
 * The team view's figures, computed in one place: the `team` command, the Team screen, the
 * dashboard and the reports all call {@link teamView}, so they always say the same thing.
 *
 * Definitions (they are the contract the command line documents):
 * - A person's **main email account** is their account in the `email` category whose username is
 *   their first email address (case-insensitively); failing that, their only account in that
 *   category; otherwise there is none (no email account, or several and none matches).
 * - **Two-step on** means a method other than `none` or `unknown`. An unknown method is counted as
 *   unknown — never as on — and a person without a main email account is unknown too.
 * - **Critical accounts** are those of criticality `critical`; covered when two-step is on.
 * - **Open findings** are the open findings that concern the person (their accounts, addresses or
 *   notices); **overdue tasks** are their tasks still to do or in progress, due before today.
 * - The person created on first run ("Me") is left out while nothing is recorded for them (no
 *   account, no address) and someone else is in the file: an office's file is about its staff,
 *   and an empty "Me" would only add an "unknown" to every figure.
 *
 * Pure: data in, figures out.
 */
import type { FindingKind, FindingStatus, Severity } from '../checks/findings';
import type { Category, Criticality, MfaMethod } from '../inventory';
import type {
  CoverageAccount,
  TeamCoverage,
  TeamEmailAccount,
  TeamMember,
  TeamRow,
  TeamView,
  UnknownMainEmail,
} from '../../model/team';

/** A person, as the figures need them. */
export interface TeamPersonInput {
  id: number;
  name: string;
  group: string;
  role: string;
  /** Their email addresses in the order they were added: the first is their main address. */
  emails: readonly string[];
  /** The person created on first run ("Me"). */
  isDefault?: boolean;
}

/** An account, as the figures need it. */
export interface TeamAccountInput {
  id: number;
  personId: number;
  service: string;
  username: string;
  category: Category;
  criticality: Criticality;
  mfa: MfaMethod;
}

/** A finding, as the figures need it. */
export interface TeamFindingInput {
  kind: FindingKind;
  severity: Severity;
  status: FindingStatus;
  personIds: readonly number[];
  accountIds: readonly number[];
}

/** A task, as the figures need it. */
export interface TeamTaskInput {
  status: string;
  dueAt: string | null;
  /** The owner (whose account it is), or null. */
  personId: number | null;
}

/** Everything {@link teamView} reads. */
export interface TeamInput {
  people: readonly TeamPersonInput[];
  accounts: readonly TeamAccountInput[];
  findings: readonly TeamFindingInput[];
  tasks: readonly TeamTaskInput[];
  /** Today, YYYY-MM-DD: a task due before it is overdue. */
  day: string;
  /** The last change recorded about each person (ISO timestamps), by person id. */
  lastActivity?: ReadonlyMap<number, string>;
  /** Limit the view to this group ('' is "no group"); null or absent: everyone. */
  group?: string | null;
}

/** Whether a two-step method counts as on: anything but `none` and `unknown`. */
export function hasMfa(mfa: MfaMethod): boolean {
  return mfa !== 'none' && mfa !== 'unknown';
}

/** Two-step as the team view reports it: true (on), false (none), null (unknown). */
export function mfaState(mfa: MfaMethod): boolean | null {
  return mfa === 'unknown' ? null : mfa !== 'none';
}

/**
 * A person's main email account among their accounts (see the definitions above), and why there
 * is none when there is none.
 */
export function mainEmailAccount<A extends Pick<TeamAccountInput, 'id' | 'category' | 'username'>>(
  emails: readonly string[],
  accounts: readonly A[],
): { account: A; reason: null } | { account: null; reason: 'no_email_account' | 'several_email_accounts' } {
  const inEmail = accounts.filter((a) => a.category === 'email').sort((a, b) => a.id - b.id);
  const first = emails[0]?.trim().toLowerCase();
  const byAddress = first ? inEmail.find((a) => a.username.trim().toLowerCase() === first) : undefined;
  if (byAddress) return { account: byAddress, reason: null };
  if (inEmail.length === 1) return { account: inEmail[0]!, reason: null };
  return { account: null, reason: inEmail.length === 0 ? 'no_email_account' : 'several_email_accounts' };
}

const OPEN_TASK = new Set(['todo', 'in_progress']);
const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
// Built when first used, not when this module loads (an Intl collator costs ~5 ms to build).
let builtCollator: Intl.Collator | undefined;
const collator = {
  compare: (a: string, b: string): number =>
    (builtCollator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true })).compare(a, b),
};

/** Whether an open task is overdue on `day`. */
export function isOverdueTask(task: Pick<TeamTaskInput, 'status' | 'dueAt'>, day: string): boolean {
  return OPEN_TASK.has(task.status) && task.dueAt !== null && task.dueAt < day;
}

/** The team view for `input`: one row per person (by name) and the coverage figures. */
export function teamView(input: TeamInput): TeamView {
  const groups = [...new Set(input.people.map((p) => p.group).filter((g) => g !== ''))].sort(
    collator.compare,
  );
  const group = input.group ?? null;
  const owning = new Set(input.accounts.map((a) => a.personId));
  const isEmptyDefault = (p: TeamPersonInput) =>
    p.isDefault === true && p.emails.length === 0 && !owning.has(p.id) && input.people.length > 1;
  const people = [...input.people]
    .filter((p) => !isEmptyDefault(p))
    .filter((p) => group === null || p.group === group)
    .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  const member = (p: TeamPersonInput): TeamMember => ({
    id: p.id,
    name: p.name,
    group: p.group,
    role: p.role,
  });
  const members = new Map(people.map((p) => [p.id, member(p)]));

  const accountsOf = new Map<number, TeamAccountInput[]>(people.map((p) => [p.id, []]));
  for (const account of input.accounts) accountsOf.get(account.personId)?.push(account);

  const findingsOf = new Map<number, TeamFindingInput[]>(people.map((p) => [p.id, []]));
  const reusedAccounts = new Set<number>();
  for (const finding of input.findings) {
    if (finding.status !== 'open') continue;
    for (const personId of new Set(finding.personIds)) findingsOf.get(personId)?.push(finding);
    if (finding.kind === 'password_reused') for (const id of finding.accountIds) reusedAccounts.add(id);
  }

  const tasksOf = new Map<number, { open: number; overdue: number }>(
    people.map((p) => [p.id, { open: 0, overdue: 0 }]),
  );
  let overdueUnowned = 0;
  for (const task of input.tasks) {
    const counts = task.personId === null ? undefined : tasksOf.get(task.personId);
    const overdue = isOverdueTask(task, input.day);
    if (counts) {
      if (OPEN_TASK.has(task.status)) counts.open += 1;
      if (overdue) counts.overdue += 1;
    } else if (overdue && group === null && (task.personId === null || !isKnown(input, task.personId))) {
      // A task that is no one's (added by hand without an account) is still overdue for the office.
      overdueUnowned += 1;
    }
  }

  const coverage: TeamCoverage = {
    people: people.length,
    mainEmailMfa: { yes: 0, no: 0, unknown: 0, lists: { yes: [], no: [], unknown: [] } },
    criticalWithMfa: { yes: 0, of: 0, unknown: 0, lists: { yes: [], no: [], unknown: [] } },
    peopleWithReuse: { count: 0, of: people.length, people: [] },
    overdueTasks: { count: 0, people: 0, byPerson: [] },
  };

  const rows: TeamRow[] = people.map((person) => {
    const accounts = accountsOf.get(person.id)!;
    const main = mainEmailAccount(person.emails, accounts);
    const emailAccounts: TeamEmailAccount[] = accounts
      .filter((a) => a.category === 'email')
      .sort((a, b) => a.id - b.id)
      .map((a) => ({
        accountId: a.id,
        service: a.service,
        username: a.username,
        mfa: a.mfa,
        isMain: a.id === main.account?.id,
      }));
    const mainEmailMfa = main.account ? mfaState(main.account.mfa) : null;
    const who = members.get(person.id)!;
    if (mainEmailMfa === true) {
      coverage.mainEmailMfa.yes += 1;
      coverage.mainEmailMfa.lists.yes.push(who);
    } else if (mainEmailMfa === false) {
      coverage.mainEmailMfa.no += 1;
      coverage.mainEmailMfa.lists.no.push(who);
    } else {
      coverage.mainEmailMfa.unknown += 1;
      const reason: UnknownMainEmail = main.reason ?? 'not_recorded';
      coverage.mainEmailMfa.lists.unknown.push({ ...who, reason });
    }

    const critical = accounts.filter((a) => a.criticality === 'critical');
    for (const account of critical) {
      const ref: CoverageAccount = {
        accountId: account.id,
        personId: person.id,
        personName: person.name,
        service: account.service,
        username: account.username,
        mfa: account.mfa,
      };
      coverage.criticalWithMfa.of += 1;
      const state = mfaState(account.mfa);
      if (state === true) {
        coverage.criticalWithMfa.yes += 1;
        coverage.criticalWithMfa.lists.yes.push(ref);
      } else if (state === false) coverage.criticalWithMfa.lists.no.push(ref);
      else {
        coverage.criticalWithMfa.unknown += 1;
        coverage.criticalWithMfa.lists.unknown.push(ref);
      }
    }

    const reused = accounts.filter((a) => reusedAccounts.has(a.id)).length;
    if (reused > 0) {
      coverage.peopleWithReuse.count += 1;
      coverage.peopleWithReuse.people.push({ ...who, accounts: reused });
    }

    const findings = findingsOf.get(person.id)!;
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const finding of findings) bySeverity[finding.severity] += 1;
    const tasks = tasksOf.get(person.id)!;
    if (tasks.overdue > 0) {
      coverage.overdueTasks.count += tasks.overdue;
      coverage.overdueTasks.people += 1;
      coverage.overdueTasks.byPerson.push({ person: who, count: tasks.overdue });
    }

    return {
      ...who,
      mainEmail: emailAccounts.find((a) => a.isMain) ?? null,
      mainEmailMfa,
      emailAccounts,
      accounts: accounts.length,
      criticalAccounts: critical.length,
      criticalWithMfa: critical.filter((a) => hasMfa(a.mfa)).length,
      criticalUnknown: critical.filter((a) => a.mfa === 'unknown').length,
      openFindings: findings.length,
      findingsBySeverity: bySeverity,
      openTasks: tasks.open,
      overdueTasks: tasks.overdue,
      hasReusedPassword: reused > 0,
      lastActivity: input.lastActivity?.get(person.id) ?? null,
    };
  });

  if (overdueUnowned > 0) {
    coverage.overdueTasks.count += overdueUnowned;
    coverage.overdueTasks.byPerson.push({ person: null, count: overdueUnowned });
  }
  coverage.overdueTasks.byPerson.sort(
    (a, b) =>
      Number(a.person === null) - Number(b.person === null) ||
      b.count - a.count ||
      collator.compare(a.person?.name ?? '', b.person?.name ?? ''),
  );
  return { day: input.day, group, groups, rows, coverage };
}

function isKnown(input: TeamInput, personId: number): boolean {
  return input.people.some((p) => p.id === personId);
}

/** "9 of 12", the way every figure is read out. */
export function ratio(yes: number, of: number): string {
  return `${yes} of ${of}`;
}
