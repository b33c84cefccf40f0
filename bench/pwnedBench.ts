// The offline Pwned Passwords benchmark: a deterministic synthetic corpus in the downloader's format
// (bench/pwnedCorpus.ts), the index built from it, and lookups of 1,000 and 10,000 passwords with
// the file in the page cache (warm) and dropped from it (cold). Each build and lookup runs in a
// fresh plain-Node process (bench/pwnedProbe.ts, bundled), so its peak RSS is its own.
// - Sizes up to 1e8 lines (default 1e7) are written as a text file and built from it; where
//   keepassxc-cli is installed, `keepassxc-cli analyze --hibp` runs on the same file with a database
//   of the same passwords, and both must find the same entries.
// - Larger sizes (`--sizes 1000000000`: the real corpus's ~1e9) are never written: a child process
//   generates the corpus and pipes it into the builder, once in each of the downloader's layouts
//   (one file; prefix files), and both indexes must hold the same records. keepassxc-cli cannot
//   read a pipe more than once, so its time there is extrapolated from its linear scan of the text
//   corpora measured in the same run (a 1e8 one is added when none is asked for).
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import {
  DATA_DIR,
  ensureDataDir,
  loadAverage,
  markdownTable,
  median,
  REPO_ROOT,
  seconds,
  thousands,
  type BenchOptions,
  type BenchResult,
  type Goal,
} from './common';
import {
  benchPasswords,
  DEFAULT_PWNED_SEED,
  plantedPasswords,
  PWNED_CORPUS_VERSION,
  writePwnedCorpus,
  type CorpusLayout,
  type PwnedCorpusStats,
} from './pwnedCorpus';
import type {
  BuildProbe,
  FloorProbe,
  FpProbe,
  LookupProbe,
  ProbeUsage,
  StreamBuildProbe,
} from './pwnedProbe';
import { indexBytes, storedCount, TABLE_BYTES, TABLE_OFFSET } from '../electron/services/pwnedIndex/format';

export const DEFAULT_PWNED_SIZES = [10_000_000];
/** Larger corpora are generated into the builder through a pipe, never written to disk. */
export const TEXT_MAX_LINES = 100_000_000;
const LOOKUP_SIZES = [1_000, 10_000];
const FP_QUERIES = 1_000_000;
const KPX_PASSWORD = 'lockstep-bench';
/** The goals (issue #17: for the full ~1e9-entry corpus, on 2 cores). */
const GOALS = {
  linesPerSecond: 10e6,
  bytesPerEntry: 7.5,
  buildRssMb: 200,
  lookupRssMb: 200,
  warmMs: { 1000: 100, 10000: 250 } as Record<number, number>,
  coldMs: { 10000: 500 } as Record<number, number>,
};

const PROBE_SOURCE = join(REPO_ROOT, 'bench', 'pwnedProbe.ts');
const PROBE_BUNDLE = join(DATA_DIR, 'pwnedProbe.mjs');

/** How the probe is started: bundled plain JavaScript when esbuild is at hand, else through tsx. */
let probeCommand: string[] | undefined;
/** The thread pool's size in the command line's processes (scripts/cli.cjs sets it). */
const CLI_THREADPOOL_SIZE = '8';

