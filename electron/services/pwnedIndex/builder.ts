// Builds the offline Pwned Passwords index (format.ts) from the official downloader's output, in one
// streaming pass: reads run ahead of the parser and record writes run behind it in the thread pool.
// Parsing is the CPU-heavy part (~45 ns a line, against ~5 ns for the SHA-256 of the records): past
// the first 16 MiB, worker threads parse the bulk of each chunk while the main thread reads, stitches
// their results in order and writes (parsePipeline.ts), so a large build uses more than one core.
// Small builds parse on the main thread alone; either way the index and every refusal are the same.
//
// Accepted input (what PwnedPasswordsDownloader writes in SHA-1 mode):
// - one sorted file of `HASH:COUNT` lines (40 hex digits), or
// - a directory of prefix files named `XXXXX.txt` (5 hex digits), each with `SUFFIX:COUNT` lines
//   (35 hex digits, the range API's answer) or full 40-digit lines starting with the file's prefix.
// Lines end with CRLF or LF; hex may be upper- or lower-case (even mixed); a UTF-8 BOM and empty
// lines are skipped; the last line may lack its newline. Hashes must be strictly ascending (a
// directory is read in prefix order). Count-0 lines (range-API padding) are not breaches: they are
// counted as source lines but not stored.
//
// Refused with a PwnedIndexError ('bad-source') naming the file and line: NTLM corpora (32-digit
// hashes, 27-digit suffixes), anything else that is not HASH:COUNT, unsorted or duplicate hashes,
// and a last line that is cut short (no newline and not a complete line): that is what an
// interrupted download leaves, and the rest of the corpus would be missing, so the build stops
// instead of silently indexing part of it.
//
// buildPwnedIndexFromStream takes the same bytes as a stream of chunks instead (a pipe from a
// downloader or a decompressor; the benchmark's generated 1e9-line corpus): same parser, same index.
//
// The index is written to a temporary file beside `out`, synced, then renamed over `out`: an
// interrupted or failed build (abort, bad line, full disk) leaves any previous index untouched.
import { createHash } from 'node:crypto';
import { open, readdir, rename, stat, unlink, mkdir, type FileHandle } from 'node:fs/promises';
import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ParsePipeline } from './parsePipeline';
import {
  BUCKETS,
  encodeHeader,
  indexBytes,
  infoFromHeader,
  FORMAT_VERSION,
  PwnedIndexError,
  RECORDS_OFFSET,
  SOURCE_DIRECTORY,
  SOURCE_FILE,
  TABLE_OFFSET,
  tableBytes,
  type IndexInfo,
} from './format';
import { format } from '../../../common/messages/format';

export interface BuildOptions {
  /** Called at the start, as the build advances (every chunk, at most every 16 MB) and at the end. */
  onProgress?(linesDone: number, bytesDone: number, bytesTotal: number): void;
  signal?: AbortSignal;
  now?: () => Date;
  /** Read size (default 4 MiB); tests use small chunks to cross line boundaries. */
  chunkBytes?: number;
  /**
   * Threads that parse beside the main thread once the corpus is past `parallelAfterBytes`; 0
   * parses on the main thread alone. The index and any refusal are the same. Default: as many as
   * cores, at most 2, for files; for a stream, the cores less one (its source needs one too), at
   * least 1 and at most 2.
   */
  parseWorkers?: number;
  /** Bytes of the corpus parsed on the main thread before the parse workers start (default 16 MiB). */
  parallelAfterBytes?: number;
}

interface SourceFile {
  path: string;
  size: number;
  /** The file's 5-hex prefix (directory layout), or -1 for a single corpus file. */
  prefix: number;
}

const DEFAULT_CHUNK_BYTES = 4 * 2 ** 20;
/** Chunks' worth of bytes read ahead of the parser. */
const READ_AHEAD = 3;
/** Reads at once (small prefix files are read many at a time). */
const MAX_READS_IN_FLIGHT = 32;
/** Files up to this size are read whole; synchronously while that stays fast. */
const SMALL_FILE_BYTES = 1024 * 1024;
/** Synchronous reads continue while they take under SYNC_BUDGET_MS plus SYNC_FILE_MS a file. */
const SYNC_BUDGET_MS = 50;
const SYNC_FILE_MS = 0.3;
/** Longest stretch of synchronous work before the event loop gets a turn. */
const SLICE_MS = 10;
const PROGRESS_EVERY_BYTES = 16 * 2 ** 20;
/** The longest line accepted (hash, colon, 15-digit count, CRLF, with room to spare). */
const MAX_LINE = 256;
/** Whole lines parsed on the main thread before the parse workers start (see BuildOptions). */
const DEFAULT_PARALLEL_AFTER_BYTES = 16 * 2 ** 20;
/** At most this many parse workers by default: beyond two, the disk is what a build waits for. */
const MAX_DEFAULT_WORKERS = 2;

