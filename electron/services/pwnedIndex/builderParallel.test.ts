import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setMessageLocale } from '../../../common/messages/format';
import { buildPwnedIndex, buildPwnedIndexFromStream, type BuildOptions, type CorpusChunk } from './builder';
import { parserApi } from './corpusParserSource';
import { COUNT_OF_CODE, encodeCount, EXACT_COUNT_LIMIT, PwnedIndexError, TABLE_OFFSET } from './format';
import { openPwnedIndex, verifyIndex } from './lookup';
import { corpusText, randomEntries, seeded, tempDirs, type CorpusEntry } from '../../testing/pwnedIndex';

// The parallel path: past `parallelAfterBytes`, workers parse the bulk of each chunk and the main
// thread stitches their results in order. These builds force it on small corpora (threshold 0,
// small chunks, so that batches, chunk boundaries and the workers' segments fall everywhere) and
// compare with the main thread alone reading the corpus in one piece (nothing to stitch) and in
// the same small chunks: the same index bytes, the same refusal (file, line, text).

const dirs = tempDirs();
afterEach(() => {
  dirs.cleanup();
  vi.restoreAllMocks();
  setMessageLocale('en');
});
const FIXED_NOW = () => new Date('2025-01-02T03:04:05.000Z');
/** The main thread alone; with the default chunk size, these small corpora are read in one piece. */
const ALONE: BuildOptions = { now: FIXED_NOW, parseWorkers: 0 };
const PARALLEL: BuildOptions = { now: FIXED_NOW, parseWorkers: 2, parallelAfterBytes: 0 };

/** Counts the batches handed to parse workers while `run` runs. */
async function batchesHandedOver<T>(run: () => Promise<T>): Promise<{ result: T; batches: number }> {
  const postMessage = vi.spyOn(Worker.prototype, 'postMessage');
  try {
    const result = await run();
    const batches = postMessage.mock.calls.filter(
      ([message]) => (message as { type?: unknown }).type === 'parse',
    ).length;
    return { result, batches };
  } finally {
    postMessage.mockRestore();
  }
}

/** The build's index bytes, or its error message. */
async function outcome(build: (out: string) => Promise<unknown>): Promise<string> {
  const dir = dirs.make();
  const out = join(dir, 'index.pwnedidx');
  try {
    await build(out);
    return readFileSync(out).toString('base64');
  } catch (error) {
    expect(error).toBeInstanceOf(PwnedIndexError);
    expect(readdirSync(dir)).toEqual([]);
    return `refused: ${(error as Error).message}`;
  }
}

/** Sorted entries where some neighbours share their first 17 digits (one record at 68 bits). */
function entriesWithCollisions(n: number, seed: number): CorpusEntry[] {
  const entries = randomEntries(n, seed);
  const random = seeded(seed + 1);
  for (let i = 1; i < entries.length; i += 1 + (random() % 40)) {
    const before = entries[i - 1]!.hash.toUpperCase();
    const rest = entries[i]!.hash.toUpperCase().slice(17);
    if (rest > before.slice(17)) entries[i] = { hash: before.slice(0, 17) + rest, count: entries[i]!.count };
  }
  return entries;
}

const line = (i: number) => `${i.toString(16).toUpperCase().padStart(40, '0')}:${(i % 500) + 1}`;

/** A corpus of `n` lines 1…n (CRLF), with line `at` (1-based) replaced by `bad` when given. */
function numbered(n: number, at?: number, bad?: string): string {
  return Array.from({ length: n }, (_, i) => (i + 1 === at ? bad! : line(i + 1))).join('\r\n') + '\r\n';
}

