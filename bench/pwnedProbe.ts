// One measured operation of the `pwned` benchmark, in a fresh process; prints one JSON line.
//   build SOURCE OUT           build the index
//   build-stream LINES LAYOUT SEED OUT
//                              build the index from a generated corpus (bench/pwnedCorpus.ts) piped
//                              from a child process running `generate`: no corpus on disk
//   generate LINES LAYOUT SEED write the generated corpus to stdout (the directory layout framed),
//                              then its facts and CPU time as JSON on stderr
//   lookup INDEX COUNT SEED    open the index, look up the first COUNT benchmark passwords, close
//   fp INDEX QUERIES SEED      look up QUERIES random hashes; also measure narrower keys' rates
//   floor INDEX COUNT SEED     the floor under cold lookups: COUNT bare reads of one random 4 KiB page
//                              of the records each (sorted, 16 in flight through the thread pool, as
//                              lookups read), nothing else
//   baseline                   nothing (the process's own footprint)
// The benchmark bundles this file to plain JavaScript (bench/.data/pwnedProbe.mjs) so that peak RSS
// is the operation's and Node's, not the TypeScript loader's.
import { spawn } from 'node:child_process';
import {
  buildPwnedIndex,
  buildPwnedIndexFromStream,
  type CorpusChunk,
} from '../electron/services/pwnedIndex/builder';
import { falsePositiveRate, RECORD_BYTES, RECORDS_OFFSET } from '../electron/services/pwnedIndex/format';
import { openPwnedIndex, type LookupStats } from '../electron/services/pwnedIndex/lookup';
import { benchPasswords, generatePwnedCorpus, sfc32, type CorpusLayout } from './pwnedCorpus';
import { openSync, read, readSync, closeSync, fstatSync, writeSync } from 'node:fs';

export interface ProbeUsage {
  /** Peak resident set size of the process, MB. */
  maxRssMb: number;
  /** Resident set size just before the measured operation, MB. */
  rssBeforeMb: number;
  cpuMs: number;
}

export interface BuildProbe extends ProbeUsage {
  wallMs: number;
  sourceLines: number;
  entries: number;
  bytes: number;
  falsePositiveRate: number;
}

export interface GeneratorReport {
  lines: number;
  bytes: number;
  cpuMs: number;
  wallMs: number;
}

export interface StreamBuildProbe extends BuildProbe {
  layout: CorpusLayout;
  /** The generator process (the other end of the pipe). */
  generator: GeneratorReport;
  /** Bytes that came through the pipe (the directory layout's frame headers included). */
  pipeBytes: number;
}

export interface LookupProbe extends ProbeUsage {
  /** Open (header + table check), lookups (hashing included) and close. */
  openMs: number;
  lookupMs: number;
  totalMs: number;
  /** [password index, count] for every password found. */
  found: [number, number][];
  stats: LookupStats;
}

export interface FloorProbe extends ProbeUsage {
  reads: number;
  readMs: number;
}

export interface FpProbe extends ProbeUsage {
  queries: number;
  positives: number;
  predictedRate: number;
  lookupMs: number;
  /** The same measurement with keys cut to fewer bits, where hits are frequent enough to count. */
  narrower: { bits: number; positives: number; predicted: number }[];
}

const mb = (bytes: number) => bytes / 2 ** 20;
/** The narrower-key measurement holds 8 bytes a record per width: skipped above this. */
const MAX_NARROWER_ENTRIES = 30_000_000;

