import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BreachSummary, DataSources, ImportPreview } from '../../common/ipc/contract';
import type { Account, Finding } from '../../common/model/index';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { openCore, type Core } from './core';

const EXPORTS = resolve(import.meta.dirname, '../../e2e/fixtures/exports');
const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
});

function setup(options: { catalogue?: () => never } = {}) {
  let ticks = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-exposure-'));
  const core = openCore({
    dataDir,
    platform: new RecordingPlatform(),
    // A clock that moves a minute per reading, so "after the dismissal" means something.
    clock: { now: () => new Date(Date.parse('2026-11-28T12:00:00Z') + 60_000 * ticks++) },
    // Any request would fail the test: the whole check must run with no network.
    fetchImpl: () => Promise.reject(new Error('network used')),
    ...(options.catalogue ? { catalogue: options.catalogue } : {}),
  });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, () => {});
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const importFile = async (name: string) => {
    const preview = await call<ImportPreview>('import:preview', {
      source: { fileToken: core.files.grant(join(EXPORTS, name)).token },
      personId: 1,
    });
    return call('import:confirm', { sessionId: preview.sessionId });
  };
  const open = async (kind: string) =>
    (await call<Finding[]>('findings:list', {})).filter((f) => f.kind === kind && f.status === 'open');
  const accountNamed = async (service: string) =>
    (await call<Account[]>('accounts:list', {})).find((a) => a.service === service)!;
  return { core, call, importFile, open, accountNamed };
}

describe('breached_service', () => {
  it('fires for LinkedIn, Dropbox, Adobe and Myspace when the password age is unknown', async () => {
    const { importFile, open, accountNamed } = setup();
    await importFile('bitwarden.csv');
    const breached = await open('breached_service');
    for (const [service, breach, date] of [
      ['LinkedIn', 'LinkedIn', '2012-05-05'],
      ['Dropbox', 'Dropbox', '2012-07-01'],
      ['Adobe', 'Adobe', '2013-10-04'],
      ['Myspace', 'MySpace', '2008-07-01'],
    ] as const) {
      const account = await accountNamed(service);
      const finding = breached.find((f) => f.accountIds.includes(account.id));
      expect(finding, service).toBeDefined();
      const breaches = finding!.evidence.breaches as {
        name: string;
        breachDate: string;
        dataClasses: string[];
      }[];
      expect(
        breaches.find((b) => b.name === breach),
        `${service} ${breach}`,
      ).toMatchObject({ breachDate: date });
      expect(breaches.find((b) => b.name === breach)!.dataClasses).toContain('Passwords');
      expect(finding!.severity).toBe('high');
    }
  });

  it('stays quiet where the password was changed after the breach, and asks otherwise', async () => {
    const { importFile, open, accountNamed, call } = setup();
    await importFile('bitwarden.json');
    const breached = await open('breached_service');
    const ids = (service: string) => accountNamed(service).then((a) => a.id);
    const firing = new Set(breached.flatMap((f) => f.accountIds));
    // Changed in 2019-2020, after the 2008-2013 breaches.
    expect(firing.has(await ids('Dropbox'))).toBe(false);
    expect(firing.has(await ids('Adobe'))).toBe(false);
    expect(firing.has(await ids('Myspace'))).toBe(false);
    for (const finding of breached) {
      for (const breach of finding.evidence.breaches as { breachDate: string }[]) {
        expect(breach.breachDate > String(finding.evidence.passwordChangedAt)).toBe(true);
      }
    }

    // "Have you changed this password since …?" — answering with a later date resolves it.
    const linkedIn = await accountNamed('LinkedIn');
    const before = breached.find((f) => f.accountIds.includes(linkedIn.id));
    if (before) {
      await call('accounts:confirmPasswordChange', { id: linkedIn.id, changedOn: '2026-11-01' });
      const after = (await call<Finding[]>('findings:list', {})).find((f) => f.id === before.id)!;
      expect(after.status).toBe('auto_resolved');
    }
  });

  it('answering resolves the finding; a date in the future is refused', async () => {
    const { importFile, open, accountNamed, call } = setup();
    await importFile('bitwarden.csv');
    const adobe = await accountNamed('Adobe');
    await expect(
      call('accounts:confirmPasswordChange', { id: adobe.id, changedOn: '2027-01-01' }),
    ).rejects.toThrow(/future/);
    await call('accounts:confirmPasswordChange', { id: adobe.id, changedOn: '2014-01-01' });
    expect((await open('breached_service')).some((f) => f.accountIds.includes(adobe.id))).toBe(false);
    expect((await accountNamed('Adobe')).passwordChangedAt).toBe('2014-01-01');
  });
});

