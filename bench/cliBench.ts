// The command line's start (issue #17): how long a person waits for `--help` and for
// `accounts --json` on a large inventory, wall time from process start to exit, in fresh processes.
//   - `lockstep` (the bin: scripts/cli.cjs, then scripts/cli.mjs — the driver check and the bundle's freshness check, then
//     the bundle) and `npm run -s cli --` (the same, behind npm's own start, measured beside it with
//     `npm run -s env`, the cheapest thing npm can run);
//   - the bundle alone (`node out/cli/index.mjs`), so the launcher's checks show as a difference.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  loadAverage,
  markdownTable,
  median,
  REPO_ROOT,
  thousands,
  type BenchOptions,
  type BenchResult,
  type Goal,
} from './common';
import { seed } from './startupBench';

export const DEFAULT_CLI_SIZES = [10_000];

/** Issue #17's goals, wall time on 2 cores. */
const GOALS = { helpMs: 300, accountsMs: 500, launcherMs: 20 };

interface Timing {
  runs: number[];
  median: number;
  min: number;
}

function time(command: string, args: string[], runs: number): Timing {
  const times: number[] = [];
  // One run first, not counted: the page cache and the bundle's freshness stamp settle.
  for (let run = 0; run <= runs; run += 1) {
    const started = performance.now();
    const result = spawnSync(command, args, {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
    if (run > 0) times.push(ms);
  }
  return { runs: times, median: median(times), min: Math.min(...times) };
}

const shown = (t: Timing) => `${Math.round(t.median)} ms (min ${Math.round(t.min)})`;

export async function runCliBench(options: BenchOptions): Promise<BenchResult> {
  const runs = Math.max(5, options.runs);
  const { ensureCli } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/buildCli.mjs')).href)) as {
    ensureCli(root: string): Promise<string>;
  };
  const bundle = await ensureCli(REPO_ROOT);
  const node = process.execPath;
  const bin = join(REPO_ROOT, 'scripts/cli.cjs');

  const help = {
    bundle: time(node, [bundle, '--help'], runs),
    bin: time(node, [bin, '--help'], runs),
    npm: time('npm', ['run', '-s', 'cli', '--', '--help'], runs),
    npmAlone: time('npm', ['run', '-s', 'env'], runs),
  };
  console.log(
    `  --help: bundle ${shown(help.bundle)}, lockstep ${shown(help.bin)}, npm run ${shown(help.npm)}, npm alone ${shown(help.npmAlone)}`,
  );

  const rows: string[][] = [
    ['--help', shown(help.bundle), shown(help.bin), shown(help.npm), shown(help.npmAlone)],
  ];
  const goals: Goal[] = [
    {
      figure: '`npm run -s cli -- --help`, wall',
      measured: `${Math.round(help.npm.median)} ms (npm itself: ${Math.round(help.npmAlone.median)} ms)`,
      goal: `≤ ${GOALS.helpMs} ms`,
      met: help.npm.median <= GOALS.helpMs,
    },
    {
      figure: '`lockstep --help` (the bin), wall',
      measured: `${Math.round(help.bin.median)} ms`,
      goal: `≤ ${GOALS.helpMs} ms`,
      met: help.bin.median <= GOALS.helpMs,
    },
    {
      figure: 'The driver and bundle checks when nothing needs rebuilding (bin − bundle)',
      measured: `${Math.round(help.bin.median - help.bundle.median)} ms`,
      goal: `≤ ${GOALS.launcherMs} ms (nothing measurable)`,
      met: help.bin.median - help.bundle.median <= GOALS.launcherMs,
    },
  ];

  for (const size of options.sizes ?? DEFAULT_CLI_SIZES) {
    const dataDir = await seed(size);
    try {
      // The first command of the day checks everything the seeding left unchecked; not counted.
      time(node, [bin, 'check', '--data-dir', dataDir], 0);
      const args = ['accounts', '--json', '--data-dir', dataDir];
      const accounts = {
        bundle: time(node, [bundle, ...args], runs),
        bin: time(node, [bin, ...args], runs),
        npm: time('npm', ['run', '-s', 'cli', '--', ...args], runs),
      };
      console.log(
        `  accounts --json, ${thousands(size)}: bundle ${shown(accounts.bundle)}, lockstep ${shown(accounts.bin)}, npm run ${shown(accounts.npm)}`,
      );
      rows.push([
        `accounts --json, ${thousands(size)} accounts`,
        shown(accounts.bundle),
        shown(accounts.bin),
        shown(accounts.npm),
        shown(help.npmAlone),
      ]);
      goals.push(
        {
          figure: `\`lockstep accounts --json\`, ${thousands(size)} accounts, wall`,
          measured: `${Math.round(accounts.bin.median)} ms`,
          goal: `≤ ${GOALS.accountsMs} ms`,
          met: accounts.bin.median <= GOALS.accountsMs,
        },
        {
          figure: `\`npm run -s cli -- accounts --json\`, ${thousands(size)} accounts, wall`,
          measured: `${Math.round(accounts.npm.median)} ms`,
          goal: `≤ ${GOALS.accountsMs} ms`,
          met: accounts.npm.median <= GOALS.accountsMs,
        },
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  const markdown = [
    `## Command line: start-up (median of ${runs} fresh processes, wall time; load average ${loadAverage()})`,
    '',
    markdownTable(
      [
        'Command',
        'Bundle alone (node out/cli/index.mjs)',
        'lockstep (bin)',
        'npm run -s cli --',
        'npm run -s env (npm alone)',
      ],
      rows,
    ),
    '',
    "- `--help` loads only the entry and the help text; a command loads the commands bundle (`out/cli/commands.cjs`, run with V8's code cache beside it) when it runs.",
    '- `accounts` reads the data file through the read-only reader alone; other commands load the services, the validation and the datasets.',
    '- The bin checks that the SQLite driver is built for this Node and that the bundle is newer than its sources, then runs the bundle in the same process.',
  ].join('\n');
  console.log(markdown);
  return { markdown, goals };
}
