// The on-disk format of Lockstep's offline Pwned Passwords index (version 1).
//
// The index answers "how often does this SHA-1 appear in the Pwned Passwords corpus?" for a whole
// vault with a few positioned reads, without loading the ~7 GB file. All integers little-endian,
// except the record keys (big-endian, so byte order is sort order).
//
//   offset  size        field
//   0       8           magic "LKSPWNIX"
//   8       4           format version (u32) = 1
//   12      4           header size in bytes (u32) = 128
//   16      1           bucket bits (u8) = 20: the bucket is the first 20 bits (5 hex digits) of the hash
//   17      1           key bytes (u8) = 6: the next 48 bits of the hash, stored in each record
//   18      1           count bytes (u8) = 1
//   19      1           record size (u8) = 7
//   20      4           hash kind (u32) = 1 (SHA-1; NTLM corpora are refused at build time)
//   24      8           source lines (u64): hash lines read from the corpus (count-0 padding lines included)
//   32      8           entries (u64): records in the file
//   40      8           built at (u64): milliseconds since 1970-01-01 UTC
//   48      8           file size in bytes (u64): header + table + entries × 7
//   56      32          body checksum: SHA-256 of the records section, computed while streaming it
//   88      4           missing prefixes (u32): 5-hex prefixes with no file in a directory source
//                       (0 for a single-file source, which is taken as complete)
//   92      1           source kind (u8): 1 = one sorted file, 2 = a directory of prefix files
//   93      3           reserved, zero
//   96      32          meta checksum: SHA-256 of bytes 0–95 followed by the whole offset table,
//                       verified at every open (4 MiB: a few milliseconds)
//   128     4 × 2^20    offset table: entries per bucket (u32), bucket i = hashes whose first five
//                       hex digits are i; a bucket's first record is the sum of the counts before it
//   128 + 4 MiB         records, sorted by (bucket, key), keys strictly increasing within a bucket:
//                       6 bytes: hash bits 20–67 (hex digits 6–17), big-endian
//                       1 byte:  count code (see encodeCount)
//
// Why 2^20 buckets: a bucket is exactly one 5-hex prefix, i.e. one file of the downloader's
// directory layout and one range-API answer. At the full corpus (~1e9 hashes) a bucket holds ~950
// records (~6.5 KB), so a lookup needs one small positioned read (the records around the position
// interpolated from the key, the hashes being uniform), and the table costs 4 MiB to read and check
// at open. 2^16 buckets would make the table 256 KiB but each bucket ~100 KB, needing a binary
// search over several reads per lookup; the 20 bits of the bucket are free key bits.
//
// Key width and false positives: each record keeps 20 + 48 = 68 bits of the hash. A hash that is not
// in the corpus is reported as found only if its first 68 bits equal those of some corpus hash:
// probability 1 - (1 - 2^-68)^entries ≈ entries / 2^68, i.e. 3.4e-14 for 1e7 entries and 3.4e-12
// for the full 1e9-entry corpus (well below 1e-9 per lookup). Two corpus hashes that share their
// first 68 bits (expected ~0.002 such pairs in 1e9) become one record with the larger count.
//
// Counts: one byte. Codes 1–127 are the exact count; codes 128–255 are log-scaled, six steps per
// doubling from 128 (each code stands for counts up to 12.2% above its lower bound), and the index
// reports the lower bound: a count above 127 reads as "at least N", up to 10.9% below the true count
// (e.g. 1,000,000 reads as 934,176). Code 255 means ≥ 301,308,612 (no hash is seen that often today).
// Code 0 never appears in a record; lookups use 0 for "not in the corpus".

import type { MessageId } from '../../../common/messages/en';
import { format, type MessageValues } from '../../../common/messages/format';

export const MAGIC = Buffer.from('LKSPWNIX', 'latin1');
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 128;
export const BUCKET_BITS = 20;
export const BUCKETS = 2 ** BUCKET_BITS;
export const KEY_BYTES = 6;
export const COUNT_BYTES = 1;
export const RECORD_BYTES = KEY_BYTES + COUNT_BYTES;
/** Bits of the hash an index keeps: the bucket plus the record key. */
export const KEY_BITS = BUCKET_BITS + KEY_BYTES * 8;
export const TABLE_OFFSET = HEADER_BYTES;
export const TABLE_BYTES = BUCKETS * 4;
export const RECORDS_OFFSET = TABLE_OFFSET + TABLE_BYTES;
export const HASH_KIND_SHA1 = 1;
export const SOURCE_FILE = 1;
export const SOURCE_DIRECTORY = 2;

/** Where the meta checksum sits; it covers the header bytes before it and the offset table. */
export const META_CHECKSUM_OFFSET = 96;
const BODY_CHECKSUM_OFFSET = 56;

