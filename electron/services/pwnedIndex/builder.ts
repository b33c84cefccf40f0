// Builds the offline Pwned Passwords index (format.ts) from the official downloader's output, in one
// streaming pass: reads run ahead of the parser and record writes run behind it, so parsing (the
// only CPU-heavy part) has a core to itself while the thread pool does the I/O.
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
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  BUCKETS,
  encodeCount,
  encodeHeader,
  indexBytes,
  infoFromHeader,
  FORMAT_VERSION,
  PwnedIndexError,
  RECORD_BYTES,
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
/** Hand records to the writer once this many bytes are waiting. */
const FLUSH_BYTES = 2 * 2 ** 20;
const PROGRESS_EVERY_BYTES = 16 * 2 ** 20;
/** The longest line accepted (hash, colon, 15-digit count, CRLF, with room to spare). */
const MAX_LINE = 256;
/** The shortest possible line ("35 hex digits:1\n"), to size the record buffer of a chunk. */
const MIN_LINE = 38;

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/** Hex digit value of each byte, -1 when it is not one (so an OR of shifted values goes negative). */
const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i += 1) HEX[0x30 + i] = i;
for (let i = 0; i < 6; i += 1) {
  HEX[0x41 + i] = 10 + i;
  HEX[0x61 + i] = 10 + i;
}

/**
 * The value of two hex digits (0–255) by the little-endian u16 of their characters, -1 when either
 * is not a hex digit: a line's 40 digits take 21 lookups instead of 40. (A -1 anywhere makes the
 * OR of the shifted values negative, as with HEX.) 128 KiB, of which only ~4 KiB are ever read.
 */
const PAIR = new Int16Array(65536).fill(-1);
for (let first = 0; first < 256; first += 1) {
  for (let second = 0; second < 256; second += 1) {
    if (HEX[first]! >= 0 && HEX[second]! >= 0) PAIR[first | (second << 8)] = HEX[first]! * 16 + HEX[second]!;
  }
}

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
  return buildFromChunks(
    streamChunks(chunks, (kind) => {
      layout = kind;
      files += 1;
    }),
    out,
    options,
    {
      bytesTotal: options.bytesTotal ?? 0,
      chunkBytes: Math.max(MAX_LINE, Math.floor(options.chunkBytes ?? DEFAULT_CHUNK_BYTES)),
      sourceKind: () => (layout === 'directory' ? SOURCE_DIRECTORY : SOURCE_FILE),
      missingPrefixes: () => (layout === 'directory' ? BUCKETS - files : 0),
    },
  );
}

/** The caller's chunks as the parser's, with each file's end marked and the layout checked. */
async function* streamChunks(
  chunks: AsyncIterable<CorpusChunk> | Iterable<CorpusChunk>,
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
    if (buffer.length > 0) yield { file: current, buffer, length: buffer.length, last: false };
  }
  if (!current) throw refuse(format('pwnedIndex.stream.empty'));
  yield { file: current, buffer: EMPTY, length: 0, last: true };
}

const EMPTY = Buffer.alloc(0);

