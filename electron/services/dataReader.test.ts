import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../db/connection';
import { LATEST_SCHEMA_VERSION, migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations/index';
import { AccountsRepository } from '../db/repositories/accountsRepository';
import { openDataForReading } from './dataReader';
import { RESTORE_JOURNAL } from './dataSafety/pendingRestore';

const NOW = '2026-12-04T10:00:00.000Z';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-data-reader-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A current data file with one account for service `service`. */
function withAccount(dir: string, service = 'Mail'): void {
  const db = openDatabase(dir);
  new AccountsRepository(db).insert(
    {
      personId: 1,
      service,
      url: 'https://mail.example',
      domain: 'mail.example',
      urlKind: 'web',
      username: 'ana',
      category: 'email',
      criticality: 'critical',
      mfa: 'none',
      passwordChangedAt: null,
      recoveryReviewedAt: null,
      notes: '',
    },
    NOW,
  );
  db.close();
}

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]),
  );

describe('openDataForReading', () => {
  it('reads current data: the accounts, the password verdicts and the findings', () => {
    const dir = folder();
    withAccount(dir);
    const reader = openDataForReading(dir)!;
    cleanups.push(() => reader.close());
    expect(reader.accounts.listSummaries().map((a) => a.service)).toEqual(['Mail']);
    expect(reader.signals.breachFacts().size).toBe(0);
    expect(reader.findings.listOpen(['password_reused'])).toEqual([]);
  });

  it('changes nothing and says null where openCore has work to do: no folder, no file, an empty file', () => {
    const missing = join(folder(), 'not-yet');
    expect(openDataForReading(missing)).toBeNull();
    expect(existsSync(missing)).toBe(false);

    const empty = folder();
    expect(openDataForReading(empty)).toBeNull();
    expect(readdirSync(empty)).toEqual([]);

    writeFileSync(join(empty, DATABASE_FILE), '');
    expect(openDataForReading(empty)).toBeNull();
    expect(readdirSync(empty)).toEqual([DATABASE_FILE]);
  });

  it('says null for data from an older version (to be migrated) and from a newer one, and leaves them', () => {
    const older = folder();
    const db = new Database(join(older, DATABASE_FILE));
    migrate(db, MIGRATIONS, MIGRATIONS.at(-2)!.version);
    db.close();
    const before = snapshot(older);
    expect(openDataForReading(older)).toBeNull();
    expect(snapshot(older)).toEqual(before);

    const newer = folder();
    withAccount(newer);
    const raw = new Database(join(newer, DATABASE_FILE));
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    raw.close();
    expect(openDataForReading(newer)).toBeNull();
  });

  it('says null for a damaged file or one that is not Lockstep’s', () => {
    const damaged = folder();
    withAccount(damaged);
    const path = join(damaged, DATABASE_FILE);
    const bytes = readFileSync(path);
    // The accounts table's pages scrambled, the header left whole.
    bytes.fill(0x5a, 4096 * 2, 4096 * 4);
    writeFileSync(path, bytes);
    rmSync(`${path}-wal`, { force: true });
    rmSync(`${path}-shm`, { force: true });
    expect(openDataForReading(damaged)).toBeNull();

    const foreign = folder();
    const other = new Database(join(foreign, DATABASE_FILE));
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    other.close();
    expect(openDataForReading(foreign)).toBeNull();
  });

  it('finishes a restore a crash interrupted before it reads, as openCore does', () => {
    const dir = folder();
    withAccount(dir, 'Before');
    withAccount(dir, 'Restored');
    // The restored copy was prepared under its temporary name, and the journal written.
    const db = openDatabase(dir);
    db.exec(`UPDATE accounts SET service = 'Restored'`);
    db.close();
    const restoredName = '.restoring-t1.sqlite';
    writeFileSync(join(dir, restoredName), readFileSync(join(dir, DATABASE_FILE)));
    const live = openDatabase(dir);
    live.exec(`UPDATE accounts SET service = 'Before'`);
    live.pragma('wal_checkpoint(TRUNCATE)');
    live.close();
    writeFileSync(
      join(dir, RESTORE_JOURNAL),
      JSON.stringify({ version: 1, database: restoredName, key: null, removeKeys: [], setAside: null }),
    );
    const reader = openDataForReading(dir)!;
    cleanups.push(() => reader.close());
    expect(new Set(reader.accounts.listSummaries().map((a) => a.service))).toEqual(new Set(['Restored']));
    expect(existsSync(join(dir, RESTORE_JOURNAL))).toBe(false);
    expect(existsSync(join(dir, restoredName))).toBe(false);
  });
});
