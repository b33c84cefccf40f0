import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CRITICALITIES, MFA_METHODS } from '../../common/domain/inventory';
import { PRIORITIES, TASK_KINDS, TASK_STATUSES } from '../../common/domain/tasks/tasks';
import { HISTORY_SUBJECT_TYPES } from '../../common/domain/history/chain';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { HistoryRepository } from './repositories/historyRepository';

/**
 * A database at every past version, with data in every table, upgraded to the latest: the data is
 * all there, the constraints hold, and the schema is exactly what a fresh install gets. The schema
 * each version shipped with is kept in `migrations/schemas.json`; a migration edited after it
 * shipped (or one that splices in today's constants) no longer matches it.
 */
const SCHEMAS_FILE = join(import.meta.dirname, 'migrations/schemas.json');

/** Rows for the tables each version created, as that version's schema had them. */
const SEEDS: Record<number, (db: Database.Database) => void> = {
  10: (db) =>
    db.exec(`
INSERT INTO people (id, name, is_default, created_at, updated_at) VALUES (1, 'Me', 1, 't0', 't0'), (2, 'Priya', 0, 't0', 't0');
INSERT INTO people (id, name, created_at, updated_at, deletion_token) VALUES (3, 'Gone', 't0', 't0', 'tok');
INSERT INTO email_addresses (id, person_id, address, created_at) VALUES (1, 1, 'me@example.com', 't0'), (2, 2, 'priya@example.com', 't0');
INSERT INTO accounts (id, person_id, service, url, domain, url_kind, username, category, criticality, mfa, password_changed_at, recovery_reviewed_at, notes, created_at, updated_at)
VALUES (1, 1, 'Mail', 'https://mail.example.com', 'example.com', 'web', 'me@example.com', 'email', 'critical', 'sms', '2020-01-01', NULL, 'n', 't0', 't0'),
       (2, 2, 'Shop', '', NULL, NULL, 'priya', 'shopping', 'standard', 'unknown', NULL, '2021-02-02', '', 't0', 't0');`),
  20: (db) =>
    db.exec(`
UPDATE accounts SET has_totp = 1, source = 'import' WHERE id = 1;
INSERT INTO password_signals (account_id, strength, strength_warning, exact_fingerprint, similar_fingerprint, similar_group, common_rank, online_status, pwned_count, online_checked_at, analysed_at)
VALUES (1, 1, 'w', '${'a'.repeat(32)}', '${'b'.repeat(32)}', 'g1', 42, 'found', 7, 't1', 't1');
INSERT INTO findings (id, kind, subject, severity, status, evidence, first_seen_at, last_seen_at) VALUES (1, 'password_weak', 'account:1', 'medium', 'open', '{"score":1}', 't1', 't1');
INSERT INTO finding_accounts (finding_id, account_id) VALUES (1, 1);
INSERT INTO imports (person_id, file_name, format, entries, created, updated, skipped, imported_at) VALUES (1, 'a.csv', 'bitwarden-csv', 2, 2, 0, 0, 't1');
INSERT INTO settings (key, value) VALUES ('app', '{"reminders":false}');
INSERT INTO network_ledger (at, method, url, purpose, sent, outcome) VALUES ('t1', 'GET', 'https://api.pwnedpasswords.com/range/21BD1', 'p', '5 hex', '200');`),
  30: (db) =>
    db.exec(`
UPDATE findings SET dismissed_at = NULL WHERE id = 1;
INSERT INTO email_breaches (email_id, breach_name, source, added_at) VALUES (1, 'Adobe', 'manual', 't2');`),
  40: (db) => {
    new HistoryRepository(db).appendMany(
      ['created', 'status'].map((action, i) => ({
        at: `t3.${i}`,
        actor: 'Me',
        subjectType: 'task' as const,
        subjectId: 1,
        action,
        from: null,
        to: 'todo',
        note: '',
      })),
    );
  },
  50: (db) =>
    db.exec(`
INSERT INTO tasks (id, task_key, kind, title, why, links, account_id, source, priority, due_at, status, created_at, updated_at)
VALUES (1, 'change_password:account:1', 'change_password', 'Change your password at Mail', '["w"]', '[]', 1, 'finding', 'P1', '2026-01-02', 'todo', 't4', 't4'),
       (2, NULL, 'manual', 'Shred letters', '[]', '[]', NULL, 'manual', 'P3', NULL, 'done', 't4', 't4');
INSERT INTO task_findings (task_id, finding_id) VALUES (1, 1);`),
  60: (db) =>
    db.exec(
      `INSERT INTO score_snapshots (day, score, open_findings, fixed_findings) VALUES ('2026-01-01', 33, 1, 0);`,
    ),
  70: (db) =>
    db.exec(
      `UPDATE password_signals SET index_count = 3, index_built_at = '2026-01-01' WHERE account_id = 1;`,
    ),
  80: (db) =>
    db.exec(`
INSERT INTO breach_notices (id, person_id, incident_id, provider, domains, received_on, exposed, email_id, details, created_at)
VALUES (1, 1, 'microsoft-2024', 'Microsoft', '["microsoft.com"]', '2024-03-08', '["Email messages"]', 1, '', 't5');
INSERT INTO guide_sessions (id, guide_id, guide_version, guide_json, variant_id, account_id, account_label, person_id, person_name, origin, origin_id, origin_label, helper_name, started_at, updated_at)
VALUES (1, 'secure-main-email', '1.0', '{"id":"secure-main-email"}', NULL, 1, 'Mail', 1, 'Me', 'notice', 1, 'Notice', 'Sam', 't5', 't5');
INSERT INTO guide_session_steps (session_id, step_id, position, status, note, items, applied, task_ids, updated_at)
VALUES (1, 'one', 0, 'done', 'ok', '["x"]', '["y"]', '[2]', 't5'), (1, 'two', 1, 'pending', '', '[]', '[]', '[]', NULL);`),
  90: () => {},
  110: (db) =>
    db.exec(`
INSERT INTO guide_run_accounts (run_id, position, account_id, label) VALUES (1, 1, 2, 'Shop (priya)');
INSERT INTO mail_scans (id, person_id, source_name, source_kind, status, messages, bytes, bytes_total, undecodable_count, undecodable, attachments_not_read, kinds, checkpoint, started_at, updated_at, finished_at)
VALUES (1, 1, 'All mail.mbox', 'file', 'finished', 12, 4096, 4096, 1, '[{"where":"message 3 in Inbox","why":"encrypted"}]', '{"pdf":2}', '["password","github_token"]', NULL, 't6', 't6', 't6');
INSERT INTO mail_hits (scan_id, kind, fingerprint, hint, count, first_seen, last_seen, folders, correspondent_domains, message_id_hashes, service, account_ids)
VALUES (1, 'github_token', '${'c'.repeat(32)}', 'GitHub token, 40 characters', 2, '2021-03-04', '2024-01-12', '["Inbox"]', '["github.com"]', '["${'d'.repeat(64)}"]', 'github.com', '[]');
INSERT INTO mail_secret_rotations (kind, fingerprint, rotated_on, recorded_at) VALUES ('github_token', '${'c'.repeat(32)}', '2024-02-01', 't6');
INSERT INTO tasks (task_key, kind, title, source, priority, created_at, updated_at)
VALUES ('rotate_secret:mail:github_token:${'c'.repeat(32)}', 'rotate_secret', 'Replace the GitHub token found in your mail', 'finding', 'P2', 't6', 't6');`),
  120: (db) =>
    db.exec(`
INSERT INTO strength_verdicts (fingerprint, version, score, guesses_log10, warning, suggestions, stored_at)
VALUES ('${'a'.repeat(32)}', 'zxcvbn-ts core 4.2.0', 1, 5.5, 'This is a top-100 common password.', '["Add more words."]', 't7');`),
  130: (db) =>
    db.exec(`
UPDATE people SET group_name = 'Office', role = 'Manager' WHERE id = 2;
UPDATE tasks SET owner_person_id = 1, assignee_helper = 'Sam (IT)' WHERE id = 1;
UPDATE tasks SET assignee_person_id = 2 WHERE id = 2;
INSERT INTO checklists (id, guide_id, guide_title, helper_name, created_at) VALUES (1, 'small-business-baseline', 'Baseline', 'Sam', 't7');
UPDATE guide_runs SET checklist_id = 1 WHERE id = 1;`),
  140: (db) =>
    db.exec(`
INSERT INTO accounts (id, person_id, service, url, domain, url_kind, username, category, criticality, mfa, created_at, updated_at, has_totp, source)
VALUES (3, 2, 'Android app', 'androidapp://com.example.app', NULL, 'android', 'priya', 'developer', 'important', 'passkey', 't8', 't8', 0, 'import');
INSERT INTO password_signals (account_id, strength, exact_fingerprint, online_status, analysed_at) VALUES (3, 4, '${'e'.repeat(32)}', 'not_found', 't8');
INSERT INTO findings (id, kind, subject, severity, status, evidence, first_seen_at, last_seen_at, dismissed_reason, dismissed_at)
VALUES (2, 'mfa_missing', 'account:3', 'low', 'dismissed', '{}', 't8', 't8', 'not now', 't8');
INSERT INTO finding_accounts (finding_id, account_id) VALUES (2, 3);
INSERT INTO tasks (task_key, kind, title, account_id, source, priority, status, snoozed_until, created_at, updated_at)
VALUES ('enable_mfa:account:3', 'enable_mfa', 'Turn on two-step sign-in for Android app', 3, 'guide', 'P4', 'snoozed', '2027-01-01', 't8', 't8');
INSERT INTO task_findings (task_id, finding_id) SELECT id, 2 FROM tasks WHERE task_key = 'enable_mfa:account:3';`),
};

