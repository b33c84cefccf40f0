import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { GuideRunSummary } from '../../common/ipc/contract';
import type {
  Account,
  BreachNotice,
  Finding,
  GuideRun,
  GuideSuggestion,
  Incident,
  Task,
} from '../../common/model/index';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { openCore, type Core } from './core';

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
});

const START = Date.parse('2026-11-28T12:00:00Z');

function open(
  dataDir: string,
  platform = new RecordingPlatform(async () => new TextEncoder().encode('%PDF-1.7 fake')),
) {
  let ticks = 0;
  const core = openCore({ dataDir, platform, clock: { now: () => new Date(START + 1000 * ticks++) } });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, () => {});
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), {
        code: result.error.code,
        fieldErrors: result.error.fieldErrors,
      });
    return result.value as T;
  };
  return { core, call, platform };
}

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-guides-'));
  const app = open(dataDir);
  const account = (service: string, url: string, extra: Record<string, unknown> = {}) =>
    app.call<Account>('accounts:create', {
      personId: 1,
      service,
      url,
      username: 'ann@example.com',
      category: 'other',
      criticality: 'important',
      mfa: 'unknown',
      passwordChangedAt: '',
      recoveryReviewedAt: '',
      notes: '',
      ...extra,
    });
  const findings = () => app.call<Finding[]>('findings:list', {});
  const tasks = () => app.call<Task[]>('tasks:list', {});
  return { ...app, dataDir, account, findings, tasks };
}

const rejects = async (promise: Promise<unknown>, code: string, message?: RegExp) => {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code: string; message: string } | null;
  expect(error, 'expected a refusal').not.toBeNull();
  expect(error!.code).toBe(code);
  if (message) expect(error!.message).toMatch(message);
};

