import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// Each load runs in a process of its own, as each command does: within one process V8 keeps what it
// compiled and would not even look at a cache.
const ROOT = join(import.meta.dirname, '../..');
const LOADER = pathToFileURL(join(import.meta.dirname, 'codeCache.ts')).href;

interface Loaded {
  cacheUsed: boolean;
  answer: number;
  doubled: number[];
  where: { filename: string; dirname: string; base: string };
  stack: string;
  saveError: string | null;
}

function load(file: string, cache: string, { save = true } = {}): Loaded {
  const script = `
    const { loadWithCodeCache } = await import(${JSON.stringify(LOADER)});
    const loaded = loadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)});
    let stack = '';
    try { loaded.exports.fail(); } catch (error) { stack = error.stack; }
    let saveError = null;
    if (${save}) try { loaded.saveCache(); } catch (error) { saveError = String(error); }
    const { answer, doubled } = loaded.exports;
    console.log(JSON.stringify({ cacheUsed: loaded.cacheUsed, answer, doubled, where: loaded.exports.where(), stack, saveError }));
  `;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Loaded;
}

let dir: string;
let file: string;
let cache: string;

/** A CommonJS module that shows what it was given, with enough code for V8 to cache. */
const moduleSource = (answer: number) => `'use strict';
const path = require('node:path');
function where() { return { filename: __filename, dirname: __dirname, base: path.basename(__filename) }; }
function fail() {
  throw new Error('from line 5');
}
module.exports = { answer: ${answer}, where, fail, doubled: [1, 2, 3].map((n) => n * 2) };
`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lockstep-code-cache-'));
  file = join(dir, 'commands.cjs');
  cache = join(dir, '.commands.cjs.cache');
  writeFileSync(file, moduleSource(42));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadWithCodeCache', () => {
  it('runs the file as CommonJS: its exports, its own require, __filename and __dirname', () => {
    const loaded = load(file, cache);
    expect(loaded.answer).toBe(42);
    expect(loaded.doubled).toEqual([2, 4, 6]);
    expect(loaded.where).toEqual({ filename: file, dirname: dir, base: 'commands.cjs' });
  });

  it('compiles the first time, leaves the cache, and uses it the next time', () => {
    const first = load(file, cache, { save: false });
    expect(first.cacheUsed).toBe(false);
    expect(existsSync(cache)).toBe(false);
    expect(load(file, cache).cacheUsed).toBe(false);
    expect(existsSync(cache)).toBe(true);
    const written = readFileSync(cache);
    const second = load(file, cache);
    expect(second.cacheUsed).toBe(true);
    expect(second.answer).toBe(42);
    // A cache that was used is not written again.
    expect(readFileSync(cache).equals(written)).toBe(true);
  });

  it('never runs the cache of another build: a changed file is compiled again and its cache replaced', () => {
    load(file, cache);
    // The same length (V8's own check would not see the difference) and a new modification time.
    writeFileSync(file, moduleSource(17));
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    const changed = load(file, cache);
    expect(changed.cacheUsed).toBe(false);
    expect(changed.answer).toBe(17);
    const again = load(file, cache);
    expect(again.cacheUsed).toBe(true);
    expect(again.answer).toBe(17);
  });

  it('compiles as usual when the cache is damaged, and writes a good one', () => {
    load(file, cache);
    const bytes = readFileSync(cache);
    // The header (this build) kept, V8's data replaced by noise.
    writeFileSync(cache, Buffer.concat([bytes.subarray(0, 16), Buffer.alloc(bytes.length - 16, 0xa5)]));
    const loaded = load(file, cache);
    expect(loaded.cacheUsed).toBe(false);
    expect(loaded.answer).toBe(42);
    expect(load(file, cache).cacheUsed).toBe(true);

    writeFileSync(cache, Buffer.alloc(3));
    expect(load(file, cache).cacheUsed).toBe(false);
  });

  it('says nothing when the cache cannot be written, and leaves no temporary file', () => {
    const nowhere = join(dir, 'missing-folder', '.commands.cjs.cache');
    const loaded = load(file, nowhere);
    expect(loaded.saveError).toBeNull();
    expect(loaded.answer).toBe(42);
    expect(existsSync(nowhere)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['commands.cjs']);
  });

  it('keeps the file’s own line numbers in stack traces, with and without the cache', () => {
    expect(load(file, cache).stack).toContain(`${file}:5:`);
    expect(load(file, cache).stack).toContain(`${file}:5:`);
  });
});