describe('mfa_available and mfa_upgrade', () => {
  it('fires where the directory lists methods and none is recorded, with the documentation link', async () => {
    const { importFile, open, accountNamed } = setup();
    await importFile('bitwarden.csv');
    const available = await open('mfa_available');
    const dropbox = await accountNamed('Dropbox');
    const finding = available.find((f) => f.accountIds.includes(dropbox.id))!;
    expect(finding.evidence.methods).toEqual(expect.arrayContaining(['totp']));
    expect(String(finding.evidence.documentation)).toMatch(/^https:\/\//);
    // A TOTP seen at import counts as two-step on.
    const microsoft = await accountNamed('Microsoft account');
    expect(available.some((f) => f.accountIds.includes(microsoft.id))).toBe(false);
    for (const f of available) expect(String(f.evidence.documentation ?? 'https://')).toMatch(/^https:\/\//);
  });

  it('suggests a stronger method over SMS', async () => {
    const { call, open } = setup();
    const account = await call<Account>('accounts:create', {
      personId: 1,
      service: 'Google',
      url: 'https://accounts.google.com',
      username: 'alex@example.com',
      category: 'email',
      criticality: 'critical',
      mfa: 'sms',
      passwordChangedAt: '',
      recoveryReviewedAt: '',
      notes: '',
    });
    const upgrade = (await open('mfa_upgrade')).find((f) => f.accountIds.includes(account.id))!;
    expect(upgrade).toMatchObject({ severity: 'low', evidence: { current: 'sms' } });
    expect(upgrade.evidence.better).toEqual(expect.arrayContaining(['totp']));
    expect((await open('mfa_available')).some((f) => f.accountIds.includes(account.id))).toBe(false);
  });
});

describe('email_in_breach', () => {
  it('raises a finding for a marked breach, naming the accounts that use the address, and dismissal reopens on a newer mark', async () => {
    const { call, open, importFile } = setup();
    await importFile('bitwarden.csv');
    const email = await call<{ id: number }>('emails:add', {
      personId: 1,
      address: 'alex.morgan@example.com',
    });
    const found = await call<BreachSummary[]>('breaches:search', { text: 'linkedin' });
    expect(found[0]).toMatchObject({ name: 'LinkedIn', domain: 'linkedin.com' });
    expect(found[0]!.descriptionText).not.toMatch(/<[a-z]/i);
    await call('emails:markBreach', { emailId: email.id, breachName: 'LinkedIn' });
    const [finding] = await open('email_in_breach');
    expect(finding).toMatchObject({
      severity: 'high',
      evidence: { address: 'alex.morgan@example.com', name: 'LinkedIn' },
    });
    expect(finding!.accountIds.length).toBeGreaterThan(3);

    await call('findings:dismiss', { id: finding!.id, reason: 'not_mine' });
    expect(await open('email_in_breach')).toEqual([]);
    // Re-running the checks changes nothing; a breach recorded after the dismissal reopens it.
    await call('accounts:list', {});
    expect(await open('email_in_breach')).toEqual([]);
    await call('emails:markBreach', { emailId: email.id, breachName: 'Adobe' });
    const [reopened] = await open('email_in_breach');
    expect(reopened).toMatchObject({
      id: finding!.id,
      evidence: { breaches: expect.arrayContaining([expect.objectContaining({ name: 'Adobe' })]) },
    });
    await expect(
      call('emails:markBreach', { emailId: email.id, breachName: 'No Such Breach' }),
    ).rejects.toThrow(/no breach called/);
  });
});

describe('when the datasets cannot be loaded', () => {
  it('says so, and leaves the findings that need them exactly as they were', async () => {
    const healthy = setup();
    await healthy.importFile('bitwarden.csv');
    const before = await healthy.open('breached_service');
    expect(before.length).toBeGreaterThan(0);
    const dataDir = healthy.core.dataDir;
    await cores.pop()?.close();

    const broken = openCore({
      dataDir,
      platform: new RecordingPlatform(),
      catalogue: () => {
        throw new Error('Bundled dataset hibp-breaches.json could not be read: ENOENT');
      },
    });
    cores.push(broken);
    const handlers = createHandlers(broken);
    const sources = (await dispatch(handlers, 'data:sources', {})) as { ok: true; value: DataSources };
    expect(sources.value).toMatchObject({
      available: false,
      error: expect.stringContaining('hibp-breaches.json'),
    });
    const after = ((await dispatch(handlers, 'findings:list', {})) as { ok: true; value: Finding[] }).value;
    expect(
      after.filter((f) => f.kind === 'breached_service' && f.status === 'open').map((f) => f.id),
    ).toEqual(before.map((f) => f.id));
  });
});
