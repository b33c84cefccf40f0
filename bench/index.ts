// Lockstep's benchmarks.
//   npm run bench                          all benchmarks
//   npm run bench -- import                one (or several: import phases)
//   npm run bench -- import --sizes 1000 --runs 5 --budget 300
// Results: printed, and written to bench/.data/<benchmark>-results.md. No network is used.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ensureNativeForNode,
  goalsMarkdown,
  loadAverage,
  machineFacts,
  machineMarkdown,
  measureParallelism,
  REPO_ROOT,
  seconds,
  writeResults,
  type BenchOptions,
  type BenchResult,
  type Goal,
} from './common';
import { DEFAULT_CLI_SIZES, runCliBench } from './cliBench';
import { DEFAULT_IMPORT_SIZES, runImportBench } from './importBench';
import { DEFAULT_KILLS, runKillBench } from './killBench';
import { DEFAULT_PHASE_SIZES, runPhasesBench } from './importPhases';
import { DEFAULT_MAIL_SIZES, runMailBench } from './mailBench';
import { DEFAULT_PWNED_SIZES, runPwnedBench } from './pwnedBench';
import { DEFAULT_SCORING_SIZES, runScoringBench } from './scoringBench';
import { DEFAULT_STARTUP_SIZES, runStartupBench } from './startupBench';
import { DEFAULT_UI_SIZES, runUiBench } from './uiBench';

interface Benchmark {
  summary: string;
  run(options: BenchOptions): Promise<BenchResult>;
}

/** Every benchmark, in the order `npm run bench` runs them. Add new ones (e.g. `pwned`) here. */
const BENCHMARKS: Record<string, Benchmark> = {
  import: {
    summary: `CLI import with full analysis: wall time, passwords/s, peak RSS (default sizes ${DEFAULT_IMPORT_SIZES.join(', ')})`,
    run: runImportBench,
  },
  phases: {
    summary: `In-process import timed phase by phase: where the time goes (default size ${DEFAULT_PHASE_SIZES.join(', ')})`,
    run: runPhasesBench,
  },
  scoring: {
    summary: `Password scoring: agreement with zxcvbn-ts as published, every difference, passwords/s, the verdict cache, a 10,000-login import (default ${DEFAULT_SCORING_SIZES.join(', ')} passwords)`,
    run: runScoringBench,
  },
  startup: {
    summary: `Cold start and check re-runs with a large inventory (default ${DEFAULT_STARTUP_SIZES.join(', ')} accounts)`,
    run: runStartupBench,
  },
  pwned: {
    summary: `Offline Pwned Passwords index: build, 1k/10k lookups warm and cold, keepassxc-cli comparison (default ${DEFAULT_PWNED_SIZES.map((n) => n.toExponential(0)).join(', ')} lines; --sizes 100000000 for 1e8; --sizes 1000000000 for the real corpus's size, generated through a pipe)`,
    run: runPwnedBench,
  },
  cli: {
    summary: `The command line's start: --help through the lockstep bin and through npm (with npm's own start beside it), and accounts --json on a large inventory (default ${DEFAULT_CLI_SIZES.join(', ')} accounts)`,
    run: runCliBench,
  },
  ui: {
    summary: `Team, Tasks, Exposure and Accounts opened and filtered in the browser target with a generated office (default ${DEFAULT_UI_SIZES.join(', ')} people × 100 accounts; needs the built renderer and Chromium)`,
    run: runUiBench,
  },
  kill: {
    summary: `SIGKILL the CLI at random moments during imports, backups and restores; count partial imports, damaged databases and lost backups (default ${DEFAULT_KILLS.join(', ')} kills; --sizes N for N). Not run by default`,
    run: runKillBench,
  },
  mail: {
    summary: `Mailbox scan vs secretlint over a generated mailbox with planted secrets: MB/s, peak RSS, recall and precision per kind and encoding (default ${DEFAULT_MAIL_SIZES.join(', ')} MB; --sizes 1000 for 1 GB)`,
    run: runMailBench,
  },
};

const USAGE = `Usage: npm run bench -- [BENCHMARK ...] [--sizes N,N] [--runs N] [--budget SECONDS]

Benchmarks (default: all, in this order):
${Object.entries(BENCHMARKS)
  .map(([name, b]) => `  ${name.padEnd(8)} ${b.summary}`)
  .join('\n')}

Options:
  --sizes N,N        Sizes: login rows (import, phases, startup), corpus lines (pwned), MB (mail),
                     people (ui);
                     default: each benchmark's own
  --runs N           Repetitions per size (default 3)
  --budget SECONDS   Drop repetitions that would take the whole run past this (default 180);
                     every size still gets one run
  -h, --help         Show this help`;

async function main(argv: string[]): Promise<number> {
  const startedAt = performance.now();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string', default: '3' },
      budget: { type: 'string', default: '180' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const unknown = positionals.filter((name) => !Object.hasOwn(BENCHMARKS, name));
  const sizes = values.sizes?.split(',').map((part) => Number(part.replace(/_/g, '').trim()));
  const runs = Number(values.runs);
  const budgetSeconds = Number(values.budget);
  if (
    unknown.length > 0 ||
    sizes?.some((n) => !Number.isInteger(n) || n < 1) ||
    !Number.isInteger(runs) ||
    runs < 1 ||
    !(budgetSeconds > 0)
  ) {
    if (unknown.length > 0) console.error(`Unknown benchmark: ${unknown.join(', ')}.`);
    console.error(USAGE);
    return 2;
  }
  // The kill test takes minutes and proves safety rather than speed: it runs only when named.
  const selected =
    positionals.length > 0
      ? [...new Set(positionals)]
      : Object.keys(BENCHMARKS).filter((name) => name !== 'kill');

  ensureNativeForNode();
  const facts = machineFacts();
  const machine = machineMarkdown(facts, await measureParallelism());
  console.log(`# Lockstep benchmarks: ${selected.join(', ')}\n\n${machine}`);

  const options: BenchOptions = { sizes, runs, budgetSeconds, startedAt };
  const summaries: string[] = [];
  const goals: (Goal & { benchmark: string })[] = [];
  for (const name of selected) {
    const result = await BENCHMARKS[name]!.run(options);
    for (const goal of result.goals ?? []) goals.push({ benchmark: name, ...goal });
    const file = writeResults(
      `${name}-results.md`,
      `# Lockstep benchmark: ${name}\n\n${new Date().toISOString()}\n\n${machine}\n\n${result.markdown}\n`,
    );
    summaries.push(`${result.markdown}\n\n(written to ${relative(REPO_ROOT, file)})`);
  }
  console.log(`\n# Summary\n\n${machine}\n\n${summaries.join('\n\n')}`);
  if (goals.length > 0) {
    const table = goalsMarkdown(goals);
    writeResults('goals-results.md', `${table}\n\n${machine}\n`);
    console.log(`\n${table}`);
  }
  console.log(`\nTotal: ${seconds(performance.now() - startedAt)}; load average now ${loadAverage()}.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
