import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../common/model/index';
import { format, setMessageLocale } from '../../../common/messages/format';
import { closedPortUrl } from '../../testing/fakePwnedServer';
import { startFakeHttpServer, type FakeHttpServer } from '../../testing/fakeHttpServer';
import {
  checkAddresses,
  checkBreachedAccount,
  createRateLimiter,
  hibpAccountPurpose,
  hibpAccountSent,
  type AccountCheckOptions,
  type AddressesCheckOptions,
} from './hibpAccount';

const USER_AGENT = 'Lockstep/1.2.3 (+https://github.com/lockstep)';
const API_KEY = '0123456789abcdef0123456789abcdef';
const ACCOUNTS: Record<string, string[]> = {
  'alex@example.com': ['Adobe', 'LinkedIn', 'Dropbox'],
  'alex+news@example.com': ['Canva'],
};

const servers: FakeHttpServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()?.close();
});

/** A stand-in for HIBP's breached-account endpoint: checks the key, answers truncated records. */
async function startHibp() {
  const server = await startFakeHttpServer();
  servers.push(server);
  server.serve(/^\/api\/v3\/breachedaccount\/[^/]+$/, (request) => {
    if (request.headers['hibp-api-key'] !== API_KEY) return { status: 401, body: '' };
    if (!request.headers['user-agent']) return { status: 403, body: '' };
    const address = decodeURIComponent(request.pathname.split('/').pop()!);
    const names = ACCOUNTS[address];
    if (!names) return { status: 404, body: '' };
    return { body: JSON.stringify(names.map((Name) => ({ Name }))) };
  });
  return server;
}

/** Runs a check, capturing the ledger and the waits. */
async function check(address: string, baseUrl: string, overrides: Partial<AccountCheckOptions> = {}) {
  const ledger: Omit<LedgerEntry, 'id'>[] = [];
  const waits: number[] = [];
  const result = await checkBreachedAccount(address, {
    apiKey: API_KEY,
    baseUrl,
    userAgent: USER_AGENT,
    record: (entry) => ledger.push(entry),
    sleep: async (ms) => {
      waits.push(ms);
    },
    now: () => new Date('2026-11-28T12:00:00Z'),
    ...overrides,
  });
  return { result, ledger, waits };
}

const encodedPath = (address: string) => `/api/v3/breachedaccount/${encodeURIComponent(address)}`;

/** The API key must never reach the ledger, in any spelling. */
function expectNoKey(ledger: readonly Omit<LedgerEntry, 'id'>[]) {
  const text = JSON.stringify(ledger).toLowerCase();
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(API_KEY.slice(0, 12));
}

