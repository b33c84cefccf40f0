import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPwnedIndex } from './builder';
import { BUCKETS, PwnedIndexError, RECORD_BYTES, RECORDS_OFFSET, storedCount } from './format';
import { openPwnedIndex, verifyIndex } from './lookup';
import {
  corpusText,
  randomEntries,
  randomHash,
  scanCorpus,
  seeded,
  sortEntries,
  tempDirs,
  writeCorpusDirectory,
  type CorpusEntry,
} from '../../testing/pwnedIndex';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const FIXED_NOW = () => new Date('2025-01-02T03:04:05.000Z');

/** Looks `hashes` up in the index at `path`. */
async function lookUp(path: string, hashes: readonly string[]): Promise<Map<string, number>> {
  const index = await openPwnedIndex(path);
  try {
    return await index.lookupHashes(hashes);
  } finally {
    await index.close();
  }
}

/** What the index must answer for each query: the scan's count, as the index stores it. */
function expected(scan: Map<string, number>, hashes: readonly string[]): Map<string, number> {
  return new Map(hashes.map((hash) => [hash, storedCount(scan.get(hash.toUpperCase()) ?? 0)]));
}

async function buildFromText(text: string, options: Parameters<typeof buildPwnedIndex>[2] = {}) {
  const dir = dirs.make();
  const source = join(dir, 'pwned.txt');
  writeFileSync(source, text);
  const out = join(dir, 'index.pwnedidx');
  const info = await buildPwnedIndex(source, out, { now: FIXED_NOW, ...options });
  return { dir, source, out, info };
}

async function buildError(text: string | ((dir: string) => string)): Promise<PwnedIndexError> {
  const dir = dirs.make();
  let source: string;
  if (typeof text === 'string') {
    source = join(dir, 'pwned.txt');
    writeFileSync(source, text);
  } else source = text(dir);
  const error = await buildPwnedIndex(source, join(dir, 'index.pwnedidx')).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PwnedIndexError);
  expect((error as PwnedIndexError).code).toBe('bad-source');
  expect(readdirSync(dir).some((name) => name.includes('pwnedidx'))).toBe(false);
  return error as PwnedIndexError;
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
/** The same hash with its 17th digit, the last one an index keeps, changed. */
const nearMiss = (hash: string) => hash.slice(0, 16) + (hash[16] === '0' ? '1' : '0') + hash.slice(17);
/** A few prefixes many hashes share, so buckets hold several entries and long common prefixes. */
const SHARED = ['00000', '0000000000000000', 'ABCDE', 'ABCDEF0123456789', 'FFFFF', '7777777777777777A'];

const entryArbitrary = fc
  .record({
    shared: fc.integer({ min: -1, max: SHARED.length - 1 }),
    bytes: fc.uint8Array({ minLength: 20, maxLength: 20 }),
    count: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 400_000_000 })),
    lower: fc.boolean(),
  })
  .map(({ shared, bytes, count, lower }) => {
    const prefix = shared >= 0 ? SHARED[shared]! : '';
    const upper = (prefix + hex(bytes).toUpperCase()).slice(0, 40);
    // Mixed case within a hash too: lower-case every other digit.
    const hash = lower ? [...upper].map((c, i) => (i % 2 ? c.toLowerCase() : c)).join('') : upper;
    return { hash, count };
  });