interface PipelineFacts {
  bytesTotal: number;
  chunkBytes: number;
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
  try {
    const parser = new CorpusParser(chunkBytes);
    const writer = new RecordWriter(handle);
    let bytesDone = 0;
    let reportedAt = 0;
    const progressEvery = Math.min(PROGRESS_EVERY_BYTES, chunkBytes);
    options.onProgress?.(0, 0, bytesTotal);
    let current: SourceFile | undefined;
    for await (const chunk of chunks) {
      if (chunk.file !== current) {
        current = chunk.file;
        parser.startFile(current);
      }
      parser.feed(chunk.buffer, chunk.length, chunk.last);
      if (parser.outBytes >= FLUSH_BYTES) await writer.write(parser.takeRecords());
      bytesDone += chunk.length;
      if (bytesDone - reportedAt >= progressEvery) {
        reportedAt = bytesDone;
        options.onProgress?.(parser.sourceLines, bytesDone, bytesTotal);
      }
      signal?.throwIfAborted();
    }
    signal?.throwIfAborted();
    parser.finish();
    await writer.write(parser.takeRecords());
    await writer.drain();

    const entries = parser.entries;
    const fileBytes = indexBytes(entries);
    const builtAtMs = (options.now ?? (() => new Date()))().getTime();
    const fields = {
      sourceLines: parser.sourceLines,
      entries,
      builtAtMs,
      fileBytes,
      bodySha256: writer.digest(),
      missingPrefixes: facts.missingPrefixes(),
      sourceKind: facts.sourceKind(),
    };
    const header = encodeHeader(fields, parser.table, () => createHash('sha256'));
    await writeAll(handle, tableBytes(parser.table), TABLE_OFFSET);
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
    options.onProgress?.(parser.sourceLines, totalAtEnd, totalAtEnd);
    return infoFromHeader({ ...fields, version: FORMAT_VERSION });
  } finally {
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
 * The streaming parser: turns corpus lines into records, checks order, counts entries per bucket.
 * `feed` is synchronous (the hot loop); records collect in `records` until `takeRecords`.
 */
class CorpusParser {
  readonly table = new Uint32Array(BUCKETS);
  sourceLines = 0;
  entries = 0;
  outBytes = 0;
  private records: Buffer;
  private spare: Buffer;
  private file: SourceFile | undefined;
  private line = 0;
  private carry: Buffer = Buffer.alloc(0);
  private atFileStart = true;
  // The previous hash line, as seven pieces of the 40 hex digits (5, 6, 6, 6, 6, 6, 5 digits).
  private p0 = -1;
  private p1 = 0;
  private p2 = 0;
  private p3 = 0;
  private p4 = 0;
  private p5 = 0;
  private p6 = 0;
  // The record not yet written (a following line may share its 68-bit key).
  private hasPending = false;
  private r0 = 0;
  private r1 = 0;
  private r2 = 0;
  private rCount = 0;

  constructor(chunkBytes: number) {
    const size = (Math.ceil((chunkBytes + MAX_LINE) / MIN_LINE) + 2) * RECORD_BYTES + FLUSH_BYTES;
    this.records = Buffer.allocUnsafe(size);
    this.spare = Buffer.allocUnsafe(size);
  }

  startFile(file: SourceFile): void {
    this.file = file;
    this.line = 0;
    this.carry = Buffer.alloc(0);
    this.atFileStart = true;
  }

  /** Parses `buffer[0, length)`; `last` when it ends the file. */
  feed(buffer: Buffer, length: number, last: boolean): void {
    let start = 0;
    if (this.atFileStart && length > 0) {
      this.atFileStart = false;
      if (length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) start = 3;
    }
    if (this.carry.length > 0) {
      // Finish the line that straddles the previous chunk and this one.
      const newline = buffer.subarray(0, length).indexOf(LF, start);
      const end = newline < 0 ? length : newline + 1;
      const joined = Buffer.concat([this.carry, buffer.subarray(start, end)]);
      this.carry = Buffer.alloc(0);
      const used = this.parse(joined, 0, joined.length, last || newline >= 0);
      if (used < joined.length) {
        if (joined.length > MAX_LINE) this.garbage(joined, used, joined.length);
        this.carry = joined.subarray(used);
        return;
      }
      start = end;
    }
    const used = this.parse(buffer, start, length, last);
    if (used < length) {
      if (length - used > MAX_LINE) this.garbage(buffer, used, length);
      this.carry = Buffer.from(buffer.subarray(used, length));
    }
  }

  /**
   * Parses whole lines in `buf[start, end)` and returns where the first incomplete one starts.
   * With `final`, the range ends the file: a last line without newline is taken if complete.
   */
  private parse(buf: Buffer, start: number, end: number, final: boolean): number {
    const prefix = this.file!.prefix;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let p = start;
    while (p < end) {
      const first = buf[p]!;
      if (first === LF) {
        this.line += 1;
        p += 1;
        continue;
      }
      if (first === CR) {
        if (p + 1 < end && buf[p + 1] === LF) {
          this.line += 1;
          p += 2;
          continue;
        }
        if (p + 1 >= end && !final) return p;
        if (p + 1 >= end) {
          p += 1;
          continue;
        }
      }
      // Full lines: 40 hex digits then ':'. Suffix lines (directory layout): 35 then ':'.
      let base: number; // where digit 0 of the 40-digit hash would be
      if (prefix >= 0 && p + 35 < end && buf[p + 35] === COLON) base = p - 5;
      else if (p + 40 < end && buf[p + 40] === COLON) base = p;
      else {
        if (!final && end - p <= 41) return p; // may be the start of a line the next chunk ends
        this.badLine(buf, p, end, final);
      }
      // Two digits per lookup: a little-endian u16 of the two characters indexes PAIR.
      const d = base + 5;
      const v1 =
        (PAIR[view.getUint16(d, true)]! << 16) |
        (PAIR[view.getUint16(d + 2, true)]! << 8) |
        PAIR[view.getUint16(d + 4, true)]!;
      const v2 =
        (PAIR[view.getUint16(d + 6, true)]! << 16) |
        (PAIR[view.getUint16(d + 8, true)]! << 8) |
        PAIR[view.getUint16(d + 10, true)]!;
      const v3 =
        (PAIR[view.getUint16(d + 12, true)]! << 16) |
        (PAIR[view.getUint16(d + 14, true)]! << 8) |
        PAIR[view.getUint16(d + 16, true)]!;
      const v4 =
        (PAIR[view.getUint16(d + 18, true)]! << 16) |
        (PAIR[view.getUint16(d + 20, true)]! << 8) |
        PAIR[view.getUint16(d + 22, true)]!;
      const v5 =
        (PAIR[view.getUint16(d + 24, true)]! << 16) |
        (PAIR[view.getUint16(d + 26, true)]! << 8) |
        PAIR[view.getUint16(d + 28, true)]!;
      const v6 =
        (PAIR[view.getUint16(d + 30, true)]! << 12) |
        (PAIR[view.getUint16(d + 32, true)]! << 4) |
        HEX[buf[d + 34]!]!;
      const v0 =
        base === p
          ? (PAIR[view.getUint16(p, true)]! << 12) |
            (PAIR[view.getUint16(p + 2, true)]! << 4) |
            HEX[buf[p + 4]!]!
          : prefix;
      if ((v0 | v1 | v2 | v3 | v4 | v5 | v6) < 0) this.badLine(buf, p, end, final);
      // The count: 1 to 15 digits, then CRLF, LF or the end of the file.
      let q = d + 36;
      let count = 0;
      const digitsFrom = q;
      while (q < end) {
        const digit = buf[q]! - 0x30;
        if (digit < 0 || digit > 9) break;
        count = count * 10 + digit;
        q += 1;
      }
      let next: number;
      if (q >= end) {
        if (!final) return p;
        next = q;
      } else if (buf[q] === LF) next = q + 1;
      else if (buf[q] === CR && q + 1 < end && buf[q + 1] === LF) next = q + 2;
      else if (buf[q] === CR && q + 1 >= end) {
        if (!final) return p;
        next = q + 1;
      } else next = -1;
      if (next < 0 || q === digitsFrom || q - digitsFrom > 15) this.badLine(buf, p, end, final);
      this.line += 1;
      if (prefix >= 0 && v0 !== prefix) {
        throw this.error(
          format('pwnedIndex.line.wrongPrefix', { hash: lineText(buf, p, end), prefix: hex5(prefix) }),
        );
      }
      // Strictly ascending, compared piece by piece (case does not matter: these are values).
      let order = v0 - this.p0;
      if (order === 0) order = v1 - this.p1;
      if (order === 0) order = v2 - this.p2;
      if (order === 0) order = v3 - this.p3;
      if (order === 0) order = v4 - this.p4;
      if (order === 0) order = v5 - this.p5;
      if (order === 0) order = v6 - this.p6;
      if (order <= 0) {
        throw this.error(
          order === 0
            ? format('pwnedIndex.line.twice', { hash: lineText(buf, p, end) })
            : format('pwnedIndex.line.unsorted', { hash: lineText(buf, p, end) }),
        );
      }
      this.p0 = v0;
      this.p1 = v1;
      this.p2 = v2;
      this.p3 = v3;
      this.p4 = v4;
      this.p5 = v5;
      this.p6 = v6;
      this.sourceLines += 1;
      // The record's 68-bit key is v0 (bucket, 20 bits), v1 and v2 (24 bits each): hex digits 0–16.
      if (count > 0) {
        if (this.hasPending && this.r0 === v0 && this.r1 === v1 && this.r2 === v2) {
          if (count > this.rCount) this.rCount = count;
        } else {
          if (this.hasPending) this.emit();
          this.hasPending = true;
          this.r0 = v0;
          this.r1 = v1;
          this.r2 = v2;
          this.rCount = count;
        }
      }
      p = next;
    }
    return p;
  }

  private emit(): void {
    const out = this.records;
    let o = this.outBytes;
    const k1 = this.r1;
    const k2 = this.r2;
    out[o++] = k1 >>> 16;
    out[o++] = (k1 >>> 8) & 0xff;
    out[o++] = k1 & 0xff;
    out[o++] = k2 >>> 16;
    out[o++] = (k2 >>> 8) & 0xff;
    out[o++] = k2 & 0xff;
    out[o++] = encodeCount(this.rCount);
    this.outBytes = o;
    this.table[this.r0] = this.table[this.r0]! + 1;
    this.entries += 1;
  }

  /** Ends the corpus: writes the last pending record. */
  finish(): void {
    if (this.carry.length > 0) this.garbage(this.carry, 0, this.carry.length);
    if (this.hasPending) this.emit();
    this.hasPending = false;
  }

  /** The records parsed so far; the parser continues in another buffer. */
  takeRecords(): Buffer {
    // The writer finishes writing one buffer before it is handed the other, and the parser only
    // fills a buffer again after that hand-over: two buffers are enough.
    const full = this.records;
    this.records = this.spare;
    this.spare = full;
    const length = this.outBytes;
    this.outBytes = 0;
    return full.subarray(0, length);
  }

  /** Explains why the line at `p` is not a corpus line, and throws. */
  private badLine(buf: Buffer, p: number, end: number, final: boolean): never {
    const newline = buf.subarray(0, end).indexOf(LF, p);
    const lineEnd = newline < 0 ? end : newline;
    let text = buf.toString('latin1', p, lineEnd);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    this.line += 1;
    const directoryLayout = this.file!.prefix >= 0;
    if (/^[0-9A-Fa-f]{32}:\d+$/.test(text) || (directoryLayout && /^[0-9A-Fa-f]{27}:\d+$/.test(text)))
      throw this.error(format('pwnedIndex.line.ntlm', { options: '-n / --ntlm' }));
    if (newline < 0 && final && /^[0-9A-Fa-f]{0,40}(:\d*)?$/.test(text))
      throw this.error(format('pwnedIndex.line.cutShort', { text: JSON.stringify(text.slice(0, 60)) }));
    if (/^[0-9A-Fa-f]+:\d{16,}$/.test(text)) throw this.error(format('pwnedIndex.line.countOutOfRange'));
    throw this.error(
      format('pwnedIndex.line.expected', {
        layout: directoryLayout ? 'directory' : 'file',
        suffixShape: 'SUFFIX:COUNT',
        hashShape: 'HASH:COUNT',
        text: JSON.stringify(text.slice(0, 80)),
      }),
    );
  }

  private garbage(buf: Buffer, from: number, to: number): never {
    this.badLine(buf, from, to, true);
  }

  private error(problem: string): PwnedIndexError {
    return new PwnedIndexError(
      'bad-source',
      format('pwnedIndex.line.refused', { file: this.file!.path, line: String(this.line), problem }),
    );
  }
}

function lineText(buf: Buffer, p: number, end: number): string {
  const newline = buf.subarray(0, end).indexOf(LF, p);
  return buf
    .toString('latin1', p, newline < 0 ? end : newline)
    .replace(/\r$/, '')
    .slice(0, 80);
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