async function probe<T>(args: string[]): Promise<T> {
  if (!probeCommand) {
    try {
      const esbuild = await import('esbuild');
      await esbuild.build({
        entryPoints: [PROBE_SOURCE],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile: PROBE_BUNDLE,
        logLevel: 'silent',
      });
      probeCommand = [PROBE_BUNDLE];
    } catch {
      probeCommand = ['--import', 'tsx', PROBE_SOURCE];
    }
  }
  const result = spawnSync(process.execPath, [...probeCommand, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    // Node's thread pool as the command line sizes it (scripts/cli.cjs), unless the environment
    // gives another size.
    env: { ...process.env, UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? CLI_THREADPOOL_SIZE },
  });
  if (result.status !== 0) throw new Error(`pwned probe ${args[0]} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Bytes resident in the page cache for `path` (fincore), or null when that cannot be told. */
function residentBytes(path: string): number | null {
  const result = spawnSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', path], {
    encoding: 'utf8',
  });
  if (result.status !== 0) return null;
  const value = Number(result.stdout.trim());
  return Number.isFinite(value) ? value : null;
}

interface DropResult {
  method: string;
  /** Bytes of the file still cached afterwards (null: unknown). */
  residentAfter: number | null;
}

/**
 * Drops `path` from the page cache. Node has no posix_fadvise; GNU dd has: `iflag=nocache count=0`
 * advises POSIX_FADV_DONTNEED for the whole file. When that leaves pages cached (or dd fails) and we
 * are root, `echo 1 > /proc/sys/vm/drop_caches` drops the whole page cache (every file, everyone's).
 */
function dropFromPageCache(path: string): DropResult {
  const dd = spawnSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0', 'status=none'], { encoding: 'utf8' });
  let resident = residentBytes(path);
  if (dd.status === 0 && resident === 0) return { method: 'dd iflag=nocache count=0', residentAfter: 0 };
  try {
    spawnSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '1\n');
    resident = residentBytes(path);
    return { method: 'echo 1 > /proc/sys/vm/drop_caches', residentAfter: resident };
  } catch {
    return {
      method: dd.status === 0 ? 'dd iflag=nocache count=0 (not verified)' : 'none worked',
      residentAfter: resident,
    };
  }
}

/** Reads the whole file, so that it is in the page cache. */
function warmUp(path: string): void {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(8 * 2 ** 20);
  try {
    let position = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read === 0) break;
      position += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** The corpus of `lines` lines, generated unless an identical one is already there. */
async function corpusFor(
  lines: number,
  passwords: readonly string[],
): Promise<{ path: string; stats: PwnedCorpusStats; generatedMs: number | null }> {
  const path = join(ensureDataDir(), `pwned-corpus-${lines}.txt`);
  const statsPath = `${path}.stats.json`;
  if (existsSync(path) && existsSync(statsPath)) {
    const stats = JSON.parse(readFileSync(statsPath, 'utf8')) as PwnedCorpusStats & { requested?: number };
    if (
      stats.generatorVersion === PWNED_CORPUS_VERSION &&
      stats.seed === DEFAULT_PWNED_SEED &&
      stats.requested === lines &&
      stats.passwords === passwords.length &&
      statSync(path).size === stats.bytes
    )
      return { path, stats, generatedMs: null };
  }
  const needed = lines * 60 + 2 ** 30;
  const free = (() => {
    const fs = statfsSync(DATA_DIR);
    return fs.bavail * fs.bsize;
  })();
  if (free < needed)
    throw new Error(
      `Not enough disk for a ${thousands(lines)}-line corpus and its index: ${(needed / 1e9).toFixed(1)} GB needed, ${(free / 1e9).toFixed(1)} GB free in ${DATA_DIR}.`,
    );
  console.log(`  generating ${relative(REPO_ROOT, path)} (${thousands(lines)} lines)…`);
  const started = performance.now();
  const stats = writePwnedCorpus(lines, path, { seed: DEFAULT_PWNED_SEED, passwords });
  writeFileSync(statsPath, `${JSON.stringify({ ...stats, requested: lines }, null, 1)}\n`);
  return { path, stats, generatedMs: performance.now() - started };
}

interface KeepassxcResult {
  ms: number;
  found: Map<number, number>;
  databaseMs: number;
}

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * keepassxc-cli analyze --hibp on the corpus, with a database of `passwords` (titles pw-INDEX).
 * The database is made with `keepassxc-cli import` from a KeePass XML file: one `add` per entry
 * would re-derive the key and rewrite the database 10,000 times.
 */
function runKeepassxc(corpus: string, passwords: readonly string[]): KeepassxcResult | string {
  if (spawnSync('keepassxc-cli', ['--version'], { encoding: 'utf8' }).status !== 0)
    return 'keepassxc-cli is not installed (Debian: apt-get install keepassxc): no comparison.';
  const database = join(DATA_DIR, `pwned-kpx-${passwords.length}-${DEFAULT_PWNED_SEED}.kdbx`);
  let databaseMs = 0;
  if (!existsSync(database)) {
    const xml = join(DATA_DIR, 'pwned-kpx.xml');
    const uuid = (i: number) => Buffer.from(i.toString(16).padStart(32, '0'), 'hex').toString('base64');
    const entries = passwords
      .map(
        (password, i) =>
          `<Entry><UUID>${uuid(i + 2)}</UUID><String><Key>Title</Key><Value>pw-${i}</Value></String><String><Key>Password</Key><Value>${xmlEscape(password)}</Value></String></Entry>`,
      )
      .join('\n');
    writeFileSync(
      xml,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<KeePassFile><Meta><Generator>Lockstep bench</Generator></Meta><Root><Group><UUID>${uuid(1)}</UUID><Name>Root</Name>\n${entries}\n</Group></Root></KeePassFile>\n`,
    );
    const started = performance.now();
    const made = spawnSync('keepassxc-cli', ['import', '-q', '-p', '-t', '100', xml, database], {
      input: `${KPX_PASSWORD}\n${KPX_PASSWORD}\n`,
      encoding: 'utf8',
    });
    databaseMs = performance.now() - started;
    rmSync(xml, { force: true });
    if (made.status !== 0) return `keepassxc-cli import failed: ${made.stderr.trim()}`;
  }
  const started = performance.now();
  const analyzed = spawnSync('keepassxc-cli', ['analyze', '-q', '--hibp', corpus, database], {
    input: `${KPX_PASSWORD}\n`,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const ms = performance.now() - started;
  if (analyzed.status !== 0) return `keepassxc-cli analyze failed: ${analyzed.stderr.trim()}`;
  const found = new Map<number, number>();
  for (const match of analyzed.stdout.matchAll(/^Password for 'pw-(\d+)' has been leaked (\d+) times?!/gm))
    found.set(Number(match[1]), Number(match[2]));
  return { ms, found, databaseMs };
}

/** Bytes a lookup reads for one query in an index of `entries` records (see lookup.ts). */
function windowBytes(entries: number): number {
  const n = entries / 2 ** 20;
  return Math.round(Math.min(n, 2 * (Math.ceil(2 * Math.sqrt(n)) + 2) + 1) * 7);
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const mbText = (value: number) => `${value.toFixed(0)} MB`;
const met = (ok: boolean) => (ok ? 'met' : 'missed');

interface LookupMeasurements {
  rows: string[][];
  /** Median open + lookups + close, by `${temperature}-${count}`. */
  timings: Record<string, number>;
  ours10k: LookupProbe;
  dropMethods: Set<string>;
  maxRssMb: number;
  /** 10,000 bare cold page reads, as the cold lookups' floor (median of the runs). */
  floor: { ms: number; cpuMs: number; runs: number[]; load: string };
}

/** 1,000 and 10,000 lookups, warm then cold, `runs` times each; every answer checked. */
async function measureLookups(
  index: string,
  planted: Map<number, number>,
  runs: number,
  overBudget: () => boolean,
): Promise<LookupMeasurements> {
  const rows: string[][] = [];
  const dropMethods = new Set<string>();
  let ours10k: LookupProbe | undefined;
  let maxRssMb = 0;
  const timings: Record<string, number> = {};
  for (const count of LOOKUP_SIZES) {
    const expected = [...planted].filter(([i]) => i < count);
    const check = (result: LookupProbe) => {
      const found = new Map(result.found);
      const ok =
        found.size === expected.length && expected.every(([i, value]) => found.get(i) === storedCount(value));
      if (!ok)
        throw new Error(
          `lookup of ${count} found ${found.size} passwords, expected exactly the ${expected.length} planted ones`,
        );
    };
    for (const temperature of ['warm', 'cold'] as const) {
      const results: LookupProbe[] = [];
      const resident: (number | null)[] = [];
      const load = loadAverage();
      if (temperature === 'warm') {
        // The whole file read, then the same lookup once, not counted: where the kernel pages out
        // memory not used lately (this VM runs DAMON with a page-out scheme), a 7 GB file read end
        // to end does not stay cached, and "warm" would measure disk reads.
        warmUp(index);
        check(await probe<LookupProbe>(['lookup', index, String(count), String(DEFAULT_PWNED_SEED)]));
      }
      for (let run = 0; run < runs && (run === 0 || !overBudget()); run += 1) {
        if (temperature === 'cold') {
          const drop = dropFromPageCache(index);
          dropMethods.add(drop.method);
          resident.push(drop.residentAfter);
        }
        const result = await probe<LookupProbe>(['lookup', index, String(count), String(DEFAULT_PWNED_SEED)]);
        check(result);
        results.push(result);
      }
      const total = median(results.map((r) => r.totalMs));
      timings[`${temperature}-${count}`] = total;
      if (count === 10_000 && temperature === 'warm') ours10k = results[0];
      const rss = Math.max(...results.map((r) => r.maxRssMb));
      maxRssMb = Math.max(maxRssMb, rss);
      const goal = (temperature === 'warm' ? GOALS.warmMs : GOALS.coldMs)[count];
      const last = results.at(-1)!;
      rows.push([
        thousands(count),
        temperature,
        `${ms(total)} (min ${ms(Math.min(...results.map((r) => r.totalMs)))}, ${results.length} runs)`,
        ms(median(results.map((r) => r.openMs))),
        ms(median(results.map((r) => r.lookupMs))),
        ms(median(results.map((r) => r.cpuMs))),
        `${last.stats.syncReads} / ${last.stats.asyncReads}`,
        `${(last.stats.bytesRead / 1024).toFixed(0)} KiB`,
        `${mbText(rss)} (goal < ${GOALS.lookupRssMb}: ${met(rss < GOALS.lookupRssMb)})`,
        `${results[0]!.found.length} (= planted)`,
        goal === undefined ? '—' : `≤ ${ms(goal)}: ${met(total <= goal)}`,
        temperature === 'cold'
          ? resident.every((value) => value === 0)
            ? 'index not cached'
            : `cached after drop: ${resident.map((value) => (value === null ? '?' : `${value} B`)).join(', ')}`
          : 'index cached (and this lookup run once before)',
        load,
      ]);
      console.log(`  ${thousands(count)} passwords, ${temperature}: ${ms(total)} (${results.length} runs)`);
    }
  }
  // The floor under the cold lookups: the same number of bare reads of one random page each.
  const floorRuns: FloorProbe[] = [];
  const floorLoad = loadAverage();
  for (let run = 0; run < runs && (run === 0 || !overBudget()); run += 1) {
    dropFromPageCache(index);
    floorRuns.push(await probe<FloorProbe>(['floor', index, '10000', String(DEFAULT_PWNED_SEED + 2)]));
  }
  const floor = {
    ms: median(floorRuns.map((r) => r.readMs)),
    cpuMs: median(floorRuns.map((r) => r.cpuMs)),
    runs: floorRuns.map((r) => r.readMs),
    load: floorLoad,
  };
  console.log(`  floor, 10,000 bare cold page reads: ${ms(floor.ms)} (${floorRuns.length} runs)`);
  return { rows, timings, ours10k: ours10k!, dropMethods, maxRssMb, floor };
}

const LOOKUP_HEADERS = [
  'Passwords',
  'Cache',
  'Open + lookups + close (median)',
  'Open',
  'Lookups',
  'CPU (all threads)',
  'Reads sync / pool',
  'Read',
  'Peak RSS',
  'Found',
  'Goal',
  'Page cache',
  'Load average (1/5/15 min)',
];

function lookupNotes(
  lookups: LookupMeasurements,
  baseline: ProbeUsage,
  fp: FpProbe,
  entries: number,
): string[] {
  const narrower = fp.narrower
    .map((n) => `${n.bits} bits: ${thousands(n.positives)} measured vs ${n.predicted.toFixed(0)} predicted`)
    .join('; ');
  const methods = [...lookups.dropMethods];
  return [
    `- Peak RSS is the whole process's (plain Node: ${mbText(baseline.maxRssMb)} doing nothing). Times are measured inside the process, without Node's start-up.`,
    `- Cold: the index dropped from the page cache before each run with ${methods.join(' / ')}${methods.some((m) => m.startsWith('dd')) ? ' (posix_fadvise(POSIX_FADV_DONTNEED) on the whole file, verified with fincore)' : ''}. This machine's disk is virtual: a cold random 4 KiB read takes ~0.1 ms here.`,
    `- False positives: ${thousands(fp.positives)} of ${thousands(fp.queries)} random hashes reported found (expected ${(fp.predictedRate * fp.queries).toExponential(1)}): the 68-bit key's rate is entries / 2^68 = ${fp.predictedRate.toExponential(2)} per lookup here. ${narrower ? `The same measurement with the keys cut shorter, where hits are countable: ${narrower}.` : ''}`,
    `- A lookup reads one window per query: ±(2√n + 2) records around the position interpolated from the key, n = records in its bucket (${windowBytes(entries)} bytes for ${thousands(entries)} entries), cut to the 4 KiB page that position is in; the rest of the window only when the key lies past that page (${thousands(lookups.ours10k.stats.secondReads)} of 10,000 here).`,
    `- The floor under the cold lookups: 10,000 bare reads of one random 4 KiB page of the same index each, cold, sorted, 16 in flight through Node's thread pool (${process.env.UV_THREADPOOL_SIZE ?? CLI_THREADPOOL_SIZE} threads, as the command line sizes it), nothing else (\`pwnedProbe.ts floor\`): **${ms(lookups.floor.ms)}** median (${lookups.floor.runs.map((v) => ms(v)).join(', ')}; CPU ${ms(lookups.floor.cpuMs)}; load ${lookups.floor.load}).`,
  ];
}

interface KeepassxcPoint {
  lines: number;
  ms: number;
}

/** keepassxc-cli's time for `lines`, from the text runs: a line through the points (one: proportional). */
function extrapolateKeepassxc(points: readonly KeepassxcPoint[], lines: number): { ms: number; how: string } {
  const sorted = [...points].sort((a, b) => a.lines - b.lines);
  const last = sorted.at(-1)!;
  if (sorted.length === 1 || sorted[0]!.lines === last.lines) {
    return {
      ms: (last.ms / last.lines) * lines,
      how: `${((last.ms / last.lines) * 1000).toFixed(3)} µs a line at ${thousands(last.lines)} lines, × ${thousands(lines)}`,
    };
  }
  const first = sorted[0]!;
  const slope = (last.ms - first.ms) / (last.lines - first.lines);
  const intercept = last.ms - slope * last.lines;
  return {
    ms: intercept + slope * lines,
    how: `the line through ${sorted.map((p) => `${thousands(p.lines)} lines in ${seconds(p.ms)}`).join(' and ')}: ${(slope * 1000).toFixed(3)} µs a line + ${seconds(intercept)}`,
  };
}

/** The body checksum and offset table of an index: equal for two indexes with the same records. */
function recordsFingerprint(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(TABLE_OFFSET + TABLE_BYTES);
    readSync(fd, header, 0, header.length, 0);
    return Buffer.concat([header.subarray(32, 40), header.subarray(56, 88), header.subarray(TABLE_OFFSET)]);
  } finally {
    closeSync(fd);
  }
}

/** The figures of one index against the goals (which are for the full corpus: the label says the size). */
function pwnedGoals(
  lines: number,
  build: { linesPerSecond: number; bytesPerEntry: number; rssMb: number },
  lookups: { timings: Record<string, number>; maxRssMb: number },
): Goal[] {
  const at = `${lines.toExponential(0).replace('+', '')} lines`;
  const goals: Goal[] = [
    {
      figure: `Index build, ${at}`,
      measured: `${(build.linesPerSecond / 1e6).toFixed(2)} M lines/s`,
      goal: `≥ ${GOALS.linesPerSecond / 1e6} M lines/s`,
      met: build.linesPerSecond >= GOALS.linesPerSecond,
    },
    {
      figure: `Index size, ${at}`,
      measured: `${build.bytesPerEntry.toFixed(3)} bytes/entry`,
      goal: `≤ ${GOALS.bytesPerEntry}`,
      met: build.bytesPerEntry <= GOALS.bytesPerEntry,
    },
    {
      figure: `Index build peak RSS, ${at}`,
      measured: mbText(build.rssMb),
      goal: `< ${GOALS.buildRssMb} MB`,
      met: build.rssMb < GOALS.buildRssMb,
    },
    {
      figure: `Lookups peak RSS, ${at}`,
      measured: mbText(lookups.maxRssMb),
      goal: `< ${GOALS.lookupRssMb} MB`,
      met: lookups.maxRssMb < GOALS.lookupRssMb,
    },
  ];
  for (const [temperature, byCount] of [
    ['warm', GOALS.warmMs],
    ['cold', GOALS.coldMs],
  ] as const) {
    for (const [count, limit] of Object.entries(byCount)) {
      const measured = lookups.timings[`${temperature}-${count}`];
      if (measured === undefined) continue;
      goals.push({
        figure: `${thousands(Number(count))} lookups, ${temperature}, ${at}`,
        measured: ms(measured),
        goal: `≤ ${ms(limit)}`,
        met: measured <= limit,
      });
    }
  }
  return goals;
}

export async function runPwnedBench(options: BenchOptions): Promise<BenchResult> {
  const sections: string[] = [];
  const goals: Goal[] = [];
  const runs = Math.max(1, options.runs);
  const passwords = benchPasswords(Math.max(...LOOKUP_SIZES));
  const baseline = await probe<ProbeUsage>(['baseline']);
  const sizes = [...new Set(options.sizes ?? DEFAULT_PWNED_SIZES)].sort((a, b) => a - b);
  // keepassxc-cli reads only a text file: a streamed size needs a text corpus in the same run.
  if (sizes.some((n) => n > TEXT_MAX_LINES) && !sizes.some((n) => n <= TEXT_MAX_LINES))
    sizes.unshift(TEXT_MAX_LINES);
  const kpxPoints: KeepassxcPoint[] = [];
  let kpxVersion = '';
  const overBudget = () => (performance.now() - options.startedAt) / 1000 > options.budgetSeconds;
  for (const lines of sizes) {
    if (lines > TEXT_MAX_LINES) {
      sections.push(
        await streamedSection(lines, passwords, baseline, runs, overBudget, kpxPoints, kpxVersion, goals),
      );
      continue;
    }
    const { path: corpus, stats, generatedMs } = await corpusFor(lines, passwords);
    const planted = new Map(stats.planted.map((entry) => [entry.index, entry.count]));
    const index = join(DATA_DIR, `pwned-index-${lines}.pwnedidx`);

    // Build.
    const builds: (BuildProbe & { load: string })[] = [];
    for (let run = 0; run < runs && (run === 0 || !overBudget()); run += 1) {
      warmUp(corpus); // the corpus as the downloader just wrote it; the disk is not what is measured
      const load = loadAverage();
      const build = await probe<BuildProbe>(['build', corpus, index]);
      builds.push({ ...build, load });
      console.log(
        `  build ${run + 1}: ${seconds(build.wallMs)}, ${(build.sourceLines / build.wallMs / 1000).toFixed(2)} M lines/s, CPU ${seconds(build.cpuMs)}, peak RSS ${mbText(build.maxRssMb)}, load ${load}`,
      );
    }
    const build = builds[0]!;
    const buildMs = median(builds.map((b) => b.wallMs));
    const linesPerSecond = build.sourceLines / (buildMs / 1000);
    const bytesPerEntry = build.bytes / build.entries;
    const buildRss = Math.max(...builds.map((b) => b.maxRssMb));

    const lookups = await measureLookups(index, planted, runs, overBudget);
    goals.push(...pwnedGoals(lines, { linesPerSecond, bytesPerEntry, rssMb: buildRss }, lookups));
    const fp = await probe<FpProbe>(['fp', index, String(FP_QUERIES), String(DEFAULT_PWNED_SEED + 1)]);

    // keepassxc-cli.
    warmUp(corpus);
    const kpxLoad = loadAverage();
    const kpx = runKeepassxc(corpus, passwords);
    let kpxText: string;
    if (typeof kpx === 'string') kpxText = kpx;
    else {
      const ours = new Map(lookups.ours10k.found);
      const same =
        kpx.found.size === ours.size &&
        [...kpx.found].every(([i, count]) => ours.get(i) === storedCount(count));
      if (!same)
        throw new Error(
          `keepassxc-cli found ${kpx.found.size} breached entries and Lockstep ${ours.size}: they must be the same`,
        );
      kpxPoints.push({ lines: stats.lines, ms: kpx.ms });
      kpxVersion = spawnSync('keepassxc-cli', ['--version'], { encoding: 'utf8' }).stdout.trim();
      kpxText = [
        `- keepassxc-cli ${kpxVersion} \`analyze --hibp\` on the same corpus (in the page cache), database of the same 10,000 passwords: **${seconds(kpx.ms)}** (${((kpx.ms / stats.lines) * 1000).toFixed(3)} µs a line; a 100 ms key derivation included${kpx.databaseMs ? `; the database was made with \`keepassxc-cli import\` in ${seconds(kpx.databaseMs)}` : ''}; load ${kpxLoad}).`,
        `- Both find exactly the same ${kpx.found.size} breached entries (the planted 1%), with the same counts (Lockstep's rounded as its index stores them).`,
        `- Speed ratio for 10,000 passwords: keepassxc-cli ÷ Lockstep = **${(kpx.ms / lookups.timings['warm-10000']!).toFixed(0)}×** warm, **${(kpx.ms / lookups.timings['cold-10000']!).toFixed(0)}×** cold (Lockstep: open + lookups + close, after a one-time build of ${seconds(buildMs)}; keepassxc-cli scans the whole text file every run).`,
      ].join('\n');
    }

    sections.push(
      [
        `### ${thousands(lines)}-line corpus, a text file (${(stats.bytes / 1e6).toFixed(0)} MB, seed ${stats.seed}${generatedMs === null ? ', reused' : `, generated in ${seconds(generatedMs)}`})`,
        '',
        markdownTable(
          [
            'Build',
            'Lines/s',
            'CPU (all threads)',
            'Index',
            'Bytes/entry',
            'Peak RSS',
            'Runs',
            'Load average',
          ],
          [
            [
              `${seconds(buildMs)} (min ${seconds(Math.min(...builds.map((b) => b.wallMs)))})`,
              `${(linesPerSecond / 1e6).toFixed(2)} M (goal ≥ ${GOALS.linesPerSecond / 1e6} M: ${met(linesPerSecond >= GOALS.linesPerSecond)})`,
              seconds(median(builds.map((b) => b.cpuMs))),
              `${(build.bytes / 1e6).toFixed(1)} MB`,
              `${bytesPerEntry.toFixed(2)} (7 + the 4 MiB table; goal ≤ ${GOALS.bytesPerEntry}: ${met(bytesPerEntry <= GOALS.bytesPerEntry)})`,
              `${mbText(buildRss)} (goal < ${GOALS.buildRssMb}: ${met(buildRss < GOALS.buildRssMb)})`,
              String(builds.length),
              builds.map((b) => b.load).join('; '),
            ],
          ],
        ),
        '',
        markdownTable(LOOKUP_HEADERS, lookups.rows),
        '',
        ...lookupNotes(lookups, baseline, fp, build.entries),
        `- The goals are for the full ~1e9-entry corpus; this index has ${thousands(build.entries)} entries.`,
        kpxText,
      ].join('\n'),
    );
  }
  const markdown = ['## pwned: offline Pwned Passwords index', '', ...sections].join('\n');
  console.log(markdown);
  return { markdown, goals };
}

