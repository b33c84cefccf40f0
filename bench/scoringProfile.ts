// Where zxcvbn's time goes: each matcher, the scoring and the feedback timed on the scoring
// benchmark's sample, for zxcvbn-ts as published, with the fast dictionary search, and with it and
// the cheaper scoring (as the workers run). One thread;
// CPU time (process.cpuUsage), so that other work on a shared machine stretches the figures less.
//
//   npx tsx bench/scoringProfile.ts [N]        (default 2,000 passwords; run it with `nice -n 10`)
//
// For a whole picture use `node --cpu-prof --import tsx bench/scoringProfile.ts` and open the
// .cpuprofile in Chrome's DevTools.
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { createZxcvbn } from '../electron/services/passwordHealth/strengthPool';
import { markdownTable } from './common';
import { buildScoringSample } from './scoringSample';

/** The instance's parts this script wraps with timers (not part of zxcvbn's typed API). */
interface Internals {
  matching: { matchers: Record<string, { match: (...args: unknown[]) => unknown }> };
  scoring: { mostGuessableMatchSequence: (...args: unknown[]) => unknown };
  feedback: { getFeedback: (...args: unknown[]) => unknown };
}

/** CPU milliseconds of this process so far. */
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** CPU milliseconds spent in each part of `check()` over `items`. */
function profile(zxcvbn: ZxcvbnFactory, items: { password: string; userInputs: string[] }[]) {
  const internals = zxcvbn as unknown as Internals;
  const spent = new Map<string, number>();
  const wrap = <T extends object>(owner: T, method: keyof T & string, label: string) => {
    const original = owner[method] as (...args: unknown[]) => unknown;
    (owner as Record<string, unknown>)[method] = function timedMethod(this: unknown, ...args: unknown[]) {
      const started = cpuMs();
      try {
        return original.apply(this, args);
      } finally {
        spent.set(label, (spent.get(label) ?? 0) + cpuMs() - started);
      }
    };
  };
  for (const [name, matcher] of Object.entries(internals.matching.matchers)) wrap(matcher, 'match', name);
  wrap(internals.scoring, 'mostGuessableMatchSequence', 'scoring (most guessable sequence)');
  wrap(internals.feedback, 'getFeedback', 'feedback');
  zxcvbn.check('warm-up');
  spent.clear();
  const started = cpuMs();
  for (const { password, userInputs } of items) zxcvbn.check(password, userInputs);
  return { spent, totalMs: cpuMs() - started };
}

function main(count: number): void {
  const sample = buildScoringSample({ size: count });
  const items = sample.map(({ password, userInputs }) => ({ password, userInputs }));
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ');
  console.log(`Load average at start: ${load()}`);
  const published = profile(createZxcvbn().zxcvbn, items);
  const fast = profile(createZxcvbn({ fastMatching: true }).zxcvbn, items);
  const workers = profile(createZxcvbn({ fastMatching: true, fastScoring: true }).zxcvbn, items);
  const labels = [...published.spent.keys()].sort(
    (a, b) => (published.spent.get(b) ?? 0) - (published.spent.get(a) ?? 0),
  );
  const cell = (run: typeof published, label: string) => {
    const ms = run.spent.get(label) ?? 0;
    return `${((ms * 1000) / count).toFixed(0)} µs (${((100 * ms) / run.totalMs).toFixed(0)}%)`;
  };
  const rows = labels.map((label) => [
    label,
    cell(published, label),
    cell(fast, label),
    cell(workers, label),
  ]);
  const all = (run: typeof published) =>
    `${((run.totalMs * 1000) / count).toFixed(0)} µs = ${(count / (run.totalMs / 1000)).toFixed(0)}/s`;
  rows.push(['check() in all', all(published), all(fast), all(workers)]);
  console.log(
    `\n${count} passwords of the scoring sample, each with its user inputs, one thread; CPU per password (share):\n`,
  );
  console.log(
    markdownTable(
      [
        'Part of check()',
        'zxcvbn-ts as published',
        'With the fast search',
        'And the cheaper scoring (workers)',
      ],
      rows,
    ),
  );
  console.log(
    `\n(wordSequence runs its own dictionary, l33t and reverse scans over the word-sequence lists.) Load average at the end: ${load()}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(Number(process.argv[2] ?? 2000));
}
