import { format, type MessageValues } from '../../../common/messages/format';
import type { MessageId } from '../../../common/messages/en';
import { BUCKETS, PwnedIndexError, RECORD_BYTES } from './format';
import {
  parserApi,
  SEGMENT_META as M,
  type Problem,
  type SegmentFailure,
  type SegmentParser,
} from './corpusParserSource';
import { ParseWorkers, type ParsedBatch } from './parseWorkers';

/**
 * The builder's parsing, on one thread or several, with one result: the records in file order
 * (handed to `write` in pieces of about FLUSH_BYTES), the entries per bucket, the source lines,
 * and the first refused line in file order, if any.
 *
 * The builder cuts each file into segments (see builder.ts's CorpusFeeder): the bulk of each chunk,
 * its whole lines, and the few bytes around a chunk boundary. Every segment is parsed with fresh
 * state, here or (past `parallelAfterBytes`, the bulk only) in a worker, and the results are
 * stitched strictly in file order: the first hash of a segment must come after the last of the one
 * before; a segment's first record merges into the pending record before it when they share the
 * 68-bit key; line numbers run on across segments. A refusal is reported only when every segment
 * before it has been stitched, so the first refused line in file order wins, whichever thread
 * found it; the lines after it are not read.
 */

/** Hand records to the writer once this many bytes are waiting. */
export const FLUSH_BYTES = 2 * 2 ** 20;
/** The shortest line that makes a record, "35 hex digits:1", 37 bytes (38 with its newline). */
const MIN_RECORD_LINE = 37;
/**
 * Bytes of whole lines in a batch for a worker (at most the chunk size): large enough that handing
 * it over costs little next to parsing it (~3 ms), small enough that the batches in flight (two a
 * worker, and the one filling) stay a few MB.
 */
const BATCH_BYTES = 2 * 2 ** 20;
/** Batches handed to each worker before the builder waits for one to be parsed. */
const MAX_IN_FLIGHT_PER_WORKER = 2;
/** A batch is handed to a worker once it is this full (in sixteenths of BATCH_BYTES). */
const SEAL_AT_SIXTEENTHS = 15;
const LF = 0x0a;

/** The most records `bytes` of corpus can make (with room for a segment's last line). */
export function recordsBound(bytes: number): number {
  return (Math.floor(bytes / MIN_RECORD_LINE) + 2) * RECORD_BYTES;
}

/** A file as the parser needs it: its name for messages, its 5-hex prefix (-1 for a single file). */
export interface SegmentFile {
  path: string;
  prefix: number;
}

export interface PipelineOptions {
  /** The chunk size: a batch of segments for a worker holds about this many bytes. */
  chunkBytes: number;
  /** Parse workers to start once `parallelAfterBytes` of whole lines have been seen (0: none). */
  workers: number;
  parallelAfterBytes: number;
  /** Writes records in file order; the buffer it is given is reused after its next call. */
  write(records: Buffer): Promise<void>;
  signal?: AbortSignal;
}

/** A group of segments parsed together: one of the main thread's, or a worker's batch. */
interface Batch {
  /** SEGMENT_META figures, M.size a segment (filled when the worker answers). */
  meta: Float64Array;
  records: Buffer;
  /** The bytes parsed, to quote a segment's first line; undefined once `firstText` holds it. */
  input: Buffer | undefined;
  /** A main-thread segment's first hash line, quoted before its bytes were let go. */
  firstText: string | undefined;
  failure: (SegmentFailure & { index: number }) | null;
  isReady: boolean;
  /** The file of each segment (a worker batch's grows while it is open). */
  files: SegmentFile[];
  /** A worker batch: settled when the worker has answered. */
  answered?: Promise<void>;
  /** A worker batch's shared buffers, back to the pools once it is stitched. */
  inputBuffer?: SharedArrayBuffer;
  recordsBuffer?: SharedArrayBuffer;
}

/** The batch being filled for a worker. */
interface OpenBatch {
  batch: Batch;
  buffer: SharedArrayBuffer;
  bytes: Buffer;
  length: number;
  segments: number[];
  recordsBytes: number;
}

export class ParsePipeline {
  /** Entries per bucket (complete after {@link finish}). */
  readonly table = new Uint32Array(BUCKETS);
  /** Hash lines stitched so far. */
  sourceLines = 0;
  /** Records stitched so far. */
  entries = 0;
  /** A refused line is waiting its turn: feeding more of the corpus is pointless. */
  isStopped = false;