describe('the parallel build gives the index the main thread alone gives', () => {
  it('for random corpora in one file and in prefix files, however the stream is cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 256, max: 6000 }),
        fc.boolean(),
        async (seed, chunkBytes, finalNewline) => {
          const entries = entriesWithCollisions(200 + (seed % 3000), seed);
          const text = corpusText(entries, { eol: seed % 2 ? '\n' : '\r\n', finalNewline });
          const dir = dirs.make();
          const source = join(dir, 'pwned.txt');
          writeFileSync(source, text);
          const alone = await outcome((out) => buildPwnedIndex(source, out, ALONE));
          expect(alone).not.toMatch(/^refused/);
          expect(await outcome((out) => buildPwnedIndex(source, out, { ...ALONE, chunkBytes }))).toBe(alone);
          const { result: parallel, batches } = await batchesHandedOver(() =>
            outcome((out) => buildPwnedIndex(source, out, { ...PARALLEL, chunkBytes })),
          );
          expect(batches).toBeGreaterThan(0);
          expect(parallel).toBe(alone);

          // The same lines as a stream cut at random points, and as prefix files.
          const random = seeded(seed);
          const bytes = Buffer.from(text, 'latin1');
          const chunks: CorpusChunk[] = [];
          for (let from = 0; from < bytes.length;) {
            const length = 1 + (random() % (2 * chunkBytes));
            chunks.push({ file: 'pwned.txt', data: bytes.subarray(from, from + length) });
            from += length;
          }
          const streamed = await outcome((out) =>
            buildPwnedIndexFromStream(chunks, out, { ...PARALLEL, chunkBytes }),
          );
          expect(streamed).toBe(alone);

          const byPrefix = new Map<number, string[]>();
          for (const entry of entries) {
            const prefix = Number.parseInt(entry.hash.slice(0, 5), 16);
            byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), `${entry.hash.slice(5)}:${entry.count}`]);
          }
          const files: CorpusChunk[] = [...byPrefix].map(([prefix, lines]) => ({
            file: `${prefix.toString(16).padStart(5, '0')}.txt`,
            prefix,
            data: Buffer.from(lines.join('\r\n')),
          }));
          const prefixesAlone = await outcome((out) => buildPwnedIndexFromStream(files, out, ALONE));
          // The same records and table as the one file (the header says which layout it was).
          const body = (index: string) =>
            Buffer.from(index, 'base64').subarray(TABLE_OFFSET).toString('base64');
          expect(body(prefixesAlone)).toBe(body(alone));
          const prefixesParallel = await outcome((out) =>
            buildPwnedIndexFromStream(files, out, { ...PARALLEL, chunkBytes }),
          );
          expect(prefixesParallel).toBe(prefixesAlone);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('splits a stream chunk larger than the chunk size (one such chunk overflowed the records before)', async () => {
    const text = corpusText(randomEntries(320_000, 5), { eol: '\n' });
    const dir = dirs.make();
    writeFileSync(join(dir, 'pwned.txt'), text);
    const fromFile = join(dir, 'file.pwnedidx');
    await buildPwnedIndex(join(dir, 'pwned.txt'), fromFile, ALONE);
    for (const options of [ALONE, PARALLEL]) {
      const out = join(dir, 'stream.pwnedidx');
      const info = await buildPwnedIndexFromStream([{ file: 'pwned.txt', data: Buffer.from(text) }], out, {
        ...options,
        chunkBytes: 4096,
      });
      expect(info.entries).toBe(320_000);
      await expect(verifyIndex(out)).resolves.toEqual(info);
      expect(readFileSync(out).equals(readFileSync(fromFile))).toBe(true);
    }
  });

  it('counts encode as format.ts does (the parser carries its own copy of encodeCount)', () => {
    const counts = [0, 1, 2, 126, 127, 128, 129, 2 ** 31, 10 ** 15 - 1];
    for (let code = EXACT_COUNT_LIMIT + 1; code < 256; code += 1) {
      const bound = COUNT_OF_CODE[code]!;
      counts.push(bound - 1, bound, bound + 1);
    }
    for (const count of counts) expect(parserApi().encodeCount(count)).toBe(encodeCount(count));
  });
});

