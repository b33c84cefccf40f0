// The import benchmark: the real CLI (the bundled `out/cli/index.mjs import FILE --json`), full analysis,
// on generated Bitwarden exports, each run in a fresh data folder. Measures the wall time of the
// whole command (process start to exit: start-up, parsing, strength scoring, fingerprints,
// similarity, the database write and the checks) and the process's peak RSS.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
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
import { writeBitwardenExport, type ExportStats } from './generateExport';
import type { ProbeReport } from './rssProbe';

export const DEFAULT_IMPORT_SIZES = [1_000, 10_000];
/**
 * The goals on 2 cores: issue #17's for 10,000 logins (≤ 5 s, ≤ 300 MB peak); for smaller exports the
 * same rate (0.5 ms a login), with at least the first round's 3 s for 1,000.
 */
const GOAL_MS_PER_ENTRY = 0.5;
const GOAL_MIN_MS = 3000;
const GOAL_RSS_MB = 300;
const goalMsFor = (size: number) => Math.max(GOAL_MIN_MS, size * GOAL_MS_PER_ENTRY);

const PROBE = pathToFileURL(join(REPO_ROOT, 'bench', 'rssProbe.mjs')).href;

/** The bundled CLI, as `npm run -s cli` and the `lockstep` bin run it (built when out of date). */
async function cliEntry(): Promise<string> {
  const { ensureCli } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/buildCli.mjs')).href)) as {
    ensureCli(root: string): Promise<string>;
  };
  return ensureCli(REPO_ROOT);
}
const GNU_TIME = '/usr/bin/time';

/** The part of `import --json` output the benchmark checks. */
interface ImportJson {
  format: string;
  entries: number;
  skipped: { row: number; reason: string }[];
  created: number;
  updated: number;
}

/** One CLI import run's figures. */
export interface RunResult {
  wallMs: number;
  /** Peak RSS in MB from the in-process probe (getrusage of the CLI process). */
  rssMb: number;
  /** The same from GNU time's "Maximum resident set size", when available (a cross-check). */
  timeRssMb: number | null;
  cpuMs: number;
  created: number;
  entries: number;
  skipped: number;
}

interface SizeResult {
  size: number;
  stats: ExportStats;
  file: string;
  runs: RunResult[];
  /** Repetitions dropped to keep within the time budget. */
  dropped: number;
}

let gnuTimeAvailable: boolean | undefined;
/** True when /usr/bin/time is GNU time (it has `-v` and `-o`). */
export function hasGnuTime(): boolean {
  if (gnuTimeAvailable === undefined) {
    if (!existsSync(GNU_TIME)) gnuTimeAvailable = false;
    else {
      const probe = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
      gnuTimeAvailable = probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
    }
  }
  return gnuTimeAvailable;
}

