import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  areElectronHeadersCached,
  checkElectronBuild,
  decideElectron,
  electronCacheRoot,
  hasElectronBinary,
  isElectronZipCached,
  nodeAtLeast,
  nodeNeedsRebuild,
  probe,
  readDriverAbiRemembered,
  readModuleAbi,
  runsBuildTools,
} from './nativeModule.mjs';

const ROOT = join(import.meta.dirname, '..');
const NODE_ABI = Number(process.versions.modules);

/** Bytes shaped like a native addon: noise around the registration symbol. */
const fakeAddon = (symbol) =>
  Buffer.concat([Buffer.alloc(64, 7), Buffer.from(`node_register_module\0${symbol}\0`), Buffer.alloc(64, 9)]);

/** A newcomer's machine: Node 20, nothing of Electron downloaded, the driver built for Node by npm ci. */
const newcomer = {
  nodeVersion: 'v20.20.2',
  packaging: false,
  electronVersion: '45.5.0',
  electronAbi: 150,
  hasElectronBinary: false,
  electronZipCached: false,
  headersCached: false,
  driverAbi: 115,
  hasForgeMeta: false,
  network: 'unknown',
};

describe('readModuleAbi', () => {
  it('reads the ABI from the registration symbol (ELF and PE spelling, and Mach-O with its underscore)', () => {
    expect(readModuleAbi(fakeAddon('node_register_module_v150'))).toBe(150);
    expect(readModuleAbi(fakeAddon('_node_register_module_v137'))).toBe(137);
  });

  it('skips a mention without digits and gives null when there is no symbol', () => {
    expect(readModuleAbi(fakeAddon('node_register_module_vX node_register_module_v127'))).toBe(127);
    expect(readModuleAbi(Buffer.alloc(256, 1))).toBeNull();
  });

  it("reads the installed driver's binary as Node's or Electron's", () => {
    const abi = readModuleAbi(
      readFileSync(join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')),
    );
    const electronAbi = Number(readFileSync(join(ROOT, 'node_modules/electron/abi_version'), 'utf8'));
    expect([NODE_ABI, electronAbi]).toContain(abi);
  });
});

describe('readDriverAbiRemembered (the command line asks on every run)', () => {
  let dir;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lockstep-abi-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the binary once, then answers from the memo until the binary changes', () => {
    const binary = join(dir, 'driver.node');
    const memo = join(dir, 'out/cli/.driver-abi.json');
    writeFileSync(binary, fakeAddon('node_register_module_v115'));
    expect(readDriverAbiRemembered(binary, memo)).toBe(115);
    expect(JSON.parse(readFileSync(memo, 'utf8'))).toMatchObject({ abi: 115 });
    // Answered from the memo: a memo that says otherwise for the same size and time wins...
    writeFileSync(memo, JSON.stringify({ ...JSON.parse(readFileSync(memo, 'utf8')), abi: 999 }));
    expect(readDriverAbiRemembered(binary, memo)).toBe(999);
    // ...until the binary is rebuilt: another time (and here size), read again.
    writeFileSync(binary, fakeAddon('node_register_module_v137 and more'));
    utimesSync(binary, new Date(), new Date(Date.now() + 5_000));
    expect(readDriverAbiRemembered(binary, memo)).toBe(137);
  });

  it('gives null without a binary, and reads the binary when the memo is damaged or cannot be written', () => {
    expect(readDriverAbiRemembered(join(dir, 'missing.node'), join(dir, 'memo.json'))).toBeNull();
    const binary = join(dir, 'driver.node');
    writeFileSync(binary, fakeAddon('node_register_module_v115'));
    const memo = join(dir, 'memo.json');
    writeFileSync(memo, '{not json');
    expect(readDriverAbiRemembered(binary, memo)).toBe(115);
    // A memo path under a file (cannot be created): still the binary's answer.
    expect(readDriverAbiRemembered(binary, join(binary, 'memo.json'))).toBe(115);
  });
});

