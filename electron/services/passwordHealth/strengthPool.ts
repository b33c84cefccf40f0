import { createRequire } from 'node:module';
import { format } from '../../../common/messages/format';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEn from '@zxcvbn-ts/language-en';
import type { StrengthEstimate, StrengthScore } from '../../../common/domain/passwords/strength';
import { FAST_MATCHING_SOURCE, FAST_MATCHING_ZXCVBN_VERSION } from './fastMatchingSource';
import { FAST_SCORING_PATTERNS, FAST_SCORING_SOURCE, FAST_SCORING_ZXCVBN_VERSION } from './fastScoringSource';
import { STRENGTH_WORKER_SOURCE } from './strengthWorkerSource';
import { userInputsCanMatch, type L33tTable } from './userInputs';

/**
 * Password strength scoring with zxcvbn-ts, off the main thread.
 *
 * zxcvbn is slow — tens of milliseconds for some passwords — and loading its dictionaries takes a
 * few hundred milliseconds, so a pool of worker threads (each loading the dictionaries once) scores
 * each distinct password once, in chunks that report progress and can be cancelled.
 *
 * Tuning, `l33tMaxSubstitutions: 10` (zxcvbn's default is 100): the l33t matcher tries every
 * combination of substitutions, which explodes on passwords full of digits and symbols. Measured on
 * this project's 2-core build machine (Node 20, one thread, CPU time), on a mixed sample of 400
 * passwords (NCSC-list entries, a third with `!<n>` suffixes, a quarter random base64): default
 * options ~84 passwords/s, `10` ~320/s with the same score for all 400, `0` ~1,200/s but 2 of 400
 * scores differ — so `10`. TOOLCHAIN.md saw the same trade (33/s → 150/s, identical scores).
 * A test pins "same scores as the defaults" on a sample, so a zxcvbn upgrade that breaks it shows.
 *
 * Speed: zxcvbn-ts as published scores ~170 passwords/s per core on the scoring benchmark's mix
 * (bench/README.md, "Where the time goes": ~87% of it in dictionary scans). For jobs of 50+
 * distinct passwords per worker, the workers install `fastMatchingSource.ts`, which finds exactly
 * the same matches with ~7× less CPU per password, for the zxcvbn-ts version it was checked
 * against. Measured on 2 idle cores, 10,000 distinct passwords: ~330/s before, ~2,100/s from a cold
 * pool, ~3,100/s warm. A worker loads zxcvbn-ts in ~0.3 s and builds the index in ~0.27 s. Every
 * worker also runs `fastScoringSource.ts`, zxcvbn's scoring with the same results at a quarter to
 * a third of its CPU (it was about half of a `check()`): ~2,000 passwords per CPU second from a
 * cold pool.
 * Callers show progress and may cancel.
 */

/**
 * zxcvbn-ts's translations with each text replaced by its own key, so the feedback it gives is a
 * key ("topHundred") that the message catalogue words (`strengthWarningText`): its English is
 * never shown. The worker builds the same (strengthWorkerSource.ts).
 */
export function translationKeys<T extends Record<string, Record<string, string>>>(translations: T): T {
  return Object.fromEntries(
    Object.entries(translations).map(([group, texts]) => [
      group,
      Object.fromEntries(Object.keys(texts).map((key) => [key, key])),
    ]),
  ) as T;
}

/** The zxcvbn options beyond dictionaries, graphs and translations; the same in workers and {@link scoreSync}. */
export const ZXCVBN_TUNING = { l33tMaxSubstitutions: 10 } as const;

/** Passwords per message to a worker: small enough for smooth progress and prompt cancellation. */
const DEFAULT_CHUNK_SIZE = 100;

/**
 * A worker's young generation (V8's nursery for short-lived objects), in MB. zxcvbn makes a lot of
 * short-lived garbage, so with V8's default (16 MB semi-spaces) each worker's nursery grew to its
 * maximum, ~35 MB of a worker. With 4 MB the 10,000-login import's peak RSS fell by ~70 MB for two
 * workers (bench/README.md, issue #17). Since the workers stopped building zxcvbn's ranked
 * dictionaries, 8 MB costs no peak RSS (the peak is the main thread's write now) and saves
 * ~0.2–0.3 s of the scavenges' CPU on that import; 16 MB saves no more and adds ~15 MB.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/** Idle workers stop after this long (see {@link StrengthScorerOptions.idleMs}). */
