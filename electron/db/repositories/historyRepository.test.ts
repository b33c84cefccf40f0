import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, type HistoryEntry } from '../../../common/domain/history/chain';
import { DATABASE_FILE, openDatabase } from '../connection';
import { migrate } from '../migrate';
import { MIGRATIONS } from '../migrations/index';
import { HistoryRepository, sha256Hex } from './historyRepository';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-history-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function open(dir = tempDir()) {
  const db = openDatabase(dir);
  cleanups.push(() => {
    if (db.open) db.close();
  });
  return { db, dir, history: new HistoryRepository(db) };
}

const change = (n: number, overrides: Partial<HistoryEntry> = {}): Omit<HistoryEntry, 'seq'> => ({
  at: new Date(Date.UTC(2025, 2, 1, 10, n)).toISOString(),
  actor: n % 2 === 0 ? 'Helper: Sam (IT)' : 'Me',
  subjectType: 'task',
  subjectId: 1 + (n % 3),
  action: 'status',
  from: 'open',
  to: 'done',
  note: `change ${n}`,
  ...overrides,
});

/** Runs raw SQL the way someone editing the file with a SQLite tool would: guards dropped first. */
function tamper(db: Database.Database, sql: string): void {
  db.exec(`DROP TRIGGER IF EXISTS history_refuses_update; DROP TRIGGER IF EXISTS history_refuses_delete;`);
  db.exec(sql);
}

describe('migration 0040 (history), with data in it', () => {
  it('adds the history tables with a genesis head, keeping earlier data', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 30);
    db.prepare(
      `INSERT INTO people (name, is_default, created_at, updated_at) VALUES ('Me', 1, 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO findings (kind, subject, severity, status, evidence, first_seen_at, last_seen_at)
       VALUES ('password_weak', 'account:1', 'medium', 'open', '{}', 'now', 'now')`,
    ).run();
    expect(migrate(db, MIGRATIONS, 40)).toEqual([40]);

    expect(db.prepare('SELECT name FROM people').all()).toEqual([{ name: 'Me' }]);
    expect(db.prepare('SELECT kind, status FROM findings').all()).toEqual([
      { kind: 'password_weak', status: 'open' },
    ]);
    const schema = db
      .prepare<[], { type: string; name: string; sql: string }>(
        `SELECT type, name, sql FROM sqlite_schema WHERE tbl_name IN ('history', 'history_head') AND sql IS NOT NULL`,
      )
      .all();
    const tables = schema.filter((s) => s.type === 'table');
    expect(tables.map((t) => t.name).sort()).toEqual(['history', 'history_head']);
    for (const table of tables) expect(table.sql).toMatch(/\) STRICT$/);
    expect(schema.filter((s) => s.type === 'index').map((s) => s.name)).toEqual(['history_by_subject']);
    expect(db.prepare('SELECT id, count, hash FROM history_head').all()).toEqual([
      { id: 1, count: 0, hash: GENESIS_HASH },
    ]);
    expect(new HistoryRepository(db).verify()).toEqual({ ok: true, count: 0 });
  });

  it('refuses rows that break its checks', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 40);
    const insert = (subjectType: string, hash: string) =>
      db
        .prepare(
          `INSERT INTO history (at, actor, subject_type, subject_id, action, prev_hash, hash)
           VALUES ('now', 'Me', ?, 1, 'status', ?, ?)`,
        )
        .run(subjectType, GENESIS_HASH, hash);
    expect(() => insert('person', 'a'.repeat(64))).toThrow(/CHECK constraint/);
    expect(() => insert('task', 'short')).toThrow(/CHECK constraint/);
    insert('task', 'a'.repeat(64));
    expect(() => insert('task', 'a'.repeat(64))).toThrow(/UNIQUE constraint/);
    expect(db.prepare(`SELECT note FROM history`).get()).toEqual({ note: '' });
    expect(() =>
      db.prepare(`INSERT INTO history_head (id, count, hash) VALUES (2, 0, ?)`).run(GENESIS_HASH),
    ).toThrow(/CHECK constraint|UNIQUE constraint/);
  });
});

