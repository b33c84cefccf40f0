// What scripts/native.mjs decides, as functions of plain facts (tested in nativeModule.test.mjs),
// and the few reads that gather those facts.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** The oldest Node that Electron's own tooling (electron, @electron/get, @electron/rebuild) supports. */
export const ELECTRON_TOOLING_NODE = '22.12.0';

/** What to say when Electron cannot be had here, whatever else is wrong. */
export const PREVIEW_HINT = 'You can still look at the app without Electron: npm run preview';

/**
 * The NODE_MODULE_VERSION a native addon was built for, read from the exported symbol every
 * non-N-API addon carries (`node_register_module_v<N>`, with a leading `_` on macOS): the same in
 * ELF, Mach-O and PE files. Null when there is none.
 * @param {Uint8Array} bytes the `.node` file
 * @returns {number | null}
 */
export function readModuleAbi(bytes) {
  const marker = Buffer.from('node_register_module_v');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buffer.indexOf(marker); at !== -1; at = buffer.indexOf(marker, at + 1)) {
    let end = at + marker.length;
    while (end < buffer.length && buffer[end] >= 0x30 && buffer[end] <= 0x39) end += 1;
    if (end > at + marker.length) return Number(buffer.toString('latin1', at + marker.length, end));
  }
  return null;
}

/**
 * Whether `version` (e.g. "v20.20.2" or "22.12.0") is at least `minimum`.
 * @param {string} version
 * @param {string} minimum
 */
export function nodeAtLeast(version, minimum) {
  const parse = (v) =>
    v
      .replace(/^v/, '')
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parse(version), parse(minimum)];
  for (let i = 0; i < 3; i += 1) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/**
 * Whether `version` runs the build tools `npm start` and `npm run dist` use next (electron-vite and
 * Vite 8: Node ^20.19.0 or >= 22.12.0).
 * @param {string} version
 */
export function runsBuildTools(version) {
  const major = Number.parseInt(version.replace(/^v/, ''), 10);
  return major === 20 ? nodeAtLeast(version, '20.19.0') : nodeAtLeast(version, '22.12.0');
}

/**
 * @typedef {object} ElectronFacts
 * @property {string} nodeVersion        `process.version`
 * @property {boolean} packaging         true for `npm run dist` (electron-builder always runs Electron's tooling)
 * @property {string} electronVersion    the installed electron package's version
 * @property {number} electronAbi        its NODE_MODULE_VERSION (node_modules/electron/abi_version)
 * @property {boolean} hasElectronBinary node_modules/electron/path.txt names a file in dist/
 * @property {boolean} electronZipCached Electron's download is in @electron/get's cache
 * @property {boolean} headersCached     Electron's headers are in ~/.electron-gyp
 * @property {number | null} driverAbi   the ABI better-sqlite3's binary was built for (null: none)
 * @property {boolean} hasForgeMeta      @electron/rebuild's "already built for Electron" marker exists
 * @property {'unknown' | 'reachable' | 'unreachable'} network  Electron's download servers
 */

/**
 * What `native.mjs electron` does next:
 * - `probe`: Electron's servers are needed and not yet tried: probe them (`needs` says for what),
 *   then decide again;
 * - `stop`: say `lines` and exit 1 (nothing is rebuilt);
 * - `rebuild`: rebuild better-sqlite3 for Electron;
 * - `ready`: nothing to do.
 * In every case `removeForgeMeta` says whether @electron/rebuild's marker is false (the binary is
 * not Electron's) and must go, so that a later rebuild is not skipped.
 * @param {ElectronFacts} facts
 * @returns {{ action: 'probe' | 'stop' | 'rebuild' | 'ready', lines: string[], removeForgeMeta: boolean,
 *   needs?: { binary: boolean, headers: boolean } }}
 */
