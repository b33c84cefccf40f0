import { afterEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../common/model/index';
import { checkPwnedRange, parseRange, type RangeCheckOptions } from './pwnedRange';
import {
  closedPortUrl,
  sha1,
  startFakePwnedServer,
  type FakePwnedServer,
  type FakePwnedServerOptions,
  type FakeRequest,
} from '../testing/fakePwnedServer';
import { format } from '../../common/messages/format';

const USER_AGENT = 'Lockstep/1.2.3 (+https://github.com/lockstep)';
const servers: FakePwnedServer[] = [];

afterEach(async () => {
  while (servers.length) await servers.pop()?.close();
});

async function start(options: FakePwnedServerOptions = {}) {
  const server = await startFakePwnedServer(options);
  servers.push(server);
  return server;
}

/** Runs a check against `baseUrl`, capturing the ledger, the waits and the progress. */
async function check(hashes: readonly string[], baseUrl: string, overrides: Partial<RangeCheckOptions> = {}) {
  const ledger: Omit<LedgerEntry, 'id'>[] = [];
  const waits: number[] = [];
  const progress: [number, number][] = [];
  const results = await checkPwnedRange(hashes, {
    baseUrl,
    userAgent: USER_AGENT,
    record: (entry) => ledger.push(entry),
    sleep: async (ms) => {
      waits.push(ms);
    },
    onProgress: (done, total) => progress.push([done, total]),
    now: () => new Date('2026-11-28T12:00:00Z'),
    ...overrides,
  });
  return { results, ledger, waits, progress };
}

/** Everything a request carried, as one upper-cased string. */
const requestText = (r: FakeRequest) =>
  [r.method, r.url, ...Object.entries(r.headers).map(([k, v]) => `${k}: ${String(v)}`)]
    .join('\n')
    .toUpperCase();

/** True when `text` holds 6 or more consecutive characters of `hash` (anything beyond the prefix). */
function leaksMoreThanPrefix(text: string, hash: string): boolean {
  for (let i = 0; i + 6 <= hash.length; i += 1) if (text.includes(hash.slice(i, i + 6))) return true;
  return false;
}

const sentFor = (prefix: string) => format('ledger.sent.pwnedRange', { prefix });

// Two hashes that share a prefix with each other (made up: the range API indexes any 40 hex digits).
const SHARED_A = 'ABCDE' + '1'.repeat(35);
const SHARED_B = 'ABCDE' + '2'.repeat(35);

describe('checkPwnedRange against a local range server', () => {
  it('sends only the 5-character prefix, once per distinct prefix', async () => {
    const passwords = ['Kestrel88!', 'password', 'correct horse battery staple', 'Bluebird#2019'];
    const server = await start({ passwords: { 'Kestrel88!': 52301, password: 9_659_365 } });
    const hashes = passwords.map(sha1);
    const input = [...hashes, hashes[0]!, hashes[1]!.toLowerCase(), SHARED_A, SHARED_B, SHARED_A];
    const { results } = await check(input, server.url);

    const expectedPrefixes = [...new Set([...hashes, SHARED_A].map((h) => h.slice(0, 5)))].sort();
    expect(server.requests.map((r) => r.url).sort()).toEqual(expectedPrefixes.map((p) => `/range/${p}`));
    for (const request of server.requests) {
      expect(request.method).toBe('GET');
      expect(request.url).toMatch(/^\/range\/[0-9A-F]{5}$/); // no query string, nothing else
      const text = requestText(request);
      for (const hash of [...hashes, SHARED_A, SHARED_B]) expect(leaksMoreThanPrefix(text, hash)).toBe(false);
    }
    expect([...results.keys()].sort()).toEqual([...new Set([...hashes, SHARED_A, SHARED_B])].sort());
  });

  it('asks for padding and names itself', async () => {
    const server = await start();
    await check([sha1('hunter2')], server.url);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['add-padding']).toBe('true');
    expect(server.requests[0]!.headers['user-agent']).toBe(USER_AGENT);
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^Lockstep\//);
  });

  it('reads the counts, in either case, and padding rows are not matches', async () => {
    const padded = sha1('only-in-padding');
    const server = await start({
      passwords: { 'Kestrel88!': 52301, password: 9_659_365 },
      hashes: { [SHARED_A]: 7 },
      paddingHashes: [padded],
      lowercase: true,
    });
    const { results } = await check(
      [
        sha1('Kestrel88!'),
        sha1('password').toLowerCase(),
        SHARED_A,
        SHARED_B,
        padded,
        sha1('x7#Qm!vR2pLw9@Zk'),
      ],
      server.url,
    );
    expect(results.get(sha1('Kestrel88!'))).toBe(52301);
    expect(results.get(sha1('password'))).toBe(9_659_365);
    expect(results.get(SHARED_A)).toBe(7);
    expect(results.get(SHARED_B)).toBe(0);
    expect(results.get(padded)).toBe(0);
    expect(results.get(sha1('x7#Qm!vR2pLw9@Zk'))).toBe(0);
    // The padding row for `padded` really was in the answer, in lower case, with count 0.
    const answer = server.requests.find((r) => r.url === `/range/${padded.slice(0, 5)}`)!.responseBody;
    expect(answer).toContain(`${padded.slice(5).toLowerCase()}:0`);
    expect(answer.split('\r\n').filter((line) => line.endsWith(':0')).length).toBeGreaterThan(5);
  });

  it('records every request in the ledger, saying exactly which 5 characters were sent', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    const failing = sha1('fails');
    server.behave({ kind: 'status', status: 500 }, failing.slice(0, 5));
    const hashes = [sha1('Kestrel88!'), failing, SHARED_A];
    const { ledger } = await check(hashes, server.url);

    expect(ledger).toHaveLength(server.requests.length);
    expect(ledger).toHaveLength(2 + 3); // two answers, three attempts at the failing prefix
    for (const entry of ledger) {
      const prefix = entry.url.slice(-5);
      expect(entry).toEqual({
        at: '2026-11-28T12:00:00.000Z',
        method: 'GET',
        url: `${server.url}/range/${prefix}`,
        purpose: expect.stringMatching(/Pwned Passwords/),
        sent: sentFor(prefix),
        outcome: expect.any(String),
      });
      for (const hash of hashes)
        expect(leaksMoreThanPrefix(JSON.stringify(entry).toUpperCase(), hash)).toBe(false);
    }
    expect(ledger.filter((e) => e.outcome === 'HTTP 500').map((e) => e.sent)).toEqual(
      Array(3).fill(sentFor(failing.slice(0, 5))),
    );
  });

  it('reports progress up to the number of prefixes', async () => {
    const server = await start();
    const hashes = ['pw1', 'pw2', 'pw3', 'pw4', 'pw5'].map(sha1);
    const { progress } = await check([...hashes, SHARED_A, SHARED_B], server.url, { concurrency: 2 });
    expect(progress[0]).toEqual([0, 6]);
    expect(progress.at(-1)).toEqual([6, 6]);
    expect(progress.map(([done]) => done)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('runs at most `concurrency` requests at once', async () => {
    const server = await start();
    server.behave({ kind: 'delay', ms: 40 });
    await check(['a', 'b', 'c', 'd', 'e', 'f'].map(sha1), server.url, { concurrency: 2 });
    expect(server.requests).toHaveLength(6);
    expect(server.maxInFlight).toBe(2);
  });

  it('sends nothing for an empty list', async () => {
    const server = await start();
    const { results, ledger, progress } = await check([], server.url);
    expect(results.size).toBe(0);
    expect(server.requests).toEqual([]);
    expect(ledger).toEqual([]);
    expect(progress).toEqual([[0, 0]]);
  });
});

describe('when the range server misbehaves, a failed prefix is "not checked" (null)', () => {
  const hash = sha1('Kestrel88!');
  const prefix = hash.slice(0, 5);

  it('honours 429 Retry-After, then succeeds', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'rate-limit', retryAfter: '3', times: 1 });
    const { results, waits, ledger } = await check([hash], server.url);
    expect(waits).toEqual([3000]);
    expect(results.get(hash)).toBe(52301);
    expect(server.requests).toHaveLength(2);
    expect(ledger.map((e) => [e.sent, e.outcome])).toEqual([
      [sentFor(prefix), 'HTTP 429, asked to wait 3 s'],
      [sentFor(prefix), 'HTTP 200'],
    ]);
  });

  it('reads a Retry-After date, and waits a second when there is none', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'rate-limit', retryAfter: new Date(Date.now() + 5000).toUTCString(), times: 1 });
    server.behave({ kind: 'rate-limit', times: 1 });
    const { results, waits } = await check([hash], server.url);
    expect(results.get(hash)).toBe(52301);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(3000);
    expect(waits[0]).toBeLessThanOrEqual(5000);
    expect(waits[1]).toBe(1000);
  });

  it('gives up when Retry-After asks for longer than maxRetryAfterMs', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'rate-limit', retryAfter: '120' });
    const { results, waits, ledger } = await check([hash], server.url, { maxRetryAfterMs: 30_000 });
    expect(results.has(hash)).toBe(true);
    expect(results.get(hash)).toBeNull();
    expect(waits).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(ledger.map((e) => e.outcome)).toEqual(['HTTP 429, asked to wait 120 s']);
  });

  it('gives up when rate-limited on every attempt', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'rate-limit', retryAfter: '1' });
    const { results, waits } = await check([hash], server.url, { retries: 2 });
    expect(results.get(hash)).toBeNull();
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([1000, 1000]);
  });

  it('retries a 500 with back-off, then gives up', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'status', status: 500 });
    const { results, waits, ledger } = await check([hash], server.url, { retries: 2 });
    expect(results.get(hash)).toBeNull();
    expect(server.requests).toHaveLength(3);
    expect(waits).toEqual([250, 500]);
    expect(ledger.map((e) => e.outcome)).toEqual(['HTTP 500', 'HTTP 500', 'HTTP 500']);
  });

  it('recovers when a 500 is followed by an answer', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'status', status: 503, times: 1 });
    const { results, waits } = await check([hash], server.url);
    expect(results.get(hash)).toBe(52301);
    expect(waits).toEqual([250]);
  });

  it('does not retry a 404', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'status', status: 404 });
    const { results, waits, ledger } = await check([hash], server.url);
    expect(results.get(hash)).toBeNull();
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(ledger.map((e) => [e.sent, e.outcome])).toEqual([[sentFor(prefix), 'HTTP 404']]);
  });

  it('times out a server that does not answer', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'delay', ms: 5000 });
    const { results, ledger } = await check([hash], server.url, { timeoutMs: 100, retries: 1 });
    expect(results.get(hash)).toBeNull();
    expect(server.requests).toHaveLength(2);
    expect(ledger.map((e) => e.outcome)).toEqual(['failed: timed out', 'failed: timed out']);
  });

  it('times out a server that stalls halfway through the answer', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'delay', ms: 5000, phase: 'mid-body' });
    const { results, ledger } = await check([hash], server.url, { timeoutMs: 150, retries: 0 });
    expect(results.get(hash)).toBeNull();
    expect(ledger.map((e) => e.outcome)).toEqual(['failed: timed out']);
  });

  it('treats a body that is not a range answer as a failure', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'malformed', body: '<html><body>Checking your browser…</body></html>' });
    const { results, ledger } = await check([hash], server.url);
    expect(results.get(hash)).toBeNull();
    expect(ledger.length).toBeGreaterThan(0);
    expect(ledger.every((e) => e.outcome === 'HTTP 200, unreadable answer')).toBe(true);
  });

  it('treats an empty 200 answer as a failure, not as "not breached"', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'malformed', body: '' });
    const { results } = await check([hash], server.url, { retries: 0 });
    expect(results.get(hash)).toBeNull();
  });

  it('treats a connection dropped mid-answer as a failure, and retries it', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301 } });
    server.behave({ kind: 'destroy' });
    const { results, ledger } = await check([hash], server.url, { retries: 1 });
    expect(results.get(hash)).toBeNull();
    expect(server.requests).toHaveLength(2);
    expect(ledger).toHaveLength(2);
    for (const entry of ledger) {
      expect(entry.sent).toBe(sentFor(prefix));
      expect(entry.outcome).toMatch(/^failed: /);
    }

    const again = await start({ passwords: { 'Kestrel88!': 52301 } });
    again.behave({ kind: 'destroy', times: 1 });
    expect((await check([hash], again.url)).results.get(hash)).toBe(52301);
  });

  it('fails a prefix when nothing listens, recording each attempt', async () => {
    const url = await closedPortUrl();
    const { results, ledger, waits } = await check([hash, SHARED_A], url, { retries: 1 });
    expect(results.get(hash)).toBeNull();
    expect(results.get(SHARED_A)).toBeNull();
    expect(ledger).toHaveLength(4);
    expect(ledger.every((e) => /^failed: /.test(e.outcome))).toBe(true);
    expect(waits).toEqual([250, 250]);
  });

  it('fails only the prefix that failed', async () => {
    const server = await start({ passwords: { 'Kestrel88!': 52301, password: 9_659_365 } });
    server.behave({ kind: 'status', status: 500 }, prefix);
    const { results } = await check([hash, sha1('password')], server.url);
    expect(results.get(hash)).toBeNull();
    expect(results.get(sha1('password'))).toBe(9_659_365);
  });
});

