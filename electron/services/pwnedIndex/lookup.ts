// Looks hashes up in the offline Pwned Passwords index (format.ts) without loading it: the open
// reads and checks the header and the 4 MiB offset table; each lookup then reads the records
// around the position interpolated from the hash (SHA-1s are uniform, so a key's rank in its bucket
// of n records is within ±2·√n of key/2^48 · n nearly always) that lie in the same 4 KiB page,
// then the rest of that window if the key lies past the page (~2% at 1e9 entries), falling back to
// a binary search by reads when it is not in the window at all: a cold lookup costs about one
// page-in. Queries are deduplicated and sorted, and nearby reads merged. Reads are synchronous while they come from the page cache (a few µs each, ten times less
// than a thread-pool round trip; the event loop gets a turn every few ms); as soon as they prove
// slow, the rest go through the thread pool, READ_CONCURRENCY at a time, so disk waits overlap.
import * as crypto from 'node:crypto';
import { close, fstat, open, read, readSync, type Stats } from 'node:fs';
import {
  BUCKETS,
  COUNT_OF_CODE,
  decodeHeader,
  indexBytes,
  infoFromHeader,
  metaChecksum,
  PwnedIndexError,
  RECORD_BYTES,
  RECORDS_OFFSET,
  HEADER_BYTES,
  TABLE_BYTES,
  TABLE_OFFSET,
  tableFromBytes,
  type IndexInfo,
  META_CHECKSUM_OFFSET,
} from './format';
import { format, type MessageValues } from '../../../common/messages/format';
import type { MessageId } from '../../../common/messages/en';

export interface PwnedIndex {
  readonly info: IndexInfo;
  /**
   * Times each SHA-1 (40 hex digits, either case) appears in the corpus, 0 = not in it. Keys are the
   * strings given. Counts above 127 are lower bounds (IndexInfo.exactCountLimit).
   */
  lookupHashes(sha1Hex: readonly string[]): Promise<Map<string, number>>;
  /** The same for passwords (each distinct one hashed once, UTF-8). */
  lookupPasswords(passwords: readonly string[]): Promise<Map<string, number>>;
  /** Closes the file once lookups in progress are done. */
  close(): Promise<void>;
  /** How the most recent lookup read the file. */
  readonly lastLookupStats: LookupStats;
}

/** SHA-1 of a string's UTF-8 bytes in hex: the one-shot crypto.hash (Node ≥ 20.12) where it exists. */
const sha1Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha1', text, 'hex')
    : (text) => crypto.createHash('sha1').update(text, 'utf8').digest('hex');

/** Reads in flight at once (the thread pool runs 4 by default; more queue there, keeping it busy). */
const READ_CONCURRENCY = 16;
/** Two windows closer than this are read as one (a 4 KiB page costs the same either way). */
const MERGE_GAP_BYTES = 4096;
const MAX_READ_BYTES = 64 * 1024;
/** The page size reads are fitted to (a cold read costs a page-in per page touched). */
const PAGE_BYTES = 4096;
/** Queries per batch: bounds the memory of one lookup call whatever the number of passwords. */
const BATCH = 8192;
/** A binary search by reads narrows to a range this size, then reads it whole. */
const SEARCH_READ_BYTES = 16 * 1024;
const TWO_48 = 2 ** 48;
/**
 * Synchronous reads continue while their total time stays under SYNC_BUDGET_MS plus SYNC_READ_MS a
 * read: page-cache reads (a few µs) never exhaust it; disk reads (~100 µs) do after a few dozen.
 */
const SYNC_BUDGET_MS = 5;
const SYNC_READ_MS = 0.02;
/** Longest stretch of synchronous reads before the event loop gets a turn. */
const SLICE_MS = 4;
/** searchWindow's answers when the key lies outside the window read. */
const LEFT = -1;
const RIGHT = -2;

const pOpen = (path: string) =>
  new Promise<number>((resolve, reject) =>
    open(path, 'r', (error, fd) => (error ? reject(error) : resolve(fd))),
  );
const pClose = (fd: number) =>
  new Promise<void>((resolve, reject) => close(fd, (error) => (error ? reject(error) : resolve())));
