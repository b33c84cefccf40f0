// Helpers shared by the benchmarks: paths, machine facts, statistics and Markdown.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Generated exports and results (git-ignored). */
export const DATA_DIR = join(REPO_ROOT, 'bench', '.data');

export function ensureDataDir(): string {
  mkdirSync(DATA_DIR, { recursive: true });
  return DATA_DIR;
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

/** What a benchmark hands back: a Markdown section for the summary. */
export interface BenchResult {
  markdown: string;
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

export function machineMarkdown(facts: MachineFacts): string {
  return [
    `- CPU: ${facts.cpuCount} × ${facts.cpuModel} (available parallelism ${facts.availableParallelism})`,
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
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join(
    '\n',
  );
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
  if (result.status !== 0) throw new Error('better-sqlite3 could not be made to load in Node (scripts/native.mjs).');
}
