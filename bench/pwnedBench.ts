// The offline Pwned Passwords benchmark: a deterministic synthetic corpus in the downloader's format
// (bench/pwnedCorpus.ts; 1e7 lines by default, `--sizes 100000000` for 1e8), the index built from it,
// and lookups of 1,000 and 10,000 passwords with the file in the page cache (warm) and dropped from
// it (cold). Each build and lookup runs in a fresh plain-Node process (bench/pwnedProbe.ts, bundled),
// so its peak RSS is its own. Where keepassxc-cli is installed, `keepassxc-cli analyze --hibp` runs
// on the same corpus with a database of the same passwords, and both must find the same entries.
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
  markdownTable,
  median,
  REPO_ROOT,
  seconds,
  thousands,
  type BenchOptions,
  type BenchResult,
} from './common';
import {
  benchPasswords,
  DEFAULT_PWNED_SEED,
  PWNED_CORPUS_VERSION,
  writePwnedCorpus,
  type PwnedCorpusStats,
} from './pwnedCorpus';
import type { BuildProbe, FpProbe, LookupProbe, ProbeUsage } from './pwnedProbe';
import { storedCount } from '../electron/services/pwnedIndex/format';

export const DEFAULT_PWNED_SIZES = [10_000_000];
const LOOKUP_SIZES = [1_000, 10_000];
const FP_QUERIES = 1_000_000;
const KPX_PASSWORD = 'lockstep-bench';
/** The issue's goals (for a 1e9-entry index, on 2 cores). */
const GOALS = {
  linesPerSecond: 3e6,
  bytesPerEntry: 8,
  buildRssMb: 200,
  lookupRssMb: 100,
  warmMs: { 1000: 100, 10000: 250 } as Record<number, number>,
  coldMs: { 10000: 1000 } as Record<number, number>,
};

const PROBE_SOURCE = join(REPO_ROOT, 'bench', 'pwnedProbe.ts');
const PROBE_BUNDLE = join(DATA_DIR, 'pwnedProbe.mjs');

/** How the probe is started: bundled plain JavaScript when esbuild is at hand, else through tsx. */
let probeCommand: string[] | undefined;
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
  const stats = await writePwnedCorpus(lines, path, { seed: DEFAULT_PWNED_SEED, passwords });
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

