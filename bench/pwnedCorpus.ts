// A deterministic synthetic Pwned Passwords corpus in the official downloader's formats, generated
// as a stream (1e9 lines never need 40 GB of disk), in either of its two layouts:
// - 'file' (the downloader's default, one file): `HASH:COUNT` CRLF lines, 40 upper-case hex digits;
// - 'directory' (`-s false`, one `XXXXX.txt` per 5-hex prefix, the range API's answer as is):
//   `SUFFIX:COUNT` lines of 35 hex digits, CRLF between lines, none after the last.
// Hashes are sorted ascending, as the downloader writes them. Within each prefix, the keys are the
// order statistics of uniform draws, generated already sorted (exponential spacings: the running
// sums of n + 1 exponential variates, divided by their total, are distributed exactly as n sorted
// uniforms), so no sort is needed; the rest of each hash is uniform random. Each prefix size is
// generated once and reused by every prefix of that size (see TEMPLATES below). Counts are heavy-tailed
// (P(count ≥ k) ≈ k^-1.1: most 1–3, a few in the millions), and 1% of the benchmark's passwords
// (every 100th) are planted with known counts.
//   npx tsx bench/pwnedCorpus.ts LINES OUT [--seed S]        writes the single-file layout to OUT
// The same LINES, seed and layout give byte-identical output.
import { createHash } from 'node:crypto';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';

export const PWNED_CORPUS_VERSION = 3;
export const DEFAULT_PWNED_SEED = 20240601;
/** Every PLANT_EVERY-th benchmark password is in the corpus. */
export const PLANT_EVERY = 100;

export type CorpusLayout = 'file' | 'directory';

export interface PlantedPassword {
  index: number;
  hash: string;
  count: number;
}

export interface PwnedCorpusStats {
  generatorVersion: number;
  seed: number;
  layout: CorpusLayout;
  lines: number;
  /** Corpus bytes (without the directory layout's frame headers). */
  bytes: number;
  passwords: number;
  planted: PlantedPassword[];
}

/** sfc32: a small, fast, well-mixed 32-bit generator. */
export function sfc32(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 16; i += 1) next();
  return next;
}

/** The benchmark's passwords (the first 1,000 are the 1k set): varied, none a real common one. */
export function benchPasswords(count: number, seed = DEFAULT_PWNED_SEED): string[] {
  const random = sfc32(seed ^ 0x5eed);
  const words = [
    'river',
    'Falcon',
    'copper',
    'Maple',
    'orbit',
    'Quartz',
    'tundra',
    'Velvet',
    'amber',
    'Nimbus',
  ];
  return Array.from({ length: count }, (_, i) => {
    const r = random();
    const word = words[r % words.length]!;
    const tail = (random() >>> 0).toString(36);
    return i % 3 === 0
      ? `${word}${i}!${tail}`
      : i % 3 === 1
        ? `${tail}-${word}-${i}`
        : `${i}.${word}.${tail}#`;
  });
}

export const sha1Upper = (text: string) =>
  createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();

const COUNT_CAP = 50_000_000;
/** THRESHOLDS[k] = 2^32 · k^-1.1: a 32-bit draw r gives count ≥ k exactly when r < THRESHOLDS[k]. */
const SMALL_COUNTS = 32;
const THRESHOLDS = Float64Array.from({ length: SMALL_COUNTS + 1 }, (_, k) =>
  k === 0 ? Infinity : 2 ** 32 * k ** -1.1,
);

/** A heavy-tailed count ≥ 1: P(count ≥ k) ≈ k^-1.1, capped at 50 million. */
function heavyTailedCount(random: () => number): number {
  return countOfDraw(random());
}

/** The heavy-tailed count of a uniform 32-bit draw: from its top 16 bits where they settle it. */
function countOfDraw(r: number): number {
  const quick = COUNT_OF_TOP16[r >>> 16]!;
  return quick > 0 ? quick : countOfDrawExactly(r);
}

function countOfDrawExactly(r: number): number {
  if (r >= THRESHOLDS[2]!) return 1; // 53% of lines
  for (let k = 3; k <= SMALL_COUNTS; k += 1) if (r >= THRESHOLDS[k]!) return k - 1;
  const u = (r + 1) / 4294967297;
  return Math.min(COUNT_CAP, Math.floor(u ** (-1 / 1.1)));
}

