import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseExport } from '../../common/domain/import/index';
import type { ImportPreview, ImportProgress, ImportResult } from '../../common/ipc/contract';
import type { Account, Finding, LedgerEntry, Settings } from '../../common/model/index';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { scanDataDirForSecrets } from '../testing/secretScan';
import { openCore, type Core } from './core';
import {
  closedPortUrl,
  sha1,
  startFakePwnedServer,
  type FakePwnedServer,
  type FakePwnedServerOptions,
  type FakeRequest,
} from '../testing/fakePwnedServer';
import { format } from '../../common/messages/format';

const BITWARDEN = resolve(import.meta.dirname, '../../e2e/fixtures/exports/bitwarden.csv');
const KNOWN = { 'Kestrel88!': 52301, '123456': 37_359_195, 'Bluebird#2019': 12 };
const cores: Core[] = [];
const servers: FakePwnedServer[] = [];

afterEach(async () => {
  while (servers.length) await servers.pop()?.close();
  while (cores.length) await cores.pop()?.close();
});

async function startServer(options: FakePwnedServerOptions = { passwords: KNOWN }) {
  const server = await startFakePwnedServer(options);
  servers.push(server);
  return server;
}

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-online-'));
  const progress: ImportProgress[] = [];
  const core = openCore({
    dataDir,
    platform: new RecordingPlatform(),
    clock: { now: () => new Date('2026-11-28T12:00:00Z') },
    onImportProgress: (event) => progress.push(event),
  });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, (message, error) => {
      throw error instanceof Error ? error : new Error(message);
    });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const importFile = async (path: string) => {
    const preview = await call<ImportPreview>('import:preview', {
      source: { fileToken: core.files.grant(path).token },
      personId: 1,
    });
    return call<ImportResult>('import:confirm', { sessionId: preview.sessionId });
  };
  /** The open `password_pwned` finding of the account named `service`, if any. */
  const pwnedFindingOf = async (service: string) => {
    const account = (await call<Account[]>('accounts:list', {})).find((a) => a.service === service);
    if (!account) throw new Error(`No account named ${service}`);
    return (await call<Finding[]>('findings:list', {})).find(
      (f) => f.kind === 'password_pwned' && f.status === 'open' && f.accountIds.includes(account.id),
    );
  };
  const pwnedFindings = async () =>
    (await call<Finding[]>('findings:list', {})).filter(
      (f) => f.kind === 'password_pwned' && f.status === 'open',
    );
  return { core, dataDir, progress, call, importFile, pwnedFindingOf, pwnedFindings };
}

/** A small Bitwarden export: one password the fake corpus knows, two common ones, one unknown. */
function writeSmallExport(dir: string): string {
  const rows = [
    'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
    ',,login,Adobe,,,0,https://account.adobe.com/,alex.morgan@example.com,Kestrel88!,',
    ',,login,Yahoo Mail,,,0,https://login.yahoo.com/,alexmorgan1987@example.net,123456,',
    ',,login,Woodworking forum,,,0,https://forum.example.org/,amorgan,password,',
    ',,login,Apple ID,,,0,https://appleid.apple.com/,alex.morgan@example.com,roH=Yf5+wB*FkFX8E9TL,',
  ];
  const path = join(dir, 'small-bitwarden.csv');
  writeFileSync(path, rows.join('\n') + '\n');
  return path;
}

/** The distinct passwords an import checked: the export's entries less the rows it skipped. */
function passwordsOf(path: string, result: ImportResult): string[] {
  const skipped = new Set(result.skipped.map((s) => s.row));
  const parsed = parseExport(new Uint8Array(readFileSync(path)), basename(path));
  return [...new Set(parsed.entries.filter((e) => !skipped.has(e.row)).map((e) => e.password))];
}

/** True when the request carried 6 or more consecutive characters of `hash` anywhere. */
function leaksMoreThanPrefix(request: FakeRequest, hash: string): boolean {
  const text = [request.url, ...Object.entries(request.headers).map(([k, v]) => `${k}: ${String(v)}`)]
    .join('\n')
    .toUpperCase();
  for (let i = 0; i + 6 <= hash.length; i += 1) if (text.includes(hash.slice(i, i + 6))) return true;
  return false;
}