describe('running a guide from a finding', () => {
  it('applies the effects in one go: the account, the finding and its task all update', async () => {
    const { call, account, findings, tasks, core } = await setup();
    const github = await account('GitHub', 'https://github.com/login');
    const finding = (await findings()).find(
      (f) => f.kind === 'mfa_available' && f.accountIds.includes(github.id),
    )!;
    expect(finding.status).toBe('open');

    const suggestion = await call<GuideSuggestion>('guideRuns:suggest', { findingId: finding.id });
    expect(suggestion.guides[0]!.id).toBe('turn-on-two-step-sign-in');
    expect(suggestion.accountId).toBe(github.id);

    const run = await call<GuideRun>('guideRuns:start', {
      guideId: 'turn-on-two-step-sign-in',
      accountId: github.id,
      origin: 'finding',
      originId: finding.id,
      helperName: 'Sam from the helpdesk',
    });
    expect(run.originLabel).toMatch(/^Finding: Turn on two-step sign-in at GitHub/);
    expect(run.progress).toEqual({ done: 0, skipped: 0, blocked: 0, pending: 5, total: 5 });
    const last = run.steps.at(-1)!;
    expect(last.asksMfa).toBe(true);
    expect(last.effects).toEqual(['Records the two-step method you choose on GitHub.']);

    for (const step of run.steps.slice(0, -1)) {
      await call('guideRuns:mark', { id: run.id, stepId: step.id, status: 'done', confirmed: true });
    }
    // The last step asks its question and which method was turned on.
    await rejects(
      call('guideRuns:mark', { id: run.id, stepId: last.id, status: 'done', mfa: 'totp' }),
      'invalid_input',
      /Answer the question/,
    );
    await rejects(
      call('guideRuns:mark', { id: run.id, stepId: last.id, status: 'done', confirmed: true }),
      'invalid_input',
      /two-step method/,
    );
    const before = core.read.history.list().length;
    const after = await call<GuideRun>('guideRuns:mark', {
      id: run.id,
      stepId: last.id,
      status: 'done',
      confirmed: true,
      mfa: 'totp',
    });
    expect(after.progress.done).toBe(5);
    expect(after.steps.at(-1)!.applied).toEqual(['Recorded two-step sign-in (Authenticator app) on GitHub']);
    expect((await call<Account>('accounts:get', { id: github.id })).mfa).toBe('totp');
    expect((await findings()).find((f) => f.id === finding.id)!.status).toBe('auto_resolved');
    const task = (await tasks()).find((t) => t.findingIds.includes(finding.id))!;
    expect(task).toMatchObject({ status: 'done', verified: true });
    const written = core.read.history.list().slice(0, core.read.history.list().length - before);
    expect(written.find((e) => e.action === 'two-step')).toMatchObject({
      actor: 'Helper: Sam from the helpdesk',
      to: 'totp',
    });
    expect(core.read.history.verify().ok).toBe(true);

    // A done step stays done.
    await rejects(call('guideRuns:mark', { id: run.id, stepId: last.id, status: 'skipped' }), 'conflict');
  });

  it('resumes exactly where it was left after a restart, even if the guide changes', async () => {
    const { call, account, dataDir, core } = await setup();
    const outlook = await account('Outlook', 'https://outlook.live.com');
    const run = await call<GuideRun>('guideRuns:start', {
      guideId: 'secure-main-email',
      accountId: outlook.id,
      origin: 'library',
    });
    expect(run.variant).toEqual({ id: 'microsoft', label: expect.stringMatching(/Microsoft/) });
    await call('guideRuns:mark', { id: run.id, stepId: run.steps[0]!.id, status: 'skipped' });
    await call('guideRuns:mark', {
      id: run.id,
      stepId: run.steps[1]!.id,
      status: 'blocked',
      note: 'No phone with her today',
    });
    await call('guideRuns:goto', { id: run.id, position: 1 });
    await core.close();
    cores.splice(cores.indexOf(core), 1);

    const again = open(dataDir);
    const resumed = await again.call<GuideRun>('guideRuns:get', { id: run.id });
    expect(resumed.currentStep).toBe(1);
    expect(resumed.steps.map((s) => s.status).slice(0, 3)).toEqual(['skipped', 'blocked', 'pending']);
    expect(resumed.steps[1]!.note).toBe('No phone with her today');
    expect(resumed.steps).toEqual(run.steps.map((s, i) => ({ ...s, ...resumed.steps[i] })));
    // Starting the same guide for the same account again resumes this run.
    const same = await again.call<GuideRun>('guideRuns:start', {
      guideId: 'secure-main-email',
      accountId: outlook.id,
      origin: 'library',
    });
    expect(same.id).toBe(run.id);
  });

  it('refuses bad marks and changes nothing', async () => {
    const { call, account, tasks } = await setup();
    const outlook = await account('Outlook', 'https://outlook.live.com');
    const run = await call<GuideRun>('guideRuns:start', {
      guideId: 'email-provider-breach',
      accountId: outlook.id,
      origin: 'library',
    });
    const collect = run.steps.find((s) => s.collects)!;
    const taskCount = (await tasks()).length;
    await rejects(
      call('guideRuns:mark', { id: run.id, stepId: run.steps[0]!.id, status: 'blocked' }),
      'invalid_input',
      /in the way/,
    );
    await rejects(
      call('guideRuns:mark', { id: run.id, stepId: 'no-such-step', status: 'done' }),
      'not_found',
    );
    await rejects(call('guideRuns:mark', { id: 9999, stepId: collect.id, status: 'done' }), 'not_found');
    // A secret is never a list item: refused, with nothing written.
    await rejects(
      call('guideRuns:mark', {
        id: run.id,
        stepId: collect.id,
        status: 'done',
        confirmed: true,
        items: ['Billing API key', 'AKIAIOSFODNN7EXAMPLE'],
      }),
      'invalid_input',
      /looks like the secret itself/,
    );
    await rejects(
      call('guideRuns:mark', {
        id: run.id,
        stepId: run.steps[0]!.id,
        status: 'blocked',
        note: 'Her password is Xk9#mP2$vL8@qR4!z',
      }),
      'invalid_input',
      /never the secret itself/,
    );
    await rejects(
      call('guideRuns:note', {
        id: run.id,
        stepId: run.steps[0]!.id,
        note: 'code: 5f4dcc3b5aa765d61d8327deb882cf99',
      }),
      'invalid_input',
      /never the secret itself/,
    );
    await rejects(call('guideRuns:finish', { id: run.id }), 'invalid_input', /8 steps are not marked yet/);
    expect((await tasks()).length).toBe(taskCount);
    expect((await call<GuideRun>('guideRuns:get', { id: run.id })).progress.pending).toBe(8);

    // Listing names makes one follow-up task each.
    const marked = await call<GuideRun>('guideRuns:mark', {
      id: run.id,
      stepId: collect.id,
      status: 'done',
      confirmed: true,
      items: ['Billing API key', 'Router admin password'],
    });
    const step = marked.steps.find((s) => s.id === collect.id)!;
    expect(step.taskIds).toHaveLength(2);
    const created = (await tasks()).filter((t) => step.taskIds.includes(t.id));
    expect(created.map((t) => t.title).sort()).toEqual([
      "Replace Billing API key: it passed through a breached company's email",
      "Replace Router admin password: it passed through a breached company's email",
    ]);
    expect(
      created.every((t) => t.source === 'guide' && t.priority === 'P2' && t.dueAt === '2026-12-01'),
    ).toBe(true);
  });
});

