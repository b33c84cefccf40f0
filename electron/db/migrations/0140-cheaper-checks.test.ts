import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../connection';
import { migrate } from '../migrate';
import { HistoryRepository } from '../repositories/historyRepository';
import { MIGRATIONS, type Migration } from './index';

/** The tables 140 edits, and the columns whose `IN` lists it rewrites. */
const REWRITTEN: Record<string, string[]> = {
  accounts: ['url_kind', 'category', 'criticality', 'mfa'],
  password_signals: ['online_status'],
  findings: ['severity', 'status'],
  tasks: ['kind', 'source', 'priority', 'status'],
};

const hex = (n: number, length = 32) => n.toString(16).padStart(length, '0');

/**
 * A database at 130 with data in every table, and everything that refers to the edited tables
 * linked: signals, findings and their accounts, tasks and their findings, guide runs (one account
 * and several), mail hits naming accounts, the history of changes to them.
 */
function populatedAt130(db: Database.Database): void {
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, 130);
  db.exec(`
INSERT INTO people (id, name, is_default, created_at, updated_at, group_name, role)
VALUES (1, 'Me', 1, 't0', 't0', '', ''), (2, 'Priya', 0, 't0', 't0', 'Office', 'Manager');
INSERT INTO email_addresses (id, person_id, address, created_at) VALUES (1, 1, 'me@example.com', 't0'), (5, 2, 'priya@example.com', 't0');
INSERT INTO email_breaches (email_id, breach_name, source, added_at) VALUES (1, 'Adobe', 'hibp', 't0');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
INSERT INTO accounts (id, person_id, service, url, domain, url_kind, username, category, criticality, mfa, created_at, updated_at, has_totp, source)
SELECT i * 3, 1 + i % 2, 'Service ' || i, '', CASE WHEN i % 5 = 0 THEN NULL ELSE 's' || i || '.example' END,
  CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN 'web' WHEN 2 THEN 'android' WHEN 3 THEN 'ip' ELSE 'local' END,
  'user' || i, CASE i % 3 WHEN 0 THEN 'email' WHEN 1 THEN 'finance' ELSE 'other' END,
  CASE i % 3 WHEN 0 THEN 'critical' WHEN 1 THEN 'important' ELSE 'standard' END,
  CASE i % 4 WHEN 0 THEN 'unknown' WHEN 1 THEN 'totp' WHEN 2 THEN 'security_key' ELSE 'none' END,
  't1', 't1', i % 2, CASE WHEN i % 2 = 0 THEN 'import' ELSE 'manual' END
FROM n;
INSERT INTO password_signals (account_id, strength, exact_fingerprint, online_status, analysed_at)
SELECT id, id % 5, printf('%032x', id), CASE id % 4 WHEN 0 THEN 'off' WHEN 1 THEN 'found' WHEN 2 THEN 'not_found' ELSE 'failed' END, 't1'
FROM accounts;
INSERT INTO findings (id, kind, subject, severity, status, evidence, first_seen_at, last_seen_at)
SELECT id * 7, 'password_weak', 'account:' || id, CASE id % 4 WHEN 0 THEN 'critical' WHEN 1 THEN 'high' WHEN 2 THEN 'medium' ELSE 'low' END,
  CASE id % 4 WHEN 0 THEN 'open' WHEN 1 THEN 'resolved' WHEN 2 THEN 'auto_resolved' ELSE 'dismissed' END, '{}', 't1', 't1'
FROM accounts;
INSERT INTO finding_accounts (finding_id, account_id) SELECT id * 7, id FROM accounts;
INSERT INTO finding_accounts (finding_id, account_id) SELECT 21, id FROM accounts WHERE id BETWEEN 6 AND 30;
INSERT INTO tasks (id, task_key, kind, title, account_id, source, priority, status, created_at, updated_at, owner_person_id, assignee_helper)
SELECT id * 11, 'change_password:account:' || id, 'change_password', 'Change it', id, 'finding',
  'P' || (1 + id % 4), CASE id % 5 WHEN 0 THEN 'todo' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'done' WHEN 3 THEN 'snoozed' ELSE 'wont_do' END,
  't2', 't2', 1 + id % 2, CASE WHEN id % 3 = 0 THEN 'Sam (IT)' END
FROM accounts;
INSERT INTO tasks (id, task_key, kind, title, account_id, source, priority, created_at, updated_at, assignee_person_id)
VALUES (5000, NULL, 'manual', 'Shred letters', NULL, 'manual', 'P3', 't2', 't2', 2),
       (5001, NULL, 'enable_mfa', 'From a guide', 3, 'guide', 'P2', 't2', 't2', NULL);
INSERT INTO task_findings (task_id, finding_id) SELECT id * 11, id * 7 FROM accounts;
INSERT INTO task_findings (task_id, finding_id) SELECT 5001, id * 7 FROM accounts WHERE id <= 30;
INSERT INTO checklists (id, guide_id, guide_title, helper_name, created_at) VALUES (1, 'baseline', 'Baseline', 'Sam', 't3');
INSERT INTO guide_runs (id, guide_id, guide_version, guide_json, account_id, account_label, person_id, person_name, origin, origin_id, started_at, updated_at, checklist_id)
VALUES (1, 'secure-main-email', '1', '{}', 3, 'Service 1', 1, 'Me', 'task', 33, 't3', 't3', 1),
       (2, 'notice', '1', '{}', 6, 'Service 2', 2, 'Priya', 'notice', 1, 't3', 't3', NULL);
INSERT INTO guide_run_accounts (run_id, position, account_id, label) VALUES (1, 0, 3, 'Service 1'), (2, 0, 6, 'Service 2'), (2, 1, 9, 'Service 3');
INSERT INTO guide_run_steps (run_id, step_id, position, status, task_ids) VALUES (1, 'one', 0, 'done', '[33]'), (2, 'one', 0, 'pending', '[]');
INSERT INTO breach_notices (id, person_id, provider, received_on, email_id, created_at) VALUES (1, 1, 'Microsoft', '2024-03-08', 1, 't3');
INSERT INTO mail_scans (id, person_id, source_name, source_kind, status, started_at, updated_at) VALUES (1, 1, 'All mail.mbox', 'file', 'finished', 't4', 't4');
INSERT INTO mail_hits (scan_id, kind, fingerprint, hint, count, account_ids) VALUES (1, 'password', '${hex(9)}', 'A password', 2, '[3,6]');
INSERT INTO mail_secret_rotations (kind, fingerprint, rotated_on, recorded_at) VALUES ('password', '${hex(9)}', '2024-02-01', 't4');
INSERT INTO strength_verdicts (fingerprint, version, score, guesses_log10, stored_at) VALUES ('${hex(3)}', 'v', 1, 5.5, 't4');
INSERT INTO imports (person_id, file_name, format, entries, created, updated, skipped, imported_at) VALUES (1, 'a.csv', 'bitwarden-csv', 60, 60, 0, 0, 't4');
INSERT INTO score_snapshots (day, score, open_findings, fixed_findings) VALUES ('2026-01-01', 40, 15, 45);
INSERT INTO settings (key, value) VALUES ('app', '{}');
INSERT INTO network_ledger (at, method, url, purpose, sent, outcome) VALUES ('t4', 'GET', 'https://example.com', 'p', 's', '200');`);
  new HistoryRepository(db).appendMany(
    [3, 6, 9].map((id) => ({
      at: `t5.${id}`,
      actor: 'Me',
      subjectType: 'account' as const,
      subjectId: id,
      action: 'created',
      from: null,
      to: `Service ${id / 3}`,
      note: '',
    })),
  );
}

