import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../common/model/index';
import { BUNDLED_DATA_DIR } from '../bundledData';
import { DATASET_FILES, parseDatasetText } from '../../../common/content/datasets';
import { setMessageLocale } from '../../../common/messages/format';
import { startFakeHttpServer, type FakeHttpServer } from '../../testing/fakeHttpServer';
import {
  API_COMMIT,
  DEFAULT_DATASET_URLS,
  loadCatalogueWithRefreshes,
  passkeysFromApi,
  readDatasetFilesWithRefreshes,
  REFRESH_PURPOSES,
  refreshSent,
  refreshDatasets,
  refreshedDatasetDates,
  refreshedDatasetsDir,
  twoFactorFromApi,
  type RefreshDatasetsOptions,
} from './refreshDatasets';

const USER_AGENT = 'Lockstep/1.2.3 (+https://github.com/lockstep)';
const NOW = new Date('2026-11-28T12:00:00Z');

// --- Small but valid datasets. The "bundled" folder is a temp copy so the size check (half the
// records of the copy in use) works on a handful of records: bundled 4/4/3, served 6/5/5.

function breach(name: string, domain: string, added: string) {
  return {
    Name: name,
    Title: name,
    Domain: domain,
    BreachDate: '2020-01-01',
    AddedDate: added,
    ModifiedDate: added,
    PwnCount: 1000,
    Description: `In 2020, <a href="https://${domain || 'example.com'}/">${name}</a> was breached.`,
    LogoPath: `https://haveibeenpwned.com/Content/Images/PwnedLogos/${name}.png`,
    DataClasses: ['Email addresses', 'Passwords'],
    IsVerified: true,
    IsFabricated: false,
    IsSensitive: false,
    IsRetired: false,
    IsSpamList: false,
    IsMalware: false,
    IsSubscriptionFree: false,
  };
}

const BUNDLED_BREACHES = [
  breach('Adobe', 'adobe.com', '2013-12-04T00:00:00Z'),
  breach('LinkedIn', 'linkedin.com', '2016-05-21T21:35:40Z'),
  breach('Dropbox', 'dropbox.com', '2016-08-31T00:19:19Z'),
  breach('Collection1', '', '2019-01-16T21:46:07Z'),
];
const SERVED_BREACHES = [
  ...BUNDLED_BREACHES,
  breach('Canva', 'canva.com', '2019-05-24T00:00:00Z'),
  breach('NewBreach2026', 'newbreach.example', '2026-11-20T10:00:00Z'),
];
const BUNDLED_SUPPLEMENT = [
  {
    Name: 'Canva',
    AddedDate: '2019-05-24T00:00:00Z',
    PwnCount: 1,
    Description: 'Partial record from a mirror.',
    _partial: true,
    _sources: ['mirror'],
  },
  {
    Name: 'OnlyInSupplement',
    Domain: 'supplement.example',
    AddedDate: '2025-01-01T00:00:00Z',
    PwnCount: 5,
    Description: 'A breach HIBP no longer lists.',
    _partial: true,
    _sources: ['mirror'],
  },
];

const directoryHeader = (repo: string, date: string) => ({
  source: `https://github.com/2factorauth/${repo}`,
  commit: 'f3ac2ab71c6fe4857a4ad1ef039d2a4eaf1a342c',
  commit_date: date,
});

const BUNDLED_TWO_FACTOR_ENTRIES = [
  { name: 'Adobe', domain: 'adobe.com', tfa: ['sms', 'totp'], categories: ['creativity'] },
  { name: 'Dropbox', domain: 'dropbox.com', tfa: ['totp', 'u2f'], categories: ['backup'] },
  { name: 'LinkedIn', domain: 'linkedin.com', tfa: ['sms', 'totp'], categories: ['social'] },
  {
    name: 'Example Shop',
    domain: 'shop.example',
    contact: { twitter: 'exampleshop' },
    categories: ['retail'],
  },
];
const BUNDLED_TWO_FACTOR = {
  ...directoryHeader('twofactorauth', '2026-08-04 18:17:11 -0700'),
  count: BUNDLED_TWO_FACTOR_ENTRIES.length,
  entries: BUNDLED_TWO_FACTOR_ENTRIES,
};
/** The v3 answer: `[[name, entry]]`, `keywords` instead of `categories` (scripts/APIv3.js). */
const SERVED_TWO_FACTOR_V3 = [
  ['Adobe', { domain: 'adobe.com', tfa: ['sms', 'totp', 'u2f'], keywords: ['creativity'] }],
  [
    'Canva',
    {
      domain: 'canva.com',
      'additional-domains': ['canva.cn'],
      tfa: ['totp', 'custom-software'],
      'custom-software': ['Canva app'],
      documentation: 'https://www.canva.com/help/login-verification/',
      keywords: ['creativity'],
    },
  ],
  ['Dropbox', { domain: 'dropbox.com', tfa: ['totp', 'u2f'], keywords: ['backup'] }],
  ['LinkedIn', { domain: 'linkedin.com', tfa: ['sms', 'totp'], keywords: ['social'] }],
  ['Example Shop', { domain: 'shop.example', contact: { twitter: 'exampleshop' }, keywords: ['retail'] }],
];