describe('finishing a run and its summary', () => {
  it('turns skipped and blocked steps into follow-ups, and saves a summary without secrets', async () => {
    const { call, account, tasks, platform, dataDir } = await setup();
    const bank = await account('Northbank', 'https://northbank.example.com', { username: 'ann.b' });
    const run = await call<GuideRun>('guideRuns:start', {
      guideId: 'exposed-credit-cards',
      accountId: bank.id,
      origin: 'library',
    });
    const [first, second, ...rest] = run.steps;
    await call('guideRuns:mark', { id: run.id, stepId: first!.id, status: 'done', confirmed: true });
    await call('guideRuns:mark', {
      id: run.id,
      stepId: second!.id,
      status: 'blocked',
      note: 'Card company closed until Monday',
    });
    for (const step of rest) await call('guideRuns:mark', { id: run.id, stepId: step.id, status: 'skipped' });
    await call('guideRuns:note', {
      id: run.id,
      stepId: first!.id,
      note: 'Called from the number on the card',
    });
    const finished = await call<GuideRun>('guideRuns:finish', { id: run.id });
    expect(finished.status).toBe('finished');
    const followUps = (await tasks()).filter((t) => t.source === 'guide');
    expect(followUps.map((t) => [t.title, t.priority])).toContainEqual([
      `Finish "${second!.title}" (${run.guideTitle})`,
      'P2',
    ]);
    await rejects(
      call('guideRuns:mark', { id: run.id, stepId: first!.id, status: 'skipped' }),
      'conflict',
      /finished/,
    );

    const summary = await call<GuideRunSummary>('guideRuns:summary', { id: run.id });
    expect(summary.steps.map((s) => s.status)).toEqual(finished.steps.map((s) => s.status));
    expect(summary.followUps.length).toBe(followUps.length);

    // Cancelled: nothing saved. Markdown and PDF: saved where chosen.
    expect(await call('guideRuns:export', { id: run.id, format: 'markdown' })).toEqual({
      saved: false,
      path: null,
    });
    const md = join(dataDir, 'summary.md');
    platform.answerNextSave(md);
    expect(await call('guideRuns:export', { id: run.id, format: 'markdown' })).toEqual({
      saved: true,
      path: md,
    });
    const text = readFileSync(md, 'utf8');
    expect(text).toContain('Card company closed until Monday');
    expect(text).toContain('Northbank (ann.b)');
    const pdf = join(dataDir, 'summary.pdf');
    platform.answerNextSave(pdf);
    await call('guideRuns:export', { id: run.id, format: 'pdf' });
    expect(readFileSync(pdf, 'utf8')).toMatch(/^%PDF/);
    expect(platform.recording.printed[0]).toContain('Card company closed until Monday');
    expect(platform.recording.saveRequests.map((r) => r.defaultName)).toContainEqual(
      expect.stringMatching(/^lockstep-summary-.*\.pdf$/),
    );
  });

  it('says so when a PDF cannot be made, and writes nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-guides-'));
    const { call, platform } = open(dataDir, new RecordingPlatform());
    const run = await call<GuideRun>('guideRuns:start', { guideId: 'exposed-pins', origin: 'library' });
    platform.answerNextSave(join(dataDir, 'out.pdf'));
    await rejects(call('guideRuns:export', { id: run.id, format: 'pdf' }), 'unavailable', /Markdown instead/);
  });
});

