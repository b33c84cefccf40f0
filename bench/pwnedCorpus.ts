// A deterministic synthetic Pwned Passwords corpus in the downloader's single-file format:
// `HASH:COUNT` CRLF lines, upper-case, sorted by hash. The hashes are uniform random 160-bit values
// (like SHA-1s), the counts heavy-tailed (P(count ≥ k) ≈ k^-1.1, most 1–3, a few in the millions),
// and 1% of the benchmark's passwords (every 100th) are planted with known counts.
//   npx tsx bench/pwnedCorpus.ts LINES OUT [--seed S]
// The same LINES and seed give byte-identical files.
import { createHash } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';

export const PWNED_CORPUS_VERSION = 1;
export const DEFAULT_PWNED_SEED = 20240601;
/** Every PLANT_EVERY-th benchmark password is in the corpus. */
export const PLANT_EVERY = 100;

export interface PlantedPassword {
  index: number;
  hash: string;
  count: number;
}

export interface PwnedCorpusStats {
  generatorVersion: number;
  seed: number;
  lines: number;
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

/** A heavy-tailed count ≥ 1: P(count ≥ k) ≈ k^-1.1, capped at 50 million. */
function heavyTailedCount(random: () => number): number {
  const u = (random() + 1) / 4294967297;
  return Math.min(50_000_000, Math.floor(u ** (-1 / 1.1)));
}

const HEX_UPPER = Buffer.from('0123456789ABCDEF', 'latin1');

/** Writes `lines` lines (planted ones included) to `out`; returns the facts, also saved beside it. */
export async function writePwnedCorpus(
  lines: number,
  out: string,
  options: { seed?: number; passwords: readonly string[] },
): Promise<PwnedCorpusStats> {
  const seed = options.seed ?? DEFAULT_PWNED_SEED;
  const random = sfc32(seed);
  const buckets = 2 ** 20;
  const planted: PlantedPassword[] = [];
  const plantedByBucket = new Map<number, { pieces: number[]; count: number }[]>();
  options.passwords.forEach((password, index) => {
    if (index % PLANT_EVERY !== 0) return;
    const hash = sha1Upper(password);
    // Some planted counts are large, to exercise the log-scaled count codes.
    const count = index % 700 === 0 ? 1_234_567 + index : heavyTailedCount(random);
    planted.push({ index, hash, count });
    const bucket = Number.parseInt(hash.slice(0, 5), 16);
    const pieces = [0, 1, 2, 3, 4].map((k) => Number.parseInt(hash.slice(5 + 7 * k, 12 + 7 * k), 16));
    const list = plantedByBucket.get(bucket) ?? [];
    list.push({ pieces, count });
    plantedByBucket.set(bucket, list);
  });
  const randomLines = lines - planted.length;
  const perBucket = new Uint32Array(buckets);
  for (let i = 0; i < randomLines; i += 1) perBucket[random() >>> 12]! += 1;

  const handle = await open(out, 'w');
  const chunk = Buffer.allocUnsafe(4 * 2 ** 20);
  let used = 0;
  let written = 0;
  let bytes = 0;
  const flush = async () => {
    await handle.write(chunk, 0, used, bytes);
    bytes += used;
    used = 0;
  };
  // Per bucket: suffixes as five 28-bit pieces (7 hex digits each), sorted, then written.
  let pieces = new Uint32Array(5 * 64);
  let counts = new Float64Array(64);
  const samePieces = (x: number, y: number) => {
    for (let k = 0; k < 5; k += 1) if (pieces[x * 5 + k] !== pieces[y * 5 + k]) return false;
    return true;
  };
  try {
    for (let bucket = 0; bucket < buckets; bucket += 1) {
      const extra = plantedByBucket.get(bucket) ?? [];
      const n = perBucket[bucket]! + extra.length;
      if (n === 0) continue;
      if (n * 5 > pieces.length) {
        pieces = new Uint32Array(n * 10);
        counts = new Float64Array(n * 2);
      }
      for (let i = 0; i < perBucket[bucket]!; i += 1) {
        for (let k = 0; k < 5; k += 1) pieces[i * 5 + k] = random() >>> 4;
        counts[i] = heavyTailedCount(random);
      }
      extra.forEach((entry, j) => {
        const i = perBucket[bucket]! + j;
        for (let k = 0; k < 5; k += 1) pieces[i * 5 + k] = entry.pieces[k]!;
        counts[i] = entry.count;
      });
      const order = Array.from({ length: n }, (_, i) => i);
      order.sort((x, y) => {
        for (let k = 0; k < 5; k += 1) {
          const diff = pieces[x * 5 + k]! - pieces[y * 5 + k]!;
          if (diff !== 0) return diff;
        }
        return 0;
      });
      let previous = -1;
      for (const i of order) {
        if (previous >= 0 && samePieces(i, previous)) continue; // a 140-bit repeat: never seen in practice, but the corpus must stay strictly sorted
        previous = i;
        if (used + 64 > chunk.length) await flush();
        for (let s = 16; s >= 0; s -= 4) chunk[used++] = HEX_UPPER[(bucket >>> s) & 15]!;
        for (let k = 0; k < 5; k += 1) {
          const piece = pieces[i * 5 + k]!;
          for (let s = 24; s >= 0; s -= 4) chunk[used++] = HEX_UPPER[(piece >>> s) & 15]!;
        }
        chunk[used++] = 0x3a;
        used += chunk.write(String(counts[i]), used, 'latin1');
        chunk[used++] = 0x0d;
        chunk[used++] = 0x0a;
        written += 1;
      }
    }
    await flush();
  } finally {
    await handle.close();
  }
  const stats: PwnedCorpusStats = {
    generatorVersion: PWNED_CORPUS_VERSION,
    seed,
    lines: written,
    bytes,
    passwords: options.passwords.length,
    planted,
  };
  await writeFile(`${out}.stats.json`, `${JSON.stringify(stats, null, 1)}\n`);
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
    const stats = await writePwnedCorpus(Number(lines), out, {
      seed,
      passwords: benchPasswords(10_000, seed),
    });
    console.log(
      `${out}: ${stats.lines.toLocaleString('en-US')} lines, ${stats.bytes.toLocaleString('en-US')} bytes, ${stats.planted.length} planted, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
