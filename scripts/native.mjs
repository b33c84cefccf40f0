#!/usr/bin/env node
// Makes better-sqlite3's native binary match the runtime about to use it:
//   node scripts/native.mjs node                    → tests and the CLI (Node's ABI)
//   node scripts/native.mjs electron [--packaging]  → npm start / npm run dist (Electron's ABI)
// The truth is the binary itself: the ABI it was built for is read from the file (nativeModule.mjs),
// so a rebuild happens only on a switch, and a marker that claims otherwise is removed. Before any
// rebuild for Electron it checks what that needs (Node 22.12+, Electron's binary and headers, or
// the internet to download them) and says at once what is missing.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  areElectronHeadersCached,
  checkElectronBuild,
  decideElectron,
  downloadUrls,
  electronCacheRoot,
  hasElectronBinary,
  isElectronZipCached,
  modulePaths,
  nodeNeedsRebuild,
  PREVIEW_HINT,
  probe,
  readDriverAbi,
  usesProxy,
} from './nativeModule.mjs';

const target = process.argv[2];
const quiet = process.argv.includes('--quiet');
const packaging = process.argv.includes('--packaging');
const say = (line) => {
  if (!quiet) console.log(line);
};
if (target !== 'node' && target !== 'electron') {
  console.error('Usage: node scripts/native.mjs node|electron [--packaging] [--quiet]');
  process.exit(2);
}
const paths = modulePaths(process.cwd());
const nodeAbi = Number(process.versions.modules);

/** Loads the module in a fresh Node process: the sure test of a Node-ABI binary after a rebuild. */
function loadsInNode() {
  const probeLoad = spawnSync(
    process.execPath,
    ['-e', "new (require('better-sqlite3'))(':memory:').close()"],
    { encoding: 'utf8' },
  );
  return probeLoad.status === 0;
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, {
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env,
    shell: process.platform === 'win32' && command === 'npm',
  });
  return result.status === 0;
}

/** Markers that would claim a build this script has not verified. */
function forgetMarkers() {
  rmSync(paths.forgeMeta, { force: true });
  rmSync(paths.legacyMarker, { force: true });
}

if (target === 'node') {
  const driverAbi = readDriverAbi(paths.driverBinary);
  if (!nodeNeedsRebuild({ driverAbi, nodeAbi })) process.exit(0);
  say(
    `better-sqlite3 is built for ${driverAbi === null ? 'no runtime yet' : `ABI ${driverAbi}`}; rebuilding it for Node (ABI ${nodeAbi})…`,
  );
  forgetMarkers();
  if (
    !run('npm', ['rebuild', 'better-sqlite3']) ||
    readDriverAbi(paths.driverBinary) !== nodeAbi ||
    !loadsInNode()
  ) {
    console.error(
      'Could not build better-sqlite3 for Node. Check that a C++ toolchain (python3, make, g++) is installed.',
    );
    process.exit(1);
  }
  say('better-sqlite3 now matches Node.');
  process.exit(0);
}

const electronPackage = JSON.parse(readFileSync(join(paths.electronDir, 'package.json'), 'utf8'));
const electronVersion = electronPackage.version;
const electronAbi = Number(readFileSync(join(paths.electronDir, 'abi_version'), 'utf8').trim());
const facts = {
  nodeVersion: process.version,
  packaging,
  electronVersion,
  electronAbi,
  hasElectronBinary: hasElectronBinary(paths.electronDir),
  electronZipCached: isElectronZipCached({
    cacheRoot: electronCacheRoot(),
    version: electronVersion,
    platform: process.platform,
    arch: process.arch,
  }),
  headersCached: areElectronHeadersCached(electronVersion),
  driverAbi: readDriverAbi(paths.driverBinary),
  hasForgeMeta: readFileSafe(paths.forgeMeta) !== null,
  network: 'unknown',
};
let decision = decideElectron(facts);
if (decision.action === 'probe') {
  const urls = downloadUrls({ version: electronVersion, platform: process.platform, arch: process.arch });
  const needed = [
    ...(decision.needs?.binary ? [urls.binary] : []),
    ...(decision.needs?.headers ? [urls.headers] : []),
  ];
  facts.network = usesProxy() ? 'reachable' : await probe(needed);
  decision = decideElectron(facts);
}
if (decision.removeForgeMeta) rmSync(paths.forgeMeta, { force: true });
if (decision.action === 'stop') {
  console.error(decision.lines.join('\n'));
  process.exit(1);
}
if (decision.action === 'ready') process.exit(0);

say(`Rebuilding better-sqlite3 for Electron ${electronVersion} (ABI ${electronAbi})…`);
forgetMarkers();
// A global nodedir (set on some build machines, often in ~/.npmrc) makes node-gyp build against
// Node's headers instead; npm puts it in the environment of every script, and npx would read it
// again, so electron-builder is run directly with it removed.
const env = { ...process.env };
for (const name of Object.keys(env)) if (name.toLowerCase() === 'npm_config_nodedir') delete env[name];
const rebuilt = run(
  process.execPath,
  [join(process.cwd(), 'node_modules/electron-builder/cli.js'), 'install-app-deps'],
  env,
);
const verdict = checkElectronBuild({ builtAbi: readDriverAbi(paths.driverBinary), electronAbi, nodeAbi });
if (!rebuilt || !verdict.ok) {
  // Whatever @electron/rebuild recorded, the binary is not Electron's: no marker may say it is.
  forgetMarkers();
  console.error(
    (rebuilt
      ? verdict.lines
      : ['Could not rebuild better-sqlite3 for Electron (see the errors above).', PREVIEW_HINT]
    ).join('\n'),
  );
  process.exit(1);
}
say('better-sqlite3 now matches Electron.');

function readFileSafe(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