function usage(rssBefore: number, cpuBefore: NodeJS.CpuUsage): ProbeUsage {
  const cpu = process.cpuUsage(cpuBefore);
  return {
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rssBeforeMb: mb(rssBefore),
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
}

function randomHashes(count: number, seed: number): string[] {
  const random = sfc32(seed);
  return Array.from({ length: count }, () => {
    let hex = '';
    for (let i = 0; i < 5; i += 1) hex += random().toString(16).padStart(8, '0');
    return hex.toUpperCase();
  });
}

/**
 * Rate at which random hashes match a corpus hash on their first `bits` bits (20 < bits ≤ 68),
 * measured on the index's own records: the sorted distinct `bits`-bit prefixes, then a binary
 * search per query.
 */
function narrowerRates(path: string, hashes: readonly string[], widths: readonly number[]) {
  const fd = openSync(path, 'r');
  try {
    const entries = (fstatSync(fd).size - RECORDS_OFFSET) / RECORD_BYTES;
    if (entries > MAX_NARROWER_ENTRIES) return [];
    // Each record: bucket (20 bits, from the table order) + 48-bit key. Read them all, in chunks.
    const table = Buffer.alloc(4 * 2 ** 20);
    readSync(fd, table, 0, table.length, 128);
    const prefixes = widths.map(() => new Float64Array(entries));
    const chunk = Buffer.allocUnsafe(RECORD_BYTES * 2 ** 16);
    let bucket = 0;
    let leftInBucket = table.readUInt32LE(0);
    let index = 0;
    while (index < entries) {
      const count = Math.min(2 ** 16, entries - index);
      readSync(fd, chunk, 0, count * RECORD_BYTES, RECORDS_OFFSET + index * RECORD_BYTES);
      for (let i = 0; i < count; i += 1) {
        while (leftInBucket === 0) leftInBucket = table.readUInt32LE(++bucket * 4);
        leftInBucket -= 1;
        const key = chunk.readUIntBE(i * RECORD_BYTES, 6);
        widths.forEach((bits, w) => {
          prefixes[w]![index + i] = bucket * 2 ** (bits - 20) + Math.floor(key / 2 ** (68 - bits));
        });
      }
      index += count;
    }
    return widths.map((bits, w) => {
      const sorted = prefixes[w]!; // already ascending (records are sorted)
      let distinct = 0;
      for (let i = 0; i < sorted.length; i += 1) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct += 1;
      let positives = 0;
      for (const hash of hashes) {
        const value =
          Number.parseInt(hash.slice(0, 5), 16) * 2 ** (bits - 20) +
          Math.floor(Number.parseInt(hash.slice(5, 17), 16) / 2 ** (68 - bits));
        let lo = 0;
        let hi = sorted.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (sorted[mid]! === value) {
            positives += 1;
            break;
          }
          if (sorted[mid]! < value) lo = mid + 1;
          else hi = mid - 1;
        }
      }
      return {
        bits,
        positives,
        predicted: hashes.length * -Math.expm1(distinct * Math.log1p(-(2 ** -bits))),
      };
    });
  } finally {
    closeSync(fd);
  }
}

