import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  Account,
  Checklist,
  Finding,
  ImportPreview,
  Person,
  StaffImportPreview,
  StaffImportResult,
  Task,
  TeamView,
} from '../../common/ipc/contract';
import { setMessageLocale } from '../../common/messages/format';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { openCore, type Core } from './core';

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
});

const SHARED_PASSWORD = 'Tiny-Tea-shared-2024!';

async function setup(start = '2026-11-28T12:00:00Z') {
  let now = Date.parse(start);
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-team-'));
  const platform = new RecordingPlatform(async (html) => new TextEncoder().encode(`%PDF-fake\n${html}`));
  const core = openCore({ dataDir, platform, clock: { now: () => new Date((now += 1000)) } });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, () => {});
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const person = (name: string, emails: string[] = [], group?: string) =>
    call<Person>('people:create', { name, emails, ...(group ? { group } : {}) });
  const account = (personId: number, values: Partial<Account> & { service: string }) =>
    call<Account>('accounts:create', {
      personId,
      url: '',
      username: '',
      category: 'other',
      criticality: 'standard',
      mfa: 'unknown',
      passwordChangedAt: '',
      recoveryReviewedAt: '',
      notes: '',
      ...values,
    });
  const importFor = async (personId: number, rows: string[][]) => {
    const file = join(dataDir, `export-${personId}.csv`);
    writeFileSync(file, `name,url,username,password\n${rows.map((r) => r.join(',')).join('\n')}\n`);
    // As main's file dialog would: the window gets a token for the picked file, never its path.
    const { token } = core.files.grant(file);
    const preview = await call<ImportPreview>('import:preview', { source: { fileToken: token }, personId });
    await call('import:confirm', { sessionId: preview.sessionId });
  };
  return {
    core,
    dataDir,
    platform,
    call,
    person,
    account,
    importFor,
    advance: (days: number) => {
      now += days * 86_400_000;
    },
  };
}