/** Renamed tables and columns, old name → new name, by the version that renamed them. */
const RENAMES: { version: number; table: string; to: string; columns?: Record<string, string> }[] = [
  { version: 90, table: 'guide_sessions', to: 'guide_runs' },
  { version: 90, table: 'guide_session_steps', to: 'guide_run_steps', columns: { session_id: 'run_id' } },
];

const tablesOf = (db: Database.Database): string[] =>
  (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);

const rowsOf = (db: Database.Database, table: string): Record<string, unknown>[] =>
  db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[];

/** The schema as SQLite keeps it: every table, index and trigger's SQL, by name. */
const schemaOf = (db: Database.Database): Record<string, string> =>
  Object.fromEntries(
    (
      db
        .prepare(`SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name`)
        .all() as { type: string; name: string; sql: string }[]
    ).map((r) => [`${r.type} ${r.name}`, r.sql]),
  );

const at = (version: number): Database.Database => {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const step of MIGRATIONS.filter((m) => m.version <= version)) {
    migrate(db, MIGRATIONS, step.version);
    SEEDS[step.version]!(db);
  }
  return db;
};

describe('upgrading from every past version', () => {
  it('has a seed for every migration, and the seeds fill every table', () => {
    expect(Object.keys(SEEDS).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
    const db = at(MIGRATIONS.at(-1)!.version);
    for (const table of tablesOf(db)) expect(rowsOf(db, table).length, table).toBeGreaterThan(0);
  });

  it('gives each version exactly the schema it shipped with (migrations are frozen)', () => {
    const shipped = (
      existsSync(SCHEMAS_FILE) ? JSON.parse(readFileSync(SCHEMAS_FILE, 'utf8')) : {}
    ) as Record<string, Record<string, string>>;
    const current: Record<string, Record<string, string>> = {};
    for (const { version } of MIGRATIONS) {
      const db = new Database(':memory:');
      migrate(db, MIGRATIONS, version);
      current[version] = schemaOf(db);
    }
    if (process.env.LOCKSTEP_RECORD_SCHEMAS === '1') {
      // Only for a NEW migration: records its schema. Existing entries must never change.
      writeFileSync(SCHEMAS_FILE, `${JSON.stringify({ ...current, ...shipped }, null, 2)}\n`);
      return;
    }
    expect(Object.keys(shipped)).toEqual(Object.keys(current));
    for (const version of Object.keys(current))
      expect(current[version], `schema ${version}`).toEqual(shipped[version]);
  });

  for (const { version } of [{ version: 0 }, ...MIGRATIONS.slice(0, -1)]) {
    it(`from ${version}: keeps every row, and the schema and constraints are a fresh install's`, () => {
      const db = at(version);
      const before = new Map(tablesOf(db).map((t) => [t, rowsOf(db, t)]));
      migrate(db);
      const fresh = new Database(':memory:');
      migrate(fresh);
      expect(schemaOf(db)).toEqual(schemaOf(fresh));
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const [table, rows] of before) {
        const rename = RENAMES.find((r) => r.table === table && r.version > version);
        const now = rowsOf(db, rename?.to ?? table);
        expect(now.length, table).toBe(rows.length);
        rows.forEach((row, i) => {
          const renamed = Object.fromEntries(
            Object.entries(row).map(([column, value]) => [rename?.columns?.[column] ?? column, value]),
          );
          expect(now[i], `${table} row ${i}`).toMatchObject(renamed);
        });
      }
      if (version >= 40) expect(new HistoryRepository(db).verify()).toMatchObject({ ok: true, count: 2 });
    });
  }

  it('accepts, after any upgrade, every value today’s code writes', () => {
    const db = at(10);
    migrate(db);
    const insertAccount = db.prepare(
      `INSERT INTO accounts (person_id, service, category, criticality, mfa, created_at, updated_at)
       VALUES (1, 'x', @category, @criticality, @mfa, 't', 't')`,
    );
    for (const category of CATEGORIES)
      insertAccount.run({ category, criticality: 'standard', mfa: 'unknown' });
    for (const criticality of CRITICALITIES)
      insertAccount.run({ category: 'other', criticality, mfa: 'unknown' });
    for (const mfa of MFA_METHODS) insertAccount.run({ category: 'other', criticality: 'standard', mfa });
    const insertTask = db.prepare(
      `INSERT INTO tasks (kind, title, source, priority, status, created_at, updated_at)
       VALUES (@kind, 't', 'manual', @priority, @status, 't', 't')`,
    );
    for (const kind of TASK_KINDS) insertTask.run({ kind, priority: 'P1', status: 'todo' });
    for (const priority of PRIORITIES) insertTask.run({ kind: 'manual', priority, status: 'todo' });
    for (const status of TASK_STATUSES) insertTask.run({ kind: 'manual', priority: 'P1', status });
    const history = new HistoryRepository(db);
    history.appendMany(
      HISTORY_SUBJECT_TYPES.map((subjectType) => ({
        at: 't',
        actor: 'Me',
        subjectType,
        subjectId: 1,
        action: 'a',
        from: null,
        to: null,
        note: '',
      })),
    );
    expect(history.verify()).toMatchObject({ ok: true });
  });
});
