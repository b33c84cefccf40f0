import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding, ImportPreview } from '../../../common/ipc/contract';
import { backupKeyNames } from '../../../common/domain/dataSafety/backupNames';
import { DATABASE_FILE } from '../../db/connection';
import { LATEST_SCHEMA_VERSION, migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations/index';
import type { PlatformPort, SecretProtector } from '../../platform/port';
import { RecordingPlatform } from '../../platform/recorder';
import { dumpTables, garblePages, writtenSnapshot } from '../../testing/dataFiles';
import { FakeClock } from '../../testing/fakeClock';
import type { Core } from '../core';
import { KEY_FILE, PROTECTED_KEY_FILE } from '../passwordHealth/keyStore';
import { writeFileAtomically } from '../online/atomicFile';
import { AppHost } from './host';
import { RESTORE_JOURNAL } from './pendingRestore';
import { prepareRestore, RestoreRefused, restoreSourceOf } from './restore';

const EXPORTS = join(import.meta.dirname, '../../../e2e/fixtures/exports');
const hosts: AppHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});

function newHost(
  dataDir = mkdtempSync(join(tmpdir(), 'lockstep-restore-')),
  clock = new FakeClock('2026-05-03T10:00:00Z'),
) {
  const host = new AppHost({ dataDir, platform: new RecordingPlatform(), clock });
  hosts.push(host);
  host.open();
  return { host, dataDir, clock };
}

async function importFile(core: Core, path: string) {
  const preview: ImportPreview = core.imports.preview({
    source: { fileToken: core.files.grant(path).token },
    personId: 1,
  });
  return core.imports.confirm({ sessionId: preview.sessionId });
}

/** A CSV of logins (Chrome's format) written to a temp file. */
function chromeCsv(rows: [name: string, url: string, username: string, password: string][]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lockstep-csv-')), 'export.csv');
  writeFileSync(path, ['name,url,username,password,note', ...rows.map((r) => `${r.join(',')},`)].join('\n'));
  return path;
}

/** Data touching most tables: an import, an address with a breach, a notice, a dismissal, a task. */
async function richData(core: Core): Promise<void> {
  await importFile(core, join(EXPORTS, 'bitwarden.csv'));
  const email = core.inventory.addEmail({ personId: 1, address: 'alex@example.com' });
  core.exposure.mark({ emailId: email.id, breachName: 'LinkedIn' });
  core.notices.record({
    personId: 1,
    provider: 'Microsoft',
    domain: 'microsoft.com',
    receivedOn: '2026-04-01',
    exposed: ['Email messages'],
    emailId: email.id,
  });
  const finding = core.checks.list().find((f: Finding) => f.status === 'open' && f.kind === 'password_weak')!;
  core.checks.dismiss({ id: finding.id, reason: 'cant_change', note: 'PIN only' });
  core.tasks.create({ title: 'Ask IT about the VPN', priority: 'P2' });
}

