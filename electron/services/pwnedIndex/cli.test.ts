import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runPwnedIndexCli, splitLines } from './cli';
import { storedCount } from './format';
import { format } from '../../../common/messages/format';
import {
  corpusText,
  randomEntries,
  sortEntries,
  tempDirs,
  writeCorpusDirectory,
} from '../../testing/pwnedIndex';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();

async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runPwnedIndexCli(argv, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

function corpus() {
  const dir = dirs.make();
  const entries = sortEntries([
    ...randomEntries(300, 2),
    { hash: sha1('password'), count: 1000 },
    { hash: sha1('letmein'), count: 7 },
  ]);
  const source = join(dir, 'pwned-passwords.txt');
  writeFileSync(source, corpusText(entries));
  return { dir, source, entries };
}

describe('pwned-index CLI', () => {
  it('build writes SOURCE.pwnedidx by default and reports on stdout, progress on stderr', async () => {
    const { dir, source } = corpus();
    const result = await run(['build', source]);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'pwned-passwords.pwnedidx'))).toBe(true);
    expect(result.stdout).toMatch(
      /^Built .*pwned-passwords\.pwnedidx\n {2}entries: 302 \(from 302 source lines\)/,
    );
    expect(result.stdout).toMatch(/key: 68 bits; false-positive rate 1\.0e-18 per lookup/);
    expect(result.stderr).toMatch(/pwned-index: 100% \(302 lines\)/);

    const json = await run(['build', source, '--out', join(dir, 'other.idx'), '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ out: join(dir, 'other.idx'), entries: 302, keyBits: 68 });
  });

  it('build from a directory warns about missing prefixes', async () => {
    const dir = dirs.make();
    writeCorpusDirectory(join(dir, 'corpus'), randomEntries(20, 3));
    const result = await run(['build', join(dir, 'corpus'), '--out', join(dir, 'x.idx')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: 1,048,55\d of the 1,048,576 prefix files are missing/);
  });

  it('check prints one count per line, from stdin or a file, or a JSON summary', async () => {
    const { dir, source } = corpus();
    const index = join(dir, 'index.pwnedidx');
    expect((await run(['build', source, '--out', index])).code).toBe(0);
    const fromStdin = await run(['check', index], 'password\r\nnot-in-it\nletmein\npassword\n');
    expect(fromStdin).toMatchObject({
      code: 0,
      stdout: `${storedCount(1000)}\n0\n7\n${storedCount(1000)}\n`,
    });
    const list = join(dir, 'passwords.txt');
    writeFileSync(list, '\uFEFFletmein\n\nzzz');
    expect(await run(['check', index, '--passwords-file', list])).toMatchObject({
      code: 0,
      stdout: '7\n0\n0\n',
    });
    const json = await run(['check', index, '--json'], 'password\nnope\nnope\n');
    expect(JSON.parse(json.stdout)).toMatchObject({
      passwords: 3,
      distinct: 2,
      found: 1,
      counts: [storedCount(1000), 0, 0],
      index: { entries: 302, version: 1 },
    });
    expect(json.stdout).not.toContain('nope'); // no password is echoed
  });

  it('verify reads the whole index', async () => {
    const { dir, source } = corpus();
    const index = join(dir, 'index.pwnedidx');
    await run(['build', source, '--out', index]);
    expect(await run(['verify', index])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/is intact: 302 entries/),
    });
  });

  it('exits 2 with "offline corpus unavailable" for a missing or damaged index, never printing counts', async () => {
    const dir = dirs.make();
    const missing = await run(['check', join(dir, 'none.idx')], 'password\n');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/Offline corpus unavailable: there is no index at/);
    writeFileSync(join(dir, 'bad.idx'), 'garbage');
    const damaged = await run(['check', join(dir, 'bad.idx')], 'password\n');
    expect(damaged).toMatchObject({ code: 2, stdout: '' });
    expect(damaged.stderr).toMatch(/Offline corpus unavailable: .* too short/);
  });

  it('exits 2 for an unusable corpus and for bad arguments', async () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'ntlm.txt'), '8846F7EAEE8FB117AD06BDD830B7586C:52579\r\n');
    const ntlm = await run(['build', join(dir, 'ntlm.txt')]);
    expect(ntlm.code).toBe(2);
    expect(ntlm.stderr).toMatch(/ntlm\.txt: line 1: this is an NTLM hash/);
    expect(existsSync(join(dir, 'ntlm.pwnedidx'))).toBe(false);
    expect((await run([])).code).toBe(2);
    expect((await run(['frobnicate', 'x'])).stderr).toContain(
      format('cli.unknownSubcommand', { command: 'frobnicate' }),
    );
    expect((await run(['build'])).stderr).toMatch(/build: missing SOURCE/);
    expect((await run(['check', 'x', '--bogus'])).code).toBe(2);
    expect((await run(['check', 'x', '--out', 'y'])).code).toBe(2);
    expect(
      (await run(['check', join(dir, 'ntlm.txt'), '--passwords-file', join(dir, 'none')])).stderr,
    ).toContain(format('cli.cannotRead', { file: join(dir, 'none'), code: 'ENOENT' }));
    expect(await run(['--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: pwned-index/),
    });
  });

  it('splits password lists on LF and CRLF without inventing a last empty password', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\n\nb')).toEqual(['a', '', 'b']);
    expect(splitLines(' spaced \n')).toEqual([' spaced ']);
  });
});