describe('the team view', () => {
  it('counts two-step on main email, critical accounts, reuse and overdue tasks, as documented', async () => {
    const { call, person, account, importFor, core, advance } = await setup();
    const me = (await call<Person[]>('people:list'))[0]!;
    const priya = await person('Priya', ['priya@tea.example'], 'Shop');
    const tom = await person('Tom', ['tom@tea.example', 'tom@home.example'], 'Office');
    await account(me.id, { service: 'My mail', category: 'email', criticality: 'critical', mfa: 'totp' });
    await account(priya.id, {
      service: 'Tea mail',
      url: 'https://mail.google.com',
      category: 'email',
      username: 'priya@tea.example',
      criticality: 'critical',
      mfa: 'none',
    });
    await account(tom.id, {
      service: 'Home mail',
      category: 'email',
      username: 'tom@home.example',
      criticality: 'critical',
      mfa: 'sms',
    });
    await account(tom.id, {
      service: 'Work mail',
      category: 'email',
      username: 'tom@tea.example',
      criticality: 'critical',
      mfa: 'unknown',
    });
    await importFor(priya.id, [['Etsy', 'https://www.etsy.com', 'priya', SHARED_PASSWORD]]);
    await importFor(tom.id, [['Tiny Tea Co. shop', 'https://shop.tinytea.example', 'tom', SHARED_PASSWORD]]);

    const view = await call<TeamView>('team:get');
    expect(view.rows.map((r) => [r.name, r.mainEmailMfa, r.criticalAccounts, r.criticalWithMfa])).toEqual([
      ['Me', true, 1, 1],
      ['Priya', false, 1, 0],
      // Tom's first address is tom@tea.example: his main email is "Work mail", whose method is unknown.
      ['Tom', null, 2, 1],
    ]);
    expect(view.coverage.mainEmailMfa).toMatchObject({ yes: 1, no: 1, unknown: 1 });
    expect(view.coverage.criticalWithMfa).toMatchObject({ yes: 2, of: 4, unknown: 1 });
    expect(view.coverage.peopleWithReuse.people.map((p) => p.name)).toEqual(['Priya', 'Tom']);
    expect(view.groups).toEqual(['Office', 'Shop']);

    // The shared password is named with both owners, and its tasks say whose they are.
    const reuse = (await call<Finding[]>('findings:list', { personId: tom.id })).find(
      (f) => f.kind === 'password_reused',
    )!;
    expect(reuse.personIds).toEqual([priya.id, tom.id]);
    const tomTasks = await call<Task[]>('tasks:list', { personId: tom.id });
    expect(tomTasks.map((t) => t.title)).toContain("Change Tom's password at Tiny Tea Co. shop");
    expect(tomTasks.every((t) => t.personId === tom.id)).toBe(true);
    const sharedTask = tomTasks.find((t) => t.title === "Change Tom's password at Tiny Tea Co. shop")!;
    expect(sharedTask.why).toContain("Priya's Etsy and Tom's Tiny Tea Co. shop use the same password");

    // Days later, the P1/P2 tasks are overdue: counted per person and in total.
    advance(10);
    const later = await call<TeamView>('team:get');
    const overdue = later.rows.reduce((sum, r) => sum + r.overdueTasks, 0);
    expect(overdue).toBeGreaterThan(0);
    expect(later.coverage.overdueTasks.count).toBe(overdue);
    expect(later.coverage.overdueTasks.people).toBe(later.rows.filter((r) => r.overdueTasks > 0).length);
    // A group limits every figure.
    const shop = await call<TeamView>('team:get', { group: 'Shop' });
    expect(shop.rows.map((r) => r.name)).toEqual(['Priya']);
    expect(shop.coverage.criticalWithMfa).toMatchObject({ yes: 0, of: 1 });
    // The dashboard for one person counts only theirs.
    const dash = core.dashboard.summary({ personId: priya.id });
    expect(dash.openFindings).toBe(
      (await call<Finding[]>('findings:list', { personId: priya.id })).filter((f) => f.status === 'open')
        .length,
    );
    expect(dash.trend).toEqual([]);
  });

  it('records the last activity of each person, and filters the history by person and group', async () => {
    const { call, person, account } = await setup();
    const priya = await person('Priya', [], 'Shop');
    const tom = await person('Tom', [], 'Office');
    await account(priya.id, { service: 'Canva' });
    await account(tom.id, { service: 'Xero' });
    const view = await call<TeamView>('team:get');
    const row = (name: string) => view.rows.find((r) => r.name === name)!;
    expect(row('Priya').lastActivity).not.toBeNull();
    expect(row('Tom').lastActivity! > row('Priya').lastActivity!).toBe(true);
    const history = await call<{ to: string | null; subjectType: string }[]>('history:list', {
      group: 'Shop',
    });
    expect(history.map((h) => h.to)).toContain('Canva');
    expect(history.map((h) => h.to)).not.toContain('Xero');
    expect(await call<unknown[]>('history:list', { personId: tom.id })).toContainEqual(
      expect.objectContaining({ to: 'Xero' }),
    );
  });
});

describe('the team view, kept between changes', () => {
  it('is computed once while nothing changes, and again after any change, in this process or another', async () => {
    const { call, person, account, core } = await setup();
    const priya = await person('Priya', ['priya@tea.example']);
    await account(priya.id, {
      service: 'Gmail',
      category: 'email',
      username: 'priya@tea.example',
      mfa: 'none',
    });
    const first = await call<TeamView>('team:get');
    expect(core.team.view()).toBe(core.team.view()); // the same view: nothing was read again
    expect(first.coverage.mainEmailMfa).toMatchObject({ yes: 0, no: 1 });
    // A change made here…
    await account(priya.id, { service: 'Xero', category: 'finance' });
    const second = await call<TeamView>('team:get');
    expect(second.rows.find((r) => r.name === 'Priya')!.accounts).toBe(2);
    // …and one made by another Lockstep on the same file (another connection).
    const other = openCore({ dataDir: core.dataDir, platform: new RecordingPlatform() });
    cores.push(other);
    other.inventory.createPerson({ name: 'Tom' });
    expect((await call<TeamView>('team:get')).rows.map((r) => r.name)).toContain('Tom');
  });
});

