import Database from 'better-sqlite3';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from './connection';
import { DatabaseFromFutureError, LATEST_SCHEMA_VERSION, migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';

const tempDir = () => mkdtempSync(join(tmpdir(), 'lockstep-db-'));

describe('migrations', () => {
  it('are numbered in increasing multiples of 10 (a version given to a branch may land before the one below it)', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.version % 10).toBe(0);
      expect(m.version).toBeGreaterThan(i === 0 ? 0 : MIGRATIONS[i - 1]!.version);
    });
    expect(MIGRATIONS[0]!.version).toBe(10);
  });

  it('0010 creates the inventory from an empty file, with STRICT tables and checks', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS, 10)).toEqual([10]);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table'`).all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['accounts', 'email_addresses', 'people']);
    for (const table of tables) expect(table.sql).toMatch(/\) STRICT$/);
    db.prepare(`INSERT INTO people (name, created_at, updated_at) VALUES ('Me', 'now', 'now')`).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO accounts (person_id, service, category, criticality, created_at, updated_at)
           VALUES (1, 'X', 'not-a-category', 'standard', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  });

  it('keeps existing data when brought to the latest version', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 10);
    db.prepare(
      `INSERT INTO people (name, is_default, created_at, updated_at) VALUES ('Me', 1, 'now', 'now')`,
    ).run();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT name FROM people').all()).toEqual([{ name: 'Me' }]);
  });

  it('refuses a database written by a newer Lockstep and leaves it untouched', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    expect(() => migrate(db)).toThrow(DatabaseFromFutureError);
    expect(() => migrate(db)).toThrow(
      expect.objectContaining({ found: LATEST_SCHEMA_VERSION + 10, supported: LATEST_SCHEMA_VERSION }),
    );
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get()).toEqual({ n: 0 });
  });

  it('applies all pending steps in one transaction: a failing step leaves the file as it was', () => {
    const db = new Database(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: 9990,
        name: 'broken',
        sql: 'CREATE TABLE ok_table (x INTEGER) STRICT; SELECT nope FROM missing;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get()).toEqual({ n: 0 });
  });
});

describe('openDatabase', () => {
  it('creates the file readable by its owner only, in WAL mode with foreign keys and full sync', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.prepare(`INSERT INTO people (name, created_at, updated_at) VALUES ('Me', 'now', 'now')`).run();
    expect(statSync(join(dir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, `${DATABASE_FILE}-wal`)).mode & 0o777).toBe(0o600);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('tightens the mode of an existing file', async () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const { chmodSync } = await import('node:fs');
    chmodSync(join(dir, DATABASE_FILE), 0o644);
    openDatabase(dir).close();
    expect(statSync(join(dir, DATABASE_FILE)).mode & 0o777).toBe(0o600);
  });
});