/** The count of every draw with these top 16 bits, or 0 when they do not settle it (2% of draws). */
const COUNT_OF_TOP16 = (() => {
  const table = new Uint8Array(65536);
  for (let top = 0; top < 65536; top += 1) {
    const low = countOfDrawExactly(top * 65536);
    if (low === countOfDrawExactly(top * 65536 + 65535) && low < 256) table[top] = low;
  }
  return table;
})();

/**
 * -ln(u) for u = x / 2^32, x a 32-bit draw (0 read as 1): an exponential variate. ln of the
 * mantissa from a 1,024-step table, interpolated (error < 2e-7): Math.log costs ~15 ns here.
 */
const LN_STEPS = 1024;
const LN_TABLE = Float64Array.from({ length: LN_STEPS + 1 }, (_, i) => Math.log(1 + i / LN_STEPS));
const INVERSE_POWERS = Float64Array.from({ length: 32 }, (_, e) => 2 ** -e);
function exponentialOfDraw(x: number): number {
  const v = x === 0 ? 1 : x;
  const e = 31 - Math.clz32(v);
  const t = (v * INVERSE_POWERS[e]! - 1) * LN_STEPS;
  const i = t | 0;
  const lnMantissa = LN_TABLE[i]! + (t - i) * (LN_TABLE[i + 1]! - LN_TABLE[i]!);
  return (32 - e) * Math.LN2 - lnMantissa;
}

/** The planted passwords (every PLANT_EVERY-th) with their counts, in password order. */
export function plantedPasswords(passwords: readonly string[], seed = DEFAULT_PWNED_SEED): PlantedPassword[] {
  const random = sfc32(seed ^ 0x91a7);
  const planted: PlantedPassword[] = [];
  passwords.forEach((password, index) => {
    if (index % PLANT_EVERY !== 0) return;
    // Some planted counts are large, to exercise the log-scaled count codes.
    const count = index % 700 === 0 ? 1_234_567 + index : heavyTailedCount(random);
    planted.push({ index, hash: sha1Upper(password), count });
  });
  return planted;
}

const BUCKET_BITS = 20;
const BUCKETS = 2 ** BUCKET_BITS;
const TWO_24 = 2 ** 24;
const TWO_48 = 2 ** 48;