describe('breach notices', () => {
  it('a notice raises a finding on the accounts at that company, offers its guide, and closes when the guide is finished', async () => {
    const { call, account, findings, tasks, core } = await setup();
    const outlook = await account('Microsoft account', 'https://account.microsoft.com');
    // The same Microsoft sign-in at other domains, and a work account: the notice reaches them all.
    const xbox = await account('Xbox', 'https://www.xbox.com/');
    const work = await account('Microsoft 365 (work)', 'https://login.microsoftonline.com/', {
      username: 'ann@contoso.onmicrosoft.com',
    });
    const shop = await account('Shopwise', 'https://shopwise.example.co.uk/');
    const emailId = (await call<{ id: number }>('emails:add', { personId: 1, address: 'ann@example.com' }))
      .id;
    await call('emails:add', { personId: 1, address: 'ann@hotmail.fr' });
    const notice = await call<BreachNotice>('notices:record', {
      personId: 1,
      incidentId: 'microsoft-midnight-blizzard-2024',
      receivedOn: '2024-03-20',
      emailId,
    });
    expect(notice).toMatchObject({
      provider: 'Microsoft',
      domains: ['microsoft.com'],
      exposed: ['Email messages'],
      emailAddress: 'ann@example.com',
    });
    const finding = (await findings()).find((f) => f.id === notice.findingId)!;
    // Microsoft holds mail: fix now. The finding names the families, and the guide whose time it takes.
    expect(finding).toMatchObject({
      kind: 'breach_notice',
      status: 'open',
      severity: 'critical',
      accountIds: [outlook.id, xbox.id, work.id],
      evidence: {
        families: [
          { id: 'microsoft-account', name: 'Microsoft account' },
          { id: 'microsoft-entra', name: 'Microsoft work or school account' },
        ],
        emails: ['ann@example.com', 'ann@hotmail.fr'],
        guide: { id: 'email-provider-breach', estimatedMinutes: 75 },
      },
    });
    expect(finding.accountIds).not.toContain(shop.id);
    const task = (await tasks()).find((t) => t.findingIds.includes(finding.id))!;
    expect(task).toMatchObject({ title: 'Respond to the Microsoft notice', priority: 'P1' });

    // The library now puts the guide for what the notice says was taken among "for your findings".
    const library = await call<{ id: string; isRelevant: boolean }[]>('guides:list', {});
    expect(library.find((g) => g.id === 'email-provider-breach')!.isRelevant).toBe(true);
    expect(library.find((g) => g.id === 'exposed-pins')!.isRelevant).toBe(false);
    const suggestion = await call<GuideSuggestion>('guideRuns:suggest', { noticeId: notice.id });
    expect(suggestion.guides.map((g) => g.id).slice(0, 2)).toEqual([
      'email-provider-breach',
      'secure-main-email',
    ]);
    // The guide's steps follow the account's sign-in: personal for the Microsoft account page, the
    // work account's security-info page for the Microsoft 365 account.
    const workRun = await call<GuideRun>('guideRuns:start', {
      guideId: 'email-provider-breach',
      accountId: work.id,
      origin: 'notice',
      originId: notice.id,
    });
    expect(workRun.variant?.id).toBe('microsoft-work');
    expect(workRun.steps.flatMap((step) => step.links.map((link) => link.url))).toContain(
      'https://mysignins.microsoft.com/security-info',
    );
    const run = await call<GuideRun>('guideRuns:start', {
      guideId: 'email-provider-breach',
      accountId: outlook.id,
      origin: 'notice',
      originId: notice.id,
    });
    expect(run.variant?.id).toBe('microsoft-personal');
    expect(run.steps.flatMap((step) => step.links.map((link) => link.url))).toContain(
      'https://account.microsoft.com/security',
    );
    for (const step of run.steps) {
      await call('guideRuns:mark', {
        id: run.id,
        stepId: step.id,
        status: 'done',
        confirmed: true,
        ...(step.asksMfa ? { mfa: 'passkey' } : {}),
      });
    }
    await call('guideRuns:finish', { id: run.id });
    expect((await findings()).find((f) => f.id === finding.id)!.status).toBe('auto_resolved');
    const handled = (await call<BreachNotice[]>('notices:list', {})).find((n) => n.id === notice.id)!;
    expect(handled.handledAt).not.toBeNull();
    const updated = await call<Account>('accounts:get', { id: outlook.id });
    expect(updated).toMatchObject({
      mfa: 'passkey',
      passwordChangedAt: '2026-11-28',
      recoveryReviewedAt: '2026-11-28',
    });
    expect(core.read.history.verify().ok).toBe(true);
  });

  it('records a notice from any company by name and web address', async () => {
    const { call, account, findings } = await setup();
    const shop = await account('Shopwise', 'https://www.shopwise.example.co.uk/login');
    const notice = await call<BreachNotice>('notices:record', {
      personId: 1,
      provider: 'Shopwise',
      domain: 'https://shopwise.example.co.uk',
      receivedOn: '2026-11-20',
      exposed: ['Email addresses', 'Phone numbers'],
      details: 'Letter says names, emails and phone numbers were copied.',
    });
    expect(notice.domains).toEqual(['shopwise.example.co.uk']);
    const finding = (await findings()).find((f) => f.id === notice.findingId)!;
    expect(finding).toMatchObject({ severity: 'medium', accountIds: [shop.id] });
    const suggestion = await call<GuideSuggestion>('guideRuns:suggest', { findingId: finding.id });
    expect(suggestion.guides.map((g) => g.id)).toEqual(
      expect.arrayContaining(['exposed-email-addresses', 'exposed-phone-numbers']),
    );
    // Forgetting the notice closes its finding.
    await call('notices:delete', { id: notice.id });
    expect((await findings()).find((f) => f.id === finding.id)!.status).toBe('auto_resolved');
  });

  it('refuses a bad notice with a clear message and records nothing', async () => {
    const { call } = await setup();
    const other = await call<{ id: number }>('people:create', { name: 'Bob' });
    const bobEmail = await call<{ id: number }>('emails:add', {
      personId: other.id,
      address: 'bob@example.com',
    });
    const base = { personId: 1, provider: 'Acme', receivedOn: '2026-11-01' };
    await rejects(call('notices:record', { ...base, receivedOn: '2026-12-25' }), 'invalid_input', /future/);
    await rejects(call('notices:record', { ...base, receivedOn: '2026-02-30' }), 'invalid_input');
    await rejects(
      call('notices:record', { ...base, provider: undefined }),
      'invalid_input',
      /Name the company/,
    );
    await rejects(
      call('notices:record', { ...base, domain: 'not a domain' }),
      'invalid_input',
      /web address/,
    );
    await rejects(
      call('notices:record', { ...base, emailId: bobEmail.id }),
      'invalid_input',
      /not one of this person/,
    );
    await rejects(
      call('notices:record', { ...base, incidentId: 'no-such-incident' }),
      'invalid_input',
      /not in the list/,
    );
    await rejects(call('notices:record', { ...base, personId: 999 }), 'invalid_input');
    await rejects(
      call('notices:record', { ...base, details: 'They reset it to Tmp#2026xYz!Reset99' }),
      'invalid_input',
      /secret/,
    );
    expect(await call('notices:list', {})).toEqual([]);
  });

  it('lists the bundled incidents, newest first, each with official notices and guides', async () => {
    const { call } = await setup();
    const incidents = await call<Incident[]>('incidents:list', {});
    expect(incidents.length).toBeGreaterThanOrEqual(5);
    expect(incidents.map((i) => i.disclosedOn)).toEqual(
      [...incidents.map((i) => i.disclosedOn)].sort().reverse(),
    );
    expect(incidents.every((i) => i.notices.length > 0 && i.guides.length > 0)).toBe(true);
    // Each says which account families its notice reaches: Microsoft's, both kinds; Snowflake's, none.
    const microsoft = incidents.find((i) => i.id === 'microsoft-midnight-blizzard-2024')!;
    expect(microsoft.families.map((f) => f.id)).toEqual(['microsoft-account', 'microsoft-entra']);
    expect(microsoft.families[0]!.domains).toEqual(
      expect.arrayContaining(['outlook.com', 'xbox.com', 'office.com']),
    );
    expect(incidents.find((i) => i.id === 'snowflake-customer-accounts-2024')!.families).toEqual([]);
  });
});

