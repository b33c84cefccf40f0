import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TRIES = 20;
let CLI = '';
const HEADER =
  'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp';
/** A 12-login Bitwarden export: small, so 80 processes stay quick. */
let EXPORT = '';
beforeAll(async () => {
  EXPORT = join(mkdtempSync(join(tmpdir(), 'lockstep-race-export-')), 'twelve.csv');
  const rows = Array.from(
    { length: 12 },
    (_, i) =>
      `,,login,Site ${i},,,0,https://site${i}.example/login,priya${i % 3}@example.com,Pw-${i % 5}-x7!Qz,`,
  );
  writeFileSync(EXPORT, [HEADER, ...rows].join('\n') + '\n');
  const { ensureCli } = (await import(pathToFileURL(join(ROOT, 'scripts/buildCli.mjs')).href)) as {
    ensureCli: (root: string) => Promise<string>;
  };
  CLI = await ensureCli(ROOT);
});

/** Runs the CLI in a process of its own; resolves when it exits. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** The accounts of a data folder, by service and username (a duplicate would show twice). */
function accountsOf(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'lockstep.sqlite'), { readonly: true });
  try {
    return (
      db
        .prepare(
          `SELECT service || ' / ' || username AS key FROM accounts WHERE deletion_token IS NULL ORDER BY key`,
        )
        .all() as { key: string }[]
    ).map((r) => r.key);
  } finally {
    db.close();
  }
}

/** Two imports started at once, each in its own process, `TRIES` times on fresh data. */
async function race(first: string, second: string) {
  const outcomes: { accounts: string[]; codes: (number | null)[]; stderr: string[] }[] = [];
  for (let i = 0; i < TRIES; i += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-race-'));
    const results = await Promise.all([
      run(['import', first, '--person', 'Priya', '--json', '--data-dir', dataDir]),
      run(['import', second, '--person', 'Priya', '--json', '--data-dir', dataDir]),
    ]);
    outcomes.push({
      accounts: accountsOf(dataDir),
      codes: results.map((r) => r.code),
      stderr: results.map((r) => r.stderr),
    });
  }
  return outcomes;
}

const BUSY = 'Another Lockstep is changing this data; try again.';

describe('two processes importing at once', () => {
  it(`leave each account once, in every one of ${TRIES} tries (the same export twice)`, async () => {
    const once = accountsOf(await importedOnce(EXPORT));
    for (const outcome of await race(EXPORT, EXPORT)) {
      // Both succeed (the second updates what the first created), or the second says the data is
      // busy (exit 2: nothing written, try again) — never a duplicate, never an internal error.
      for (const [i, code] of outcome.codes.entries()) {
        if (code !== 0) {
          expect(code).toBe(2);
          expect(outcome.stderr[i]).toContain(BUSY);
        }
      }
      expect(outcome.codes).toContain(0);
      expect(outcome.accounts).toEqual(once);
    }
  }, 600_000);

  it(`leave each account once, in every one of ${TRIES} tries (two overlapping exports)`, async () => {
    // The second export shares its last 6 logins with the first and adds 3 of its own.
    const lines = readFileSync(EXPORT, 'utf8').trimEnd().split('\n');
    const extra = [
      'Personal,,login,Tiny Tea Co. shop,,,0,https://tinytea.example/,priya@tinytea.example,Ex7ra-one!,',
      'Personal,,login,Allotment forum,,,0,https://allotments.example/login,priya,Ex7ra-two!,',
      'Personal,,login,Library card,,,0,https://library.example/,P-0042,Ex7ra-three!,',
    ];
    const overlapping = join(mkdtempSync(join(tmpdir(), 'lockstep-overlap-')), 'other.csv');
    writeFileSync(overlapping, [lines[0], ...lines.slice(7), ...extra].join('\n') + '\n');
    const both = await importedOnce(EXPORT);
    expect((await run(['import', overlapping, '--person', 'Priya', '--data-dir', both])).code).toBe(0);
    const expected = accountsOf(both);
    expect(expected.length).toBe(accountsOf(await importedOnce(EXPORT)).length + extra.length);
    for (const outcome of await race(EXPORT, overlapping)) {
      if (outcome.codes.every((code) => code === 0)) expect(outcome.accounts).toEqual(expected);
      else {
        expect(outcome.codes.filter((code) => code === 2)).toHaveLength(1);
        expect(outcome.stderr.join('')).toContain(BUSY);
        expect(new Set(outcome.accounts).size).toBe(outcome.accounts.length);
      }
    }
  }, 600_000);
});

async function importedOnce(file: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-once-'));
  const result = await run(['import', file, '--person', 'Priya', '--data-dir', dataDir]);
  expect(result.code, result.stderr).toBe(0);
  return dataDir;
}
