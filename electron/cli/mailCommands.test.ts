import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_KINDS, forbiddenForms, plantedMailbox } from '../testing/plantedMailbox';

const ROOT = resolve(import.meta.dirname, '../..');
let CLI = '';
beforeAll(async () => {
  const { ensureCli } = (await import(pathToFileURL(join(ROOT, 'scripts/buildCli.mjs')).href)) as {
    ensureCli: (root: string) => Promise<string>;
  };
  CLI = await ensureCli(ROOT);
}, 60_000);

function cli(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const tempDir = () => mkdtempSync(join(tmpdir(), 'lockstep-cli-mail-'));

const mailbox = plantedMailbox();
const mailDir = tempDir();
const mbox = join(mailDir, 'Takeout.mbox');
writeFileSync(mbox, mailbox.mbox);

describe('mail scan', () => {
  it('prints the contract’s JSON, finds every kind, and `findings --json` holds the same results', () => {
    const dataDir = tempDir();
    const csv = 'name,url,username,password\nGitHub,https://github.com/login,ann,Unrelated-Pass-2024\n';
    writeFileSync(join(mailDir, 'export.csv'), csv);
    expect(cli(['import', join(mailDir, 'export.csv'), '--format', 'chrome-csv'], dataDir).code).toBe(0);

    const run = cli(['mail', 'scan', mbox, '--json'], dataDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      messages: number;
      bytes: number;
      undecodable: number;
      findings: Record<string, unknown>[];
    };
    expect(Object.keys(json)).toEqual(['messages', 'bytes', 'undecodable', 'findings']);
    expect(json).toMatchObject({ messages: mailbox.messages, bytes: statSync(mbox).size, undecodable: 0 });
    for (const finding of json.findings) {
      expect(Object.keys(finding)).toEqual(['kind', 'count', 'firstSeen', 'lastSeen', 'account']);
      expect(finding.firstSeen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Each kind of the contract, in each of the five encodings.
    const byKind = (kind: string) => json.findings.filter((f) => f.kind === kind);
    for (const kind of CONTRACT_KINDS) expect(byKind(kind).length, kind).toBeGreaterThanOrEqual(5);
    expect(byKind('github_token').every((f) => f.account === 'github.com')).toBe(true);
    expect(byKind('aws_access_key').every((f) => f.account === 'aws.amazon.com')).toBe(true);
    expect(byKind('payment_card').every((f) => f.account === null)).toBe(true);
    expect(json.findings.length).toBe(mailbox.plants.length);

    const findings = (
      JSON.parse(cli(['findings', '--json'], dataDir).stdout) as {
        kind: string;
        accountIds: number[];
        evidence: Record<string, unknown>;
      }[]
    ).filter((f) => f.kind === 'mail_secret');
    const shape = (f: Record<string, unknown>) =>
      JSON.stringify([f.kind, f.count, f.firstSeen, f.lastSeen, f.account]);
    expect(findings.map((f) => shape(f.evidence)).sort()).toEqual(json.findings.map(shape).sort());
    const github = findings.filter((f) => f.evidence.kind === 'github_token');
    expect(github.every((f) => f.accountIds.length === 1)).toBe(true);

    // Tasks for them, in the same data.
    const tasks = JSON.parse(cli(['tasks', '--json'], dataDir).stdout) as { kind: string; title: string }[];
    expect(tasks.filter((t) => t.kind === 'rotate_secret').length).toBeGreaterThan(40);

    // Human output names the file only, and what it looked for.
    const human = cli(['mail', 'scan', mbox], dataDir);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`Read ${mailbox.messages} messages`);
    expect(human.stdout).toContain('in Takeout.mbox for Me.');
    expect(human.stdout).toContain('Looked for: Password or login details,');
    expect(human.stdout).not.toContain(mailDir);

    // No secret at rest, in any file of the data folder, in any of its forms.
    const forms = forbiddenForms(mailbox.plants);
    for (const file of readdirSync(dataDir)) {
      if (statSync(join(dataDir, file)).isDirectory()) continue;
      const bytes = readFileSync(join(dataDir, file));
      for (const form of forms) {
        expect(bytes.includes(Buffer.from(form, 'utf8')), `${file} holds ${form}`).toBe(false);
        expect(bytes.includes(Buffer.from(form, 'utf16le')), `${file} holds ${form}`).toBe(false);
      }
    }
  });

  it('refuses what it cannot scan with exit 2 and what to do, and records nothing', () => {
    const dataDir = tempDir();
    const pst = join(mailDir, 'Outlook.pst');
    writeFileSync(pst, 'not a real pst');
    const outlook = cli(['mail', 'scan', pst], dataDir);
    expect(outlook.code).toBe(2);
    expect(outlook.stderr).toMatch(/\.eml or mbox/);
    expect(cli(['mail', 'scan', join(mailDir, 'nothing-here')], dataDir).code).toBe(2);
    expect(cli(['mail', 'scan'], dataDir).code).toBe(2);
    expect(cli(['mail', 'scan', mbox, '--person', 'Nobody'], dataDir).code).toBe(2);
    const findings = JSON.parse(cli(['findings', '--json'], dataDir).stdout) as unknown[];
    expect(findings).toEqual([]);
  });
});

describe('notices', () => {
  it('records a notice from a script; the finding lists every account of the family it concerns', () => {
    const dataDir = tempDir();
    const csv = [
      'name,url,username,password',
      'Outlook,https://outlook.live.com/,ann@hotmail.com,Kestrel-88-pass',
      'Xbox,https://www.xbox.com/,ann@hotmail.com,Osprey-42-pass',
      'Work,https://login.microsoftonline.com/,ann@contoso.com,Heron-17-pass',
      'Dropbox,https://www.dropbox.com/,ann@example.org,Swift-99-pass',
    ].join('\n');
    writeFileSync(join(mailDir, 'ms.csv'), csv);
    expect(cli(['import', join(mailDir, 'ms.csv'), '--format', 'chrome-csv'], dataDir).code).toBe(0);

    // Bad input: refused, nothing written.
    expect(cli(['notices', 'add', '--provider', 'microsoft.com'], dataDir).code).toBe(2);
    expect(cli(['notices', 'add', '--provider', 'microsoft.com', '--date', '2024-02-30'], dataDir).code).toBe(
      2,
    );
    expect(cli(['notices', 'add', '--provider', 'microsoft.com', '--date', '2999-01-01'], dataDir).code).toBe(
      2,
    );
    expect(cli(['notices', 'add', '--provider', 'not a domain', '--date', '2024-03-20'], dataDir).code).toBe(
      2,
    );
    expect(
      cli(
        ['notices', 'add', '--provider', 'microsoft.com', '--date', '2024-03-20', '--email', 'nope'],
        dataDir,
      ).code,
    ).toBe(2);
    expect(JSON.parse(cli(['notices', 'list', '--json'], dataDir).stdout)).toEqual([]);

    const added = cli(
      [
        'notices',
        'add',
        '--provider',
        'microsoft.com',
        '--date',
        '2024-03-20',
        '--email',
        'ann@hotmail.com',
        '--json',
      ],
      dataDir,
    );
    expect(added.code).toBe(0);
    const notice = JSON.parse(added.stdout) as {
      provider: string;
      domains: string[];
      email: string;
      finding: { severity: string; status: string; emails: string[] };
      accounts: { service: string; domain: string }[];
    };
    expect(notice).toMatchObject({
      provider: 'Microsoft',
      domains: ['microsoft.com'],
      receivedOn: '2024-03-20',
      email: 'ann@hotmail.com',
      finding: { severity: 'critical', status: 'open', emails: ['ann@hotmail.com'] },
    });
    expect(notice.accounts.map((a) => a.service)).toEqual(['Outlook', 'Xbox', 'Work']);
    expect(JSON.parse(cli(['notices', 'list', '--json'], dataDir).stdout)).toEqual([notice]);
    // The address was added to the person.
    const people = JSON.parse(cli(['people', '--json'], dataDir).stdout) as { emails: string[] }[];
    expect(people[0]!.emails).toContain('ann@hotmail.com');
    expect(cli(['notices', 'list'], dataDir).stdout).toMatch(
      /^#1 Microsoft \(microsoft\.com\), 2024-03-20, Me: critical; concerns Outlook/,
    );
  });
});
