import { Worker } from 'node:worker_threads';
import { format } from '../../../common/messages/format';
import { CORPUS_PARSER_SOURCE, parserSettings, type SegmentFailure } from './corpusParserSource';

/**
 * Threads that parse corpus segments for the index builder (builder.ts), so that a large build
 * uses more than one core: the main thread reads, hands batches of whole lines over, stitches the
 * results in order and writes the records; the workers parse.
 *
 * Each worker is an eval worker (the code below as a string, with the parser of
 * corpusParserSource.ts in it), like the strength workers: no bundling entry of its own, the same
 * in Vitest, tsx, the CLI bundle and electron-vite's main bundle. A batch's bytes and the buffer
 * its records go to are SharedArrayBuffers that the builder owns and reuses: nothing is copied
 * on the way and nothing is transferred. (Transferring would detach ArrayBuffers, and once a
 * thread has detached one, V8 checks every typed array access in its hot loops for detachment:
 * the parse ran ~25% slower in a worker that handed its buffers back by transfer.) A worker counts
 * the records of a batch per bucket as runs (records are sorted: a few hundred pairs a batch), which
 * the builder adds to its table.
 *
 * Protocol (main → worker): `{ type: 'parse', id, input, segments, records }` (`segments`: an
 * Int32Array of [start, end, prefix] per segment, each a run of whole lines parsed as `final`;
 * `records` large enough for all of them). Worker → main: `{ type: 'parsed', id, meta, runs,
 * failure }` (`meta`: SEGMENT_META figures of each segment up to the refused one, if any: the
 * segments after it are not parsed; `runs`: [bucket, records] pairs).
 */
const PARSE_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const api = (${CORPUS_PARSER_SOURCE})(workerData.settings);
const parser = new api.SegmentParser(null);
const SIZE = workerData.settings.meta.size;
parentPort.on('message', (message) => {
  if (message.type === 'parse') {
    const input = Buffer.from(message.input);
    const out = Buffer.from(message.records);
    const segments = message.segments;
    const count = segments.length / 3;
    const meta = new Float64Array(count * SIZE);
    let at = 0;
    let failure = null;
    for (let i = 0; i < count; i += 1) {
      const ok = parser.run(input, segments[3 * i], segments[3 * i + 1], true, segments[3 * i + 2], out, at);
      parser.writeMeta(meta, i * SIZE);
      if (!ok) {
        failure = { index: i, line: parser.failure.line, problem: parser.failure.problem };
        break;
      }
      at = parser.outEnd;
    }
    const runs = Int32Array.from(parser.takeRuns());
    parentPort.postMessage({ type: 'parsed', id: message.id, meta, runs, failure });
  }
});
`;

/** What a worker sends back for a batch (its records are in the job's `records`). */
export interface ParsedBatch {
  meta: Float64Array;
  /** The batch's records per bucket: [bucket, records] pairs. */
  runs: Int32Array;
  /** The refused line, if any: the segments after it were not parsed. */
  failure: (SegmentFailure & { index: number }) | null;
}

export interface BatchJob {
  input: SharedArrayBuffer;
  /** [start, end, prefix] per segment. */
  segments: Int32Array;
  /** Where the records go, each segment's from its SEGMENT_META.recordsStart: room for all. */
  records: SharedArrayBuffer;
}

interface Pending {
  resolve(batch: ParsedBatch): void;
  reject(error: unknown): void;
}

interface WorkerEntry {
  worker: Worker;
  inFlight: number;
}

type WorkerMessage = { type: 'parsed'; id: number } & ParsedBatch;

/**
 * A fixed set of parse workers, started at once. Batches go to the worker with the fewest in
 * flight; results come back as promises. A worker that fails or exits rejects everything pending
 * (and every later call) with an internal error.
 */
export class ParseWorkers {
  private readonly entries: WorkerEntry[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;
  private isClosed = false;

  constructor(count: number) {
    const workerData = { settings: parserSettings() };
    for (let i = 0; i < count; i += 1) {
      const worker = new Worker(PARSE_WORKER_SOURCE, {
        eval: true,
        workerData,
        name: 'lockstep-pwned-parse',
      });
      const entry: WorkerEntry = { worker, inFlight: 0 };
      worker.on('message', (message: WorkerMessage) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        entry.inFlight -= 1;
        waiting.resolve(message);
      });
      // What the worker's engine said stays in `cause`, for a developer; the person reads ours.
      worker.on('error', (error: Error & { code?: string }) =>
        this.fail(
          new Error(format('pwnedIndex.build.workerStopped', { code: error.code ?? error.name }), {
            cause: error,
          }),
        ),
      );
      worker.on('exit', (code) => {
        if (!this.isClosed)
          this.fail(new Error(format('pwnedIndex.build.workerStopped', { code: String(code) })));
      });
      this.entries.push(entry);
    }
  }

  /** Batches handed over and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Parses a batch in the least busy worker; its buffers are the worker's until it answers. */
  parse(job: BatchJob): Promise<ParsedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    const entry = this.entries.reduce((best, candidate) =>
      candidate.inFlight < best.inFlight ? candidate : best,
    );
    const id = this.nextId++;
    const result = new Promise<ParsedBatch>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
    });
    entry.inFlight += 1;
    entry.worker.postMessage({
      type: 'parse',
      id,
      input: job.input,
      segments: job.segments,
      records: job.records,
    });
    return result;
  }

  /** Stops the workers (whatever they are doing). */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    await Promise.all(this.entries.map((entry) => entry.worker.terminate()));
  }

  private fail(error: unknown): void {
    if (this.failure || this.isClosed) return;
    this.failure = error instanceof Error ? error : new Error(String(error));
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}