/** Runs the CLI import once, in a fresh data folder that is deleted afterwards. */
export async function runCliImport(file: string): Promise<RunResult> {
  const runDir = mkdtempSync(join(tmpdir(), 'lockstep-bench-'));
  const dataDir = join(runDir, 'data');
  const probeFile = join(runDir, 'probe.json');
  const timeFile = join(runDir, 'time.txt');
  const nodeArgs = ['--import', PROBE, await cliEntry(), 'import', file, '--data-dir', dataDir, '--json'];
  const [command, args] = hasGnuTime()
    ? [GNU_TIME, ['-v', '-o', timeFile, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  try {
    const started = performance.now();
    const { code, stdout, stderr } = await new Promise<{
      code: number | null;
      stdout: string;
      stderr: string;
    }>((resolve, reject) => {
      const child = spawn(command, args, {
        cwd: REPO_ROOT,
        env: { ...process.env, LOCKSTEP_BENCH_PROBE_FILE: probeFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      child.on('error', reject);
      child.on('close', (exitCode) =>
        resolve({
          code: exitCode,
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
        }),
      );
    });
    const wallMs = performance.now() - started;
    if (code !== 0) {
      throw new Error(`The CLI import exited with ${code}:\n${stderr.trim() || stdout.trim()}`);
    }
    const result = JSON.parse(stdout) as ImportJson;
    if (!existsSync(probeFile)) throw new Error('The RSS probe wrote no report (was it preloaded?).');
    const probe = JSON.parse(readFileSync(probeFile, 'utf8')) as ProbeReport;
    let timeRssMb: number | null = null;
    if (existsSync(timeFile)) {
      const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
      if (match) timeRssMb = Number(match[1]) / 1024;
    }
    return {
      wallMs,
      rssMb: probe.maxRssKb / 1024,
      timeRssMb,
      cpuMs: probe.userCpuMs + probe.systemCpuMs,
      created: result.created,
      entries: result.entries,
      skipped: result.skipped.length,
    };
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** Checks the CLI's summary against what the generator wrote; throws on a mismatch. */
export function verifyImport(run: RunResult, stats: ExportStats): void {
  const problems: string[] = [];
  if (run.entries !== stats.logins) problems.push(`entries ${run.entries}, expected ${stats.logins}`);
  if (run.created !== stats.expectedCreated) {
    problems.push(`created ${run.created}, expected ${stats.expectedCreated} (distinct site + user name)`);
  }
  const expectedSkipped = stats.secureNotes + stats.duplicateLogins;
  if (run.skipped !== expectedSkipped) problems.push(`skipped ${run.skipped}, expected ${expectedSkipped}`);
  if (problems.length > 0) throw new Error(`The import's summary is wrong: ${problems.join('; ')}.`);
}

const mb = (value: number) => value.toFixed(0);

export async function runImportBench(options: BenchOptions): Promise<BenchResult> {
  ensureDataDir();
  const sizes = options.sizes ?? DEFAULT_IMPORT_SIZES;
  console.log(
    `\n## import: CLI import with full analysis, sizes ${sizes.map(thousands).join(', ')}, ` +
      `${options.runs} runs each (budget ${options.budgetSeconds} s)`,
  );
  if (!hasGnuTime()) console.log('(GNU time not found: peak RSS comes from the in-process probe only)');

  const results: SizeResult[] = [];
  for (const [index, size] of sizes.entries()) {
    const file = join(DATA_DIR, `bitwarden-${size}.csv`);
    const generatedAt = performance.now();
    const stats = writeBitwardenExport(size, file);
    console.log(
      `\n${thousands(size)} logins → ${relative(REPO_ROOT, file)} (${(stats.bytes / 1024).toFixed(0)} KB, ` +
        `generated in ${seconds(performance.now() - generatedAt)}): ${stats.secureNotes} notes, ` +
        `${stats.duplicateLogins} duplicate logins, ${stats.fromReusePool} from the reuse pool, ` +
        `${stats.fromCommonList} common, ${stats.withTotp} with TOTP; ` +
        `${thousands(stats.expectedCreated)} accounts expected, ${thousands(stats.distinctPasswords)} distinct passwords`,
    );
    const sizeResult: SizeResult = { size, stats, file, runs: [], dropped: 0 };
    results.push(sizeResult);
    for (let run = 1; run <= options.runs; run += 1) {
      if (run > 1) {
        // Keep within the budget: this repetition plus a first run of each larger size to come
        // (estimated linearly from this size's runs) must fit.
        const last = median(sizeResult.runs.map((r) => r.wallMs));
        const reserve = sizes.slice(index + 1).reduce((sum, next) => sum + (last * next) / size, 0);
        const elapsed = performance.now() - options.startedAt;
        if (elapsed + last + reserve > options.budgetSeconds * 1000) {
          sizeResult.dropped = options.runs - run + 1;
          console.log(
            `  runs ${run}–${options.runs} skipped: they would take the whole run past the ` +
              `${options.budgetSeconds} s budget (--budget SECONDS to change it)`,
          );
          break;
        }
      }
      const result = await runCliImport(file);
      verifyImport(result, stats);
      sizeResult.runs.push(result);
      console.log(
        `  run ${run}: ${seconds(result.wallMs)} wall, ${seconds(result.cpuMs)} CPU ` +
          `(${(result.cpuMs / result.wallMs).toFixed(2)} cores busy), peak RSS ${mb(result.rssMb)} MB` +
          `${result.timeRssMb === null ? '' : ` (GNU time: ${mb(result.timeRssMb)} MB)`}; ` +
          `created ${thousands(result.created)} ✓ (expected ${thousands(stats.expectedCreated)}), ` +
          `${result.skipped} rows skipped ✓; load ${loadAverage()}`,
      );
    }
  }

  const rows = results.map(({ size, stats, runs, dropped }) => {
    const walls = runs.map((r) => r.wallMs);
    const wallMedian = median(walls);
    const goalMs = goalMsFor(size);
    return [
      thousands(size),
      `${runs.length}${dropped > 0 ? ` (of ${runs.length + dropped})` : ''}`,
      seconds(wallMedian),
      seconds(Math.min(...walls)),
      `< ${seconds(goalMs)}: ${wallMedian < goalMs ? 'met' : `missed (${(wallMedian / goalMs).toFixed(1)}×)`}`,
      thousands(stats.distinctPasswords),
      (stats.distinctPasswords / (wallMedian / 1000)).toFixed(0),
      (stats.expectedCreated / (wallMedian / 1000)).toFixed(0),
      seconds(median(runs.map((r) => r.cpuMs))),
      (median(runs.map((r) => r.cpuMs)) / wallMedian).toFixed(2),
      mb(Math.max(...runs.map((r) => r.rssMb))),
      thousands(runs[0]!.created),
    ];
  });
  const table = markdownTable(
    [
      'Entries',
      'Runs',
      'Wall (median)',
      'Wall (min)',
      'Goal',
      'Distinct passwords',
      'Passwords/s',
      'Accounts/s',
      'CPU (median)',
      'Cores busy',
      'Peak RSS (MB)',
      'Accounts created',
    ],
    rows,
  );
  const markdown = [
    '## Import: CLI, full analysis',
    '',
    table,
    '',
    '- Wall: `node out/cli/index.mjs import FILE --data-dir <fresh> --json` (the bundled CLI, as `npm run -s cli` runs it), process start to exit ' +
      '(start-up, parse, strength scoring, fingerprints, similarity, database write, checks), median and ' +
      'minimum of the runs, each in a fresh data folder.',
    '- Passwords/s: the export’s distinct passwords (among the accounts created) ÷ the median wall time of the ' +
      '**whole import** (the CLI’s `--json` output has no analysis time). Accounts/s: accounts created ÷ the same. ' +
      'Each distinct password is scored once, with the words of every account that uses it; see the `phases` ' +
      'benchmark for the scoring phase alone.',
    '- CPU: user + system time of all the CLI’s threads (getrusage). Cores busy: CPU ÷ wall (2.00 = both cores ' +
      'busy throughout); well under 2 while scoring means the workers waited for a CPU (other load on the machine, ' +
      'see the load average) or for work. CPU ÷ 2 is a floor for the wall time on an otherwise idle 2-core machine.',
    '- Peak RSS: getrusage maximum resident set size of the CLI process (worker threads share it), highest of the ' +
      `runs${hasGnuTime() ? '; GNU time reports the same figure (see the run lines)' : ''}.`,
    '- Accounts created: checked on every run against the generator’s count of logins with a distinct site + user ' +
      'name; entries and skipped rows (notes, duplicates) are checked too.',
    `- Exports: \`bench/generateExport.ts\` (seed fixed, byte-identical on every run); load average at the end: ${loadAverage()}.`,
  ].join('\n');
  const goals: Goal[] = results.flatMap(({ size, runs }) => {
    const wall = median(runs.map((r) => r.wallMs));
    const rss = Math.max(...runs.map((r) => r.rssMb));
    return [
      {
        figure: `Import of ${thousands(size)} logins, full analysis, wall (median)`,
        measured: seconds(wall),
        goal: `≤ ${seconds(goalMsFor(size))}`,
        met: wall <= goalMsFor(size),
      },
      {
        figure: `Import of ${thousands(size)} logins, peak RSS`,
        measured: `${mb(rss)} MB`,
        goal: `≤ ${GOAL_RSS_MB} MB`,
        met: rss <= GOAL_RSS_MB,
      },
    ];
  });
  return { markdown, goals };
}
