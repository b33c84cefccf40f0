// Test helpers: small corpora in the downloader's formats, and the straightforward scan the index
// must agree with. Used by the *.test.ts files only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from './random';

export interface CorpusEntry {
  /** 40 hex digits, any case. */
  hash: string;
  count: number;
}

export interface TextOptions {
  /** Line ending (default CRLF, as the downloader writes). */
  eol?: '\r\n' | '\n';
  /** Whether the last line ends with a newline (default true). */
  finalNewline?: boolean;
}

/** The single-file layout: `HASH:COUNT` lines, in the order given. */
export function corpusText(entries: readonly CorpusEntry[], options: TextOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  const body = entries.map((entry) => `${entry.hash}:${entry.count}`).join(eol);
  return entries.length === 0 ? '' : options.finalNewline === false ? body : body + eol;
}

/** Sorts by hash value (case-insensitive) and drops repeats, keeping each entry's spelling. */
export function sortEntries(entries: readonly CorpusEntry[]): CorpusEntry[] {
  const seen = new Set<string>();
  return [...entries]
    .sort((a, b) =>
      a.hash.toUpperCase() < b.hash.toUpperCase() ? -1 : a.hash.toUpperCase() > b.hash.toUpperCase() ? 1 : 0,
    )
    .filter((entry) => {
      const key = entry.hash.toUpperCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

export interface DirectoryOptions extends TextOptions {
  /** Write full 40-digit lines instead of 35-digit suffixes for these prefixes. */
  fullLinePrefixes?: readonly string[];
  /** Extra prefixes to write as empty files. */
  emptyPrefixes?: readonly string[];
  /** Lower-case file names for these prefixes. */
  lowerCaseNames?: boolean;
}

/** The directory layout: one `XXXXX.txt` per prefix, `SUFFIX:COUNT` lines. Entries must be sorted. */
export function writeCorpusDirectory(
  dir: string,
  entries: readonly CorpusEntry[],
  options: DirectoryOptions = {},
): void {
  mkdirSync(dir, { recursive: true });
  const byPrefix = new Map<string, CorpusEntry[]>();
  for (const prefix of options.emptyPrefixes ?? []) byPrefix.set(prefix.toUpperCase(), []);
  for (const entry of entries) {
    const prefix = entry.hash.slice(0, 5).toUpperCase();
    const list = byPrefix.get(prefix) ?? [];
    list.push(entry);
    byPrefix.set(prefix, list);
  }
  const full = new Set((options.fullLinePrefixes ?? []).map((prefix) => prefix.toUpperCase()));
  for (const [prefix, list] of byPrefix) {
    const lines = list.map((entry) => ({
      hash: full.has(prefix) ? entry.hash : entry.hash.slice(5),
      count: entry.count,
    }));
    const name = `${options.lowerCaseNames ? prefix.toLowerCase() : prefix}.txt`;
    writeFileSync(join(dir, name), corpusText(lines, options));
  }
}

/** The straightforward scan: every line of a corpus text, hash → count (upper-case keys). */
export function scanCorpus(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9A-Fa-f]{40}):(\d+)$/.exec(line);
    if (match) counts.set(match[1]!.toUpperCase(), Number(match[2]));
  }
  return counts;
}

/** A deterministic generator of 32-bit unsigned integers ({@link mulberry32}'s, unscaled). */
export function seeded(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() * 4294967296;
}

export function randomHash(random: () => number, prefix = ''): string {
  let hex = prefix.toUpperCase();
  while (hex.length < 40) hex += random().toString(16).toUpperCase().padStart(8, '0');
  return hex.slice(0, 40);
}

/** `n` random sorted entries with counts 1–1,000 and a few large ones. */
export function randomEntries(n: number, seed: number): CorpusEntry[] {
  const random = seeded(seed);
  const entries = Array.from({ length: n }, () => ({
    hash: randomHash(random),
    count: random() % 50 === 0 ? 1 + (random() % 50_000_000) : 1 + (random() % 1000),
  }));
  return sortEntries(entries);
}

/** Temporary directories, removed by `cleanup`. */
export function tempDirs(): { make(): string; cleanup(): void } {
  const made: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), 'lockstep-pwned-'));
      made.push(dir);
      return dir;
    },
    cleanup() {
      while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
    },
  };
}
