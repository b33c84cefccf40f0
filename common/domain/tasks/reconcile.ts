import { format } from '../../messages/format';
import type { Account, Finding, Task, TaskLink } from '../../model/index';
import { describeFinding, type FindingOwners, type FindingText } from '../checks/describe';
import { MAIL_PASSWORD_KINDS } from '../checks/mailSecrets';
import { mailSecretAction } from '../checks/mailSecretWords';
import {
  clipTitle,
  defaultDueDate,
  higherPriority,
  priorityOf,
  taskKindFor,
  taskTitle,
  type Priority,
  type TaskKind,
  type TaskStatus,
} from './tasks';

/** What task reconciliation needs to know of an account. */
export type TaskAccount = Pick<Account, 'id' | 'personId' | 'service' | 'criticality' | 'domain' | 'urlKind'>;

/** The values a new task is written with. */
export interface TaskDraft {
  key: string | null;
  kind: TaskKind;
  title: string;
  why: string[];
  links: TaskLink[];
  accountId: number | null;
  /** Whose task it is (the account's owner, or the person an address or notice belongs to). */
  ownerId: number | null;
  source: Task['source'];
  priority: Priority;
  dueAt: string | null;
}

/** What a generated task says (rewritten when the findings behind it change). */
export type TaskWording = Pick<TaskDraft, 'title' | 'why' | 'links' | 'priority' | 'ownerId'>;

/** A task's status fields, as written together. */
export interface TaskStatusValues {
  status: TaskStatus;
  snoozedUntil: string | null;
  wontDoReason: string | null;
  verified: boolean;
  verificationNote: string;
  doneAt: string | null;
}

/** A history row a reconciliation writes about a task (who and when are added by the writer). */
export interface TaskHistoryDraft {
  taskId: number | null;
  action: string;
  from: string | null;
  to: string | null;
  note: string;
}

/** Everything a reconciliation changes; applying it in order brings tasks in line with findings. */
export interface TaskPlan {
  inserts: { task: TaskDraft; findingIds: number[]; history: TaskHistoryDraft }[];
  refreshes: { id: number; wording: TaskWording; findingIds: number[] }[];
  statusChanges: { id: number; values: TaskStatusValues; history: TaskHistoryDraft | null }[];
}

/** The inputs of {@link reconcileTasks}. */
export interface TaskReconcileInput {
  findings: readonly Finding[];
  accounts: ReadonlyMap<number, TaskAccount>;
  tasks: readonly Task[];
  /** Today, YYYY-MM-DD (due dates, snoozes). */
  day: string;
  /** Now, as an ISO timestamp (when a task resolved by itself was done). */
  now: string;
  /** The change-password page for a domain, when the datasets are loaded; null when they are not. */
  changePasswordUrl: ((domain: string) => string | null) | null;
  /**
   * The names of the people, by id, when the file holds more than one: every task and the findings
   * behind it then say whose account it is. Absent (or one person): they speak to "you".
   */
  people?: ReadonlyMap<number, string>;
}

interface Desired {
  key: string;
  kind: TaskKind;
  accountId: number | null;
  ownerId: number | null;
  subject: string;
  findings: Finding[];
  priority: Priority;
  /** A title other than the kind's usual one. */
  title?: string;
}

/**
 * Brings the tasks in line with the open findings, idempotently: one task per thing a person does
 * (one "change your password" per account, whichever findings ask for it); its wording and
 * priority follow the findings; a task marked done is verified only when the checks agree (or, for
 * a task added by hand, on the person's word); a task whose findings all closed is done and
 * verified, whoever fixed it; a snooze ends on its day. Pure: returns the changes and the history
 * rows they need; the caller writes them in its transaction.
 */