/** Counts up to this are stored exactly. */
export const EXACT_COUNT_LIMIT = 127;
const LOG_STEPS_PER_DOUBLING = 6;

/** Lower bound of the counts each code 128–255 stands for. */
const LOG_LOWER_BOUNDS: readonly number[] = Array.from({ length: 128 }, (_, step) =>
  Math.ceil((EXACT_COUNT_LIMIT + 1) * 2 ** (step / LOG_STEPS_PER_DOUBLING)),
);
/** What each code decodes to (index = code); 0 = not in the corpus. */
export const COUNT_OF_CODE: Float64Array = (() => {
  const table = new Float64Array(256);
  for (let code = 1; code <= EXACT_COUNT_LIMIT; code += 1) table[code] = code;
  for (let step = 0; step < 128; step += 1) table[128 + step] = LOG_LOWER_BOUNDS[step]!;
  return table;
})();

/** The one-byte code of a count ≥ 1 (counts below 1 are not stored). */
export function encodeCount(count: number): number {
  if (count <= EXACT_COUNT_LIMIT) return Math.max(1, count);
  // Largest step whose lower bound is ≤ count (binary search over 128 bounds).
  let lo = 0;
  let hi = 127;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (LOG_LOWER_BOUNDS[mid]! <= count) lo = mid;
    else hi = mid - 1;
  }
  return 128 + lo;
}

/** The count an index reports for a corpus count: exact up to 127, else the lower bound of its code. */
export function storedCount(count: number): number {
  return count < 1 ? 0 : COUNT_OF_CODE[encodeCount(count)]!;
}

/** Probability that a hash not in the corpus matches one of `entries` records on the first 68 bits. */
export function falsePositiveRate(entries: number): number {
  // -expm1(entries × log1p(-2^-68)) = 1 - (1 - 2^-68)^entries, accurate for tiny rates.
  return -Math.expm1(entries * Math.log1p(-(2 ** -KEY_BITS)));
}

export type PwnedIndexErrorCode =
  /** No index at the path (or it cannot be opened). */
  | 'missing'
  /** The file is not a whole, intact index: truncated, checksum mismatch, inconsistent header. */
  | 'damaged'
  /** An index written by another version of Lockstep. */
  | 'unknown-version'
  /** The corpus given to the builder is not usable (NTLM, garbage, unsorted, cut short…). */
  | 'bad-source'
  /** A lookup was given something that is not a SHA-1 in hex. */
  | 'bad-query';

/**
 * Every failure of the offline corpus. For 'missing', 'damaged' and 'unknown-version' the message
 * starts with "Offline corpus unavailable": a caller must then report passwords as not checked,
 * never as "not breached".
 */