const pStat = (fd: number) =>
  new Promise<Stats>((resolve, reject) =>
    fstat(fd, (error, stats) => (error ? reject(error) : resolve(stats))),
  );
const pRead = (fd: number, buffer: Buffer, offset: number, length: number, position: number) =>
  new Promise<number>((resolve, reject) =>
    read(fd, buffer, offset, length, position, (error, bytesRead) =>
      error ? reject(error) : resolve(bytesRead),
    ),
  );

function readExactlySync(fd: number, path: string, buffer: Buffer, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const bytesRead = readSync(fd, buffer, done, length - done, position + done);
    if (bytesRead === 0) throw damaged(path, 'pwnedIndex.damaged.readShort');
    done += bytesRead;
  }
}

/** Reads exactly `length` bytes at `position`, or reports the index as damaged (cut short). */
async function readExactly(
  fd: number,
  path: string,
  buffer: Buffer,
  offset: number,
  length: number,
  position: number,
): Promise<void> {
  let done = 0;
  while (done < length) {
    const bytesRead = await pRead(fd, buffer, offset + done, length - done, position + done);
    if (bytesRead === 0) throw damaged(path, 'pwnedIndex.damaged.readShort');
    done += bytesRead;
  }
}

/** Why an index is damaged: the end of "Offline corpus unavailable: PATH …". */
type DamagedWhy = Extract<MessageId, `pwnedIndex.damaged.${string}`>;

/** The index at `path` is damaged: `why` is a `pwnedIndex.damaged.*` message, with its values. */
function damaged(path: string, why: DamagedWhy, values?: MessageValues): PwnedIndexError {
  return new PwnedIndexError(
    'damaged',
    format('pwnedIndex.index.damaged', { path, why: format(why, values) }),
    path,
  );
}

interface OpenedIndex {
  fd: number;
  info: IndexInfo;
  table: Uint32Array;
  /** First record of each bucket; starts[BUCKETS] = entries. */
  starts: Float64Array;
  bodySha256: Buffer;
}

/**
 * Opens and checks header, sizes and the table's checksum; throws PwnedIndexError otherwise.
 * With `randomAccess`, the header and table are read through a second descriptor of the same file,
 * closed afterwards: Linux keeps readahead state per open file, and the table's 4 MiB sequential
 * read would otherwise make each later random read of a few hundred bytes fetch ~30 KB from disk
 * (measured at 1e9 entries: 7.4 pages a lookup instead of 1.2, cold lookups much slower).
 */
async function openChecked(path: string, randomAccess = false): Promise<OpenedIndex> {
  let fd: number;
  try {
    fd = await pOpen(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new PwnedIndexError(
      'missing',
      code === 'ENOENT'
        ? format('pwnedIndex.index.missing', { path })
        : format('pwnedIndex.index.cannotOpen', {
            path,
            reason: typeof code === 'string' ? code : String(error),
          }),
      path,
    );
  }
  let metaFd = fd;
  try {
    const stats = await pStat(fd);
    if (randomAccess) {
      metaFd = await pOpen(path);
      const other = await pStat(metaFd);
      // A rebuild may have renamed a new index over the path between the two opens.
      if (other.ino !== stats.ino || other.dev !== stats.dev)
        throw new PwnedIndexError('damaged', format('pwnedIndex.index.replaced', { path }), path);
    }
    const size = stats.size;
    const header = Buffer.alloc(HEADER_BYTES);
    if (size < HEADER_BYTES) throw damaged(path, 'pwnedIndex.damaged.tooShort');
    await readExactly(metaFd, path, header, 0, HEADER_BYTES, 0);
    const fields = decodeHeader(header, path);
    if (fields.fileBytes !== indexBytes(fields.entries))
      throw damaged(path, 'pwnedIndex.damaged.sizeMismatch');
    if (size < fields.fileBytes)
      throw damaged(path, 'pwnedIndex.damaged.truncated', {
        size: String(size),
        expected: String(fields.fileBytes),
      });
    if (size > fields.fileBytes)
      throw damaged(path, 'pwnedIndex.damaged.extraBytes', { count: size - fields.fileBytes });
    const tableBuffer = Buffer.allocUnsafe(TABLE_BYTES);
    await readExactly(metaFd, path, tableBuffer, 0, TABLE_BYTES, TABLE_OFFSET);
    const table = tableFromBytes(tableBuffer);
    const expected = header.subarray(META_CHECKSUM_OFFSET, META_CHECKSUM_OFFSET + 32);
    if (!metaChecksum(header, table, () => crypto.createHash('sha256')).equals(expected))
      throw damaged(path, 'pwnedIndex.damaged.metaChecksum');
    const starts = new Float64Array(BUCKETS + 1);
    let total = 0;
    for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
      starts[bucket] = total;
      total += table[bucket]!;
    }
    starts[BUCKETS] = total;
    if (total !== fields.entries) throw damaged(path, 'pwnedIndex.damaged.tableSum');
    return { fd, info: infoFromHeader(fields), table, starts, bodySha256: fields.bodySha256 };
  } catch (error) {
    await pClose(fd).catch(() => {});
    throw error;
  } finally {
    if (metaFd !== fd) await pClose(metaFd).catch(() => {});
  }
}

