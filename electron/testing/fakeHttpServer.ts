import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request the fake server received, exactly as it arrived. */
export interface FakeHttpRequest {
  method: string;
  /** The raw request target: path and any query string (still percent-encoded). */
  url: string;
  /** The path without the query string (still percent-encoded). */
  pathname: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body the server answered with ('' when it answered none or broke the connection first). */
  responseBody: string;
}

/** A normal answer. */
export interface FakeHttpResponse {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

/** A fixed answer, or one computed from the request. */
export type FakeHttpHandler = FakeHttpResponse | ((request: FakeHttpRequest) => FakeHttpResponse);

/**
 * What the server does instead of answering normally. `times` limits it to the first N matching
 * requests (then the server answers normally); without it the behaviour lasts.
 */
export type FakeHttpBehaviour = { times?: number } & (
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'rate-limit'; retryAfter?: string }
  /** Waits before the headers, or after the headers and half the body ('mid-body'). */
  | { kind: 'delay'; ms: number; phase?: 'before-headers' | 'mid-body' }
  /** Answers 200 with this body instead of the normal one. */
  | { kind: 'body'; body: string }
  /** Sends the headers and part of the body, then destroys the connection. */
  | { kind: 'destroy' }
);

export interface FakeHttpServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly requests: FakeHttpRequest[];
  /** Answers requests whose path equals `path` (a string) or matches it (a RegExp). */
  serve(path: string | RegExp, handler: FakeHttpHandler): void;
  /** Adds a misbehaviour for requests whose path matches `path`, or for every request without one. */
  behave(behaviour: FakeHttpBehaviour, path?: string | RegExp): void;
  close(): Promise<void>;
}

const matches = (pattern: string | RegExp, pathname: string) =>
  typeof pattern === 'string' ? pattern === pathname : pattern.test(pathname);

/**
 * A small HTTP server on an ephemeral loopback port for testing online clients: routes answer by
 * path, every request is recorded, and misbehaviours (error statuses, 429, stalls, garbage, dropped
 * connections) can be switched on per path. Unrouted paths answer 404. Close it after each test:
 * `close()` also drops open and stalled connections. (`fakePwnedServer.ts` is the range-API twin.)
 */
export async function startFakeHttpServer(): Promise<FakeHttpServer> {
  const routes: { path: string | RegExp; handler: FakeHttpHandler }[] = [];
  const behaviours: { path: string | RegExp | null; behaviour: FakeHttpBehaviour; used: number }[] = [];
  const requests: FakeHttpRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const pick = (pathname: string): FakeHttpBehaviour | null => {
    const match = behaviours.find(
      (b) => (b.path === null || matches(b.path, pathname)) && b.used < (b.behaviour.times ?? Infinity),
    );
    if (!match) return null;
    match.used += 1;
    return match.behaviour;
  };

  const server = createServer((req, res) => {
    const raw = req.url ?? '';
    const parsed = new URL(raw, 'http://127.0.0.1');
    const record: FakeHttpRequest = {
      method: req.method ?? '',
      url: raw,
      pathname: raw.split('?')[0] ?? '',
      query: parsed.searchParams,
      headers: req.headers,
      responseBody: '',
    };
    requests.push(record);
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      record.responseBody = body;
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(body);
    };
    const normal = (): FakeHttpResponse => {
      const route = routes.find((r) => matches(r.path, record.pathname));
      if (!route) return { status: 404, body: 'Not found' };
      return typeof route.handler === 'function' ? route.handler(record) : route.handler;
    };
    const answer = () => {
      const response = normal();
      send(response.status ?? 200, response.body, response.headers);
    };

    const behaviour = pick(record.pathname);
    if (!behaviour) return answer();
    switch (behaviour.kind) {
      case 'status':
        return send(behaviour.status, behaviour.body ?? `Error ${behaviour.status}`, behaviour.headers);
      case 'rate-limit':
        return send(
          429,
          'Rate limit is exceeded.',
          behaviour.retryAfter === undefined ? {} : { 'Retry-After': behaviour.retryAfter },
        );
      case 'body':
        return send(200, behaviour.body);
      case 'delay':
        if (behaviour.phase === 'mid-body') return stallMidBody(res, normal().body, behaviour.ms);
        return later(behaviour.ms, () => {
          if (!res.destroyed) answer();
        });
      case 'destroy': {
        const body = Buffer.from(normal().body, 'utf8');
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) });
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        return later(5, () => res.socket?.destroy());
      }
    }
  });

  const stallMidBody = (res: ServerResponse, body: string, ms: number) => {
    const bytes = Buffer.from(body, 'utf8');
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    later(ms, () => {
      if (!res.destroyed) res.end(bytes.subarray(Math.floor(bytes.length / 2)));
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
    serve(path, handler) {
      routes.push({ path, handler });
    },
    behave(behaviour, path) {
      behaviours.push({ path: path ?? null, behaviour, used: 0 });
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
