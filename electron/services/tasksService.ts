import { format } from '../../common/messages/format';
import { parseMailSecretSubject } from '../../common/domain/checks/mailSecrets';
import { statusOf } from '../../common/domain/tasks/reconcile';
import {
  compareTasks,
  defaultDueDate,
  isInView,
  isValidSnooze,
  type Priority,
} from '../../common/domain/tasks/tasks';
import type { ParsedRequestOf } from '../../common/ipc/contract';
import type { Task, TaskPage } from '../../common/model/index';
import { AppFailure } from '../../common/ipc/result';
import type { Repositories } from '../db/repositories/index';
import { today, type Clock } from './clock';
import { updateAccount, valuesOf } from './inventoryService';
import type { Store } from './store';
import type { WriteContext } from './writePath';
import { peopleInScope, type Scope } from './scope';
import type { StoredAssignee, TaskSummary } from '../db/repositories/tasksRepository';

/** Which tasks {@link TasksService.list} returns. */
export interface TaskQuery extends Scope {
  assignee?: 'mine' | 'unassigned' | number;
  due?: boolean;
}

/** "Priya", "Helper: Sam", or null for no one. */
function nameOf(assignee: Task['assignee']): string | null {
  if (!assignee) return null;
  return assignee.kind === 'person' ? assignee.name : `Helper: ${assignee.name}`;
}

/**
 * Fix tasks: every open finding becomes one task per thing a person does, reconciled by the write
 * path after every change to the findings (`common/domain/tasks/reconcile.ts`); a task is verified
 * only when the checks agree. This service is what a person does to tasks.
 */
