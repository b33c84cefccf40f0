import { parseMailSecretSubject } from '../../common/domain/checks/mailSecrets';
import { statusOf } from '../../common/domain/tasks/reconcile';
import { defaultDueDate, isValidSnooze, type Priority } from '../../common/domain/tasks/tasks';
import type { ParsedRequestOf } from '../../common/ipc/contract';
import type { Task } from '../../common/model/index';
import { AppFailure } from '../../common/ipc/result';
import type { Repositories } from '../db/repositories/index';
import { today, type Clock } from './clock';
import { updateAccount, valuesOf } from './inventoryService';
import type { Store } from './store';
import type { WriteContext } from './writePath';

/**
 * Fix tasks: every open finding becomes one task per thing a person does, reconciled by the write
 * path after every change to the findings (`common/domain/tasks/reconcile.ts`); a task is verified
 * only when the checks agree. This service is what a person does to tasks.
 */
export class TasksService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Every task, with whether it is due or overdue today. */
  list(): Task[] {
    const day = today(this.clock);
    return this.store.read.tasks.list().map((task) => withDueFlags(task, day));
  }

  /** Tasks by id (missing ones are left out). */
  byIds(ids: readonly number[]): Task[] {
    const day = today(this.clock);
    return ids.flatMap((id) => {
      const task = this.store.read.tasks.get(id);
      return task ? [withDueFlags(task, day)] : [];
    });
  }

  /**
   * Marks a task done with the evidence the check needs ("I changed the password on <date>",
   * "two-step is on: <method>"); the checks re-run in the same transaction and say whether they
   * agree (the task is then verified, or says what is still open).
   */
  done({ id, changedOn, mfa, note }: ParsedRequestOf<'tasks:done'>): Task {
    if (changedOn && changedOn > today(this.clock))
      throw new AppFailure('invalid_input', 'That date is in the future.', {
        changedOn: 'That date is in the future.',
      });
    this.store.write((tx) => {
      const task = requireTask(tx.repos, id);
      if (task.kind === 'rotate_secret') {
        // A secret found in mail: nothing can check it was replaced, so the person's word is the
        // evidence (and its date) — the check then closes the finding, and verifies this task.
        if (mfa) throw new AppFailure('invalid_input', 'This task is about a secret, not two-step sign-in.');
        recordMailRotations(tx, task.findingIds, changedOn ?? tx.day);
      }
      const account =
        task.accountId === null || task.kind === 'rotate_secret'
          ? undefined
          : tx.repos.accounts.get(task.accountId);
      if ((changedOn || mfa) && !account && task.kind !== 'rotate_secret')
        throw new AppFailure('invalid_input', 'This task has no account to record that on.');
      if (account && (changedOn || mfa)) {
        updateAccount(
          tx,
          account,
          {
            ...valuesOf(account),
            passwordChangedAt: changedOn ?? account.passwordChangedAt,
            mfa: mfa ?? account.mfa,
          },
          '',
        );
      }
      tx.repos.tasks.setStatus(
        id,
        {
          ...statusOf(task),
          status: 'done',
          snoozedUntil: null,
          wontDoReason: null,
          verified: false,
          verificationNote: '',
          doneAt: tx.now,
        },
        tx.now,
      );
      tx.record({
        subjectType: 'task',
        subjectId: id,
        action: 'status',
        from: task.status,
        to: 'done',
        note: note ?? '',
      });
      tx.touch('tasks');
      tx.announce('tasks', ...(account && (changedOn || mfa) ? (['accounts'] as const) : []));
    });
    return this.require(id);
  }

  setStatus({ id, status }: ParsedRequestOf<'tasks:setStatus'>): Task {
    this.store.write((tx) => setStatus(tx, requireTask(tx.repos, id), status));
    return this.require(id);
  }

  snooze({ id, until }: ParsedRequestOf<'tasks:snooze'>): Task {
    this.store.write((tx) => snooze(tx, id, until));
    return this.require(id);
  }

  wontDo({ id, reason }: ParsedRequestOf<'tasks:wontdo'>): Task {
    this.store.write((tx) => wontDo(tx, id, reason));
    return this.require(id);
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
    this.store.write((tx) => {
      for (const id of unique) {
        if (action === 'start') {
          const task = requireOpen(tx.repos, id);
          if (task.status !== 'in_progress') setStatus(tx, task, 'in_progress');
        } else if (action === 'snooze') snooze(tx, id, until!);
        else wontDo(tx, id, reason!);
      }
    });
    return { changed: unique.length };
  }

  /** A task added by hand (a manual task is verified by the person saying it is done). */
  create({ title, accountId, priority, dueAt }: ParsedRequestOf<'tasks:create'>): Task {
    const id = this.store.write((tx) => {
      if (accountId !== undefined && !tx.repos.accounts.get(accountId)) {
        throw new AppFailure('invalid_input', 'That account no longer exists.', {
          accountId: 'That account no longer exists.',
        });
      }
      const created = tx.repos.tasks.insert(
        {
          key: null,
          kind: 'manual',
          title,
          why: [],
          links: [],
          accountId: accountId ?? null,
          source: 'manual',
          priority,
          dueAt: dueAt ?? defaultDueDate(priority, tx.day),
        },
        [],
        tx.now,
      );
      tx.record({
        subjectType: 'task',
        subjectId: created,
        action: 'created',
        from: null,
        to: 'todo',
        note: title,
      });
      tx.announce('tasks');
      return created;
    });
    return this.require(id);
  }

  plan({ id, priority, dueAt }: ParsedRequestOf<'tasks:plan'>): Task {
    this.store.write((tx) => {
      const task = requireTask(tx.repos, id);
      const nextPriority = priority ?? task.priority;
      const nextDue = dueAt === undefined ? task.dueAt : dueAt;
      tx.repos.tasks.setPlan(
        id,
        nextPriority,
        priority !== undefined || task.priorityIsManual,
        nextDue,
        tx.now,
      );
      if (priority && priority !== task.priority)
        tx.record({
          subjectType: 'task',
          subjectId: id,
          action: 'priority',
          from: task.priority,
          to: priority,
          note: '',
        });
      if (dueAt !== undefined && dueAt !== task.dueAt)
        tx.record({
          subjectType: 'task',
          subjectId: id,
          action: 'due date',
          from: task.dueAt,
          to: dueAt,
          note: '',
        });
      tx.announce('tasks');
    });
    return this.require(id);
  }

  private require(id: number): Task {
    const task = this.store.read.tasks.get(id);
    if (!task) throw new AppFailure('not_found', 'That task no longer exists.');
    return withDueFlags(task, today(this.clock));
  }
}

