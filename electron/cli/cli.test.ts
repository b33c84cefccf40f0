import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'acorn';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let CLI = '';
beforeAll(async () => {
  // The CLI as `npm run -s cli` runs it: bundled to plain JavaScript (rebuilt when a source changed).
  const { ensureCli } = (await import(pathToFileURL(join(ROOT, 'scripts/buildCli.mjs')).href)) as {
    ensureCli: (root: string) => Promise<string>;
  };
  CLI = await ensureCli(ROOT);
});
const EXPORTS = join(ROOT, 'e2e/fixtures/exports');
const BAD = join(ROOT, 'e2e/fixtures/bad');

/** Runs the CLI as `npm run -s cli` does (the bundled CLI), without stdin. */
function cli(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const json = (stdout: string) => JSON.parse(stdout) as unknown;
const tempDir = () => mkdtempSync(join(tmpdir(), 'lockstep-cli-'));

// Each test runs the CLI several times, in processes of their own: allow for a busy machine.
describe('lockstep CLI', { timeout: 90_000 }, () => {
  it('says when rows were shorter than the header, in the dry run and the import; the JSON keeps its shape', () => {
    const dataDir = tempDir();
    const file = join(tempDir(), 'short-rows.csv');
    // A browser leaves a trailing empty field out: the first row has no `note` at all.
    writeFileSync(
      file,
      'name,url,username,password,note\ngithub.com,https://github.com/,me,Kx8#pLm2!qRt\nexample.com,https://example.com/,you,Zq9$wErT4yUi,\n',
    );
    const said = '1 row had fewer fields than the header; the missing fields were read as empty.';
    const dry = cli(['import', file, '--dry-run'], dataDir);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(said);
    const done = cli(['import', file], dataDir);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain(said);
    const again = cli(['import', file, '--dry-run', '--json'], dataDir);
    expect(json(again.stdout)).toEqual({
      format: 'chrome-csv',
      entries: 2,
      skipped: [],
      created: 0,
      updated: 2,
    });
  });

  it('imports with --json, then lists accounts and findings in the documented shapes', () => {
    const dataDir = tempDir();
    const imported = cli(['import', join(EXPORTS, 'bitwarden.csv'), '--json'], dataDir);
    expect(imported.code, imported.stderr).toBe(0);
    const summary = json(imported.stdout) as {
      format: string;
      entries: number;
      skipped: { row: number; reason: string }[];
      created: number;
      updated: number;
    };
    expect(summary).toMatchObject({ format: 'bitwarden-csv', entries: 40, created: 39, updated: 0 });
    expect(summary.skipped).toContainEqual({ row: 42, reason: 'Secure note, not a login' });

    const accounts = json(cli(['accounts', '--json'], dataDir).stdout) as Record<string, unknown>[];
    expect(accounts).toHaveLength(39);
    const linkedIn = accounts.find((a) => a.service === 'LinkedIn')!;
    expect(Object.keys(linkedIn)).toEqual(
      expect.arrayContaining([
        'id',
        'person',
        'service',
        'domain',
        'url',
        'username',
        'mfa',
        'hasTotp',
        'passwordStrength',
        'pwnedCount',
        'reuseGroup',
        'similarGroup',
        'insecureUrl',
        'passwordChangedAt',
      ]),
    );
    expect(linkedIn).toMatchObject({
      person: 'Me',
      domain: 'linkedin.com',
      hasTotp: false,
      pwnedCount: null,
      insecureUrl: false,
    });
    expect(typeof linkedIn.reuseGroup).toBe('string');
    const myspace = accounts.find((a) => a.service === 'Myspace')!;
    expect(myspace).toMatchObject({ insecureUrl: true, reuseGroup: linkedIn.reuseGroup });
    expect(accounts.find((a) => a.service === 'Microsoft account')).toMatchObject({
      hasTotp: true,
      mfa: 'totp',
    });
    // The listing reads the data file on its own; through the services (any other option, here
    // --as, takes that way) it prints exactly the same, as JSON and as text.
    for (const asText of [false, true]) {
      const alone = cli(['accounts', ...(asText ? [] : ['--json'])], dataDir);
      const full = cli(['accounts', ...(asText ? [] : ['--json']), '--as', 'Helper'], dataDir);
      expect([alone.code, alone.stderr]).toEqual([0, '']);
      expect(full).toEqual(alone);
    }

    const findings = json(cli(['findings', '--json'], dataDir).stdout) as {
      kind: string;
      accountIds: number[];
      evidence: Record<string, unknown>;
      severity: string;
      status: string;
    }[];
    const reuse = findings.find(
      (f) => f.kind === 'password_reused' && f.accountIds.includes(linkedIn.id as number),
    )!;
    expect(reuse).toMatchObject({ severity: expect.any(String), status: 'open' });
    expect(reuse.evidence.services).toEqual(expect.arrayContaining(['LinkedIn', 'Myspace']));
    expect(new Set(findings.map((f) => f.kind))).toEqual(
      new Set([
        'password_pwned',
        'password_reused',
        'password_similar',
        'password_weak',
        'insecure_url',
        'breached_service',
        'mfa_available',
      ]),
    );
    const linkedInBreach = findings.find(
      (f) => f.kind === 'breached_service' && f.accountIds.includes(linkedIn.id as number),
    )!;
    expect(linkedInBreach.evidence).toMatchObject({
      name: expect.any(String),
      breachDate: expect.any(String),
      dataClasses: expect.any(Array),
    });
    expect(linkedInBreach.evidence.breaches).toContainEqual(
      expect.objectContaining({
        name: 'LinkedIn',
        breachDate: '2012-05-05',
        dataClasses: expect.arrayContaining(['Passwords']),
      }),
    );
    const mfa = findings.find((f) => f.kind === 'mfa_available')!;
    expect(mfa.evidence).toMatchObject({
      methods: expect.any(Array),
      documentation: expect.stringMatching(/^https:/),
    });
  });

  it('--dry-run reports what would happen and writes nothing', () => {
    const dataDir = tempDir();
    const run = cli(['import', join(EXPORTS, 'firefox.csv'), '--dry-run', '--json'], dataDir);
    expect(run.code, run.stderr).toBe(0);
    expect(json(run.stdout)).toMatchObject({
      format: 'firefox-csv',
      created: expect.any(Number),
      updated: 0,
    });
    expect(json(cli(['accounts', '--json'], dataDir).stdout)).toEqual([]);
  });

  it('imports into a named person, creating them', () => {
    const dataDir = tempDir();
    expect(cli(['import', join(EXPORTS, 'chrome.csv'), '--person', 'Sam'], dataDir).code).toBe(0);
    const people = json(cli(['people', '--json'], dataDir).stdout) as {
      name: string;
      accountCount: number;
    }[];
    expect(people.find((p) => p.name === 'Sam')?.accountCount).toBeGreaterThan(0);
  });

  it('exits 2 on bad input, naming the file and the columns, and writes nothing', () => {
    const dataDir = tempDir();
    const unknown = cli(['import', join(BAD, 'random-columns.csv')], dataDir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'random-columns.csv has columns Lockstep does not recognise: "id", "site_label"',
    );
    expect(unknown.stdout).toBe('');
    for (const file of [
      'empty.csv',
      'header-only.csv',
      'truncated-unterminated-quote.csv',
      'binary-renamed.csv',
      'bitwarden-encrypted.json',
    ]) {
      const run = cli(['import', join(BAD, file)], dataDir);
      expect(run.code, file).toBe(2);
      expect(run.stderr, file).toContain(file);
    }
    expect(cli(['import', '/no/such/file.csv'], dataDir).code).toBe(2);
    expect(cli(['import', join(EXPORTS, 'chrome.csv'), '--format', 'nope'], dataDir).code).toBe(2);
    expect(cli(['frobnicate'], dataDir).code).toBe(2);
    expect(json(cli(['accounts', '--json'], dataDir).stdout)).toEqual([]);
  });

  it('maps unknown columns from the command line', () => {
    const dataDir = tempDir();
    const run = cli(
      [
        'import',
        join(BAD, 'random-columns.csv'),
        '--map-url',
        'site_label',
        '--map-password',
        'secret_value',
        '--map-username',
        'login_hint',
        '--json',
      ],
      dataDir,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(json(run.stdout)).toMatchObject({ format: 'generic-csv', entries: 3, created: 3 });
  });

  it('searches breaches, adds addresses, and re-runs every check offline', () => {
    const dataDir = tempDir();
    const search = cli(['breaches', 'search', 'adobe', '--json'], dataDir);
    expect(search.code, search.stderr).toBe(0);
    expect((json(search.stdout) as { name: string }[])[0]).toMatchObject({
      name: 'Adobe',
      domain: 'adobe.com',
      breachDate: '2013-10-04',
    });
    expect(cli(['emails', 'add', 'alex@example.com', '--json'], dataDir).code).toBe(0);
    const bad = cli(['emails', 'add', 'not-an-address'], dataDir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not-an-address');
    expect(cli(['emails', 'add', 'sam@example.com', '--person', 'Nobody'], dataDir).code).toBe(2);
    expect(cli(['import', join(EXPORTS, 'bitwarden.csv')], dataDir).code).toBe(0);
    const check = cli(['check', '--offline', '--json'], dataDir);
    expect(check.code, check.stderr).toBe(0);
    expect(json(check.stdout)).toMatchObject({
      catalogue: { available: true },
      byKind: { breached_service: expect.any(Number) },
    });
  });

  it('lists tasks, completes one with evidence, and detects an edited history row', async () => {
    const dataDir = tempDir();
    expect(cli(['import', join(EXPORTS, 'bitwarden.csv')], dataDir).code).toBe(0);
    const tasks = json(cli(['tasks', '--json'], dataDir).stdout) as {
      id: number;
      title: string;
      kind: string;
      priority: string;
      status: string;
      dueAt: string | null;
      accountId: number | null;
      findingIds: number[];
      verified: boolean;
    }[];
    const adobe = tasks.find((t) => t.title === 'Change your password at Adobe')!;
    expect(adobe).toMatchObject({
      kind: 'change_password',
      status: 'todo',
      verified: false,
      priority: expect.stringMatching(/^P[1-4]$/),
    });
    expect(adobe.findingIds.length).toBeGreaterThan(0);

    const notFixed = cli(['tasks', 'done', String(adobe.id), '--json'], dataDir);
    expect(json(notFixed.stdout)).toMatchObject({ status: 'done', verified: false });
    const fixed = cli(['tasks', 'done', String(adobe.id), '--changed-on', '2026-11-01', '--json'], dataDir);
    expect(json(fixed.stdout)).toMatchObject({ status: 'done', verified: true });
    const mfa = tasks.find((t) => t.kind === 'enable_mfa')!;
    expect(
      json(cli(['tasks', 'done', String(mfa.id), '--mfa', 'security-key', '--json'], dataDir).stdout),
    ).toMatchObject({ verified: true });
    expect(cli(['tasks', 'done', String(mfa.id), '--mfa', 'carrier-pigeon'], dataDir).code).toBe(2);
    const other = tasks.find((t) => t.status === 'todo' && t.id !== adobe.id && t.id !== mfa.id)!;
    expect(cli(['tasks', 'snooze', String(other.id), '--until', '2099-01-01'], dataDir).code).toBe(2);
    expect(cli(['tasks', 'wontdo', String(other.id)], dataDir).code).toBe(2);
    expect(
      json(cli(['tasks', 'wontdo', String(other.id), '--reason', 'Closing it', '--json'], dataDir).stdout),
    ).toMatchObject({ status: 'wont_do' });

    const intact = cli(['history', 'verify'], dataDir);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/intact/);

    // Someone edits a past row with a SQLite tool: verify finds the first broken row.
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(join(dataDir, 'lockstep.sqlite'));
    for (const { name } of db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'history'`)
      .all() as { name: string }[]) {
      db.exec(`DROP TRIGGER ${name}`);
    }
    db.prepare(`UPDATE history SET note = 'nothing happened' WHERE seq = 3`).run();
    db.close();
    const broken = cli(['history', 'verify', '--json'], dataDir);
    expect(broken.code).toBe(1);
    expect(json(broken.stdout)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('prints help, and keeps the database file owner-only', () => {
    const dataDir = tempDir();
    const help = cli(['--help'], dataDir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('import FILE');
    cli(['accounts'], dataDir);
    expect(existsSync(join(dataDir, 'lockstep.sqlite'))).toBe(true);
    expect(readdirSync(dataDir)).toContain('lockstep.sqlite');
  });

  it('answers --help without loading the commands, and refuses an option without its value (exit 2)', () => {
    // What `--help` loads: the entry, one file, and what it imports (read by a JavaScript parser). No
    // package (the database driver, zod, the parsers) may be among them, whether imported or
    // bundled in (they weigh hundreds of kilobytes; the usage text a few): the commands are a
    // bundle of their own, read only when a command runs.
    const entry = readFileSync(CLI, 'utf8');
    const imported: string[] = [];
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const { type, source } = node as { type?: string; source?: { value?: unknown } };
      if (type === 'ImportDeclaration' || type === 'ImportExpression' || type === 'ExportAllDeclaration')
        imported.push(String(source?.value ?? '(computed)'));
      for (const value of Object.values(node)) visit(value);
    };
    visit(parse(entry, { ecmaVersion: 'latest', sourceType: 'module' }));
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((spec) => !spec.startsWith('node:'))).toEqual([]);
    expect(statSync(CLI).size).toBeLessThan(64 * 1024);
    expect(entry).toContain('commands.cjs');
    expect(statSync(join(dirname(CLI), 'commands.cjs')).size).toBeGreaterThan(1024 * 1024);
    const help = spawnSync(process.execPath, [CLI, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Exit status:');
    const bare = spawnSync(process.execPath, [CLI], { cwd: ROOT, encoding: 'utf8' });
    expect([bare.status, bare.stdout, bare.stderr.startsWith('Usage:')]).toEqual([2, '', true]);

    const missing = spawnSync(process.execPath, [CLI, 'accounts', '--data-dir'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^lockstep: Option '--data-dir <value>' argument missing/);
    expect(missing.stderr).not.toContain('internal error');
  });

  it('ends quietly when the reader of its output has gone (| head)', async () => {
    const child = spawn(process.execPath, [CLI, '--help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first line is written
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect([code, stderr]).toEqual([0, '']);
  });

  it('gives a slow reader the whole output, many times what a pipe holds, and its exit status', async () => {
    const dataDir = tempDir();
    const rows = Array.from(
      { length: 600 },
      (_, i) =>
        `,,login,Site ${i},,,0,https://site${i}.example/login,user${i}@mail.example,pw-${i}-${i * 7919},`,
    );
    const file = join(dataDir, 'many.csv');
    writeFileSync(
      file,
      [
        'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
        ...rows,
      ].join('\n'),
    );
    expect(cli(['import', file], dataDir).code).toBe(0);

    const child = spawn(process.execPath, [CLI, 'accounts', '--json', '--data-dir', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Nothing is read for a while: the pipe fills, and the command must wait for its reader.
    child.stdout.pause();
    await new Promise((done) => setTimeout(done, 500));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    const output = Buffer.concat(chunks);
    expect(output.length).toBeGreaterThan(4 * 64 * 1024);
    expect(code).toBe(0);
    expect((JSON.parse(output.toString('utf8')) as unknown[]).length).toBe(600);

    // A refusal still says so, with its exit status.
    const refused = cli(['accounts', '--no-such-option'], dataDir);
    expect(refused.code).toBe(2);
  });
});
