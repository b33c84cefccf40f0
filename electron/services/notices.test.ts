import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  Account,
  BreachNotice,
  Finding,
  GuideRun,
  GuideSuggestion,
  Task,
} from '../../common/ipc/contract';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { openCore, type Core, type CoreOptions } from './core';

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
});

const START = Date.parse('2026-11-28T12:00:00Z');

function open(extra: Partial<CoreOptions> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-notices-'));
  let ticks = 0;
  const core = openCore({
    dataDir,
    platform: new RecordingPlatform(),
    clock: { now: () => new Date(START + 1000 * ticks++) },
    ...extra,
  });
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
  const account = (service: string, url: string, username = 'ann@example.org', personId = 1) =>
    call<Account>('accounts:create', {
      personId,
      service,
      url,
      username,
      category: 'other',
      criticality: 'important',
      mfa: 'unknown',
      passwordChangedAt: '',
      recoveryReviewedAt: '',
      notes: '',
    });
  const findingOf = async (notice: BreachNotice) =>
    (await call<Finding[]>('findings:list', {})).find((f) => f.subject === `notice:${notice.id}`)!;
  const taskOf = async (finding: Finding) =>
    (await call<Task[]>('tasks:list', {})).find((t) => t.findingIds.includes(finding.id))!;
  /** Marks every step of a run done (two-step: a passkey) and finishes it. */
  const follow = async (run: GuideRun) => {
    for (const step of run.steps) {
      await call('guideRuns:mark', {
        id: run.id,
        stepId: step.id,
        status: 'done',
        confirmed: true,
        ...(step.asksMfa ? { mfa: 'passkey' } : {}),
      });
    }
    return call<GuideRun>('guideRuns:finish', { id: run.id });
  };
  return { core, call, account, findingOf, taskOf, follow };
}

const MICROSOFT = 'microsoft-midnight-blizzard-2024';