describe('checkBreachedAccount against a local HIBP stand-in', () => {
  it('reports the breaches an address is in, sending the key and user agent as headers', async () => {
    const server = await startHibp();
    const { result, ledger } = await check('alex@example.com', server.url);
    expect(result).toEqual({ status: 'found', breachNames: ['Adobe', 'LinkedIn', 'Dropbox'] });

    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.method).toBe('GET');
    expect(request.pathname).toBe('/api/v3/breachedaccount/alex%40example.com');
    expect(Object.fromEntries(request.query)).toEqual({
      truncateResponse: 'true',
      includeUnverified: 'true',
    });
    expect(request.headers['hibp-api-key']).toBe(API_KEY);
    expect(request.headers['user-agent']).toBe(USER_AGENT);
    expect(request.url).not.toContain(API_KEY);

    expect(ledger).toEqual([
      {
        at: '2026-11-28T12:00:00.000Z',
        method: 'GET',
        url: `${server.url}/api/v3/breachedaccount/alex%40example.com?truncateResponse=true&includeUnverified=true`,
        purpose: hibpAccountPurpose(),
        sent: 'the email address alex@example.com and your API key',
        outcome: 'HTTP 200, in 3 breaches',
      },
    ]);
    expectNoKey(ledger);
  });

  it('URL-encodes the address (plus-addressing), and the ledger says which address left', async () => {
    const server = await startHibp();
    const { result, ledger } = await check('alex+news@example.com', server.url);
    expect(result).toEqual({ status: 'found', breachNames: ['Canva'] });
    expect(server.requests[0]!.pathname).toBe('/api/v3/breachedaccount/alex%2Bnews%40example.com');
    expect(ledger[0]!.url).toContain('/breachedaccount/alex%2Bnews%40example.com?');
    expect(ledger[0]!.sent).toBe(hibpAccountSent('alex+news@example.com'));
    expect(ledger[0]!.outcome).toBe('HTTP 200, in 1 breach');
  });

  it('words the ledger from the message catalogue (the pseudo-locale shows none is hard-coded)', async () => {
    const server = await startHibp();
    setMessageLocale('pseudo');
    try {
      const found = await check('alex+news@example.com', server.url);
      const none = await check('nobody@example.com', server.url);
      const outcomes = [...found.ledger, ...none.ledger].map((e) => e.outcome);
      expect(outcomes).toEqual([
        format('ledger.outcome.inBreaches', { count: 1 }),
        format('ledger.outcome.inNoBreach'),
      ]);
      // Every word but the protocol's own ("HTTP") is the catalogue's, accented.
      for (const outcome of outcomes) expect(outcome.replace('HTTP', '')).not.toMatch(/[A-Za-z]{3,}/);
    } finally {
      setMessageLocale('en');
    }
  });

  it('encodes characters that would change the path', async () => {
    const server = await startHibp();
    const { result } = await check('a/b?c#d@example.com', server.url);
    expect(result).toEqual({ status: 'not_found' });
    expect(server.requests[0]!.pathname).toBe(encodedPath('a/b?c#d@example.com'));
  });

  it('reads 404 as "in no known breach"', async () => {
    const server = await startHibp();
    const { result, ledger } = await check('nobody@example.com', server.url);
    expect(result).toEqual({ status: 'not_found' });
    expect(ledger.map((e) => e.outcome)).toEqual(['HTTP 404, in no known breach']);
  });

  it('fails at once when the key is refused (401), without retrying', async () => {
    const server = await startHibp();
    const { result, ledger, waits } = await check('alex@example.com', server.url, {
      apiKey: 'ffffffffffffffffffffffffffffffff',
    });
    expect(result).toEqual({ status: 'failed', reason: 'The API key was refused', keyRefused: true });
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(ledger.map((e) => e.outcome)).toEqual(['HTTP 401']);
    expect(JSON.stringify(ledger)).not.toContain('ffffffffffff');
  });

  it('fails at once when the request is refused (403: user agent)', async () => {
    const server = await startHibp();
    server.behave({ kind: 'status', status: 403, body: '' });
    const { result } = await check('alex@example.com', server.url);
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.reason).toMatch(/user agent/);
    expect(server.requests).toHaveLength(1);
  });

  it('honours 429 Retry-After, then reads the answer', async () => {
    const server = await startHibp();
    server.behave({ kind: 'rate-limit', retryAfter: '2', times: 1 });
    const { result, ledger, waits } = await check('alex@example.com', server.url);
    expect(result).toEqual({ status: 'found', breachNames: ['Adobe', 'LinkedIn', 'Dropbox'] });
    expect(waits).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
    expect(ledger.map((e) => e.outcome)).toEqual(['HTTP 429, asked to wait 2 s', 'HTTP 200, in 3 breaches']);
    expectNoKey(ledger);
  });

  it('gives up ("rate limited") when Retry-After asks for longer than maxRetryAfterMs', async () => {
    const server = await startHibp();
    server.behave({ kind: 'rate-limit', retryAfter: '120' });
    const { result, waits, ledger } = await check('alex@example.com', server.url, {
      maxRetryAfterMs: 30_000,
    });
    expect(result).toEqual({ status: 'failed', reason: 'rate limited' });
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(ledger.map((e) => e.outcome)).toEqual(['HTTP 429, asked to wait 120 s']);
  });

  it('gives up ("rate limited") when every attempt is rate limited', async () => {
    const server = await startHibp();
    server.behave({ kind: 'rate-limit', retryAfter: '1' });
    const { result, waits } = await check('alex@example.com', server.url, { retries: 2 });
    expect(result).toEqual({ status: 'failed', reason: 'rate limited' });
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
  });

  it('retries a 500 with back-off, then fails', async () => {
    const server = await startHibp();
    server.behave({ kind: 'status', status: 500 });
    const { result, waits, ledger } = await check('alex@example.com', server.url, { retries: 2 });
    expect(result).toEqual({ status: 'failed', reason: 'server error (HTTP 500)' });
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
    expect(ledger.map((e) => e.outcome)).toEqual(['HTTP 500', 'HTTP 500', 'HTTP 500']);
    expect(ledger.every((e) => e.sent === hibpAccountSent('alex@example.com'))).toBe(true);
    expectNoKey(ledger);
  });

  it('recovers when a 503 is followed by an answer', async () => {
    const server = await startHibp();
    server.behave({ kind: 'status', status: 503, times: 1 });
    const { result, waits } = await check('alex@example.com', server.url);
    expect(result.status).toBe('found');
    expect(waits).toEqual([500]);
  });

  it('times out a server that does not answer, on every attempt', async () => {
    const server = await startHibp();
    server.behave({ kind: 'delay', ms: 5000 });
    const { result, ledger } = await check('alex@example.com', server.url, { timeoutMs: 100, retries: 1 });
    expect(result).toEqual({ status: 'failed', reason: 'Have I Been Pwned did not answer in time' });
    expect(server.requests).toHaveLength(2);
    expect(ledger.map((e) => e.outcome)).toEqual(['failed: timed out', 'failed: timed out']);
  });

  it('times out a server that stalls halfway through the answer', async () => {
    const server = await startHibp();
    server.behave({ kind: 'delay', ms: 5000, phase: 'mid-body' });
    const { result, ledger } = await check('alex@example.com', server.url, { timeoutMs: 150, retries: 0 });
    expect(result.status).toBe('failed');
    expect(ledger.map((e) => e.outcome)).toEqual(['failed: timed out']);
  });

  it.each([
    ['not JSON', '<html><body>Checking your browser…</body></html>'],
    ['an empty body', ''],
    ['an empty array', '[]'],
    ['records without Name', '[{"Title":"Adobe"}]'],
    ['an object', '{"Name":"Adobe"}'],
  ])('fails ("unreadable answer") on a 200 with %s, never reading it as all clear', async (_label, body) => {
    const server = await startHibp();
    server.behave({ kind: 'body', body });
    const { result, ledger } = await check('alex@example.com', server.url);
    expect(result).toEqual({ status: 'failed', reason: 'unreadable answer' });
    expect(server.requests).toHaveLength(1);
    expect(ledger.map((e) => e.outcome)).toEqual(['HTTP 200, unreadable answer']);
  });

  it('fails when nothing listens, recording each attempt', async () => {
    const url = await closedPortUrl();
    const { result, ledger, waits } = await check('alex@example.com', url, { retries: 1 });
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.reason).toMatch(/could not connect/);
    expect(ledger).toHaveLength(2);
    expect(ledger.every((e) => /^failed: /.test(e.outcome))).toBe(true);
    expect(waits).toEqual([500]);
  });

  it('sends nothing without an address or a key', async () => {
    const server = await startHibp();
    expect((await check('  ', server.url)).result.status).toBe('failed');
    expect((await check('alex@example.com', server.url, { apiKey: '' })).result).toEqual({
      status: 'failed',
      reason: 'No API key is set',
    });
    expect(server.requests).toEqual([]);
  });

  it('never writes the key into the ledger, whatever happens', async () => {
    const server = await startHibp();
    const ledger: Omit<LedgerEntry, 'id'>[] = [];
    const record = (entry: Omit<LedgerEntry, 'id'>) => ledger.push(entry);
    server.behave({ kind: 'rate-limit', retryAfter: '0', times: 1 });
    server.behave({ kind: 'status', status: 502, times: 1 });
    for (const address of ['alex@example.com', 'alex+news@example.com', 'nobody@example.com']) {
      await check(address, server.url, { record });
    }
    await check('alex@example.com', server.url, { record, apiKey: API_KEY.toUpperCase() });
    expect(ledger.length).toBeGreaterThanOrEqual(6);
    expectNoKey(ledger);
  });
});