describe('the parallel build refuses what the main thread alone refuses, naming the same line', () => {
  const n = 3000;
  const kinds: [string, (at: number) => string, RegExp][] = [
    ['garbage', (at) => numbered(n, at, 'hello world'), /expected HASH:COUNT .*"hello world"/],
    ['an NTLM hash', (at) => numbered(n, at, '8846F7EAEE8FB117AD06BDD830B7586C:52579'), /NTLM/],
    ['an unsorted line', (at) => numbered(n, at, line(at - 2)), /hashes are not sorted/],
    ['a repeated hash', (at) => numbered(n, at, line(at - 1)), /appears twice in a row/],
    [
      'a count out of range',
      (at) => numbered(n, at, `${line(at).split(':')[0]}:1234567890123456`),
      /out of range/,
    ],
  ];

  for (const [kind, text, message] of kinds) {
    it(`${kind}, wherever it falls against chunks and batches`, async () => {
      const dir = dirs.make();
      const source = join(dir, 'pwned.txt');
      // Every position in a run of lines that spans a few chunks and batches, and both ends.
      const positions = [2, ...Array.from({ length: 12 }, (_, i) => 1770 + i), n];
      for (const at of positions) {
        writeFileSync(source, text(at));
        const alone = await outcome((out) => buildPwnedIndex(source, out, ALONE));
        expect(alone).toMatch(new RegExp(`pwned\\.txt: line ${at}: `));
        expect(alone).toMatch(message);
        expect(await outcome((out) => buildPwnedIndex(source, out, { ...ALONE, chunkBytes: 512 }))).toBe(
          alone,
        );
        const { result: parallel, batches } = await batchesHandedOver(() =>
          outcome((out) => buildPwnedIndex(source, out, { ...PARALLEL, chunkBytes: 512 })),
        );
        expect(batches).toBeGreaterThan(0);
        expect(parallel).toBe(alone);
      }
    });
  }

  it('a last line cut short, in a file and in a prefix file', async () => {
    const dir = dirs.make();
    const source = join(dir, 'pwned.txt');
    writeFileSync(source, numbered(n).slice(0, -25));
    const alone = await outcome((out) => buildPwnedIndex(source, out, ALONE));
    expect(alone).toMatch(new RegExp(`pwned\\.txt: line ${n}: the last line is cut short`));
    expect(await outcome((out) => buildPwnedIndex(source, out, { ...PARALLEL, chunkBytes: 512 }))).toBe(
      alone,
    );

    const suffixes = Array.from(
      { length: 2000 },
      (_, i) => `${i.toString(16).toUpperCase().padStart(35, '0')}:3`,
    );
    const chunks: CorpusChunk[] = [
      { file: '00001.txt', prefix: 1, data: Buffer.from(suffixes.join('\r\n').slice(0, -30)) },
      { file: '00002.txt', prefix: 2, data: Buffer.from(suffixes.join('\r\n')) },
    ];
    const prefixAlone = await outcome((out) =>
      buildPwnedIndexFromStream(chunks, out, { ...ALONE, chunkBytes: 700 }),
    );
    expect(prefixAlone).toMatch(/00001\.txt: line 2000: the last line is cut short/);
    expect(
      await outcome((out) => buildPwnedIndexFromStream(chunks, out, { ...PARALLEL, chunkBytes: 700 })),
    ).toBe(prefixAlone);
  });

  it('words a refusal found by a worker from the catalogue, as the main thread does', async () => {
    const dir = dirs.make();
    const source = join(dir, 'pwned.txt');
    writeFileSync(source, numbered(n, 1777, 'hello world'));
    setMessageLocale('pseudo');
    const alone = await outcome((out) => buildPwnedIndex(source, out, ALONE));
    const parallel = await outcome((out) => buildPwnedIndex(source, out, { ...PARALLEL, chunkBytes: 512 }));
    setMessageLocale('en');
    const english = await outcome((out) => buildPwnedIndex(source, out, ALONE));
    expect(parallel).toBe(alone);
    expect(parallel).not.toBe(english);
    expect(english).toMatch(/line 1777: expected HASH:COUNT/);
    expect(parallel).toContain('1777');
    expect(parallel).not.toMatch(/expected|found|line/);
  });

  it('the first refused line in file order, whichever batch a worker finishes first', async () => {
    const lines = numbered(n).split('\r\n');
    lines[399] = 'oops';
    lines[2599] = '8846F7EAEE8FB117AD06BDD830B7586C:52579';
    const text = lines.join('\r\n');
    const dir = dirs.make();
    const source = join(dir, 'pwned.txt');
    writeFileSync(source, text);
    for (const chunkBytes of [256, 2048, 50_000]) {
      const parallel = await outcome((out) => buildPwnedIndex(source, out, { ...PARALLEL, chunkBytes }));
      expect(parallel).toMatch(/pwned\.txt: line 400: expected HASH:COUNT .*"oops"/);
    }
    expect(await outcome((out) => buildPwnedIndex(source, out, ALONE))).toMatch(/line 400: expected/);
  });

  it('a bad line read just before a stream fails is what is reported', async () => {
    const text = Buffer.from(numbered(n, n - 3, 'oops'));
    async function* failing(): AsyncGenerator<CorpusChunk> {
      for (let from = 0; from < text.length; from += 1000)
        yield { file: 'pwned.txt', data: text.subarray(from, from + 1000) };
      throw new Error('the pipe broke');
    }
    for (const options of [ALONE, PARALLEL]) {
      const error = await buildPwnedIndexFromStream(failing(), join(dirs.make(), 'x.idx'), {
        ...options,
        chunkBytes: 1000,
      }).catch((caught: unknown) => caught);
      expect((error as Error).message).toMatch(
        new RegExp(`pwned\\.txt: line ${n - 3}: expected HASH:COUNT .*"oops"`),
      );
    }
  });
});

describe('an aborted parallel build', () => {
  it('leaves no temporary file, keeps the previous index and stops its workers', async () => {
    const dir = dirs.make();
    const source = join(dir, 'pwned.txt');
    const out = join(dir, 'index.pwnedidx');
    writeFileSync(source, corpusText(randomEntries(300, 1)));
    const info = await buildPwnedIndex(source, out, ALONE);
    const before = readFileSync(out);
    writeFileSync(source, corpusText(randomEntries(60_000, 2)));
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    const controller = new AbortController();
    let linesAtAbort = 0;
    const { result: aborted, batches } = await batchesHandedOver(() =>
      buildPwnedIndex(source, out, {
        ...PARALLEL,
        chunkBytes: 16_384,
        signal: controller.signal,
        onProgress: (lines) => {
          if (lines > 20_000 && !controller.signal.aborted) {
            linesAtAbort = lines;
            controller.abort(new Error('stopped by the user'));
          }
        },
      }).catch((caught: unknown) => caught),
    );
    expect((aborted as Error).message).toBe('stopped by the user');
    expect(linesAtAbort).toBeLessThan(60_000);
    expect(batches).toBeGreaterThan(0);
    expect(terminate).toHaveBeenCalledTimes(2);
    expect(readdirSync(dir).sort()).toEqual(['index.pwnedidx', 'pwned.txt']);
    expect(readFileSync(out).equals(before)).toBe(true);
    const index = await openPwnedIndex(out);
    expect(index.info).toEqual(info);
    await index.close();
  });
});
