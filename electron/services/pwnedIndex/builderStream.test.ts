import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPwnedIndex, buildPwnedIndexFromStream, type CorpusChunk } from './builder';
import { BUCKETS, PwnedIndexError, storedCount } from './format';
import { openPwnedIndex } from './lookup';
import {
  corpusText,
  randomEntries,
  scanCorpus,
  tempDirs,
  writeCorpusDirectory,
  type CorpusEntry,
} from '../../testing/pwnedIndex';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const FIXED_NOW = () => new Date('2025-01-02T03:04:05.000Z');

/** `text` cut at the given points (sorted, deduplicated), as one file's chunks. */
function cut(file: string, text: string, points: readonly number[], prefix?: number): CorpusChunk[] {
  const bytes = Buffer.from(text, 'latin1');
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: CorpusChunk[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    chunks.push({ file, prefix, data: new Uint8Array(bytes.subarray(from, to)) });
    from = to;
  }
  return chunks;
}

/** The range API's answer for each prefix: `SUFFIX:COUNT` lines, CRLF between, none after the last. */
function prefixFiles(entries: readonly CorpusEntry[]): Map<number, string> {
  const files = new Map<number, string[]>();
  for (const entry of entries) {
    const prefix = Number.parseInt(entry.hash.slice(0, 5), 16);
    files.set(prefix, [...(files.get(prefix) ?? []), `${entry.hash.slice(5)}:${entry.count}`]);
  }
  return new Map([...files].map(([prefix, lines]) => [prefix, lines.join('\r\n')]));
}

const name = (prefix: number) => `${prefix.toString(16).toUpperCase().padStart(5, '0')}.txt`;

/** The chunks as an async source that makes the builder wait now and then, as a pipe does. */
async function* slowly(chunks: readonly CorpusChunk[]): AsyncGenerator<CorpusChunk> {
  for (const [i, chunk] of chunks.entries()) {
    if (i % 16 === 0) await new Promise((resolve) => setImmediate(resolve));
    yield chunk;
  }
}

async function streamError(chunks: readonly CorpusChunk[]): Promise<PwnedIndexError> {
  const dir = dirs.make();
  const error = await buildPwnedIndexFromStream(chunks, join(dir, 'index.pwnedidx')).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PwnedIndexError);
  expect((error as PwnedIndexError).code).toBe('bad-source');
  expect(readdirSync(dir)).toEqual([]);
  return error as PwnedIndexError;
}

describe('buildPwnedIndexFromStream: the same index as from files', () => {
  const entries = randomEntries(3000, 21);
  const text = corpusText(entries);

  it('for the single-file layout, however the stream is cut', async () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'pwned.txt'), text);
    const fromFile = join(dir, 'file.pwnedidx');
    await buildPwnedIndex(join(dir, 'pwned.txt'), fromFile, { now: FIXED_NOW });
    const reference = readFileSync(fromFile);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 30 }), fc.boolean(), async (points, async) => {
        const out = join(dir, 'stream.pwnedidx');
        const chunks = cut('pwned.txt', text, points);
        const info = await buildPwnedIndexFromStream(async ? slowly(chunks) : chunks, out, {
          now: FIXED_NOW,
        });
        expect(info).toMatchObject({ source: 'file', sourceLines: 3000, entries: 3000, missingPrefixes: 0 });
        expect(readFileSync(out).equals(reference)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('for the directory layout (prefix files as the range API answers them, cut anywhere)', async () => {
    const dir = dirs.make();
    const files = prefixFiles(entries);
    writeCorpusDirectory(join(dir, 'corpus'), entries, { finalNewline: false });
    const fromFolder = join(dir, 'folder.pwnedidx');
    await buildPwnedIndex(join(dir, 'corpus'), fromFolder, { now: FIXED_NOW });
    const chunks = [...files].flatMap(([prefix, body], i) =>
      cut(name(prefix), body, [i * 7, i * 13], prefix),
    );
    const progress: number[][] = [];
    const out = join(dir, 'stream.pwnedidx');
    const info = await buildPwnedIndexFromStream(slowly(chunks), out, {
      now: FIXED_NOW,
      chunkBytes: 4096,
      onProgress: (...args) => progress.push(args),
    });
    expect(info).toMatchObject({ source: 'directory', entries: 3000, missingPrefixes: BUCKETS - files.size });
    expect(readFileSync(out).equals(readFileSync(fromFolder))).toBe(true);
    // Progress: bytes done, the total unknown (0) until the end.
    const bytes = [...files.values()].reduce((sum, body) => sum + body.length, 0);
    expect(progress[0]).toEqual([0, 0, 0]);
    expect(progress.at(-1)).toEqual([3000, bytes, bytes]);
    const queries = entries.slice(0, 50).map((entry) => entry.hash);
    const index = await openPwnedIndex(out);
    const scan = scanCorpus(text);
    expect([...(await index.lookupHashes(queries)).values()]).toEqual(
      queries.map((hash) => storedCount(scan.get(hash)!)),
    );
    await index.close();
  });

  it('takes an empty prefix file (counted as present) and a stream of byte-sized chunks', async () => {
    const dir = dirs.make();
    const one = entries[0]!;
    const prefix = Number.parseInt(one.hash.slice(0, 5), 16);
    const chunks: CorpusChunk[] = [
      { file: '00000.txt', prefix: 0, data: new Uint8Array(0) },
      ...[...Buffer.from(`${one.hash.slice(5)}:${one.count}`)].map((byte) => ({
        file: name(prefix),
        prefix,
        data: Uint8Array.of(byte),
      })),
    ];
    const info = await buildPwnedIndexFromStream(chunks, join(dir, 'out.idx'));
    expect(info).toMatchObject({ entries: 1, missingPrefixes: BUCKETS - 2, source: 'directory' });
  });
});

