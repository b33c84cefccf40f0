// Run in a fresh process by startupBench.ts: opens the core on DATA_DIR as the app does at start-up
// (open, then the session's own work: the last session's trash, and the checks when a day or the
// datasets changed since they last ran), reads what the first screen shows, then re-runs every
// check as after an edit. Prints the time of each step as JSON (a cold start: nothing is cached).
import { checkDatabase, checkFileHeader } from '../electron/db/dataFile';
import { LATEST_SCHEMA_VERSION } from '../electron/db/migrate';
import { createHeadlessPlatform } from '../electron/platform/headless';
import { openCore } from '../electron/services/core';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: startupProbe.ts DATA_DIR');
const t0 = performance.now();
const core = openCore({ dataDir, platform: createHeadlessPlatform(() => {}) });
const opened = performance.now();
core.startSession();
const started = performance.now();
const accounts = core.inventory.listAccounts();
const findings = core.checks.list();
core.dashboard.summary();
const listed = performance.now();
const cpuBefore = process.cpuUsage();
core.checks.run();
const rechecked = performance.now();
const recheckCpu = process.cpuUsage(cpuBefore);
// What opening spends on checking the file (header, quick_check, schema): measured again on its
// own, now that the pages are cached as they were during the open.
checkFileHeader(core.databasePath);
checkDatabase(core.readDb, LATEST_SCHEMA_VERSION);
const checked = performance.now();
await core.close();
process.stdout.write(
  JSON.stringify({
    openMs: opened - t0,
    sessionMs: started - opened,
    listMs: listed - started,
    recheckMs: rechecked - listed,
    // CPU time of the re-run (user + system): less disturbed by other work on the machine than wall time.
    recheckCpuMs: (recheckCpu.user + recheckCpu.system) / 1000,
    fileCheckMs: checked - rechecked,
    accounts: accounts.length,
    findings: findings.filter((f) => f.status === 'open').length,
  }),
);