const DEFAULT_IDLE_MS = 30_000;

/**
 * At most this many workers: each holds ~40–55 MB (zxcvbn-ts and its word lists, let go once the
 * fast search is installed; zxcvbn's ranked dictionaries are built only if its own search runs,
 * for a small job or a password the fast search hands back); the fast search's index
 * (~10 MB) is one for the pool.
 */
const MAX_DEFAULT_WORKERS = 4;

/**
 * The fast dictionary search is installed in the workers for a job of at least this many
 * distinct passwords per worker: building its index (~0.25 s) costs what zxcvbn as published
 * spends on ~50 passwords. A worker keeps it for later jobs.
 */
const FAST_MATCHING_MIN_PER_WORKER = 50;

/** One password to score, with words an attacker would try first (user name, email, service). */
export interface StrengthItem {
  password: string;
  userInputs: string[];
}

/** Absolute paths of the zxcvbn-ts modules the workers load. */
export interface ZxcvbnModulePaths {
  core: string;
  common: string;
  en: string;
  /** zxcvbn's l33t variant generator, which the fast dictionary search reuses. */
  cleanPasswords: string;
  /** zxcvbn's guess estimate of one match, which the cheaper scoring reuses. */
  estimate: string;
  /** zxcvbn's scoring function of each pattern its estimate scores itself, which the cheaper scoring calls. */
  scorers: Record<string, string>;
}

/** The installed zxcvbn-ts package versions. */
export interface ZxcvbnVersions {
  core: string;
  common: string;
  en: string;
}

/** How to build a {@link StrengthScorer}. */
export interface StrengthScorerOptions {
  /** Worker threads (default {@link defaultWorkerCount}). */
  workers?: number;
  /** Passwords per message to a worker (default 100). */
  chunkSize?: number;
  /**
   * A file or file URL from which `@zxcvbn-ts/*` resolve, for unusual layouts. Default: this
   * module's own location (the bundle `out/main/index.js` after an electron-vite build).
   */
  requireFrom?: string | URL;
  /**
   * Idle workers stop after this many milliseconds without work (default 30 s), giving their
   * memory back; the next job starts them again.
   */
  idleMs?: number;
  /**
   * Install the fast dictionary search in the workers (default true), for jobs of at least 50
   * distinct passwords per worker. It is used only with the zxcvbn-ts version it was checked
   * against; `false` (with `fastScoring: false`) runs zxcvbn-ts exactly as published (the scoring
   * benchmark's reference).
   */
  fastMatching?: boolean;
  /**
   * Install the cheaper run of zxcvbn's scoring (`fastScoringSource.ts`: the same results) in the
   * workers (default true), for every job, with the zxcvbn-ts version it was checked against.
   */
  fastScoring?: boolean;
}

/** Counters for benchmarks and tests; no password data. */
export interface StrengthScorerStats {
  /** Worker threads started so far (restarts after a crash included). */
  workersStarted: number;
  /** Passwords the workers have scored (distinct per call). */
  passwordsScored: number;
  /** Messages (chunks of passwords) sent to the workers. */
  chunksSent: number;
  /** Milliseconds each started worker took to load zxcvbn and its dictionaries. */
  loadMs: number[];
  /** Milliseconds each worker that installed the fast dictionary search took to build its index. */
  indexMs: number[];
  /** Workers that installed it with an index another worker built (shared memory, no build). */
  indexesShared: number;
  /**
   * Whether the workers run the fast dictionary search: null until a job large enough to want it
   * (see {@link StrengthScorerOptions.fastMatching}), then true if every worker that tried has it.
   */
  fastMatching: boolean | null;
  /** Whether the workers run the cheaper scoring: null until one has started, then true if all have it. */
  fastScoring: boolean | null;
}

