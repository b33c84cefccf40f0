import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  chainHash,
  GENESIS_HASH,
  HISTORY_SUBJECT_TYPES,
  verifyChain,
  type ChainedEntry,
  type HistoryEntry,
} from './chain';

// The tests run under Node; the app's main process passes the same function.
const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const entry = (seq: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry => ({
  seq,
  at: `2025-03-0${seq}T10:00:00.000Z`,
  actor: seq % 2 === 0 ? 'Helper: Sam (IT)' : 'Me',
  subjectType: 'task',
  subjectId: 7,
  action: 'status',
  from: 'open',
  to: 'done',
  note: `step ${seq}`,
  ...overrides,
});

/** Chains entries in order, numbering them 1, 2, 3… */
function build(entries: readonly Omit<HistoryEntry, 'seq'>[]): ChainedEntry[] {
  const rows: ChainedEntry[] = [];
  let prevHash = GENESIS_HASH;
  entries.forEach((e, index) => {
    const numbered = { ...e, seq: index + 1 };
    const hash = chainHash(prevHash, numbered, sha256Hex);
    rows.push({ ...numbered, prevHash, hash });
    prevHash = hash;
  });
  return rows;
}

const fiveRows = () => build([1, 2, 3, 4, 5].map((seq) => entry(seq)));
const headOf = (rows: readonly ChainedEntry[]) => ({
  count: rows.length,
  hash: rows.at(-1)?.hash ?? GENESIS_HASH,
});

describe('canonicalize', () => {
  it('does not depend on the order of the object keys', () => {
    const a = entry(1);
    const reversed = Object.fromEntries(Object.entries(a).reverse()) as unknown as HistoryEntry;
    expect(Object.keys(reversed)[0]).toBe('note');
    expect(canonicalize(reversed)).toBe(canonicalize(a));
  });

  it('tells null from an empty string', () => {
    expect(canonicalize(entry(1, { from: null }))).not.toBe(canonicalize(entry(1, { from: '' })));
    expect(canonicalize(entry(1, { to: null }))).not.toBe(canonicalize(entry(1, { to: 'null' })));
  });

  it('keeps field boundaries: text cannot move from one field into the next', () => {
    expect(canonicalize(entry(1, { from: 'a|b', to: '' }))).not.toBe(
      canonicalize(entry(1, { from: 'a', to: '|b' })),
    );
    expect(canonicalize(entry(1, { from: 'a","b', to: null }))).not.toBe(
      canonicalize(entry(1, { from: 'a', to: 'b' })),
    );
    expect(canonicalize(entry(1, { actor: 'Me\n', action: 'status' }))).not.toBe(
      canonicalize(entry(1, { actor: 'Me', action: '\nstatus' })),
    );
  });

  it('is a fixed, readable form (changing it would break every stored chain)', () => {
    expect(canonicalize(entry(2, { from: null }))).toBe(
      '[1,2,"2025-03-02T10:00:00.000Z","Helper: Sam (IT)","task",7,"status",null,"done","step 2"]',
    );
  });

  it('refuses a sequence number or subject id that is not an integer', () => {
    expect(() => canonicalize(entry(1.5))).toThrow(RangeError);
    expect(() => canonicalize(entry(1, { subjectId: Number.NaN }))).toThrow(/subjectId/);
  });
});

describe('chainHash', () => {
  it('is sha256 of the previous hash, a newline and the canonical entry', () => {
    const e = entry(1);
    expect(chainHash(GENESIS_HASH, e, sha256Hex)).toBe(sha256Hex(`${GENESIS_HASH}\n${canonicalize(e)}`));
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain, with and without its head', () => {
    const rows = fiveRows();
    expect(verifyChain(rows, sha256Hex)).toEqual({ ok: true, count: 5 });
    expect(verifyChain(rows, sha256Hex, headOf(rows))).toEqual({ ok: true, count: 5 });
    expect(verifyChain([], sha256Hex, { count: 0, hash: GENESIS_HASH })).toEqual({ ok: true, count: 0 });
  });

  const fields = ['at', 'actor', 'subjectType', 'subjectId', 'action', 'from', 'to', 'note'] as const;
  const changed: { [K in (typeof fields)[number]]: HistoryEntry[K] } = {
    at: '2020-01-01T00:00:00.000Z',
    actor: 'Someone else',
    subjectType: 'finding',
    subjectId: 8,
    action: 'priority',
    from: null,
    to: 'wont_do',
    note: 'x',
  };

  it.each(fields)('detects an edit to %s of a middle row, at that row', (field) => {
    const rows = fiveRows();
    rows[2] = { ...rows[2]!, [field]: changed[field] };
    expect(verifyChain(rows, sha256Hex)).toEqual({
      ok: false,
      count: 2,
      brokenAt: 3,
      reason: 'hash-mismatch',
    });
  });

  it('detects a replaced hash or previous hash', () => {
    const rows = fiveRows();
    rows[2] = { ...rows[2]!, hash: 'f'.repeat(64) };
    expect(verifyChain(rows, sha256Hex)).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash-mismatch' });
    const again = fiveRows();
    again[2] = { ...again[2]!, prevHash: GENESIS_HASH };
    expect(verifyChain(again, sha256Hex)).toMatchObject({ ok: false, brokenAt: 3, reason: 'prev-mismatch' });
  });

  it('detects a row rewritten with a recomputed hash, at the row after it', () => {
    const rows = fiveRows();
    const forged = { ...rows[2]!, note: 'never happened' };
    rows[2] = { ...forged, hash: chainHash(forged.prevHash, forged, sha256Hex) };
    expect(verifyChain(rows, sha256Hex)).toMatchObject({ ok: false, brokenAt: 4, reason: 'prev-mismatch' });
  });

  it('detects two rows swapped, whether their numbers moved with them or not', () => {
    const rows = fiveRows();
    const swappedInOrder = [rows[0]!, rows[2]!, rows[1]!, rows[3]!, rows[4]!];
    expect(verifyChain(swappedInOrder, sha256Hex)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: 'sequence-gap',
    });
    // As a table would hold it: the contents swapped under the same sequence numbers.
    const renumbered = [rows[0]!, { ...rows[2]!, seq: 2 }, { ...rows[1]!, seq: 3 }, rows[3]!, rows[4]!];
    expect(verifyChain(renumbered, sha256Hex)).toMatchObject({
      ok: false,
      count: 1,
      brokenAt: 2,
      reason: 'prev-mismatch',
    });
  });

  it('detects a deleted middle row, at the missing number', () => {
    const rows = fiveRows();
    const withoutThird = rows.filter((row) => row.seq !== 3);
    expect(verifyChain(withoutThird, sha256Hex)).toEqual({
      ok: false,
      count: 2,
      brokenAt: 3,
      reason: 'sequence-gap',
    });
    const renumbered = withoutThird.map((row, index) => ({ ...row, seq: index + 1 }));
    expect(verifyChain(renumbered, sha256Hex)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'prev-mismatch',
    });
  });

  it('cannot see the last row removed without a head, and reports it as truncated with one', () => {
    const rows = fiveRows();
    const head = headOf(rows);
    const truncated = rows.slice(0, 4);
    expect(verifyChain(truncated, sha256Hex)).toEqual({ ok: true, count: 4 });
    expect(verifyChain(truncated, sha256Hex, head)).toEqual({
      ok: false,
      count: 4,
      brokenAt: 5,
      reason: 'truncated',
    });
    expect(verifyChain([], sha256Hex, head)).toMatchObject({ ok: false, brokenAt: 1, reason: 'truncated' });
  });

  it('reports rows past the head, and a head that names another last row', () => {
    const rows = fiveRows();
    expect(verifyChain(rows, sha256Hex, headOf(rows.slice(0, 3)))).toMatchObject({
      ok: false,
      count: 5,
      brokenAt: 4,
      reason: 'truncated',
    });
    expect(verifyChain(rows, sha256Hex, { count: 5, hash: rows[3]!.hash })).toMatchObject({
      ok: false,
      brokenAt: 5,
      reason: 'truncated',
    });
  });

  it('reads the rows once and stops at the first break', () => {
    const rows = fiveRows();
    rows[1] = { ...rows[1]!, note: 'edited' };
    let read = 0;
    let isClosed = false;
    function* stream() {
      try {
        for (const row of rows) {
          read += 1;
          yield row;
        }
      } finally {
        isClosed = true;
      }
    }
    expect(verifyChain(stream(), sha256Hex)).toMatchObject({ ok: false, brokenAt: 2 });
    expect(read).toBe(2);
    expect(isClosed).toBe(true);
  });
});