const BUNDLED_PASSKEYS_ENTRIES = [
  {
    name: '1Password',
    domain: '1password.com',
    'additional-domains': ['1password.ca'],
    mfa: 'allowed',
    categories: 'identity',
  },
  { name: 'Adobe', domain: 'adobe.com', passwordless: 'allowed', categories: 'creativity' },
  {
    name: 'Nintendo Account',
    domain: 'accounts.nintendo.com',
    passwordless: 'allowed',
    categories: 'gaming',
  },
];
const BUNDLED_PASSKEYS = {
  ...directoryHeader('passkeys', '2026-08-04 18:35:06 -0700'),
  count: BUNDLED_PASSKEYS_ENTRIES.length,
  entries: BUNDLED_PASSKEYS_ENTRIES,
};
/** The v1 answer: `{domain: entry}`, one key per (additional) domain, no names (scripts/APIv1.js). */
const SERVED_PASSKEYS_V1 = {
  '1password.ca': { mfa: 'allowed', documentation: 'https://support.1password.com/passkeys/' },
  '1password.com': { mfa: 'allowed', documentation: 'https://support.1password.com/passkeys/' },
  'accounts.nintendo.com': { passwordless: 'allowed' },
  'adobe.com': { passwordless: 'allowed', mfa: 'allowed' },
  'canva.com': { passwordless: 'required' },
  'unknown-site.example': { mfa: 'allowed' },
};

const CHANGE_PASSWORD_URLS = { 'adobe.com': 'https://account.adobe.com/security' };
const SHARED_CREDENTIALS = [{ shared: ['canva.com', 'canva.cn'] }];
const ACCOUNT_FAMILIES = {
  version: '1.0',
  reviewedOn: '2026-11-01',
  families: [
    {
      id: 'canva',
      name: 'Canva account',
      kind: 'both',
      providesMail: false,
      domains: ['canva.com', 'canva.cn'],
      sources: [{ label: 'Canva', url: 'https://www.canva.com/' }],
    },
  ],
};

const json = (value: unknown) => JSON.stringify(value, null, 1);

let dataDir: string;
let bundledDir: string;
const servers: FakeHttpServer[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'lockstep-refresh-data-'));
  bundledDir = mkdtempSync(join(tmpdir(), 'lockstep-refresh-bundled-'));
  const write = (file: string, value: unknown) => writeFileSync(join(bundledDir, file), json(value));
  write(DATASET_FILES.breaches.file, BUNDLED_BREACHES);
  write(DATASET_FILES.breachesSupplement.file, BUNDLED_SUPPLEMENT);
  write(DATASET_FILES.twoFactor.file, BUNDLED_TWO_FACTOR);
  write(DATASET_FILES.passkeys.file, BUNDLED_PASSKEYS);
  write(DATASET_FILES.changePasswordUrls.file, CHANGE_PASSWORD_URLS);
  write(DATASET_FILES.sharedCredentials.file, SHARED_CREDENTIALS);
  write(DATASET_FILES.accountFamilies.file, ACCOUNT_FAMILIES);
});

afterEach(async () => {
  while (servers.length) await servers.pop()?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(bundledDir, { recursive: true, force: true });
});

const PATHS = { breaches: '/api/v3/breaches', twoFactor: '/v3/all.json', passkeys: '/v1/all.json' } as const;

/** One local server standing in for the three APIs. */
async function startApis(
  answers: { breaches?: unknown; twoFactor?: unknown; passkeys?: unknown } = {},
): Promise<FakeHttpServer> {
  const server = await startFakeHttpServer();
  servers.push(server);
  server.serve(PATHS.breaches, { body: JSON.stringify(answers.breaches ?? SERVED_BREACHES) });
  server.serve(PATHS.twoFactor, { body: JSON.stringify(answers.twoFactor ?? SERVED_TWO_FACTOR_V3) });
  server.serve(PATHS.passkeys, { body: JSON.stringify(answers.passkeys ?? SERVED_PASSKEYS_V1) });
  return server;
}