/** A pool of strength-scoring workers. Workers start on first use and stay until {@link close}. */
export interface StrengthScorer {
  /**
   * Scores `items`; the results are in input order. Identical (password, userInputs) pairs are
   * scored once. `onProgress(done, total)` counts distinct passwords: called with 0 first, then
   * after each chunk, ending at `total`. Aborting `signal` rejects with `signal.reason` (an
   * `AbortError` DOMException unless the caller gave another reason) and drops the queued work.
   */
  score(
    items: readonly StrengthItem[],
    onProgress?: (done: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<StrengthEstimate[]>;
  /**
   * Whether `userInputs` could change the estimate of `password` (see `userInputs.ts`): when
   * false, scoring without them gives exactly the same estimate. Runs on the calling thread.
   */
  userInputsCanMatch(password: string, userInputs: readonly string[]): boolean;
  /**
   * What the estimates depend on besides the password: the zxcvbn-ts package versions and the
   * tuning. A stored verdict is reusable only under the same text.
   */
  readonly verdictVersion: string;
  /**
   * Starts the workers ahead of a job of about `distinctPasswords` passwords (no more workers than
   * that), so that their start-up — loading zxcvbn-ts, and building the fast dictionary search's
   * index when the job is large enough for it — overlaps the caller's own work (reading and
   * planning an import). Workers already running are kept; does nothing once closed.
   */
  prepare(distinctPasswords: number): void;
  /**
   * Stops the idle workers, giving their memory back (~55 MB each); a later {@link score} starts
   * them again. Workers busy with a chunk are left to finish it. Resolves once they have exited.
   */
  release(): Promise<void>;
  /** Stops the workers; pending calls reject. Later calls to `score` reject. */
  close(): Promise<void>;
  /** Counters for benchmarks and tests. */
  stats(): StrengthScorerStats;
}

/**
 * The default pool size: one worker per core the process may use (`os.availableParallelism()`),
 * at least 1 and at most 4. The main thread only waits while the workers score.
 */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, availableParallelism()));
}

/**
 * Resolves the zxcvbn-ts modules (their CommonJS builds) from `from` — a file path or file URL.
 * Throws the usual `MODULE_NOT_FOUND` error if they are not installed.
 */
export function resolveZxcvbnModules(from: string | URL = import.meta.url): ZxcvbnModulePaths {
  const resolve = (id: string) => unpacked(createRequire(from).resolve(id));
  return {
    core: resolve('@zxcvbn-ts/core'),
    common: resolve('@zxcvbn-ts/language-common'),
    en: resolve('@zxcvbn-ts/language-en'),
    cleanPasswords: resolve(
      '@zxcvbn-ts/core/dist/matcher/dictionary/variants/matching/unmunger/getCleanPasswords.cjs',
    ),
    estimate: resolve('@zxcvbn-ts/core/dist/scoring/estimate.cjs'),
    scorers: Object.fromEntries(
      FAST_SCORING_PATTERNS.map((pattern) => [
        pattern,
        resolve(`@zxcvbn-ts/core/dist/matcher/${pattern}/scoring.cjs`),
      ]),
    ),
  };
}

/** The versions of the zxcvbn-ts packages resolved from `from` (as {@link resolveZxcvbnModules}). */
export function zxcvbnVersions(from: string | URL = import.meta.url): ZxcvbnVersions {
  const load = createRequire(from);
  const version = (id: string) => (load(`${id}/package.json`) as { version: string }).version;
  return {
    core: version('@zxcvbn-ts/core'),
    common: version('@zxcvbn-ts/language-common'),
    en: version('@zxcvbn-ts/language-en'),
  };
}

/** The verdict version text for these packages and {@link ZXCVBN_TUNING}. */
function verdictVersionOf(versions: ZxcvbnVersions): string {
  const tuning = Object.entries(ZXCVBN_TUNING)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(',');
  // "feedback keys": verdicts stored before the feedback became keys held zxcvbn's English.
  return `zxcvbn-ts core ${versions.core}, language-common ${versions.common}, language-en ${versions.en}; ${tuning}; feedback keys`;
}

/**
 * In a packaged app the modules sit inside `app.asar`; electron-builder also unpacks them
 * (`asarUnpack` in electron-builder.yml) so the worker threads can load them from plain files.
 */
