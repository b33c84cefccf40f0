import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const EXPORT = join(ROOT, 'e2e/fixtures/exports/bitwarden.csv');
let CLI = '';
beforeAll(async () => {
  const { ensureCli } = (await import(pathToFileURL(join(ROOT, 'scripts/buildCli.mjs')).href)) as {
    ensureCli: (root: string) => Promise<string>;
  };
  CLI = await ensureCli(ROOT);
});

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of the folder with its size, time and bytes: what "nothing changed" is checked against. */
function snapshot(dir: string) {
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const path = join(dir, name);
      const stat = statSync(path);
      return { name, mode: stat.mode, mtime: stat.mtimeMs, bytes: readFileSync(path).toString('base64') };
    });
}

const READS = [
  ['accounts', '--json'],
  ['findings', '--json'],
  ['tasks', '--json'],
  ['history', 'verify', '--json'],
  ['people', '--json'],
];

/**
 * Makes a folder truly read-only. Root ignores permission bits, so as root the folder and its files
 * are made immutable (`chattr +i`, which binds root too); otherwise the write bits are removed.
 */
function lock(dir: string, files: string[]): () => void {
  if (process.getuid?.() === 0) {
    const paths = [...files.map((f) => join(dir, f)), dir];
    const on = spawnSync('chattr', ['+i', ...paths], { encoding: 'utf8' });
    if (on.status !== 0)
      throw new Error(`chattr is needed to make a folder read-only for root: ${on.stderr}`);
    return () => void spawnSync('chattr', ['-i', ...paths]);
  }
  for (const f of files) chmodSync(join(dir, f), 0o400);
  chmodSync(dir, 0o500);
  return () => {
    chmodSync(dir, 0o700);
    for (const f of files) chmodSync(join(dir, f), 0o600);
  };
}

describe('reading never writes', { timeout: 60_000 }, () => {
  const unlocks: (() => void)[] = [];
  afterAll(() => unlocks.forEach((unlock) => unlock()));

  it('lists accounts, findings, tasks and people and verifies the history in a read-only data folder', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-ro-'));
    const imported = cli(['import', EXPORT, '--data-dir', dataDir]);
    expect(imported.code, imported.stderr).toBe(0);
    const expected = READS.map((args) => cli([...args, '--data-dir', dataDir]));
    for (const result of expected) expect(result.code, result.stderr).toBe(0);

    const files = readdirSync(dataDir);
    unlocks.push(lock(dataDir, files));
    const before = snapshot(dataDir);
    READS.forEach((args, i) => {
      const result = cli([...args, '--data-dir', dataDir]);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toBe(expected[i]!.stdout);
    });
    expect(JSON.parse(cli(['accounts', '--json', '--data-dir', dataDir]).stdout)).toHaveLength(39);
    expect(snapshot(dataDir)).toEqual(before);

    // A change is refused with a plain message (exit 4: the data cannot be changed now), and still
    // nothing is written.
    const change = cli(['emails', 'add', 'me@example.com', '--data-dir', dataDir]);
    expect(change.code).toBe(4);
    expect(change.stderr).toMatch(/read-only/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it.each([
    ['with its -wal and -shm', ['-wal', '-shm']],
    ['with a -wal and no -shm', ['-wal']],
  ])('reads a data folder left by a crash (%s) once it is read-only', (_label, companions) => {
    const source = mkdtempSync(join(tmpdir(), 'lockstep-crash-src-'));
    expect(cli(['import', EXPORT, '--data-dir', source]).code).toBe(0);
    // A process that dies with changes only in the WAL: copy the folder while it is open.
    const writer = new Database(join(source, 'lockstep.sqlite'));
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare(`UPDATE people SET name = 'Renamed before the crash' WHERE id = 1`).run();
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-crash-'));
    for (const suffix of ['', ...companions])
      copyFileSync(join(source, `lockstep.sqlite${suffix}`), join(dataDir, `lockstep.sqlite${suffix}`));
    writer.close();
    unlocks.push(lock(dataDir, readdirSync(dataDir)));
    const before = snapshot(dataDir);
    const people = cli(['people', '--json', '--data-dir', dataDir]);
    expect(people.code, people.stderr).toBe(0);
    expect(people.stdout).toContain('Renamed before the crash');
    expect(JSON.parse(cli(['accounts', '--json', '--data-dir', dataDir]).stdout)).toHaveLength(39);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('reads while another process holds a write transaction', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-locked-'));
    expect(cli(['import', EXPORT, '--data-dir', dataDir]).code).toBe(0);
    const writer = new Database(join(dataDir, 'lockstep.sqlite'));
    writer.prepare('BEGIN IMMEDIATE').run();
    writer.prepare(`UPDATE people SET name = 'Being renamed' WHERE id = 1`).run();
    try {
      for (const args of READS) {
        const started = Date.now();
        const result = cli([...args, '--data-dir', dataDir]);
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
        // Readers never wait for the writer (WAL), let alone time out.
        expect(Date.now() - started).toBeLessThan(4000);
      }
      expect(cli(['people', '--json', '--data-dir', dataDir]).stdout).toContain('"Me"');
      // A change waits for the lock, then says the data is busy (exit 2, nothing written).
      const change = cli(['emails', 'add', 'me@example.com', '--data-dir', dataDir]);
      expect(change.code).toBe(2);
      expect(change.stderr).toContain('Another Lockstep is changing this data; try again.');
    } finally {
      writer.prepare('ROLLBACK').run();
      writer.close();
    }
  }, 30_000);
});