describe('guides for a task', () => {
  it('are run for the task’s own account, even when its finding concerns several', async () => {
    const { call, tasks, core } = await setup();
    const exports = join(import.meta.dirname, '../../e2e/fixtures/exports/bitwarden.csv');
    const preview = await call<{ sessionId: string }>('import:preview', {
      source: { fileToken: core.files.grant(exports).token },
      personId: 1,
    });
    await call('import:confirm', { sessionId: preview.sessionId });
    const accounts = await call<Account[]>('accounts:list', {});
    const linkedIn = accounts.find((a) => a.service === 'LinkedIn')!;
    const task = (await tasks()).find((t) => t.title === 'Change your password at LinkedIn')!;
    const suggestion = await call<GuideSuggestion>('guideRuns:suggest', { taskId: task.id });
    expect(suggestion).toMatchObject({ accountId: linkedIn.id, accountIds: [linkedIn.id] });
    expect(suggestion.guides.map((g) => g.id)).toEqual(
      expect.arrayContaining(['exposed-passwords', 'password-manager']),
    );
    const run = await call<GuideRun>('guideRuns:start', {
      guideId: suggestion.guides[0]!.id,
      accountId: linkedIn.id,
      origin: 'task',
      originId: task.id,
    });
    expect(run.originLabel).toBe('Task: Change your password at LinkedIn');
  });
});