describe('backup, erase, restore', () => {
  it('gives back identical data, table by table and row by row, with a history that verifies and records the restore', async () => {
    const { host, dataDir } = newHost();
    await richData(host.core());
    const backup = await host.createBackup();
    expect(backup.contents).toMatchObject({ people: 1, historyVerifies: true });
    const key = readFileSync(join(dataDir, KEY_FILE));
    expect(readFileSync(join(dataDir, 'backups', backupKeyNames(backup.fileName).plain))).toEqual(key);
    await host.close();
    const before = dumpTables(join(dataDir, DATABASE_FILE));
    expect(before.accounts!.length).toBeGreaterThan(30);
    expect(before.breach_notices).toHaveLength(1);

    host.open();
    const erased = await host.erase({ includeBackups: false });
    expect(erased.keptBackups).toBe(join(dataDir, 'backups'));
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
    expect(host.core().inventory.listAccounts()).toEqual([]);
    // Fresh data with a new fingerprint key, then the backup comes back over it.
    await importFile(host.core(), chromeCsv([['Fresh', 'https://fresh.example', 'me', 'Fresh-Start-2026!']]));
    expect(readFileSync(join(dataDir, KEY_FILE))).not.toEqual(key);

    const outcome = await host.restore({ id: backup.id });
    expect(outcome.restoredFrom).toBe(backup.path);
    expect(basename(outcome.savedCurrentAs!)).toMatch(/before-restore\.sqlite$/);
    expect(outcome.warnings).toEqual([]);
    const core = host.core();
    expect(core.read.history.verify()).toMatchObject({ ok: true, count: before.history!.length + 1 });
    const [record] = core.read.history.list({ limit: 1 });
    expect(record).toMatchObject({ subjectType: 'data', action: 'restored from backup' });
    expect(record!.to).toContain(backup.fileName);
    await host.close();

    const after = dumpTables(join(dataDir, DATABASE_FILE));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) {
      if (table === 'history' || table === 'history_head') continue;
      expect(after[table], table).toEqual(before[table]);
    }
    expect(after.history!.slice(0, -1)).toEqual(before.history);
    expect(readFileSync(join(dataDir, KEY_FILE))).toEqual(key);
    // The data it replaced was kept: the fresh account, with its own key beside it.
    const saved = dumpTables(outcome.savedCurrentAs!);
    expect((saved.accounts as { service: string }[]).map((a) => a.service)).toEqual(['Fresh']);
    expect(
      existsSync(join(dataDir, 'backups', backupKeyNames(basename(outcome.savedCurrentAs!)).plain)),
    ).toBe(true);
  }, 120_000);

  it('restores the fingerprint key with the data, so reuse with earlier imports is still found', async () => {
    const { host } = newHost();
    await importFile(
      host.core(),
      chromeCsv([['Kestrel', 'https://kestrel.example', 'ann', 'Kestrel-88-Quiet-Harbour']]),
    );
    const backup = await host.createBackup();
    await host.erase({ includeBackups: false });
    await importFile(
      host.core(),
      chromeCsv([['Other', 'https://other.example', 'ann', 'Completely-Different-9']]),
    );
    await host.restore({ id: backup.id });
    await importFile(
      host.core(),
      chromeCsv([['Osprey', 'https://osprey.example', 'ann', 'Kestrel-88-Quiet-Harbour']]),
    );
    const reused = host
      .core()
      .checks.list()
      .find((f) => f.kind === 'password_reused' && f.status === 'open');
    expect(reused?.evidence.services).toEqual(expect.arrayContaining(['Kestrel', 'Osprey']));
  }, 120_000);

  it('keeps a keychain-sealed key sealed beside the backup, and restores it sealed', async () => {
    // A stand-in for the OS keychain: reversible, never the key in clear.
    const keychain: SecretProtector = {
      isAvailable: () => true,
      encrypt: (plain) => Uint8Array.from([0x4c, ...plain.map((b) => b ^ 0x5a)]),
      decrypt: (cipher) => Uint8Array.from(cipher.slice(1), (b) => b ^ 0x5a),
    };
    const recorder = new RecordingPlatform();
    const platform: PlatformPort = Object.assign(Object.create(recorder) as RecordingPlatform, {
      secrets: keychain,
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-sealed-'));
    const host = new AppHost({ dataDir, platform, clock: new FakeClock('2026-05-03T10:00:00Z') });
    hosts.push(host);
    await importFile(
      host.core(),
      chromeCsv([['Kestrel', 'https://kestrel.example', 'ann', 'Kestrel-88-Quiet-Harbour']]),
    );
    const sealed = readFileSync(join(dataDir, PROTECTED_KEY_FILE));
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
    const backup = await host.createBackup();
    const names = backupKeyNames(backup.fileName);
    expect(readFileSync(join(dataDir, 'backups', names.sealed))).toEqual(sealed);
    expect(existsSync(join(dataDir, 'backups', names.plain))).toBe(false);
    await host.erase({ includeBackups: false });
    expect(existsSync(join(dataDir, PROTECTED_KEY_FILE))).toBe(false);
    // A plain key made in between (no keychain then) goes; the sealed one comes back.
    writeFileSync(join(dataDir, KEY_FILE), Buffer.alloc(32, 7));
    await host.restore({ id: backup.id });
    expect(readFileSync(join(dataDir, PROTECTED_KEY_FILE))).toEqual(sealed);
    expect(existsSync(join(dataDir, KEY_FILE))).toBe(false);
  }, 120_000);

  it('refuses a damaged, foreign, non-SQLite or newer file, says why, and changes nothing', async () => {
    const { host, dataDir } = newHost();
    await importFile(
      host.core(),
      chromeCsv([['Kestrel', 'https://kestrel.example', 'ann', 'Kestrel-88-Quiet-Harbour']]),
    );
    const good = await host.createBackup();
    const scratch = mkdtempSync(join(tmpdir(), 'lockstep-bad-backups-'));
    const damaged = join(scratch, 'damaged.sqlite');
    copyFileSync(good.path, damaged);
    garblePages(damaged);
    const foreign = join(scratch, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    other.pragma('user_version = 3');
    other.close();
    const text = join(scratch, 'notes.sqlite');
    writeFileSync(text, 'These are my notes, not a database.\n'.repeat(300));
    const newer = join(scratch, 'newer.sqlite');
    copyFileSync(good.path, newer);
    const bump = new Database(newer);
    bump.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    bump.close();
    const empty = join(scratch, 'empty.sqlite');
    writeFileSync(empty, '');

    await host.close();
    const before = writtenSnapshot(dataDir);
    host.open();
    const cases: [string, RegExp][] = [
      [damaged, /garbled pages/],
      [foreign, /not one Lockstep wrote/],
      [text, /not a SQLite database/],
      [newer, /newer version of Lockstep/],
      [empty, /zero bytes/],
      [join(scratch, 'missing.sqlite'), /missing/],
    ];
    for (const [file, why] of cases) {
      const failure = await host.restore({ path: file }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure, file).toBeInstanceOf(RestoreRefused);
      expect((failure as Error).message).toMatch(/is not a good Lockstep backup/);
      expect((failure as Error).message).toMatch(why);
      expect((failure as Error).message).toMatch(/Nothing was changed\.$/);
    }
    await host.close();
    expect(writtenSnapshot(dataDir)).toEqual(before);
  }, 60_000);

  it('neither restores nor erases while another Lockstep has the data open', async () => {
    const { host, dataDir } = newHost();
    host.core().inventory.createPerson({ name: 'Priya' });
    const backup = await host.createBackup();
    host.core().inventory.createPerson({ name: 'Sam' });
    // "The app", still running on the data, while "the command line" tries.
    const { host: other } = newHost(dataDir);
    expect(other.core().inventory.listPeople()).toHaveLength(3);
    await expect(host.restore({ id: backup.id })).rejects.toMatchObject({
      code: 'busy',
      message: expect.stringMatching(/Another Lockstep .* is using this data.*Nothing was changed/),
    });
    await expect(host.erase({ includeBackups: true })).rejects.toMatchObject({
      code: 'busy',
      message: expect.stringMatching(/Nothing was erased/),
    });
    expect(host.listBackups().entries.map((b) => b.kind)).toEqual(['manual']);
    expect(other.core().inventory.listPeople()).toHaveLength(3);
    expect(host.core().inventory.listPeople()).toHaveLength(3);
    await other.close();
    await host.restore({ id: backup.id });
    expect(
      host
        .core()
        .inventory.listPeople()
        .map((p) => p.name),
    ).toEqual(['Me', 'Priya']);
  });

  it('a restore interrupted after its journal is finished at the next start; stray files before it are removed', async () => {
    const { host, dataDir, clock } = newHost();
    host.core().inventory.createPerson({ name: 'Priya' });
    const backup = await host.createBackup();
    host.core().inventory.createPerson({ name: 'Sam' });
    await host.close();
    // The crash: prepared, journal written, not finished.
    const prepared = prepareRestore({
      dataDir,
      source: restoreSourceOf(host.backups().detailsOf(backup.path)),
      clock,
      actor: 'Me',
      savedCurrentAs: null,
    });
    writeFileAtomically(join(dataDir, RESTORE_JOURNAL), JSON.stringify(prepared.journal), 0o600);
    host.open();
    expect(existsSync(join(dataDir, RESTORE_JOURNAL))).toBe(false);
    expect(
      host
        .core()
        .inventory.listPeople()
        .map((p) => p.name),
    ).toEqual(['Me', 'Priya']);
    expect(host.core().read.history.verify().ok).toBe(true);
    await host.close();

    // A crash before the journal: the old data stays, the prepared copy is cleaned away.
    prepareRestore({
      dataDir,
      source: restoreSourceOf(host.backups().detailsOf(backup.path)),
      clock,
      actor: 'Me',
      savedCurrentAs: null,
    });
    expect(readdirSync(dataDir).some((name) => name.startsWith('.restoring-'))).toBe(true);
    host.open();
    expect(readdirSync(dataDir).some((name) => name.startsWith('.restoring-'))).toBe(false);
    expect(
      host
        .core()
        .inventory.listPeople()
        .map((p) => p.name),
    ).toEqual(['Me', 'Priya']);
  });
});

describe('the recovery screen', () => {
  it('restores the newest good backup over damaged data, keeping the damaged file aside untouched', async () => {
    const { host, dataDir } = newHost();
    host.core().inventory.createPerson({ name: 'Priya' });
    await host.createBackup();
    await host.close();
    const live = join(dataDir, DATABASE_FILE);
    garblePages(live);
    const damagedBytes = readFileSync(live);

    const { host: recovering } = newHost(dataDir);
    const state = recovering.state();
    if (state.mode !== 'recovery') throw new Error('expected the recovery screen');
    const outcome = await recovering.restore({ id: state.newestGoodBackup!.id });
    expect(recovering.state()).toEqual({ mode: 'ready' });
    expect(
      recovering
        .core()
        .inventory.listPeople()
        .map((p) => p.name),
    ).toEqual(['Me', 'Priya']);
    expect(recovering.core().read.history.verify().ok).toBe(true);
    expect(basename(outcome.savedCurrentAs!)).toMatch(/^lockstep\.sqlite\.damaged-/);
    expect(readFileSync(outcome.savedCurrentAs!)).toEqual(damagedBytes);
  });

  it('"Start empty" sets the damaged file aside and opens new data', async () => {
    const { host, dataDir } = newHost();
    host.core().inventory.createPerson({ name: 'Priya' });
    await host.close();
    writeFileSync(join(dataDir, DATABASE_FILE), 'not a database at all');
    const { host: recovering } = newHost(dataDir);
    expect(recovering.state()).toMatchObject({ mode: 'recovery', problem: { kind: 'not_database' } });
    const { damagedKeptAs } = await recovering.startEmpty();
    expect(readFileSync(damagedKeptAs!, 'utf8')).toBe('not a database at all');
    expect(
      recovering
        .core()
        .inventory.listPeople()
        .map((p) => p.name),
    ).toEqual(['Me']);
  });
});

describe('before a migration', () => {
  it('backs up an older database before migrating it, and the copy keeps the old version', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-migrate-'));
    const old = new Database(join(dataDir, DATABASE_FILE));
    old.pragma('journal_mode = WAL');
    migrate(old, MIGRATIONS, 80);
    old
      .prepare(`INSERT INTO people (name, is_default, created_at, updated_at) VALUES ('Me', 1, 'x', 'x')`)
      .run();
    old.close();
    const { host } = newHost(dataDir);
    expect(host.core().schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    const backups = host.listBackups().entries;
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ kind: 'before-migration', ok: true });
    const copy = new Database(backups[0]!.path, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(80);
    copy.close();
  });
});