async function main(argv: string[]): Promise<unknown> {
  const [command, ...args] = argv;
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  if (command === 'baseline') return usage(rssBefore, cpuBefore);
  if (command === 'build') {
    const [source, out] = args as [string, string];
    const started = performance.now();
    const info = await buildPwnedIndex(source, out);
    const wallMs = performance.now() - started;
    const result: BuildProbe = {
      ...usage(rssBefore, cpuBefore),
      wallMs,
      sourceLines: info.sourceLines,
      entries: info.entries,
      bytes: info.bytes,
      falsePositiveRate: info.falsePositiveRate,
    };
    return result;
  }
  if (command === 'generate') {
    const [lines, layout, seed] = args as [string, CorpusLayout, string];
    const started = performance.now();
    const stats = generatePwnedCorpus(
      Number(lines),
      { seed: Number(seed), passwords: benchPasswords(10_000, Number(seed)), layout, framed: true },
      (data) => {
        let done = 0;
        while (done < data.length) done += writeSync(1, data, done, data.length - done);
      },
    );
    const cpu = process.cpuUsage(cpuBefore);
    const report: GeneratorReport = {
      lines: stats.lines,
      bytes: stats.bytes,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - started,
    };
    process.stderr.write(`${JSON.stringify(report)}\n`);
    return undefined;
  }
  if (command === 'build-stream') {
    const [lines, layout, seed, out] = args as [string, CorpusLayout, string, string];
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [...process.execArgv, process.argv[1]!, 'generate', lines, layout, seed],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let pipeBytes = 0;
    async function* pieces(): AsyncGenerator<Buffer> {
      for await (const data of child.stdout as AsyncIterable<Buffer>) {
        pipeBytes += data.length;
        yield data;
      }
    }
    const chunks = layout === 'directory' ? unframe(pieces()) : singleFile(pieces());
    const info = await buildPwnedIndexFromStream(chunks, out);
    const wallMs = performance.now() - started;
    const code = await exited;
    if (code !== 0) throw new Error(`the generator failed (${code}): ${stderr}`);
    const generator = JSON.parse(stderr.trim().split('\n').at(-1)!) as GeneratorReport;
    if (generator.lines !== info.sourceLines)
      throw new Error(`the generator wrote ${generator.lines} lines, the builder read ${info.sourceLines}`);
    const result: StreamBuildProbe = {
      ...usage(rssBefore, cpuBefore),
      wallMs,
      sourceLines: info.sourceLines,
      entries: info.entries,
      bytes: info.bytes,
      falsePositiveRate: info.falsePositiveRate,
      layout,
      generator,
      pipeBytes,
    };
    return result;
  }
  if (command === 'lookup') {
    const [path, count, seed] = args as [string, string, string];
    const passwords = benchPasswords(Number(count), Number(seed));
    const rss = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const index = await openPwnedIndex(path);
    const opened = performance.now();
    const counts = await index.lookupPasswords(passwords);
    const looked = performance.now();
    await index.close();
    const closed = performance.now();
    const found: [number, number][] = [];
    passwords.forEach((password, i) => {
      const value = counts.get(password)!;
      if (value > 0) found.push([i, value]);
    });
    const result: LookupProbe = {
      ...usage(rss, cpu),
      openMs: opened - started,
      lookupMs: looked - opened,
      totalMs: closed - started,
      found,
      stats: index.lastLookupStats,
    };
    return result;
  }
  if (command === 'floor') {
    const [path, count, seed] = args as [string, string, string];
    const fd = openSync(path, 'r');
    const pages = Math.floor((fstatSync(fd).size - RECORDS_OFFSET) / 4096) - 1;
    const random = sfc32(Number(seed));
    const firstPage = Math.ceil(RECORDS_OFFSET / 4096);
    const offsets = Array.from(
      { length: Number(count) },
      () => (firstPage + Math.floor((random() / 2 ** 32) * pages)) * 4096,
    ).sort((a, b) => a - b);
    const rss = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    const started = performance.now();
    let next = 0;
    const reader = async () => {
      const buffer = Buffer.allocUnsafe(4096);
      while (next < offsets.length) {
        const position = offsets[next++]!;
        await new Promise<void>((resolve, reject) =>
          read(fd, buffer, 0, 4096, position, (error) => (error ? reject(error) : resolve())),
        );
      }
    };
    await Promise.all(Array.from({ length: 16 }, reader));
    const result: FloorProbe = {
      ...usage(rss, cpu),
      reads: offsets.length,
      readMs: performance.now() - started,
    };
    closeSync(fd);
    return result;
  }
  if (command === 'fp') {
    const [path, queries, seed] = args as [string, string, string];
    const hashes = randomHashes(Number(queries), Number(seed));
    const index = await openPwnedIndex(path);
    const started = performance.now();
    const counts = await index.lookupHashes(hashes);
    const lookupMs = performance.now() - started;
    await index.close();
    const positives = [...counts.values()].filter((value) => value > 0).length;
    const result: FpProbe = {
      ...usage(rssBefore, cpuBefore),
      queries: hashes.length,
      positives,
      predictedRate: falsePositiveRate(index.info.entries),
      lookupMs,
      narrower: narrowerRates(path, hashes, [36, 40]),
    };
    return result;
  }
  throw new Error(`pwnedProbe: unknown command ${String(command)}`);
}

async function* singleFile(pieces: AsyncIterable<Buffer>): AsyncGenerator<CorpusChunk> {
  for await (const data of pieces) yield { file: 'pwnedpasswords.txt', data };
}

/** The directory layout from its framed stream: [prefix u32 LE][length u32 LE][bytes], in order. */
async function* unframe(pieces: AsyncIterable<Buffer>): AsyncGenerator<CorpusChunk> {
  const header = Buffer.alloc(8);
  let headerBytes = 0;
  let left = 0; // bytes of the current frame still to come
  let prefix = -1;
  let file = '';
  for await (const data of pieces) {
    let p = 0;
    while (p < data.length) {
      if (left === 0 && headerBytes < 8) {
        const take = Math.min(8 - headerBytes, data.length - p);
        data.copy(header, headerBytes, p, p + take);
        headerBytes += take;
        p += take;
        if (headerBytes < 8) break;
        const next = header.readUInt32LE(0);
        left = header.readUInt32LE(4);
        headerBytes = left === 0 ? 0 : 8;
        if (next !== prefix) {
          prefix = next;
          file = `${prefix.toString(16).toUpperCase().padStart(5, '0')}.txt`;
          if (left === 0) yield { file, prefix, data: data.subarray(0, 0) };
        }
        continue;
      }
      const take = Math.min(left, data.length - p);
      yield { file, prefix, data: data.subarray(p, p + take) };
      p += take;
      left -= take;
      if (left === 0) headerBytes = 0;
    }
  }
  if (left > 0 || headerBytes > 0) throw new Error('the framed corpus stream ended inside a frame');
}

main(process.argv.slice(2)).then(
  (result) => {
    if (result !== undefined) process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