/** Binomial(n, 1/2): exact (counted coin flips) up to 1,024 trials, the normal approximation above. */
function binomialHalf(n: number, random: () => number): number {
  if (n <= 1024) {
    let heads = 0;
    for (let left = n; left > 0; left -= 32) {
      let bits = left >= 32 ? random() : random() & ((1 << left) - 1);
      bits -= (bits >>> 1) & 0x55555555;
      bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
      heads += (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
    }
    return heads;
  }
  // Box–Muller.
  const u1 = (random() + 1) / 4294967297;
  const u2 = random() / 4294967296;
  const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.min(n, Math.max(0, Math.round(n / 2 + (Math.sqrt(n) / 2) * z)));
}

/** How many of `total` uniform hashes fall in each of the 2^20 prefixes: a multinomial, by halving. */
function bucketSizes(total: number, random: () => number): Uint32Array {
  const sizes = new Uint32Array(BUCKETS);
  const split = (n: number, first: number, bits: number) => {
    if (bits === 0) {
      sizes[first] = n;
      return;
    }
    const left = binomialHalf(n, random);
    split(left, first, bits - 1);
    split(n - left, first + 2 ** (bits - 1), bits - 1);
  };
  split(total, 0, BUCKET_BITS);
  return sizes;
}

const HEX_UPPER = Buffer.from('0123456789ABCDEF', 'latin1');
/**
 * Two hex digits of each byte value as one little-endian u16, to store with DataView: a byte at a
 * time costs ~2 ns here, twice what a 2- or 4-byte store does.
 */
const HEX_PAIRS = new Uint16Array(256);
for (let v = 0; v < 256; v += 1) HEX_PAIRS[v] = HEX_UPPER[v >>> 4]! | (HEX_UPPER[v & 15]! << 8);
const CRLF = 0x0a0d; // little-endian "\r\n"

/**
 * Hex digits 17–39 of each random hash (23 digits, stored nowhere in the index and irrelevant to
 * the order, which digits 0–16 already fix) are copied from a pool of random hex digits at a
 * random offset: 4,096 different tails (a pool that stays in the L1 cache), at a fraction of the
 * cost of drawing each digit.
 */
const TAIL_POOL_BITS = 12;
const TAIL_DIGITS = 23;

export interface GenerateOptions {
  seed?: number;
  passwords: readonly string[];
  layout: CorpusLayout;
  /**
   * The directory layout, as one byte stream: each prefix file's bytes in frames of an 8-byte
   * header (prefix, then length, both u32 little-endian) and `length` bytes; a file may span
   * several consecutive frames. Required for 'directory' (a pipe carries one stream).
   */
  framed?: boolean;
}

/** Output buffer size; the sink gets at most this much at a time. */
const OUT_BYTES = 1024 * 1024;
/** Room for one line (5 + 35 + ':' + 8-digit count + CRLF) and a frame header. */
const LINE_ROOM = 128;

/** The first four hex digits of a 5-digit prefix as a little-endian u32 (the fifth: HEX_UPPER[bucket & 15]). */
function prefixDigits4(bucket: number): number {
  return (
    (HEX_UPPER[(bucket >>> 16) & 15]! |
      (HEX_UPPER[(bucket >>> 12) & 15]! << 8) |
      (HEX_UPPER[(bucket >>> 8) & 15]! << 16) |
      (HEX_UPPER[(bucket >>> 4) & 15]! << 24)) >>>
    0
  );
}

/**
 * TEMPLATES. Generating every line costs ~65 ns (sorted keys from exponential spacings, a count,
 * hex): at 1e9 lines ~65 s of CPU, which the benchmark's generator took from the builder it feeds on
 * the same 2 cores. So each prefix size n is generated once, as a template of n lines (its own
 * sorted uniform keys, counts and tails), and every prefix of that size reuses it: the directory
 * layout copies it as is (its lines hold no prefix), the single-file layout patches the five prefix
 * digits into each line first. At 1e9 lines the ~400 distinct sizes (954 ± 31 lines a prefix) are
 * 0.04% of the corpus; the rest costs a copy and a patch (~4 ns a line). Within each prefix the keys
 * are still sorted uniform draws and the builder does the same work per line; what is lost is only
 * independence between prefixes of the same size (their keys repeat). Prefixes holding a planted
 * password are generated line by line.
 */
interface Template {
  text: Buffer;
  view: DataView;
  /** Where each line starts (single-file layout only). */
  starts: Uint32Array;
}

interface Planted {
  key: number;
  tail: Buffer;
  count: number;
}
const NO_PLANTED: Planted[] = [];

/**
 * Writes one prefix's lines at `out[at]` (the hot loop: every variable local) and returns where
 * they end; counts them in written[0]. The planted entries (sorted) are merged in by key; a random
 * key equal to a planted one is dropped.
 */
function renderBucket(
  out: DataView,
  at: number,
  bucket: number,
  keys: Float64Array,
  n: number,
  extra: Planted[],
  directory: boolean,
  pool: DataView,
  random: () => number,
  written: Float64Array,
): number {
  // The prefix's five digits: four in one u32, then the fifth.
  const prefix4 = prefixDigits4(bucket);
  const prefix5 = HEX_UPPER[bucket & 15]!;
  const poolMask = 2 ** TAIL_POOL_BITS - 1;
  const digits = new Uint8Array(16);
  let o = at;
  let lines = 0;
  let next = 0;
  for (let i = 0; i < n || next < extra.length;) {
    let key: number;
    let tail: Buffer | undefined;
    let count: number;
    let draw = 0;
    if (next < extra.length && (i >= n || extra[next]!.key <= keys[i]!)) {
      const entry = extra[next++]!;
      if (i < n && entry.key === keys[i]) i += 1;
      key = entry.key;
      tail = entry.tail;
      count = entry.count;
    } else {
      key = keys[i++]!;
      draw = random();
      count = countOfDraw(draw);
    }
    if (directory) {
      if (lines > 0) {
        out.setUint16(o, CRLF, true);
        o += 2;
      }
    } else {
      out.setUint32(o, prefix4, true);
      out.setUint8(o + 4, prefix5);
      o += 5;
    }
    // Hex digits 5–16: the key, 24 bits at a time.
    const hi = Math.floor(key / TWO_24);
    const lo = key - hi * TWO_24;
    out.setUint16(o, HEX_PAIRS[hi >>> 16]!, true);
    out.setUint16(o + 2, HEX_PAIRS[(hi >>> 8) & 255]!, true);
    out.setUint16(o + 4, HEX_PAIRS[hi & 255]!, true);
    out.setUint16(o + 6, HEX_PAIRS[lo >>> 16]!, true);
    out.setUint16(o + 8, HEX_PAIRS[(lo >>> 8) & 255]!, true);
    out.setUint16(o + 10, HEX_PAIRS[lo & 255]!, true);
    o += 12;
    // Hex digits 17–39: the planted hash's own, or from the pool at an offset taken from the
    // count's draw (its low bits; the count depends on its high bits), one draw fewer a line.
    // Six u32 copies: the 24th byte is overwritten by the colon.
    if (tail) {
      for (let k = 0; k < TAIL_DIGITS; k += 1) out.setUint8(o + k, tail[k]!);
    } else {
      const from = draw & poolMask;
      out.setUint32(o, pool.getUint32(from));
      out.setUint32(o + 4, pool.getUint32(from + 4));
      out.setUint32(o + 8, pool.getUint32(from + 8));
      out.setUint32(o + 12, pool.getUint32(from + 12));
      out.setUint32(o + 16, pool.getUint32(from + 16));
      out.setUint32(o + 20, pool.getUint32(from + 20));
    }
    o += TAIL_DIGITS;
    if (count < 10) {
      out.setUint16(o, 0x3a | ((0x30 + count) << 8), true);
      o += 2;
    } else {
      out.setUint8(o++, 0x3a);
      let d = 0;
      for (let c = count; c > 0; c = Math.floor(c / 10)) digits[d++] = 0x30 + (c % 10);
      while (d > 0) out.setUint8(o++, digits[--d]!);
    }
    if (!directory) {
      out.setUint16(o, CRLF, true);
      o += 2;
    }
    lines += 1;
  }
  written[0] = written[0]! + lines;
  return o;
}

/**
 * Generates a corpus of `lines` lines (the planted passwords included) and hands its bytes to
 * `sink` in order, up to 1 MiB at a time; `data` is only valid during the call (write it out
 * synchronously). Returns the facts of what was generated.
 */
export function generatePwnedCorpus(
  lines: number,
  options: GenerateOptions,
  sink: (data: Buffer) => void,
): PwnedCorpusStats {
  const seed = options.seed ?? DEFAULT_PWNED_SEED;
  const directory = options.layout === 'directory';
  if (directory && !options.framed) throw new Error('The directory layout is generated as a framed stream.');
  const planted = plantedPasswords(options.passwords, seed);
  if (planted.length > lines) throw new Error(`A corpus needs at least ${planted.length} lines.`);
  const random = sfc32(seed);
  // Planted hashes by prefix, as (48-bit key, the rest of the line's 23 hex digits), sorted.
  const plantedByBucket = new Map<number, Planted[]>();
  for (const entry of planted) {
    const bucket = Number.parseInt(entry.hash.slice(0, 5), 16);
    const list = plantedByBucket.get(bucket) ?? [];
    list.push({
      key: Number.parseInt(entry.hash.slice(5, 17), 16),
      tail: Buffer.from(entry.hash.slice(17), 'latin1'),
      count: entry.count,
    });
    plantedByBucket.set(bucket, list);
  }
  for (const list of plantedByBucket.values()) list.sort((x, y) => x.key - y.key);
  const sizes = bucketSizes(lines - planted.length, random);

  let largest = 0;
  for (let bucket = 0; bucket < BUCKETS; bucket += 1) largest = Math.max(largest, sizes[bucket]!);
  // A whole prefix fits after OUT_BYTES: flushes fall between prefixes (one frame each).
  const out = Buffer.allocUnsafe(OUT_BYTES + 8 + (largest + planted.length) * LINE_ROOM);
  let used = 0;
  let bytes = 0;
  const written = new Float64Array(1);
  const pool = Buffer.allocUnsafe(2 ** TAIL_POOL_BITS + TAIL_DIGITS + 1);
  for (let i = 0; i < pool.length; i += 1) pool[i] = HEX_UPPER[random() & 15]!;
  const poolView = new DataView(pool.buffer, pool.byteOffset, pool.length);
  const outView = new DataView(out.buffer, out.byteOffset, out.length);
  let cumulative = new Float64Array(1024);
  let keys = new Float64Array(1024);
  /** n sorted 48-bit keys in keys[0, n): running sums of n + 1 exponential variates over their total. */
  const drawKeys = (n: number) => {
    if (n + 1 > cumulative.length) {
      cumulative = new Float64Array(2 * (n + 1));
      keys = new Float64Array(2 * (n + 1));
    }
    let sum = 0;
    for (let i = 0; i <= n; i += 1) {
      sum += exponentialOfDraw(random());
      cumulative[i] = sum;
    }
    let previous = -1;
    for (let i = 0; i < n; i += 1) {
      let key = Math.floor((cumulative[i]! / sum) * TWO_48);
      if (key <= previous) key = previous + 1; // keys strictly ascending (a tie: ~1e-10 a line)
      keys[i] = key;
      previous = key;
    }
  };
  // One rendered prefix's worth of lines for each prefix size met (see TEMPLATES above).
  const templates = new Map<number, Template>();
  const scratchCount = new Float64Array(1);
  const templateFor = (n: number): Template => {
    let template = templates.get(n);
    if (template) return template;
    drawKeys(n);
    const room = Buffer.allocUnsafe(n * LINE_ROOM);
    const view = new DataView(room.buffer, room.byteOffset, room.length);
    const end = renderBucket(view, 0, 0, keys, n, NO_PLANTED, directory, poolView, random, scratchCount);
    const text = Buffer.from(room.subarray(0, end));
    const starts = new Uint32Array(directory ? 0 : n);
    if (!directory) for (let i = 1, at = 0; i < n; i += 1) starts[i] = at = text.indexOf(0x0a, at) + 1;
    template = { text, view: new DataView(text.buffer, text.byteOffset, text.length), starts };
    templates.set(n, template);
    return template;
  };
  for (let bucket = 0; bucket < BUCKETS; bucket += 1) {
    const n = sizes[bucket]!;
    const extra = plantedByBucket.get(bucket) ?? NO_PLANTED;
    if (n === 0 && extra.length === 0) continue;
    let from = used;
    if (directory) {
      out.writeUInt32LE(bucket, used);
      used += 8;
      from = used;
    }
    if (extra.length > 0) {
      // A prefix with planted hashes is generated line by line, the planted ones merged in.
      drawKeys(n);
      used = renderBucket(outView, used, bucket, keys, n, extra, directory, poolView, random, written);
    } else {
      const template = templateFor(n);
      if (!directory) {
        // The single-file layout's lines start with the prefix: patch it into the template.
        const prefix4 = prefixDigits4(bucket);
        const prefix5 = HEX_UPPER[bucket & 15]!;
        const { view, starts } = template;
        for (let i = 0; i < n; i += 1) {
          view.setUint32(starts[i]!, prefix4, true);
          view.setUint8(starts[i]! + 4, prefix5);
        }
      }
      out.set(template.text, used);
      used += template.text.length;
      written[0] = written[0]! + n;
    }
    if (directory) out.writeUInt32LE(used - from, from - 4);
    bytes += used - from;
    if (used > OUT_BYTES) {
      sink(out.subarray(0, used));
      used = 0;
    }
  }
  if (used > 0) sink(out.subarray(0, used));
  return {
    generatorVersion: PWNED_CORPUS_VERSION,
    seed,
    layout: options.layout,
    lines: written[0]!,
    bytes,
    passwords: options.passwords.length,
    planted,
  };
}

/** Writes the single-file layout to `out`; returns the facts, also saved beside it (.stats.json). */
export function writePwnedCorpus(
  lines: number,
  out: string,
  options: { seed?: number; passwords: readonly string[] },
): PwnedCorpusStats {
  const fd = openSync(out, 'w');
  let stats: PwnedCorpusStats;
  try {
    let position = 0;
    stats = generatePwnedCorpus(lines, { ...options, layout: 'file' }, (data) => {
      let done = 0;
      while (done < data.length) done += writeSync(fd, data, done, data.length - done, position + done);
      position += data.length;
    });
  } finally {
    closeSync(fd);
  }
  writeFileSync(`${out}.stats.json`, `${JSON.stringify(stats, null, 1)}\n`);
  return stats;
}

if (process.argv[1] && /pwnedCorpus\.ts$/.test(process.argv[1])) {
  const [lines, out] = process.argv.slice(2);
  const seedAt = process.argv.indexOf('--seed');
  const seed = seedAt > 0 ? Number(process.argv[seedAt + 1]) : DEFAULT_PWNED_SEED;
  if (!lines || !out || !(Number(lines) > 0)) {
    console.error('Usage: npx tsx bench/pwnedCorpus.ts LINES OUT [--seed S]');
    process.exitCode = 2;
  } else {
    const started = performance.now();
    const stats = writePwnedCorpus(Number(lines), out, { seed, passwords: benchPasswords(10_000, seed) });
    console.log(
      `${out}: ${stats.lines.toLocaleString('en-US')} lines, ${stats.bytes.toLocaleString('en-US')} bytes, ${stats.planted.length} planted, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
