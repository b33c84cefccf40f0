// Run in a fresh process by startupBench.ts: opens the core on DATA_DIR as the app does at start-up
// and prints the time of each step as JSON (a cold start: nothing is cached in this process).
import { createHeadlessPlatform } from '../electron/platform/headless';
import { openCore } from '../electron/services/core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: startupProbe.ts DATA_DIR');
const t0 = performance.now();
const core = openCore({ dataDir, platform: createHeadlessPlatform(() => {}) });
const opened = performance.now();
const accounts = core.inventory.listAccounts();
const findings = core.checks.list();
const listed = performance.now();
core.checks.run();
const rechecked = performance.now();
await core.close();
process.stdout.write(
  JSON.stringify({
    openMs: opened - t0,
    listMs: listed - opened,
    recheckMs: rechecked - listed,
    accounts: accounts.length,
    findings: findings.filter((f) => f.status === 'open').length,
  }),
);
