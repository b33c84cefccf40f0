import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../db/connection';
import { garblePages, writtenSnapshot } from '../testing/dataFiles';

const ROOT = resolve(import.meta.dirname, '../..');
const EXPORTS = join(ROOT, 'e2e/fixtures/exports');
let CLI = '';
beforeAll(async () => {
  const { ensureCli } = (await import(pathToFileURL(join(ROOT, 'scripts/buildCli.mjs')).href)) as {
    ensureCli: (root: string) => Promise<string>;
  };
  CLI = await ensureCli(ROOT);
}, 120_000);

function cli(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const tempDir = () => mkdtempSync(join(tmpdir(), 'lockstep-cli-safety-'));

describe('lockstep backup, export and erase', () => {
  it('backup create, list and restore print the documented JSON; erase needs --yes', () => {
    const dataDir = tempDir();
    expect(cli(['import', join(EXPORTS, 'chrome.csv')], dataDir).code).toBe(0);
    const created = cli(['backup', 'create', '--json'], dataDir);
    expect(created.code, created.stderr).toBe(0);
    const backup = JSON.parse(created.stdout) as Record<string, unknown>;
    expect(Object.keys(backup)).toEqual(['file', 'bytes', 'accounts', 'historyEntries']);
    expect(backup).toMatchObject({ accounts: expect.any(Number), historyEntries: expect.any(Number) });
    expect(backup.accounts).toBeGreaterThan(5);
    expect(existsSync(backup.file as string)).toBe(true);

    const out = join(tempDir(), 'mine.sqlite');
    expect(cli(['backup', 'create', '--out', out, '--json'], dataDir).code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(out, '..', 'mine.fingerprint.key'))).toBe(true);
    expect(cli(['backup', 'create', '--out', out], dataDir).code).toBe(2);

    const listed = cli(['backup', 'list', '--json'], dataDir);
    expect(listed.code).toBe(0);
    const list = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    expect(Object.keys(list[0]!)).toEqual(['file', 'createdAt', 'bytes', 'accounts', 'ok']);
    expect(list[0]).toMatchObject({ file: backup.file, ok: true, accounts: backup.accounts });

    expect(cli(['erase'], dataDir).code).toBe(2);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    const erased = cli(['erase', '--yes'], dataDir);
    expect(erased.code, erased.stderr).toBe(0);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);

    const restored = cli(['backup', 'restore', out, '--json'], dataDir);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toEqual({ restoredFrom: out, savedCurrentAs: null });
    const accounts = JSON.parse(cli(['accounts', '--json'], dataDir).stdout) as unknown[];
    expect(accounts).toHaveLength(backup.accounts as number);
    const verified = cli(['history', 'verify', '--json'], dataDir);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({
      ok: true,
      count: (backup.historyEntries as number) + 1,
    });
  }, 120_000);

  it('refuses to restore a file that is not a good Lockstep backup: exit 2, nothing changed', () => {
    const dataDir = tempDir();
    expect(cli(['people'], dataDir).code).toBe(0);
    const junk = join(tempDir(), 'junk.sqlite');
    writeFileSync(junk, 'hello, world\n'.repeat(1000));
    const before = writtenSnapshot(dataDir);
    const refused = cli(['backup', 'restore', junk, '--json'], dataDir);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /is not a good Lockstep backup: .*not a SQLite database.*Nothing was changed/,
    );
    expect(writtenSnapshot(dataDir)).toEqual(before);
  }, 60_000);

  it('a damaged data file exits 3 — not 1, which "history verify" keeps for a broken history — and names the backup', () => {
    const dataDir = tempDir();
    expect(cli(['import', join(EXPORTS, 'bitwarden.csv')], dataDir).code).toBe(0);
    const backup = JSON.parse(cli(['backup', 'create', '--json'], dataDir).stdout) as { file: string };
    garblePages(join(dataDir, DATABASE_FILE));
    for (const command of [['accounts'], ['history', 'verify'], ['import', join(EXPORTS, 'chrome.csv')]]) {
      const run = cli(command, dataDir);
      expect(run.code, command.join(' ')).toBe(3);
      expect(run.stderr).toMatch(/garbled pages/);
      expect(run.stderr).toContain(`lockstep backup restore "${backup.file}"`);
    }
    writeFileSync(join(dataDir, DATABASE_FILE), '');
    const empty = cli(['people'], dataDir);
    expect(empty.code).toBe(3);
    expect(empty.stderr).toMatch(/zero bytes/);
    expect(readFileSync(join(dataDir, DATABASE_FILE)).length).toBe(0);

    const restored = cli(['backup', 'restore', backup.file, '--json'], dataDir);
    expect(restored.code, restored.stderr).toBe(0);
    const { savedCurrentAs } = JSON.parse(restored.stdout) as { savedCurrentAs: string };
    expect(savedCurrentAs).toMatch(/lockstep\.sqlite\.damaged-/);
    expect(readFileSync(savedCurrentAs).length).toBe(0);
    expect(cli(['history', 'verify'], dataDir).code).toBe(0);
  }, 120_000);

  it('export --out DIR writes the JSON, its schema and the CSVs', () => {
    const dataDir = tempDir();
    expect(cli(['import', join(EXPORTS, 'chrome.csv')], dataDir).code).toBe(0);
    const folder = join(tempDir(), 'out');
    const run = cli(['export', '--out', folder, '--json'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ folder });
    expect(readdirSync(folder).sort()).toEqual([
      'accounts.csv',
      'findings.csv',
      'history.csv',
      'lockstep-export.json',
      'lockstep-export.schema.json',
      'people.csv',
      'tasks.csv',
    ]);
    expect(cli(['export'], dataDir).code).toBe(2);
  }, 60_000);

  it('documents the exit codes in the help', () => {
    const help = cli(['--help'], tempDir());
    expect(help.stdout).toMatch(/3 {2}the data file is damaged/);
    expect(help.stdout).toMatch(/4 {2}the data cannot be used now/);
    expect(help.stdout).toMatch(/backup restore FILE/);
  });
});