const tablesOf = (db: Database.Database): string[] =>
  db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all() as string[];

/** Every row of every table, with its rowid (tables without one are keyed by their primary key). */
const contentsOf = (db: Database.Database) =>
  Object.fromEntries(
    tablesOf(db).map((table) => {
      const hasRowid = db.prepare(`SELECT 1 FROM pragma_table_list WHERE name = ? AND wr = 0`).get(table);
      const select = hasRowid ? `SELECT rowid AS _rowid, * FROM "${table}"` : `SELECT * FROM "${table}"`;
      return [table, db.prepare(`${select} ORDER BY 1, 2`).all()];
    }),
  );

/** The schema as SQLite reads it: columns, keys, indexes, foreign keys and options of every table. */
const structureOf = (db: Database.Database) =>
  Object.fromEntries(
    tablesOf(db).map((table) => [
      table,
      {
        options: db.prepare(`SELECT type, ncol, wr, strict FROM pragma_table_list WHERE name = ?`).get(table),
        columns: db.prepare(`SELECT * FROM pragma_table_xinfo(?)`).all(table),
        foreignKeys: db.prepare(`SELECT * FROM pragma_foreign_key_list(?)`).all(table),
        indexes: (
          db.prepare(`SELECT * FROM pragma_index_list(?) ORDER BY name`).all(table) as { name: string }[]
        ).map((index) => ({
          ...index,
          columns: db.prepare(`SELECT * FROM pragma_index_xinfo(?)`).all(index.name),
        })),
      },
    ]),
  );