/** A corpus too large to write: generated into the builder through a pipe, in both layouts. */
async function streamedSection(
  lines: number,
  passwords: readonly string[],
  baseline: ProbeUsage,
  runs: number,
  overBudget: () => boolean,
  kpxPoints: readonly KeepassxcPoint[],
  kpxVersion: string,
  goals: Goal[],
): Promise<string> {
  ensureDataDir();
  const layouts: CorpusLayout[] = ['file', 'directory'];
  const needed = 2 * indexBytes(lines) + 2 ** 30;
  const fs = statfsSync(DATA_DIR);
  if (fs.bavail * fs.bsize < needed)
    throw new Error(
      `Not enough disk for two ${thousands(lines)}-entry indexes: ${(needed / 1e9).toFixed(1)} GB needed, ${((fs.bavail * fs.bsize) / 1e9).toFixed(1)} GB free in ${DATA_DIR}.`,
    );
  const planted = new Map(plantedPasswords(passwords, DEFAULT_PWNED_SEED).map((p) => [p.index, p.count]));
  const indexOf = (layout: CorpusLayout) => join(DATA_DIR, `pwned-index-${lines}-${layout}.pwnedidx`);
  const builds: (StreamBuildProbe & { load: string })[] = [];
  for (const layout of layouts) {
    rmSync(indexOf(layout), { force: true });
    spawnSync('sync');
    const load = loadAverage();
    console.log(
      `  building from a generated ${thousands(lines)}-line stream (${layout} layout), load ${load}…`,
    );
    const build = await probe<StreamBuildProbe>([
      'build-stream',
      String(lines),
      layout,
      String(DEFAULT_PWNED_SEED),
      indexOf(layout),
    ]);
    builds.push({ ...build, load });
    console.log(
      `  ${layout}: ${seconds(build.wallMs)}, ${(build.sourceLines / build.wallMs / 1000).toFixed(2)} M lines/s, builder CPU ${seconds(build.cpuMs)}, generator CPU ${seconds(build.generator.cpuMs)}, peak RSS ${mbText(build.maxRssMb)}`,
    );
  }
  const same = recordsFingerprint(indexOf('file')).equals(recordsFingerprint(indexOf('directory')));
  if (!same) throw new Error('the two layouts of the same generated corpus gave different records');
  rmSync(indexOf('directory'), { force: true });
  const index = indexOf('file');
  const first = builds[0]!;
  const bytesPerEntry = first.bytes / first.entries;

  const lookups = await measureLookups(index, planted, runs, overBudget);
  goals.push(
    ...pwnedGoals(
      lines,
      {
        linesPerSecond: first.sourceLines / (first.wallMs / 1000),
        bytesPerEntry,
        rssMb: Math.max(...builds.map((b) => b.maxRssMb)),
      },
      lookups,
    ),
  );
  const fp = await probe<FpProbe>(['fp', index, String(FP_QUERIES), String(DEFAULT_PWNED_SEED + 1)]);

  let kpxText: string;
  if (kpxPoints.length === 0)
    kpxText = '- keepassxc-cli: no text corpus was measured in this run; no comparison.';
  else {
    const kpx = extrapolateKeepassxc(kpxPoints, first.sourceLines);
    kpxText = [
      `- keepassxc-cli ${kpxVersion} \`analyze --hibp\` at ${thousands(first.sourceLines)} lines, **extrapolated**: ${seconds(kpx.ms)} (${kpx.how}; it scans the whole text file, so its time grows linearly with the corpus).`,
      `- Speed ratio for 10,000 passwords: keepassxc-cli (extrapolated) ÷ Lockstep (measured) = **${(kpx.ms / lookups.timings['warm-10000']!).toFixed(0)}×** warm, **${(kpx.ms / lookups.timings['cold-10000']!).toFixed(0)}×** cold.`,
    ].join('\n');
  }
  const lineRate = (b: StreamBuildProbe) => b.sourceLines / (b.wallMs / 1000);
  return [
    `### ${thousands(lines)}-line corpus, generated into the builder through a pipe (never written: ${(first.generator.bytes / 1e9).toFixed(1)} GB of text in the single-file layout)`,
    '',
    markdownTable(
      [
        'Layout',
        'Build',
        'Lines/s',
        'Builder CPU (lines per CPU-second)',
        'Generator CPU',
        'Index',
        'Bytes/entry',
        'Peak RSS',
        'Load average at start',
      ],
      builds.map((b) => [
        b.layout === 'file' ? 'one file (`HASH:COUNT`)' : 'prefix files (`SUFFIX:COUNT`)',
        seconds(b.wallMs),
        `${(lineRate(b) / 1e6).toFixed(2)} M (goal ≥ ${GOALS.linesPerSecond / 1e6} M: ${met(lineRate(b) >= GOALS.linesPerSecond)})`,
        `${seconds(b.cpuMs)} (${(b.sourceLines / b.cpuMs / 1000).toFixed(1)} M)`,
        seconds(b.generator.cpuMs),
        `${(b.bytes / 1e9).toFixed(2)} GB`,
        `${(b.bytes / b.entries).toFixed(3)} (goal ≤ ${GOALS.bytesPerEntry}: ${met(b.bytes / b.entries <= GOALS.bytesPerEntry)})`,
        `${mbText(b.maxRssMb)} (goal < ${GOALS.buildRssMb}: ${met(b.maxRssMb < GOALS.buildRssMb)})`,
        b.load,
      ]),
    ),
    '',
    `- ${thousands(first.sourceLines)} source lines, ${thousands(first.entries)} entries. Both layouts gave the same records (same records checksum and offset table).`,
    `- The generator (another process) and the builder share the machine's 2 cores with each other and with other work: the wall time is the pipeline's. The builder's CPU (all its threads: parsing, SHA-256 of the records, writing ${(first.bytes / 1e9).toFixed(1)} GB) is what a build from a file costs apart from reading it; a real 1e9 corpus (~${(first.generator.bytes / 1e9).toFixed(0)} GB) also needs its disk to deliver ${(first.generator.bytes / 1e6 / (first.sourceLines / GOALS.linesPerSecond)).toFixed(0)} MB/s to keep up with ${GOALS.linesPerSecond / 1e6} M lines/s.`,
    `- Bytes/entry: ${bytesPerEntry.toFixed(3)} = 7-byte records + the 4 MiB offset table and 128-byte header spread over ${thousands(first.entries)} entries.`,
    '',
    markdownTable(LOOKUP_HEADERS, lookups.rows),
    '',
    ...lookupNotes(lookups, baseline, fp, first.entries),
    kpxText,
  ].join('\n');
}