describe('decideElectron (npm start, npm run dist)', () => {
  it('on an offline newcomer machine, probes first, then stops at once with the honest message', () => {
    const first = decideElectron(newcomer);
    expect(first).toMatchObject({ action: 'probe', needs: { binary: true, headers: true } });
    const offline = decideElectron({ ...newcomer, network: 'unreachable' });
    expect(offline.action).toBe('stop');
    const text = offline.lines.join('\n');
    expect(text).toContain('needs Node 22.12.0 or later; this is Node 20.20.2');
    expect(text).toContain('needs the internet to download Electron');
    expect(text).toContain('the Electron 45.5.0 binary');
    expect(text).toContain("Electron's headers");
    expect(text).toContain('npm run preview');
    expect(text).not.toMatch(/nodedir/);
  });

  it('removes a marker claiming an Electron build when the binary is not one, even when it stops', () => {
    const falseMarker = { ...newcomer, hasForgeMeta: true, network: 'unreachable' };
    expect(decideElectron(falseMarker)).toMatchObject({ action: 'stop', removeForgeMeta: true });
    expect(decideElectron({ ...falseMarker, nodeVersion: 'v22.12.0', network: 'reachable' })).toMatchObject({
      action: 'rebuild',
      removeForgeMeta: true,
    });
    const trueMarker = { ...newcomer, hasForgeMeta: true, driverAbi: 150, hasElectronBinary: true };
    expect(decideElectron(trueMarker)).toMatchObject({ action: 'ready', removeForgeMeta: false });
  });

  it('rebuilds offline when Electron and its headers are already on this computer', () => {
    const cached = { ...newcomer, nodeVersion: 'v22.12.0', hasElectronBinary: true, headersCached: true };
    expect(decideElectron(cached)).toMatchObject({ action: 'rebuild', lines: [] });
  });

  it('rebuilds when the download servers answer', () => {
    expect(decideElectron({ ...newcomer, nodeVersion: 'v24.1.0', network: 'reachable' }).action).toBe(
      'rebuild',
    );
  });

  it('starts on Node 20 when nothing needs Electron tooling, but never packages there', () => {
    const ready = { ...newcomer, driverAbi: 150, hasElectronBinary: true };
    expect(decideElectron(ready)).toMatchObject({ action: 'ready', lines: [] });
    const packaging = decideElectron({ ...ready, packaging: true });
    expect(packaging.action).toBe('stop');
    expect(packaging.lines.join('\n')).toContain('Node 22.12.0 or later');
    expect(decideElectron({ ...ready, packaging: true, nodeVersion: 'v22.12.0' }).action).toBe('ready');
  });

  it('stops on a Node too old for the build tools, even with everything else ready', () => {
    const ready = { ...newcomer, driverAbi: 150, hasElectronBinary: true, nodeVersion: 'v20.11.0' };
    const old = decideElectron(ready);
    expect(old.action).toBe('stop');
    expect(old.lines.join('\n')).toContain('need Node 20.19 or later; this is Node 20.11.0');
    expect(runsBuildTools('v20.19.0')).toBe(true);
    expect(runsBuildTools('v22.11.0')).toBe(false);
    expect(runsBuildTools('v22.12.0')).toBe(true);
    expect(runsBuildTools('v18.20.0')).toBe(false);
  });

  it("needs no download for a binary whose zip is in @electron/get's cache", () => {
    const zip = { ...newcomer, electronZipCached: true, driverAbi: 150 };
    expect(decideElectron(zip)).toMatchObject({ action: 'ready' });
  });

  it('probes only for what is missing', () => {
    const headersOnly = { ...newcomer, nodeVersion: 'v22.12.0', hasElectronBinary: true };
    expect(decideElectron(headersOnly)).toMatchObject({
      action: 'probe',
      needs: { binary: false, headers: true },
    });
    const offline = decideElectron({ ...headersOnly, network: 'unreachable' });
    expect(offline.lines.join('\n')).not.toContain('binary');
  });
});

describe('checkElectronBuild', () => {
  it('accepts only a binary with Electron’s ABI', () => {
    expect(checkElectronBuild({ builtAbi: 150, electronAbi: 150, nodeAbi: 115 })).toEqual({
      ok: true,
      lines: [],
    });
    const forNode = checkElectronBuild({ builtAbi: 115, electronAbi: 150, nodeAbi: 115 });
    expect(forNode.ok).toBe(false);
    expect(forNode.lines.join('\n')).toContain(
      "a binary for Node (ABI 115), not Electron (ABI 150): the build used Node's headers",
    );
    expect(checkElectronBuild({ builtAbi: null, electronAbi: 150, nodeAbi: 115 }).ok).toBe(false);
  });
});

describe('the Node path', () => {
  it("rebuilds only when the binary is not Node's", () => {
    expect(nodeNeedsRebuild({ driverAbi: 115, nodeAbi: 115 })).toBe(false);
    expect(nodeNeedsRebuild({ driverAbi: 150, nodeAbi: 115 })).toBe(true);
    expect(nodeNeedsRebuild({ driverAbi: null, nodeAbi: 115 })).toBe(true);
  });

  it('compares Node versions', () => {
    expect(nodeAtLeast('v20.20.2', '22.12.0')).toBe(false);
    expect(nodeAtLeast('v22.11.9', '22.12.0')).toBe(false);
    expect(nodeAtLeast('v22.12.0', '22.12.0')).toBe(true);
    expect(nodeAtLeast('v23.0.0', '22.12.0')).toBe(true);
  });
});

