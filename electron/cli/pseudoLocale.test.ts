// The command line in the pseudo-locale (LOCKSTEP_PSEUDO_LOCALE=1): every word it writes for people
// comes from the catalogue, so none is left in plain English — only the person's data (names,
// addresses, domains) and the program's name, which are kept as they are.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
let CLI = '';
beforeAll(async () => {
  const { ensureCli } = (await import(pathToFileURL(join(ROOT, 'scripts/buildCli.mjs')).href)) as {
    ensureCli: (root: string) => Promise<string>;
  };
  CLI = await ensureCli(ROOT);
});

function cli(args: string[], dataDir: string, pseudo = true) {
  const result = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOCKSTEP_PSEUDO_LOCALE: pseudo ? '1' : '' },
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** What the commands below were given, and the program's name: data, shown as it is. */
const DATA = [
  'sam@example.com',
  'mail.example.com',
  'example.com',
  'Sam Lee',
  'Office',
  'not-an-address',
  'frobnicate',
  'lockstep:',
];

/** The files the import test makes, and the export format it names: data, shown as it is. */
const FILE_DATA = [
  'vault',
  'csv',
  'empty',
  'notes',
  'letter',
  'txt',
  'bad',
  'guide',
  'json',
  'not',
  'backup',
  'sqlite',
  'Bitwarden',
  'CSV',
  'Example',
  'Wifi',
  'archive',
  'pst',
  // The guide file's fields the refusal names (at their JSON paths and in "Missing required field
  // "title""): the guide format's words, which an author types as they are.
  'id',
  'version',
  'title',
  'summary',
  'category',
  'audience',
  'estimatedMinutes',
  'steps',
];

/** The runs of two or more plain (unaccented) letters left once the data is taken out. */
function plainWords(text: string): string[] {
  let rest = text;
  for (const value of DATA) rest = rest.split(value).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('the command line in the pseudo-locale', { timeout: 120_000 }, () => {
  it('writes no plain English word besides the data, in output and in errors', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-pseudo-'));
    const runs: [string[], number][] = [
      [['people', 'add', 'Sam Lee', '--email', 'sam@example.com', '--group', 'Office'], 0],
      [['people'], 0],
      [
        [
          'accounts',
          'add',
          '--person',
          'Sam Lee',
          '--url',
          'https://mail.example.com',
          '--category',
          'email',
        ],
        0,
      ],
      [['accounts'], 0],
      [['team'], 0],
      [['tasks'], 0],
      [['findings'], 0],
      [['history', 'verify'], 0],
      [['breaches', 'search', 'zzzzqq'], 0],
      [['notices', 'list'], 0],
      [['emails', 'add', 'not-an-address'], 2],
      [['people', 'add', 'Sam Lee'], 2],
      [['frobnicate'], 2],
    ];
    for (const [args, code] of runs) {
      const { code: exit, out } = cli(args, dataDir);
      expect(exit, `${args.join(' ')}: ${out}`).toBe(code);
      expect(out.trim(), args.join(' ')).not.toBe('');
      expect(plainWords(out), `${args.join(' ')}:\n${out}`).toEqual([]);
    }
    // The same commands in English do write words: the check above can fail.
    expect(plainWords(cli(['people'], dataDir, false).out)).toContain('accounts');
  });

  it('words an import, its skipped rows and the refusals of the import, mail-scan, guide and backup services', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-pseudo-'));
    const files = mkdtempSync(join(tmpdir(), 'lockstep-pseudo-files-'));
    const file = (name: string, text: string) => {
      const path = join(files, name);
      writeFileSync(path, text);
      return path;
    };
    const vault = file(
      'vault.csv',
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n' +
        ',,login,Example,,,0,https://example.com,sam@example.com,letmein,\n' +
        ',,note,Wifi,the wifi code,,0,,,,\n',
    );
    const runs: [string[], number][] = [
      [['import', vault, '--offline'], 0],
      // The tables of what to fix: their kinds, severities and statuses are words too.
      [['tasks'], 0],
      [['findings'], 0],
      [['import', file('empty.csv', ''), '--offline'], 2],
      [
        [
          'import',
          file(
            'notes.csv',
            'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n,,note,Wifi,x,,0,,,,\n',
          ),
          '--offline',
        ],
        2,
      ],
      [['mail', 'scan', file('letter.txt', 'hello there, this is no mailbox\n')], 2],
      [['guides', 'import', file('bad-guide.json', '{"id": 1}')], 2],
      [['mail', 'scan', file('archive.pst', 'not really Outlook')], 2],
      [['backup', 'restore', file('not-a-backup.sqlite', 'nothing to see')], 2],
    ];
    for (const [args, code] of runs) {
      const { code: exit, out } = cli(args, dataDir);
      const shown = args.map((arg) => arg.replace(`${files}/`, '')).join(' ');
      expect(exit, `${shown}: ${out}`).toBe(code);
      expect(out.trim(), shown).not.toBe('');
      // A guide file's problems ("bad-guide.json: $.title: …") are the catalogue's words too.
      const words = plainWords(out.split(files).join(' ')).filter((word) => !FILE_DATA.includes(word));
      expect(words, `${shown}:\n${out}`).toEqual([]);
    }
  });

  it('keeps the data as it is, and chooses the same branches as English', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-pseudo-'));
    cli(['people', 'add', 'Sam Lee', '--email', 'sam@example.com', '--group', 'Office'], dataDir);
    const people = cli(['people'], dataDir).out;
    // Sam's line names the group and the address (a select on "has a group" took the same branch).
    expect(people).toMatch(/^\[Sam Lee \[Office\]: 0 áççöûñţš; sam@example\.com~+\]$/m);
  });

  it('answers --help in the pseudo-locale too (the fast path reads the usage words without ICU)', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LOCKSTEP_PSEUDO_LOCALE: '1' },
    });
    expect(help.status).toBe(0);
    expect(help.stdout.startsWith('[Ûšáĝé:~~~] npm run -s cli -- <command> [options]')).toBe(true);
    expect(help.stdout).toContain('[Ļîšţ áççöûñţš ŵîţĥ ţĥéîŕ þáššŵöŕð šîĝñáļš');
  });
});