export function reconcileTasks(input: TaskReconcileInput): TaskPlan {
  const { accounts, day } = input;
  const people = input.people && input.people.size > 1 ? input.people : undefined;
  const desired = new Map<string, Desired>();
  for (const finding of input.findings) {
    if (finding.status !== 'open') continue;
    const findingKind = taskKindFor(finding.kind);
    if (findingKind === null) continue;
    for (const { kind: targetKind, ...target } of targetsOf(finding, findingKind, accounts)) {
      const kind = targetKind ?? findingKind;
      const account = target.accountId === null ? undefined : accounts.get(target.accountId);
      const priority = priorityOf(finding.severity, account?.criticality ?? 'standard');
      const entry = desired.get(target.key);
      if (entry) {
        entry.findings.push(finding);
        entry.priority = higherPriority(entry.priority, priority);
      } else {
        desired.set(target.key, { ...target, kind, findings: [finding], priority });
      }
    }
  }

  const plan: TaskPlan = { inserts: [], refreshes: [], statusChanges: [] };
  // A finding about a group of accounts (a reused password) is a reason on each of their tasks:
  // worded once, and each due date computed once per priority.
  const described = new Map<Finding, FindingText>();
  const describeOnce = (finding: Finding): FindingText => {
    let text = described.get(finding);
    if (text === undefined) {
      text = describe(finding, accounts, people);
      described.set(finding, text);
    }
    return text;
  };
  const dueDates = new Map<Priority, string | null>();
  const dueDateOf = (priority: Priority): string | null => {
    if (!dueDates.has(priority)) dueDates.set(priority, defaultDueDate(priority, day));
    return dueDates.get(priority)!;
  };
  const existing = new Map(input.tasks.filter((t) => t.key !== null).map((t) => [t.key!, t]));
  for (const want of desired.values()) {
    const account = want.accountId === null ? undefined : accounts.get(want.accountId);
    const owner = people && want.ownerId !== null ? people.get(want.ownerId) : undefined;
    const title = clipTitle(
      want.title !== undefined
        ? owner
          ? format('task.title.owned', { title: want.title, owner })
          : want.title
        : taskTitle(want.kind, want.subject, owner),
    );
    const wording: TaskWording = {
      title,
      // Each finding's headline; where it would only repeat the task's title, its explanation.
      why: want.findings.map((f) => {
        const text = describeOnce(f);
        return text.title === title ? text.why : text.title;
      }),
      links: linksFor(want, account, input.changePasswordUrl),
      priority: want.priority,
      ownerId: want.ownerId,
    };
    const findingIds = want.findings.map((f) => f.id);
    const task = existing.get(want.key);
    if (!task) {
      plan.inserts.push({
        task: {
          key: want.key,
          kind: want.kind,
          accountId: want.accountId,
          source: 'finding',
          dueAt: dueDateOf(want.priority),
          ...wording,
        },
        findingIds,
        history: { taskId: null, action: 'created', from: null, to: 'todo', note: wording.title },
      });
      continue;
    }
    // Written only when something changed (most runs change nothing for most tasks).
    if (!isSame(task, wording, findingIds)) plan.refreshes.push({ id: task.id, wording, findingIds });
    if (task.status === 'done') {
      // Marked done, but the checks still see the problem: not verified, and saying why.
      const note = format('task.history.stillOpen', { why: wording.why.join('; ') });
      if (task.verified || task.verificationNote !== note) {
        plan.statusChanges.push({
          id: task.id,
          values: { ...statusOf(task), verified: false, verificationNote: note },
          history: task.verified
            ? { taskId: task.id, action: 'verification', from: 'verified', to: 'not verified', note }
            : null,
        });
      }
    } else if (task.status === 'snoozed' && task.snoozedUntil !== null && task.snoozedUntil <= day) {
      plan.statusChanges.push({
        id: task.id,
        values: { ...statusOf(task), status: 'todo', snoozedUntil: null },
        history: {
          taskId: task.id,
          action: 'status',
          from: 'snoozed',
          to: 'todo',
          note: format('task.history.snoozeEnded'),
        },
      });
    }
  }

  for (const task of input.tasks) {
    if (task.source === 'manual') {
      // Nothing can check a task added by hand: the person's word that it is done verifies it.
      if (task.status === 'done' && !task.verified) {
        const note = format('task.history.doneByHand');
        plan.statusChanges.push({
          id: task.id,
          values: { ...statusOf(task), verified: true, verificationNote: note },
          history: { taskId: task.id, action: 'verification', from: 'not verified', to: 'verified', note },
        });
      }
      continue;
    }
    if (task.key === null || desired.has(task.key) || task.source !== 'finding') continue;
    if (task.status === 'done' && task.verified) continue;
    if (task.status === 'wont_do') continue;
    // Every finding it answered is closed: done and verified, whoever fixed it.
    const note =
      task.status === 'done' ? format('task.history.verified') : format('task.history.resolvedItself');
    plan.statusChanges.push({
      id: task.id,
      values: {
        ...statusOf(task),
        status: 'done',
        snoozedUntil: null,
        verified: true,
        verificationNote: note,
        doneAt: task.doneAt ?? input.now,
      },
      history: { taskId: task.id, action: 'status', from: task.status, to: 'done (verified)', note },
    });
  }
  return plan;
}

/** Whether a plan changes nothing. */
export function isEmptyPlan(plan: TaskPlan): boolean {
  return plan.inserts.length === 0 && plan.refreshes.length === 0 && plan.statusChanges.length === 0;
}

/** A task's status fields as they are. */
export function statusOf(task: Task): TaskStatusValues {
  return {
    status: task.status,
    snoozedUntil: task.snoozedUntil,
    wontDoReason: task.wontDoReason,
    verified: task.verified,
    verificationNote: task.verificationNote,
    doneAt: task.doneAt,
  };
}

