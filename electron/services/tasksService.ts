import type { Catalogue } from '../../common/content/catalogue';
import { describeFinding } from '../../common/domain/checks/describe';
import {
  defaultDueDate,
  higherPriority,
  isValidSnooze,
  priorityOf,
  taskKindFor,
  taskTitle,
  type Priority,
  type TaskKind,
} from '../../common/domain/tasks/tasks';
import type { Finding, ParsedRequestOf, Task, TaskLink } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { PasswordSignalsRepository } from '../db/repositories/passwordSignalsRepository';
import type { TasksRepository } from '../db/repositories/tasksRepository';
import type { AccountBrief, AccountsRepository } from '../db/repositories/accountsRepository';
import type { ChecksService } from './checksService';
import { timestamp, today, type Clock } from './clock';
import type { ChangeNotifier } from './events';

/** Records one change in the history (who, what, from → to). */
export type HistoryRecorder = (entry: {
  subjectType: 'task' | 'finding' | 'account';
  subjectId: number;
  action: string;
  from: string | null;
  to: string | null;
  note: string;
  /** Who did it, when not whoever the app says is at the keyboard (a guide run's helper). */
  actor?: string;
}) => void;

interface Desired {
  key: string;
  kind: TaskKind;
  accountId: number | null;
  subject: string;
  findings: Finding[];
  priority: Priority;
  /** A title other than the kind's usual one. */
  title?: string;
}

/**
 * Fix tasks: every open finding becomes one task per thing a person does (one "change your
 * password" per account, whichever findings ask for it), reconciled idempotently after every check
 * run; a task is verified only when the checks agree.
 */