describe('verifyChain, for any history', () => {
  const entryArbitrary = fc.record({
    at: fc.string(),
    actor: fc.string(),
    subjectType: fc.constantFrom(...HISTORY_SUBJECT_TYPES),
    subjectId: fc.integer({ min: 1 }),
    action: fc.string(),
    from: fc.option(fc.string()),
    to: fc.option(fc.string()),
    note: fc.string({ unit: 'binary' }),
  });
  const entriesArbitrary = fc.array(entryArbitrary, { minLength: 1, maxLength: 12 });

  it('verifies a chain it built', () => {
    fc.assert(
      fc.property(entriesArbitrary, (entries) => {
        const rows = build(entries);
        expect(verifyChain(rows, sha256Hex, headOf(rows))).toEqual({ ok: true, count: rows.length });
      }),
    );
  });

  it('detects any change to one field of one row, at that row', () => {
    const fieldArbitrary = fc.constantFrom(
      'seq',
      'at',
      'actor',
      'subjectType',
      'subjectId',
      'action',
      'from',
      'to',
      'note',
      'prevHash',
      'hash',
    );
    fc.assert(
      fc.property(
        entriesArbitrary,
        fc.nat(),
        fieldArbitrary,
        fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        (entries, pick, field, value) => {
          const rows = build(entries);
          const index = pick % rows.length;
          const original = rows[index]!;
          const mutated = { ...original, [field]: value } as ChainedEntry;
          fc.pre(JSON.stringify(mutated) !== JSON.stringify(original));
          rows[index] = mutated;
          const result = verifyChain(rows, sha256Hex, headOf(build(entries)));
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.brokenAt).toBe(index + 1);
        },
      ),
    );
  });
});