function unpacked(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

type WorkerItem = [password: string, userInputs: string[]];

interface Job {
  readonly items: WorkerItem[];
  readonly results: (StrengthEstimate | undefined)[];
  /** For each input item, the index of its distinct item. */
  readonly inputToDistinct: number[];
  done: number;
  isSettled: boolean;
  readonly onProgress: ((done: number, total: number) => void) | undefined;
  readonly resolve: (results: StrengthEstimate[]) => void;
  readonly reject: (reason: unknown) => void;
  readonly detachAbort: () => void;
}

interface Chunk {
  readonly id: number;
  readonly job: Job;
  /** The job is large enough for the fast dictionary search. */
  readonly fast: boolean;
  readonly start: number;
  readonly items: WorkerItem[];
}

interface PoolWorker {
  readonly worker: Worker;
  chunk: Chunk | null;
  /** Has the fast search's index or is getting it: building it (a fast chunk, `prepare`) or given it. */
  isIndexing: boolean;
}

/** The fast search's index as a worker built it: typed arrays over SharedArrayBuffers (opaque here). */
type SharedIndex = object;

type WorkerMessage =
  | { type: 'ready'; loadMs: number; fastScoring: boolean }
  | { type: 'indexed'; ms: number; fastMatching: boolean; shared: boolean; index: SharedIndex | null }
  | { type: 'done'; chunkId: number; results: StrengthEstimate[] }
  | { type: 'failed'; chunkId: number; errorName: string };

/**
 * Creates a pool of zxcvbn worker threads. Each worker is an eval worker (see
 * `strengthWorkerSource.ts`) that loads zxcvbn-ts from paths resolved here, so the pool works the
 * same from TypeScript sources (Vitest, tsx) and from the electron-vite bundle.
 */
export function createStrengthScorer(options: StrengthScorerOptions = {}): StrengthScorer {
  const maxWorkers = Math.max(1, Math.floor(options.workers ?? defaultWorkerCount()));
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const modules = resolveZxcvbnModules(options.requireFrom);
  const versions = zxcvbnVersions(options.requireFrom);
  const fastMatching = (options.fastMatching ?? true) && versions.core === FAST_MATCHING_ZXCVBN_VERSION;
  const fastScoring = (options.fastScoring ?? true) && versions.core === FAST_SCORING_ZXCVBN_VERSION;
  const verdictVersion = verdictVersionOf(versions);
  const workers: PoolWorker[] = [];
  const queue: Chunk[] = [];
  const counters: StrengthScorerStats = {
    workersStarted: 0,
    passwordsScored: 0,
    chunksSent: 0,
    loadMs: [],
    indexMs: [],
    indexesShared: 0,
    fastMatching: null,
    fastScoring: null,
  };
  const idleMs = Math.max(0, options.idleMs ?? DEFAULT_IDLE_MS);
  let l33tTable: L33tTable | undefined;
  let nextChunkId = 1;
  let isClosed = false;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  // The first index a worker built, handed to the others (kept while any worker is running).
  let sharedIndex: SharedIndex | null = null;
  // The worker building the index, until it reports.
  let builder: PoolWorker | null = null;

  // Gives the shared index to a worker that has not started on one of its own.
  const share = (entry: PoolWorker): void => {
    if (sharedIndex === null || entry.isIndexing) return;
    entry.isIndexing = true;
    entry.worker.postMessage({ type: 'index', index: sharedIndex });
  };

  // Re-armed whenever the pool falls idle; cleared by new work.
  const watchIdle = (): void => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if (isClosed || workers.length === 0 || queue.length > 0 || workers.some((entry) => entry.chunk)) return;
    idleTimer = setTimeout(() => void release(), idleMs);
    idleTimer.unref();
  };

  const settle = (job: Job): void => {
    job.isSettled = true;
    job.detachAbort();
    for (let i = queue.length - 1; i >= 0; i -= 1) {
      if (queue[i]!.job === job) queue.splice(i, 1);
    }
  };

  const fail = (job: Job, reason: unknown): void => {
    if (job.isSettled) return;
    settle(job);
    job.reject(reason);
  };

  const progress = (job: Job): void => {
    if (!job.onProgress) return;
    try {
      job.onProgress(job.done, job.items.length);
    } catch (error) {
      fail(job, error);
    }
  };

  const complete = (chunk: Chunk, results: StrengthEstimate[]): void => {
    const job = chunk.job;
    counters.passwordsScored += chunk.items.length;
    if (job.isSettled) return;
    results.forEach((result, offset) => {
      job.results[chunk.start + offset] = result;
    });
    job.done += chunk.items.length;
    progress(job);
    if (job.isSettled || job.done < job.items.length) return;
    // Built before settling, so a failure here still rejects the job instead of leaving it hanging.
    const ordered = job.inputToDistinct.map((index) => {
      const result = job.results[index];
      if (!result) throw new Error('A password strength result went missing.');
      return { ...result, suggestions: [...result.suggestions] };
    });
    settle(job);
    job.resolve(ordered);
  };

  const remove = (entry: PoolWorker, reason: Error): void => {
    const at = workers.indexOf(entry);
    if (at === -1) return;
    workers.splice(at, 1);
    const chunk = entry.chunk;
    entry.chunk = null;
    if (chunk && !isClosed) fail(chunk.job, reason);
    if (builder === entry) builder = null;
    if (workers.length === 0) sharedIndex = null;
    if (!isClosed) dispatch();
    watchIdle();
  };

  const spawn = (): PoolWorker => {
    const worker = new Worker(STRENGTH_WORKER_SOURCE, {
      eval: true,
      workerData: { modules, tuning: ZXCVBN_TUNING, fastMatching, fastScoring },
      name: 'lockstep-strength',
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    const entry: PoolWorker = { worker, chunk: null, isIndexing: false };
    counters.workersStarted += 1;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        counters.loadMs.push(message.loadMs);
        counters.fastScoring = (counters.fastScoring ?? true) && message.fastScoring;
        return;
      }
      if (message.type === 'indexed') {
        if (message.shared) counters.indexesShared += 1;
        else if (message.fastMatching) counters.indexMs.push(message.ms);
        counters.fastMatching = (counters.fastMatching ?? true) && message.fastMatching;
        if (builder === entry) builder = null;
        if (message.index && sharedIndex === null && workers.includes(entry)) {
          sharedIndex = message.index;
          for (const other of workers) share(other);
        }
        // Workers that waited for the index take their chunks now.
        dispatch();
        return;
      }
      const chunk = entry.chunk;
      if (!chunk || chunk.id !== message.chunkId) return;
      entry.chunk = null;
      worker.unref();
      try {
        if (message.type === 'failed') {
          throw new Error(format('errors.scoring.workerFailed', { kind: message.errorName }));
        }
        if (message.results.length !== chunk.items.length) {
          throw new Error('A password strength worker returned the wrong number of results.');
        }
        complete(chunk, message.results);
      } catch (error) {
        fail(chunk.job, error);
      } finally {
        // Whatever happened to this job, the queue keeps moving for the others.
        dispatch();
        watchIdle();
      }
    });
    worker.on('error', (error) => {
      remove(
        entry,
        new Error(format('errors.scoring.workerStopped', { hasCode: 'no', code: '' }), { cause: error }),
      );
    });
    worker.on('exit', (code) => {
      remove(
        entry,
        new Error(format('errors.scoring.workerStopped', { hasCode: 'yes', code: String(code) })),
      );
    });
    workers.push(entry);
    return entry;
  };

  function dispatch(): void {
    while (queue.length > 0 && !isClosed) {
      const next = queue[0]!;
      // While one worker builds the index, the others wait for it rather than build their own
      // (the same time to get it, without the CPU and memory of a second build).
      const canTake = (candidate: PoolWorker) =>
        candidate.chunk === null &&
        !(next.fast && !candidate.isIndexing && sharedIndex === null && builder !== null);
      let entry = workers.find(canTake);
      if (!entry && workers.length < maxWorkers) {
        const spawned = spawn();
        if (canTake(spawned)) entry = spawned;
        else spawned.worker.unref();
      }
      if (!entry) return;
      const chunk = queue.shift()!;
      clearTimeout(idleTimer);
      entry.chunk = chunk;
      if (chunk.fast) {
        // With an index at hand, the worker installs it before the chunk; else it builds one.
        share(entry);
        if (!entry.isIndexing) {
          entry.isIndexing = true;
          builder = entry;
        }
      }
      // An idle worker does not keep the process alive (a CLI that forgets close() still exits);
      // a busy one does, until its chunk is back.
      entry.worker.ref();
      entry.worker.postMessage({ chunkId: chunk.id, items: chunk.items, fast: chunk.fast });
      counters.chunksSent += 1;
    }
  }

  const score: StrengthScorer['score'] = (items, onProgress, signal) => {
    if (isClosed) return Promise.reject(new Error(format('errors.scoring.closed')));
    if (signal?.aborted) return Promise.reject(abortReason(signal));

    const distinctIndex = new Map<string, number>();
    const distinct: WorkerItem[] = [];
    const inputToDistinct = items.map((item) => {
      const userInputs = [...item.userInputs];
      const key = JSON.stringify([item.password, userInputs]);
      let index = distinctIndex.get(key);
      if (index === undefined) {
        index = distinct.length;
        distinctIndex.set(key, index);
        distinct.push([item.password, userInputs]);
      }
      return index;
    });
    distinctIndex.clear();
    if (distinct.length === 0) return Promise.resolve([]);

    return new Promise<StrengthEstimate[]>((resolve, reject) => {
      const onAbort = (): void => fail(job, abortReason(signal!));
      const job: Job = {
        items: distinct,
        results: new Array<StrengthEstimate | undefined>(distinct.length),
        inputToDistinct,
        done: 0,
        isSettled: false,
        onProgress,
        resolve,
        reject,
        detachAbort: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      progress(job);
      if (job.isSettled) return;
      const fast = isFastJob(distinct.length);
      // Several chunks per worker even for small jobs, so both workers share the work.
      const size = Math.min(chunkSize, Math.max(1, Math.ceil(distinct.length / (maxWorkers * 4))));
      for (let start = 0; start < distinct.length; start += size) {
        queue.push({ id: nextChunkId++, job, fast, start, items: distinct.slice(start, start + size) });
      }
      dispatch();
    });
  };

  const isFastJob = (distinctPasswords: number): boolean =>
    fastMatching && distinctPasswords >= FAST_MATCHING_MIN_PER_WORKER * maxWorkers;

  const prepare = (distinctPasswords: number): void => {
    if (isClosed || !(distinctPasswords > 0)) return;
    const wanted = Math.min(maxWorkers, Math.ceil(distinctPasswords));
    while (workers.length < wanted) {
      const entry = spawn();
      // Starting up does not keep the process alive; a chunk does (see dispatch).
      entry.worker.unref();
    }
    if (isFastJob(distinctPasswords)) {
      if (sharedIndex !== null) for (const entry of workers) share(entry);
      else if (!workers.some((entry) => entry.isIndexing)) {
        // One worker builds the index; the others get it from the pool when it is built.
        builder = workers[0]!;
        builder.isIndexing = true;
        builder.worker.postMessage({ type: 'prepare', fast: true });
      }
    }
    watchIdle();
  };

  const release = async (): Promise<void> => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    const idle = workers.filter((entry) => entry.chunk === null);
    // Out of the pool first, so their exit is not taken for a crash.
    for (const entry of idle) workers.splice(workers.indexOf(entry), 1);
    if (builder !== null && !workers.includes(builder)) builder = null;
    if (workers.length === 0) sharedIndex = null;
    await Promise.all(idle.map((entry) => entry.worker.terminate()));
  };

  const close = async (): Promise<void> => {
    if (isClosed) return;
    isClosed = true;
    clearTimeout(idleTimer);
    sharedIndex = null;
    const closedError = new Error(format('errors.scoring.closed'));
    for (const chunk of [...queue]) fail(chunk.job, closedError);
    for (const entry of workers) if (entry.chunk) fail(entry.chunk.job, closedError);
    queue.length = 0;
    const stopping = workers.splice(0).map((entry) => entry.worker.terminate());
    await Promise.all(stopping);
  };

  return {
    score,
    userInputsCanMatch(password, userInputs) {
      l33tTable ??= zxcvbnL33tTable(modules);
      return userInputsCanMatch(password, userInputs, l33tTable);
    },
    verdictVersion,
    prepare,
    release,
    close,
    stats: () => ({ ...counters, loadMs: [...counters.loadMs], indexMs: [...counters.indexMs] }),
  };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException(format('errors.scoring.cancelled'), 'AbortError');
}

