import { describe, expect, it } from 'vitest';
import type { Finding, Task } from '../../model/index';
import { isEmptyPlan, reconcileTasks, type TaskAccount, type TaskPlan } from './reconcile';

const DAY = '2026-12-04';
const NOW = '2026-12-04T10:00:00.000Z';

const accounts = new Map<number, TaskAccount>([
  [
    1,
    { id: 1, personId: 1, service: 'Mail', criticality: 'critical', domain: 'mail.example', urlKind: 'web' },
  ],
  [
    2,
    { id: 2, personId: 2, service: 'Shop', criticality: 'standard', domain: 'shop.example', urlKind: 'web' },
  ],
]);

function finding(over: Partial<Finding> & Pick<Finding, 'id' | 'kind' | 'accountIds'>): Finding {
  return {
    subject: `group:${over.id}`,
    severity: 'high',
    status: 'open',
    evidence: {},
    personIds: [],
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    resolvedAt: null,
    dismissedReason: null,
    recheckAt: null,
    ...over,
  };
}

/** The tasks a plan's inserts would become, with ids from 100. */
function applied(plan: TaskPlan): Task[] {
  return plan.inserts.map(({ task, findingIds }, i) => ({
    ...task,
    id: 100 + i,
    service: null,
    personId: task.ownerId,
    personName: null,
    assignee: null,
    priorityIsManual: false,
    status: 'todo',
    snoozedUntil: null,
    wontDoReason: null,
    verified: false,
    verificationNote: '',
    findingIds: [...findingIds].sort((a, b) => a - b),
    createdAt: NOW,
    updatedAt: NOW,
    doneAt: null,
    isDue: false,
    isOverdue: false,
  }));
}

const run = (findings: Finding[], tasks: Task[] = [], day = DAY) =>
  reconcileTasks({ findings, accounts, tasks, day, now: NOW, changePasswordUrl: null });

