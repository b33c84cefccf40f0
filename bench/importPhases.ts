// Where an import's time goes: the same services the CLI uses (openCore, preview, confirm), run in
// this process on the generated export, timed phase by phase from the import's progress events.
// One run per size (the `import` benchmark does the repeated end-to-end timing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportProgress } from '../common/ipc/contract';
import { createHeadlessPlatform } from '../electron/platform/headless';
import { openCore } from '../electron/services/core';
import {
  DATA_DIR,
  ensureDataDir,
  markdownTable,
  seconds,
  thousands,
  type BenchOptions,
  type BenchResult,
} from './common';
import { writeBitwardenExport, type ExportStats } from './generateExport';

export const DEFAULT_PHASE_SIZES = [1_000];

interface PhaseTimes {
  size: number;
  stats: ExportStats;
  /** Items the strength pool scored (distinct password + user inputs pairs). */
  scored: number;
  phases: [name: string, ms: number][];
  totalMs: number;
  scoringMs: number;
  /** The workers' start-up: zxcvbn load per worker, index builds, indexes received from another. */
  workers: { loadMs: number[]; indexMs: number[]; indexesShared: number };
}

async function timePhases(size: number): Promise<PhaseTimes> {
  const file = join(DATA_DIR, `bitwarden-${size}.csv`);
  const stats = writeBitwardenExport(size, file);
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-bench-phases-'));
  const marks = new Map<string, number>();
  let scored = 0;
  const onImportProgress = (event: ImportProgress) => {
    const now = performance.now();
    if (event.phase === 'analysing') {
      if (!marks.has('scoring-start')) marks.set('scoring-start', now);
      if (event.done === event.total) {
        marks.set('scoring-end', now);
        scored = event.total;
      }
    } else if (!marks.has(event.phase)) {
      marks.set(event.phase, now);
    }
  };
  try {
    const start = performance.now();
    const core = openCore({ dataDir, platform: createHeadlessPlatform(() => {}), onImportProgress });
    const opened = performance.now();
    const people = core.inventory.listPeople();
    const person = people.find((p) => p.isDefault) ?? people[0]!;
    const preview = core.imports.previewFile(file, { personId: person.id });
    const previewed = performance.now();
    const result = await core.imports.confirm({ sessionId: preview.sessionId });
    const confirmed = performance.now();
    const scoringStats = core.scoringStats();
    core.checks.run();
    const checksAgain = performance.now() - confirmed;
    const beforeClose = performance.now();
    await core.close();
    const closed = performance.now();
    if (result.created !== stats.expectedCreated) {
      throw new Error(`created ${result.created}, expected ${stats.expectedCreated}`);
    }
    const mark = (name: string) => {
      const value = marks.get(name);
      if (value === undefined) throw new Error(`The import sent no "${name}" progress event.`);
      return value;
    };
    const scoringStart = mark('scoring-start');
    const scoringEnd = mark('scoring-end');
    const saving = mark('saving');
    const done = mark('done');
    return {
      size,
      stats,
      scored,
      phases: [
        ['open the database (migrations, initial checks)', opened - start],
        ['preview: read, detect, parse, plan (workers start)', previewed - opened],
        ['confirm → scoring starts: load the common list and key', scoringStart - previewed],
        ['strength scoring (zxcvbn; what is left of the start-up)', scoringEnd - scoringStart],
        ['fingerprints, common rank, similarity groups', saving - scoringEnd],
        ['database write + checks (one transaction)', done - saving],
        ['  of which the checks alone (re-run afterwards)', checksAgain],
        ['findings summary', confirmed - done],
        ['close (stop workers, close the database)', closed - beforeClose],
      ],
      totalMs: closed - start - checksAgain,
      scoringMs: scoringEnd - scoringStart,
      workers: {
        loadMs: scoringStats?.loadMs ?? [],
        indexMs: scoringStats?.indexMs ?? [],
        indexesShared: scoringStats?.indexesShared ?? 0,
      },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** How long after a preview is first read a person confirms it, in the app-like timing below. */
const READING_MS = 5_000;

/**
 * In the app a person reads the preview before confirming it, and the scoring starts as soon as the
 * preview is shown: how long the confirm then takes (what is left of the scoring, and the write).
 */
async function timeConfirmAfterReading(size: number): Promise<{ previewMs: number; confirmMs: number }> {
  const file = join(DATA_DIR, `bitwarden-${size}.csv`);
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-bench-phases-'));
  try {
    const core = openCore({ dataDir, platform: createHeadlessPlatform(() => {}) });
    const people = core.inventory.listPeople();
    const person = people.find((p) => p.isDefault) ?? people[0]!;
    const started = performance.now();
    const preview = core.imports.previewFile(file, { personId: person.id });
    const previewMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, READING_MS));
    const confirming = performance.now();
    await core.imports.confirm({ sessionId: preview.sessionId });
    const confirmMs = performance.now() - confirming;
    await core.close();
    return { previewMs, confirmMs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runPhasesBench(options: BenchOptions): Promise<BenchResult> {
  ensureDataDir();
  const sizes = options.sizes ?? DEFAULT_PHASE_SIZES;
  console.log(
    `\n## phases: in-process import, time per phase, sizes ${sizes.map(thousands).join(', ')}, one run each`,
  );
  const sections: string[] = ['## Import phases (in-process, one run each)'];
  for (const size of sizes) {
    const times = await timePhases(size);
    const rows = times.phases.map(([name, ms]) => [
      name,
      seconds(ms),
      name.startsWith('  ') ? '' : `${((ms / times.totalMs) * 100).toFixed(0)}%`,
    ]);
    rows.push(['total (without the re-run of the checks)', seconds(times.totalMs), '100%']);
    const rates =
      `Scoring: ${thousands(times.scored)} items scored (distinct password + user inputs) in ${seconds(times.scoringMs)} = ` +
      `${(times.scored / (times.scoringMs / 1000)).toFixed(0)} items/s; ` +
      `${thousands(times.stats.distinctPasswords)} distinct passwords ÷ scoring time = ` +
      `${(times.stats.distinctPasswords / (times.scoringMs / 1000)).toFixed(0)} passwords/s. ` +
      `Workers (started with the preview, so their start-up overlaps it): zxcvbn loaded in ` +
      `${times.workers.loadMs.map((ms) => seconds(ms)).join(' and ') || 'none'}; index built in ` +
      `${times.workers.indexMs.map((ms) => seconds(ms)).join(' and ') || 'none'}, ` +
      `given to ${times.workers.indexesShared} other worker(s) as shared memory.`;
    const reading = await timeConfirmAfterReading(size);
    const app =
      `In the app (the scoring starts when the preview is shown): preview ${seconds(reading.previewMs)}, ` +
      `then confirmed ${seconds(READING_MS)} later, the confirm took ${seconds(reading.confirmMs)}.`;
    const section = [
      `### ${thousands(size)} entries`,
      '',
      markdownTable(['Phase', 'Time', 'Share'], rows),
      '',
      rates,
      '',
      app,
    ].join('\n');
    console.log(`\n${section}`);
    sections.push('', section);
  }
  return { markdown: sections.join('\n') };
}