describe('aborting', () => {
  const hash = sha1('Kestrel88!');

  it('rejects at once when the signal is already aborted, sending nothing', async () => {
    const server = await start();
    const controller = new AbortController();
    controller.abort(new Error('cancelled early'));
    await expect(check([hash], server.url, { signal: controller.signal })).rejects.toThrow('cancelled early');
    expect(server.requests).toEqual([]);
  });

  it('rejects while a request is in flight', async () => {
    const server = await start();
    server.behave({ kind: 'delay', ms: 5000 });
    const controller = new AbortController();
    const running = check([hash, SHARED_A], server.url, { signal: controller.signal });
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    await expect(running).rejects.toThrow('Cancelled');
  });

  it('rejects while waiting out a Retry-After, without waiting for it to end', async () => {
    const server = await start();
    server.behave({ kind: 'rate-limit', retryAfter: '20' });
    const controller = new AbortController();
    let waiting = false;
    const running = check([hash], server.url, {
      signal: controller.signal,
      sleep: () => {
        waiting = true;
        return new Promise<void>(() => {}); // a wait that would never end by itself
      },
    });
    while (!waiting) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    await expect(running).rejects.toThrow('Cancelled');
    expect(server.requests).toHaveLength(1);
  }, 3000);
});

describe('parseRange', () => {
  const suffix = (c: string) => c.repeat(35);

  it('reads SUFFIX:COUNT lines with CRLF or LF, blank lines and surrounding spaces', () => {
    const text = `${suffix('A')}:3\r\n${suffix('b')}:0\n\n  ${suffix('C')}:12345678  \r\n`;
    expect(parseRange(text)).toEqual(
      new Map([
        [suffix('A'), 3],
        [suffix('B'), 0],
        [suffix('C'), 12345678],
      ]),
    );
  });

  it('upper-cases suffixes', () => {
    const mixed = 'aBcDe' + '0'.repeat(30);
    expect([...parseRange(`${mixed}:9`)!.keys()]).toEqual([mixed.toUpperCase()]);
  });

  it.each([
    ['an empty body', ''],
    ['only blank lines', '\r\n\n  \n'],
    ['HTML', '<!doctype html><html><body>Access denied</body></html>'],
    ['a suffix one character short', `${'A'.repeat(34)}:1`],
    ['a suffix one character long', `${'A'.repeat(36)}:1`],
    ['a suffix that is not hex', `${'G'.repeat(35)}:1`],
    ['a missing count', `${suffix('A')}:`],
    ['no colon', suffix('A')],
    ['a negative count', `${suffix('A')}:-1`],
    ['a fractional count', `${suffix('A')}:1.5`],
    ['one bad line among good ones', `${suffix('A')}:1\r\nnot a line\r\n${suffix('B')}:2`],
    ['a full 40-character hash', `${'A'.repeat(40)}:1`],
  ])('refuses %s', (_name, text) => {
    expect(parseRange(text)).toBeNull();
  });
});