describe('buildPwnedIndex: lookups equal a straightforward scan', () => {
  it('for random corpora in one file and in prefix files, with random queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(entryArbitrary, { minLength: 1, maxLength: 600 }),
        fc.array(fc.uint8Array({ minLength: 20, maxLength: 20 }), { maxLength: 40 }),
        fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n'),
        fc.boolean(),
        fc.integer({ min: 300, max: 5000 }),
        async (raw, randomQueries, eol, finalNewline, chunkBytes) => {
          // 68-bit duplicates would be merged (documented); keep keys distinct here.
          const byKey = new Map<string, CorpusEntry>();
          for (const entry of sortEntries(raw)) byKey.set(entry.hash.slice(0, 17).toUpperCase(), entry);
          const entries = sortEntries([...byKey.values()]);
          const text = corpusText(entries, { eol, finalNewline });
          const { dir, out } = await buildFromText(text, { chunkBytes });
          // Hashes not in the corpus: random ones and near misses (the 17th digit, the last one the
          // index keeps, changed), except those sharing 68 bits with a corpus hash: a designed false
          // positive, tested on its own (fast-check favours such values).
          const absent = [
            ...randomQueries.map((bytes) => hex(bytes).toUpperCase()),
            ...entries.slice(0, 20).map((entry) => nearMiss(entry.hash)),
          ].filter((hash) => !byKey.has(hash.slice(0, 17).toUpperCase()));
          const queries = [
            ...entries.map((entry) => entry.hash),
            ...entries.slice(0, 5).map((entry) => entry.hash.toUpperCase()),
            ...absent,
          ];
          const scan = scanCorpus(text);
          const want = expected(scan, queries);
          expect(await lookUp(out, queries)).toEqual(want);

          const folder = join(dir, 'prefixes');
          writeCorpusDirectory(folder, entries, {
            eol,
            finalNewline,
            emptyPrefixes: ['12345'],
            fullLinePrefixes: ['ABCDE'],
            lowerCaseNames: eol === '\n',
          });
          const fromFolder = join(dir, 'folder.pwnedidx');
          const info = await buildPwnedIndex(folder, fromFolder, { now: FIXED_NOW, chunkBytes });
          expect(info.source).toBe('directory');
          expect(await lookUp(fromFolder, queries)).toEqual(want);
          // Both layouts give the same records.
          expect(readFileSync(fromFolder).subarray(RECORDS_OFFSET)).toEqual(
            readFileSync(out).subarray(RECORDS_OFFSET),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('finds the first and last possible hashes and every hash of a larger corpus', async () => {
    const first = { hash: '0'.repeat(40), count: 7 };
    const last = { hash: 'F'.repeat(40), count: 123_456_789 };
    const entries = [first, ...randomEntries(4000, 1), last];
    const text = corpusText(entries);
    const { out, info } = await buildFromText(text);
    expect(info).toMatchObject({
      sourceLines: 4002,
      entries: 4002,
      keyBits: 68,
      source: 'file',
      missingPrefixes: 0,
    });
    expect(info.builtAt).toBe('2025-01-02T03:04:05.000Z');
    expect(info.bytes).toBe(RECORDS_OFFSET + 4002 * RECORD_BYTES);
    const beforeLast = `${'F'.repeat(16)}E${'F'.repeat(23)}`;
    const afterFirst = `${'0'.repeat(16)}1${'0'.repeat(23)}`;
    const queries = [...entries.map((entry) => entry.hash), afterFirst, beforeLast];
    const results = await lookUp(out, queries);
    expect(results).toEqual(expected(scanCorpus(text), queries));
    expect(results.get(first.hash)).toBe(7);
    expect(results.get(last.hash)).toBe(storedCount(123_456_789));
    expect(results.get(afterFirst)).toBe(0);
    expect(results.get(beforeLast)).toBe(0);
    expect(await verifyIndex(out)).toEqual(info);
  });

  it('keeps hashes that share up to 16 leading digits apart, and merges a 68-bit collision (larger count)', async () => {
    const shared16 = '0123456789ABCDEF';
    const entries = sortEntries([
      { hash: `${shared16}0${'1'.repeat(23)}`, count: 3 },
      { hash: `${shared16}1${'2'.repeat(23)}`, count: 4 },
      { hash: `${shared16}2${'0'.repeat(23)}`, count: 5 },
      // Same first 17 digits as the one above: indistinguishable at 68 bits.
      { hash: `${shared16}2${'0'.repeat(22)}1`, count: 90 },
      ...Array.from({ length: 300 }, (_, i) => ({ hash: randomHash(seeded(i), '01234'), count: i + 1 })),
    ]);
    const { out, info } = await buildFromText(corpusText(entries));
    expect(info.sourceLines).toBe(entries.length);
    expect(info.entries).toBe(entries.length - 1);
    const results = await lookUp(
      out,
      entries.map((entry) => entry.hash),
    );
    expect(results.get(`${shared16}0${'1'.repeat(23)}`)).toBe(3);
    expect(results.get(`${shared16}1${'2'.repeat(23)}`)).toBe(4);
    expect(results.get(`${shared16}2${'0'.repeat(23)}`)).toBe(90);
    expect(results.get(`${shared16}2${'0'.repeat(22)}1`)).toBe(90);
  });

  it('reports a hash that matches a corpus hash on the first 68 bits as found (the false positive of the key width)', async () => {
    const hash = '0123456789ABCDEF0123456789ABCDEF01234567';
    const { out, info } = await buildFromText(corpusText([{ hash, count: 5 }]));
    const sameKey = `${hash.slice(0, 17)}${'F'.repeat(23)}`;
    expect(await lookUp(out, [sameKey, nearMiss(hash)])).toEqual(
      new Map([
        [sameKey, 5],
        [nearMiss(hash), 0],
      ]),
    );
    expect(info.falsePositiveRate).toBeCloseTo(1 / 2 ** 68, 30);
  });

  it('accepts mixed case, LF or CRLF, a BOM, blank lines and a last line without newline; skips count-0 padding', async () => {
    const a = 'a'.repeat(40);
    const b = 'B'.repeat(39) + 'c';
    const c = 'cC'.repeat(20);
    const d = 'D'.repeat(40);
    const text = `\uFEFF${a}:1\r\n\r\n${b}:22\n${c}:0\r\n${d}:333`;
    const { out, info } = await buildFromText(text);
    expect(info).toMatchObject({ sourceLines: 4, entries: 3 });
    const results = await lookUp(out, [a, b.toLowerCase(), c, d]);
    expect([...results.values()]).toEqual([1, 22, 0, storedCount(333)]);
  });

  it('builds byte-identical indexes whatever the read size', async () => {
    const text = corpusText(randomEntries(3000, 7), { eol: '\n' });
    const big = await buildFromText(text);
    for (const chunkBytes of [256, 257, 1000, 4099]) {
      const small = await buildFromText(text, { chunkBytes });
      expect(readFileSync(small.out).equals(readFileSync(big.out))).toBe(true);
    }
  });

  it('reads a directory in prefix order, counts missing prefixes and takes an empty prefix file', async () => {
    const entries = randomEntries(2000, 3);
    const dir = dirs.make();
    writeCorpusDirectory(join(dir, 'corpus'), entries, { emptyPrefixes: ['00000', 'FFFFF'] });
    writeFileSync(join(dir, 'corpus', 'README.md'), 'not a prefix file');
    const prefixes = new Set(entries.map((entry) => entry.hash.slice(0, 5)));
    const progress: [number, number, number][] = [];
    const info = await buildPwnedIndex(join(dir, 'corpus'), join(dir, 'out.idx'), {
      onProgress: (...args) => progress.push(args),
    });
    expect(info).toMatchObject({
      source: 'directory',
      entries: 2000,
      sourceLines: 2000,
      missingPrefixes: BUCKETS - prefixes.size - 2,
    });
    expect(progress[0]).toEqual([0, 0, progress[0]![2]]);
    expect(progress.at(-1)).toEqual([2000, progress[0]![2], progress[0]![2]]);
    const queries = entries.map((entry) => entry.hash);
    expect(await lookUp(join(dir, 'out.idx'), queries)).toEqual(
      expected(scanCorpus(corpusText(entries)), queries),
    );
  });
});

describe('buildPwnedIndex: unusable sources are refused with the file and line', () => {
  const good = (i: number) => `${i.toString(16).toUpperCase().padStart(40, '0')}:${i + 1}\r\n`;

  it('refuses an NTLM corpus (32-digit hashes), in either layout', async () => {
    const ntlm = await buildError('8846F7EAEE8FB117AD06BDD830B7586C:52579\r\n');
    expect(ntlm.message).toMatch(/pwned\.txt: line 1: .*NTLM.*SHA-1/);
    const folderError = await buildError((dir) => {
      writeFileSync(join(dir, '8846F.txt'), '7EAEE8FB117AD06BDD830B7586C:52579\r\n');
      return dir;
    });
    expect(folderError.message).toMatch(/8846F\.txt: line 1: .*NTLM/);
  });

  it('refuses garbage, naming the line', async () => {
    const error = await buildError(`${good(1)}${good(2)}hello world\r\n${good(3)}`);
    expect(error.message).toMatch(/pwned\.txt: line 3: expected HASH:COUNT .*"hello world"/);
    expect((await buildError(`${good(1)}${'A'.repeat(40)}:\r\n`)).message).toMatch(/line 2: expected/);
    expect((await buildError(`${good(1)}${'A'.repeat(40)}:12x\r\n`)).message).toMatch(/line 2/);
    expect((await buildError(`${'G'.repeat(40)}:1\n`)).message).toMatch(/line 1/);
    expect((await buildError(`${'A'.repeat(40)}:1234567890123456\n`)).message).toMatch(
      /count is out of range/,
    );
    expect((await buildError(`${'A'.repeat(41)}:1\n`)).message).toMatch(/line 1/);
    expect((await buildError(`${'A'.repeat(35)}:1\n`)).message).toMatch(/line 1: expected HASH:COUNT/);
  });

  it('refuses unsorted input and repeated hashes', async () => {
    const unsorted = await buildError(`${good(1)}${good(5)}${good(4)}`);
    expect(unsorted.message).toMatch(/line 3: hashes are not sorted/);
    const mixedCase = await buildError(`${'b'.repeat(40)}:1\n${'A'.repeat(40)}:1\n`);
    expect(mixedCase.message).toMatch(/line 2: hashes are not sorted/);
    const twice = await buildError(`${'a'.repeat(40)}:1\n${'A'.repeat(40)}:2\n`);
    expect(twice.message).toMatch(/line 2: the hash appears twice/);
  });

  it('refuses a last line cut short (an interrupted download)', async () => {
    const error = await buildError(
      `${good(1)}${good(2)}0000000000000000000000000000000000000003:1`.slice(0, -25),
    );
    expect(error.message).toMatch(/line 3: the last line is cut short .*interrupted/);
    expect((await buildError(`${good(1)}${'A'.repeat(40)}:`)).message).toMatch(
      /line 2: the last line is cut short/,
    );
    expect((await buildError(`${good(1)}${'A'.repeat(40)}`)).message).toMatch(/cut short/);
  });

  it('refuses prefix files that do not fit the directory layout', async () => {
    const wrongPrefix = await buildError((dir) => {
      writeFileSync(join(dir, 'ABCDE.txt'), `${'ABCDF'}${'0'.repeat(35)}:1\n`);
      return dir;
    });
    expect(wrongPrefix.message).toMatch(/ABCDE\.txt: line 1: .*does not start with the file's prefix ABCDE/);
    const twoFiles = await buildError((dir) => {
      writeFileSync(join(dir, 'abcde.txt'), `${'0'.repeat(35)}:1\n`);
      writeFileSync(join(dir, 'ABCDE.txt'), `${'0'.repeat(35)}:1\n`);
      return dir;
    });
    expect(twoFiles.message).toMatch(/two files for prefix ABCDE/);
    const empty = await buildError((dir) => dir);
    expect(empty.message).toMatch(/no prefix files/);
    const missing = await buildError((dir) => join(dir, 'nope.txt'));
    expect(missing.message).toMatch(/No Pwned Passwords corpus at .*nope\.txt/);
  });
});

describe('buildPwnedIndex: a failed or aborted rebuild keeps the previous index', () => {
  it('on abort midway and on a bad line midway', async () => {
    const first = corpusText(randomEntries(500, 11));
    const { dir, source, out, info } = await buildFromText(first);
    const before = readFileSync(out);
    writeFileSync(source, corpusText(randomEntries(5000, 12)));
    const controller = new AbortController();
    const aborted = buildPwnedIndex(source, out, {
      chunkBytes: 4096,
      signal: controller.signal,
      onProgress: (lines) => {
        if (lines > 0) controller.abort(new Error('stopped by the user'));
      },
    });
    await expect(aborted).rejects.toThrow('stopped by the user');
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['index.pwnedidx', 'pwned.txt']);

    writeFileSync(source, `${corpusText(randomEntries(3000, 13))}oops\n`);
    await expect(buildPwnedIndex(source, out, { chunkBytes: 4096 })).rejects.toThrow(/line 3001/);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['index.pwnedidx', 'pwned.txt']);
    const index = await openPwnedIndex(out);
    expect(index.info).toEqual(info);
    await index.close();
  });

  it('removes what a killed build left behind, and nothing of a live one', async () => {
    const { dir, source, out } = await buildFromText(corpusText(randomEntries(50, 1)));
    const exited = spawnSync(process.execPath, ['-e', '0']);
    const stale = join(dir, `.index.pwnedidx.${exited.pid}.0123abcd.tmp`);
    const live = join(dir, `.index.pwnedidx.${process.pid}.0123abcd.tmp`);
    const other = join(dir, `.other.pwnedidx.${exited.pid}.0123abcd.tmp`);
    for (const path of [stale, live, other]) writeFileSync(path, 'partial');
    await buildPwnedIndex(source, out);
    expect(readdirSync(dir).sort()).toEqual(
      [basename(live), basename(other), 'index.pwnedidx', 'pwned.txt'].sort(),
    );
  });

  it('an abort before the start writes nothing', async () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'pwned.txt'), corpusText(randomEntries(10, 1)));
    await expect(
      buildPwnedIndex(join(dir, 'pwned.txt'), join(dir, 'x.idx'), { signal: AbortSignal.abort() }),
    ).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['pwned.txt']);
  });
});
