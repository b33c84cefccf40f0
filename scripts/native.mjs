#!/usr/bin/env node
// Makes better-sqlite3's native binary match the runtime about to use it:
//   node scripts/native.mjs node       → tests and the CLI (Node's ABI)
//   node scripts/native.mjs electron   → npm start / npm run dist (Electron's ABI)
// The ABI the binary was built for is recorded beside it; a rebuild happens only on a switch.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const target = process.argv[2];
const quiet = process.argv.includes('--quiet');
const say = (line) => {
  if (!quiet) console.log(line);
};
if (target !== 'node' && target !== 'electron') {
  console.error('Usage: node scripts/native.mjs node|electron');
  process.exit(2);
}
const moduleDir = join(process.cwd(), 'node_modules/better-sqlite3');
const marker = join(moduleDir, 'build/Release/lockstep-abi.txt');
const electronAbi = () =>
  readFileSync(join(process.cwd(), 'node_modules/electron/abi_version'), 'utf8').trim();
const wanted = target === 'node' ? `node-${process.versions.modules}` : `electron-${electronAbi()}`;
const current = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : null;

/** Loads the module in a fresh Node process: the only sure test of a Node-ABI binary. */
function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    encoding: 'utf8',
  });
  return probe.status === 0;
}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

if (target === 'node') {
  if (current === wanted && loadsInNode()) process.exit(0);
  if (current === null && loadsInNode()) {
    writeFileSync(marker, wanted);
    process.exit(0);
  }
  say(`better-sqlite3 was built for ${current ?? 'another runtime'}; rebuilding it for Node (${wanted})…`);
  if (!run('npm', ['rebuild', 'better-sqlite3']) || !loadsInNode()) {
    console.error(
      'Could not build better-sqlite3 for Node. Check that a C++ toolchain (python3, make, g++) is installed.',
    );
    process.exit(1);
  }
  writeFileSync(marker, wanted);
  say('better-sqlite3 now matches Node.');
  process.exit(0);
}

// target === 'electron'. A binary that loads in Node cannot be Electron's (their ABIs differ).
if (current === wanted && !loadsInNode()) process.exit(0);
say(`Rebuilding better-sqlite3 for Electron (${wanted})…`);
const env = { ...process.env };
// A global nodedir (set on some build machines) makes node-gyp build against Node's headers instead.
delete env.npm_config_nodedir;
delete env.NPM_CONFIG_NODEDIR;
const rebuilt =
  spawnSync('npx', ['electron-builder', 'install-app-deps'], {
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env,
    shell: process.platform === 'win32',
  }).status === 0;
if (!rebuilt) {
  console.error(
    [
      'Could not rebuild better-sqlite3 for Electron. This needs the internet (Electron headers) and a C++ toolchain.',
      'Without Electron, you can still look at the app: npm run preview',
    ].join('\n'),
  );
  process.exit(1);
}
if (loadsInNode()) {
  console.error(
    'The rebuild produced a binary for Node, not Electron (is npm\'s "nodedir" set in ~/.npmrc?). Remove that setting and run npm start again.',
  );
  process.exit(1);
}
writeFileSync(marker, wanted);
say('better-sqlite3 now matches Electron.');