function targetsOf(
  finding: Finding,
  kind: TaskKind,
  accounts: ReadonlyMap<number, TaskAccount>,
): {
  accountId: number | null;
  ownerId: number | null;
  subject: string;
  key: string;
  title?: string;
  kind?: TaskKind;
}[] {
  const personOf = finding.personIds.length === 1 ? finding.personIds[0]! : null;
  if (finding.kind === 'mail_secret') {
    const linked = finding.accountIds
      .map((id) => accounts.get(id))
      .filter((a): a is TaskAccount => a !== undefined);
    // A password tied to accounts is those accounts' "change your password", with their other reasons.
    if (MAIL_PASSWORD_KINDS.has(String(finding.evidence.kind)) && linked.length > 0) {
      return linked.map((a) => ({
        accountId: a.id,
        ownerId: a.personId,
        subject: a.service,
        key: `change_password:account:${a.id}`,
        kind: 'change_password' as const,
      }));
    }
    const only = linked.length === 1 ? linked[0]! : undefined;
    return [
      {
        accountId: only?.id ?? null,
        ownerId: only?.personId ?? personOf,
        subject: String(finding.evidence.label ?? 'secret'),
        key: `${kind}:${finding.subject}`,
        title: mailSecretAction(String(finding.evidence.kind), only?.service ?? null).title,
      },
    ];
  }
  if (finding.kind === 'breach_notice') {
    // One task per notice: follow its guide (on the account, when it names exactly one).
    return [
      {
        accountId: finding.accountIds.length === 1 ? finding.accountIds[0]! : null,
        ownerId: personOf,
        subject: String(finding.evidence.provider ?? format('finding.notice.aCompany')),
        key: `${kind}:${finding.subject}`,
        title:
          typeof finding.evidence.provider === 'string'
            ? format('task.title.notice', { provider: finding.evidence.provider })
            : format('task.title.noticeUnnamed'),
      },
    ];
  }
  if (finding.kind === 'email_in_breach') {
    return [
      {
        accountId: null,
        ownerId: personOf,
        subject: String(finding.evidence.address ?? format('task.thisAddress')),
        key: `${kind}:${finding.subject}`,
      },
    ];
  }
  return finding.accountIds
    .map((id) => accounts.get(id))
    .filter((a): a is TaskAccount => a !== undefined)
    .map((a) => ({
      accountId: a.id,
      ownerId: a.personId,
      subject: a.service,
      key: `${kind}:account:${a.id}`,
    }));
}

function describe(
  finding: Finding,
  accounts: ReadonlyMap<number, TaskAccount>,
  people: ReadonlyMap<number, string> | undefined,
) {
  return describeFinding(
    finding.kind,
    finding.evidence,
    finding.accountIds.map((id) => accounts.get(id)?.service ?? format('task.accountNumber', { id })),
    people ? findingOwners(finding, accounts, people) : undefined,
  );
}

/**
 * Whose accounts a finding concerns, for its wording in a file with several people: the owner of
 * each account, and the person an account-less finding (an address, a notice) belongs to.
 */
export function findingOwners(
  finding: Pick<Finding, 'accountIds' | 'personIds'>,
  accounts: ReadonlyMap<number, Pick<TaskAccount, 'personId'>>,
  people: ReadonlyMap<number, string>,
): FindingOwners {
  const person = finding.personIds.length === 1 ? people.get(finding.personIds[0]!) : undefined;
  return {
    owners: finding.accountIds.map((id) => {
      const personId = accounts.get(id)?.personId;
      return (personId === undefined ? undefined : people.get(personId)) ?? person ?? '';
    }),
    ...(person ? { person } : {}),
  };
}

function linksFor(
  want: Desired,
  account: TaskAccount | undefined,
  changePasswordUrl: TaskReconcileInput['changePasswordUrl'],
): TaskLink[] {
  const links: TaskLink[] = [];
  if (
    account?.domain &&
    account.urlKind === 'web' &&
    (want.kind === 'change_password' || want.kind === 'fix_url')
  ) {
    const url = changePasswordUrl
      ? changePasswordUrl(account.domain)
      : `https://${account.domain}/.well-known/change-password`;
    if (url) links.push({ label: format('task.link.changePassword', { service: account.service }), url });
  }
  for (const finding of want.findings) {
    const documentation = finding.evidence.documentation;
    if (
      typeof documentation === 'string' &&
      documentation.startsWith('https://') &&
      !links.some((l) => l.url === documentation)
    ) {
      links.push({
        label: account
          ? format('task.link.mfa', { service: account.service })
          : format('task.link.mfaUnnamed'),
        url: documentation,
      });
    }
  }
  return links;
}

/** Whether a stored task already says what a refresh would write. */
function isSame(task: Task, wording: TaskWording, findingIds: readonly number[]): boolean {
  const ids = [...findingIds].sort((a, b) => a - b);
  return (
    task.title === wording.title &&
    task.personId === wording.ownerId &&
    (task.priorityIsManual || task.priority === wording.priority) &&
    task.findingIds.length === ids.length &&
    task.findingIds.every((id, i) => id === ids[i]) &&
    task.why.length === wording.why.length &&
    task.why.every((line, i) => line === wording.why[i]) &&
    task.links.length === wording.links.length &&
    task.links.every(
      (link, i) => link.label === wording.links[i]!.label && link.url === wording.links[i]!.url,
    )
  );
}
