import { z } from 'zod';
import type { LedgerEntry } from '../../../common/model/index';
import { describeRequestError, pauseUnlessAborted, readTextCapped, realSleep, retryAfterMs } from './http';

/** Have I Been Pwned's API; tests point the setting at a local fake server. */
import { OFFICIAL_HIBP_URL } from '../../../common/domain/onlineServices';
import { format } from '../../../common/messages/format';

/** The official service (the only one besides a server on this computer). */
export const DEFAULT_HIBP_URL = OFFICIAL_HIBP_URL;

/**
 * HIBP's lowest paid tier allows 10 breached-account requests a minute: one every 6 s. Spacing the
 * requests keeps a batch under the limit instead of collecting 429s.
 */
export const DEFAULT_HIBP_MIN_INTERVAL_MS = 6_000;

/** What the ledger says every breached-account request was for. */
export const hibpAccountPurpose = (): string => format('ledger.purpose.hibpAccount');

/** What left the computer for one address: the address itself and the key (never the key's value). */
export const hibpAccountSent = (address: string): string => format('ledger.sent.hibpAccount', { address });

/**
 * How one address fared. `found` lists HIBP breach `Name`s (keys of the breach catalogue);
 * `not_found` is HIBP's explicit 404; anything else is `failed`, with a plain reason — a check that
 * could not run never reads as "not breached".
 */
export type AccountCheckResult =
  | { status: 'found'; breachNames: string[] }
  | { status: 'not_found' }
  /** `keyRefused`: HIBP refused the API key (401), which no retry or other address changes. */
  | { status: 'failed'; reason: string; keyRefused?: true };

export interface AccountCheckOptions {
  /** The user's HIBP API key (sent in the `hibp-api-key` header, never in the URL or the ledger). */
  apiKey: string;
  /** Default {@link DEFAULT_HIBP_URL}. */
  baseUrl?: string;
  userAgent: string;
  /** Records every request; called once per request, whatever its outcome. */
  record: (entry: Omit<LedgerEntry, 'id'>) => void;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** Further attempts after a 429, a 5xx or a network error (default 2: three attempts in all). */
  retries?: number;
  /** Longest wait a 429 Retry-After may impose before the check counts as failed (default 30 s). */
  maxRetryAfterMs?: number;
  /** Per request, headers and body (default 15 s). */
  timeoutMs?: number;
}

/** One breach in a truncated answer: only `Name` is read; other fields are ignored. */
const truncatedAnswerSchema = z.array(z.object({ Name: z.string().min(1) })).min(1);

/** The most a breached-account answer may weigh (a truncated answer is a few KB even for 700 breaches). */
const MAX_ANSWER_BYTES = 2_000_000;

/** HIBP API keys are 32 hexadecimal characters. */
export const HIBP_API_KEY_PATTERN = /^[0-9a-f]{32}$/i;

/**
 * Asks HIBP (`GET /api/v3/breachedaccount/{address}?truncateResponse=true&includeUnverified=true`)
 * which breaches an email address is in. Needs an API key (paid). Every attempt is recorded in the
 * ledger with exactly what was sent. 404 is HIBP's "not pwned"; 401 (key refused), 403 (user agent
 * refused) and other 4xx fail at once; 429 waits as `Retry-After` says (up to `maxRetryAfterMs`),
 * and 5xx, network errors and time-outs are retried with back-off, up to `retries` more attempts. A
 * 200 whose body is not a non-empty array of `{Name}` is a failure ('unreadable answer'), not
 * retried (another request would cost rate limit and get the same). Rejects with the signal's
 * reason when `signal` aborts.
 */