describe('buildPwnedIndexFromStream: what it refuses', () => {
  const body = (hash: string, count = 1) => `${hash}:${count}\r\n`;

  it('prefix files out of order or twice, a mix of layouts, two single files, a bad prefix, nothing', async () => {
    const a = { file: '00002.txt', prefix: 2, data: Buffer.from(body('0'.repeat(35))) };
    const b = { file: '00001.txt', prefix: 1, data: Buffer.from(body('0'.repeat(35))) };
    expect((await streamError([a, b])).message).toMatch(/00001\.txt: prefix 00001 comes after 00002/);
    expect((await streamError([b, a, { ...b }])).message).toMatch(/prefix 00001 comes after 00002/);
    const single = { file: 'pwned.txt', data: Buffer.from(body('F'.repeat(40))) };
    expect((await streamError([b, single])).message).toMatch(/either one file or prefix files, not both/);
    expect((await streamError([single, b])).message).toMatch(/either one file or prefix files, not both/);
    expect((await streamError([single, { ...single, file: 'more.txt' }])).message).toMatch(
      /single-file corpus is one file/,
    );
    for (const prefix of [-1, BUCKETS, 1.5])
      expect((await streamError([{ ...b, prefix }])).message).toMatch(/is not a 5-hex prefix/);
    expect((await streamError([])).message).toMatch(/held no file/);
  });

  it('bad lines, named by the stream file name and line, across chunk boundaries', async () => {
    const text = `${body('1'.repeat(40))}${body('2'.repeat(40))}hello world\r\n`;
    const error = await streamError(cut('download.txt', text, [45, 90, 91]));
    expect(error.message).toMatch(/download\.txt: line 3: expected HASH:COUNT/);
    const unsorted = await streamError(
      cut('download.txt', `${body('2'.repeat(40))}${body('1'.repeat(40))}`, [50]),
    );
    expect(unsorted.message).toMatch(/line 2: hashes are not sorted/);
    // A prefix file whose last line is cut short: the next file's start ends it.
    const cutShort = await streamError([
      { file: '00001.txt', prefix: 1, data: Buffer.from('0'.repeat(30)) },
      { file: '00002.txt', prefix: 2, data: Buffer.from(body('0'.repeat(35))) },
    ]);
    expect(cutShort.message).toMatch(/00001\.txt: line 1: the last line is cut short/);
  });

  it('a failing source or an abort keeps the previous index', async () => {
    const dir = dirs.make();
    const out = join(dir, 'index.pwnedidx');
    await buildPwnedIndexFromStream(cut('a.txt', corpusText(randomEntries(100, 5)), []), out);
    const before = readFileSync(out);
    async function* failing(): AsyncGenerator<CorpusChunk> {
      yield* cut('a.txt', corpusText(randomEntries(1000, 6)), [5000]).slice(0, 1);
      throw new Error('the pipe broke');
    }
    await expect(buildPwnedIndexFromStream(failing(), out)).rejects.toThrow('the pipe broke');
    const controller = new AbortController();
    const aborted = buildPwnedIndexFromStream(
      slowly(cut('a.txt', corpusText(randomEntries(1000, 7)), [9000, 20000])),
      out,
      {
        chunkBytes: 4096,
        signal: controller.signal,
        onProgress: (lines) => {
          if (lines > 0) controller.abort(new Error('stopped by the user'));
        },
      },
    );
    await expect(aborted).rejects.toThrow('stopped by the user');
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['index.pwnedidx']);
  });
});