  private readonly api = parserApi();
  /** A batch for a worker holds about this many bytes. */
  private readonly batchBytes: number;
  private readonly parser: SegmentParser;
  private scratch: Buffer;
  private readonly scratchMeta = new Float64Array(M.size);
  private readonly output: RecordOutput;
  private workers: ParseWorkers | undefined;
  private linesSeen = 0;
  private open: OpenBatch | undefined;
  private readonly spareInputs: SharedArrayBuffer[] = [];
  private readonly spareRecords: SharedArrayBuffer[] = [];
  // Batches waiting to be stitched, in file order: queue[head…], from segment `next` of the first.
  private queue: Batch[] = [];
  private head = 0;
  private next = 0;
  // The stitched state: the file and its lines so far, the last hash, the pending record.
  private file: SegmentFile | undefined;
  private line = 0;
  private hasLast = false;
  private readonly last = new Float64Array(7);
  private hasPending = false;
  private pending0 = 0;
  private pending1 = 0;
  private pending2 = 0;
  private pendingCode = 0;

  constructor(private readonly options: PipelineOptions) {
    this.parser = new this.api.SegmentParser(this.table);
    this.batchBytes = Math.min(options.chunkBytes, BATCH_BYTES);
    this.scratch = Buffer.allocUnsafe(recordsBound(options.chunkBytes * 2));
    this.output = new RecordOutput(FLUSH_BYTES + recordsBound(options.chunkBytes * 2));
  }

  /** Whether workers parse (from the first whole lines past `parallelAfterBytes` on). */
  get isParallel(): boolean {
    return this.workers !== undefined;
  }

  /**
   * Parses `buf[start, end)` here and now; `final` when they end the file. `isKept`: the caller
   * will not change the bytes (else what a later stitch may quote is copied). Returns where parsing
   * stopped (the start of a line the next bytes may complete), or -1 when a line was refused. A
   * refusal is thrown at once when everything before it is stitched, else when its turn comes.
   */
  parseHere(
    file: SegmentFile,
    buf: Buffer,
    start: number,
    end: number,
    final: boolean,
    isKept = false,
  ): number {
    if (this.scratch.length < recordsBound(end - start))
      this.scratch = Buffer.allocUnsafe(recordsBound(end - start));
    const isParsed = this.parser.run(buf, start, end, final, file.prefix, this.scratch, 0);
    this.parser.writeMeta(this.scratchMeta, 0);
    this.hereResult(file, buf, isParsed, isKept);
    return isParsed ? this.scratchMeta[M.used]! : -1;
  }

  /** Refuses the line at `buf[from, to)`, too long to be a corpus line (it has no end in sight). */
  refuseLine(file: SegmentFile, buf: Buffer, from: number, to: number): void {
    this.parser.refuseLine(buf, from, to, file.prefix);
    this.parser.writeMeta(this.scratchMeta, 0);
    this.hereResult(file, buf, false, false);
  }

  /**
   * Whole lines of a file, `buf[start, end)`, parsed here or handed to the workers in batches of
   * about BATCH_BYTES, cut at newlines. The range ends with a newline, or ends the file. With the
   * workers, `carry` is the start of its first line, from the chunk before (all of it: a file's
   * last line, when the range is empty). The bytes are copied before this returns.
   */
  parseLines(file: SegmentFile, buf: Buffer, start: number, end: number, carry: Buffer = EMPTY): void {
    this.linesSeen += end - start;
    if (!this.workers && this.options.workers > 0 && this.linesSeen > this.options.parallelAfterBytes)
      this.workers = new ParseWorkers(this.options.workers);
    if (!this.workers) {
      this.parseHere(file, buf, start, end, true);
      return;
    }
    if (start === end) {
      this.addLastLine(file, carry);
      return;
    }
    while (start < end) {
      const skew = (buf.byteOffset + start) % 8;
      const open = this.open;
      const from = place(open?.length ?? 0, skew, carry.length);
      const room = (open ? open.bytes.length : this.batchBytes) - from - carry.length;
      let cut = end;
      if (end - start > room) {
        // (A negative offset would make lastIndexOf search from the end.)
        cut = room > 0 ? buf.lastIndexOf(LF, start + room - 1) + 1 : 0;
        if (cut <= start) {
          if (open) {
            // Not one whole line fits in what is left of the open batch: a fresh batch.
            this.seal();
            continue;
          }
          // A line longer than a batch (it will be refused): a batch of its own.
          const newline = buf.indexOf(LF, Math.max(start, start + room));
          cut = newline < 0 || newline >= end ? end : newline + 1;
        }
      }
      this.addSegment(file, buf, start, cut, carry);
      carry = EMPTY;
      if (cut < end) this.seal();
      start = cut;
    }
  }

