import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { format } from '../../common/messages/format';

const ROOT = resolve(import.meta.dirname, '../..');
let CLI = '';
beforeAll(async () => {
  const { ensureCli } = (await import(pathToFileURL(join(ROOT, 'scripts/buildCli.mjs')).href)) as {
    ensureCli: (root: string) => Promise<string>;
  };
  CLI = await ensureCli(ROOT);
});

function cli(args: string[], dataDir: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 90_000,
    env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const ok = (args: string[], dataDir: string) => {
  const result = cli(args, dataDir);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
};
const json = <T>(stdout: string) => JSON.parse(stdout) as T;
const tempDir = () => mkdtempSync(join(tmpdir(), 'lockstep-cli-team-'));

interface TeamJson {
  people: {
    id: number;
    name: string;
    group: string;
    mainEmailMfa: boolean | null;
    accounts: number;
    criticalAccounts: number;
    criticalWithMfa: number;
    openFindings: number;
    overdueTasks: number;
  }[];
  coverage: {
    mainEmailMfa: { yes: number; no: number; unknown: number };
    criticalWithMfa: { yes: number; of: number };
    peopleWithReuse: number;
    overdueTasks: number;
  };
}

describe('the command line for a small office', { timeout: 180_000 }, () => {
  it('builds an office, and team --json and the reports say the same figures', () => {
    const dataDir = tempDir();
    const added = json<{ id: number; name: string; emails: string[] }>(
      ok(
        [
          'people',
          'add',
          'Priya',
          '--email',
          'priya@tea.example',
          '--email',
          'p@home.example',
          '--group',
          'Shop',
          '--json',
        ],
        dataDir,
      ).stdout,
    );
    expect(Object.keys(added)).toEqual(['id', 'name', 'emails']);
    expect(added).toMatchObject({ name: 'Priya', emails: ['priya@tea.example', 'p@home.example'] });
    ok(['people', 'add', 'Tom', '--email', 'tom@tea.example', '--group', 'Office'], dataDir);
    ok(['people', 'add', 'Ann'], dataDir);
    expect(cli(['people', 'add', 'tom'], dataDir).code).toBe(2);

    // Priya: main email with a security key; a bank with none.
    const mail = json<Record<string, unknown>>(
      ok(
        [
          'accounts',
          'add',
          '--person',
          'Priya',
          '--url',
          'https://mail.google.com',
          '--username',
          'priya@tea.example',
          '--mfa',
          'security-key',
          '--json',
        ],
        dataDir,
      ).stdout,
    );
    // The account as `accounts --json` shows it; criticality follows the category guessed from the address.
    expect(mail).toMatchObject({
      person: 'Priya',
      domain: 'google.com',
      mfa: 'security_key',
      username: 'priya@tea.example',
    });
    ok(
      [
        'accounts',
        'add',
        '--person',
        'Priya',
        '--url',
        'https://www.barclays.co.uk',
        '--category',
        'finance',
        '--mfa',
        'none',
      ],
      dataDir,
    );
    // Tom: an email account with no two-step, and a shop (standard, not counted).
    ok(
      [
        'accounts',
        'add',
        '--person',
        'Tom',
        '--url',
        'https://outlook.live.com',
        '--username',
        'tom@tea.example',
        '--mfa',
        'none',
      ],
      dataDir,
    );
    ok(
      [
        'accounts',
        'add',
        '--person',
        'Tom',
        '--url',
        'https://shop.example',
        '--category',
        'shopping',
        '--mfa',
        'sms',
      ],
      dataDir,
    );
    // Ann: a work account marked important by hand (not critical), two-step unknown.
    ok(
      [
        'accounts',
        'add',
        '--person',
        'Ann',
        '--url',
        'https://login.microsoftonline.com',
        '--category',
        'work',
        '--criticality',
        'important',
      ],
      dataDir,
    );
    expect(cli(['accounts', 'add', '--person', 'Nobody', '--url', 'https://x.example'], dataDir).code).toBe(
      2,
    );
    expect(
      cli(
        ['accounts', 'add', '--person', 'Ann', '--url', 'https://x.example', '--mfa', 'carrier-pigeon'],
        dataDir,
      ).code,
    ).toBe(2);

    const team = json<TeamJson>(ok(['team', '--json'], dataDir).stdout);
    expect(Object.keys(team)).toEqual(['people', 'coverage']);
    expect(Object.keys(team.people[0]!)).toEqual([
      'id',
      'name',
      'group',
      'mainEmailMfa',
      'accounts',
      'criticalAccounts',
      'criticalWithMfa',
      'openFindings',
      'overdueTasks',
    ]);
    // "Me" was never used: the office is its three people.
    expect(
      team.people.map((p) => [
        p.name,
        p.group,
        p.mainEmailMfa,
        p.accounts,
        p.criticalAccounts,
        p.criticalWithMfa,
      ]),
    ).toEqual([
      ['Ann', '', null, 1, 0, 0],
      ['Priya', 'Shop', true, 2, 2, 1],
      ['Tom', 'Office', false, 2, 1, 0],
    ]);
    expect(team.coverage).toEqual({
      mainEmailMfa: { yes: 1, no: 1, unknown: 1 },
      criticalWithMfa: { yes: 1, of: 3 },
      peopleWithReuse: 0,
      overdueTasks: 0,
    });
    expect(ok(['team'], dataDir).stdout).toContain(
      'Two-step sign-in on the main email account: 1 of 3 people',
    );

    // Lists by person, and assignments.
    const tomTasks = json<{ id: number; title: string; person: string }[]>(
      ok(['tasks', '--person', 'tom', '--json'], dataDir).stdout,
    );
    expect(tomTasks.length).toBeGreaterThan(0);
    expect(tomTasks.every((t) => t.person === 'Tom' && t.title.includes("Tom's"))).toBe(true);
    const tomFindings = json<{ accountIds: number[] }[]>(
      ok(['findings', '--person', 'Tom', '--json'], dataDir).stdout,
    );
    expect(tomFindings.length).toBeGreaterThan(0);
    // In an office, each finding line says whose account it is.
    const lines = ok(['findings'], dataDir)
      .stdout.split('\n')
      .filter((l) =>
        (['critical', 'high', 'medium', 'low'] as const).some((s) =>
          l.startsWith(format(`finding.severity.${s}`)),
        ),
      );
    expect(lines.length).toBeGreaterThan(0);
    expect(
      lines.every((l) => /(Tom|Priya|Ann|Me)'s /.test(l)),
      lines.join('\n'),
    ).toBe(true);
    expect(ok(['team'], dataDir).stdout).not.toMatch(/\b1 (accounts|open findings|overdue tasks)\b/);
    expect(cli(['tasks', '--person', 'Nobody'], dataDir).code).toBe(2);
    expect(ok(['tasks', 'assign', String(tomTasks[0]!.id), '--to', 'Priya'], dataDir).stdout).toContain(
      '1 task given to Priya',
    );
    expect(cli(['tasks', 'assign', String(tomTasks[0]!.id), '--to', 'Sam'], dataDir).code).toBe(2);
    ok(['tasks', 'assign', String(tomTasks[0]!.id), '--helper', 'Sam (IT)'], dataDir);
    const after = json<{ id: number; assignee: string | null }[]>(ok(['tasks', '--json'], dataDir).stdout);
    expect(after.find((t) => t.id === tomTasks[0]!.id)!.assignee).toBe('Helper: Sam (IT)');

    // The reports say the same figures.
    for (const [kind, format] of [
      ['team', 'md'],
      ['attestation', 'md'],
      ['team', 'csv'],
    ] as const) {
      const out = join(dataDir, `report-${kind}.${format}`);
      ok(['report', kind, '--format', format, '--out', out], dataDir);
      const text = readFileSync(out, 'utf8');
      expect(text).toMatch(/Two-step sign-in on the main email account\W+1 of 3 people/);
      expect(text).toMatch(/Critical accounts with two-step sign-in\W+1 of 3/);
      expect(text).toMatch(/People with a reused password\W+0 of 3/);
    }
    expect(cli(['report', 'team', '--format', 'docx', '--out', join(dataDir, 'x')], dataDir).code).toBe(2);
  });

  it('prints PDFs with Chromium when it is installed, and says so plainly when it is not', () => {
    const dataDir = tempDir();
    ok(['people', 'add', 'Priya'], dataDir);
    const missing = cli(
      ['report', 'attestation', '--format', 'pdf', '--out', join(dataDir, 'a.pdf')],
      dataDir,
      {
        ...process.env,
        CHROMIUM_PATH: '/nowhere/chromium',
      },
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No PDF printer here.*Markdown or CSV/);
    expect(existsSync(join(dataDir, 'a.pdf'))).toBe(false);
    if (existsSync('/usr/bin/chromium')) {
      ok(['report', 'attestation', '--format', 'pdf', '--out', join(dataDir, 'a.pdf')], dataDir);
      expect(readFileSync(join(dataDir, 'a.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('imports a staff list, and never prints a control character from the data', () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'staff.csv');
    writeFileSync(
      file,
      'Name,Email,Role,Department\n"Evil\x1b[31mRed",evil@tea.example,Clerk,Shop\nBen,ben@tea.example,,Office\n,x@y.example,,\n',
    );
    const dry = json<{ created: number }>(
      ok(['people', 'import', file, '--dry-run', '--json'], dataDir).stdout,
    );
    expect(dry.created).toBe(2);
    expect(json<unknown[]>(ok(['people', '--json'], dataDir).stdout)).toHaveLength(1);
    const result = json<{ created: number; updated: number; skipped: { row: number; reason: string }[] }>(
      ok(['people', 'import', file, '--json'], dataDir).stdout,
    );
    expect(result).toEqual({ created: 2, updated: 0, skipped: [{ row: 3, reason: 'No name' }] });
    expect(
      json<{ created: number; updated: number }>(ok(['people', 'import', file, '--json'], dataDir).stdout),
    ).toMatchObject({
      created: 0,
      updated: 2,
    });
    const people = json<{ name: string }[]>(ok(['people', '--json'], dataDir).stdout);
    expect(people.map((p) => p.name)).toContain('Evil\x1b[31mRed');
    for (const args of [['people'], ['team'], ['tasks'], ['accounts']]) {
      const out = ok(args, dataDir).stdout;
      expect(out, args.join(' ')).not.toContain('\x1b');
    }
    expect(ok(['people'], dataDir).stdout).toContain('Evil\u241b[31mRed');
    const error = cli(['tasks', '--person', 'Nobody\x1b[2J'], dataDir);
    expect(error.code).toBe(2);
    expect(error.stderr).not.toContain('\x1b');
  });
});