export async function checkBreachedAccount(
  address: string,
  options: AccountCheckOptions,
): Promise<AccountCheckResult> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => new Date());
  const retries = Math.max(0, options.retries ?? 2);
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const pause = (ms: number) => pauseUnlessAborted(sleep, ms, options.signal);

  if (options.signal?.aborted) throw options.signal.reason;
  if (address.trim() === '') return { status: 'failed', reason: format('online.failure.noAddress') };
  if (options.apiKey.trim() === '') return { status: 'failed', reason: format('online.failure.noKey') };

  const base = (options.baseUrl ?? DEFAULT_HIBP_URL).replace(/\/+$/, '');
  const url = `${base}/api/v3/breachedaccount/${encodeURIComponent(address)}?truncateResponse=true&includeUnverified=true`;
  const record = (outcome: string) =>
    options.record({
      at: now().toISOString(),
      method: 'GET',
      url,
      purpose: hibpAccountPurpose(),
      sent: hibpAccountSent(address),
      outcome,
    });

  let lastFailure = format('online.failure.hibpUnreachable');
  for (let attempt = 0; attempt <= retries; attempt += 1) {
    if (options.signal?.aborted) throw options.signal.reason;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let status: number;
    let text = '';
    let retryAfter: string | null;
    try {
      const response = await fetchImpl(url, {
        headers: {
          'hibp-api-key': options.apiKey,
          'user-agent': options.userAgent,
          accept: 'application/json',
        },
        signal,
        redirect: 'error',
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      if (status === 200) text = await readTextCapped(response, MAX_ANSWER_BYTES);
      else await response.body?.cancel().catch(() => {});
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const reason = describeRequestError(error, timeout);
      record(format('ledger.outcome.failed', { reason }));
      lastFailure = timeout.aborted ? format('online.failure.hibpSlow') : reason;
      if (attempt < retries) await pause(backOffMs(attempt));
      continue;
    }

    if (status === 200) {
      const names = parseTruncatedAnswer(text);
      if (!names) {
        record(format('ledger.outcome.unreadable', { status: 200 }));
        return { status: 'failed', reason: format('online.failure.unreadable') };
      }
      record(format('ledger.outcome.inBreaches', { count: names.length }));
      return { status: 'found', breachNames: names };
    }
    if (status === 404) {
      record(format('ledger.outcome.inNoBreach'));
      return { status: 'not_found' };
    }
    if (status === 429) {
      const wait = retryAfterMs(retryAfter, () => now().getTime());
      record(format('ledger.outcome.askedToWait', { seconds: Math.round(wait / 1000) }));
      if (wait > maxRetryAfterMs || attempt === retries)
        return { status: 'failed', reason: format('online.failure.rateLimited') };
      await pause(wait);
      continue;
    }
    record(format('ledger.outcome.status', { status: String(status) }));
    if (status === 401)
      return { status: 'failed', reason: format('online.failure.keyRefused'), keyRefused: true };
    if (status === 403) {
      return { status: 'failed', reason: format('online.failure.agentRefused') };
    }
    if (status === 400) return { status: 'failed', reason: format('online.failure.notAnAddress') };
    if (status < 500)
      return { status: 'failed', reason: format('online.failure.unexpected', { status: String(status) }) };
    lastFailure = format('online.failure.serverError', { status: String(status) });
    if (attempt < retries) await pause(backOffMs(attempt));
  }
  return { status: 'failed', reason: lastFailure };
}

const backOffMs = (attempt: number) => 500 * 2 ** attempt;

/** The unique breach names of a truncated answer, in HIBP's order; null when it is not one. */
function parseTruncatedAnswer(text: string): string[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = truncatedAnswerSchema.safeParse(json);
  if (!parsed.success) return null;
  return [...new Set(parsed.data.map((breach) => breach.Name))];
}

/** Spaces calls: each {@link RateLimiter.wait} resolves at least `minIntervalMs` after the previous one. */
export interface RateLimiter {
  /** Resolves when the next request may go; rejects with the signal's reason if it aborts first. */
  wait(signal?: AbortSignal): Promise<void>;
}

/**
 * A limiter that lets the first call through at once and spaces the next ones `minIntervalMs` apart
 * (calls made at once queue up in order). Time comes from `now` (ms) and waits from `sleep`, so
 * tests can use a fake clock. Share one limiter between batches to keep the spacing across them.
 */
export function createRateLimiter(
  minIntervalMs: number = DEFAULT_HIBP_MIN_INTERVAL_MS,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = realSleep,
): RateLimiter {
  let nextAllowed = -Infinity;
  let queue: Promise<void> = Promise.resolve();
  return {
    wait(signal) {
      const turn = queue.then(async () => {
        if (signal?.aborted) throw signal.reason;
        const current = now();
        const start = Math.max(current, nextAllowed);
        if (start > current) await pauseUnlessAborted(sleep, start - current, signal);
        nextAllowed = start + minIntervalMs;
      });
      // A caller that gave up does not hold up the ones behind it.
      queue = turn.catch(() => {});
      return turn;
    },
  };
}

export interface AddressesCheckOptions extends AccountCheckOptions {
  /** Spacing between requests (default {@link DEFAULT_HIBP_MIN_INTERVAL_MS}); ignored with `rateLimiter`. */
  minIntervalMs?: number;
  /** A limiter shared with other batches (default: a new one, with `now` and `sleep`). */
  rateLimiter?: RateLimiter;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Checks addresses one after another, spaced by a rate limiter, each with
 * {@link checkBreachedAccount}. Duplicates are checked once. Stops early when the API key is refused
 * (every further request would be refused too: the rest are marked failed without a request).
 * Rejects with the signal's reason when `signal` aborts.
 */
export async function checkAddresses(
  addresses: readonly string[],
  options: AddressesCheckOptions,
): Promise<Map<string, AccountCheckResult>> {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => new Date());
  const limiter =
    options.rateLimiter ??
    createRateLimiter(options.minIntervalMs ?? DEFAULT_HIBP_MIN_INTERVAL_MS, () => now().getTime(), sleep);
  const unique = [...new Set(addresses)];
  const results = new Map<string, AccountCheckResult>();
  options.onProgress?.(0, unique.length);
  let refusal: AccountCheckResult | null = null;
  for (const address of unique) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (refusal) {
      results.set(address, refusal);
    } else {
      await limiter.wait(options.signal);
      const result = await checkBreachedAccount(address, options);
      results.set(address, result);
      if (result.status === 'failed' && result.keyRefused) refusal = result;
    }
    options.onProgress?.(results.size, unique.length);
  }
  return results;
}