export class TasksService {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly accounts: AccountsRepository,
    private readonly signals: PasswordSignalsRepository,
    private readonly checks: ChecksService,
    private readonly catalogue: () => Catalogue,
    private readonly clock: Clock,
    private readonly changed: ChangeNotifier,
    private readonly history: HistoryRecorder,
  ) {}

  /** Every task, with whether it is due or overdue today. */
  list(): Task[] {
    const day = today(this.clock);
    return this.tasks.list().map((task) => withDueFlags(task, day));
  }

  /** Brings tasks in line with the open findings (call after every check run). */
  reconcile(): void {
    const findings = this.checks.list();
    const accounts = new Map(this.accounts.brief().map((a) => [a.id, a]));
    // Read once per run: the catalogue lookup checks the data folder each time it is called.
    let catalogue: Catalogue | null = null;
    try {
      catalogue = this.catalogue();
    } catch {
      catalogue = null;
    }
    const desired = new Map<string, Desired>();
    for (const finding of findings) {
      if (finding.status !== 'open') continue;
      const kind = taskKindFor(finding.kind);
      const targets: { accountId: number | null; subject: string; key: string; title?: string }[] =
        finding.kind === 'breach_notice'
          ? [
              {
                // One task per notice: follow its guide (on the account, when it names exactly one).
                accountId: finding.accountIds.length === 1 ? finding.accountIds[0]! : null,
                subject: String(finding.evidence.provider ?? 'a company'),
                key: `${kind}:${finding.subject}`,
                title: `Respond to the ${String(finding.evidence.provider ?? 'breach')} notice`,
              },
            ]
          : finding.kind === 'email_in_breach'
            ? [
                {
                  accountId: null,
                  subject: String(finding.evidence.address ?? 'this address'),
                  key: `${kind}:${finding.subject}`,
                },
              ]
            : finding.accountIds
                .map((id) => accounts.get(id))
                .filter((a): a is AccountBrief => a !== undefined)
                .map((a) => ({ accountId: a.id, subject: a.service, key: `${kind}:account:${a.id}` }));
      for (const target of targets) {
        const account = target.accountId === null ? undefined : accounts.get(target.accountId);
        const priority = priorityOf(finding.severity, account?.criticality ?? 'standard');
        const entry = desired.get(target.key);
        if (entry) {
          entry.findings.push(finding);
          entry.priority = higherPriority(entry.priority, priority);
        } else {
          desired.set(target.key, {
            key: target.key,
            kind,
            accountId: target.accountId,
            subject: target.subject,
            findings: [finding],
            priority,
            ...(target.title ? { title: target.title } : {}),
          });
        }
      }
    }

    const now = timestamp(this.clock);
    const day = today(this.clock);
    const existing = new Map(
      this.tasks
        .list()
        .filter((t) => t.key)
        .map((t) => [t.key!, t]),
    );
    this.tasks.transaction(() => {
      for (const want of desired.values()) {
        const account = want.accountId === null ? undefined : accounts.get(want.accountId);
        const title = want.title ?? taskTitle(want.kind, want.subject);
        const values = {
          title,
          // Each finding's headline; where it would only repeat the task's title, its explanation.
          why: want.findings.map((f) => {
            const text = this.describe(f, accounts);
            return text.title === title ? text.why : text.title;
          }),
          links: this.linksFor(want, account, catalogue),
          priority: want.priority,
        };
        const findingIds = want.findings.map((f) => f.id);
        const task = existing.get(want.key);
        if (!task) {
          const id = this.tasks.insert(
            {
              key: want.key,
              kind: want.kind,
              accountId: want.accountId,
              source: 'finding',
              dueAt: defaultDueDate(want.priority, day),
              ...values,
            },
            findingIds,
            now,
          );
          this.history({
            subjectType: 'task',
            subjectId: id,
            action: 'created',
            from: null,
            to: 'todo',
            note: values.title,
          });
          continue;
        }
        // Written only when something changed (most runs change nothing for most tasks).
        if (!isSame(task, values, findingIds)) this.tasks.refresh(task.id, values, findingIds, now);
        if (task.status === 'done' || task.status === 'wont_do') {
          // Marked done, but the checks still see the problem: not verified, and saying why.
          const note = `Still open: ${values.why.join('; ')}`;
          if (task.status === 'done' && (task.verified || task.verificationNote !== note)) {
            this.tasks.setStatus(
              task.id,
              { ...statusOf(task), verified: false, verificationNote: note },
              now,
            );
            if (task.verified)
              this.history({
                subjectType: 'task',
                subjectId: task.id,
                action: 'verification',
                from: 'verified',
                to: 'not verified',
                note,
              });
          }
        } else if (task.status === 'snoozed' && task.snoozedUntil !== null && task.snoozedUntil <= day) {
          this.tasks.setStatus(task.id, { ...statusOf(task), status: 'todo', snoozedUntil: null }, now);
          this.history({
            subjectType: 'task',
            subjectId: task.id,
            action: 'status',
            from: 'snoozed',
            to: 'todo',
            note: 'Snooze ended',
          });
        }
      }
      for (const task of existing.values()) {
        if (desired.has(task.key!) || task.source !== 'finding') continue;
        if (task.status === 'done' && task.verified) continue;
        if (task.status === 'wont_do') continue;
        // Every finding it answered is closed: done and verified, whoever fixed it.
        const note =
          task.status === 'done'
            ? 'Verified: the checks no longer see the problem.'
            : 'Resolved by itself: the checks no longer see the problem.';
        this.tasks.setStatus(
          task.id,
          {
            ...statusOf(task),
            status: 'done',
            snoozedUntil: null,
            verified: true,
            verificationNote: note,
            doneAt: task.doneAt ?? now,
          },
          now,
        );
        this.history({
          subjectType: 'task',
          subjectId: task.id,
          action: 'status',
          from: task.status,
          to: 'done (verified)',
          note,
        });
      }
    });
  }

  /**
   * Marks a task done with the evidence the check needs ("I changed the password on <date>",
   * "two-step is on: <method>"), re-runs the checks, and says whether they agree.
   */
  done({ id, changedOn, mfa, note }: ParsedRequestOf<'tasks:done'>): Task {
    const task = this.require(id);
    const day = today(this.clock);
    const now = timestamp(this.clock);
    if (changedOn && changedOn > day)
      throw new AppFailure('invalid_input', 'That date is in the future.', {
        changedOn: 'That date is in the future.',
      });
    const account = task.accountId === null ? undefined : this.accounts.get(task.accountId);
    if ((changedOn || mfa) && !account)
      throw new AppFailure('invalid_input', 'This task has no account to record that on.');
    this.tasks.transaction(() => {
      if (account && (changedOn || mfa)) {
        const { id: accountId, ...rest } = account;
        this.accounts.update(
          accountId,
          { ...rest, passwordChangedAt: changedOn ?? account.passwordChangedAt, mfa: mfa ?? account.mfa },
          now,
        );
        // A new password: what was known about the old one no longer applies.
        if (changedOn && (account.passwordChangedAt === null || changedOn >= account.passwordChangedAt))
          this.signals.forget(accountId);
        if (changedOn)
          this.history({
            subjectType: 'account',
            subjectId: accountId,
            action: 'password changed',
            from: account.passwordChangedAt,
            to: changedOn,
            note: '',
          });
        if (mfa)
          this.history({
            subjectType: 'account',
            subjectId: accountId,
            action: 'two-step',
            from: account.mfa,
            to: mfa,
            note: '',
          });
      }
      this.tasks.setStatus(
        id,
        {
          ...statusOf(task),
          status: 'done',
          snoozedUntil: null,
          wontDoReason: null,
          verified: false,
          verificationNote: '',
          doneAt: now,
        },
        now,
      );
      this.history({
        subjectType: 'task',
        subjectId: id,
        action: 'status',
        from: task.status,
        to: 'done',
        note: note ?? '',
      });
    });
    this.checks.run(); // reconciles the tasks too (see core.ts)
    this.reconcileManualVerification(id);
    this.changed(['accounts', 'findings', 'tasks']);
    return this.require(id);
  }

  setStatus({ id, status }: ParsedRequestOf<'tasks:setStatus'>): Task {
    this.setStatusQuietly(this.require(id), status);
    this.changed(['tasks']);
    return this.require(id);
  }

  snooze({ id, until }: ParsedRequestOf<'tasks:snooze'>): Task {
    this.snoozeQuietly(id, until);
    this.changed(['tasks']);
    return this.require(id);
  }

  wontDo({ id, reason }: ParsedRequestOf<'tasks:wontdo'>): Task {
    this.wontDoQuietly(id, reason);
    this.changed(['tasks']);
    return this.require(id);
  }

  private setStatusQuietly(task: Task, status: 'todo' | 'in_progress'): void {
    const reset = {
      snoozedUntil: null,
      wontDoReason: null,
      verified: false,
      verificationNote: '',
      doneAt: null,
    };
    this.tasks.setStatus(task.id, { ...statusOf(task), ...reset, status }, timestamp(this.clock));
    this.history({
      subjectType: 'task',
      subjectId: task.id,
      action: 'status',
      from: task.status,
      to: status,
      note: '',
    });
  }

  private snoozeQuietly(id: number, until: string): void {
    const task = this.requireOpen(id);
    if (!isValidSnooze(until, today(this.clock))) {
      throw new AppFailure('invalid_input', 'Snooze for 1 day to 2 weeks.', {
        until: 'Choose a date from tomorrow to two weeks from today.',
      });
    }
    this.tasks.setStatus(
      id,
      { ...statusOf(task), status: 'snoozed', snoozedUntil: until },
      timestamp(this.clock),
    );
    const to = `snoozed until ${until}`;
    this.history({ subjectType: 'task', subjectId: id, action: 'status', from: task.status, to, note: '' });
  }

  private wontDoQuietly(id: number, reason: string): void {
    const task = this.requireOpen(id);
    const values = {
      ...statusOf(task),
      status: 'wont_do' as const,
      snoozedUntil: null,
      wontDoReason: reason,
      verified: false,
    };
    this.tasks.setStatus(id, values, timestamp(this.clock));
    this.history({
      subjectType: 'task',
      subjectId: id,
      action: 'status',
      from: task.status,
      to: "won't do",
      note: reason,
    });
  }

  /** The same change to several tasks, all or nothing (closed tasks are refused). */
  bulk({ ids, action, until, reason }: ParsedRequestOf<'tasks:bulk'>): { changed: number } {
    if (action === 'snooze' && !until)
      throw new AppFailure('invalid_input', 'Choose until when.', { until: 'Choose until when.' });
    if (action === 'wontdo' && !reason)
      throw new AppFailure('invalid_input', 'Say why, in a few words.', {
        reason: 'Say why, in a few words.',
      });
    const unique = [...new Set(ids)];
    this.tasks.transaction(() => {
      for (const id of unique) {
        if (action === 'start') {
          const task = this.requireOpen(id);
          if (task.status !== 'in_progress') this.setStatusQuietly(task, 'in_progress');
        } else if (action === 'snooze') this.snoozeQuietly(id, until!);
        else this.wontDoQuietly(id, reason!);
      }
    });
    this.changed(['tasks']);
    return { changed: unique.length };
  }

  /**
   * Follow-up tasks a guide run creates, inside the caller's transaction and without telling the
   * views (the run does, once it has finished writing). Returns their ids.
   */
  insertFromGuide(
    drafts: readonly { title: string; priority: Priority; dueAt: string | null; why: string }[],
    accountId: number | null,
    actor: string | undefined,
  ): number[] {
    const now = timestamp(this.clock);
    return drafts.map((draft) => {
      const id = this.tasks.insert(
        {
          key: null,
          kind: 'manual',
          title: draft.title.slice(0, 300),
          why: [draft.why],
          links: [],
          accountId,
          source: 'guide',
          priority: draft.priority,
          dueAt: draft.dueAt,
        },
        [],
        now,
      );
      this.history({
        subjectType: 'task',
        subjectId: id,
        action: 'created',
        from: null,
        to: 'todo',
        note: draft.title,
        ...(actor ? { actor } : {}),
      });
      return id;
    });
  }

  /** Tasks by id (missing ones are left out). */
  byIds(ids: readonly number[]): Task[] {
    const day = today(this.clock);
    return ids.flatMap((id) => {
      const task = this.tasks.get(id);
      return task ? [withDueFlags(task, day)] : [];
    });
  }

  /** A task added by hand (a manual task is verified by the person saying it is done). */
  create({ title, accountId, priority, dueAt }: ParsedRequestOf<'tasks:create'>): Task {
    if (accountId !== undefined && !this.accounts.get(accountId)) {
      throw new AppFailure('invalid_input', 'That account no longer exists.', {
        accountId: 'That account no longer exists.',
      });
    }
    const id = this.tasks.insert(
      {
        key: null,
        kind: 'manual',
        title,
        why: [],
        links: [],
        accountId: accountId ?? null,
        source: 'manual',
        priority,
        dueAt: dueAt ?? defaultDueDate(priority, today(this.clock)),
      },
      [],
      timestamp(this.clock),
    );
    this.history({
      subjectType: 'task',
      subjectId: id,
      action: 'created',
      from: null,
      to: 'todo',
      note: title,
    });
    this.changed(['tasks']);
    return this.require(id);
  }

  plan({ id, priority, dueAt }: ParsedRequestOf<'tasks:plan'>): Task {
    const task = this.require(id);
    const nextPriority = priority ?? task.priority;
    const nextDue = dueAt === undefined ? task.dueAt : dueAt;
    this.tasks.setPlan(
      id,
      nextPriority,
      priority !== undefined || task.priorityIsManual,
      nextDue,
      timestamp(this.clock),
    );
    if (priority && priority !== task.priority)
      this.history({
        subjectType: 'task',
        subjectId: id,
        action: 'priority',
        from: task.priority,
        to: priority,
        note: '',
      });
    if (dueAt !== undefined && dueAt !== task.dueAt)
      this.history({
        subjectType: 'task',
        subjectId: id,
        action: 'due date',
        from: task.dueAt,
        to: dueAt,
        note: '',
      });
    this.changed(['tasks']);
    return this.require(id);
  }

  private reconcileManualVerification(id: number): void {
    const task = this.require(id);
    if (task.source !== 'manual') return;
    this.tasks.setStatus(
      id,
      { ...statusOf(task), verified: true, verificationNote: 'Marked done by hand.' },
      timestamp(this.clock),
    );
  }

  private describe(finding: Finding, accounts: Map<number, AccountBrief>) {
    return describeFinding(
      finding.kind,
      finding.evidence,
      finding.accountIds.map((id) => accounts.get(id)?.service ?? `Account ${id}`),
    );
  }

  private linksFor(
    want: Desired,
    account: AccountBrief | undefined,
    catalogue: Catalogue | null,
  ): TaskLink[] {
    const links: TaskLink[] = [];
    if (
      account?.domain &&
      account.urlKind === 'web' &&
      (want.kind === 'change_password' || want.kind === 'fix_url')
    ) {
      const url = catalogue
        ? catalogue.changePasswordUrl(account.domain)
        : `https://${account.domain}/.well-known/change-password`;
      if (url) links.push({ label: `Change-password page at ${account.service}`, url });
    }
    for (const finding of want.findings) {
      const documentation = finding.evidence.documentation;
      if (
        typeof documentation === 'string' &&
        documentation.startsWith('https://') &&
        !links.some((l) => l.url === documentation)
      ) {
        links.push({
          label: `How to turn on two-step sign-in at ${account?.service ?? 'the service'}`,
          url: documentation,
        });
      }
    }
    return links;
  }

  private requireOpen(id: number): Task {
    const task = this.require(id);
    if (task.status === 'done' || task.status === 'wont_do') {
      throw new AppFailure('conflict', 'This task is already closed. Reopen it first.');
    }
    return task;
  }

  private require(id: number): Task {
    const task = this.tasks.get(id);
    if (!task) throw new AppFailure('not_found', 'That task no longer exists.');
    return withDueFlags(task, today(this.clock));
  }
}