export function decideElectron(facts) {
  const isElectronBuild = facts.driverAbi === facts.electronAbi;
  const removeForgeMeta = facts.hasForgeMeta && !isElectronBuild;
  const needsBinary = !facts.hasElectronBinary && !facts.electronZipCached;
  // Without cached headers, the rebuild downloads a prebuilt driver or Electron's headers.
  const needsHeaders = !isElectronBuild && !facts.headersCached;
  const usesElectronTooling = facts.packaging || needsBinary || !isElectronBuild;

  const lines = [];
  if (!runsBuildTools(facts.nodeVersion)) {
    lines.push(
      `The build tools (electron-vite, Vite) need Node 20.19 or later; this is Node ${facts.nodeVersion.replace(/^v/, '')}.`,
    );
  }
  if (usesElectronTooling && !nodeAtLeast(facts.nodeVersion, ELECTRON_TOOLING_NODE)) {
    lines.push(
      `Electron's tooling (electron, @electron/get, @electron/rebuild) needs Node ${ELECTRON_TOOLING_NODE} or later; ` +
        `this is Node ${facts.nodeVersion.replace(/^v/, '')}. Install a newer Node (22 LTS or later) and run this again. ` +
        '(Tests, the command line and the preview need only Node 20.19 or later.)',
    );
  }
  if (needsBinary || needsHeaders) {
    if (facts.network === 'unknown') {
      return {
        action: 'probe',
        lines: [],
        removeForgeMeta,
        needs: { binary: needsBinary, headers: needsHeaders },
      };
    }
    if (facts.network === 'unreachable') {
      const missing = [
        ...(needsBinary ? [`the Electron ${facts.electronVersion} binary`] : []),
        ...(needsHeaders ? [`Electron's headers (to build the SQLite driver for Electron)`] : []),
      ];
      lines.push(
        `This needs the internet to download Electron: ${missing.join(' and ')} ` +
          'cannot be downloaded from here, and no copy is cached on this computer.',
      );
    }
  }
  if (lines.length > 0) {
    const headline = facts.packaging
      ? 'Lockstep cannot be packaged on this computer as it is:'
      : "Lockstep's window (Electron) cannot be set up on this computer as it is:";
    return {
      action: 'stop',
      lines: [headline, ...lines.map((line) => `- ${line}`), PREVIEW_HINT],
      removeForgeMeta,
    };
  }
  return { action: isElectronBuild ? 'ready' : 'rebuild', lines: [], removeForgeMeta };
}

/**
 * What the Electron rebuild produced: ok only when the binary's ABI is Electron's. Otherwise the
 * lines say what it was built for instead.
 * @param {{ builtAbi: number | null, electronAbi: number, nodeAbi: number }} facts
 * @returns {{ ok: boolean, lines: string[] }}
 */
export function checkElectronBuild({ builtAbi, electronAbi, nodeAbi }) {
  if (builtAbi === electronAbi) return { ok: true, lines: [] };
  const what =
    builtAbi === null
      ? 'no usable binary'
      : builtAbi === nodeAbi
        ? `a binary for Node (ABI ${builtAbi}), not Electron (ABI ${electronAbi}): the build used Node's headers`
        : `a binary for ABI ${builtAbi}, not Electron's ${electronAbi}`;
  return { ok: false, lines: [`The rebuild of better-sqlite3 produced ${what}.`, PREVIEW_HINT] };
}

/**
 * Whether `native.mjs node` must rebuild: only when the binary is not Node's (or missing). A
 * matching binary is accepted without loading it, so this path costs one file read.
 * @param {{ driverAbi: number | null, nodeAbi: number }} facts
 */
export function nodeNeedsRebuild({ driverAbi, nodeAbi }) {
  return driverAbi !== nodeAbi;
}

/** Paths of the installed packages, from the project root. */
export function modulePaths(root) {
  const driverDir = join(root, 'node_modules/better-sqlite3');
  return {
    driverDir,
    driverBinary: join(driverDir, 'build/Release/better_sqlite3.node'),
    forgeMeta: join(driverDir, 'build/Release/.forge-meta'),
    legacyMarker: join(driverDir, 'build/Release/lockstep-abi.txt'),
    electronDir: join(root, 'node_modules/electron'),
  };
}

/** The ABI of the driver's binary now, or null when it is missing or unreadable. */
export function readDriverAbi(binaryPath) {
  try {
    return readModuleAbi(readFileSync(binaryPath));
  } catch {
    return null;
  }
}