describe('what is on this computer', () => {
  let dir;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lockstep-native-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the Electron binary only when path.txt names a file in dist/', () => {
    expect(hasElectronBinary(dir, {})).toBe(false);
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(hasElectronBinary(dir, {})).toBe(false);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/electron'), '');
    expect(hasElectronBinary(dir, {})).toBe(true);
  });

  it("finds Electron's zip in @electron/get's cache, for this version only", () => {
    mkdirSync(join(dir, '0123abcd'));
    writeFileSync(join(dir, '0123abcd/electron-v45.5.0-linux-x64.zip'), '');
    expect(isElectronZipCached({ cacheRoot: dir, version: '45.5.0', platform: 'linux', arch: 'x64' })).toBe(
      true,
    );
    expect(isElectronZipCached({ cacheRoot: dir, version: '45.6.0', platform: 'linux', arch: 'x64' })).toBe(
      false,
    );
    expect(
      isElectronZipCached({
        cacheRoot: join(dir, 'none'),
        version: '45.5.0',
        platform: 'linux',
        arch: 'x64',
      }),
    ).toBe(false);
  });

  it("finds Electron's headers in ~/.electron-gyp", () => {
    expect(areElectronHeadersCached('45.5.0', dir)).toBe(false);
    mkdirSync(join(dir, '.electron-gyp/45.5.0/include/node'), { recursive: true });
    writeFileSync(join(dir, '.electron-gyp/45.5.0/include/node/node_version.h'), '');
    expect(areElectronHeadersCached('45.5.0', dir)).toBe(true);
  });

  it('looks for the download cache where @electron/get keeps it', () => {
    expect(electronCacheRoot({}, 'linux', '/home/u')).toBe('/home/u/.cache/electron');
    expect(electronCacheRoot({ XDG_CACHE_HOME: '/c' }, 'linux', '/home/u')).toBe('/c/electron');
    expect(electronCacheRoot({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/electron');
    expect(electronCacheRoot({ electron_config_cache: '/x' }, 'linux', '/home/u')).toBe('/x');
  });
});

describe('probe', () => {
  it('calls a server that answers reachable, whatever the status, and a closed port or silence unreachable', async () => {
    const answering = createServer((_request, response) => response.writeHead(404).end());
    const silent = createServer(() => {});
    await new Promise((resolve) => answering.listen(0, '127.0.0.1', resolve));
    await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));
    try {
      const url = (server) => `http://127.0.0.1:${server.address().port}/x.zip`;
      expect(await probe([url(answering)], { timeoutMs: 2000 })).toBe('reachable');
      expect(await probe([url(answering), `http://127.0.0.1:${closedPort}/`], { timeoutMs: 2000 })).toBe(
        'unreachable',
      );
      expect(await probe([url(silent)], { timeoutMs: 200 })).toBe('unreachable');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => answering.close(resolve));
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('scripts/native.mjs, run as npm start runs it', () => {
  let project;
  let home;
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'lockstep-project-'));
    home = mkdtempSync(join(tmpdir(), 'lockstep-home-'));
    mkdirSync(join(project, 'node_modules/electron'), { recursive: true });
    writeFileSync(join(project, 'node_modules/electron/package.json'), '{"version":"45.5.0"}');
    writeFileSync(join(project, 'node_modules/electron/abi_version'), '150');
    mkdirSync(join(project, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
  });
  afterEach(() => {
    rmSync(project, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  /** Runs the script in the fake project with an empty home and, for its probe, no network at all. */
  const runScript = (...args) => {
    const offline = join(home, 'offline.mjs');
    writeFileSync(offline, "globalThis.fetch = () => Promise.reject(new TypeError('fetch failed'));\n");
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/proxy|electron|nodedir/i.test(name)),
    );
    const started = Date.now();
    const result = spawnSync(
      process.execPath,
      ['--import', offline, join(ROOT, 'scripts/native.mjs'), ...args],
      {
        cwd: project,
        env: { ...env, HOME: home, XDG_CACHE_HOME: join(home, '.cache') },
        encoding: 'utf8',
      },
    );
    return { ...result, seconds: (Date.now() - started) / 1000 };
  };
  const driver = () => join(project, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  const forgeMeta = () => join(project, 'node_modules/better-sqlite3/build/Release/.forge-meta');

  it('offline without Electron: says so at once, removes the false marker, rebuilds nothing', () => {
    writeFileSync(driver(), fakeAddon(`node_register_module_v${NODE_ABI}`));
    writeFileSync(forgeMeta(), 'linux--x64--150');
    const before = readFileSync(driver());
    const result = runScript('electron');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('needs the internet to download Electron');
    expect(result.stderr).toContain('npm run preview');
    expect(result.stderr).not.toContain('nodedir');
    expect(result.seconds).toBeLessThan(10);
    expect(existsSync(forgeMeta())).toBe(false);
    expect(readFileSync(driver()).equals(before)).toBe(true);
  });

  it('the Node path leaves a binary built for Node alone, without a rebuild', () => {
    writeFileSync(driver(), fakeAddon(`node_register_module_v${NODE_ABI}`));
    const result = runScript('node');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.seconds).toBeLessThan(5);
  });
});
