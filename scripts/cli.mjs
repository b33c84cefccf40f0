#!/usr/bin/env node
// Run by scripts/cli.cjs (`npm run -s cli -- <command>` and the `lockstep` bin): makes sure the
// SQLite driver is built for Node and the CLI bundle is current (each a file check when nothing
// needs doing), then runs the bundled CLI in this process.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCli } from './buildCli.mjs';
import { modulePaths, nodeNeedsRebuild, readDriverAbiRemembered } from './nativeModule.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const driverAbi = readDriverAbiRemembered(
  modulePaths(root).driverBinary,
  join(root, 'out/cli/.driver-abi.json'),
);
if (nodeNeedsRebuild({ driverAbi, nodeAbi: Number(process.versions.modules) })) {
  const rebuilt = spawnSync(process.execPath, [join(root, 'scripts/native.mjs'), 'node', '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (rebuilt.status !== 0) process.exit(rebuilt.status ?? 1);
}
const entry = await ensureCli(root);
await import(pathToFileURL(entry).href);