/**
 * Records that the secrets found in mail behind these findings were replaced on `rotatedOn`
 * (YYYY-MM-DD), inside a write; the checks re-run and close each finding that was last seen in mail
 * on or before that day.
 */
export function recordMailRotations(
  tx: WriteContext,
  findingIds: readonly number[],
  rotatedOn: string,
): number {
  let recorded = 0;
  const wanted = new Set(findingIds);
  for (const finding of tx.repos.findings.list()) {
    if (!wanted.has(finding.id) || finding.kind !== 'mail_secret') continue;
    const secret = parseMailSecretSubject(finding.subject);
    if (!secret) continue;
    tx.repos.mailScans.mark(secret.kind, secret.fingerprint, rotatedOn, tx.now);
    tx.record({
      subjectType: 'finding',
      subjectId: finding.id,
      action: 'replaced',
      from: null,
      to: rotatedOn,
      note: String(finding.evidence.label ?? secret.kind),
    });
    recorded += 1;
  }
  if (recorded > 0) tx.touch('mail');
  return recorded;
}

/**
 * Follow-up tasks a guide run creates, inside its write (source `guide`, never reconciled away).
 * Returns their ids.
 */
export function insertGuideTasks(
  tx: WriteContext,
  drafts: readonly { title: string; priority: Priority; dueAt: string | null; why: string }[],
  accountId: number | null,
  actor: string | undefined,
): number[] {
  const ids = drafts.map((draft) => {
    const id = tx.repos.tasks.insert(
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
      tx.now,
    );
    tx.record({
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
  if (ids.length > 0) tx.announce('tasks');
  return ids;
}

function setStatus(tx: WriteContext, task: Task, status: 'todo' | 'in_progress'): void {
  tx.repos.tasks.setStatus(
    task.id,
    {
      ...statusOf(task),
      status,
      snoozedUntil: null,
      wontDoReason: null,
      verified: false,
      verificationNote: '',
      doneAt: null,
    },
    tx.now,
  );
  tx.record({
    subjectType: 'task',
    subjectId: task.id,
    action: 'status',
    from: task.status,
    to: status,
    note: '',
  });
  tx.announce('tasks');
}

function snooze(tx: WriteContext, id: number, until: string): void {
  const task = requireOpen(tx.repos, id);
  if (!isValidSnooze(until, tx.day)) {
    throw new AppFailure('invalid_input', 'Snooze for 1 day to 2 weeks.', {
      until: 'Choose a date from tomorrow to two weeks from today.',
    });
  }
  tx.repos.tasks.setStatus(id, { ...statusOf(task), status: 'snoozed', snoozedUntil: until }, tx.now);
  tx.record({
    subjectType: 'task',
    subjectId: id,
    action: 'status',
    from: task.status,
    to: `snoozed until ${until}`,
    note: '',
  });
  tx.announce('tasks');
}

function wontDo(tx: WriteContext, id: number, reason: string): void {
  const task = requireOpen(tx.repos, id);
  tx.repos.tasks.setStatus(
    id,
    { ...statusOf(task), status: 'wont_do', snoozedUntil: null, wontDoReason: reason, verified: false },
    tx.now,
  );
  tx.record({
    subjectType: 'task',
    subjectId: id,
    action: 'status',
    from: task.status,
    to: "won't do",
    note: reason,
  });
  tx.announce('tasks');
}

function requireTask(repos: Pick<Repositories, 'tasks'>, id: number): Task {
  const task = repos.tasks.get(id);
  if (!task) throw new AppFailure('not_found', 'That task no longer exists.');
  return task;
}

function requireOpen(repos: Pick<Repositories, 'tasks'>, id: number): Task {
  const task = requireTask(repos, id);
  if (task.status === 'done' || task.status === 'wont_do') {
    throw new AppFailure('conflict', 'This task is already closed. Reopen it first.');
  }
  return task;
}

/** Whether an open task is due or overdue on `day` (YYYY-MM-DD). */
function withDueFlags(task: Task, day: string): Task {
  const isOpen = task.status === 'todo' || task.status === 'in_progress';
  return {
    ...task,
    isDue: isOpen && task.dueAt !== null && task.dueAt <= day,
    isOverdue: isOpen && task.dueAt !== null && task.dueAt < day,
  };
}