export class PwnedIndexError extends Error {
  override name = 'PwnedIndexError';
  constructor(
    readonly code: PwnedIndexErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/** True for the errors that mean "the offline corpus cannot answer" (as opposed to bad input). */
export function isCorpusUnavailable(error: unknown): error is PwnedIndexError {
  return (
    error instanceof PwnedIndexError &&
    (error.code === 'missing' || error.code === 'damaged' || error.code === 'unknown-version')
  );
}

export interface IndexInfo {
  version: number;
  /** Hash lines read from the source corpus. */
  sourceLines: number;
  /** Records in the index (source lines minus count-0 padding and 68-bit duplicates). */
  entries: number;
  /** When the index was built (ISO 8601, UTC). */
  builtAt: string;
  /** Size of the index file in bytes. */
  bytes: number;
  /** Hash bits kept per entry (68). */
  keyBits: number;
  /** Probability that a hash not in the corpus is reported as found (entries / 2^68). */
  falsePositiveRate: number;
  /** Counts up to this are exact; above it an index reports a lower bound (up to 11% below). */
  exactCountLimit: number;
  source: 'file' | 'directory';
  /** Directory sources: 5-hex prefixes that had no file (their hashes read as not found). */
  missingPrefixes: number;
}

export interface HeaderFields {
  sourceLines: number;
  entries: number;
  builtAtMs: number;
  fileBytes: number;
  bodySha256: Buffer;
  missingPrefixes: number;
  sourceKind: number;
}

/** A complete header (128 bytes) for `fields`, with the meta checksum over it and `table`. */
export function encodeHeader(fields: HeaderFields, table: Uint32Array, sha256: () => Hasher): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(FORMAT_VERSION, 8);
  header.writeUInt32LE(HEADER_BYTES, 12);
  header.writeUInt8(BUCKET_BITS, 16);
  header.writeUInt8(KEY_BYTES, 17);
  header.writeUInt8(COUNT_BYTES, 18);
  header.writeUInt8(RECORD_BYTES, 19);
  header.writeUInt32LE(HASH_KIND_SHA1, 20);
  header.writeBigUInt64LE(BigInt(fields.sourceLines), 24);
  header.writeBigUInt64LE(BigInt(fields.entries), 32);
  header.writeBigUInt64LE(BigInt(fields.builtAtMs), 40);
  header.writeBigUInt64LE(BigInt(fields.fileBytes), 48);
  fields.bodySha256.copy(header, BODY_CHECKSUM_OFFSET);
  header.writeUInt32LE(fields.missingPrefixes, 88);
  header.writeUInt8(fields.sourceKind, 92);
  metaChecksum(header, table, sha256).copy(header, META_CHECKSUM_OFFSET);
  return header;
}

/** What an incremental hash needs to offer (node:crypto's Hash). */
export interface Hasher {
  update(data: Uint8Array): unknown;
  digest(): Buffer;
}

export function metaChecksum(header: Buffer, table: Uint32Array, sha256: () => Hasher): Buffer {
  const hash = sha256();
  hash.update(header.subarray(0, META_CHECKSUM_OFFSET));
  hash.update(tableBytes(table));
  return hash.digest();
}

/** The table's bytes in the file's byte order (little-endian). */
export function tableBytes(table: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(table.buffer, table.byteOffset, table.byteLength);
  if (LITTLE_ENDIAN) return bytes;
  const copy = Buffer.alloc(table.byteLength);
  for (let i = 0; i < table.length; i += 1) copy.writeUInt32LE(table[i]!, i * 4);
  return copy;
}

/** Reads the table from its file bytes. */
export function tableFromBytes(bytes: Buffer): Uint32Array {
  const table = new Uint32Array(BUCKETS);
  if (LITTLE_ENDIAN) new Uint8Array(table.buffer).set(bytes.subarray(0, TABLE_BYTES));
  else for (let i = 0; i < BUCKETS; i += 1) table[i] = bytes.readUInt32LE(i * 4);
  return table;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export interface DecodedHeader extends HeaderFields {
  version: number;
}

/**
 * Decodes and checks a header (not its meta checksum, which needs the table). Throws
 * PwnedIndexError: 'damaged' when it is not an index header, 'unknown-version' for another version.
 */
export function decodeHeader(header: Buffer, path: string): DecodedHeader {
  const unavailable = (code: PwnedIndexErrorCode, id: MessageId, values?: MessageValues) =>
    new PwnedIndexError(code, format(id, { path, ...values }), path);
  if (header.length < HEADER_BYTES) throw unavailable('damaged', 'pwnedIndex.header.tooShort');
  if (!header.subarray(0, MAGIC.length).equals(MAGIC))
    throw unavailable('damaged', 'pwnedIndex.header.magic');
  const version = header.readUInt32LE(8);
  if (version !== FORMAT_VERSION)
    throw unavailable('unknown-version', 'pwnedIndex.header.version', {
      version: String(version),
      supported: String(FORMAT_VERSION),
    });
  if (
    header.readUInt32LE(12) !== HEADER_BYTES ||
    header.readUInt8(16) !== BUCKET_BITS ||
    header.readUInt8(17) !== KEY_BYTES ||
    header.readUInt8(18) !== COUNT_BYTES ||
    header.readUInt8(19) !== RECORD_BYTES ||
    header.readUInt32LE(20) !== HASH_KIND_SHA1
  )
    throw unavailable('damaged', 'pwnedIndex.header.layout', { supported: String(FORMAT_VERSION) });
  const big = (offset: number) => {
    const value = header.readBigUInt64LE(offset);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw unavailable('damaged', 'pwnedIndex.header.sizeField');
    return Number(value);
  };
  return {
    version,
    sourceLines: big(24),
    entries: big(32),
    builtAtMs: big(40),
    fileBytes: big(48),
    bodySha256: Buffer.from(header.subarray(BODY_CHECKSUM_OFFSET, BODY_CHECKSUM_OFFSET + 32)),
    missingPrefixes: header.readUInt32LE(88),
    sourceKind: header.readUInt8(92),
  };
}

export function infoFromHeader(fields: DecodedHeader): IndexInfo {
  return {
    version: fields.version,
    sourceLines: fields.sourceLines,
    entries: fields.entries,
    builtAt: new Date(fields.builtAtMs).toISOString(),
    bytes: fields.fileBytes,
    keyBits: KEY_BITS,
    falsePositiveRate: falsePositiveRate(fields.entries),
    exactCountLimit: EXACT_COUNT_LIMIT,
    source: fields.sourceKind === SOURCE_DIRECTORY ? 'directory' : 'file',
    missingPrefixes: fields.missingPrefixes,
  };
}

/** Size of an index with `entries` records. */
export function indexBytes(entries: number): number {
  return RECORDS_OFFSET + entries * RECORD_BYTES;
}