type ZxcvbnModules = {
  core: typeof ZxcvbnCore;
  common: typeof ZxcvbnCommon;
  en: typeof ZxcvbnEn;
};

/**
 * zxcvbn's l33t table (its default: Lockstep does not set one), read on the calling thread: the
 * data module its options take it from (loading all of zxcvbn-ts here took ~25 ms, just before an
 * import's first chunk of passwords goes to the workers), or its options where that file moved.
 */
function zxcvbnL33tTable(modules: ZxcvbnModulePaths): L33tTable {
  const load = createRequire(import.meta.url);
  try {
    const table = load(join(dirname(modules.core), 'data', 'l33tTable.cjs')) as unknown;
    if (isL33tTable(table)) return table;
  } catch {
    // Another layout: zxcvbn's options below.
  }
  return new (load(modules.core) as typeof ZxcvbnCore).Options().l33tTable;
}

const isL33tTable = (value: unknown): value is L33tTable =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((subs) => Array.isArray(subs) && subs.every((sub) => typeof sub === 'string'));

/** How {@link createZxcvbn} builds an instance. */
export interface CreateZxcvbnOptions {
  /** Install the fast dictionary search as the workers do (default false: zxcvbn-ts as published). */
  fastMatching?: boolean;
  /** Install the cheaper scoring as the workers do (default false: zxcvbn-ts as published). */
  fastScoring?: boolean;
  /** As {@link StrengthScorerOptions.requireFrom}. */
  requireFrom?: string | URL;
}