interface Block {
  /** Records [first, end) are read at once. */
  first: number;
  end: number;
  queries: Query[];
}

/** How the last lookup went (for benchmarks and diagnostics). */
export interface LookupStats {
  /** Reads answered synchronously (page cache) and through the thread pool. */
  syncReads: number;
  asyncReads: number;
  bytesRead: number;
  /** Queries whose key lay past the edge of the page read first (the rest of the window was read). */
  secondReads: number;
  /** Queries whose key lay outside the interpolated window (a binary search by reads followed). */
  fallbacks: number;
}

interface Query {
  hash: string;
  bucket: number;
  /** Hash bits 20–67, as stored in records. */
  key: number;
  /** The window of records to read [lo, hi), inside the bucket. */
  lo: number;
  hi: number;
  /** The whole interpolated window, of which [lo, hi) is read first. */
  wideLo: number;
  wideHi: number;
  count: number;
}

/**
 * Opens an index for lookups. Throws PwnedIndexError 'missing', 'damaged' or 'unknown-version'
 * ("Offline corpus unavailable: …") when it cannot answer: a caller must then treat passwords as
 * not checked, never as not breached. Only the header and table are checked here; verifyIndex()
 * checks every record.
 */
export async function openPwnedIndex(path: string): Promise<PwnedIndex> {
  const opened = await openChecked(path, true);
  const { fd, table, starts } = opened;
  let closed = false;
  let stats: LookupStats = { syncReads: 0, asyncReads: 0, bytesRead: 0, secondReads: 0, fallbacks: 0 };
  const active = new Set<Promise<unknown>>();

  const recordKey = (buf: Buffer, o: number) =>
    ((buf[o]! << 16) | (buf[o + 1]! << 8) | buf[o + 2]!) * 16777216 +
    ((buf[o + 3]! << 16) | (buf[o + 4]! << 8) | buf[o + 5]!);

  /**
   * Searches `buf` (holding records from `first` on) for the query's key within records [lo, hi),
   * which must lie in the query's bucket. Returns the count; 0 when the key is surely absent from
   * the bucket; LEFT or RIGHT when it would lie before or after the window, which does not reach
   * that end of the bucket. Also checks the window is in order: an index that is not is damaged.
   */
  const searchWindow = (buf: Buffer, first: number, query: Query, lo: number, hi: number): number => {
    const base = (lo - first) * RECORD_BYTES;
    const n = hi - lo;
    let previous = -1;
    for (let i = 0, o = base; i < n; i += 1, o += RECORD_BYTES) {
      const key = recordKey(buf, o);
      if (key <= previous || buf[o + 6] === 0)
        throw damaged(path, 'pwnedIndex.damaged.outOfOrderNear', { entry: String(lo + i) });
      previous = key;
    }
    let a = 0;
    let b = n - 1;
    while (a <= b) {
      const mid = (a + b) >> 1;
      const o = base + mid * RECORD_BYTES;
      const key = recordKey(buf, o);
      if (key === query.key) return COUNT_OF_CODE[buf[o + 6]!]!;
      if (key < query.key) a = mid + 1;
      else b = mid - 1;
    }
    // `a` is where the key would go: absent for sure unless the bucket continues on that side.
    const bucketStart = starts[query.bucket]!;
    if (a === 0 && lo > bucketStart) return LEFT;
    if (a === n && hi < bucketStart + table[query.bucket]!) return RIGHT;
    return 0;
  };

  /** Exact search by reads for the query's key in records [lo, hi), where it must be if present. */
  const searchByReads = async (query: Query, lo: number, hi: number): Promise<number> => {
    const probe = Buffer.allocUnsafe(RECORD_BYTES);
    while ((hi - lo) * RECORD_BYTES > SEARCH_READ_BYTES) {
      const mid = Math.floor((lo + hi) / 2);
      await readExactly(fd, path, probe, 0, RECORD_BYTES, RECORDS_OFFSET + mid * RECORD_BYTES);
      const key = recordKey(probe, 0);
      if (key === query.key) return COUNT_OF_CODE[probe[6]!]!;
      if (key < query.key) lo = mid + 1;
      else hi = mid;
    }
    if (hi <= lo) return 0;
    const buf = Buffer.allocUnsafe((hi - lo) * RECORD_BYTES);
    await readExactly(fd, path, buf, 0, buf.length, RECORDS_OFFSET + lo * RECORD_BYTES);
    // The range is all the bucket could hold the key in: "not in this window" means absent.
    return Math.max(0, searchWindow(buf, lo, query, lo, hi));
  };

  /**
   * Reads each query's window [lo, hi) (nearby windows merged into one read) and settles the queries whose key it holds or rules out. Returns the others, with the
   * side of their window where the key would lie.
   */
  const readWindows = async (queries: Query[]): Promise<{ query: Query; side: number }[]> => {
    const blocks: Block[] = [];
    // A second read's window may start before the one of the query before it (the rest of its
    // window on the left side): merged reads need them in order of where they start.
    const inOrder = queries.every((query, i) => i === 0 || queries[i - 1]!.lo <= query.lo);
    for (const query of inOrder ? queries : [...queries].sort((a, b) => a.lo - b.lo)) {
      const last = blocks[blocks.length - 1];
      if (
        last &&
        (query.lo - last.end) * RECORD_BYTES <= MERGE_GAP_BYTES &&
        (Math.max(last.end, query.hi) - last.first) * RECORD_BYTES <= MAX_READ_BYTES
      ) {
        last.end = Math.max(last.end, query.hi);
        last.queries.push(query);
      } else blocks.push({ first: query.lo, end: query.hi, queries: [query] });
    }
    const retry: { query: Query; side: number }[] = [];
    const settle = (block: Block, buf: Buffer) => {
      for (const query of block.queries) {
        const found = searchWindow(buf, block.first, query, query.lo, query.hi);
        if (found >= 0) query.count = found;
        else retry.push({ query, side: found });
      }
    };
    // Synchronous reads first: from the page cache they take a few µs each, ten times less than a
    // trip through the thread pool. Once they prove slow (the disk is answering), the rest go
    // through the thread pool, many at a time. The event loop gets a turn every few milliseconds.
    let next = 0;
    let syncMs = 0;
    let sliceStarted = performance.now();
    let scratch = Buffer.allocUnsafe(64 * 1024);
    // (The buffers are reused whole: a read fills their start, and settle looks no further.)
    while (next < blocks.length && syncMs <= SYNC_BUDGET_MS + stats.syncReads * SYNC_READ_MS) {
      const block = blocks[next++]!;
      const length = (block.end - block.first) * RECORD_BYTES;
      if (length > scratch.length) scratch = Buffer.allocUnsafe(length);
      const started = performance.now();
      readExactlySync(fd, path, scratch, length, RECORDS_OFFSET + block.first * RECORD_BYTES);
      const now = performance.now();
      syncMs += now - started;
      stats.syncReads += 1;
      stats.bytesRead += length;
      settle(block, scratch);
      if (now - sliceStarted > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
      }
    }
    const worker = async () => {
      let own = Buffer.allocUnsafe(16 * 1024);
      while (next < blocks.length) {
        const block = blocks[next++]!;
        const length = (block.end - block.first) * RECORD_BYTES;
        if (length > own.length) own = Buffer.allocUnsafe(length);
        await readExactly(fd, path, own, 0, length, RECORDS_OFFSET + block.first * RECORD_BYTES);
        stats.asyncReads += 1;
        stats.bytesRead += length;
        settle(block, own);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, blocks.length - next) }, worker));
    return retry;
  };

  const lookBatch = async (queries: Query[]): Promise<void> => {
    // Each query's window: ±(2√n + 2) records around the position interpolated from its key, cut to
    // the 4 KiB page of the file that position is in, so that a cold lookup reads one page (a
    // whole window crosses a page boundary one time in five; the cut one misses the key ~2% of
    // the time, and then the rest of the window is read).
    const asked: Query[] = [];
    for (const query of queries) {
      const start = starts[query.bucket]!;
      const n = table[query.bucket]!;
      if (n === 0) {
        query.count = 0;
        continue;
      }
      const half = Math.ceil(2 * Math.sqrt(n)) + 2;
      const guess = start + Math.floor((query.key / TWO_48) * n);
      query.wideLo = Math.max(start, guess - half);
      query.wideHi = Math.min(start + n, guess + half + 1);
      const page = Math.floor((RECORDS_OFFSET + guess * RECORD_BYTES) / PAGE_BYTES) * PAGE_BYTES;
      query.lo = Math.max(query.wideLo, Math.ceil((page - RECORDS_OFFSET) / RECORD_BYTES));
      query.hi = Math.min(query.wideHi, Math.floor((page + PAGE_BYTES - RECORDS_OFFSET) / RECORD_BYTES));
      if (query.hi <= query.lo) {
        query.lo = query.wideLo;
        query.hi = query.wideHi;
      }
      asked.push(query);
    }
    // Keys past the page's edge: the rest of the window on that side.
    const rest: Query[] = [];
    const outside: { query: Query; side: number }[] = [];
    for (const { query, side } of await readWindows(asked)) {
      if (side === LEFT && query.wideLo < query.lo) {
        query.hi = query.lo;
        query.lo = query.wideLo;
      } else if (side === RIGHT && query.hi < query.wideHi) {
        query.lo = query.hi;
        query.hi = query.wideHi;
      } else {
        outside.push({ query, side });
        continue;
      }
      rest.push(query);
    }
    stats.secondReads += rest.length;
    for (const { query, side } of await readWindows(rest)) {
      // Before the right-hand rest (or after the left-hand one) is between the two reads: absent.
      const wentRight = query.lo > query.wideLo;
      if ((side === LEFT) === wentRight) query.count = 0;
      else outside.push({ query, side });
    }
    stats.fallbacks += outside.length;
    // Keys outside the whole window: search the rest of the bucket on the side where they lie.
    for (const { query, side } of outside) {
      const start = starts[query.bucket]!;
      query.count =
        side === LEFT
          ? await searchByReads(query, start, query.lo)
          : await searchByReads(query, query.hi, start + table[query.bucket]!);
    }
  };

  const lookupHashes = (hashes: readonly string[]): Promise<Map<string, number>> => {
    if (closed) return Promise.reject(new Error('The Pwned Passwords index is closed.'));
    const lookup = lookUp(hashes);
    active.add(lookup);
    void lookup.finally(() => active.delete(lookup)).catch(() => {});
    return lookup;
  };

  const lookUp = async (hashes: readonly string[]): Promise<Map<string, number>> => {
    const byHash = new Map<string, Query>();
    for (const given of hashes) {
      const hash = typeof given === 'string' && given.length === 40 ? given.toUpperCase() : '';
      if (byHash.has(hash)) continue;
      // Digits 0–4 are the bucket, 5–16 the record key; all 40 must be hex.
      let bucket = 0;
      let key = 0;
      let valid = hash.length === 40;
      for (let i = 0; valid && i < 40; i += 1) {
        const c = hash.charCodeAt(i);
        const digit = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : -1;
        if (digit < 0) valid = false;
        else if (i < 5) bucket = bucket * 16 + digit;
        else if (i < 17) key = key * 16 + digit;
      }
      if (!valid)
        throw new PwnedIndexError(
          'bad-query',
          format('pwnedIndex.query.notSha1', { given: JSON.stringify(String(given).slice(0, 60)) }),
        );
      byHash.set(hash, { hash, bucket, key, lo: 0, hi: 0, wideLo: 0, wideHi: 0, count: 0 });
    }
    const queries = [...byHash.values()].sort((a, b) => a.bucket - b.bucket || a.key - b.key);
    stats = { syncReads: 0, asyncReads: 0, bytesRead: 0, secondReads: 0, fallbacks: 0 };
    for (let from = 0; from < queries.length; from += BATCH) {
      await lookBatch(queries.slice(from, from + BATCH));
    }
    const results = new Map<string, number>();
    for (const given of hashes) results.set(given, byHash.get(given.toUpperCase())!.count);
    return results;
  };

  return {
    info: opened.info,
    get lastLookupStats() {
      return { ...stats };
    },
    lookupHashes,
    async lookupPasswords(passwords) {
      const hashOf = new Map<string, string>();
      for (const password of passwords) {
        if (!hashOf.has(password)) hashOf.set(password, sha1Hex(password).toUpperCase());
      }
      const counts = await lookupHashes([...hashOf.values()]);
      const results = new Map<string, number>();
      for (const [password, hash] of hashOf) results.set(password, counts.get(hash)!);
      return results;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...active]);
      await pClose(fd);
    },
  };
}