describe('migration steps with data in them', () => {
  it('0020 adds password columns and tables without touching existing accounts', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 10);
    db.prepare(
      `INSERT INTO people (name, is_default, created_at, updated_at) VALUES ('Me', 1, 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO accounts (person_id, service, category, criticality, created_at, updated_at)
       VALUES (1, 'LinkedIn', 'social', 'standard', 'now', 'now')`,
    ).run();
    migrate(db, MIGRATIONS, 20);
    expect(db.prepare('SELECT service, has_totp, source FROM accounts').get()).toEqual({
      service: 'LinkedIn',
      has_totp: 0,
      source: 'manual',
    });
    expect(() =>
      db
        .prepare(
          `INSERT INTO password_signals (account_id, strength, exact_fingerprint, analysed_at) VALUES (1, 9, 'x', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  });

  it('0030 adds dismissal times and email breach marks, keeping findings', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 20);
    db.prepare(
      `INSERT INTO findings (kind, subject, severity, status, evidence, first_seen_at, last_seen_at)
       VALUES ('password_weak', 'account:1', 'medium', 'dismissed', '{}', 'now', 'now')`,
    ).run();
    migrate(db, MIGRATIONS, 30);
    expect(db.prepare('SELECT status, dismissed_at FROM findings').get()).toEqual({
      status: 'dismissed',
      dismissed_at: null,
    });
    db.prepare(`INSERT INTO people (name, created_at, updated_at) VALUES ('Me', 'now', 'now')`).run();
    db.prepare(
      `INSERT INTO email_addresses (person_id, address, created_at) VALUES (1, 'a@example.com', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO email_breaches (email_id, breach_name, source, added_at) VALUES (1, 'LinkedIn', 'manual', 'now')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO email_breaches (email_id, breach_name, source, added_at) VALUES (1, 'Adobe', 'guess', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  });
});

describe('later migration steps with data in them', () => {
  const seeded = (version: number) => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, version);
    db.prepare(
      `INSERT INTO people (name, is_default, created_at, updated_at) VALUES ('Me', 1, 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO accounts (person_id, service, category, criticality, created_at, updated_at)
       VALUES (1, 'LinkedIn', 'social', 'standard', 'now', 'now')`,
    ).run();
    return db;
  };

  it('0050 adds tasks linked to accounts and findings, keeping earlier data', () => {
    const db = seeded(40);
    migrate(db, MIGRATIONS, 50);
    expect(db.prepare('SELECT service FROM accounts').get()).toEqual({ service: 'LinkedIn' });
    db.prepare(
      `INSERT INTO tasks (task_key, kind, title, account_id, source, priority, created_at, updated_at)
       VALUES ('change_password:account:1', 'change_password', 'Change your password at LinkedIn', 1, 'finding', 'P2', 'now', 'now')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO tasks (kind, title, source, priority, created_at, updated_at) VALUES ('manual', 'x', 'manual', 'P9', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(db.prepare('SELECT account_id FROM tasks').get()).toEqual({ account_id: null });
  });

  it('0060 adds daily score snapshots', () => {
    const db = seeded(50);
    migrate(db, MIGRATIONS, 60);
    db.prepare(
      `INSERT INTO score_snapshots (day, score, open_findings, fixed_findings) VALUES ('2026-11-28', 42, 3, 1)`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO score_snapshots (day, score, open_findings, fixed_findings) VALUES ('2026-11-29', 101, 0, 0)`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  });

  it('0070 adds the offline-index count to existing password signals as unknown', () => {
    const db = seeded(60);
    db.prepare(
      `INSERT INTO password_signals (account_id, strength, exact_fingerprint, analysed_at) VALUES (1, 3, ?, 'now')`,
    ).run('f'.repeat(32));
    migrate(db, MIGRATIONS, 70);
    expect(db.prepare('SELECT strength, index_count, index_built_at FROM password_signals').get()).toEqual({
      strength: 3,
      index_count: null,
      index_built_at: null,
    });
  });

  it('0080 adds guide sessions and breach notices that follow their account and person', () => {
    const db = seeded(70);
    migrate(db, MIGRATIONS, 80);
    db.prepare(
      `INSERT INTO breach_notices (person_id, provider, domains, received_on, exposed, created_at)
       VALUES (1, 'LinkedIn', '["linkedin.com"]', '2026-11-01', '["Email addresses"]', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO guide_sessions (guide_id, guide_version, guide_json, account_id, person_id, origin, started_at, updated_at)
       VALUES ('secure-main-email', '1.0', '{}', 1, 1, 'library', 'now', 'now')`,
    ).run();
    db.prepare(`INSERT INTO guide_session_steps (session_id, step_id, position) VALUES (1, 'one', 0)`).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO guide_session_steps (session_id, step_id, position, status) VALUES (1, 'two', 1, 'maybe')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO breach_notices (person_id, provider, received_on, created_at) VALUES (1, 'X', 'last week', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    db.prepare('DELETE FROM accounts WHERE id = 1').run();
    expect(db.prepare('SELECT account_id FROM guide_sessions').get()).toEqual({ account_id: null });
    db.prepare('DELETE FROM guide_sessions').run();
    expect(db.prepare('SELECT count(*) AS n FROM guide_session_steps').get()).toEqual({ n: 0 });
    db.prepare('DELETE FROM people WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM breach_notices').get()).toEqual({ n: 0 });
  });
});