/**
 * Builds a zxcvbn instance on the calling thread exactly as the workers do (same modules,
 * dictionaries, graphs, translations and {@link ZXCVBN_TUNING}; with `fastMatching`, the fast
 * dictionary search, with `fastScoring` the cheaper scoring, each when its version check passes).
 * For {@link scoreSync}, tests and benchmarks; loading takes ~0.3 s, the index ~0.3 s more.
 */
export function createZxcvbn(options: CreateZxcvbnOptions = {}): {
  zxcvbn: ZxcvbnFactory;
  fastMatching: boolean;
  fastScoring: boolean;
} {
  const modules = resolveZxcvbnModules(options.requireFrom);
  const load = createRequire(import.meta.url);
  const { core, common, en } = {
    core: load(modules.core),
    common: load(modules.common),
    en: load(modules.en),
  } as ZxcvbnModules;
  const zxcvbn = new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: translationKeys(en.translations),
    ...ZXCVBN_TUNING,
  });
  const version = zxcvbnVersions(options.requireFrom).core;
  let fastScoring = false;
  if (options.fastScoring && version === FAST_SCORING_ZXCVBN_VERSION) {
    // The same source the workers evaluate (see strengthWorkerSource.ts).
    const install = new Function(`return (${FAST_SCORING_SOURCE});`)() as (
      instance: ZxcvbnFactory,
      estimate: unknown,
      scorers: Record<string, unknown>,
    ) => boolean;
    const scorers = Object.fromEntries(
      Object.entries(modules.scorers).map(([pattern, path]) => [pattern, load(path) as unknown]),
    );
    fastScoring = install(zxcvbn, load(modules.estimate), scorers);
  }
  let fastMatching = false;
  if (options.fastMatching && version === FAST_MATCHING_ZXCVBN_VERSION) {
    // The same source the workers evaluate (see strengthWorkerSource.ts).
    const install = new Function(`return (${FAST_MATCHING_SOURCE});`)() as (
      instance: ZxcvbnFactory,
      getCleanPasswords: unknown,
    ) => unknown;
    fastMatching = install(zxcvbn, load(modules.cleanPasswords)) !== false;
  }
  return { zxcvbn, fastMatching, fastScoring };
}

// The zxcvbn instance for scoreSync, built on first use (it holds dictionaries, never passwords).
let syncZxcvbn: ZxcvbnFactory | undefined;

/**
 * Scores one password on the calling thread, with the same options as the pool. The first call
 * loads the dictionaries (~0.3 s); a call can take tens of milliseconds. For a handful of
 * passwords (a single edited account, tests); use {@link createStrengthScorer} for imports.
 */
export function scoreSync(password: string, userInputs: readonly string[] = []): StrengthEstimate {
  // Without the fast search: for a handful of passwords its index is not worth building. With the
  // cheaper scoring, as the workers (the same results as zxcvbn-ts as published either way).
  syncZxcvbn ??= createZxcvbn({ fastScoring: true }).zxcvbn;
  const result = syncZxcvbn.check(password, [...userInputs]);
  return {
    score: result.score as StrengthScore,
    guessesLog10: result.guessesLog10,
    warning: result.feedback.warning ?? '',
    suggestions: [...result.feedback.suggestions],
  };
}