export interface VerifyOptions {
  onProgress?(bytesDone: number, bytesTotal: number): void;
  signal?: AbortSignal;
}

/**
 * Reads the whole index (for the Settings screen: ~7 GB for the full corpus): the header and table
 * as at open, the SHA-256 of the records, and that keys ascend within each bucket with non-zero
 * counts. Returns the index's info; throws PwnedIndexError as openPwnedIndex does.
 */
export async function verifyIndex(path: string, options: VerifyOptions = {}): Promise<IndexInfo> {
  const opened = await openChecked(path);
  const { fd, table, info } = opened;
  try {
    const hash = crypto.createHash('sha256');
    const recordsPerChunk = 2 ** 20;
    const buf = Buffer.allocUnsafe(recordsPerChunk * RECORD_BYTES);
    let bucket = 0;
    let leftInBucket = table[0]!;
    let previous = -1;
    let index = 0;
    while (index < info.entries) {
      options.signal?.throwIfAborted();
      const count = Math.min(recordsPerChunk, info.entries - index);
      const length = count * RECORD_BYTES;
      await readExactly(fd, path, buf, 0, length, RECORDS_OFFSET + index * RECORD_BYTES);
      hash.update(buf.subarray(0, length));
      for (let o = 0; o < length; o += RECORD_BYTES) {
        while (leftInBucket === 0) {
          bucket += 1;
          leftInBucket = table[bucket]!;
          previous = -1;
        }
        const key =
          ((buf[o]! << 16) | (buf[o + 1]! << 8) | buf[o + 2]!) * 16777216 +
          ((buf[o + 3]! << 16) | (buf[o + 4]! << 8) | buf[o + 5]!);
        if (key <= previous || buf[o + 6] === 0)
          throw damaged(path, 'pwnedIndex.damaged.badRecord', { record: String(index + o / RECORD_BYTES) });
        previous = key;
        leftInBucket -= 1;
      }
      index += count;
      options.onProgress?.(RECORDS_OFFSET + index * RECORD_BYTES, info.bytes);
    }
    if (!hash.digest().equals(opened.bodySha256)) throw damaged(path, 'pwnedIndex.damaged.recordsChecksum');
    options.onProgress?.(info.bytes, info.bytes);
    return info;
  } finally {
    await pClose(fd).catch(() => {});
  }
}