  /**
   * Stitches what is ready and writes what is due; waits while the workers have more than two
   * batches each to do (so that reading stays only a little ahead of parsing). Returns undefined
   * when there was nothing to wait for (most chunks: no promise to await).
   */
  settle(): Promise<void> | undefined {
    this.stitchSome();
    if (this.output.length < FLUSH_BYTES && !this.isBusy()) return undefined;
    return this.settleSlowly();
  }

  /**
   * Stitches everything handed over so far, throwing the first refused line if there is one. For a
   * source that fails midway: a bad line read before the failure is what gets reported.
   */
  async drain(): Promise<void> {
    this.seal();
    while (this.head < this.queue.length) {
      await this.queue[this.head]!.answered;
      this.options.signal?.throwIfAborted();
      await this.stitchReady();
    }
  }

  /** Ends the corpus: stitches the rest, writes the last record, stops the workers. */
  async finish(): Promise<void> {
    await this.drain();
    if (this.hasPending) this.emitPending();
    this.hasPending = false;
    if (this.output.length > 0) await this.options.write(this.output.take());
    await this.close();
  }

  /** Stops the workers, if any. */
  async close(): Promise<void> {
    await this.workers?.close();
  }

  /** Stitches the main thread's segment now, or queues a copy of its result behind the workers'. */
  private hereResult(file: SegmentFile, buf: Buffer, isParsed: boolean, isKept: boolean): void {
    const failure = this.parser.failure;
    const meta = this.scratchMeta;
    const batch: Batch = {
      meta,
      records: this.scratch,
      input: buf,
      firstText: undefined,
      failure: failure ? { index: 0, line: failure.line, problem: failure.problem } : null,
      isReady: true,
      files: [file],
    };
    if (!isParsed) this.isStopped = true;
    if (this.head === this.queue.length) {
      this.stitch(batch, 0, file);
      return;
    }
    // Nothing to stitch (a chunk's unfinished last line, carried over): nothing to queue.
    if (isParsed && meta[M.lines] === 0) return;
    batch.meta = meta.slice();
    batch.records = Buffer.from(this.scratch.subarray(0, this.parser.outEnd));
    if (!isKept) {
      batch.input = undefined;
      if (meta[M.hasFirst] === 1)
        batch.firstText = this.api.lineText(buf, meta[M.firstOffset]!, meta[M.end]!);
    }
    // The open batch's later segments come after this one: they go to the next batch.
    this.seal();
    this.queue.push(batch);
  }

  /** Copies `carry` and `buf[start, end)` into the open batch (a new one if none is open), one segment. */
  private addSegment(file: SegmentFile, buf: Buffer, start: number, end: number, carry: Buffer): void {
    const skew = (buf.byteOffset + start) % 8;
    const bytes = carry.length + end - start;
    if (this.open && place(this.open.length, skew, carry.length) + bytes > this.open.bytes.length)
      this.seal();
    const open = (this.open ??= this.openBatch(place(0, skew, carry.length) + bytes));
    const from = place(open.length, skew, carry.length);
    const to = from + bytes;
    if (to > open.bytes.length) throw new Error('A batch of corpus lines overflowed (a bug in the builder).');
    carry.copy(open.bytes, from);
    buf.copy(open.bytes, from + carry.length, start, end);
    open.segments.push(from, to, file.prefix);
    open.length = to;
    open.recordsBytes += recordsBound(to - from);
    open.batch.files.push(file);
    if (open.length * 16 >= this.batchBytes * SEAL_AT_SIXTEENTHS) this.seal();
  }

  /**
   * A file's last line, carried over from its previous chunk: it extends the file's segment it
   * follows when that segment is the last one queued and ends the open batch, else it is a
   * segment of its own.
   */
  private addLastLine(file: SegmentFile, line: Buffer): void {
    const open = this.open;
    const segments = open?.segments;
    if (
      open &&
      segments &&
      this.queue[this.queue.length - 1] === open.batch &&
      open.batch.files[open.batch.files.length - 1] === file &&
      segments[segments.length - 2] === open.length &&
      open.length + line.length <= open.bytes.length
    ) {
      line.copy(open.bytes, open.length);
      segments[segments.length - 2] = open.length + line.length;
      open.length += line.length;
      open.recordsBytes += recordsBound(line.length);
      return;
    }
    this.addSegment(file, line, 0, line.length, EMPTY);
  }

  private openBatch(length: number): OpenBatch {
    const size = Math.max(this.batchBytes, length);
    const buffer = (size === this.batchBytes && this.spareInputs.pop()) || new SharedArrayBuffer(size);
    const batch: Batch = {
      meta: new Float64Array(0),
      records: EMPTY,
      input: undefined,
      firstText: undefined,
      failure: null,
      isReady: false,
      files: [],
    };
    this.queue.push(batch);
    return { batch, buffer, bytes: Buffer.from(buffer), length: 0, segments: [], recordsBytes: 0 };
  }

