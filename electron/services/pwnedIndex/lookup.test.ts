import { createHash } from 'node:crypto';
import {
  appendFileSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPwnedIndex } from './builder';
import {
  COUNT_OF_CODE,
  encodeCount,
  EXACT_COUNT_LIMIT,
  falsePositiveRate,
  isCorpusUnavailable,
  PwnedIndexError,
  RECORD_BYTES,
  RECORDS_OFFSET,
  storedCount,
  TABLE_OFFSET,
} from './format';
import { openPwnedIndex, verifyIndex } from './lookup';
import {
  corpusText,
  randomEntries,
  randomHash,
  scanCorpus,
  seeded,
  sortEntries,
  tempDirs,
} from '../../testing/pwnedIndex';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();

async function built(entries = randomEntries(3000, 21)) {
  const dir = dirs.make();
  const source = join(dir, 'pwned.txt');
  const text = corpusText(entries);
  writeFileSync(source, text);
  const out = join(dir, 'index.pwnedidx');
  const info = await buildPwnedIndex(source, out);
  return { dir, out, info, entries, scan: scanCorpus(text) };
}

async function openError(path: string): Promise<PwnedIndexError> {
  const error = await openPwnedIndex(path).then(
    async (index) => {
      await index.close();
      return undefined;
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PwnedIndexError);
  expect(isCorpusUnavailable(error)).toBe(true);
  expect((error as Error).message).toMatch(/^Offline corpus unavailable: /);
  return error as PwnedIndexError;
}

/** Changes one byte of a file. */
function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] = bytes[offset]! ^ 0x5a;
  writeFileSync(path, bytes);
}

describe('count codes and the false-positive rate', () => {
  it('stores counts up to 127 exactly and larger ones as a lower bound within 12.25%', () => {
    for (let count = 1; count <= EXACT_COUNT_LIMIT; count += 1) expect(storedCount(count)).toBe(count);
    let previous = 0;
    for (let count = 1; count < 300_000_000; count = Math.ceil(count * 1.01) + 1) {
      const stored = storedCount(count);
      expect(stored).toBeLessThanOrEqual(count);
      expect(count / stored).toBeLessThan(1.1225);
      expect(stored).toBeGreaterThanOrEqual(previous);
      expect(COUNT_OF_CODE[encodeCount(count)]).toBe(stored);
      previous = stored;
    }
    expect(storedCount(0)).toBe(0);
    expect(encodeCount(301_308_612)).toBe(255);
    expect(encodeCount(2 ** 40)).toBe(255);
    expect(encodeCount(301_308_611)).toBe(254);
  });

  it('stays below 1e-9 per lookup at the full corpus size', () => {
    expect(falsePositiveRate(1e9)).toBeCloseTo(1e9 / 2 ** 68, 20);
    expect(falsePositiveRate(1e9)).toBeLessThan(1e-11);
    expect(falsePositiveRate(4e9)).toBeLessThan(1e-9);
  });
});