export class TasksService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** The helper named in Settings ('' when none): "my tasks" are theirs. */
    private readonly helperName: () => string = () => '',
  ) {}

  /**
   * Tasks, with whether each is due or overdue today: every one, or those of one person or group
   * (whose account it is), assigned to someone ("mine": the helper named in Settings, else the
   * person this file was made for), or due today or overdue.
   */
  list(query: TaskQuery = {}): Task[] {
    const day = today(this.clock);
    const isFiltered =
      query.personId !== undefined ||
      query.group !== undefined ||
      query.assignee !== undefined ||
      query.due === true;
    const stored = isFiltered
      ? this.store.read.tasks.getMany(this.summaries(query).map((t) => t.id))
      : this.store.read.tasks.list();
    return stored.map((task) => withDueFlags(task, day));
  }

  /**
   * What lists filter, count and sort by, for the tasks a query matches (see {@link list}): a light
   * read, without the tasks' wording.
   */
  summaries(query: TaskQuery = {}): (TaskSummary & { isDue: boolean; isOverdue: boolean })[] {
    const day = today(this.clock);
    const people = peopleInScope(this.store.read, query);
    const assignee = this.assigneeTest(query.assignee);
    return this.store.read.tasks.summaries().flatMap((task) => {
      if (people !== null && (task.personId === null || !people.has(task.personId))) return [];
      if (assignee && !assignee(task)) return [];
      const flags = dueFlags(task.status, task.dueAt, day);
      if (query.due && !flags.isDue) return [];
      return [{ ...task, ...flags }];
    });
  }

  /**
   * One window of a view (open, done, won't do), most urgent first, with how many tasks each view
   * holds: the screen shows 5,000 tasks by fetching only what is in view.
   */
  page({ view, offset, limit, focus, ...query }: ParsedRequestOf<'tasks:page'>): TaskPage {
    const all = this.summaries(query);
    const counts = { open: 0, done: 0, wont_do: 0, verified: 0 };
    for (const task of all) {
      if (isInView(task.status, 'open')) counts.open += 1;
      else if (task.status === 'done') counts.done += 1;
      else if (task.status === 'wont_do') counts.wont_do += 1;
      if (task.status === 'done' && task.verified) counts.verified += 1;
    }
    const inView = all.filter((task) => isInView(task.status, view)).sort(compareTasks);
    const focusIndex = focus === undefined ? -1 : inView.findIndex((task) => task.id === focus);
    const day = today(this.clock);
    return {
      total: inView.length,
      counts,
      items: this.store.read.tasks
        .getMany(inView.slice(offset, offset + limit).map((task) => task.id))
        .map((task) => withDueFlags(task, day)),
      focusIndex: focusIndex >= 0 ? focusIndex : null,
    };
  }

  /**
   * Gives tasks to someone — a person, or a helper who is not one of the people, by name — or
   * takes them back (null), all in one change; each change is recorded.
   */
  assign({ ids, assignee }: ParsedRequestOf<'tasks:assign'>): { changed: number } {
    const unique = [...new Set(ids)];
    return this.store.write((tx) => {
      let to: StoredAssignee = null;
      let toName: string | null = null;
      if (assignee && 'personId' in assignee) {
        const person = tx.repos.people.get(assignee.personId);
        if (!person)
          throw new AppFailure('invalid_input', format('errors.tasks.personGone'), {
            assignee: format('errors.tasks.chooseSomeoneElse'),
          });
        to = { personId: person.id };
        toName = person.name;
      } else if (assignee) {
        to = { helper: assignee.helper };
        toName = `Helper: ${assignee.helper}`;
      }
      let changed = 0;
      for (const id of unique) {
        const task = requireTask(tx.repos, id);
        const fromName = nameOf(task.assignee);
        if (fromName === toName) continue;
        tx.repos.tasks.assign(id, to, tx.now);
        tx.record({
          subjectType: 'task',
          subjectId: id,
          action: 'assigned',
          from: fromName,
          to: toName,
          note: '',
        });
        changed += 1;
      }
      if (changed > 0) tx.announce('tasks');
      return { changed };
    });
  }

  private assigneeTest(assignee: TaskQuery['assignee']): ((task: TaskSummary) => boolean) | null {
    if (assignee === undefined) return null;
    if (assignee === 'unassigned')
      return (task) => task.assigneePersonId === null && task.assigneeHelper === null;
    if (typeof assignee === 'number') return (task) => task.assigneePersonId === assignee;
    const helper = this.helperName().trim().toLowerCase();
    if (helper !== '') return (task) => task.assigneeHelper?.trim().toLowerCase() === helper;
    const me = this.store.read.people.list().find((p) => p.isDefault)?.id;
    return (task) => task.assigneePersonId === me;
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
      throw new AppFailure('invalid_input', format('errors.tasks.dateInFuture'), {
        changedOn: format('errors.tasks.dateInFuture'),
      });
    this.store.write((tx) => {
      const task = requireTask(tx.repos, id);
      if (task.kind === 'rotate_secret') {
        // A secret found in mail: nothing can check it was replaced, so the person's word is the
        // evidence (and its date) — the check then closes the finding, and verifies this task.
        if (mfa) throw new AppFailure('invalid_input', format('errors.tasks.secretNotMfa'));
        recordMailRotations(tx, task.findingIds, changedOn ?? tx.day);
      }
      const account =
        task.accountId === null || task.kind === 'rotate_secret'
          ? undefined
          : tx.repos.accounts.get(task.accountId);
      if ((changedOn || mfa) && !account && task.kind !== 'rotate_secret')
        throw new AppFailure('invalid_input', format('errors.tasks.noAccount'));
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
      throw new AppFailure('invalid_input', format('errors.tasks.chooseUntil'), {
        until: format('errors.tasks.chooseUntil'),
      });
    if (action === 'wontdo' && !reason)
      throw new AppFailure('invalid_input', format('errors.tasks.sayWhy'), {
        reason: format('errors.tasks.sayWhy'),
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
  create({ title, accountId, personId, priority, dueAt }: ParsedRequestOf<'tasks:create'>): Task {
    const id = this.store.write((tx) => {
      const account = accountId === undefined ? undefined : tx.repos.accounts.get(accountId);
      if (accountId !== undefined && !account) {
        throw new AppFailure('invalid_input', format('errors.tasks.accountGone'), {
          accountId: format('errors.tasks.accountGone'),
        });
      }
      if (personId !== undefined && !tx.repos.people.get(personId)) {
        throw new AppFailure('invalid_input', format('errors.tasks.personGone'), {
          personId: format('errors.tasks.personGone'),
        });
      }
      const ownerId = account?.personId ?? personId;
      const created = tx.repos.tasks.insert(
        {
          key: null,
          kind: 'manual',
          title,
          why: [],
          links: [],
          accountId: accountId ?? null,
          ownerId: ownerId ?? null,
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
    if (!task) throw new AppFailure('not_found', format('errors.tasks.taskGone'));
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
  ownerId: number | null = null,
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
        ownerId,
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
    throw new AppFailure('invalid_input', format('errors.tasks.snoozeRange'), {
      until: format('errors.tasks.snoozeRangeField'),
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
  if (!task) throw new AppFailure('not_found', format('errors.tasks.taskGone'));
  return task;
}

function requireOpen(repos: Pick<Repositories, 'tasks'>, id: number): Task {
  const task = requireTask(repos, id);
  if (task.status === 'done' || task.status === 'wont_do') {
    throw new AppFailure('conflict', format('errors.tasks.closed'));
  }
  return task;
}

/** Whether an open task is due or overdue on `day` (YYYY-MM-DD). */
function dueFlags(
  status: Task['status'],
  dueAt: string | null,
  day: string,
): { isDue: boolean; isOverdue: boolean } {
  const isOpen = status === 'todo' || status === 'in_progress';
  return {
    isDue: isOpen && dueAt !== null && dueAt <= day,
    isOverdue: isOpen && dueAt !== null && dueAt < day,
  };
}

/** A task with whether it is due or overdue on `day`. */
function withDueFlags(task: Task, day: string): Task {
  return { ...task, ...dueFlags(task.status, task.dueAt, day) };
}