describe('sharing guides through the app', () => {
  const GUIDES = join(import.meta.dirname, '../../e2e/fixtures/guides');

  it('imports a shared checklist it can run, and exports a guide as the same JSON', async () => {
    const { call, platform, dataDir, account } = await setup();
    platform.answerNextFile(join(GUIDES, 'shared-checklist.json'));
    expect(await call('guides:import', {})).toEqual({
      imported: {
        id: 'acme-new-starter-checklist',
        title: 'Acme Ltd: new starter account checklist',
        version: '1.0',
      },
    });
    const listed = await call<{ id: string; source: string }[]>('guides:list', {});
    expect(listed.find((g) => g.id === 'acme-new-starter-checklist')!.source).toBe('imported');
    const mail = await account('Work mail', 'https://mail.acme.example.com');
    const run = await call<GuideRun>('guideRuns:start', {
      guideId: 'acme-new-starter-checklist',
      accountId: mail.id,
      origin: 'library',
    });
    await call('guideRuns:mark', {
      id: run.id,
      stepId: 'work-email-two-step',
      status: 'done',
      confirmed: true,
    });
    expect((await call<Account>('accounts:get', { id: mail.id })).mfa).toBe('totp');

    const out = join(dataDir, 'shared.json');
    platform.answerNextSave(out);
    expect(await call('guides:export', { id: 'acme-new-starter-checklist' })).toEqual({
      saved: true,
      path: out,
    });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      id: 'acme-new-starter-checklist',
      version: '1.0',
    });
    expect(platform.recording.saveRequests.at(-1)!.defaultName).toBe('acme-new-starter-checklist.json');
    // Cancelled dialogs do nothing.
    expect(await call('guides:import', {})).toEqual({ imported: null });
    expect(await call('guides:export', { id: 'secure-main-email' })).toEqual({ saved: false, path: null });
  });

  it('refuses an invalid guide with each problem and its JSON path, importing nothing', async () => {
    const { call, platform } = await setup();
    const before = (await call<unknown[]>('guides:list', {})).length;
    platform.answerNextFile(join(GUIDES, 'bad-guide.json'));
    const error = (await call('guides:import', {}).catch((e: unknown) => e)) as {
      code: string;
      message: string;
      fieldErrors: Record<string, string>;
    };
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe('bad-guide.json is not a valid guide (4 problems); nothing was imported.');
    expect(Object.keys(error.fieldErrors)).toEqual([
      '$.id',
      '$.steps[0].links[0].url',
      '$.steps[0].effects[0].type',
      '$.steps[0].sources',
    ]);
    expect(error.fieldErrors['$.steps[0].effects[0].type']).toMatch(/Unknown effect type "run_script"/);
    expect((await call<unknown[]>('guides:list', {})).length).toBe(before);
  });
});
