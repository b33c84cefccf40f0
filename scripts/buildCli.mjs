// The CLI as plain JavaScript: `out/cli/index.mjs`, bundled from `electron/cli/entry.ts` by esbuild
// (our code and the pure-JavaScript packages, split so that `--help` loads only the entry and the
// commands load when one runs; the SQLite driver left to node_modules), with the bundled datasets beside it in
// `out/data` where bundledData.ts looks. Rebuilt only when a source is newer than the bundle, so a
// command costs no compilation when nothing changed (about 0.1–0.3 s when something did).
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

const SOURCES = ['common', 'electron/cli', 'electron/db', 'electron/services', 'electron/platform'];
const DATA = 'electron/data';

/** Newest modification time (ms) and file count under the given folders, tests left out. */
function scan(root, folders) {
  let newest = 0;
  let count = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/\.test\.(ts|tsx|mjs)$/.test(entry.name)) {
        count += 1;
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  for (const folder of folders) {
    const path = join(root, folder);
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) walk(path);
    else {
      count += 1;
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return { newest, count };
}

/** Where the built CLI is, and the stamp that says what it was built from. */
export function cliPaths(root) {
  return {
    entry: join(root, 'out/cli/index.mjs'),
    stamp: join(root, 'out/cli/.built-from.json'),
    data: join(root, 'out/data'),
  };
}

/**
 * Builds the CLI when it is missing or older than its sources (or the datasets); returns the path of
 * the bundle. `force` rebuilds regardless.
 */
export async function ensureCli(root = process.cwd(), { force = false } = {}) {
  const paths = cliPaths(root);
  const sources = scan(root, [...SOURCES, DATA, 'package.json']);
  const stamp = existsSync(paths.stamp) ? JSON.parse(readFileSync(paths.stamp, 'utf8')) : null;
  const upToDate =
    !force &&
    existsSync(paths.entry) &&
    stamp !== null &&
    stamp.newest === sources.newest &&
    stamp.count === sources.count;
  if (upToDate) return paths.entry;
  const { build } = await import('esbuild');
  // Chunks are named by their content's hash: without this, each rebuild would leave the last ones.
  rmSync(join(dirname(paths.entry), 'chunks'), { recursive: true, force: true });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  await build({
    absWorkingDir: root,
    entryPoints: { index: join(root, 'electron/cli/entry.ts') },
    outdir: dirname(paths.entry),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Only the SQLite driver stays in node_modules (a native module, found by its own loader); every
    // other package is bundled, so a command reads a few files instead of hundreds.
    external: ['better-sqlite3'],
    // Bundled CommonJS packages call require() for Node's own modules: give every chunk one.
    banner: {
      js: "import { createRequire as __lockstepRequire } from 'node:module'; const require = __lockstepRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    logLevel: 'error',
    define: { 'process.env.LOCKSTEP_BUILT_VERSION': JSON.stringify(version) },
  });
  mkdirSync(paths.data, { recursive: true });
  cpSync(join(root, DATA), paths.data, { recursive: true });
  writeFileSync(paths.stamp, JSON.stringify({ ...sources, builtAt: new Date().toISOString() }));
  return paths.entry;
}