describe('assignments', () => {
  it('assigns tasks to a person or a helper, in bulk, records it, and lists "my tasks"', async () => {
    const { call, person, account, core } = await setup();
    const priya = await person('Priya');
    await account(priya.id, { service: 'Insecure', url: 'http://insecure.example' });
    await account(priya.id, { service: 'Also insecure', url: 'http://also.example' });
    const tasks = await call<Task[]>('tasks:list', { personId: priya.id });
    expect(tasks).toHaveLength(2);
    const ids = tasks.map((t) => t.id);
    expect(await call('tasks:assign', { ids, assignee: { helper: 'Sam (IT)' } })).toEqual({ changed: 2 });
    // Nothing changes the second time, and nothing is recorded.
    expect(await call('tasks:assign', { ids, assignee: { helper: 'Sam (IT)' } })).toEqual({ changed: 0 });
    expect(await call<Task[]>('tasks:list', { assignee: 'mine' })).toEqual([]);
    await call('settings:update', { helperName: 'Sam (IT)' });
    expect((await call<Task[]>('tasks:list', { assignee: 'mine' })).map((t) => t.id)).toEqual(ids);
    await call('tasks:assign', { ids: [ids[0]], assignee: { personId: priya.id } });
    const [first] = await call<Task[]>('tasks:list', { assignee: priya.id });
    expect(first).toMatchObject({
      id: ids[0],
      assignee: { kind: 'person', personId: priya.id, name: 'Priya' },
    });
    expect((await call<Task[]>('tasks:list', { assignee: 'unassigned' })).map((t) => t.id)).not.toContain(
      ids[0],
    );
    const rows = core.read.history.list({ subjectType: 'task', subjectId: ids[0]! });
    expect(rows.filter((r) => r.action === 'assigned').map((r) => [r.from, r.to])).toEqual([
      ['Helper: Sam (IT)', 'Priya'],
      [null, 'Helper: Sam (IT)'],
    ]);
    await expect(call('tasks:assign', { ids, assignee: { personId: 999 } })).rejects.toThrow(
      /no longer exists/,
    );
  });
});

describe('staff lists', () => {
  it('previews, then imports in one change; a second import of the same list updates, never duplicates', async () => {
    const { call, dataDir, core } = await setup();
    const file = join(dataDir, 'staff.csv');
    writeFileSync(
      file,
      'Name,Email,Role,Department\nPriya Shah,priya@tea.example;p.shah@tea.example,Owner,Shop\nTom Reed,tom@tea.example,,Office\nNo Address,not-an-address,,\n',
    );
    const commits = core.writePath.commits;
    const preview = await call<StaffImportPreview>('people:importPreview', {
      source: { fileToken: core.files.grant(file).token },
    });
    expect(core.writePath.commits).toBe(commits);
    expect(preview).toMatchObject({ toCreate: 2, toUpdate: 0 });
    expect(preview.skipped).toEqual([
      { row: 3, reason: '"not-an-address" does not look like an email address' },
    ]);
    const result = await call<StaffImportResult>('people:importConfirm', { sessionId: preview.sessionId });
    expect(result).toMatchObject({ created: 2, updated: 0 });
    expect(core.writePath.commits).toBe(commits + 1);
    const priya = (await call<Person[]>('people:list')).find((p) => p.name === 'Priya Shah')!;
    expect(priya).toMatchObject({ group: 'Shop', role: 'Owner' });
    expect(priya.emails.map((e) => e.address).sort()).toEqual(['p.shah@tea.example', 'priya@tea.example']);

    writeFileSync(file, 'Name,Email,Department\npriya shah,priya@tea.example;new@tea.example,Kitchen\n');
    const again = await call<StaffImportPreview>('people:importPreview', {
      source: { fileToken: core.files.grant(file).token },
    });
    // A path from the window is refused: only picked files are read.
    await expect(call('people:importPreview', { source: { path: file } })).rejects.toThrow();
    expect(again.rows[0]).toMatchObject({
      action: 'update',
      changes: ['adds an address', 'group: Shop → Kitchen'],
    });
    await call('people:importConfirm', { sessionId: again.sessionId });
    const people = await call<Person[]>('people:list');
    expect(people.filter((p) => p.name.toLowerCase() === 'priya shah')).toHaveLength(1);
    expect(people.find((p) => p.name === 'Priya Shah')).toMatchObject({ group: 'Kitchen', role: 'Owner' });
    await expect(call('people:importConfirm', { sessionId: again.sessionId })).rejects.toThrow(/expired/);
  });
});