describe('aborting a check', () => {
  it('rejects at once when the signal is already aborted, sending nothing', async () => {
    const server = await startHibp();
    const controller = new AbortController();
    controller.abort(new Error('cancelled early'));
    await expect(check('alex@example.com', server.url, { signal: controller.signal })).rejects.toThrow(
      'cancelled early',
    );
    expect(server.requests).toEqual([]);
  });

  it('rejects while a request is in flight', async () => {
    const server = await startHibp();
    server.behave({ kind: 'delay', ms: 5000 });
    const controller = new AbortController();
    const running = check('alex@example.com', server.url, { signal: controller.signal });
    for (let i = 0; i < 200 && server.requests.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    controller.abort(new Error('cancelled'));
    await expect(running).rejects.toThrow('cancelled');
  });

  it('rejects during a Retry-After wait', async () => {
    const server = await startHibp();
    server.behave({ kind: 'rate-limit', retryAfter: '20' });
    const controller = new AbortController();
    const running = check('alex@example.com', server.url, {
      signal: controller.signal,
      sleep: () => new Promise(() => {}),
    });
    for (let i = 0; i < 200 && server.requests.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort(new Error('stop waiting'));
    await expect(running).rejects.toThrow('stop waiting');
  });
});

/** A fake clock: `sleep` advances it. */
function fakeClock(start = Date.parse('2026-11-28T12:00:00Z')) {
  const clock = {
    ms: start,
    sleeps: [] as number[],
    now: () => clock.ms,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.ms += ms;
    },
  };
  return clock;
}

describe('createRateLimiter', () => {
  it('lets the first call through and spaces the next ones', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(6000, clock.now, clock.sleep);
    const starts: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await limiter.wait();
      starts.push(clock.ms);
    }
    expect(clock.sleeps).toEqual([6000, 6000]);
    expect(starts.map((t) => t - starts[0]!)).toEqual([0, 6000, 12000]);
  });

  it('waits only for what is left of the interval', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(6000, clock.now, clock.sleep);
    await limiter.wait();
    clock.ms += 4000;
    await limiter.wait();
    clock.ms += 10_000;
    await limiter.wait();
    expect(clock.sleeps).toEqual([2000]);
  });

  it('queues calls made at once, in order', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(1000, clock.now, clock.sleep);
    const order: [number, number][] = [];
    await Promise.all(
      [0, 1, 2, 3].map((i) =>
        limiter.wait().then(() => order.push([i, clock.ms - Date.parse('2026-11-28T12:00:00Z')])),
      ),
    );
    expect(order).toEqual([
      [0, 0],
      [1, 1000],
      [2, 2000],
      [3, 3000],
    ]);
  });

  it('defaults to 6 s (10 requests a minute)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(undefined, clock.now, clock.sleep);
    await limiter.wait();
    await limiter.wait();
    expect(clock.sleeps).toEqual([6000]);
  });

  it('rejects a wait when the signal aborts, and does not hold up the next caller', async () => {
    const limiter = createRateLimiter(60_000);
    await limiter.wait();
    const controller = new AbortController();
    const waiting = limiter.wait(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
  });
});

