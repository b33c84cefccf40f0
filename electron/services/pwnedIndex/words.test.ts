// The offline index's refusals in the pseudo-locale: every word a person reads (in the CLI's
// `pwned-index` stderr and in Settings) comes from the catalogue, so none is left in plain English
// — only the values it names (paths, file names, the refused line's text, error codes) are kept.
import {
  appendFileSync,
  mkdirSync,
  truncateSync,
  writeFileSync,
  openSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLocale, type MessageLocale } from '../../../common/messages/format';
import { buildPwnedIndex } from './builder';
import { PwnedIndexError } from './format';
import { openPwnedIndex } from './lookup';
import { ParseWorkers } from './parseWorkers';
import { corpusText, randomEntries, tempDirs } from '../../testing/pwnedIndex';

const dirs = tempDirs();
afterEach(() => {
  dirs.cleanup();
  setMessageLocale('en');
});

const LOW = `${'0'.repeat(39)}1`;
const HIGH = `${'0'.repeat(39)}2`;

/** A refusal's message, and the values it may name as they are. */
interface Refusal {
  message: string;
  code: string;
  data: string[];
}

async function caught(run: () => Promise<unknown>): Promise<PwnedIndexError> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PwnedIndexError);
  return error as PwnedIndexError;
}

/** Builds an index from `text` (a single-file corpus) and returns the refusal. */
async function refusedCorpus(text: string, data: string[] = []): Promise<Refusal> {
  const dir = dirs.make();
  const source = join(dir, 'pwned.txt');
  writeFileSync(source, text);
  const error = await caught(() => buildPwnedIndex(source, join(dir, 'index.pwnedidx')));
  return { message: error.message, code: error.code, data: [source, ...data] };
}

/** A built index, damaged by `damage`, and what opening it says. */
async function refusedIndex(damage: (out: string, bytes: number) => void): Promise<Refusal> {
  const dir = dirs.make();
  const source = join(dir, 'pwned.txt');
  writeFileSync(source, corpusText(randomEntries(200, 5)));
  const out = join(dir, 'index.pwnedidx');
  const info = await buildPwnedIndex(source, out);
  damage(out, info.bytes);
  const error = await caught(() => openPwnedIndex(out));
  return { message: error.message, code: error.code, data: [out] };
}

/** Every way the index refuses that the tests below look at, formatted in the current locale. */
const REFUSALS: Record<string, () => Promise<Refusal>> = {
  'an unsorted corpus': () => refusedCorpus(`${HIGH}:1\n${LOW}:1\n`, [`${LOW}:1`]),
  'a repeated hash': () => refusedCorpus(`${LOW}:1\n${LOW}:1\n`, [`${LOW}:1`]),
  'an NTLM corpus': () => refusedCorpus('8846F7EAEE8FB117AD06BDD830B7586C:52579\r\n', ['-n / --ntlm']),
  'a line that is not a hash': () =>
    refusedCorpus(`${LOW}:1\nhello world\n`, ['"hello world"', 'HASH:COUNT']),
  'a download cut short': () => refusedCorpus(`${LOW}:1\n${'A'.repeat(20)}`, [`"${'A'.repeat(20)}"`]),
  'a count out of range': () => refusedCorpus(`${LOW}:12345678901234567890\n`),
  'a missing source': async () => {
    const source = join(dirs.make(), 'nowhere.txt');
    const error = await caught(() => buildPwnedIndex(source, `${source}.pwnedidx`));
    return { message: error.message, code: error.code, data: [source, 'ENOENT'] };
  },
  'a folder without prefix files': async () => {
    const source = join(dirs.make(), 'corpus');
    mkdirSync(source);
    const error = await caught(() => buildPwnedIndex(source, `${source}.pwnedidx`));
    return { message: error.message, code: error.code, data: [source, '00000.txt'] };
  },
  'a prefix file holding another prefix': async () => {
    const source = join(dirs.make(), 'corpus');
    mkdirSync(source);
    const file = join(source, 'ABCDE.txt');
    writeFileSync(file, `${LOW}:1\n`);
    const error = await caught(() => buildPwnedIndex(source, `${source}.pwnedidx`));
    return { message: error.message, code: error.code, data: [file, `${LOW}:1`, 'ABCDE'] };
  },
  'a missing index': async () => {
    const out = join(dirs.make(), 'none.pwnedidx');
    const error = await caught(() => openPwnedIndex(out));
    return { message: error.message, code: error.code, data: [out] };
  },
  'a truncated index': () => refusedIndex((out, bytes) => truncateSync(out, bytes - 1)),
  'an index with bytes added': () => refusedIndex((out) => appendFileSync(out, 'x')),
  'a file that is not an index': () =>
    refusedIndex((out) => {
      const fd = openSync(out, 'r+');
      writeSync(fd, Buffer.from('NOTANIDX', 'latin1'), 0, 8, 0);
      closeSync(fd);
    }),
  'a query that is not a hash': async () => {
    const dir = dirs.make();
    const source = join(dir, 'pwned.txt');
    writeFileSync(source, `${LOW}:1\n`);
    const out = join(dir, 'index.pwnedidx');
    await buildPwnedIndex(source, out);
    const index = await openPwnedIndex(out);
    try {
      const error = await caught(() => index.lookupHashes(['not a hash']));
      return { message: error.message, code: error.code, data: ['"not a hash"'] };
    } finally {
      await index.close();
    }
  },
};