const LF = 0x0a;

/**
 * Builds the index for `source` (a corpus file or a directory of prefix files) at `out`, replacing
 * it atomically. Throws PwnedIndexError('bad-source') for unusable input; an abort rejects with the
 * signal's reason. Either way no partial index is left and a previous one at `out` is kept.
 */
export async function buildPwnedIndex(
  source: string,
  out: string,
  options: BuildOptions = {},
): Promise<IndexInfo> {
  const files = await listSource(source);
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
  const isDirectory = files[0]!.prefix >= 0;
  const chunkBytes = Math.max(MAX_LINE, Math.floor(options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
  options.signal?.throwIfAborted();
  return buildFromChunks(readChunks(files, chunkBytes, options.signal), out, options, {
    bytesTotal,
    chunkBytes,
    // One a core: the reads run in the thread pool, beside them.
    defaultWorkers: Math.min(MAX_DEFAULT_WORKERS, availableParallelism()),
    sourceKind: () => (isDirectory ? SOURCE_DIRECTORY : SOURCE_FILE),
    missingPrefixes: () => (isDirectory ? BUCKETS - files.length : 0),
  });
}

/** One piece of a corpus handed to buildPwnedIndexFromStream. */
export interface CorpusChunk {
  /**
   * The file the bytes belong to, named in error messages. Consecutive chunks with the same name
   * are one file; a new name ends the previous file (its last line may then lack its newline).
   */
  file: string;
  /**
   * The directory layout: the file's 5-hex prefix as a number (0 to 2^20 - 1); files must come in
   * ascending prefix order. Absent for the single-file layout (then there is exactly one file).
   */
  prefix?: number;
  /** The next bytes of the file, any length; read before the next chunk is asked for. */
  data: Uint8Array;
}

export interface StreamBuildOptions extends BuildOptions {
  /** The corpus's size in bytes, when known, for onProgress (default 0: unknown). */
  bytesTotal?: number;
}

/**
 * Builds the index from a corpus handed over as a stream of chunks (e.g. a pipe from a downloader
 * or a decompressor) instead of files on disk: the same parser, checks and atomic replacement as
 * buildPwnedIndex, and the same index bytes for the same lines (apart from the build date). Throws
 * PwnedIndexError('bad-source') for unusable input, including files out of prefix order or a mix
 * of the two layouts.
 */
export async function buildPwnedIndexFromStream(
  chunks: AsyncIterable<CorpusChunk> | Iterable<CorpusChunk>,
  out: string,
  options: StreamBuildOptions = {},
): Promise<IndexInfo> {
  options.signal?.throwIfAborted();
  let layout: 'file' | 'directory' | undefined;
  let files = 0;
  const chunkBytes = Math.max(MAX_LINE, Math.floor(options.chunkBytes ?? DEFAULT_CHUNK_BYTES));
  return buildFromChunks(
    streamChunks(chunks, chunkBytes, (kind) => {
      layout = kind;
      files += 1;
    }),
    out,
    options,
    {
      bytesTotal: options.bytesTotal ?? 0,
      chunkBytes,
      // A core left to the stream's source (a downloader, a decompressor): on 2 cores, a second
      // worker made the benchmark's piped build slower, not faster (see BuildOptions.parseWorkers).
      defaultWorkers: Math.max(1, Math.min(MAX_DEFAULT_WORKERS, availableParallelism() - 1)),
      sourceKind: () => (layout === 'directory' ? SOURCE_DIRECTORY : SOURCE_FILE),
      missingPrefixes: () => (layout === 'directory' ? BUCKETS - files : 0),
    },
  );
}

/**
 * The caller's chunks as the parser's, with each file's end marked and the layout checked. A chunk
 * larger than `chunkBytes` is handed on in pieces of that size.
 */
async function* streamChunks(
  chunks: AsyncIterable<CorpusChunk> | Iterable<CorpusChunk>,
  chunkBytes: number,
  onFile: (layout: 'file' | 'directory') => void,
): AsyncGenerator<Chunk> {
  let current: SourceFile | undefined;
  const refuse = (why: string) => new PwnedIndexError('bad-source', why);
  for await (const chunk of chunks) {
    if (!current || chunk.file !== current.path) {
      const directory = chunk.prefix !== undefined;
      if (directory && !(Number.isInteger(chunk.prefix) && chunk.prefix! >= 0 && chunk.prefix! < BUCKETS))
        throw refuse(
          format('pwnedIndex.stream.badPrefix', {
            file: chunk.file,
            prefix: String(chunk.prefix),
            last: String(BUCKETS - 1),
          }),
        );
      if (current) {
        if (current.prefix >= 0 !== directory)
          throw refuse(format('pwnedIndex.stream.mixed', { file: chunk.file }));
        if (!directory)
          throw refuse(format('pwnedIndex.stream.oneFile', { file: chunk.file, first: current.path }));
        if (chunk.prefix! <= current.prefix)
          throw refuse(
            format('pwnedIndex.stream.order', {
              file: chunk.file,
              prefix: hex5(chunk.prefix!),
              previous: hex5(current.prefix),
            }),
          );
        yield { file: current, buffer: EMPTY, length: 0, last: true };
      }
      current = { path: chunk.file, size: 0, prefix: directory ? chunk.prefix! : -1 };
      onFile(directory ? 'directory' : 'file');
    }
    const data = chunk.data;
    const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    for (let from = 0; from < buffer.length; from += chunkBytes) {
      const piece =
        buffer.length - from <= chunkBytes && from === 0 ? buffer : buffer.subarray(from, from + chunkBytes);
      yield { file: current, buffer: piece, length: piece.length, last: false };
    }
  }
  if (!current) throw refuse(format('pwnedIndex.stream.empty'));
  yield { file: current, buffer: EMPTY, length: 0, last: true };
}

const EMPTY = Buffer.alloc(0);

interface PipelineFacts {
  bytesTotal: number;
  chunkBytes: number;
  /** Parse workers unless the options say otherwise. */
  defaultWorkers: number;
  /** Read once the chunks are all in (a stream tells its layout as it goes). */
  sourceKind: () => number;
  missingPrefixes: () => number;
}

/** Parses `chunks` into a temporary index beside `out`, then renames it over `out`. */
async function buildFromChunks(
  chunks: AsyncGenerator<Chunk>,
  out: string,
  options: BuildOptions,
  facts: PipelineFacts,
): Promise<IndexInfo> {
  const { bytesTotal, chunkBytes } = facts;
  const signal = options.signal;
  await mkdir(dirname(out), { recursive: true });
  await removeStaleTemporaries(out);
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined = await open(temp, 'wx');
  let renamed = false;
  const writer = new RecordWriter(handle);
  const pipeline = new ParsePipeline({
    chunkBytes,
    workers: Math.max(0, Math.floor(options.parseWorkers ?? facts.defaultWorkers)),
    parallelAfterBytes: Math.max(0, options.parallelAfterBytes ?? DEFAULT_PARALLEL_AFTER_BYTES),
    write: (records) => writer.write(records),
    signal,
  });
  try {
    const feeder = new CorpusFeeder(pipeline);
    let bytesDone = 0;
    let reportedAt = 0;
    const progressEvery = Math.min(PROGRESS_EVERY_BYTES, chunkBytes);
    options.onProgress?.(0, 0, bytesTotal);
    let current: SourceFile | undefined;
    try {
      for (;;) {
        let next: IteratorResult<Chunk>;
        try {
          next = await chunks.next();
        } catch (error) {
          // A read that failed (or a stream that was refused) comes after what was read before it:
          // a bad line there is what the build reports, as it did before reads ran ahead of parsing.
          if (!signal?.aborted) await pipeline.drain();
          throw error;
        }
        if (next.done) break;
        const chunk = next.value;
        if (chunk.file !== current) {
          current = chunk.file;
          feeder.startFile(current);
        }
        feeder.feed(chunk.buffer, chunk.length, chunk.last);
        const settling = pipeline.settle();
        if (settling) await settling;
        bytesDone += chunk.length;
        if (bytesDone - reportedAt >= progressEvery) {
          reportedAt = bytesDone;
          options.onProgress?.(pipeline.sourceLines, bytesDone, bytesTotal);
        }
        signal?.throwIfAborted();
        // A refused line is waiting its turn: the rest of the corpus need not be read.
        if (pipeline.isStopped) break;
      }
    } finally {
      await chunks.return(undefined).catch(() => {});
    }
    signal?.throwIfAborted();
    feeder.finish();
    await pipeline.finish();
    await writer.drain();

    const entries = pipeline.entries;
    const fileBytes = indexBytes(entries);
    const builtAtMs = (options.now ?? (() => new Date()))().getTime();
    const fields = {
      sourceLines: pipeline.sourceLines,
      entries,
      builtAtMs,
      fileBytes,
      bodySha256: writer.digest(),
      missingPrefixes: facts.missingPrefixes(),
      sourceKind: facts.sourceKind(),
    };
    const header = encodeHeader(fields, pipeline.table, () => createHash('sha256'));
    await writeAll(handle, tableBytes(pipeline.table), TABLE_OFFSET);
    await writeAll(handle, header, 0);
    await handle.truncate(fileBytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    signal?.throwIfAborted();
    await rename(temp, out);
    renamed = true;
    await syncDirectory(dirname(out));
    const totalAtEnd = Math.max(bytesTotal, bytesDone);
    options.onProgress?.(pipeline.sourceLines, totalAtEnd, totalAtEnd);
    return infoFromHeader({ ...fields, version: FORMAT_VERSION });
  } finally {
    await pipeline.close().catch(() => {});
    if (handle) await handle.close().catch(() => {});
    if (!renamed) await unlink(temp).catch(() => {});
  }
}

/**
 * Deletes what builds of `out` that were killed (no `finally` ran) left behind: temporary files
 * whose process is gone. A full-corpus temporary file is ~7 GB.
 */
async function removeStaleTemporaries(out: string): Promise<void> {
  const prefix = `.${basename(out)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(out));
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
    if (!name.startsWith(prefix) || !match || match[1] !== basename(out)) continue;
    const pid = Number(match[2]);
    // This process's own may belong to a build still running; a live process's, likewise.
    if (pid === process.pid || isRunning(pid)) continue;
    await unlink(join(dirname(out), name)).catch(() => {});
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** The corpus files in reading order, with their sizes. */
async function listSource(source: string): Promise<SourceFile[]> {
  let stats;
  try {
    stats = await stat(source);
  } catch (error) {
    throw new PwnedIndexError(
      'bad-source',
      format('pwnedIndex.source.none', { path: source, reason: describe(error) }),
    );
  }
  if (stats.isFile()) return [{ path: source, size: stats.size, prefix: -1 }];
  if (!stats.isDirectory())
    throw new PwnedIndexError('bad-source', format('pwnedIndex.source.neither', { path: source }));
  const byPrefix = new Map<number, string>();
  for (const entry of await readdir(source, { withFileTypes: true })) {
    const match = /^([0-9A-Fa-f]{5})\.txt$/.exec(entry.name);
    if (!match || !(entry.isFile() || entry.isSymbolicLink())) continue;
    const prefix = Number.parseInt(match[1]!, 16);
    const other = byPrefix.get(prefix);
    if (other !== undefined)
      throw new PwnedIndexError(
        'bad-source',
        format('pwnedIndex.source.twoFiles', {
          path: source,
          prefix: match[1]!.toUpperCase(),
          first: other,
          second: entry.name,
        }),
      );
    byPrefix.set(prefix, entry.name);
  }
  if (byPrefix.size === 0)
    throw new PwnedIndexError(
      'bad-source',
      format('pwnedIndex.source.noPrefixFiles', { path: source, example: '00000.txt' }),
    );
  const prefixes = [...byPrefix.keys()].sort((a, b) => a - b);
  return Promise.all(
    prefixes.map(async (prefix) => {
      const path = join(source, byPrefix.get(prefix)!);
      return { path, size: (await stat(path)).size, prefix };
    }),
  );
}

interface Chunk {
  file: SourceFile;
  buffer: Buffer;
  length: number;
  /** The file's last chunk (a zero-length one for an empty file). */
  last: boolean;
}

/**
 * The files' bytes in order, in chunks of at most `chunkBytes`, read ahead of the consumer: up to
 * READ_AHEAD chunks' worth of bytes and MAX_READS_IN_FLIGHT reads at once (many small prefix files
 * are read in parallel, so the per-file open/read/close round trips overlap). A chunk's buffer is
 * only reused after the consumer has asked for the next chunk.
 */
async function* readChunks(
  files: readonly SourceFile[],
  chunkBytes: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<Chunk> {
  interface OpenFile {
    handle: Promise<FileHandle>;
    outstanding: number;
    lastIssued: boolean;
    closed: boolean;
  }
  const opened = new Map<SourceFile, OpenFile>();
  const inFlight: { chunk: Promise<Chunk>; length: number }[] = [];
  let bytesInFlight = 0;
  const spare: Buffer[] = [];
  function* tasks() {
    for (const file of files) {
      if (file.size === 0) yield { file, position: 0, length: 0, last: true };
      for (let position = 0; position < file.size; position += chunkBytes) {
        const length = Math.min(chunkBytes, file.size - position);
        yield { file, position, length, last: position + length >= file.size };
      }
    }
  }
  const pending = tasks();
  let upcoming = pending.next();
  const closeFile = async (state: OpenFile) => {
    if (state.closed) return;
    state.closed = true;
    await (await state.handle).close();
  };
  const start = (): boolean => {
    if (upcoming.done) return false;
    const { file, position, length, last } = upcoming.value;
    if (
      inFlight.length > 0 &&
      (inFlight.length >= MAX_READS_IN_FLIGHT || bytesInFlight + length > READ_AHEAD * chunkBytes)
    )
      return false;
    upcoming = pending.next();
    const buffer = length === chunkBytes && spare.length > 0 ? spare.pop()! : Buffer.allocUnsafe(length);
    let state = opened.get(file);
    if (!state) {
      const handle = open(file.path, 'r').catch((error: unknown) => {
        throw new PwnedIndexError(
          'bad-source',
          format('pwnedIndex.source.unreadable', { path: file.path, reason: describe(error) }),
        );
      });
      state = { handle, outstanding: 0, lastIssued: false, closed: false };
      opened.set(file, state);
    }
    const own = state;
    own.outstanding += 1;
    own.lastIssued = last;
    const chunk = own.handle.then(async (fh) => {
      try {
        let done = 0;
        while (done < length) {
          const { bytesRead } = await fh.read(buffer, done, length - done, position + done);
          if (bytesRead === 0)
            throw new PwnedIndexError('bad-source', format('pwnedIndex.source.shrank', { path: file.path }));
          done += bytesRead;
        }
      } finally {
        own.outstanding -= 1;
        if (own.lastIssued && own.outstanding === 0) {
          opened.delete(file);
          await closeFile(own);
        }
      }
      return { file, buffer, length, last };
    });
    chunk.catch(() => {}); // awaited in order below; avoid an unhandled rejection meanwhile
    inFlight.push({ chunk, length });
    bytesInFlight += length;
    return true;
  };
  // Small whole files (the directory layout) are read synchronously while that is fast (page
  // cache: a few µs a file, against tens of µs of thread-pool round trips); once it proves slow
  // (the disk is answering), they go through the thread pool, many at a time.
  let syncMode = true;
  let syncMs = 0;
  let syncFiles = 0;
  let sliceStarted = performance.now();
  try {
    for (;;) {
      const task = upcoming.done ? undefined : upcoming.value;
      if (
        syncMode &&
        inFlight.length === 0 &&
        task &&
        task.position === 0 &&
        task.last &&
        task.length <= SMALL_FILE_BYTES
      ) {
        upcoming = pending.next();
        const started = performance.now();
        const buffer = readWholeFileSync(task.file, task.length);
        const now = performance.now();
        syncMs += now - started;
        syncFiles += 1;
        if (syncMs > SYNC_BUDGET_MS + syncFiles * SYNC_FILE_MS) syncMode = false;
        signal?.throwIfAborted();
        yield { file: task.file, buffer, length: task.length, last: true };
        if (now - sliceStarted > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStarted = performance.now();
        }
        continue;
      }
      while (start());
      if (inFlight.length === 0) break;
      const next = inFlight.shift()!;
      const chunk = await next.chunk;
      signal?.throwIfAborted();
      yield chunk;
      bytesInFlight -= next.length;
      if (chunk.buffer.length === chunkBytes && spare.length < 2) spare.push(chunk.buffer);
    }
  } finally {
    // On an early exit, let the reads finish before closing their files.
    await Promise.allSettled(inFlight.map((entry) => entry.chunk));
    for (const state of opened.values()) await closeFile(state).catch(() => {});
  }
}

function readWholeFileSync(file: SourceFile, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let fd: number;
  try {
    fd = openSync(file.path, 'r');
  } catch (error) {
    throw new PwnedIndexError(
      'bad-source',
      format('pwnedIndex.source.unreadable', { path: file.path, reason: describe(error) }),
    );
  }
  try {
    let done = 0;
    while (done < length) {
      const bytesRead = readSync(fd, buffer, done, length - done, done);
      if (bytesRead === 0)
        throw new PwnedIndexError('bad-source', format('pwnedIndex.source.shrank', { path: file.path }));
      done += bytesRead;
    }
  } finally {
    closeSync(fd);
  }
  return buffer;
}

/**
 * Cuts each file's chunks into segments for the parse pipeline (parsePipeline.ts): a chunk's whole
 * lines go to `parseLines` (the bulk, parsed by a worker once the corpus is large), the line that
 * straddles two chunks (the end of one joined to the start of the next) and a chunk's unfinished
 * last line are parsed on this thread. Lines longer than MAX_LINE with no end in sight are refused
 * here. A UTF-8 BOM at a file's start is skipped.
 */
class CorpusFeeder {
  private file: SourceFile | undefined;
  private carry: Buffer = EMPTY;
  private atFileStart = true;

  constructor(private readonly pipeline: ParsePipeline) {}

  startFile(file: SourceFile): void {
    this.file = file;
    this.carry = EMPTY;
    this.atFileStart = true;
  }

  /** Hands over `buffer[0, length)` (at most a chunk); `last` when it ends the file. */
  feed(buffer: Buffer, length: number, last: boolean): void {
    const pipeline = this.pipeline;
    const file = this.file!;
    const data = buffer.length === length ? buffer : buffer.subarray(0, length);
    let start = 0;
    if (this.atFileStart && length > 0) {
      this.atFileStart = false;
      if (length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) start = 3;
    }
    // With the workers, the line that straddles the previous chunk and this one goes with this
    // chunk's lines, and a file's last chunk goes to them whole; here, each is parsed on its own.
    const isParallel = pipeline.isParallel;
    let carry: Buffer = EMPTY;
    if (this.carry.length > 0) {
      const newline = data.indexOf(LF, start);
      if (isParallel && (newline >= 0 || last)) carry = this.carry;
      else {
        const end = newline < 0 ? length : newline + 1;
        const joined = Buffer.concat([this.carry, data.subarray(start, end)]);
        this.carry = EMPTY;
        const used = pipeline.parseHere(file, joined, 0, joined.length, last || newline >= 0, true);
        if (used < 0) return;
        if (used < joined.length) {
          if (joined.length > MAX_LINE) pipeline.refuseLine(file, joined, used, joined.length);
          else this.carry = joined.subarray(used);
          return;
        }
        start = end;
      }
      this.carry = EMPTY;
    }
    // The whole lines: the bulk of the chunk.
    const lastNewline = data.lastIndexOf(LF);
    const linesEnd = isParallel && last ? length : lastNewline >= start ? lastNewline + 1 : start;
    if (linesEnd > start || carry.length > 0) {
      pipeline.parseLines(file, data, start, linesEnd, carry);
      if (pipeline.isStopped) return;
    }
    // An unfinished line: carried over to the next chunk (or, ending the file, the last line).
    if (linesEnd < length) {
      const used = pipeline.parseHere(file, data, linesEnd, length, last);
      if (used < 0 || used === length) return;
      if (length - used > MAX_LINE) pipeline.refuseLine(file, data, used, length);
      else this.carry = Buffer.from(data.subarray(used, length));
    }
  }

  /** Ends the corpus. */
  finish(): void {
    if (this.carry.length > 0) this.pipeline.refuseLine(this.file!, this.carry, 0, this.carry.length);
    this.carry = EMPTY;
  }
}

function hex5(value: number): string {
  return value.toString(16).toUpperCase().padStart(5, '0');
}

/** Writes record buffers in order at the records section, hashing them, one write in flight. */
class RecordWriter {
  private position = RECORDS_OFFSET;
  private readonly hash = createHash('sha256');
  private inFlight: Promise<void> = Promise.resolve();

  constructor(private readonly handle: FileHandle) {}

  /** Starts writing `records` once the previous write is done (the caller may reuse the buffer before). */
  async write(records: Buffer): Promise<void> {
    await this.inFlight;
    if (records.length === 0) return;
    this.hash.update(records);
    const position = this.position;
    this.position += records.length;
    this.inFlight = writeAll(this.handle, records, position);
    // Surface a failure at the next write or drain, not as an unhandled rejection.
    this.inFlight.catch(() => {});
  }

  async drain(): Promise<void> {
    await this.inFlight;
  }

  digest(): Buffer {
    return this.hash.digest();
  }
}

async function writeAll(handle: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

/** Makes the rename durable (best effort: some platforms cannot open a directory). */
async function syncDirectory(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some file systems refuse; the rename itself is still atomic.
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}