  /** Hands the open batch to a worker. */
  private seal(): void {
    const open = this.open;
    if (!open || !this.workers) return;
    this.open = undefined;
    const batch = open.batch;
    const spare = this.spareRecords.pop();
    const records =
      spare && spare.byteLength >= open.recordsBytes
        ? spare
        : new SharedArrayBuffer(
            Math.max(open.recordsBytes, recordsBound(this.batchBytes) + 64 * RECORD_BYTES),
          );
    batch.inputBuffer = open.buffer;
    batch.recordsBuffer = records;
    const answered = this.workers
      .parse({ input: open.buffer, segments: Int32Array.from(open.segments), records })
      .then((parsed: ParsedBatch) => {
        batch.meta = parsed.meta;
        batch.records = Buffer.from(records);
        batch.input = open.bytes;
        batch.failure = parsed.failure;
        const runs = parsed.runs;
        const table = this.table;
        for (let i = 0; i < runs.length; i += 2) table[runs[i]!] = table[runs[i]!]! + runs[i + 1]!;
        batch.isReady = true;
        if (parsed.failure) this.isStopped = true;
      });
    // Awaited in turn (settle, drain); meanwhile a worker's failure must not go unhandled.
    answered.catch(() => {});
    batch.answered = answered;
  }

  private isBusy(): boolean {
    return (
      this.workers !== undefined && this.workers.inFlight > MAX_IN_FLIGHT_PER_WORKER * this.options.workers
    );
  }

  private async settleSlowly(): Promise<void> {
    await this.stitchReady();
    while (this.isBusy()) {
      await this.queue[this.head]!.answered;
      this.options.signal?.throwIfAborted();
      await this.stitchReady();
    }
  }

  private async stitchReady(): Promise<void> {
    for (;;) {
      this.stitchSome();
      if (this.output.length < FLUSH_BYTES) return;
      await this.options.write(this.output.take());
    }
  }