async function refresh(server: FakeHttpServer, overrides: Partial<RefreshDatasetsOptions> = {}) {
  const ledger: Omit<LedgerEntry, 'id'>[] = [];
  const waits: number[] = [];
  const result = await refreshDatasets({
    dataDir,
    bundledDir,
    baseUrls: {
      breaches: server.url + PATHS.breaches,
      twoFactor: server.url + PATHS.twoFactor,
      passkeys: server.url + PATHS.passkeys,
    },
    userAgent: USER_AGENT,
    record: (entry) => ledger.push(entry),
    now: () => NOW,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
  return { result, ledger, waits };
}

const refreshedPath = (key: 'breaches' | 'twoFactor' | 'passkeys') =>
  join(refreshedDatasetsDir(dataDir), DATASET_FILES[key].file);
const refreshedText = (key: 'breaches' | 'twoFactor' | 'passkeys') =>
  readFileSync(refreshedPath(key), 'utf8');

describe('refreshDatasets', () => {
  it('downloads, converts, validates and stores all three datasets, recording each request', async () => {
    const server = await startApis();
    const { result, ledger } = await refresh(server);
    expect(result).toEqual({ refreshed: ['breaches', 'twoFactor', 'passkeys'], failed: [] });
    expect(readdirSync(refreshedDatasetsDir(dataDir)).sort()).toEqual(
      ['2fa-directory.json', 'hibp-breaches.json', 'passkeys-directory.json'].sort(),
    );

    // The breach list is stored as received.
    expect(refreshedText('breaches')).toBe(JSON.stringify(SERVED_BREACHES));

    // Every request named the app, and sent nothing else of note.
    expect(server.requests.map((r) => r.pathname)).toEqual([PATHS.breaches, PATHS.twoFactor, PATHS.passkeys]);
    for (const request of server.requests) {
      expect(request.method).toBe('GET');
      expect(request.headers['user-agent']).toBe(USER_AGENT);
      expect(request.url).not.toContain('?');
    }
    expect(ledger).toEqual([
      {
        at: NOW.toISOString(),
        method: 'GET',
        url: server.url + PATHS.breaches,
        purpose: REFRESH_PURPOSES.breaches,
        sent: refreshSent(),
        outcome: 'HTTP 200, 6 records, stored',
      },
      {
        at: NOW.toISOString(),
        method: 'GET',
        url: server.url + PATHS.twoFactor,
        purpose: REFRESH_PURPOSES.twoFactor,
        sent: refreshSent(),
        outcome: 'HTTP 200, 5 records, stored',
      },
      {
        at: NOW.toISOString(),
        method: 'GET',
        url: server.url + PATHS.passkeys,
        purpose: REFRESH_PURPOSES.passkeys,
        sent: 'nothing but the request itself (no personal data)',
        outcome: 'HTTP 200, 6 records, stored',
      },
    ]);
  });

  it('flattens the 2FA directory (v3) into the bundled format, which validates in full', async () => {
    await refresh(await startApis());
    const directory = parseDatasetText('twoFactor', refreshedText('twoFactor'), 'full');
    expect(directory.source).toBe(DEFAULT_DATASET_URLS.twoFactor);
    expect(directory.commit).toBe(API_COMMIT);
    expect(directory.commit_date).toBe('2026-11-28 12:00:00 +0000');
    expect(directory.count).toBe(5);
    expect(directory.entries.find((e) => e.domain === 'canva.com')).toEqual({
      name: 'Canva',
      domain: 'canva.com',
      'additional-domains': ['canva.cn'],
      tfa: ['totp', 'custom-software'],
      'custom-software': ['Canva app'],
      documentation: 'https://www.canva.com/help/login-verification/',
      categories: ['creativity'],
    });
    expect(refreshedText('twoFactor')).not.toContain('keywords');
  });

  it('flattens the passkeys directory, naming entries from the directories it knows', async () => {
    await refresh(await startApis());
    const directory = parseDatasetText('passkeys', refreshedText('passkeys'), 'full');
    expect(directory.commit_date).toBe('2026-11-28 12:00:00 +0000');
    const byDomain = new Map(directory.entries.map((e) => [e.domain, e]));
    expect(byDomain.get('1password.com')?.name).toBe('1Password');
    expect(byDomain.get('1password.ca')?.name).toBe('1Password'); // an additional domain of the bundled entry
    expect(byDomain.get('accounts.nintendo.com')?.name).toBe('Nintendo Account');
    expect(byDomain.get('canva.com')?.name).toBe('Canva'); // from the 2FA directory just refreshed
    expect(byDomain.get('unknown-site.example')?.name).toBe('unknown-site.example');
    expect(byDomain.get('adobe.com')).toEqual({
      name: 'Adobe',
      domain: 'adobe.com',
      passwordless: 'allowed',
      mfa: 'allowed',
    });
  });

  it('reads the v4 2FA shape too (names from the directory in use, else the domain)', async () => {
    const v4 = {
      'adobe.com': { methods: ['sms', 'totp'] },
      'dropbox.com': { methods: ['totp', 'u2f'], documentation: 'https://help.dropbox.com/2fa' },
      'linkedin.com': { methods: ['sms', 'totp'] },
      'new-site.example': { methods: ['totp'] },
      'shop.example': { contact: { twitter: 'exampleshop' } },
    };
    const { result } = await refresh(await startApis({ twoFactor: v4 }), { datasets: ['twoFactor'] });
    expect(result).toEqual({ refreshed: ['twoFactor'], failed: [] });
    const directory = parseDatasetText('twoFactor', refreshedText('twoFactor'), 'full');
    expect(directory.entries.map((e) => [e.name, e.domain, e.tfa])).toEqual([
      ['Adobe', 'adobe.com', ['sms', 'totp']],
      ['Dropbox', 'dropbox.com', ['totp', 'u2f']],
      ['LinkedIn', 'linkedin.com', ['sms', 'totp']],
      ['new-site.example', 'new-site.example', ['totp']],
      ['Example Shop', 'shop.example', undefined],
    ]);
  });

  it('refreshes only the datasets asked for', async () => {
    const server = await startApis();
    const { result } = await refresh(server, { datasets: ['passkeys'] });
    expect(result).toEqual({ refreshed: ['passkeys'], failed: [] });
    expect(server.requests.map((r) => r.pathname)).toEqual([PATHS.passkeys]);
  });
});

describe('when a refresh fails, the previous copy is kept', () => {
  /** Refreshes once successfully, and returns the stored texts. */
  async function refreshOnce() {
    await refresh(await startApis());
    return {
      breaches: refreshedText('breaches'),
      twoFactor: refreshedText('twoFactor'),
      passkeys: refreshedText('passkeys'),
    };
  }

  it('retries a 500 once, then reports it and keeps the refreshed copy', async () => {
    const before = await refreshOnce();
    const server = await startApis();
    server.behave({ kind: 'status', status: 500 }, PATHS.breaches);
    const { result, ledger, waits } = await refresh(server);
    expect(result).toEqual({
      refreshed: ['twoFactor', 'passkeys'],
      failed: [{ dataset: 'breaches', reason: 'server error (HTTP 500)' }],
    });
    expect(refreshedText('breaches')).toBe(before.breaches);
    expect(waits).toEqual([1000]);
    expect(ledger.filter((e) => e.url.endsWith(PATHS.breaches)).map((e) => e.outcome)).toEqual([
      'HTTP 500',
      'HTTP 500',
    ]);
  });

  it('keeps the bundled copy (writes nothing) when there was no refreshed one', async () => {
    const server = await startApis();
    server.behave({ kind: 'status', status: 503 });
    const { result } = await refresh(server, { retries: 0 });
    expect(result.refreshed).toEqual([]);
    expect(result.failed.map((f) => f.dataset)).toEqual(['breaches', 'twoFactor', 'passkeys']);
    expect(existsSync(refreshedDatasetsDir(dataDir))).toBe(false);
  });

  it('does not retry a 404 or a 429', async () => {
    const server = await startApis();
    server.behave({ kind: 'status', status: 404 }, PATHS.twoFactor);
    server.behave({ kind: 'rate-limit', retryAfter: '5' }, PATHS.passkeys);
    const { result, waits } = await refresh(server);
    expect(result.failed).toEqual([
      { dataset: 'twoFactor', reason: 'the server refused (HTTP 404)' },
      { dataset: 'passkeys', reason: 'rate limited by the server' },
    ]);
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(3);
  });

  it('times out a server that does not answer', async () => {
    const before = await refreshOnce();
    const server = await startApis();
    server.behave({ kind: 'delay', ms: 5000 }, PATHS.twoFactor);
    const { result, ledger } = await refresh(server, { timeoutMs: 150, retries: 0 });
    expect(result.failed).toEqual([{ dataset: 'twoFactor', reason: 'the server did not answer in time' }]);
    expect(refreshedText('twoFactor')).toBe(before.twoFactor);
    expect(ledger.find((e) => e.url.endsWith(PATHS.twoFactor))?.outcome).toBe('failed: timed out');
  });

  it('refuses an answer that is not JSON', async () => {
    const before = await refreshOnce();
    const server = await startApis();
    server.behave({ kind: 'body', body: '<html>Checking your browser…</html>' });
    const { result, ledger } = await refresh(server);
    expect(result.refreshed).toEqual([]);
    expect(result.failed).toHaveLength(3);
    for (const failure of result.failed) expect(failure.reason).toMatch(/^unusable answer: .*JSON/);
    expect(refreshedText('breaches')).toBe(before.breaches);
    expect(refreshedText('twoFactor')).toBe(before.twoFactor);
    expect(refreshedText('passkeys')).toBe(before.passkeys);
    expect(ledger.every((e) => e.outcome.startsWith('HTTP 200, not used: unusable answer'))).toBe(true);
  });

  it('refuses an answer that fails the schema, naming the field', async () => {
    const before = await refreshOnce();
    const broken = SERVED_BREACHES.map((b, i) => (i === 2 ? { ...b, PwnCount: 'many' } : b));
    const { result } = await refresh(await startApis({ breaches: broken }), { datasets: ['breaches'] });
    expect(result.refreshed).toEqual([]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]!.reason).toMatch(
      /^unusable answer: hibp-breaches\.json is invalid at \$\[2\]\.PwnCount/,
    );
    expect(refreshedText('breaches')).toBe(before.breaches);
  });

  it('refuses a directory entry that fails the schema, and an answer of the wrong shape', async () => {
    const badEntry = [...SERVED_TWO_FACTOR_V3, ['Bad', { domain: 'Not A Host', keywords: ['x'] }]];
    const first = await refresh(await startApis({ twoFactor: badEntry }), { datasets: ['twoFactor'] });
    expect(first.result.failed[0]!.reason).toMatch(
      /2fa-directory\.json is invalid at \$\.entries\[5\]\.domain/,
    );
    const second = await refresh(await startApis({ passkeys: [['a', 'b']] }), { datasets: ['passkeys'] });
    expect(second.result.failed[0]!.reason).toBe(
      'unusable answer: not a passkeys directory: expected an object',
    );
    expect(existsSync(refreshedDatasetsDir(dataDir))).toBe(false);
  });

  it('words every refusal from the catalogue: none is plain English in the pseudo-locale', async () => {
    const reasons = async () => {
      const server = await startApis();
      server.behave({ kind: 'body', body: '<html>Checking your browser…</html>' });
      const notJson = (await refresh(server)).result.failed;
      const broken = SERVED_BREACHES.map((b, i) => (i === 2 ? { ...b, PwnCount: 'many' } : b));
      const schema = await refresh(await startApis({ breaches: broken }), { datasets: ['breaches'] });
      const shape = await refresh(await startApis({ passkeys: [['a', 'b']], twoFactor: 'nope' }), {
        datasets: ['twoFactor', 'passkeys'],
      });
      const entry = await refresh(await startApis({ twoFactor: [{ domain: 'example.com' }] }), {
        datasets: ['twoFactor'],
      });
      return [...notJson, ...schema.result.failed, ...shape.result.failed, ...entry.result.failed].map(
        (failure) => failure.reason,
      );
    };
    /** Values a reason names as they are: file names and JSON paths. */
    const data = ['hibp-breaches.json', '2fa-directory.json', 'passkeys-directory.json', '$[2].PwnCount'];
    const plainWords = (reason: string) => {
      let rest = reason;
      for (const value of data) rest = rest.split(value).join(' ');
      return rest.match(/[A-Za-z]{2,}/g) ?? [];
    };
    const english = await reasons();
    expect(english).toHaveLength(7);
    for (const reason of english) expect(plainWords(reason).length, reason).toBeGreaterThan(1);
    setMessageLocale('pseudo');
    try {
      const pseudo = await reasons();
      expect(pseudo).toHaveLength(english.length);
      for (const reason of pseudo) expect(plainWords(reason), reason).toEqual([]);
    } finally {
      setMessageLocale('en');
    }
  });

  it('refuses a truncated answer (fewer than half the records in use)', async () => {
    const before = await refreshOnce();
    const { result, ledger } = await refresh(
      await startApis({
        breaches: SERVED_BREACHES.slice(0, 2),
        twoFactor: SERVED_TWO_FACTOR_V3.slice(0, 2),
        passkeys: { 'adobe.com': { passwordless: 'allowed' } },
      }),
    );
    expect(result.refreshed).toEqual([]);
    expect(result.failed).toEqual([
      {
        dataset: 'breaches',
        reason: 'only 2 records where at least 3 were expected (the answer looks truncated)',
      },
      {
        dataset: 'twoFactor',
        reason: 'only 2 records where at least 3 were expected (the answer looks truncated)',
      },
      {
        dataset: 'passkeys',
        reason: 'only 1 record where at least 3 were expected (the answer looks truncated)',
      },
    ]);
    expect(ledger.map((e) => e.outcome)).toEqual([
      'HTTP 200, not used: only 2 records where at least 3 were expected (the answer looks truncated)',
      'HTTP 200, not used: only 2 records where at least 3 were expected (the answer looks truncated)',
      'HTTP 200, not used: only 1 record where at least 3 were expected (the answer looks truncated)',
    ]);
    expect(refreshedText('breaches')).toBe(before.breaches);
    expect(refreshedText('twoFactor')).toBe(before.twoFactor);
    expect(refreshedText('passkeys')).toBe(before.passkeys);
  });

  it('makes the size threshold configurable', async () => {
    // Against the 4 bundled records: 1 is under half of them, and enough at a quarter.
    const answers = { breaches: SERVED_BREACHES.slice(0, 1) };
    const strict = await refresh(await startApis(answers), { datasets: ['breaches'] });
    expect(strict.result.refreshed).toEqual([]);
    const lenient = await refresh(await startApis(answers), { datasets: ['breaches'], minRecordRatio: 0.25 });
    expect(lenient.result.refreshed).toEqual(['breaches']);
  });

  it('never stores an empty answer, even with no copy in use to compare with', async () => {
    rmSync(join(bundledDir, DATASET_FILES.breaches.file));
    const empty = await refresh(await startApis({ breaches: [] }), { datasets: ['breaches'] });
    expect(empty.result.failed).toEqual([
      {
        dataset: 'breaches',
        reason: 'only 0 records where at least 1 were expected (the answer looks truncated)',
      },
    ]);
    const full = await refresh(await startApis(), { datasets: ['breaches'] });
    expect(full.result.refreshed).toEqual(['breaches']);
  });

  it('reports a copy that cannot be stored, and still records the request', async () => {
    writeFileSync(refreshedDatasetsDir(dataDir), 'a file where the folder should be');
    const { result, ledger } = await refresh(await startApis(), { datasets: ['passkeys'] });
    expect(result.refreshed).toEqual([]);
    expect(result.failed[0]!.reason).toMatch(/^could not be stored: /);
    expect(ledger.map((e) => e.outcome)).toEqual([
      expect.stringMatching(/^HTTP 200, not used: could not be stored/),
    ]);
  });

  it('refuses an answer larger than maxBytes', async () => {
    const { result } = await refresh(await startApis(), { datasets: ['breaches'], maxBytes: 100 });
    expect(result.failed).toEqual([{ dataset: 'breaches', reason: 'the answer is larger than 100 bytes' }]);
  });

  it('rejects when aborted, keeping what was stored', async () => {
    const server = await startApis();
    server.behave({ kind: 'delay', ms: 5000 }, PATHS.twoFactor);
    const controller = new AbortController();
    const running = refresh(server, { signal: controller.signal });
    for (let i = 0; i < 200 && server.requests.length < 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    controller.abort(new Error('cancelled'));
    await expect(running).rejects.toThrow('cancelled');
    expect(refreshedText('breaches')).toBe(JSON.stringify(SERVED_BREACHES));
    expect(existsSync(refreshedPath('twoFactor'))).toBe(false);
  });
});

describe('loadCatalogueWithRefreshes', () => {
  it('uses the bundled copies when nothing was refreshed', () => {
    const { origins, problems } = readDatasetFilesWithRefreshes(dataDir, bundledDir);
    expect(Object.values(origins).every((origin) => origin === 'bundled')).toBe(true);
    expect(problems).toEqual([]);
    const catalogue = loadCatalogueWithRefreshes(dataDir, bundledDir);
    expect(catalogue.breach('NewBreach2026')).toBeNull();
    expect(catalogue.datasetDates.twoFactor).toBe('2026-08-04');
  });

  it('picks the refreshed copies', async () => {
    await refresh(await startApis());
    const { origins } = readDatasetFilesWithRefreshes(dataDir, bundledDir);
    expect(origins).toEqual({
      breaches: 'refreshed',
      breachesSupplement: 'bundled',
      twoFactor: 'refreshed',
      passkeys: 'refreshed',
      changePasswordUrls: 'bundled',
      sharedCredentials: 'bundled',
      accountFamilies: 'bundled',
    });
    const catalogue = loadCatalogueWithRefreshes(dataDir, bundledDir);
    expect(catalogue.breach('NewBreach2026')?.domain).toBe('newbreach.example');
    expect(catalogue.datasetDates.breaches).toBe('2026-11-20');
    expect(catalogue.datasetDates.twoFactor).toBe('2026-11-28');
    expect(catalogue.datasetDates.passkeys).toBe('2026-11-28');
    expect(catalogue.twoFactor('canva.com')?.methods).toEqual(['totp', 'custom-software']);
    expect(catalogue.twoFactor('adobe.com')?.methods).toEqual(['sms', 'totp', 'u2f']);
    expect(catalogue.passkeys('canva.com')).toMatchObject({ name: 'Canva', passwordless: 'required' });
    // The bundled (Apple) files still come from the bundled folder.
    expect(catalogue.changePasswordUrl('adobe.com')).toBe('https://account.adobe.com/security');
    expect(catalogue.sameLoginDomains('canva.cn')).toEqual(['canva.com']);
    expect(catalogue.families.ofHost('canva.cn').map((family) => family.id)).toEqual(['canva']);
  });

  it("lets HIBP's refreshed records win over the bundled supplement, which only fills gaps", async () => {
    await refresh(await startApis());
    const { files } = readDatasetFilesWithRefreshes(dataDir, bundledDir);
    expect(files.breachesSupplement.map((b) => b.Name)).toEqual(['OnlyInSupplement']);
    const catalogue = loadCatalogueWithRefreshes(dataDir, bundledDir);
    expect(catalogue.breach('Canva')).toMatchObject({ pwnCount: 1000, isPartial: false });
    expect(catalogue.breach('OnlyInSupplement')?.domain).toBe('supplement.example');
  });

  it('falls back to the bundled copy when a refreshed file is corrupt', async () => {
    await refresh(await startApis());
    writeFileSync(refreshedPath('breaches'), refreshedText('breaches').slice(0, 200));
    writeFileSync(refreshedPath('passkeys'), JSON.stringify({ ...BUNDLED_PASSKEYS, count: 'x' }));
    const { origins, problems } = readDatasetFilesWithRefreshes(dataDir, bundledDir);
    expect(origins.breaches).toBe('bundled');
    expect(origins.twoFactor).toBe('refreshed');
    expect(origins.passkeys).toBe('bundled');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^hibp-breaches\.json is not valid JSON/);
    expect(problems[1]).toMatch(/^passkeys-directory\.json is invalid at \$\.count/);
    const catalogue = loadCatalogueWithRefreshes(dataDir, bundledDir);
    expect(catalogue.breach('NewBreach2026')).toBeNull();
    expect(catalogue.breach('Adobe')).not.toBeNull();
    expect(catalogue.datasetDates.passkeys).toBe('2026-08-04');
    expect(catalogue.datasetDates.twoFactor).toBe('2026-11-28');
  });

  it('prefers a bundled copy newer than the refreshed one (after an app update)', async () => {
    await refresh(await startApis(), { now: () => new Date('2026-01-01T00:00:00Z') });
    // The refreshed breach list's latest breach is older than one the bundled list now has.
    writeFileSync(
      join(bundledDir, DATASET_FILES.breaches.file),
      json([...SERVED_BREACHES, breach('Newer', 'newer.example', '2027-02-01T00:00:00Z')]),
    );
    const { origins, problems } = readDatasetFilesWithRefreshes(dataDir, bundledDir);
    // Directories: the bundled snapshot (2026-08-04) is newer than the refresh (2026-01-01).
    expect(origins).toMatchObject({ breaches: 'bundled', twoFactor: 'bundled', passkeys: 'bundled' });
    expect(problems.every((p) => p.endsWith('the bundled copy is newer'))).toBe(true);
  });
});

describe('refreshedDatasetDates', () => {
  it('is null for datasets never refreshed, and the write time for the others', async () => {
    expect(refreshedDatasetDates(dataDir)).toEqual({ breaches: null, twoFactor: null, passkeys: null });
    await refresh(await startApis(), { datasets: ['twoFactor'] });
    const dates = refreshedDatasetDates(dataDir);
    expect(dates.breaches).toBeNull();
    expect(dates.passkeys).toBeNull();
    expect(Date.parse(dates.twoFactor!)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('the API converters', () => {
  const header = { source: 'https://api.2fa.directory/v3/all.json', commit: API_COMMIT, commit_date: 'x' };

  it('twoFactorFromApi reads the documented v3 example', () => {
    const flat = twoFactorFromApi(
      [
        [
          'Site Name',
          {
            domain: 'example.com',
            'additional-domains': ['example.net'],
            tfa: ['sms', 'call', 'email', 'totp', 'u2f', 'custom-software', 'custom-hardware'],
            'custom-software': ['Authy'],
            keywords: ['keyword1', 'keyword2'],
          },
        ],
      ],
      header,
    );
    expect(flat).toEqual({
      ...header,
      count: 1,
      entries: [
        {
          name: 'Site Name',
          domain: 'example.com',
          'additional-domains': ['example.net'],
          tfa: ['sms', 'call', 'email', 'totp', 'u2f', 'custom-software', 'custom-hardware'],
          'custom-software': ['Authy'],
          categories: ['keyword1', 'keyword2'],
        },
      ],
    });
  });

  it('twoFactorFromApi refuses other shapes', () => {
    expect(() => twoFactorFromApi('nope', header)).toThrow(/expected a list or an object/);
    expect(() => twoFactorFromApi([{ domain: 'example.com' }], header)).toThrow(
      /item 0 is not a \[name, entry\] pair/,
    );
    expect(() => twoFactorFromApi({ 'example.com': 3 }, header)).toThrow(/not an entry/);
  });

  it('passkeysFromApi reads entries keyed by domain or by name', () => {
    const flat = passkeysFromApi(
      {
        'example.com': { mfa: 'allowed' },
        'Named Site': { domain: 'named.example', passwordless: 'allowed', categories: ['x'] },
      },
      header,
      (host) => (host === 'example.com' ? 'Example' : undefined),
    );
    expect(flat.entries).toEqual([
      { name: 'Example', domain: 'example.com', mfa: 'allowed' },
      { name: 'Named Site', domain: 'named.example', passwordless: 'allowed', categories: ['x'] },
    ]);
  });

  it('writes nothing outside <dataDir>/datasets', async () => {
    mkdirSync(join(dataDir, 'other'));
    await refresh(await startApis());
    expect(readdirSync(dataDir).sort()).toEqual(['datasets', 'other']);
  });
});

describe('with the real bundled data', () => {
  /** The bundled directories turned back into the APIs' shapes. */
  function apiShapesOfBundled() {
    const read = (file: string) => readFileSync(join(BUNDLED_DATA_DIR, file), 'utf8');
    const twoFactor = parseDatasetText('twoFactor', read(DATASET_FILES.twoFactor.file), 'structural');
    const passkeys = parseDatasetText('passkeys', read(DATASET_FILES.passkeys.file), 'structural');
    const v3 = twoFactor.entries.map(({ name, categories, _file, ...rest }) => [
      name,
      { ...rest, keywords: categories ?? [] },
    ]);
    const v1: Record<string, unknown> = {};
    for (const entry of passkeys.entries) {
      const {
        name: _n,
        domain,
        'additional-domains': more,
        categories: _c,
        img: _i,
        _file: _f,
        ...rest
      } = entry;
      for (const host of [domain, ...(more ?? [])]) v1[host] = rest;
    }
    return {
      breaches: JSON.parse(read(DATASET_FILES.breaches.file)) as unknown,
      v3,
      v1,
      twoFactor,
      passkeys,
    };
  }

  it('refreshes from answers shaped like the real APIs, and the catalogue reads them', async () => {
    const shapes = apiShapesOfBundled();
    const { result } = await refresh(
      await startApis({ breaches: shapes.breaches, twoFactor: shapes.v3, passkeys: shapes.v1 }),
      { bundledDir: BUNDLED_DATA_DIR },
    );
    expect(result).toEqual({ refreshed: ['breaches', 'twoFactor', 'passkeys'], failed: [] });
    const twoFactor = parseDatasetText('twoFactor', refreshedText('twoFactor'), 'full');
    expect(twoFactor.count).toBe(shapes.twoFactor.count);
    const passkeys = parseDatasetText('passkeys', refreshedText('passkeys'), 'full');
    expect(passkeys.count).toBe(Object.keys(shapes.v1).length);
    // Every passkeys entry got its real name back (by domain or additional domain).
    const known = new Map(shapes.passkeys.entries.map((e) => [e.domain, e.name]));
    for (const entry of passkeys.entries)
      if (known.has(entry.domain)) expect(entry.name).toBe(known.get(entry.domain));

    const { origins } = readDatasetFilesWithRefreshes(dataDir, BUNDLED_DATA_DIR);
    expect([origins.breaches, origins.twoFactor, origins.passkeys]).toEqual([
      'refreshed',
      'refreshed',
      'refreshed',
    ]);
    const catalogue = loadCatalogueWithRefreshes(dataDir, BUNDLED_DATA_DIR);
    expect(catalogue.twoFactor('github.com')?.methods.length).toBeGreaterThan(0);
    expect(catalogue.breach('Adobe')).not.toBeNull();
    expect(catalogue.datasetDates.twoFactor).toBe('2026-11-28');
  });
});