const schemaRows = (db: Database.Database) =>
  db.prepare(`SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema ORDER BY type, name`).all() as {
    type: string;
    name: string;
    sql: string | null;
  }[];

/** `col = 'a' OR col = 'b'` written back as `col IN ('a', 'b')`. */
const asInLists = (sql: string) =>
  sql.replace(
    /CHECK \((\w+) = ('[^']*')((?: OR \1 = '[^']*')+)\)/g,
    (_all, column: string, first: string, rest: string) =>
      `CHECK (${column} IN (${[first, ...rest.split(` OR ${column} = `).slice(1)].join(', ')}))`,
  );

const tempDir = () => mkdtempSync(join(tmpdir(), 'lockstep-0140-'));

describe('migration 140: the import’s tables test their enumerations without IN lists', () => {
  it('keeps every row, rowid and link; only the CHECK texts of the four tables change', () => {
    const db = new Database(':memory:');
    populatedAt130(db);
    for (const table of tablesOf(db)) expect(contentsOf(db)[table]!.length, table).toBeGreaterThan(0);
    const rows = contentsOf(db);
    const structure = structureOf(db);
    const schema = schemaRows(db);

    expect(migrate(db)).toEqual([140]);

    expect(contentsOf(db)).toEqual(rows);
    expect(structureOf(db)).toEqual(structure);
    const after = schemaRows(db);
    expect(after.map((r) => ({ ...r, sql: r.sql && asInLists(r.sql) }))).toEqual(schema);
    expect(after.filter((r, i) => r.sql !== schema[i]!.sql).map((r) => r.name)).toEqual(
      Object.keys(REWRITTEN).sort(),
    );
    for (const [table, columns] of Object.entries(REWRITTEN)) {
      const sql = after.find((r) => r.name === table)!.sql!;
      for (const column of columns) expect(sql).not.toMatch(new RegExp(`\\b${column} IN \\(`));
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(new HistoryRepository(db).verify()).toMatchObject({ ok: true, count: 3 });
    // Links still work as links: removing an account still cascades and nulls as before.
    db.prepare(`DELETE FROM accounts WHERE id = 3`).run();
    expect(db.prepare(`SELECT count(*) FROM password_signals WHERE account_id = 3`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM finding_accounts WHERE account_id = 3`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT account_id FROM tasks WHERE id = 5001`).pluck().get()).toBeNull();
    expect(db.prepare(`SELECT account_id FROM guide_runs WHERE id = 1`).pluck().get()).toBeNull();
    db.prepare(`DELETE FROM findings WHERE id = 21`).run();
    expect(db.prepare(`SELECT count(*) FROM task_findings WHERE finding_id = 21`).pluck().get()).toBe(0);
  });

  it('accepts and refuses exactly the values the IN lists did, NULL included', () => {
    const old = new Database(':memory:');
    populatedAt130(old);
    const now = new Database(':memory:');
    populatedAt130(now);
    migrate(now);
    expect(() => now.prepare(`UPDATE accounts SET mfa = 'fax' WHERE id = 3`).run()).toThrow(
      /CHECK constraint failed: mfa = 'unknown' OR mfa = 'none'/,
    );
    const key = {
      accounts: 'id = 3',
      password_signals: 'account_id = 3',
      findings: 'id = 21',
      tasks: 'id = 33',
    };
    const outcome = (db: Database.Database, table: string, column: string, value: unknown): string => {
      const where = key[table as keyof typeof key];
      try {
        db.transaction(() => {
          db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${where}`).run(value);
          throw new Error('rolled back');
        })();
      } catch (error) {
        return (error as { code?: string }).code ?? (error as Error).message;
      }
      return 'unreachable';
    };
    let refusedByCheck = 0;
    for (const [table, columns] of Object.entries(REWRITTEN)) {
      for (const column of columns) {
        const allowed = old
          .prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`)
          .pluck()
          .get(table) as string;
        const list = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(allowed)![1]!;
        const values = list.split(', ').map((v) => v.slice(1, -1));
        const probes: unknown[] = [
          ...values,
          ...values.map((v) => v.toUpperCase()),
          ...values.map((v) => ` ${v}`),
          ...values.map((v) => `${v}\0`),
          null,
          '',
          'other_value',
          values[0]!.slice(0, -1),
          1,
          0,
          1.5,
          Buffer.from(values[0]!),
        ];
        for (const value of probes) {
          const before = outcome(old, table, column, value);
          expect(outcome(now, table, column, value), `${table}.${column} = ${String(value)}`).toBe(before);
          if (before === 'SQLITE_CONSTRAINT_CHECK') refusedByCheck++;
        }
        expect(outcome(now, table, column, 'not one of them')).toBe('SQLITE_CONSTRAINT_CHECK');
        for (const value of values) expect(outcome(now, table, column, value)).toBe('rolled back');
      }
    }
    expect(refusedByCheck).toBeGreaterThan(100);
    // The one nullable enumeration: an account without a kind of address is still accepted.
    expect(outcome(now, 'accounts', 'url_kind', null)).toBe('rolled back');
  });

  it('has the import’s inserts test the values without building a table per statement', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 130);
    const ephemeralTables = (table: string) => {
      const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
      const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      return (db.prepare(`EXPLAIN ${insert}`).all(columns.map(() => null)) as { opcode: string }[]).filter(
        (op) => op.opcode === 'OpenEphemeral',
      ).length;
    };
    const tables = Object.keys(REWRITTEN);
    expect(tables.map(ephemeralTables)).toEqual([4, 1, 2, 4]);
    migrate(db);
    expect(tables.map(ephemeralTables)).toEqual([0, 0, 0, 0]);
  });

  it('is seen by a connection that was already open on the file (the schema version moves on)', () => {
    const dir = tempDir();
    const path = join(dir, DATABASE_FILE);
    const setup = new Database(path);
    setup.pragma('journal_mode = WAL');
    populatedAt130(setup);
    setup.close();
    const other = new Database(path);
    other.pragma('foreign_keys = ON');
    const kinds = () =>
      (
        other.prepare(`EXPLAIN UPDATE accounts SET category = ? WHERE id = 3`).all('email') as {
          opcode: string;
        }[]
      ).filter((op) => op.opcode === 'OpenEphemeral').length;
    expect(kinds()).toBe(1);

    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(140);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM accounts`).pluck().get()).toBe(60);
    db.close();
    // Its next statement notices the new schema version and reads the new definitions.
    expect(() => other.prepare(`UPDATE accounts SET category = 'nope' WHERE id = 3`).run()).toThrow(
      /CHECK constraint failed: category = 'email' OR/,
    );
    expect(kinds()).toBe(0);
    other.close();
  });

  it('rolls back to 130, untouched, when a stored row fails a rewritten constraint', () => {
    const db = new Database(':memory:');
    populatedAt130(db);
    // A row the old constraint would have refused (written with checks switched off).
    db.pragma('ignore_check_constraints = ON');
    db.prepare(`UPDATE tasks SET priority = 'P9' WHERE id = 33`).run();
    db.pragma('ignore_check_constraints = OFF');
    const rows = contentsOf(db);
    const schema = schemaRows(db);
    const schemaVersion = db.pragma('schema_version', { simple: true });

    expect(() => migrate(db)).toThrow(
      expect.objectContaining({
        name: 'SchemaEditCheckError',
        version: 140,
        table: 'tasks',
        problems: [expect.stringMatching(/CHECK constraint failed in tasks/)],
      }),
    );

    expect(db.pragma('user_version', { simple: true })).toBe(130);
    expect(schemaRows(db)).toEqual(schema);
    expect(db.pragma('schema_version', { simple: true })).toBe(schemaVersion);
    expect(contentsOf(db)).toEqual(rows);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('writable_schema', { simple: true })).toBe(0);
    expect(() => db.exec(`UPDATE sqlite_schema SET sql = sql WHERE name = 'tasks'`)).toThrow(
      /may not be modified/,
    );

    // Once the row is put right, the same upgrade goes through.
    db.prepare(`UPDATE tasks SET priority = 'P1' WHERE id = 33`).run();
    expect(migrate(db)).toEqual([140]);
  });
});

describe('the runner, for a step that edits tables’ SQL', () => {
  const step = (sql: string, editsTableSql?: true): Migration => ({
    version: 9990,
    name: 'test-step',
    sql,
    ...(editsTableSql ? { editsTableSql } : {}),
  });

  it('allows the edit for that step only, then shuts the schema again', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(() =>
      migrate(db, [...MIGRATIONS, step(`UPDATE sqlite_schema SET sql = sql WHERE name = 'accounts'`)]),
    ).toThrow(/may not be modified/);
    expect(db.pragma('user_version', { simple: true })).toBe(140);

    db.exec(`CREATE TABLE scratch (key TEXT NOT NULL CHECK (length(key) > 0)) STRICT`);
    const tighten = `UPDATE sqlite_schema SET sql = replace(sql, 'length(key) > 0', 'length(key) > 1') WHERE name = 'scratch'`;
    expect(migrate(db, [...MIGRATIONS, step(tighten, true)])).toEqual([9990]);
    expect(() => db.prepare(`INSERT INTO scratch (key) VALUES ('a')`).run()).toThrow(/length\(key\) > 1/);
    expect(db.pragma('writable_schema', { simple: true })).toBe(0);
    expect(() => db.exec(`UPDATE sqlite_schema SET sql = sql WHERE name = 'scratch'`)).toThrow(
      /may not be modified/,
    );
  });

  it('rolls everything back, from an empty file too, when the edited SQL does not parse', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const broken = step(
      `UPDATE sqlite_schema SET sql = replace(sql, ') STRICT', ') STRICTER') WHERE name = 'imports'`,
      true,
    );
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(
      /malformed database schema|unknown table option/,
    );
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema`).pluck().get()).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.exec(`CREATE TABLE t (x INTEGER) STRICT; UPDATE sqlite_schema SET sql = sql`)).toThrow(
      /may not be modified/,
    );
    // The connection is still usable: the whole upgrade applies afterwards.
    db.exec('DROP TABLE t');
    expect(migrate(db).at(-1)).toBe(140);
  });
});
