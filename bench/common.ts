// Helpers shared by the benchmarks: paths, machine facts, statistics and Markdown.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Generated exports and results (git-ignored). */
export const DATA_DIR = join(REPO_ROOT, 'bench', '.data');

export function ensureDataDir(): string {
  mkdirSync(DATA_DIR, { recursive: true });
  return DATA_DIR;
}

/** Writes `content` to bench/.data/NAME and returns the path. */
export function writeResults(name: string, content: string): string {
  const path = join(ensureDataDir(), name);
  writeFileSync(path, content);
  return path;
}

/** Options every benchmark receives from `bench/index.ts`. */
export interface BenchOptions {
  /** Export sizes (login rows); `undefined` means the benchmark's default. */
  sizes: number[] | undefined;
  /** Repetitions per size. */
  runs: number;
  /** Seconds the whole run should stay under: extra repetitions are dropped to respect it. */
  budgetSeconds: number;
  /** When the whole `npm run bench` started (performance.now()). */
  startedAt: number;
}

/** One figure against its goal (the issues' targets), for the closing table of `npm run bench`. */
export interface Goal {
  /** What was measured ("10,000-login import, wall time"). */
  figure: string;
  /** The measurement as shown ("6.7 s"). */
  measured: string;
  /** The goal as shown ("≤ 5 s"). */
  goal: string;
  met: boolean;
}

/** What a benchmark hands back: a Markdown section for the summary, and its figures against goals. */
export interface BenchResult {
  markdown: string;
  goals?: Goal[];
}

/** The closing table: every figure with its goal, met or missed. */
export function goalsMarkdown(goals: readonly (Goal & { benchmark: string })[]): string {
  if (goals.length === 0) return '';
  const met = goals.filter((g) => g.met).length;
  return [
    `# Goals: ${met} of ${goals.length} met`,
    '',
    markdownTable(
      ['Benchmark', 'Figure', 'Measured', 'Goal', 'Result'],
      goals.map((g) => [g.benchmark, g.figure, g.measured, g.goal, g.met ? 'met' : '**missed**']),
    ),
  ].join('\n');
}

export interface MachineFacts {
  cpuCount: number;
  availableParallelism: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemoryMb: number;
  freeMemoryMb: number;
  loadAverage: string;
  commit: string;
}

/** Facts about this machine and checkout that bear on the figures. */
export function machineFacts(): MachineFacts {
  const git = (args: string[]) =>
    spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  return {
    cpuCount: cpus().length,
    availableParallelism: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    freeMemoryMb: Math.round(freemem() / 2 ** 20),
    loadAverage: loadAverage(),
    commit: head ? `${head}${dirty ? ' (uncommitted changes)' : ''}` : 'unknown',
  };
}

/** The 1, 5 and 15-minute load averages (other work on the machine skews wall times). */
export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

/**
 * How many cores `threads` busy threads actually get for `ms` milliseconds: CPU time ÷ wall time.
 * Well under `threads` means other work on the machine competes for the CPU (and stretches wall times).
 */
export async function measureParallelism(threads = availableParallelism(), ms = 1000): Promise<number> {
  const source = `const end = Date.now() + ${ms}; let x = 0;
    while (Date.now() < end) x += Math.sqrt(x + 1);
    require('node:worker_threads').parentPort.postMessage(x);`;
  const cpu = () => {
    const usage = process.resourceUsage();
    return (usage.userCPUTime + usage.systemCPUTime) / 1000;
  };
  const cpuBefore = cpu();
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(source, { eval: true });
          worker.once('message', () => void worker.terminate().then(() => resolve()));
          worker.once('error', reject);
        }),
    ),
  );
  return (cpu() - cpuBefore) / (performance.now() - started);
}

export function machineMarkdown(facts: MachineFacts, coresAvailable?: number): string {
  return [
    `- CPU: ${facts.cpuCount} × ${facts.cpuModel} (available parallelism ${facts.availableParallelism})`,
    ...(coresAvailable === undefined
      ? []
      : [
          `- A ${facts.availableParallelism}-thread busy loop got ${coresAvailable.toFixed(2)} cores at the start` +
            (coresAvailable < facts.availableParallelism * 0.9
              ? ': other work on the machine competes for the CPU, so wall times are longer than on an idle one'
              : ''),
        ]),
    `- Node ${facts.node}, ${facts.platform}; memory ${facts.totalMemoryMb} MB (${facts.freeMemoryMb} MB free)`,
    `- Load average at start (1/5/15 min): ${facts.loadAverage}`,
    `- Commit: ${facts.commit}`,
  ].join('\n');
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const thousands = (n: number) => n.toLocaleString('en-US');

/** A Markdown table with the columns padded, so it also reads well in a terminal. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/**
 * Makes better-sqlite3's native binary match Node, as `npm run cli` does before it starts
 * (`npm start` may have rebuilt it for Electron). Throws when that fails.
 */
export function ensureNativeForNode(): void {
  const result = spawnSync(process.execPath, ['scripts/native.mjs', 'node', '--quiet'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0)
    throw new Error('better-sqlite3 could not be made to load in Node (scripts/native.mjs).');
}
