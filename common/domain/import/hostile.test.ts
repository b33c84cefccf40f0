import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportError } from './index';

/*
 * Hostile and damaged files: each must be refused with a clear ImportError (never a crash, an
 * "internal error" or a parser's own words) within 2 s and 300 MB. Each case runs in a fresh Node
 * process (the importer bundled once with esbuild), so its memory is its own: the growth is that
 * process's peak resident size while detecting and parsing, minus its peak once the file was read.
 * Times are generous for a slow, shared machine.
 */
const MAX_MS = 2_000;
const MAX_BYTES = 300 * 1024 * 1024;
const ROOT = resolve(import.meta.dirname, '../../..');
let probeDir = '';

beforeAll(async () => {
  const { build } = await import('esbuild');
  // Inside the project, so the bundle finds the packages it leaves to node_modules.
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  probeDir = mkdtempSync(join(ROOT, 'out', 'hostile-probe-'));
  await build({
    absWorkingDir: ROOT,
    entryPoints: [join(import.meta.dirname, 'index.ts')],
    outfile: join(probeDir, 'import.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  writeFileSync(
    join(probeDir, 'probe.mjs'),
    `import { readFileSync } from 'node:fs';
import { resourceUsage } from 'node:process';
import { detectFormat, parseExport, ImportError } from './import.mjs';
const [file, name] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
const base = resourceUsage().maxRSS;
const started = performance.now();
let out;
try {
  detectFormat(bytes, name);
  parseExport(bytes, name);
  out = { refused: false };
} catch (error) {
  out = { refused: error instanceof ImportError, code: error.code, message: String(error.message), details: error.details };
}
out.elapsed = performance.now() - started;
out.growth = (resourceUsage().maxRSS - base) * 1024;
process.stdout.write(JSON.stringify(out));
`,
  );
}, 60_000);

/** Detects and parses `bytes` in a fresh process; expects a clear refusal, fast and small. */
function refusal(
  bytes: Uint8Array,
  fileName: string,
): { code: string; message: string; details?: ImportError['details'] } {
  const input = join(probeDir, `input-${Math.random().toString(36).slice(2)}`);
  writeFileSync(input, bytes);
  const run = spawnSync(process.execPath, [join(probeDir, 'probe.mjs'), input, fileName], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  expect(run.status, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout) as {
    refused: boolean;
    code: string;
    message: string;
    details?: ImportError['details'];
    elapsed: number;
    growth: number;
  };
  expect(result.refused, result.message).toBe(true);
  expect(result.message).toContain(fileName);
  expect(result.message.length).toBeLessThan(600);
  expect(result.message).not.toMatch(/internal error|Maximum nested|RangeError|undefined|\[object/i);
  expect(result.elapsed).toBeLessThan(MAX_MS);
  expect(result.growth).toBeLessThan(MAX_BYTES);
  return { code: result.code, message: result.message, details: result.details };
}

// ---------------------------------------------------------------------------------------------
// ZIP bombs, built here (no big file is committed)

/** Packs bits LSB-first, as DEFLATE does; Huffman codes are written most significant bit first. */
class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private count = 0;

  bits(value: number, length: number): void {
    for (let i = 0; i < length; i++) this.bit((value >> i) & 1);
  }

  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bit((value >> i) & 1);
  }

  private bit(bit: number): void {
    this.current |= bit << this.count;
    if (++this.count === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.count = 0;
    }
  }

  done(): Uint8Array {
    if (this.count > 0) this.bytes.push(this.current);
    return Uint8Array.from(this.bytes);
  }
}

/**
 * A raw DEFLATE stream that inflates to about `total` zero bytes: fixed-Huffman blocks of 258-byte
 * copies at distance 1. With 8m+6 copies (and a literal in the first) every block is a whole number
 * of bytes, so one block is built and repeated: ~158:1, so 500 MB takes ~3 MB.
 */
function zerosDeflate(total: number): { data: Uint8Array; size: number } {
  const copies = 8 * 125 + 6;
  const block = (isFirst: boolean, isFinal: boolean) => {
    const out = new BitWriter();
    out.bits(isFinal ? 1 : 0, 1);
    out.bits(1, 2); // fixed Huffman codes
    if (isFirst) out.code(0b00110000, 8); // literal 0
    if (!isFinal)
      for (let i = 0; i < copies; i++) {
        out.code(0b11000101, 8); // length 258 (code 285)
        out.code(0, 5); // distance 1
      }
    out.code(0, 7); // end of block
    return out.done();
  };
  const first = block(true, false);
  const middle = block(false, false);
  const last = block(false, true);
  const repeats = Math.max(0, Math.ceil((total - 1 - copies * 258) / (copies * 258)));
  const data = new Uint8Array(first.length + middle.length * repeats + last.length);
  data.set(first, 0);
  for (let i = 0; i < repeats; i++) data.set(middle, first.length + i * middle.length);
  data.set(last, first.length + middle.length * repeats);
  return { data, size: 1 + copies * 258 * (repeats + 1) };
}

/** A ZIP whose entries all point at one deflated stream, each declaring `declaredSize`. */
function zipOf(names: readonly string[], data: Uint8Array, declaredSize: number): Uint8Array {
  const u16 = (view: DataView, at: number, value: number) => view.setUint16(at, value, true);
  const u32 = (view: DataView, at: number, value: number) => view.setUint32(at, value >>> 0, true);
  const name = strToU8(names[0] ?? 'export.data');
  const local = new DataView(new ArrayBuffer(30));
  u32(local, 0, 0x04034b50);
  u16(local, 4, 20);
  u16(local, 8, 8);
  u32(local, 18, data.length);
  u32(local, 22, declaredSize);
  u16(local, 26, name.length);
  const parts: Uint8Array[] = [new Uint8Array(local.buffer), name, data];
  const centralStart = 30 + name.length + data.length;
  let centralSize = 0;
  for (const entryName of names) {
    const bytes = strToU8(entryName);
    const central = new DataView(new ArrayBuffer(46));
    u32(central, 0, 0x02014b50);
    u16(central, 4, 20);
    u16(central, 6, 20);
    u16(central, 10, 8);
    u32(central, 20, data.length);
    u32(central, 24, declaredSize);
    u16(central, 28, bytes.length);
    u32(central, 42, 0); // every entry is the same local file
    parts.push(new Uint8Array(central.buffer), bytes);
    centralSize += 46 + bytes.length;
  }
  const end = new DataView(new ArrayBuffer(22));
  u32(end, 0, 0x06054b50);
  u16(end, 8, names.length);
  u16(end, 10, names.length);
  u32(end, 12, centralSize);
  u32(end, 16, centralStart);
  parts.push(new Uint8Array(end.buffer));
  const zip = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    zip.set(part, at);
    at += part.length;
  }
  return zip;
}

describe('1PUX archives that would unpack to gigabytes', () => {
  const bomb = zerosDeflate(500 * 1024 * 1024);

  it('the bomb really is one: ~3 MB that inflates to 500 MB', () => {
    expect(bomb.size).toBeGreaterThan(500 * 1024 * 1024 - 70_000);
    expect(bomb.data.length).toBeLessThan(3.5 * 1024 * 1024);
  });

  it('a 3 MB 1PUX with six 500 MB export.data entries is refused without inflating', () => {
    const zip = zipOf(Array(6).fill('export.data') as string[], bomb.data, bomb.size);
    expect(zip.length).toBeLessThan(3.5 * 1024 * 1024);
    const error = refusal(zip, 'bomb.1pux');
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('6 export.data');
  });

  it('one 500 MB export.data is refused from its declared size, before inflating', () => {
    const error = refusal(zipOf(['export.data'], bomb.data, bomb.size), 'big.1pux');
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('larger than 64 MB');
  });

  it('one that lies about its size (1 KB declared) is stopped once it passes 64 MB', () => {
    const error = refusal(zipOf(['export.data'], bomb.data, 1024), 'liar.1pux');
    expect(error.code).toBe('too_large');
  });

  it('more than 20,000 entries, or entries a 1PUX never has, are refused', () => {
    const many: Zippable = { 'export.data': strToU8('{"accounts":[]}') };
    for (let i = 0; i <= 20_000; i++) many[`files/${i}`] = new Uint8Array(0);
    expect(refusal(zipSync(many, { level: 0 }), 'many.1pux').code).toBe('too_large');
    const extra = zipSync({ 'export.data': strToU8('{"accounts":[]}'), 'run.exe': strToU8('MZ') });
    expect(refusal(extra, 'extra.1pux').code).toBe('unsupported');
  });
});

// ---------------------------------------------------------------------------------------------
// Text files

describe('damaged and hostile text', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('a CSV with 1,000,000 columns: refused, and the error quotes a few names, not all', () => {
    const header = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',');
    const error = refusal(encode(`${header}\n${header}\n`), 'wide.csv');
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('1,000,000 columns');
    expect(error.message).toContain('"c0", "c1", "c2", "c3", "c4" and 999,995 more');
    expect(error.details?.columns?.length).toBeLessThanOrEqual(200);
  });

  it('a huge single line (50 MB, no delimiter, no line end)', () => {
    const error = refusal(encode('a'.repeat(50 * 1024 * 1024)), 'line.csv');
    expect(error.code).toBe('header_only');
    expect(JSON.stringify(error.details).length).toBeLessThan(1_000);
  });

  it('an unknown header with enormous names is quoted shortened', () => {
    const long = 'x'.repeat(100_000);
    const error = refusal(encode(`${long},${long}\na,b\n`), 'names.csv');
    expect(error.code).toBe('unknown_columns');
    expect(error.message).toContain('…');
  });

  it('NUL bytes and invalid UTF-8', () => {
    const withNul = encode(`name,url,username,password\na,https://a.com/,ann,${'\0'.repeat(2048)}\n`);
    expect(refusal(withNul, 'nul.csv').code).toBe('binary');
    const invalid = Uint8Array.from({ length: 1_000_000 }, (_, i) => 0x80 + (i % 0x20));
    refusal(invalid, 'latin.csv');
  });

  it('JSON nested 100,000 deep, as a bare list, in items and as Psono folders', () => {
    const depth = 100_000;
    expect(refusal(encode('['.repeat(depth) + ']'.repeat(depth)), 'deep.json').code).toBe('unsupported');
    const inItems = `{"items":[${'['.repeat(depth)}${']'.repeat(depth)}]}`;
    expect(refusal(encode(inItems), 'items.json').code).toBe('unsupported');
    const folders = `{"folders":[${'{"name":"f","folders":['.repeat(depth)}${']}'.repeat(depth)}],"items":[]}`;
    expect(refusal(encode(folders), 'psono.json').code).toBe('too_large');
  });

  it('JSON with 1,000,000 items of the wrong shape', () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => `{"x":${i}}`).join(',');
    const error = refusal(encode(`{"folders":[],"items":[${items}]}`), 'items.json');
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('not a supported export');
  });

  it('1,000,000 rows or items, even of a known layout, stop being read at 250,000', () => {
    const rows = encode(`name,url,username,password\n${'a,https://a.com/,ann,pw\n'.repeat(1_000_000)}`);
    expect(refusal(rows, 'rows.csv').code).toBe('too_large');
    const notes = Array.from({ length: 1_000_000 }, () => '{"type":2}').join(',');
    const error = refusal(encode(`{"encrypted":false,"folders":[],"items":[${notes}]}`), 'notes.json');
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('more than 250,000 items');
  });

  it('XML with 1,000,000 attributes on one element', () => {
    const attributes = Array.from({ length: 1_000_000 }, (_, i) => `a${i}="1"`).join(' ');
    const error = refusal(encode(`<KeePassFile ${attributes}><Root/></KeePassFile>`), 'attrs.xml');
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('more than 64 attributes');
  });

  it('XML nested 100,000 deep is a bad file in plain words, not a parser error', () => {
    const depth = 100_000;
    const error = refusal(
      encode(`<KeePassFile>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</KeePassFile>`),
      'deep.xml',
    );
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('nested more than 100 levels deep');
  });

  it('XML with a DOCTYPE and entity declarations says they are not accepted', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE k [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<KeePassFile><Root><Group><Name>&b;</Name></Group></Root></KeePassFile>';
    const error = refusal(encode(laughs), 'laughs.xml');
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('entity declarations, which are not accepted');
  });
});
