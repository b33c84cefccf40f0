import type { LedgerEntry } from '../../common/model/index';

/** The official range API; tests point the setting at a local fake server. */
import { OFFICIAL_PWNED_RANGE_URL } from '../../common/domain/onlineServices';
import { format } from '../../common/messages/format';

/** The official service (the only one besides a server on this computer). */
export const DEFAULT_PWNED_RANGE_URL = OFFICIAL_PWNED_RANGE_URL;

/** How one SHA-1 fared: times seen (0 = not in the corpus), or null when the check could not run. */
export type RangeOutcome = number | null;

export interface RangeCheckOptions {
  baseUrl: string;
  userAgent: string;
  /** Records every request; called once per request, whatever its outcome. */
  record: (entry: Omit<LedgerEntry, 'id'>) => void;
  fetchImpl?: typeof fetch;
  concurrency?: number;
  retries?: number;
  timeoutMs?: number;
  /** Longest wait a 429 Retry-After may impose before the request counts as failed. */
  maxRetryAfterMs?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Looks up upper-case SHA-1 hex hashes with the k-anonymity range API: only the first 5 hex
 * characters of each hash leave the computer (one request per distinct prefix, with
 * `Add-Padding: true` so response sizes reveal nothing). Requests run a few at a time, retry with
 * back-off on network errors and 5xx, and honour `429 Retry-After`. A hash whose request failed
 * maps to null — "not checked", never "not breached".
 */
export async function checkPwnedRange(
  hashes: readonly string[],
  options: RangeCheckOptions,
): Promise<Map<string, RangeOutcome>> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => new Date());
  // Waits (back-off, Retry-After) end early when the caller aborts, so cancelling never hangs.
  const pause = (ms: number): Promise<void> => {
    const external = options.signal;
    if (!external) return sleep(ms);
    if (external.aborted) return Promise.reject(external.reason);
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(external.reason);
      external.addEventListener('abort', onAbort, { once: true });
      sleep(ms).then(
        () => {
          external.removeEventListener('abort', onAbort);
          resolve();
        },
        (error: unknown) => {
          external.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  };
  const byPrefix = new Map<string, Set<string>>();
  for (const hash of hashes) {
    const upper = hash.toUpperCase();
    const prefix = upper.slice(0, 5);
    const suffixes = byPrefix.get(prefix) ?? new Set<string>();
    suffixes.add(upper.slice(5));
    byPrefix.set(prefix, suffixes);
  }
  const prefixes = [...byPrefix.keys()].sort();
  const results = new Map<string, RangeOutcome>();
  let done = 0;
  options.onProgress?.(0, prefixes.length);

  const base = options.baseUrl.replace(/\/+$/, '');
  const lookUp = async (prefix: string): Promise<void> => {
    const url = `${base}/range/${prefix}`;
    const counts = await fetchRange(url, prefix);
    for (const suffix of byPrefix.get(prefix) ?? []) {
      results.set(prefix + suffix, counts === null ? null : (counts.get(suffix) ?? 0));
    }
    done += 1;
    options.onProgress?.(done, prefixes.length);
  };

  const fetchRange = async (url: string, prefix: string): Promise<Map<string, number> | null> => {
    const retries = options.retries ?? 2;
    for (let attempt = 0; attempt <= retries; attempt += 1) {
      if (options.signal?.aborted) throw options.signal.reason;
      let outcome: string;
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 10_000);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      try {
        const response = await fetchImpl(url, {
          headers: { 'Add-Padding': 'true', 'User-Agent': options.userAgent },
          signal,
        });
        if (response.ok) {
          const text = await response.text();
          const counts = parseRange(text);
          record(
            url,
            prefix,
            counts
              ? format('ledger.outcome.status', { status: String(response.status) })
              : format('ledger.outcome.unreadable', { status: String(response.status) }),
          );
          if (counts) return counts;
          outcome = 'unreadable';
        } else if (response.status === 429) {
          const wait = retryAfterMs(response.headers.get('retry-after'));
          record(url, prefix, format('ledger.outcome.askedToWait', { seconds: Math.round(wait / 1000) }));
          if (wait > (options.maxRetryAfterMs ?? 30_000) || attempt === retries) return null;
          await pause(wait);
          continue;
        } else {
          record(url, prefix, format('ledger.outcome.status', { status: String(response.status) }));
          if (response.status < 500) return null;
          outcome = 'server error';
        }
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        const reason = timeout.aborted
          ? format('online.failure.timedOut')
          : error instanceof Error
            ? error.message
            : String(error);
        record(url, prefix, format('ledger.outcome.failed', { reason }));
        outcome = reason;
      }
      void outcome;
      if (attempt < retries) await pause(250 * 2 ** attempt);
    }
    return null;
  };

  const record = (url: string, prefix: string, outcome: string) =>
    options.record({
      at: now().toISOString(),
      method: 'GET',
      url,
      purpose: format('ledger.purpose.pwnedRange'),
      sent: format('ledger.sent.pwnedRange', { prefix }),
      outcome,
    });

  const queue = [...prefixes];
  const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, async () => {
    for (let prefix = queue.shift(); prefix !== undefined; prefix = queue.shift()) await lookUp(prefix);
  });
  await Promise.all(workers);
  return results;
}

/**
 * Parses `SUFFIX:COUNT` lines; null when the body is not a range answer. An empty body is not one
 * (every prefix has entries, and padding adds more): reading it as "no matches" would turn a broken
 * answer into "not breached".
 */
export function parseRange(text: string): Map<string, number> | null {
  const counts = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const match = /^([0-9A-Fa-f]{35}):(\d+)$/.exec(line.trim());
    if (!match) return null;
    counts.set(match[1]!.toUpperCase(), Number(match[2]));
  }
  return counts.size > 0 ? counts : null;
}

function retryAfterMs(header: string | null): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}
