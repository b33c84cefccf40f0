import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listingOf } from './index';

describe('which command lines the accounts listing answers alone', () => {
  it('answers `accounts` with --json and --data-dir in any order and form', () => {
    expect(listingOf(['accounts', '--json', '--data-dir', '/d'])).toEqual({ dataDir: '/d', json: true });
    expect(listingOf(['--data-dir=/d', 'accounts'])).toEqual({ dataDir: '/d', json: false });
    expect(listingOf(['accounts', '--json', '--data-dir', '/a', '--data-dir', '/b'])).toEqual({
      dataDir: '/b',
      json: true,
    });
    expect(listingOf(['accounts'])?.dataDir).toEqual(expect.any(String));
  });

  it('leaves everything else to the full command line, which parses and reports it', () => {
    for (const argv of [
      ['accounts', 'add', '--person', 'Ana', '--url', 'https://x.example'],
      ['accounts', '--as', 'Helper'],
      ['accounts', '--offline'],
      ['accounts', '--data-dir'],
      ['accounts', '--json=yes'],
      ['accounts', '--help'],
      ['accounts', '-h'],
      ['accounts', '--', '--json'],
      ['people', '--json'],
      ['--json'],
      [],
    ])
      expect([argv, listingOf(argv)]).toEqual([argv, null]);
  });
});

describe('what the accounts listing loads', () => {
  it('reaches neither the services nor zod, tldts or the datasets through static imports', async () => {
    // The commands bundle evaluates a module when something imports it statically, and the rest
    // (commands.ts and all it needs) only through import(): the listing's speed rests on this graph.
    const { build } = await import('esbuild');
    const { metafile } = await build({
      entryPoints: [join(import.meta.dirname, 'index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3'],
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const root = relative(process.cwd(), join(import.meta.dirname, 'index.ts'));
    const reached = new Set<string>([root]);
    const queue = [root];
    while (queue.length > 0) {
      for (const imported of metafile.inputs[queue.shift()!]?.imports ?? []) {
        if (imported.kind === 'dynamic-import' || reached.has(imported.path)) continue;
        reached.add(imported.path);
        queue.push(imported.path);
      }
    }
    expect(reached.size).toBeGreaterThan(10);
    expect(reached).toContain('electron/services/dataReader.ts');
    expect(
      [...reached].filter((path) =>
        /node_modules\/(zod|tldts|papaparse|fast-xml-parser)\/|electron\/services\/core\.ts|electron\/cli\/commands\.ts|common\/content\/datasets\.ts/.test(
          path,
        ),
      ),
    ).toEqual([]);
    // The rest is there, behind import().
    expect(Object.keys(metafile.inputs)).toContain('electron/cli/commands.ts');
  });
});
