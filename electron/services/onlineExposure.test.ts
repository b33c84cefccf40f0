import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataSources } from '../../common/ipc/contract';
import type { Finding, LedgerEntry } from '../../common/model/index';
import { createHandlers, dispatch } from '../ipc/handlers';
import type { PlatformPort, SecretProtector } from '../platform/port';
import { RecordingPlatform } from '../platform/recorder';
import { openCore, type Core } from './core';
import { startFakeHttpServer, type FakeHttpServer } from '../testing/fakeHttpServer';

const KEY = '0123456789abcdef0123456789abcdef';
/** A stand-in for the OS keychain: reversible, and never the key in clear. */
const fakeKeychain: SecretProtector = {
  isAvailable: () => true,
  encrypt: (plain) => Uint8Array.from([0x4c, ...plain.map((b) => b ^ 0x5a)]),
  decrypt: (cipher) => Uint8Array.from(cipher.slice(1), (b) => b ^ 0x5a),
};

const servers: FakeHttpServer[] = [];
const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
  while (servers.length) await servers.pop()?.close();
});

async function setup(secrets: SecretProtector | null = fakeKeychain) {
  const server = await startFakeHttpServer();
  servers.push(server);
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-online-'));
  const recorder = new RecordingPlatform();
  const platform: PlatformPort = Object.assign(Object.create(recorder) as RecordingPlatform, { secrets });
  const core = openCore({ dataDir, platform });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, () => {});
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  await call('settings:update', {
    hibpApiUrl: server.url,
    datasetUrls: {
      breaches: `${server.url}/breaches`,
      twoFactor: `${server.url}/2fa`,
      passkeys: `${server.url}/passkeys`,
    },
  });
  return { server, call, dataDir, core };
}

describe('online email search with the user’s own key', () => {
  it('keeps the key only sealed in the keychain file, finds breaches, and records every request without the key', async () => {
    const { server, call, dataDir } = await setup();
    server.serve(/^\/api\/v3\/breachedaccount\//, (request) =>
      decodeURIComponent(request.pathname).endsWith('alex+news@example.com')
        ? { body: JSON.stringify([{ Name: 'LinkedIn' }, { Name: 'Adobe' }]) }
        : { status: 404, body: '' },
    );
    await expect(call('online:saveApiKey', { key: 'not-a-key' })).rejects.toThrow();
    expect(await call('online:saveApiKey', { key: KEY })).toEqual({ hasKey: true, keychainAvailable: true });
    for (const file of readdirSync(dataDir))
      expect(readFileSync(join(dataDir, file)).includes(Buffer.from(KEY))).toBe(false);

    await call('emails:add', { personId: 1, address: 'alex+news@example.com' });
    await call('emails:add', { personId: 1, address: 'sam@example.com' });
    const outcomes = await call<{ address: string; status: string; breaches: string[] }[]>(
      'online:checkEmails',
      {},
    );
    expect(outcomes).toEqual([
      { address: 'alex+news@example.com', status: 'found', breaches: ['LinkedIn', 'Adobe'], reason: null },
      { address: 'sam@example.com', status: 'not_found', breaches: [], reason: null },
    ]);
    expect(server.requests.map((r) => r.headers['hibp-api-key'])).toEqual([KEY, KEY]);
    const findings = await call<Finding[]>('findings:list', {});
    const finding = findings.find((f) => f.kind === 'email_in_breach' && f.status === 'open')!;
    expect(finding.evidence.address).toBe('alex+news@example.com');
    const ledger = await call<LedgerEntry[]>('ledger:list', {});
    expect(ledger).toHaveLength(2);
    expect(ledger.map((e) => e.sent)).toContain('the email address alex+news@example.com and your API key');
    expect(JSON.stringify(ledger)).not.toContain(KEY);
  });

  it('a failed check says "not checked", never "not breached", and changes no finding', async () => {
    const { server, call } = await setup();
    server.behave({ kind: 'status', status: 503 });
    await call('online:saveApiKey', { key: KEY });
    await call('emails:add', { personId: 1, address: 'alex@example.com' });
    const [outcome] = await call<{ status: string; reason: string }[]>('online:checkEmails', {});
    expect(outcome).toMatchObject({ status: 'failed' });
    expect((await call<Finding[]>('findings:list', {})).filter((f) => f.kind === 'email_in_breach')).toEqual(
      [],
    );
  });

  it('without a keychain, the key is refused with a clear message and nothing is written', async () => {
    const { call, dataDir } = await setup(null);
    await expect(call('online:saveApiKey', { key: KEY })).rejects.toThrow(/keychain/);
    expect(readdirSync(dataDir).some((f) => f.includes('api-key'))).toBe(false);
    await expect(call('online:checkEmails', {})).rejects.toThrow(/API key/);
  });
});

describe('refreshing the public datasets', () => {
  it('a failed refresh keeps the data in use, says why, and records the requests', async () => {
    const { server, call } = await setup();
    server.serve('/breaches', { body: '{"not": "a breach list"}' });
    server.serve('/2fa', { status: 500, body: 'oops' });
    server.behave({ kind: 'delay', ms: 5_000 }, '/passkeys');
    const before = await call<DataSources>('data:sources', {});
    const result = await call<{ refreshed: string[]; failed: { dataset: string; reason: string }[] }>(
      'online:refreshData',
      {},
    );
    expect(result.refreshed).toEqual([]);
    expect(result.failed.map((f) => f.dataset).sort()).toEqual(['breaches', 'passkeys', 'twoFactor']);
    expect(await call<DataSources>('data:sources', {})).toEqual(before);
    const ledger = await call<LedgerEntry[]>('ledger:list', {});
    expect(ledger.length).toBeGreaterThanOrEqual(3);
    expect(ledger.every((e) => /nothing but the request/.test(e.sent))).toBe(true);
  }, 30_000);

  it('a refreshed breach list is used at once, with its date', async () => {
    const { server, call, core } = await setup();
    const bundled = JSON.parse(
      readFileSync(join(import.meta.dirname, '../data/hibp-breaches.json'), 'utf8'),
    ) as Record<string, unknown>[];
    const newer = {
      ...bundled[0],
      Name: 'NewBreachAtExample',
      Title: 'New Breach',
      Domain: 'newbreach.example',
      BreachDate: '2026-11-01',
      AddedDate: '2026-11-20T10:00:00Z',
      ModifiedDate: '2026-11-20T10:00:00Z',
    };
    server.serve('/breaches', { body: JSON.stringify([...bundled, newer]) });
    server.serve('/2fa', { status: 500, body: '' });
    server.serve('/passkeys', { status: 500, body: '' });
    const result = await call<{ refreshed: string[] }>('online:refreshData', {});
    expect(result.refreshed).toEqual(['breaches']);
    const sources = await call<DataSources>('data:sources', {});
    expect(sources.dates?.breaches).toBe('2026-11-20');
    expect(core.exposure.search({ text: 'newbreach', limit: 5 })[0]).toMatchObject({
      name: 'NewBreachAtExample',
    });
  }, 30_000);
});
