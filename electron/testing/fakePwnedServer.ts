import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the fake server received, exactly as it arrived. */
export interface FakeRequest {
  method: string;
  /** The raw request target: path and any query string. */
  url: string;
  headers: IncomingHttpHeaders;
  /** The body the server answered with ('' when it answered none or broke the connection first). */
  responseBody: string;
}

/**
 * What the server does instead of answering normally. `times` limits it to the first N matching
 * requests (then the server answers normally); without it the behaviour lasts.
 */
export type FakeBehaviour = { times?: number } & (
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'rate-limit'; retryAfter?: string }
  /** Waits before the headers, or after the headers and half the body ('mid-body'). */
  | { kind: 'delay'; ms: number; phase?: 'before-headers' | 'mid-body' }
  | { kind: 'malformed'; body: string }
  /** Sends the headers and part of the body, then destroys the connection. */
  | { kind: 'destroy' }
);

export interface FakePwnedServerOptions {
  /** Passwords the corpus knows, with how often each was seen. */
  passwords?: Record<string, number>;
  /** Upper- or lower-case SHA-1 hex → times seen. */
  hashes?: Record<string, number>;
  /** Padding rows (count 0) added when the request has `Add-Padding: true`. */
  paddingLines?: number;
  /** Full hashes that padding always includes (count 0), to prove padding rows are not matches. */
  paddingHashes?: string[];
  /** Answers with lower-case suffixes (the real API answers upper case). */
  lowercase?: boolean;
}

export interface FakePwnedServer {
  /** `http://127.0.0.1:<port>`, the base URL for the range client. */
  readonly url: string;
  readonly requests: FakeRequest[];
  /** The most requests that were in flight at once. */
  readonly maxInFlight: number;
  /** Adds a behaviour for one prefix (5 hex characters) or, without a prefix, for every request. */
  behave(behaviour: FakeBehaviour, prefix?: string): void;
  close(): Promise<void>;
}

/** Upper-case SHA-1 hex of a password, as the range API indexes it. */
export const sha1 = (password: string) =>
  createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();

/**
 * A local stand-in for the Pwned Passwords range API (`GET /range/:prefix`), listening on an
 * ephemeral loopback port. It records every request and can misbehave on demand. Close it after
 * each test: `close()` also drops open and stalled connections.
 */
export async function startFakePwnedServer(options: FakePwnedServerOptions = {}): Promise<FakePwnedServer> {
  const corpus = new Map<string, number>();
  for (const [password, count] of Object.entries(options.passwords ?? {})) corpus.set(sha1(password), count);
  for (const [hash, count] of Object.entries(options.hashes ?? {})) corpus.set(hash.toUpperCase(), count);
  const paddingHashes = (options.paddingHashes ?? []).map((h) => h.toUpperCase());
  const behaviours: { prefix: string | null; behaviour: FakeBehaviour; used: number }[] = [];
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const rangeBody = (prefix: string, padded: boolean): string => {
    const rows: string[] = [];
    for (const [hash, count] of corpus) if (hash.startsWith(prefix)) rows.push(`${hash.slice(5)}:${count}`);
    if (padded) {
      for (const hash of paddingHashes) if (hash.startsWith(prefix)) rows.push(`${hash.slice(5)}:0`);
      for (let i = 0; i < (options.paddingLines ?? 12); i += 1) {
        rows.push(`${randomBytes(18).toString('hex').toUpperCase().slice(0, 35)}:0`);
      }
    }
    const body = rows.join('\r\n');
    return options.lowercase ? body.replace(/[A-F]/g, (c) => c.toLowerCase()) : body;
  };

  const pick = (prefix: string): FakeBehaviour | null => {
    const match = behaviours.find(
      (b) => (b.prefix === null || b.prefix === prefix) && b.used < (b.behaviour.times ?? Infinity),
    );
    if (!match) return null;
    match.used += 1;
    return match.behaviour;
  };

  const server = createServer((req, res) => {
    const record: FakeRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      responseBody: '',
    };
    requests.push(record);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      record.responseBody = body;
      res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
      res.end(body);
    };

    const match = /^\/range\/([0-9A-Fa-f]{5})$/.exec(req.url ?? '');
    if (req.method !== 'GET' || !match) return send(404, 'Not found');
    const prefix = match[1]!.toUpperCase();
    const padded = String(req.headers['add-padding']).toLowerCase() === 'true';
    const behaviour = pick(prefix);
    if (!behaviour) return send(200, rangeBody(prefix, padded));
    switch (behaviour.kind) {
      case 'status':
        return send(behaviour.status, behaviour.body ?? `Error ${behaviour.status}`);
      case 'rate-limit':
        return send(
          429,
          'Rate limit exceeded',
          behaviour.retryAfter === undefined ? {} : { 'Retry-After': behaviour.retryAfter },
        );
      case 'malformed':
        return send(200, behaviour.body);
      case 'delay':
        if (behaviour.phase === 'mid-body') return stallMidBody(res, rangeBody(prefix, padded), behaviour.ms);
        return later(behaviour.ms, () => {
          if (!res.destroyed) send(200, rangeBody(prefix, padded));
        });
      case 'destroy': {
        const body = rangeBody(prefix, padded);
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(body.length) });
        res.write(body.slice(0, Math.floor(body.length / 2)));
        return later(5, () => res.socket?.destroy());
      }
    }
  });

  const stallMidBody = (res: ServerResponse, body: string, ms: number) => {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(body.length) });
    res.write(body.slice(0, Math.floor(body.length / 2)));
    later(ms, () => {
      if (!res.destroyed) res.end(body.slice(Math.floor(body.length / 2)));
    });
  };

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    behave(behaviour, prefix) {
      behaviours.push({ prefix: prefix?.toUpperCase() ?? null, behaviour, used: 0 });
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback URL nothing listens on (a server is started and closed to free its port). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