describe('openPwnedIndex: lookups', () => {
  it('looks up passwords (each distinct one hashed once, UTF-8) and hashes in either case', async () => {
    const passwords = ['password', 'correct horse battery staple', 'pässwörd€', 'not breached'];
    const entries = sortEntries([
      ...randomEntries(500, 5),
      { hash: sha1('password'), count: 9_545_824 },
      { hash: sha1('correct horse battery staple').toLowerCase(), count: 12 },
      { hash: sha1('pässwörd€'), count: 1 },
    ]);
    const { out } = await built(entries);
    const index = await openPwnedIndex(out);
    const results = await index.lookupPasswords([...passwords, 'password']);
    expect([...results]).toEqual([
      ['password', storedCount(9_545_824)],
      ['correct horse battery staple', 12],
      ['pässwörd€', 1],
      ['not breached', 0],
    ]);
    const hash = sha1('correct horse battery staple');
    expect(await index.lookupHashes([hash.toLowerCase(), hash])).toEqual(
      new Map([
        [hash.toLowerCase(), 12],
        [hash, 12],
      ]),
    );
    expect(await index.lookupHashes([])).toEqual(new Map());
    await expect(index.lookupHashes(['12345'])).rejects.toMatchObject({ code: 'bad-query' });
    await expect(index.lookupHashes(['Z'.repeat(40)])).rejects.toMatchObject({ code: 'bad-query' });
    await index.close();
    await expect(index.lookupPasswords(['password'])).rejects.toThrow(/closed/);
    await index.close();
  });

  it('finds keys far from their interpolated position (a skewed bucket) by searching the rest of it', async () => {
    const random = seeded(99);
    // 6,000 hashes in one bucket, all with keys in the bottom 1/4096 of the range.
    const skewed = Array.from({ length: 6000 }, () => ({ hash: randomHash(random, '12345000'), count: 3 }));
    const entries = sortEntries([...skewed, ...randomEntries(200, 4)]);
    const { out, scan } = await built(entries);
    const queries = [
      ...entries.filter((_, i) => i % 7 === 0).map((entry) => entry.hash),
      ...Array.from({ length: 50 }, () => randomHash(random, '12345000')),
      ...Array.from({ length: 20 }, () => randomHash(random, '12345')),
    ];
    const index = await openPwnedIndex(out);
    const results = await index.lookupHashes(queries);
    expect(results).toEqual(new Map(queries.map((hash) => [hash, storedCount(scan.get(hash) ?? 0)])));
    expect(index.lastLookupStats.fallbacks).toBeGreaterThan(0);
    await index.close();
  });

  it('reads the page a key is interpolated into first, and the rest of its window when the key lies past that page', async () => {
    const random = seeded(17);
    // 4,000 uniform hashes in one bucket: ~28 KB of records, so windows (±128 records) cross pages.
    const big = Array.from({ length: 4000 }, () => ({ hash: randomHash(random, 'ABCDE'), count: 5 }));
    const entries = sortEntries([...big, ...randomEntries(300, 12)]);
    const { out, scan } = await built(entries);
    const queries = [
      ...entries.map((entry) => entry.hash),
      ...Array.from({ length: 500 }, () => randomHash(random, 'ABCDE')),
    ];
    const index = await openPwnedIndex(out);
    const results = await index.lookupHashes(queries);
    expect(results).toEqual(new Map(queries.map((hash) => [hash, storedCount(scan.get(hash) ?? 0)])));
    const stats = index.lastLookupStats;
    // Some keys lay just past the page their position was interpolated into; hardly any outside
    // the whole window (±4 standard deviations of a uniform key's rank).
    expect(stats.secondReads).toBeGreaterThan(0);
    expect(stats.secondReads).toBeLessThan(queries.length / 4);
    expect(stats.fallbacks).toBeLessThan(5);
    // One read for each query alone reads at most a page of records.
    const alone = await index.lookupHashes([big[2000]!.hash]);
    expect(alone.get(big[2000]!.hash)).toBe(5);
    expect(index.lastLookupStats.bytesRead).toBeLessThanOrEqual(
      4096 + (index.lastLookupStats.secondReads > 0 ? 2000 : 0),
    );
    await index.close();
  });

  it('answers many queries in batches and a lookup running while close() is called', async () => {
    const { out, entries, scan } = await built(randomEntries(12_000, 8));
    const queries = [
      ...entries.map((entry) => entry.hash),
      ...randomEntries(2000, 9).map((entry) => entry.hash),
    ];
    const index = await openPwnedIndex(out);
    const pending = index.lookupHashes(queries);
    const closing = index.close();
    const results = await pending;
    await closing;
    expect(results.size).toBe(queries.length);
    for (const hash of queries) expect(results.get(hash)).toBe(storedCount(scan.get(hash) ?? 0));
  });

  it.runIf(process.platform === 'linux')(
    'holds one descriptor of the index while open (the one that read the table is closed), none after',
    async () => {
      const { out } = await built(randomEntries(100, 3));
      const descriptorsOfIndex = () =>
        readdirSync('/proc/self/fd').filter((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`) === out;
          } catch {
            return false; // closed meanwhile (readdir's own descriptor)
          }
        }).length;
      const index = await openPwnedIndex(out);
      expect(descriptorsOfIndex()).toBe(1);
      await index.close();
      expect(descriptorsOfIndex()).toBe(0);
      await expect(openPwnedIndex(join(out, '..', 'nope.pwnedidx'))).rejects.toThrow(/no index/);
      await expect(openError(join(out, '..', 'pwned.txt'))).resolves.toMatchObject({ code: 'damaged' });
      expect(
        readdirSync('/proc/self/fd').some((fd) => readlinkSafe(`/proc/self/fd/${fd}`).endsWith('pwned.txt')),
      ).toBe(false);
    },
  );
});

function readlinkSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

describe('openPwnedIndex: an index that cannot answer is reported, never read as "not breached"', () => {
  it('missing', async () => {
    const error = await openError(join(dirs.make(), 'none.pwnedidx'));
    expect(error.code).toBe('missing');
    expect(error.message).toMatch(/no index at .*none\.pwnedidx/);
  });

  it('empty, too short, or not an index at all', async () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'empty'), '');
    expect((await openError(join(dir, 'empty'))).code).toBe('damaged');
    writeFileSync(join(dir, 'text'), `${'0'.repeat(40)}:1\n`.repeat(10));
    expect((await openError(join(dir, 'text'))).message).toMatch(/not a Lockstep Pwned Passwords index/);
  });

  it('a flipped byte in the offset table, or in the header', async () => {
    const { out } = await built();
    const original = readFileSync(out);
    flipByte(out, TABLE_OFFSET + 4 * 0x12345 + 1);
    const table = await openError(out);
    expect(table.code).toBe('damaged');
    expect(table.message).toMatch(/checksum of its header and offset table/);
    writeFileSync(out, original);
    flipByte(out, 24); // source lines
    expect((await openError(out)).code).toBe('damaged');
    writeFileSync(out, original);
    flipByte(out, 33); // entries: the size no longer matches
    expect((await openError(out)).message).toMatch(/inconsistent header|truncated|unexpected byte/);
  });

  it('a truncated file, or one with bytes added', async () => {
    const { out, info } = await built();
    const original = readFileSync(out);
    truncateSync(out, info.bytes - 1);
    expect((await openError(out)).message).toMatch(/is truncated/);
    truncateSync(out, 100);
    expect((await openError(out)).message).toMatch(/too short/);
    writeFileSync(out, original);
    appendFileSync(out, 'x');
    expect((await openError(out)).message).toMatch(/has 1 unexpected byte at its end/);
  });

  it('another format version', async () => {
    const { out } = await built();
    const bytes = readFileSync(out);
    bytes.writeUInt32LE(2, 8);
    writeFileSync(out, bytes);
    const error = await openError(out);
    expect(error.code).toBe('unknown-version');
    expect(error.message).toMatch(/format version 2; this Lockstep reads version 1/);
  });

  it('damaged records: found by verifyIndex, and by a lookup that reads them out of order', async () => {
    const random = seeded(5);
    const firstBucket = Array.from({ length: 10 }, () => ({ hash: randomHash(random, '00000'), count: 2 }));
    const { out, info, entries } = await built(sortEntries([...firstBucket, ...randomEntries(1000, 6)]));
    expect(await verifyIndex(out)).toEqual(info);
    const original = readFileSync(out);
    // Swap the first two records (both in the first bucket).
    const bytes = Buffer.from(original);
    const first = bytes.subarray(RECORDS_OFFSET, RECORDS_OFFSET + RECORD_BYTES);
    const firstCopy = Buffer.from(first);
    bytes.copy(bytes, RECORDS_OFFSET, RECORDS_OFFSET + RECORD_BYTES, RECORDS_OFFSET + 2 * RECORD_BYTES);
    firstCopy.copy(bytes, RECORDS_OFFSET + RECORD_BYTES);
    writeFileSync(out, bytes);
    await expect(verifyIndex(out)).rejects.toMatchObject({ code: 'damaged' });
    // The header and table are intact: it opens, but a lookup in the first bucket notices.
    const index = await openPwnedIndex(out);
    await expect(index.lookupHashes([entries[0]!.hash])).rejects.toMatchObject({ code: 'damaged' });
    await index.close();
    // A changed count breaks only the body checksum.
    writeFileSync(out, original);
    flipByte(out, RECORDS_OFFSET + 6);
    await expect(verifyIndex(out)).rejects.toThrow(
      /checksum of its records does not match|out of order or blank/,
    );
    // A file truncated after it was opened.
    writeFileSync(out, original);
    const reopened = await openPwnedIndex(out);
    truncateSync(out, RECORDS_OFFSET + 10);
    await expect(reopened.lookupHashes([entries.at(-1)!.hash])).rejects.toMatchObject({ code: 'damaged' });
    await reopened.close();
  });
});
