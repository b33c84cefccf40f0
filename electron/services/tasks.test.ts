import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../common/ipc/contract';
import type { Account, Finding, Task } from '../../common/model/index';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { openCore, type Core } from './core';

const EXPORTS = resolve(import.meta.dirname, '../../e2e/fixtures/exports');
const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
});

async function setup() {
  let ticks = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-tasks-'));
  const core = openCore({
    dataDir,
    platform: new RecordingPlatform(),
    clock: { now: () => new Date(Date.parse('2026-11-28T12:00:00Z') + 1000 * ticks++) },
  });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, () => {});
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const preview = await call<ImportPreview>('import:preview', {
    source: { fileToken: core.files.grant(join(EXPORTS, 'bitwarden.csv')).token },
    personId: 1,
  });
  await call('import:confirm', { sessionId: preview.sessionId });
  const tasks = () => call<Task[]>('tasks:list', {});
  const account = async (service: string) =>
    (await call<Account[]>('accounts:list', {})).find((a) => a.service === service)!;
  return { core, call, tasks, account };
}

describe('tasks from findings', () => {
  it('a check run that changes nothing writes nothing to the tasks', async () => {
    const { core, tasks } = await setup();
    const before = await tasks();
    core.checks.run();
    core.checks.run();
    const after = await tasks();
    expect(after.map((t) => [t.id, t.updatedAt, t.title, t.priority])).toEqual(
      before.map((t) => [t.id, t.updatedAt, t.title, t.priority]),
    );
  });

  it('every open finding has its task(s): one per account that must act, with links, idempotently', async () => {
    const { call, tasks, account, core } = await setup();
    const open = (await call<Finding[]>('findings:list', {})).filter((f) => f.status === 'open');
    const all = await tasks();
    for (const finding of open)
      expect(
        all.some((t) => t.findingIds.includes(finding.id)),
        finding.kind,
      ).toBe(true);

    // The reuse group of four: a "change your password" task for each account.
    const reuse = open.find(
      (f) => f.kind === 'password_reused' && (f.evidence.services as string[]).includes('LinkedIn'),
    )!;
    const reuseTasks = all.filter((t) => t.findingIds.includes(reuse.id));
    expect(reuseTasks.map((t) => t.title).sort()).toEqual(
      ['Dropbox', 'Facebook', 'LinkedIn', 'Myspace'].map((s) => `Change your password at ${s}`),
    );
    const linkedIn = reuseTasks.find((t) => t.service === 'LinkedIn')!;
    expect(linkedIn.links[0]).toMatchObject({ url: expect.stringMatching(/^https:\/\/.*linkedin\.com/) });
    expect(linkedIn.why.length).toBeGreaterThan(1);

    const dropboxMfa = all.find((t) => t.title === 'Turn on two-step sign-in at Dropbox')!;
    expect(dropboxMfa.links.some((l) => l.url.startsWith('https://'))).toBe(true);
    expect(dropboxMfa).toMatchObject({ status: 'todo', priority: expect.stringMatching(/^P[1-4]$/) });
    expect((await account('Dropbox')).id).toBe(dropboxMfa.accountId);

    core.checks.run();
    core.checks.run();
    expect((await tasks()).length).toBe(all.length);
  });

  it('done with the evidence the check needs: verified; done without fixing the cause: not verified', async () => {
    const { call, tasks } = await setup();
    const adobe = (await tasks()).find((t) => t.title === 'Change your password at Adobe')!;
    const withoutDate = await call<Task>('tasks:done', { id: adobe.id });
    expect(withoutDate).toMatchObject({ status: 'done', verified: false });
    expect(withoutDate.verificationNote).toMatch(/^Still open: /);

    const withDate = await call<Task>('tasks:done', { id: adobe.id, changedOn: '2026-11-27' });
    expect(withDate).toMatchObject({ status: 'done', verified: true });
    // No open finding about Adobe asks for a new password any more (a group finding may stay open
    // for the other accounts in it).
    const findings = await call<Finding[]>('findings:list', {});
    const passwordKinds = [
      'password_pwned',
      'password_reused',
      'password_similar',
      'password_weak',
      'breached_service',
    ];
    expect(
      findings.filter(
        (f) =>
          f.status === 'open' && passwordKinds.includes(f.kind) && f.accountIds.includes(adobe.accountId!),
      ),
    ).toEqual([]);

    const mfa = (await tasks()).find((t) => t.title === 'Turn on two-step sign-in at Dropbox')!;
    expect(await call<Task>('tasks:done', { id: mfa.id, mfa: 'totp' })).toMatchObject({ verified: true });
    await expect(call('tasks:done', { id: mfa.id, changedOn: '2027-01-01' })).rejects.toThrow(/future/);
  });

  it('snooze for 1 day to 2 weeks; won’t do with a reason; manual tasks', async () => {
    const { call, tasks } = await setup();
    const task = (await tasks())[0]!;
    await expect(call('tasks:snooze', { id: task.id, until: '2027-01-30' })).rejects.toThrow(/2 weeks/);
    expect(await call<Task>('tasks:snooze', { id: task.id, until: '2026-12-05' })).toMatchObject({
      status: 'snoozed',
      snoozedUntil: '2026-12-05',
    });
    await expect(call('tasks:wontdo', { id: task.id, reason: '  ' })).rejects.toThrow();
    expect(await call<Task>('tasks:wontdo', { id: task.id, reason: 'Closing this account' })).toMatchObject({
      status: 'wont_do',
      wontDoReason: 'Closing this account',
    });
    const manual = await call<Task>('tasks:create', {
      title: 'Rotate the API keys sent by email',
      priority: 'P2',
    });
    expect(manual).toMatchObject({ source: 'manual', dueAt: '2026-12-01', status: 'todo' });
    expect(await call<Task>('tasks:done', { id: manual.id })).toMatchObject({ verified: true });
    expect(await call<Task>('tasks:plan', { id: manual.id, priority: 'P1', dueAt: null })).toMatchObject({
      priority: 'P1',
      priorityIsManual: true,
      dueAt: null,
    });
  });

  it('records every change in a hash-chained history that detects edits', async () => {
    const { call, tasks, core } = await setup();
    const task = (await tasks())[0]!;
    await call('tasks:setStatus', { id: task.id, status: 'in_progress' });
    const history = core.read.history.list({ subjectType: 'task', subjectId: task.id });
    expect(history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['status', 'todo', 'in_progress'],
      ['created', null, 'todo'],
    ]);
    expect(core.read.history.verify()).toMatchObject({ ok: true });
    // Findings are in the history too: raised at import, and set aside with the reason.
    const finding = (await call<Finding[]>('findings:list', {})).find((f) => f.status === 'open')!;
    expect(
      core.read.history.list({ subjectType: 'finding', subjectId: finding.id }).map((h) => [h.from, h.to]),
    ).toEqual([[null, 'open']]);
    await call('findings:dismiss', { id: finding.id, reason: 'not_mine', note: 'Old work account' });
    expect(core.read.history.list({ subjectType: 'finding', subjectId: finding.id })[0]).toMatchObject({
      action: 'dismissed',
      to: 'dismissed',
      note: 'Not my account: Old work account',
      actor: 'Me',
    });
    // Someone edits the file behind Lockstep's back, with their own connection.
    const tamper = new Database(core.databasePath);
    for (const { name } of tamper
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'history'`)
      .all() as { name: string }[]) {
      tamper.exec(`DROP TRIGGER ${name}`);
    }
    tamper.prepare(`UPDATE history SET to_value = 'done' WHERE seq = 2`).run();
    tamper.close();
    expect(core.read.history.verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

describe('bulk actions', () => {
  it('apply to every selected task, or to none when one is closed', async () => {
    const { call, tasks } = await setup();
    const [a, b, c] = (await tasks()).filter((t) => t.status === 'todo');
    expect(await call('tasks:bulk', { ids: [a!.id, b!.id], action: 'snooze', until: '2026-12-03' })).toEqual({
      changed: 2,
    });
    expect(
      (await tasks())
        .filter((t) => t.status === 'snoozed')
        .map((t) => t.id)
        .sort(),
    ).toEqual([a!.id, b!.id].sort());
    await call('tasks:wontdo', { id: c!.id, reason: 'Not mine' });
    await expect(call('tasks:bulk', { ids: [a!.id, c!.id], action: 'start' })).rejects.toThrow(
      /already closed/,
    );
    expect((await tasks()).find((t) => t.id === a!.id)!.status).toBe('snoozed');
    await expect(call('tasks:bulk', { ids: [a!.id], action: 'wontdo' })).rejects.toThrow(/Say why/);
  });
});

describe('who made a change', () => {
  it('is the person, or the named helper set in Settings', async () => {
    const { call, tasks, core } = await setup();
    const task = (await tasks())[0]!;
    await call('tasks:setStatus', { id: task.id, status: 'in_progress' });
    expect(core.read.history.list({ subjectType: 'task', subjectId: task.id })[0]!.actor).toBe('Me');
    await call('settings:update', { helperName: 'Sam (IT)' });
    await call('tasks:setStatus', { id: task.id, status: 'todo' });
    expect(core.read.history.list({ subjectType: 'task', subjectId: task.id })[0]!.actor).toBe(
      'Helper: Sam (IT)',
    );
  });
});