  /** Stitches the ready segments at the front of the queue, until the output is due to be written. */
  private stitchSome(): void {
    while (this.output.length < FLUSH_BYTES) {
      const batch = this.queue[this.head];
      if (!batch || !batch.isReady) break;
      if (this.next < batch.files.length) {
        this.stitch(batch, this.next, batch.files[this.next]!);
        this.next += 1;
        continue;
      }
      // The batch is stitched: its buffers go back to the pools.
      this.queue[this.head] = undefined as unknown as Batch;
      this.head += 1;
      this.next = 0;
      if (batch.inputBuffer && batch.recordsBuffer) {
        if (batch.inputBuffer.byteLength === this.batchBytes) this.spareInputs.push(batch.inputBuffer);
        this.spareRecords.push(batch.recordsBuffer);
      }
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  /** Adds a segment's result to what came before it; throws its refusal, if it has one. */
  private stitch(batch: Batch, index: number, file: SegmentFile): void {
    const meta = batch.meta;
    const at = index * M.size;
    if (file !== this.file) {
      this.file = file;
      this.line = 0;
    }
    const hasFirst = meta[at + M.hasFirst] === 1;
    if (hasFirst && this.hasLast) {
      // The first hash must come after the last one before it (the order check the segment skipped).
      const last = this.last;
      const first = at + M.first;
      let order = meta[first]! - last[0]!;
      for (let piece = 1; order === 0 && piece < 7; piece += 1) order = meta[first + piece]! - last[piece]!;
      if (order <= 0) {
        const text =
          batch.firstText ?? this.api.lineText(batch.input!, meta[at + M.firstOffset]!, meta[at + M.end]!);
        throw this.refused(file, this.line + meta[at + M.firstLine]!, this.api.orderProblem(order, text));
      }
    }
    const failure = batch.failure;
    if (failure && failure.index === index)
      throw this.refused(file, this.line + failure.line, failure.problem);

    const emitted = meta[at + M.emitted]!;
    if (emitted > 0) {
      // The segment's first record follows the pending one, or takes its place (same key).
      const head = at + M.head;
      const isMerged =
        this.hasPending &&
        this.pending0 === meta[head] &&
        this.pending1 === meta[head + 1] &&
        this.pending2 === meta[head + 2];
      if (this.hasPending && !isMerged) this.emitPending();
      const from = meta[at + M.recordsStart]!;
      const position = this.output.append(batch.records, from, from + emitted * RECORD_BYTES);
      if (isMerged) this.output.raiseCount(position, this.pendingCode);
      this.hasPending = false;
      this.entries += emitted;
    }
    if (meta[at + M.hasTail] === 1) {
      const tail = at + M.tail;
      const code = meta[at + M.tailCode]!;
      if (
        this.hasPending &&
        this.pending0 === meta[tail] &&
        this.pending1 === meta[tail + 1] &&
        this.pending2 === meta[tail + 2]
      ) {
        if (code > this.pendingCode) this.pendingCode = code;
      } else {
        if (this.hasPending) this.emitPending();
        this.hasPending = true;
        this.pending0 = meta[tail]!;
        this.pending1 = meta[tail + 1]!;
        this.pending2 = meta[tail + 2]!;
        this.pendingCode = code;
      }
    }
    if (hasFirst) {
      this.hasLast = true;
      this.last.set(meta.subarray(at + M.last, at + M.last + 7));
    }
    this.line += meta[at + M.lines]!;
    this.sourceLines += meta[at + M.sourceLines]!;
  }

  private emitPending(): void {
    this.output.appendRecord(this.pending1, this.pending2, this.pendingCode);
    this.table[this.pending0] = this.table[this.pending0]! + 1;
    this.entries += 1;
  }

  private refused(file: SegmentFile, line: number, problem: Problem): PwnedIndexError {
    this.isStopped = true;
    return new PwnedIndexError(
      'bad-source',
      format('pwnedIndex.line.refused', {
        file: file.path,
        line: String(line),
        problem: format(problem.id as MessageId, problem.values as MessageValues),
      }),
    );
  }
}

const EMPTY = Buffer.alloc(0);

/**
 * Where in a batch filled up to `length` a segment starts whose first `lead` bytes come from
 * elsewhere (a carried line start) and the rest from an address ≡ `skew` (mod 8): the rest lands at
 * the same address modulo 8 as its source, for V8 copies into shared memory a word at a time only
 * then (a byte at a time otherwise, ~9× slower).
 */
function place(length: number, skew: number, lead: number): number {
  return length + ((((skew - length - lead) % 8) + 8) % 8);
}

/** Records waiting to be written: two buffers, one filling while the writer writes the other. */
class RecordOutput {
  length = 0;
  private current: Buffer;
  private spare: Buffer;
  private staging = Buffer.allocUnsafe(0);

  constructor(capacity: number) {
    this.current = Buffer.allocUnsafe(capacity);
    this.spare = Buffer.allocUnsafe(capacity);
  }

  /** Appends `source[from, to)`; returns where it starts. */
  append(source: Buffer, from: number, to: number): number {
    this.ensure(to - from);
    const position = this.length;
    const skew = (source.byteOffset + from) % 8;
    if (source.buffer instanceof SharedArrayBuffer && (this.current.byteOffset + position) % 8 !== skew) {
      // Out of shared memory, V8 copies a word at a time only between addresses equal modulo 8
      // (else a byte at a time, ~5× slower): through a staging buffer at the source's alignment.
      if (this.staging.length < skew + to - from) this.staging = Buffer.allocUnsafe(2 * (skew + to - from));
      source.copy(this.staging, skew, from, to);
      this.staging.copy(this.current, position, skew, skew + to - from);
    } else source.copy(this.current, position, from, to);
    this.length += to - from;
    return position;
  }

  appendRecord(key1: number, key2: number, code: number): void {
    this.ensure(RECORD_BYTES);
    const out = this.current;
    let o = this.length;
    out[o++] = key1 >>> 16;
    out[o++] = (key1 >>> 8) & 0xff;
    out[o++] = key1 & 0xff;
    out[o++] = key2 >>> 16;
    out[o++] = (key2 >>> 8) & 0xff;
    out[o++] = key2 & 0xff;
    out[o++] = code;
    this.length = o;
  }

  /** The record at `position` takes `code` if that is larger (two lines merged into one record). */
  raiseCount(position: number, code: number): void {
    const at = position + RECORD_BYTES - 1;
    if (code > this.current[at]!) this.current[at] = code;
  }

  /**
   * The records so far; the other buffer fills next. The writer finishes writing one buffer before
   * it is handed the other, so two are enough.
   */
  take(): Buffer {
    const full = this.current;
    const length = this.length;
    this.current = this.spare;
    this.spare = full;
    this.length = 0;
    return full.subarray(0, length);
  }

  private ensure(bytes: number): void {
    if (this.length + bytes <= this.current.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.current.length * 2, this.length + bytes));
    this.current.copy(bigger, 0, 0, this.length);
    this.current = bigger;
  }
}
