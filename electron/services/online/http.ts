/**
 * Small pieces shared by Lockstep's online clients: waits that end when the caller aborts, reading
 * `Retry-After`, reading a body with a size cap, and naming why a request failed.
 */
import { format } from '../../../common/messages/format';

/** The default sleep: a timer. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits `ms` with `sleep`, but rejects with the signal's reason as soon as `signal` aborts (at once
 * when it already has), so cancelling never hangs on a back-off or a `Retry-After`.
 */
export function pauseUnlessAborted(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal?: AbortSignal,
): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    sleep(ms).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * How long a `Retry-After` header asks to wait (ms): seconds or an HTTP date; one second when it is
 * missing or unreadable.
 */
export function retryAfterMs(header: string | null, now: () => number = Date.now): number {
  if (!header || header.trim() === '') return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now());
}

/** A body larger than the cap: the answer is refused rather than read whole. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly maxBytes: number) {
    super(format('online.failure.tooLarge', { size: formatBytes(maxBytes) }));
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${Math.round(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return format('online.size.bytes', { count: bytes });
}

/** Reads a response body as UTF-8 text, giving up (and cancelling the stream) past `maxBytes`. */
export async function readTextCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** Why a request that threw failed, in a few plain words. */
export function describeRequestError(error: unknown, timeout: AbortSignal): string {
  if (timeout.aborted) return format('online.failure.timedOut');
  if (error instanceof BodyTooLargeError) return error.message;
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = cause instanceof Error ? (cause as NodeJS.ErrnoException).code : undefined;
    if (code === 'ECONNREFUSED') return format('online.failure.refused');
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return format('online.failure.hostNotFound');
    if (code) return format('online.failure.networkCode', { code });
    return error.message === 'fetch failed' ? format('online.failure.network') : error.message;
  }
  return String(error);
}
