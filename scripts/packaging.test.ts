import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { minimatch } from 'minimatch';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveZxcvbnModules } from '../electron/services/passwordHealth/strengthPool';

// electron-builder.yml read the way `electron-builder` reads it: its own loader and its own schema.
const ROOT = join(import.meta.dirname, '..');
const config = await getConfig(ROOT, null, null);
/** Where packages really are (node_modules may be a link), so paths can be given as the packager sees them. */
const MODULES = realpathSync(join(ROOT, 'node_modules'));

describe('packaging (electron-builder.yml)', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the fuses that close the packaged binary to code injection', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('packs the app into app.asar, which onlyLoadAppFromAsar and the integrity check need', () => {
    expect(config.asar).not.toBe(false);
  });

  it('unpacks everything the strength workers load from plain files, their dependencies included', () => {
    const unpack = ([] as string[]).concat(config.asarUnpack ?? []);
    const isUnpacked = (path: string) => unpack.some((pattern) => minimatch(path, pattern, { dot: true }));
    // Each module's path, and each of the scoring functions' (a pattern → path record).
    const paths = Object.values(resolveZxcvbnModules()).flatMap((value: string | Record<string, string>) =>
      typeof value === 'string' ? [value] : Object.values(value),
    );
    expect(paths.length).toBeGreaterThan(5);
    for (const dir of packageClosure(paths.map(packageDirOf))) {
      const file = `node_modules/${relative(MODULES, join(dir, 'package.json')).split(sep).join('/')}`;
      expect(isUnpacked(file), file).toBe(true);
    }
  });

  it('packs the app’s bundles and datasets, and not the command line’s bundle or its code cache', () => {
    // As electron-builder reads `files`: the last pattern that matches a path decides.
    // (electron-builder's loader gives them as one file set: `[{ filter: [...] }]`.)
    const patterns = ([] as unknown[])
      .concat(config.files ?? [])
      .flatMap((set) =>
        typeof set === 'string'
          ? [set]
          : ([] as string[]).concat((set as { filter?: string[] }).filter ?? []),
      );
    expect(patterns).toContain('out/**');
    const packed = (path: string) =>
      patterns.reduce(
        (decided, pattern) =>
          pattern.startsWith('!')
            ? minimatch(path, pattern.slice(1), { dot: true })
              ? false
              : decided
            : minimatch(path, pattern, { dot: true })
              ? true
              : decided,
        false,
      );
    for (const path of [
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/data/2fa-directory.json',
      'package.json',
    ])
      expect([path, packed(path)]).toEqual([path, true]);
    for (const path of [
      'out/cli/commands.cjs',
      'out/cli/.commands.cjs.cache',
      'out/cli/index.mjs',
      'out/main/index.js.map',
    ])
      expect([path, packed(path)]).toEqual([path, false]);
  });

  it('unpacks the SQLite driver, a native module loaded from a plain file', () => {
    const unpack = ([] as string[]).concat(config.asarUnpack ?? []);
    const file = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(unpack.some((pattern) => minimatch(file, pattern))).toBe(true);
  });
});

/** Where Node finds package `name` when required from inside `dir`: the nearest node_modules/name. */
function findPackage(dir: string, name: string): string {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (readFileSafe(join(candidate, 'package.json')) !== null) return candidate;
    if (dirname(at) === at) throw new Error(`${name} (needed by ${dir}) is not installed`);
  }
}

/** The folder of the package that holds `file`. */
function packageDirOf(file: string): string {
  let dir = dirname(file);
  while (!readFileSafe(join(dir, 'package.json'))?.includes('"name"')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${file}`);
    dir = parent;
  }
  return dir;
}

/** The packages in `dirs` and, transitively, every dependency they declare, as Node resolves them. */
function packageClosure(dirs: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...dirs];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    if (seen.has(dir)) continue;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const name of Object.keys(manifest.dependencies ?? {})) pending.push(findPackage(dir, name));
  }
  return seen;
}

function readFileSafe(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