describe('checkAddresses', () => {
  async function run(addresses: string[], baseUrl: string, overrides: Partial<AddressesCheckOptions> = {}) {
    const clock = fakeClock();
    const ledger: Omit<LedgerEntry, 'id'>[] = [];
    const results = await checkAddresses(addresses, {
      apiKey: API_KEY,
      baseUrl,
      userAgent: USER_AGENT,
      record: (entry) => ledger.push(entry),
      now: () => new Date(clock.ms),
      sleep: clock.sleep,
      ...overrides,
    });
    return { results, ledger, clock };
  }

  it('checks each distinct address once, one every 6 s', async () => {
    const server = await startHibp();
    const { results, ledger } = await run(
      ['alex@example.com', 'nobody@example.com', 'alex+news@example.com', 'alex@example.com'],
      server.url,
    );
    expect([...results.keys()]).toEqual(['alex@example.com', 'nobody@example.com', 'alex+news@example.com']);
    expect(results.get('alex@example.com')).toEqual({
      status: 'found',
      breachNames: ['Adobe', 'LinkedIn', 'Dropbox'],
    });
    expect(results.get('nobody@example.com')).toEqual({ status: 'not_found' });
    expect(results.get('alex+news@example.com')).toEqual({ status: 'found', breachNames: ['Canva'] });
    expect(server.requests).toHaveLength(3);
    expect(ledger.map((e) => e.at)).toEqual([
      '2026-11-28T12:00:00.000Z',
      '2026-11-28T12:00:06.000Z',
      '2026-11-28T12:00:12.000Z',
    ]);
    expectNoKey(ledger);
  });

  it('uses minIntervalMs and reports progress', async () => {
    const server = await startHibp();
    const progress: [number, number][] = [];
    const { clock } = await run(['alex@example.com', 'nobody@example.com'], server.url, {
      minIntervalMs: 2500,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(clock.sleeps).toEqual([2500]);
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
  });

  it('keeps the failures as failures, per address', async () => {
    const server = await startHibp();
    server.behave({ kind: 'body', body: 'oops' }, encodedPath('nobody@example.com'));
    const { results } = await run(['alex@example.com', 'nobody@example.com'], server.url);
    expect(results.get('alex@example.com')?.status).toBe('found');
    expect(results.get('nobody@example.com')).toEqual({ status: 'failed', reason: 'unreadable answer' });
  });

  it('stops sending once the key is refused', async () => {
    const server = await startHibp();
    const { results } = await run(['alex@example.com', 'nobody@example.com', 'x@example.com'], server.url, {
      apiKey: 'ffffffffffffffffffffffffffffffff',
    });
    expect(server.requests).toHaveLength(1);
    expect([...results.values()]).toEqual(
      Array(3).fill({ status: 'failed', reason: 'The API key was refused', keyRefused: true }),
    );
  });

  it('rejects when aborted between two addresses', async () => {
    const server = await startHibp();
    const controller = new AbortController();
    const running = run(['alex@example.com', 'nobody@example.com', 'x@example.com'], server.url, {
      signal: controller.signal,
      sleep: () => new Promise(() => {}),
      onProgress: (done) => {
        if (done === 1) controller.abort(new Error('cancelled'));
      },
    });
    await expect(running).rejects.toThrow('cancelled');
    expect(server.requests).toHaveLength(1);
  });

  it('shares a rate limiter across batches', async () => {
    const server = await startHibp();
    const clock = fakeClock();
    const rateLimiter = createRateLimiter(6000, clock.now, clock.sleep);
    const common = {
      apiKey: API_KEY,
      baseUrl: server.url,
      userAgent: USER_AGENT,
      record: () => {},
      rateLimiter,
      sleep: clock.sleep,
    };
    await checkAddresses(['alex@example.com'], common);
    await checkAddresses(['nobody@example.com'], common);
    expect(clock.sleeps).toEqual([6000]);
  });
});