const sentFor = (prefix: string) => format('ledger.sent.pwnedRange', { prefix });

describe('the online breach check through the IPC handlers', () => {
  it('is off by default: nothing is sent, nothing is logged, only the common list counts', async () => {
    const server = await startServer();
    const { call, importFile, pwnedFindingOf, pwnedFindings } = setup();
    expect(await call<Settings>('settings:get', {})).toMatchObject({ onlinePwnedCheck: false });
    // Point the setting at the fake server but leave the check off: still nothing may be sent.
    await call('settings:update', { pwnedRangeUrl: server.url });

    const result = await importFile(BITWARDEN);
    expect(result.pwnedCheck).toEqual({ commonList: true, online: 'off', offlineIndex: 'off' });
    expect(server.requests).toEqual([]);
    expect(await call<LedgerEntry[]>('ledger:list', {})).toEqual([]);
    // Kestrel88! is not on the bundled list: without the online check it is not called breached.
    expect(await pwnedFindingOf('Adobe')).toBeUndefined();
    const findings = await pwnedFindings();
    expect(findings.length).toBeGreaterThan(0); // 123456, password, qwerty123, iloveyou, admin
    for (const finding of findings) expect(finding.evidence.source).toBe('common_list');
  });

  it('when turned on, sends only 5-character prefixes, logs each request, and finds breached passwords', async () => {
    const server = await startServer();
    const { call, importFile, pwnedFindingOf, progress } = setup();
    await expect(call('settings:update', { pwnedRangeUrl: 'http://example.com' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(
      await call<Settings>('settings:update', { onlinePwnedCheck: true, pwnedRangeUrl: server.url }),
    ).toMatchObject({ onlinePwnedCheck: true, pwnedRangeUrl: server.url });

    const result = await importFile(BITWARDEN);
    expect(result.pwnedCheck).toEqual({ commonList: true, online: 'checked', offlineIndex: 'off' });

    const hashes = passwordsOf(BITWARDEN, result).map(sha1);
    const prefixes = [...new Set(hashes.map((h) => h.slice(0, 5)))].sort();
    expect(server.requests.map((r) => r.url).sort()).toEqual(prefixes.map((p) => `/range/${p}`));
    for (const request of server.requests) {
      expect(request.url).toMatch(/^\/range\/[0-9A-F]{5}$/);
      expect(request.headers['add-padding']).toBe('true');
      expect(request.headers['user-agent']).toMatch(/^Lockstep\//);
      for (const hash of hashes) expect(leaksMoreThanPrefix(request, hash)).toBe(false);
    }

    const ledger = await call<LedgerEntry[]>('ledger:list', {});
    expect(ledger).toHaveLength(server.requests.length);
    for (const entry of ledger) {
      const prefix = entry.url.slice(-5);
      expect(entry).toMatchObject({
        method: 'GET',
        url: `${server.url}/range/${prefix}`,
        purpose: expect.stringMatching(/breach/i),
        sent: sentFor(prefix),
        outcome: 'HTTP 200',
      });
    }
    expect(ledger.map((e) => e.url.slice(-5)).sort()).toEqual(prefixes);

    expect((await pwnedFindingOf('Adobe'))?.evidence).toMatchObject({ source: 'online', timesSeen: 52301 });
    // On the common list and seen online: the online count is the evidence, the rank is kept.
    expect((await pwnedFindingOf('Yahoo Mail'))?.evidence).toMatchObject({
      source: 'online',
      timesSeen: 37_359_195,
      commonRank: expect.any(Number),
    });
    expect((await pwnedFindingOf('Facebook'))?.evidence).toMatchObject({ source: 'online', timesSeen: 12 });
    // Checked and not in the corpus, and not common: no finding.
    expect(await pwnedFindingOf('Apple ID')).toBeUndefined();
    // On the common list but unknown to this corpus: still a finding, from the list.
    expect((await pwnedFindingOf('Woodworking forum'))?.evidence).toMatchObject({ source: 'common_list' });

    const online = progress.filter((p) => p.phase === 'checking-online');
    expect(online.at(-1)).toMatchObject({ done: prefixes.length, total: prefixes.length });
  });

  it('stores no SHA-1 of any password (nor the part after the prefix) in the data folder', async () => {
    const server = await startServer();
    const { call, importFile, dataDir } = setup();
    await call('settings:update', { onlinePwnedCheck: true, pwnedRangeUrl: server.url });
    const result = await importFile(BITWARDEN);
    expect(result.pwnedCheck.online).toBe('checked');
    expect(server.requests.length).toBeGreaterThan(10);

    const secrets = new Set<string>();
    for (const password of passwordsOf(BITWARDEN, result)) {
      const hash = sha1(password);
      for (const s of [hash, hash.slice(5)]) {
        secrets.add(s);
        secrets.add(s.toLowerCase());
      }
    }
    const hits = scanDataDirForSecrets(dataDir, secrets);
    expect(hits).toEqual([]);
  });

  it('when the server is down, the import still succeeds and nothing is called "not breached"', async () => {
    const url = await closedPortUrl();
    const { call, importFile, core, dataDir, pwnedFindingOf, pwnedFindings } = setup();
    await call('settings:update', { onlinePwnedCheck: true, pwnedRangeUrl: url });

    const result = await importFile(writeSmallExport(dataDir));
    expect(result.created).toBe(4);
    expect(result.pwnedCheck).toEqual({ commonList: true, online: 'failed', offlineIndex: 'off' });

    const findings = await pwnedFindings();
    expect(findings.filter((f) => f.evidence.source === 'online')).toEqual([]);
    expect((await pwnedFindingOf('Yahoo Mail'))?.evidence).toMatchObject({ source: 'common_list' });
    expect((await pwnedFindingOf('Woodworking forum'))?.evidence).toMatchObject({ source: 'common_list' });
    expect(await pwnedFindingOf('Adobe')).toBeUndefined();
    // Stored as "the check failed", never as "checked and not found".
    const signals = core.readDb
      .prepare('SELECT online_status AS status, pwned_count AS count FROM password_signals')
      .all();
    expect(signals).toHaveLength(4);
    expect(signals).toEqual(Array(4).fill({ status: 'failed', count: null }));

    const ledger = await call<LedgerEntry[]>('ledger:list', {});
    const prefixes = ['Kestrel88!', '123456', 'password', 'roH=Yf5+wB*FkFX8E9TL'].map((p) =>
      sha1(p).slice(0, 5),
    );
    expect(ledger).toHaveLength(prefixes.length * 3); // three attempts each
    for (const entry of ledger) {
      expect(entry.outcome).toMatch(/^failed: /);
      expect(entry.sent).toBe(sentFor(entry.url.slice(-5)));
    }
    expect([...new Set(ledger.map((e) => e.url.slice(-5)))].sort()).toEqual([...prefixes].sort());
  });

  it('when one prefix fails, the check is partial and only that account lacks an online answer', async () => {
    const server = await startServer();
    const failing = sha1('Kestrel88!').slice(0, 5);
    server.behave({ kind: 'status', status: 500 }, failing);
    const { call, importFile, core, dataDir, pwnedFindingOf } = setup();
    await call('settings:update', { onlinePwnedCheck: true, pwnedRangeUrl: server.url });

    const result = await importFile(writeSmallExport(dataDir));
    expect(result.pwnedCheck).toEqual({ commonList: true, online: 'partial', offlineIndex: 'off' });
    expect(await pwnedFindingOf('Adobe')).toBeUndefined();
    expect((await pwnedFindingOf('Yahoo Mail'))?.evidence).toMatchObject({
      source: 'online',
      timesSeen: 37_359_195,
    });
    const statuses = core.readDb
      .prepare(
        `SELECT a.service, s.online_status AS status FROM password_signals s JOIN accounts a ON a.id = s.account_id ORDER BY a.service`,
      )
      .all();
    expect(statuses).toEqual([
      { service: 'Adobe', status: 'failed' },
      { service: 'Apple ID', status: 'not_found' },
      { service: 'Woodworking forum', status: 'not_found' },
      { service: 'Yahoo Mail', status: 'found' },
    ]);
    const ledger = await call<LedgerEntry[]>('ledger:list', {});
    expect(ledger.filter((e) => e.outcome === 'HTTP 500').map((e) => e.sent)).toEqual(
      Array(3).fill(sentFor(failing)),
    );
    expect(ledger).toHaveLength(server.requests.length);
  });
});