describe('reconcileTasks', () => {
  const reused = finding({ id: 7, kind: 'password_reused', accountIds: [1, 2] });
  const weak = finding({
    id: 8,
    kind: 'password_weak',
    accountIds: [1],
    severity: 'medium',
    subject: 'account:1',
  });

  it('makes one task per thing a person does, whichever findings ask for it', () => {
    const plan = run([reused, weak]);
    expect(plan.inserts.map((i) => [i.task.key, i.findingIds])).toEqual([
      ['change_password:account:1', [7, 8]],
      ['change_password:account:2', [7]],
    ]);
    // The mail account is critical: a reused password there is P1 (lifted from high).
    expect(plan.inserts[0]!.task.priority).toBe('P1');
    expect(plan.inserts[0]!.task.dueAt).toBe('2026-12-05');
    expect(plan.inserts[0]!.history).toMatchObject({ action: 'created', to: 'todo' });
    expect(plan.inserts[0]!.task.links).toEqual([
      { label: 'Change-password page at Mail', url: 'https://mail.example/.well-known/change-password' },
    ]);
  });

  it('names whose task it is when the file holds several people, and renames when that changes', () => {
    const people = new Map([
      [1, 'Priya'],
      [2, 'Tom'],
    ]);
    const plan = reconcileTasks({
      findings: [
        reused,
        {
          ...finding({ id: 9, kind: 'email_in_breach', accountIds: [] }),
          personIds: [2],
          evidence: { address: 'tom@tea.example' },
        },
      ],
      accounts,
      tasks: [],
      day: DAY,
      now: NOW,
      changePasswordUrl: null,
      people,
    });
    expect(plan.inserts.map((i) => [i.task.title, i.task.ownerId])).toEqual([
      ["Change Priya's password at Mail", 1],
      ["Change Tom's password at Shop", 2],
      ["Check Tom's accounts that use tom@tea.example", 2],
    ]);
    expect(plan.inserts[0]!.task.why).toEqual(["Priya's Mail and Tom's Shop use the same password"]);
    // One person again (Tom deleted, say): the tasks speak to "you" once more.
    const tasks = applied(plan);
    const alone = run([reused], tasks);
    expect(alone.refreshes.map((r) => r.wording.title)).toContain('Change your password at Mail');
    // Same people, same findings: nothing to rewrite.
    const again = reconcileTasks({
      findings: [
        reused,
        {
          ...finding({ id: 9, kind: 'email_in_breach', accountIds: [] }),
          personIds: [2],
          evidence: { address: 'tom@tea.example' },
        },
      ],
      accounts,
      tasks: tasks.map((t) => ({ ...t, personId: t.personId })),
      day: DAY,
      now: NOW,
      changePasswordUrl: null,
      people,
    });
    expect(again.refreshes).toEqual([]);
  });

  it('rewrites a task whose reasons or links changed, and only then', () => {
    const weak = finding({ id: 3, kind: 'password_weak', accountIds: [1] });
    const tasks = applied(run([weak]));
    expect(run([weak], tasks).refreshes).toEqual([]);
    // The same title, a link that moved: the stored task is rewritten with the new link.
    const moved = reconcileTasks({
      findings: [weak],
      accounts,
      tasks,
      day: DAY,
      now: NOW,
      changePasswordUrl: () => 'https://mail.example/account/password',
    });
    expect(moved.refreshes.map((r) => r.wording.links.map((l) => l.url))).toEqual([
      ['https://mail.example/account/password'],
    ]);
    // A second reason for the same task: its reasons are rewritten.
    const reused = finding({ id: 4, kind: 'password_reused', accountIds: [1, 2] });
    const more = run([weak, reused], tasks);
    expect(more.refreshes.find((r) => r.id === tasks[0]!.id)?.wording.why).toHaveLength(2);
  });

  it('cuts a title that would be longer than the database keeps', () => {
    const long = new Map([
      [
        1,
        {
          id: 1,
          personId: 1,
          service: 'S'.repeat(200),
          criticality: 'standard' as const,
          domain: null,
          urlKind: null,
        },
      ],
    ]);
    const plan = reconcileTasks({
      findings: [finding({ id: 1, kind: 'password_weak', accountIds: [1] })],
      accounts: long,
      tasks: [],
      day: DAY,
      now: NOW,
      changePasswordUrl: null,
      people: new Map([
        [1, 'N'.repeat(100)],
        [2, 'Other'],
      ]),
    });
    expect(plan.inserts[0]!.task.title).toHaveLength(300);
    expect(plan.inserts[0]!.task.title.endsWith('…')).toBe(true);
  });

  it('is idempotent: the same findings and tasks change nothing', () => {
    const tasks = applied(run([reused, weak]));
    expect(isEmptyPlan(run([reused, weak], tasks))).toBe(true);
  });

  it('closes a task whose findings all closed, as done and verified, with its history row', () => {
    const tasks = applied(run([reused]));
    const plan = run([{ ...reused, status: 'auto_resolved' }], tasks);
    expect(plan.statusChanges).toHaveLength(2);
    expect(plan.statusChanges[0]).toMatchObject({
      values: { status: 'done', verified: true, doneAt: NOW },
      history: { action: 'status', from: 'todo', to: 'done (verified)' },
    });
  });

  it('keeps a done task unverified while the checks still see the problem, and says why', () => {
    const [mail] = applied(run([weak]));
    const plan = run([weak], [{ ...mail!, status: 'done', verified: true, doneAt: NOW }]);
    expect(plan.statusChanges).toEqual([
      expect.objectContaining({
        values: expect.objectContaining({ status: 'done', verified: false }),
        history: expect.objectContaining({ action: 'verification', from: 'verified', to: 'not verified' }),
      }),
    ]);
  });

  it('verifies a task added by hand on the person’s word, with a history row', () => {
    const manual: Task = {
      ...applied(run([weak]))[0]!,
      key: null,
      kind: 'manual',
      source: 'manual',
      status: 'done',
      findingIds: [],
    };
    const plan = run([], [manual]);
    expect(plan.statusChanges).toEqual([
      expect.objectContaining({
        values: expect.objectContaining({ verified: true, verificationNote: 'Marked done by hand.' }),
        history: expect.objectContaining({ action: 'verification', from: 'not verified', to: 'verified' }),
      }),
    ]);
  });

  it('ends a snooze on its day', () => {
    const [mail] = applied(run([weak]));
    const snoozed = { ...mail!, status: 'snoozed' as const, snoozedUntil: '2026-12-06' };
    expect(run([weak], [snoozed], '2026-12-05').statusChanges).toEqual([]);
    expect(run([weak], [snoozed], '2026-12-06').statusChanges[0]).toMatchObject({
      values: { status: 'todo', snoozedUntil: null },
      history: { from: 'snoozed', to: 'todo', note: 'Snooze ended' },
    });
  });

  it('leaves a won’t-do task alone when its findings close', () => {
    const [mail] = applied(run([weak]));
    const plan = run(
      [{ ...weak, status: 'resolved' }],
      [{ ...mail!, status: 'wont_do', wontDoReason: 'PIN' }],
    );
    expect(plan.statusChanges).toEqual([]);
  });
});