describe('HistoryRepository', () => {
  it('appends a chain that verifies, inside a caller’s transaction too, and survives reopening', () => {
    const { db, dir, history } = open();
    const first = history.append(change(1));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, actor: 'Me', note: 'change 1' });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    const second = history.append(change(2, { from: null, note: '' }));
    expect(second.prevHash).toBe(first.hash);

    db.transaction(() => {
      db.prepare(`INSERT INTO people (name, created_at, updated_at) VALUES ('Sam', 'now', 'now')`).run();
      history.append(change(3));
      history.append(change(4, { subjectType: 'finding', subjectId: 9 }));
    })();
    expect(history.verify()).toEqual({ ok: true, count: 4 });
    expect(db.prepare('SELECT count, hash FROM history_head').get()).toEqual({
      count: 4,
      hash: history.list({ limit: 1 })[0]!.hash,
    });

    db.close();
    expect(open(dir).history.verify()).toEqual({ ok: true, count: 4 });
  });

  it('rolls a row and the head back with the caller’s transaction', () => {
    const { db, history } = open();
    history.append(change(1));
    expect(() =>
      db.transaction(() => {
        history.append(change(2));
        throw new Error('the task update failed');
      })(),
    ).toThrow(/task update failed/);
    expect(history.list()).toHaveLength(1);
    expect(history.verify()).toEqual({ ok: true, count: 1 });
    expect(history.append(change(3)).seq).toBe(2);
    expect(history.verify()).toEqual({ ok: true, count: 2 });
  });

  it('lists newest first, by subject type, by subject, and limited', () => {
    const { history } = open();
    history.append(change(1, { subjectType: 'task', subjectId: 1 }));
    history.append(change(2, { subjectType: 'finding', subjectId: 1 }));
    history.append(change(3, { subjectType: 'task', subjectId: 2 }));
    history.append(change(4, { subjectType: 'task', subjectId: 1, from: 'done', to: 'open' }));

    const seqs = (rows: { seq: number }[]) => rows.map((row) => row.seq);
    expect(seqs(history.list())).toEqual([4, 3, 2, 1]);
    expect(seqs(history.list({ subjectType: 'task' }))).toEqual([4, 3, 1]);
    expect(seqs(history.list({ subjectType: 'task', subjectId: 1 }))).toEqual([4, 1]);
    expect(seqs(history.list({ subjectType: 'finding', subjectId: 2 }))).toEqual([]);
    expect(seqs(history.list({ limit: 2 }))).toEqual([4, 3]);
    expect(history.list({ subjectType: 'task', subjectId: 1, limit: 1 })).toEqual([
      expect.objectContaining({
        seq: 4,
        actor: 'Helper: Sam (IT)',
        subjectType: 'task',
        subjectId: 1,
        action: 'status',
        from: 'done',
        to: 'open',
        note: 'change 4',
      }),
    ]);
  });

  it('refuses to update or delete history rows, or remove or rewind the head, from the app', () => {
    const { db, history } = open();
    history.append(change(1));
    history.append(change(2));
    expect(() => db.exec(`UPDATE history SET note = 'x' WHERE seq = 1`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM history WHERE seq = 2`)).toThrow(/append-only/);
    expect(() => db.exec(`DELETE FROM history_head`)).toThrow(/cannot be removed/);
    expect(() => db.exec(`UPDATE history_head SET count = 1`)).toThrow(/only moves forward/);
    expect(history.verify()).toEqual({ ok: true, count: 2 });
  });

  it('detects an edited row, at that row', () => {
    const { db, history } = open();
    for (let n = 1; n <= 4; n += 1) history.append(change(n));
    tamper(db, `UPDATE history SET note = 'x' WHERE seq = 2`);
    expect(history.verify()).toEqual({ ok: false, count: 1, brokenAt: 2, reason: 'hash-mismatch' });
  });

  it('detects an edit made to the bytes of the closed file, where no trigger runs', () => {
    const { db, dir, history } = open();
    history.append(change(1));
    history.append(change(2, { note: 'Rotated the router password' }));
    history.append(change(3));
    db.close(); // checkpoints the WAL into the file
    const path = join(dir, DATABASE_FILE);
    const bytes = readFileSync(path);
    const original = Buffer.from('Rotated the router password');
    const at = bytes.indexOf(original);
    expect(at).toBeGreaterThan(0);
    Buffer.from('Rotated the router PASSWORD').copy(bytes, at);
    writeFileSync(path, bytes);

    const reopened = open(dir);
    expect(reopened.history.list({ limit: 1, subjectType: 'task', subjectId: 3 })[0]?.note).toBe(
      'Rotated the router PASSWORD',
    );
    expect(reopened.history.verify()).toEqual({ ok: false, count: 1, brokenAt: 2, reason: 'hash-mismatch' });
  });

  it('detects a removed last row as truncated, and a later append keeps that visible', () => {
    const { db, history } = open();
    for (let n = 1; n <= 4; n += 1) history.append(change(n));
    tamper(db, `DELETE FROM history WHERE seq = 4`);
    expect(history.verify()).toEqual({ ok: false, count: 3, brokenAt: 4, reason: 'truncated' });

    // Chaining from the head, not from the last remaining row, so the gap cannot be papered over.
    expect(history.append(change(5))).toMatchObject({ seq: 5 });
    expect(history.verify()).toEqual({ ok: false, count: 3, brokenAt: 4, reason: 'sequence-gap' });
  });

  it('detects a removed middle row and swapped rows', () => {
    const removed = open();
    for (let n = 1; n <= 4; n += 1) removed.history.append(change(n));
    tamper(removed.db, `DELETE FROM history WHERE seq = 2`);
    expect(removed.history.verify()).toMatchObject({ ok: false, brokenAt: 2, reason: 'sequence-gap' });

    const swapped = open();
    for (let n = 1; n <= 4; n += 1) swapped.history.append(change(n));
    tamper(
      swapped.db,
      `UPDATE history SET seq = seq + 100 WHERE seq IN (2, 3);
       UPDATE history SET seq = CASE seq WHEN 102 THEN 3 ELSE 2 END WHERE seq > 100;`,
    );
    expect(swapped.history.list().map((row) => row.note)).toEqual([
      'change 4',
      'change 2',
      'change 3',
      'change 1',
    ]);
    expect(swapped.history.verify()).toMatchObject({ ok: false, brokenAt: 2, reason: 'prev-mismatch' });
  });

  it('stores any text so that an untouched chain still verifies', () => {
    const { history } = open();
    let count = 0;
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.option(fc.string({ unit: 'binary' })),
        fc.option(fc.string({ unit: 'grapheme' })),
        (note, from, to) => {
          history.append(change(1, { note, from, to }));
          count += 1;
          expect(history.verify()).toEqual({ ok: true, count });
        },
      ),
      { numRuns: 200 },
    );
    expect(history.append(change(1, { note: 'half an emoji: \ud83d' })).note).toBe('half an emoji: \ufffd');
    expect(history.verify()).toEqual({ ok: true, count: count + 1 });
  });

  it('verifies 10,000 rows by streaming them', () => {
    const { db, history } = open();
    db.transaction(() => {
      for (let n = 1; n <= 10_000; n += 1) history.append(change(n));
    })();
    expect(history.verify()).toEqual({ ok: true, count: 10_000 });
    expect(history.list({ limit: 1 })[0]?.seq).toBe(10_000);
  });

  it('hashes as SHA-256 hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