describe('the Microsoft notice, end to end', () => {
  it('marks every Microsoft sign-in; its guide, started from Exposure for two of them, records on both and closes the notice and its task, verified', async () => {
    const { call, account, findingOf, taskOf, follow, core } = open();
    const accounts = {
      live: await account('Outlook (live.com)', 'https://login.live.com/', 'ann@hotmail.com'),
      outlook: await account('Outlook.com', 'https://outlook.com/', 'ann@outlook.com'),
      hotmail: await account('Hotmail', 'https://www.hotmail.com/', 'ann@hotmail.com'),
      office: await account('Office', 'https://www.office.com/', 'ann@outlook.com'),
      xbox: await account('Xbox', 'https://www.xbox.com/', 'ann@hotmail.com'),
      skype: await account('Skype', 'https://www.skype.com/', 'ann@hotmail.com'),
      entra: await account('Work (Microsoft 365)', 'https://login.microsoftonline.com/', 'ann@contoso.com'),
    };
    const other = await account('Dropbox', 'https://www.dropbox.com/');
    const notice = await call<BreachNotice>('notices:record', {
      personId: 1,
      incidentId: MICROSOFT,
      receivedOn: '2024-03-20',
    });
    const finding = await findingOf(notice);
    const ids = Object.values(accounts).map((a) => a.id);
    expect(finding).toMatchObject({ kind: 'breach_notice', status: 'open', severity: 'critical' });
    expect(finding.accountIds).toEqual(ids);
    expect(finding.accountIds).not.toContain(other.id);
    const task = await taskOf(finding);
    expect(task).toMatchObject({ title: 'Respond to the Microsoft notice', priority: 'P1', accountId: null });

    // "Guide me" on the finding (Exposure): the guide runs for the accounts the notice concerns,
    // several at once; the person picked two of them.
    const suggestion = await call<GuideSuggestion>('guideRuns:suggest', { findingId: finding.id });
    expect(suggestion).toMatchObject({ accountIds: ids, allowsSeveral: true });
    expect(suggestion.guides[0]!.id).toBe('email-provider-breach');
    const picked = [accounts.outlook.id, accounts.xbox.id];
    const run = await call<GuideRun>('guideRuns:start', {
      guideId: 'email-provider-breach',
      accountIds: picked,
      origin: 'finding',
      originId: finding.id,
    });
    expect(run.accounts.map((a) => a.id)).toEqual(picked);
    expect(run.accountLabel).toBe('Outlook.com (ann@outlook.com) and Xbox (ann@hotmail.com)');
    expect(run.variant?.id).toBe('microsoft-personal');
    const twoStep = run.steps.find((s) => s.id === 'turn-on-two-step')!;
    expect(twoStep.asksMfa).toBe(true);
    expect(twoStep.effects).toEqual(['Records the two-step method you choose on Outlook.com and Xbox.']);
    // Starting it again resumes the same run; another set of accounts is another run.
    expect(
      (
        await call<GuideRun>('guideRuns:start', {
          guideId: 'email-provider-breach',
          accountIds: picked,
          origin: 'finding',
          originId: finding.id,
        })
      ).id,
    ).toBe(run.id);

    const finished = await follow(run);
    expect(finished.status).toBe('finished');
    const changed = finished.steps.find((s) => s.id === 'change-password-sign-out')!.applied;
    expect(changed).toEqual([
      'Recorded a new password on Outlook.com (2026-11-28)',
      'Recorded a new password on Xbox (2026-11-28)',
    ]);
    for (const id of picked) {
      expect(await call<Account>('accounts:get', { id })).toMatchObject({
        mfa: 'passkey',
        passwordChangedAt: '2026-11-28',
        recoveryReviewedAt: '2026-11-28',
      });
    }
    // The accounts not picked are untouched.
    expect((await call<Account>('accounts:get', { id: accounts.skype.id })).mfa).toBe('unknown');
    // Finished is finished: the notice is handled, its finding closed, its task verified.
    expect((await call<BreachNotice[]>('notices:list', {}))[0]!.handledAt).not.toBeNull();
    expect((await findingOf(notice)).status).toBe('auto_resolved');
    expect(await taskOf(finding)).toMatchObject({ status: 'done', verified: true });
    expect(core.read.history.verify().ok).toBe(true);
  });

  it.each(['task', 'library'] as const)(
    'finishing the notice’s guide started from the %s closes the notice too',
    async (origin) => {
      const { call, account, findingOf, taskOf, follow } = open();
      const outlook = await account('Outlook.com', 'https://outlook.com/', 'ann@outlook.com');
      const notice = await call<BreachNotice>('notices:record', {
        personId: 1,
        incidentId: MICROSOFT,
        receivedOn: '2024-03-20',
      });
      const finding = await findingOf(notice);
      const task = await taskOf(finding);
      const run = await call<GuideRun>('guideRuns:start', {
        guideId: 'email-provider-breach',
        accountId: outlook.id,
        origin,
        ...(origin === 'task' ? { originId: task.id } : {}),
      });
      await follow(run);
      expect((await findingOf(notice)).status).toBe('auto_resolved');
      expect(await taskOf(finding)).toMatchObject({ status: 'done', verified: true });
    },
  );

  it('a library run tied to no account closes the notice only when it can tell whose it is', async () => {
    const { call, account, findingOf, follow } = open();
    await account('Outlook.com', 'https://outlook.com/', 'ann@outlook.com');
    const bob = await call<{ id: number }>('people:create', { name: 'Bob' });
    await account('Xbox', 'https://www.xbox.com/', 'bob@hotmail.com', bob.id);
    const record = (personId: number) =>
      call<BreachNotice>('notices:record', { personId, incidentId: MICROSOFT, receivedOn: '2024-03-20' });
    const ann = await record(1);
    const bobs = await record(bob.id);
    const unrelated = await follow(
      await call<GuideRun>('guideRuns:start', { guideId: 'email-provider-breach', origin: 'library' }),
    );
    expect(unrelated.status).toBe('finished');
    expect((await findingOf(ann)).status).toBe('open');
    expect((await findingOf(bobs)).status).toBe('open');
    await call('notices:delete', { id: bobs.id });
    await follow(
      await call<GuideRun>('guideRuns:start', { guideId: 'email-provider-breach', origin: 'library' }),
    );
    expect((await findingOf(ann)).status).toBe('auto_resolved');
  });

  it('a guide for any other finding is for one account at a time', async () => {
    const { call, account } = open();
    await account('Dropbox', 'https://www.dropbox.com/');
    const finding = (await call<Finding[]>('findings:list', {})).find((f) => f.kind === 'mfa_available')!;
    expect(await call<GuideSuggestion>('guideRuns:suggest', { findingId: finding.id })).toMatchObject({
      allowsSeveral: false,
    });
    await expect(
      call('guideRuns:start', {
        guideId: 'turn-on-two-step-sign-in',
        accountId: finding.accountIds[0],
        accountIds: finding.accountIds,
        origin: 'finding',
        originId: finding.id,
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('recording a notice by hand', () => {
  it('keeps the host a person typed, so a sign-in host decides the family: AWS, not Amazon’s shop', async () => {
    const { call, account, findingOf } = open();
    const aws = await account('AWS console', 'https://console.aws.amazon.com/');
    const shop = await account('Amazon', 'https://www.amazon.com/');
    const notice = await call<BreachNotice>('notices:record', {
      personId: 1,
      provider: 'Amazon Web Services',
      domain: 'https://aws.amazon.com/',
      receivedOn: '2026-11-20',
    });
    expect(notice.domains).toEqual(['aws.amazon.com']);
    const finding = await findingOf(notice);
    expect(finding.accountIds).toEqual([aws.id]);
    expect(finding.accountIds).not.toContain(shop.id);
    expect(finding.evidence.families).toEqual([{ id: 'aws', name: expect.any(String) }]);
  });

  it('reaches the whole family when the public datasets cannot be loaded', async () => {
    const { call, account, findingOf, core } = open({
      catalogue: () => {
        throw new Error('Bundled dataset hibp-breaches.json could not be read: gone');
      },
    });
    const live = await account('Outlook (live.com)', 'https://login.live.com/', 'ann@hotmail.com');
    const xbox = await account('Xbox', 'https://www.xbox.com/', 'ann@hotmail.com');
    const notice = await call<BreachNotice>('notices:record', {
      personId: 1,
      provider: 'Microsoft',
      domain: 'microsoft.com',
      receivedOn: '2026-11-20',
    });
    expect(core.checks.checksStatus().catalogue.available).toBe(false);
    const finding = await findingOf(notice);
    expect(finding.accountIds).toEqual([live.id, xbox.id]);
    expect(finding.severity).toBe('critical');
  });
});