describe('checklists across people', () => {
  it('starts one run per person, on their main email account, and shows who is stuck', async () => {
    const { call, person, account } = await setup();
    const ann = await person('Ann', ['ann@tea.example']);
    const ben = await person('Ben', []);
    const cat = await person('Cat', []);
    const mail = await account(ann.id, {
      service: 'Ann mail',
      category: 'email',
      username: 'ann@tea.example',
      criticality: 'critical',
    });
    const checklist = await call<Checklist>('checklists:start', {
      guideId: 'small-business-baseline',
      personIds: [ann.id, ben.id, cat.id],
      helperName: 'Sam',
    });
    expect(checklist.runs.map((r) => [r.personName, r.accountId, r.checklistId])).toEqual([
      ['Ann', mail.id, checklist.id],
      ['Ben', null, checklist.id],
      ['Cat', null, checklist.id],
    ]);
    expect(checklist.progress).toEqual({ finished: 0, stuck: 0, notStarted: 3, total: 3 });
    const benRun = checklist.runs[1]!;
    const run = await call<{ steps: { id: string }[] }>('guideRuns:get', { id: benRun.id });
    await call('guideRuns:mark', {
      id: benRun.id,
      stepId: run.steps[0]!.id,
      status: 'blocked',
      note: 'Waiting for the admin password',
    });
    const board = await call<Checklist>('checklists:get', { id: checklist.id });
    expect(board.runs.find((r) => r.personName === 'Ben')).toMatchObject({ isStuck: true });
    expect(board.progress).toMatchObject({ stuck: 1, notStarted: 2 });
    expect((await call<Checklist[]>('checklists:list')).map((c) => c.id)).toEqual([checklist.id]);
    // Guide runs say whose they are, even without an account.
    expect(await call('guideRuns:get', { id: benRun.id })).toMatchObject({
      personName: 'Ben',
      accountId: null,
    });
  });
});

describe('reports', () => {
  it('say the same figures as the team view, list owners and due dates, and hold no secret', async () => {
    const { call, person, account, importFor, platform } = await setup();
    const priya = await person('Priya', ['priya@tea.example']);
    await account(priya.id, {
      service: 'Tea mail',
      category: 'email',
      username: 'priya@tea.example',
      criticality: 'critical',
      mfa: 'none',
      notes: 'PIN 4711',
    });
    await importFor(priya.id, [['Yahoo Mail', 'https://mail.yahoo.com', 'priya', SHARED_PASSWORD]]);
    const view = await call<TeamView>('team:get');
    const saved: string[] = [];
    for (const format of ['markdown', 'csv', 'pdf'] as const) {
      const path = join(mkdtempSync(join(tmpdir(), 'lockstep-report-')), `report.${format}`);
      saved.push(path);
      platform.answerNextSave(path);
      expect(await call('reports:export', { kind: 'attestation', format })).toEqual({ saved: true, path });
    }
    // The save dialog's words come from the catalogue.
    expect(platform.recording.saveRequests.map((request) => request.title)).toEqual([
      'Save the attestation as Markdown',
      'Save the attestation as CSV',
      'Save the attestation as PDF',
    ]);
    setMessageLocale('pseudo');
    try {
      platform.answerNextSave(null);
      await call('reports:export', { kind: 'team', format: 'csv' });
      const title = platform.recording.saveRequests.at(-1)!.title;
      expect(title).toMatch(/^\[.+~\]$/);
      expect(title.match(/[A-Za-z]{2,}/g) ?? [], title).toEqual([]);
    } finally {
      setMessageLocale('en');
    }
    const html = platform.recording.printed[0]!;
    expect(html).toContain(`${view.coverage.mainEmailMfa.yes} of 1 person`);
    expect(view.rows.map((r) => r.name)).toEqual(['Priya']);
    expect(html).toContain(`${view.coverage.criticalWithMfa.yes} of ${view.coverage.criticalWithMfa.of}`);
    expect(html).toContain('verified intact on');
    for (const file of saved) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).toContain('Two-step sign-in on the main email account');
      expect(text, file).not.toContain(SHARED_PASSWORD);
      expect(text, file).not.toContain('PIN 4711');
    }
  });
});
