import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuidesCli } from './cli';
import { importedGuidesDir, loadBundledGuides } from './guideStore';

const tempDir = () => mkdtempSync(join(tmpdir(), 'lockstep-guides-cli-'));
const bundledCount = loadBundledGuides().length;

/** Runs `guides …` in-process with captured output. */
async function guides(args: string[], dataDir = tempDir()) {
  let stdout = '';
  let stderr = '';
  const code = await runGuidesCli(args, {
    dataDir,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

const sample = {
  id: 'office-checklist',
  version: '1.0',
  title: 'Our office checklist',
  summary: 'What every new member of staff does in their first week.',
  category: 'business',
  audience: ['small_business'],
  estimatedMinutes: 5,
  steps: [
    {
      id: 'turn-on-mfa',
      title: 'Turn on two-step sign-in',
      why: 'A stolen password alone is then not enough.',
      instructions: ['Open the security settings and turn on two-step verification.'],
      estimatedMinutes: 5,
      sources: [{ label: 'CISA: Turn on MFA', url: 'https://www.cisa.gov/secure-our-world/turn-mfa' }],
    },
  ],
};

function writeGuide(value: unknown, name = 'guide.json'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

describe('guides CLI', () => {
  it('list --json prints every guide with its summary fields', async () => {
    const { code, stdout, stderr } = await guides(['list', '--json']);
    expect(code, stderr).toBe(0);
    const rows = JSON.parse(stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(bundledCount);
    expect(rows.find((row) => row.id === 'secure-main-email')).toMatchObject({
      version: '1.1',
      category: 'account_security',
      steps: 7,
      variants: ['microsoft', 'microsoft-work', 'google', 'apple', 'yahoo'],
      source: 'bundled',
    });
  });

  it('list prints one line per guide', async () => {
    const { code, stdout } = await guides(['list']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(bundledCount);
    expect(stdout).toMatch(
      /^exposed-pins {2}1\.0 {2}A PIN of yours was exposed \(3 steps, about 15 minutes\)$/m,
    );
  });

  it('validate exits 0 for a valid guide', async () => {
    const file = writeGuide(sample);
    const { code, stdout, stderr } = await guides(['validate', file]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(`${file}: valid guide office-checklist 1.0 (1 step)\n`);
  });

  it('validate exits 2 and prints the file and JSON path of every error', async () => {
    const broken = {
      ...sample,
      steps: [
        {
          ...sample.steps[0],
          links: [{ label: 'Old page', url: 'http://example.com' }],
          effects: [{ type: 'shell' }],
        },
      ],
    };
    const file = writeGuide(broken, 'broken.json');
    const { code, stderr } = await guides(['validate', file]);
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\$\\.steps\\[0\\]\\.links\\[0\\]\\.url: `,
        ),
      ),
      expect.stringContaining(`${file}: $.steps[0].effects[0].type: Unknown effect type "shell"`),
    ]);
    const json = await guides(['validate', file, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      file,
      ok: false,
      errors: [{ path: '$.steps[0].links[0].url' }, {}],
    });
  });

  it('validate exits 2 for a missing file or text that is not JSON', async () => {
    expect((await guides(['validate', join(tempDir(), 'nope.json')])).code).toBe(2);
    const file = join(tempDir(), 'notes.json');
    writeFileSync(file, 'not json');
    const { code, stderr } = await guides(['validate', file]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}: $: Not valid JSON`);
  });

  it('export prints the guide JSON; an unknown id exits 2', async () => {
    const { code, stdout } = await guides(['export', 'exposed-pins']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 'exposed-pins', version: '1.0' });
    const unknown = await guides(['export', 'nothing-here']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no guide with the id "nothing-here".');
  });

  it('import adds the guide to the data folder; list and export then include it', async () => {
    const dataDir = tempDir();
    const imported = await guides(['import', writeGuide(sample)], dataDir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Imported office-checklist 1.0');
    expect(readdirSync(importedGuidesDir(dataDir))).toEqual(['office-checklist.json']);
    const rows = JSON.parse((await guides(['list', '--json'], dataDir)).stdout) as {
      id: string;
      source: string;
    }[];
    expect(rows).toContainEqual(expect.objectContaining({ id: 'office-checklist', source: 'imported' }));
    const exported = await guides(['export', 'office-checklist'], dataDir);
    expect(JSON.parse(exported.stdout)).toMatchObject({
      id: 'office-checklist',
      title: 'Our office checklist',
    });
  });

  it('import exits 2 for an invalid guide, or one posing as a built-in guide, and writes nothing', async () => {
    const dataDir = tempDir();
    const invalid = await guides(['import', writeGuide({ ...sample, id: 'Not Kebab' })], dataDir);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('$.id:');
    const exported = (await guides(['export', 'exposed-pins'])).stdout;
    const copy = join(tempDir(), 'exposed-pins.json');
    writeFileSync(copy, exported);
    const conflict = await guides(['import', copy], dataDir);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toMatch(/built-in guide already uses the id "exposed-pins"/);
    expect(existsSync(importedGuidesDir(dataDir))).toBe(false);
  });

  it('exits 2 with the usage for a bad command line, and 0 for --help', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['list', '--colour'],
      ['validate'],
      ['export', 'a', 'b'],
      ['list', 'extra'],
    ]) {
      const { code, stderr } = await guides(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toContain('Usage: guides <command>');
    }
    const help = await guides(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: guides <command>');
  });

  it('exits 1 on an internal error', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'guides'), 'a file where the guides folder should be');
    const { code, stderr } = await guides(['list'], dataDir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Internal error: /);
  });
});
