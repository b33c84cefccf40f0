#!/usr/bin/env node
// The one test command (`npm test`): native module for Node, type-check, lint, unit tests, build, e2e.
// Prints a closing `N passed, N failed` line summed over Vitest and Playwright, and exits non-zero if
// anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['Native module for Node', 'node', ['scripts/native.mjs', 'node']],
  ['Type-check', 'npx', ['tsc', '-b']],
  ['Lint', 'npm', ['run', '-s', 'lint']],
  ['Unit tests', 'npx', ['vitest', 'run'], { LOCKSTEP_REPORT: '1' }],
  ['Build', 'npx', ['electron-vite', 'build']],
  ['End-to-end tests', 'npx', ['playwright', 'test']],
];

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });
const failedSteps = [];
for (const [name, command, args, env] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (result.status !== 0) {
    failedSteps.push(name);
    // Without a working native module or build, later steps only repeat the same failure.
    if (name === 'Native module for Node' || name === 'Build') break;
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync('reports/unit.json')) {
  const unit = JSON.parse(readFileSync('reports/unit.json', 'utf8'));
  counts.passed += unit.numPassedTests ?? 0;
  counts.failed += unit.numFailedTests ?? 0;
  counts.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
if (existsSync('reports/e2e.json')) {
  const e2e = JSON.parse(readFileSync('reports/e2e.json', 'utf8'));
  counts.passed += e2e.stats?.expected ?? 0;
  counts.failed += (e2e.stats?.unexpected ?? 0) + (e2e.stats?.flaky ?? 0);
  counts.skipped += e2e.stats?.skipped ?? 0;
}
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
// A failed step that is not a test runner (type-check, lint) still counts as a failure.
const failed = counts.failed + failedSteps.filter((s) => !/tests$/.test(s)).length;
console.log(
  `${counts.passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`,
);
process.exit(failed > 0 || failedSteps.length > 0 || counts.passed === 0 ? 1 : 0);