/** The runs of two or more plain (unaccented) letters left once the values are taken out. */
function plainWords({ message, data }: Refusal): string[] {
  let rest = message;
  for (const value of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

async function refusal(name: string, locale: MessageLocale): Promise<Refusal> {
  setMessageLocale(locale);
  try {
    return await REFUSALS[name]!();
  } finally {
    setMessageLocale('en');
  }
}

describe('the offline index’s refusals in the pseudo-locale', () => {
  it.each(Object.keys(REFUSALS))('%s: no plain English word besides the values it names', async (name) => {
    const pseudo = await refusal(name, 'pseudo');
    expect(plainWords(pseudo), pseudo.message).toEqual([]);
    // The same refusal in English has words, and the same error code: the check above can fail,
    // and the pseudo-locale changes only the words.
    const english = await refusal(name, 'en');
    expect(english.code).toBe(pseudo.code);
    expect(plainWords(english).length, english.message).toBeGreaterThan(0);
    // Every value named in English is named, unchanged, in the pseudo-locale too.
    english.data.forEach((value, i) => {
      if (english.message.includes(value)) expect(pseudo.message).toContain(pseudo.data[i]);
    });
  });

  it('keeps the English words exactly', async () => {
    const unsorted = await refusal('an unsorted corpus', 'en');
    expect(unsorted.message).toBe(
      `${unsorted.data[0]}: line 2: hashes are not sorted: ${LOW}:1 comes after a larger hash. The corpus must be sorted ascending by hash, as the downloader writes it.`,
    );
    const added = await refusal('an index with bytes added', 'en');
    expect(added.message).toBe(
      `Offline corpus unavailable: ${added.data[0]} has 1 unexpected byte at its end. Rebuild the index from the corpus.`,
    );
    const garbage = await refusal('a line that is not a hash', 'en');
    expect(garbage.message).toBe(
      `${garbage.data[0]}: line 2: expected HASH:COUNT (40 hex digits, a SHA-1), found "hello world".`,
    );
  });
});

describe('a parse thread that stops', () => {
  it('fails the build in the catalogue’s words, naming only what stopped it', async () => {
    const stopped = async (locale: MessageLocale) => {
      setMessageLocale(locale);
      const workers = new ParseWorkers(1);
      try {
        // A batch without its bytes: the worker throws and exits, as one out of memory would.
        const job = { input: undefined, segments: new Int32Array([0, 1, -1]), records: undefined };
        const error = (await workers.parse(job as unknown as Parameters<ParseWorkers['parse']>[0]).then(
          () => undefined,
          (thrown: unknown) => thrown,
        )) as Error;
        expect(error).toBeInstanceOf(Error);
        // A later batch is refused at once, in the same words.
        await expect(workers.parse(job as unknown as Parameters<ParseWorkers['parse']>[0])).rejects.toBe(
          error,
        );
        return error;
      } finally {
        await workers.close();
        setMessageLocale('en');
      }
    };
    const english = await stopped('en');
    expect(english.message).toBe(
      'The index could not be built: a thread reading the corpus stopped (ERR_INVALID_ARG_TYPE). The index you had is unchanged; try again, with more free memory if the machine is short of it.',
    );
    expect(english.cause).toBeInstanceOf(Error);
    const pseudo = await stopped('pseudo');
    expect(
      plainWords({ message: pseudo.message, code: '', data: ['ERR_INVALID_ARG_TYPE'] }),
      pseudo.message,
    ).toEqual([]);
  });
});
