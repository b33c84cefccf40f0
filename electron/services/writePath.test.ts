import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeArea, ImportPreview } from '../../common/ipc/contract';
import type { Finding, GuideRun, Task } from '../../common/model/index';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { openCore, type Core } from './core';

const EXPORTS = resolve(import.meta.dirname, '../../e2e/fixtures/exports');
const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
});

/**
 * Counts every commit on a connection that can write, as SQLite sees them: each `COMMIT` (which is
 * how better-sqlite3 ends a transaction), and each statement that changes data outside a
 * transaction (a commit of its own).
 */
const commitCounter = { count: 0 };
type StatementProto = {
  run: (...args: unknown[]) => unknown;
  database: Database.Database;
  reader: boolean;
  source: string;
};
let originalRun: StatementProto['run'];
beforeAll(() => {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as StatementProto;
  probe.close();
  originalRun = proto.run;
  proto.run = function (this: StatementProto, ...args: unknown[]) {
    if (!this.database.readonly) {
      if (/^COMMIT\b/i.test(this.source)) commitCounter.count += 1;
      else if (
        !this.reader &&
        !this.database.inTransaction &&
        !/^(BEGIN|SAVEPOINT|RELEASE|ROLLBACK)\b/i.test(this.source)
      )
        commitCounter.count += 1;
    }
    return originalRun.apply(this, args);
  };
});
afterAll(() => {
  const probe = new Database(':memory:');
  (Object.getPrototypeOf(probe.prepare('SELECT 1')) as StatementProto).run = originalRun;
  probe.close();
});

async function setup(withImport = true) {
  let ticks = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-write-'));
  const changes: ChangeArea[][] = [];
  const core = openCore({
    dataDir,
    platform: new RecordingPlatform(),
    clock: { now: () => new Date(Date.parse('2026-11-28T12:00:00Z') + 1000 * ticks++) },
    onDidChange: (areas) => changes.push(areas),
  });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, () => {});
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const importFile = async (file: string) => {
    const preview = await call<ImportPreview>('import:preview', {
      source: { fileToken: core.files.grant(join(EXPORTS, file)).token },
      personId: 1,
    });
    return call('import:confirm', { sessionId: preview.sessionId });
  };
  if (withImport) await importFile('bitwarden.csv');
  /** Runs `action` and says how many commits it made and what it told the views. */
  const measure = async (action: () => Promise<unknown>) => {
    commitCounter.count = 0;
    changes.length = 0;
    await action();
    return { commits: commitCounter.count, notifications: [...changes] };
  };
  return { core, call, importFile, measure, changes, dataDir };
}