/** Whether an open task is due or overdue on `day` (YYYY-MM-DD). */
/** Whether a stored task already says what a refresh would write. */
function isSame(
  task: Task,
  values: { title: string; why: string[]; links: TaskLink[]; priority: Priority },
  findingIds: readonly number[],
): boolean {
  const ids = [...findingIds].sort((a, b) => a - b);
  return (
    task.title === values.title &&
    (task.priorityIsManual || task.priority === values.priority) &&
    task.findingIds.length === ids.length &&
    task.findingIds.every((id, i) => id === ids[i]) &&
    JSON.stringify(task.why) === JSON.stringify(values.why) &&
    JSON.stringify(task.links) === JSON.stringify(values.links)
  );
}

function withDueFlags(task: Task, day: string): Task {
  const isOpen = task.status === 'todo' || task.status === 'in_progress';
  return {
    ...task,
    isDue: isOpen && task.dueAt !== null && task.dueAt <= day,
    isOverdue: isOpen && task.dueAt !== null && task.dueAt < day,
  };
}

function statusOf(task: Task) {
  return {
    status: task.status,
    snoozedUntil: task.snoozedUntil,
    wontDoReason: task.wontDoReason,
    verified: task.verified,
    verificationNote: task.verificationNote,
    doneAt: task.doneAt,
  };
}