export async function runPwnedBench(options: BenchOptions): Promise<BenchResult> {
  const sections: string[] = [];
  const runs = Math.max(1, options.runs);
  const passwords = benchPasswords(Math.max(...LOOKUP_SIZES));
  const baseline = await probe<ProbeUsage>(['baseline']);
  for (const lines of options.sizes ?? DEFAULT_PWNED_SIZES) {
    const overBudget = () => (performance.now() - options.startedAt) / 1000 > options.budgetSeconds;
    const { path: corpus, stats, generatedMs } = await corpusFor(lines, passwords);
    const planted = new Map(stats.planted.map((entry) => [entry.index, entry.count]));
    const index = join(DATA_DIR, `pwned-index-${lines}.pwnedidx`);

    // Build.
    const builds: BuildProbe[] = [];
    for (let run = 0; run < runs && (run === 0 || !overBudget()); run += 1) {
      warmUp(corpus); // the corpus as the downloader just wrote it; the disk is not what is measured
      const build = await probe<BuildProbe>(['build', corpus, index]);
      builds.push(build);
      console.log(
        `  build ${run + 1}: ${seconds(build.wallMs)}, ${(build.sourceLines / build.wallMs / 1000).toFixed(2)} M lines/s, CPU ${seconds(build.cpuMs)}, peak RSS ${mbText(build.maxRssMb)}`,
      );
    }
    const build = builds[0]!;
    const buildMs = median(builds.map((b) => b.wallMs));
    const linesPerSecond = build.sourceLines / (buildMs / 1000);
    const bytesPerEntry = build.bytes / build.entries;
    const buildRss = Math.max(...builds.map((b) => b.maxRssMb));

    // Lookups, warm and cold.
    const lookupRows: string[][] = [];
    const dropMethods = new Set<string>();
    let ours10k: LookupProbe | undefined;
    const timings: Record<string, number> = {};
    for (const count of LOOKUP_SIZES) {
      const expected = [...planted].filter(([i]) => i < count);
      const check = (result: LookupProbe) => {
        const found = new Map(result.found);
        const ok =
          found.size === expected.length &&
          expected.every(([i, value]) => found.get(i) === storedCount(value));
        if (!ok)
          throw new Error(
            `lookup of ${count} found ${found.size} passwords, expected exactly the ${expected.length} planted ones`,
          );
      };
      for (const temperature of ['warm', 'cold'] as const) {
        const results: LookupProbe[] = [];
        const resident: (number | null)[] = [];
        if (temperature === 'warm') warmUp(index);
        for (let run = 0; run < runs && (run === 0 || !overBudget()); run += 1) {
          if (temperature === 'cold') {
            const drop = dropFromPageCache(index);
            dropMethods.add(drop.method);
            resident.push(drop.residentAfter);
          }
          const result = await probe<LookupProbe>([
            'lookup',
            index,
            String(count),
            String(DEFAULT_PWNED_SEED),
          ]);
          check(result);
          results.push(result);
        }
        const total = median(results.map((r) => r.totalMs));
        timings[`${temperature}-${count}`] = total;
        if (count === 10_000 && temperature === 'warm') ours10k = results[0];
        const goal = (temperature === 'warm' ? GOALS.warmMs : GOALS.coldMs)[count];
        const last = results.at(-1)!;
        lookupRows.push([
          thousands(count),
          temperature,
          `${ms(total)} (min ${ms(Math.min(...results.map((r) => r.totalMs)))})`,
          ms(median(results.map((r) => r.openMs))),
          ms(median(results.map((r) => r.lookupMs))),
          `${last.stats.syncReads} / ${last.stats.asyncReads}`,
          `${(last.stats.bytesRead / 1024).toFixed(0)} KiB`,
          mbText(Math.max(...results.map((r) => r.maxRssMb))),
          `${results[0]!.found.length} (= planted)`,
          goal === undefined ? '—' : `< ${ms(goal)}: ${met(total < goal)}`,
          temperature === 'cold'
            ? resident.every((value) => value === 0)
              ? 'index not cached'
              : `cached after drop: ${resident.map((value) => (value === null ? '?' : `${value} B`)).join(', ')}`
            : '',
        ]);
        console.log(`  ${thousands(count)} passwords, ${temperature}: ${ms(total)} (${results.length} runs)`);
      }
    }

    // False positives.
    const fp = await probe<FpProbe>(['fp', index, String(FP_QUERIES), String(DEFAULT_PWNED_SEED + 1)]);

    // keepassxc-cli.
    warmUp(corpus);
    const kpx = runKeepassxc(corpus, passwords);
    let kpxText: string;
    if (typeof kpx === 'string') kpxText = kpx;
    else {
      const ours = new Map(ours10k!.found);
      const same =
        kpx.found.size === ours.size &&
        [...kpx.found].every(([i, count]) => ours.get(i) === storedCount(count));
      if (!same)
        throw new Error(
          `keepassxc-cli found ${kpx.found.size} breached entries and Lockstep ${ours.size}: they must be the same`,
        );
      kpxText = [
        `- keepassxc-cli ${spawnSync('keepassxc-cli', ['--version'], { encoding: 'utf8' }).stdout.trim()} \`analyze --hibp\` on the same corpus (in the page cache), database of the same 10,000 passwords: **${seconds(kpx.ms)}** (a 100 ms key derivation included${kpx.databaseMs ? `; the database was made with \`keepassxc-cli import\` in ${seconds(kpx.databaseMs)}` : ''}).`,
        `- Both find exactly the same ${kpx.found.size} breached entries (the planted 1%), with the same counts (Lockstep's rounded as its index stores them).`,
        `- Speed ratio for 10,000 passwords: keepassxc-cli ÷ Lockstep = **${(kpx.ms / timings['warm-10000']!).toFixed(0)}×** warm, **${(kpx.ms / timings['cold-10000']!).toFixed(0)}×** cold (Lockstep: open + lookups + close, after a one-time build of ${seconds(buildMs)}; keepassxc-cli scans the whole text file every run).`,
      ].join('\n');
    }

    const narrower = fp.narrower
      .map((n) => `${n.bits} bits: ${thousands(n.positives)} measured vs ${n.predicted.toFixed(0)} predicted`)
      .join('; ');
    sections.push(
      [
        `### ${thousands(lines)}-line corpus (${(stats.bytes / 1e6).toFixed(0)} MB, seed ${stats.seed}${generatedMs === null ? ', reused' : `, generated in ${seconds(generatedMs)}`})`,
        '',
        markdownTable(
          ['Build', 'Lines/s', 'CPU (all threads)', 'Index', 'Bytes/entry', 'Peak RSS', 'Runs'],
          [
            [
              `${seconds(buildMs)} (min ${seconds(Math.min(...builds.map((b) => b.wallMs)))})`,
              `${(linesPerSecond / 1e6).toFixed(2)} M (goal ≥ ${GOALS.linesPerSecond / 1e6} M: ${met(linesPerSecond >= GOALS.linesPerSecond)})`,
              seconds(median(builds.map((b) => b.cpuMs))),
              `${(build.bytes / 1e6).toFixed(1)} MB`,
              `${bytesPerEntry.toFixed(2)} (7 + the 4 MiB table; goal ≤ ${GOALS.bytesPerEntry}: ${met(bytesPerEntry <= GOALS.bytesPerEntry)})`,
              `${mbText(buildRss)} (goal < ${GOALS.buildRssMb}: ${met(buildRss < GOALS.buildRssMb)})`,
              String(builds.length),
            ],
          ],
        ),
        '',
        markdownTable(
          [
            'Passwords',
            'Cache',
            'Open + lookups + close (median)',
            'Open',
            'Lookups',
            'Reads sync / pool',
            'Read',
            'Peak RSS',
            'Found',
            'Goal',
            'Page cache',
          ],
          lookupRows,
        ),
        '',
        `- Peak RSS is the whole process's (plain Node: ${mbText(baseline.maxRssMb)} doing nothing; goal for lookups < ${GOALS.lookupRssMb} MB: ${met(Math.max(...lookupRows.map((row) => Number.parseFloat(row[7]!))) < GOALS.lookupRssMb)}). Times are measured inside the process, without Node's start-up.`,
        `- Cold: the index dropped from the page cache before each run with ${[...dropMethods].join(' / ')}${[...dropMethods].some((m) => m.startsWith('dd')) ? ' (verified with fincore)' : ''}. This machine's disk is virtual: a cold random 4 KiB read takes ~0.1 ms here.`,
        `- False positives: ${thousands(fp.positives)} of ${thousands(fp.queries)} random hashes reported found (expected ${(fp.predictedRate * fp.queries).toExponential(1)}): the 68-bit key's rate is entries / 2^68 = ${fp.predictedRate.toExponential(2)} per lookup here, ${(1e9 / 2 ** 68).toExponential(2)} for the full 1e9 corpus. The same measurement with the keys cut shorter, where hits are countable: ${narrower || 'skipped at this size'}.`,
        `- The goals are for the full 1e9-entry corpus; this index has ${thousands(build.entries)} entries. A lookup reads one window per query whatever the size: ±(2√n + 2) records around the position interpolated from the key, n = records in its bucket (${windowBytes(build.entries)} bytes here, ${windowBytes(1e9)} at 1e9), so cold times depend on the disk's random-read latency rather than on the index size.`,
        kpxText,
      ].join('\n'),
    );
  }
  const markdown = ['## pwned: offline Pwned Passwords index', '', ...sections].join('\n');
  console.log(markdown);
  return { markdown };
}