/**
 * {@link readDriverAbi}, remembered in `memoFile` with the binary's size and modification time: the
 * command line asks on every run, and reading the 2 MB binary costs a few milliseconds where a stat
 * costs nothing. A rebuilt (or replaced) binary has another time or size and is read again. The memo
 * is a convenience: one that cannot be read or written changes nothing but the time.
 * @param {string} binaryPath
 * @param {string} memoFile
 * @returns {number | null}
 */
export function readDriverAbiRemembered(binaryPath, memoFile) {
  let stats;
  try {
    stats = statSync(binaryPath);
  } catch {
    return null;
  }
  const seen = { size: stats.size, mtimeMs: stats.mtimeMs };
  try {
    const memo = JSON.parse(readFileSync(memoFile, 'utf8'));
    if (memo.size === seen.size && memo.mtimeMs === seen.mtimeMs && Number.isInteger(memo.abi))
      return memo.abi;
  } catch {
    // No memo yet, or an unreadable one: read the binary.
  }
  const abi = readDriverAbi(binaryPath);
  if (abi !== null) {
    try {
      mkdirSync(dirname(memoFile), { recursive: true });
      writeFileSync(memoFile, JSON.stringify({ ...seen, abi }));
    } catch {
      // A read-only checkout: the next run reads the binary again.
    }
  }
  return abi;
}

/**
 * Whether Electron's binary is installed (path.txt names a file in dist/), without requiring the
 * electron package: since Electron 45 that starts a download when the binary is missing.
 */
export function hasElectronBinary(electronDir, env = process.env) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const executable = readFileSync(pathFile, 'utf8').trim();
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist');
  return existsSync(join(dist, executable));
}

/** Where @electron/get keeps its downloads (env-paths' cache folder for "electron"). */
export function electronCacheRoot(env = process.env, platform = process.platform, home = homedir()) {
  if (env.electron_config_cache) return env.electron_config_cache;
  if (platform === 'darwin') return join(home, 'Library/Caches/electron');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData/Local'), 'electron/Cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'electron');
}

/** Whether Electron's zip for this version, platform and arch is in @electron/get's cache. */
export function isElectronZipCached({ cacheRoot, version, platform, arch }) {
  const name = `electron-v${version}-${platform}-${arch}.zip`;
  if (existsSync(join(cacheRoot, name))) return true;
  let entries;
  try {
    entries = readdirSync(cacheRoot, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((entry) => entry.isDirectory() && existsSync(join(cacheRoot, entry.name, name)));
}

/** Whether node-gyp has Electron's headers for `version` (what @electron/rebuild downloads). */
export function areElectronHeadersCached(version, home = homedir()) {
  return existsSync(join(home, '.electron-gyp', version, 'include/node/node_version.h'));
}

/** The URLs a rebuild or first start downloads from, to probe before trying. */
export function downloadUrls({ version, platform, arch, env = process.env }) {
  const mirror =
    env.ELECTRON_MIRROR ||
    env.npm_config_electron_mirror ||
    'https://github.com/electron/electron/releases/download/';
  return {
    binary: `${mirror.replace(/\/?$/, '/')}v${version}/electron-v${version}-${platform}-${arch}.zip`,
    headers: `https://www.electronjs.org/headers/v${version}/node-v${version}-headers.tar.gz`,
  };
}

/** True when downloads go through a proxy this script cannot see through: then nothing is probed. */
export function usesProxy(env = process.env) {
  return [
    'HTTPS_PROXY',
    'https_proxy',
    'HTTP_PROXY',
    'http_proxy',
    'ELECTRON_GET_USE_PROXY',
    'npm_config_https_proxy',
    'npm_config_proxy',
  ].some((name) => Boolean(env[name]));
}

/**
 * Whether every URL answers at all (any HTTP status counts: the question is the network, not the
 * file), each within `timeoutMs`.
 * @param {string[]} urls
 * @returns {Promise<'reachable' | 'unreachable'>}
 */
export async function probe(urls, { timeoutMs = 5000, fetchImpl = fetch } = {}) {
  const answers = await Promise.all(
    urls.map((url) =>
      fetchImpl(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) }).then(
        () => true,
        () => false,
      ),
    ),
  );
  return answers.every(Boolean) ? 'reachable' : 'unreachable';
}