describe('the write path', () => {
  it('runs an import as exactly one transaction, with one notification', async () => {
    const { measure, importFile, core } = await setup(false);
    const { commits, notifications } = await measure(() => importFile('bitwarden.csv'));
    expect(commits).toBe(1);
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toEqual(expect.arrayContaining(['accounts', 'findings', 'tasks']));
    // The import, every account it added, every finding it raised and every task it made are in the history.
    const history = core.read.history.list();
    const accounts = core.read.accounts.list();
    const findings = core.read.findings.list();
    const tasks = core.read.tasks.list();
    const about = (type: string) =>
      new Set(history.filter((h) => h.subjectType === type).map((h) => h.subjectId));
    expect(about('import').size).toBe(1);
    for (const a of accounts) expect(about('account').has(a.id)).toBe(true);
    for (const f of findings) expect(about('finding').has(f.id)).toBe(true);
    for (const t of tasks) expect(about('task').has(t.id)).toBe(true);
    expect(core.read.history.verify()).toMatchObject({ ok: true });
  });

  it('runs "task done" as one transaction: the change, the checks, the verification and its history', async () => {
    const { call, measure, core } = await setup();
    // Turning on two-step sign-in closes the finding that asked for it.
    const task = (await call<Task[]>('tasks:list', {})).find((t) => t.kind === 'enable_mfa')!;
    const historyBefore = core.read.history.verify().count;
    const { commits, notifications } = await measure(() => call('tasks:done', { id: task.id, mfa: 'totp' }));
    expect(commits).toBe(1);
    expect(notifications).toEqual([expect.arrayContaining(['tasks', 'accounts', 'findings'])]);
    const after = (await call<Task[]>('tasks:list', {})).find((t) => t.id === task.id)!;
    expect(after).toMatchObject({ status: 'done', verified: true });
    const rows = core.read.history.list().slice(0, core.read.history.verify().count - historyBefore);
    expect(rows.map((r) => [r.subjectType, r.action]).reverse()).toEqual(
      expect.arrayContaining([
        ['account', 'two-step'],
        ['task', 'status'],
        ['finding', expect.any(String)],
      ]),
    );
    // The verification the checks gave is recorded too.
    expect(
      rows.some((r) => r.subjectType === 'task' && r.subjectId === task.id && r.to === 'done (verified)'),
    ).toBe(true);
  });

  it('records the verification of a task done by hand (it used to flip without a history row)', async () => {
    const { call, core } = await setup(false);
    const task = await call<Task>('tasks:create', { title: 'Shred the old bank letters', priority: 'P3' });
    await call('tasks:done', { id: task.id });
    expect((await call<Task[]>('tasks:list', {}))[0]).toMatchObject({ status: 'done', verified: true });
    expect(
      core.read.history
        .list({ subjectType: 'task', subjectId: task.id })
        .map((h) => [h.action, h.from, h.to])
        .reverse(),
    ).toEqual([
      ['created', null, 'todo'],
      ['status', 'todo', 'done'],
      ['verification', 'not verified', 'verified'],
    ]);
  });

  it('runs a guide step that changes an account as one transaction', async () => {
    const { call, measure, core } = await setup();
    const finding = (await call<Finding[]>('findings:list', {})).find(
      (f) => f.kind === 'mfa_available' && f.status === 'open',
    )!;
    const accountId = finding.accountIds[0]!;
    const suggestion = await call<{ guides: { id: string }[] }>('guideRuns:suggest', {
      findingId: finding.id,
    });
    const run = await call<GuideRun>('guideRuns:start', {
      guideId: suggestion.guides[0]!.id,
      accountId,
      origin: 'finding',
      originId: finding.id,
    });
    const step = run.steps.find((s) => s.asksMfa)!;
    for (const earlier of run.steps.slice(0, run.steps.indexOf(step)))
      await call('guideRuns:mark', { id: run.id, stepId: earlier.id, status: 'skipped' });
    const { commits, notifications } = await measure(() =>
      call('guideRuns:mark', { id: run.id, stepId: step.id, status: 'done', mfa: 'totp', confirmed: true }),
    );
    expect(commits).toBe(1);
    expect(notifications).toHaveLength(1);
    expect(core.read.accounts.get(accountId)!.mfa).toBe('totp');
    const closed = core.read.findings.list().find((f) => f.id === finding.id)!;
    expect(closed.status).toBe('auto_resolved');
    expect(core.read.history.list({ subjectType: 'finding', subjectId: finding.id })[0]).toMatchObject({
      to: 'auto_resolved',
    });
  });

  it('rolls everything back when any part fails, and tells no one', async () => {
    const { core, changes } = await setup();
    const accounts = core.read.accounts.list().length;
    const history = core.read.history.verify().count;
    changes.length = 0;
    expect(() =>
      core.writePath.write((tx) => {
        tx.repos.accounts.insert(
          {
            personId: 1,
            service: 'Half-written',
            url: '',
            domain: null,
            urlKind: null,
            username: '',
            category: 'other',
            criticality: 'standard',
            mfa: 'unknown',
            passwordChangedAt: null,
            recoveryReviewedAt: null,
            notes: '',
          },
          tx.now,
        );
        tx.record({ subjectType: 'account', subjectId: 0, action: 'added', from: null, to: 'x', note: '' });
        tx.touch('inventory');
        tx.announce('accounts');
        throw new Error('the disk caught fire');
      }),
    ).toThrow('the disk caught fire');
    expect(core.read.accounts.list()).toHaveLength(accounts);
    expect(core.read.history.verify()).toMatchObject({ ok: true, count: history });
    expect(changes).toEqual([]);
  });

  it('refuses a write inside a write (every change is one unit)', async () => {
    const { core } = await setup(false);
    expect(() => core.writePath.write(() => core.writePath.write(() => 1))).toThrow(/inside another write/);
  });

  it('writes nothing when opening existing data, listing or verifying', async () => {
    const { dataDir } = await setup();
    await cores.pop()!.close();
    const fresh = openCore({ dataDir, platform: new RecordingPlatform() });
    cores.push(fresh);
    commitCounter.count = 0;
    fresh.inventory.listAccounts();
    fresh.checks.list();
    fresh.tasks.list();
    fresh.read.history.verify();
    fresh.dashboard.summary();
    expect(commitCounter.count).toBe(0);
    expect(fresh.writePath.commits).toBe(0);
  });

  it('says another Lockstep is changing the data when the write lock stays taken', async () => {
    const { core, call } = await setup(false);
    const other = new Database(core.databasePath);
    other.pragma('busy_timeout = 0');
    other.prepare('BEGIN IMMEDIATE').run();
    try {
      const started = Date.now();
      await expect(call('people:create', { name: 'Priya' })).rejects.toMatchObject({
        code: 'busy',
        message: 'Another Lockstep is changing this data; try again.',
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
      // Reading goes on while the other one writes.
      expect(core.inventory.listPeople().map((p) => p.name)).toEqual(['Me']);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
    expect((await call<{ name: string }>('people:create', { name: 'Priya' })).name).toBe('Priya');
  }, 20_000);
});
