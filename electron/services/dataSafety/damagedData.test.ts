import Database from 'better-sqlite3';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../common/ipc/contract';
import { setMessageLocale, type MessageLocale } from '../../../common/messages/format';
import { DATABASE_FILE, type ReadableDb } from '../../db/connection';
import { DataFileError } from '../../db/dataFile';
import { DatabaseFromFutureError, LATEST_SCHEMA_VERSION } from '../../db/migrate';
import { RecordingPlatform } from '../../platform/recorder';
import { garblePages, writtenSnapshot } from '../../testing/dataFiles';
import { openCore } from '../core';
import { StorageFailure, storageFailureOf } from '../writePath';
import { BackupService } from './backupService';
import { dataErrorExit } from './cli';
import { AppHost } from './host';

const EXPORTS = join(import.meta.dirname, '../../../e2e/fixtures/exports');
const NOW = new Date('2026-05-03T10:00:00Z');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A data folder with a few accounts, closed. */
async function dataWithAccounts(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-damage-'));
  const core = openCore({ dataDir, platform: new RecordingPlatform(), clock: { now: () => NOW } });
  for (let i = 0; i < 40; i += 1) {
    core.inventory.createAccount({
      personId: 1,
      service: `Service ${i} with a long enough name to fill pages`,
      url: `https://site${i}.example.com/login`,
      username: `user${i}@example.com`,
      category: 'other',
      criticality: 'standard',
      mfa: 'unknown',
      passwordChangedAt: null,
      recoveryReviewedAt: null,
      notes: 'x'.repeat(200),
    });
  }
  await core.close();
  return dataDir;
}

function openError(dataDir: string): DataFileError {
  try {
    const core = openCore({ dataDir, platform: new RecordingPlatform(), clock: { now: () => NOW } });
    cleanups.push(() => core.close());
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error('The data opened');
}

describe('a damaged data file at start-up', () => {
  it('garbled pages: quick_check finds them, nothing is written, and the message says what to do', async () => {
    const dataDir = await dataWithAccounts();
    expect(garblePages(join(dataDir, DATABASE_FILE))).toBeGreaterThan(0);
    const before = writtenSnapshot(dataDir);
    const error = openError(dataDir);
    expect(error.kind).toBe('damaged');
    expect(error.message).toMatch(/garbled pages/);
    expect(error.message).toMatch(/never deletes or overwrites it/);
    expect(error.detail).toMatch(/out of range|malformed|Tree/);
    expect(writtenSnapshot(dataDir)).toEqual(before);
  });

  it('a zero-length file stays zero bytes instead of silently becoming a new database', async () => {
    const dataDir = await dataWithAccounts();
    writeFileSync(join(dataDir, DATABASE_FILE), '');
    rmSync(join(dataDir, `${DATABASE_FILE}-wal`), { force: true });
    rmSync(join(dataDir, `${DATABASE_FILE}-shm`), { force: true });
    const error = openError(dataDir);
    expect(error.kind).toBe('empty');
    expect(error.message).toMatch(/zero bytes/);
    expect(statSync(join(dataDir, DATABASE_FILE)).size).toBe(0);
  });

  it('a truncated file and a file of random bytes are "not a Lockstep database"', async () => {
    const dataDir = await dataWithAccounts();
    const path = join(dataDir, DATABASE_FILE);
    truncateSync(path, Math.floor(statSync(path).size / 2 / 4096) * 4096 + 100);
    let error = openError(dataDir);
    expect(error.kind).toBe('truncated');
    expect(error.message).toMatch(/not a complete Lockstep database/);

    truncateSync(path, Math.floor(statSync(path).size / 4096 / 2) * 4096);
    error = openError(dataDir);
    expect(error.kind).toBe('truncated');

    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251)));
    error = openError(dataDir);
    expect(error.kind).toBe('not_database');
    expect(error.message).toMatch(/is not a Lockstep database/);
    expect(readFileSync(path).length).toBe(8192);
  });

  it('another SQLite database, and one from a newer Lockstep, are refused without a write', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-foreign-'));
    const foreign = new Database(join(dataDir, DATABASE_FILE));
    foreign.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    foreign.close();
    let before = writtenSnapshot(dataDir);
    expect(openError(dataDir).kind).toBe('foreign');
    expect(writtenSnapshot(dataDir)).toEqual(before);

    const newer = await dataWithAccounts();
    const db = new Database(join(newer, DATABASE_FILE));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    db.close();
    before = writtenSnapshot(newer);
    const error = openError(newer);
    expect(error.kind).toBe('newer');
    expect(error.message).toMatch(new RegExp(`schema ${LATEST_SCHEMA_VERSION + 10}`));
    expect(writtenSnapshot(newer)).toEqual(before);
  });

  it('a file another program holds locked says so, and the recovery screen offers to try again', async () => {
    const dataDir = await dataWithAccounts();
    const other = new Database(join(dataDir, DATABASE_FILE));
    other.pragma('locking_mode = EXCLUSIVE');
    other.prepare('BEGIN EXCLUSIVE').run();
    try {
      const host = new AppHost({ dataDir, platform: new RecordingPlatform(), clock: { now: () => NOW } });
      cleanups.push(() => host.close());
      const state = host.state();
      expect(state).toMatchObject({ mode: 'recovery', problem: { kind: 'locked' }, newestGoodBackup: null });
      if (state.mode === 'recovery') expect(state.problem.advice).toMatch(/Close the other program/);
      other.prepare('COMMIT').run();
      other.pragma('locking_mode = NORMAL');
      other.prepare('SELECT count(*) FROM people').get();
      other.close();
      expect(host.retry()).toEqual({ mode: 'ready' });
    } finally {
      if (other.open) other.close();
    }
  }, 30_000);

  it('names the newest good backup on the recovery screen', async () => {
    const dataDir = await dataWithAccounts();
    const host = new AppHost({ dataDir, platform: new RecordingPlatform(), clock: { now: () => NOW } });
    const backup = await host.createBackup();
    await host.close();
    garblePages(join(dataDir, DATABASE_FILE));
    const recovering = new AppHost({ dataDir, platform: new RecordingPlatform(), clock: { now: () => NOW } });
    cleanups.push(() => recovering.close());
    const state = recovering.state();
    if (state.mode !== 'recovery') throw new Error('expected the recovery screen');
    expect(state.newestGoodBackup).toMatchObject({ path: backup.path, ok: true });
    expect(state.newestGoodBackup?.contents).toMatchObject({
      accounts: 40,
      people: 1,
      historyVerifies: true,
    });
    expect(state.problem.advice).toMatch(/^Restore from the backup of 3 May 2026, /);
    expect(state.problem.advice).toContain(backup.path);
    // Nothing that needs the data works, and says why.
    expect(() => recovering.core()).toThrow(/garbled pages/);
  });
});

describe('writing when the disk is full', () => {
  it('an import that fills the disk leaves everything as it was and says so', async () => {
    const dataDir = await dataWithAccounts();
    const core = openCore({ dataDir, platform: new RecordingPlatform(), clock: { now: () => NOW } });
    cleanups.push(() => core.close());
    const before = {
      accounts: core.inventory.listAccounts().length,
      history: core.read.history.verify(),
      findings: core.checks.list().length,
    };
    // The writable connection, as the first write opens it, then capped at its current size: the
    // import's transaction runs out of room as it would on a full disk (SQLITE_FULL).
    core.settings.update({ reminders: true });
    const writable = (core.writePath as unknown as { db: Database.Database }).db;
    const pages = writable.pragma('page_count', { simple: true }) as number;
    writable.pragma(`max_page_count = ${pages + 1}`);
    const preview: ImportPreview = core.imports.preview({
      source: { fileToken: core.files.grant(join(EXPORTS, 'bitwarden.csv')).token },
      personId: 1,
    });
    const failure = await core.imports.confirm({ sessionId: preview.sessionId }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(StorageFailure);
    expect(failure).toMatchObject({ kind: 'disk_full', code: 'unavailable' });
    expect((failure as Error).message).toMatch(/The disk is full.*Nothing was changed/);
    expect(core.inventory.listAccounts()).toHaveLength(before.accounts);
    expect(core.read.history.verify()).toEqual(before.history);
    expect(core.checks.list()).toHaveLength(before.findings);
    expect(core.readDb.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
  }, 60_000);
});

describe('a backup whose copy fails its check', () => {
  /** Takes a backup of a garbled data file in `locale`; returns the refusal and the backup folder. */
  async function failedBackup(locale: MessageLocale): Promise<{ error: StorageFailure; folder: string[] }> {
    const dataDir = await dataWithAccounts();
    expect(garblePages(join(dataDir, DATABASE_FILE), { lastOnly: true })).toBe(1);
    const source = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    cleanups.push(() => void source.close());
    const backups = new BackupService({
      dataDir,
      clock: { now: () => NOW },
      source: () => source as ReadableDb,
    });
    setMessageLocale(locale);
    try {
      const error = await backups.create('manual').then(
        () => new Error('The backup was made'),
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(StorageFailure);
      return { error: error as StorageFailure, folder: readdirSync(backups.folder().folder) };
    } finally {
      setMessageLocale('en');
    }
  }

  it('keeps nothing and says so in the catalogue’s words, with SQLite’s own for a helper', async () => {
    const { error, folder } = await failedBackup('en');
    expect(folder).toEqual([]);
    expect(error).toMatchObject({ kind: 'damaged', code: 'unavailable' });
    expect(error.message).toMatch(
      /^The backup was not made: the copy failed its check \(SQLite found garbled pages in it\), so it was not kept\. Your data was not changed\. .* SQLite said: \S/,
    );
    // The command line exits as for damaged data (3), with this message.
    expect(dataErrorExit(error)).toEqual({ code: 3, message: error.message });
  }, 30_000);

  it('has no plain English word in the pseudo-locale besides SQLite’s own', async () => {
    const pseudo = (await failedBackup('pseudo')).error.message;
    // SQLite's report (which pages, which rows) differs from one data file to the next: it is the
    // value after "SQLite said:", shown as it is, before the pseudo-locale's closing "~~~]".
    const [, ours, sqlite] = /^([\s\S]*ŠǪĻîţé šáîð: )([\s\S]+?)~+\]$/.exec(pseudo) ?? [];
    expect(sqlite, pseudo).toMatch(/[A-Za-z]{2,}/);
    expect(ours!.match(/[A-Za-z]{2,}/g) ?? [], pseudo).toEqual([]);
  }, 30_000);
});

describe('a file from a newer Lockstep met while migrating', () => {
  const FILE = '/home/ann/.config/Lockstep/lockstep.sqlite';
  const newer = () => new DatabaseFromFutureError(LATEST_SCHEMA_VERSION + 10, LATEST_SCHEMA_VERSION, FILE);
  const versions = [String(LATEST_SCHEMA_VERSION + 10), String(LATEST_SCHEMA_VERSION)];

  /** What the command line and a refused change say of it, in `locale`. */
  function said(locale: MessageLocale): string[] {
    setMessageLocale(locale);
    try {
      const exit = dataErrorExit(newer());
      const failure = storageFailureOf(newer());
      expect(exit?.code).toBe(3);
      expect(failure).toBeInstanceOf(StorageFailure);
      expect(failure).toMatchObject({ kind: 'newer', code: 'unavailable' });
      return [exit!.message, (failure as StorageFailure).message];
    } finally {
      setMessageLocale('en');
    }
  }

  it('is the "newer" data problem, in the catalogue’s words', () => {
    for (const message of said('en')) {
      expect(message).toBe(
        `${FILE} was written by a newer version of Lockstep (schema ${versions[0]}; this version understands up to ${versions[1]}). Opening it here could damage it. Update Lockstep to open it.`,
      );
    }
    for (const message of said('pseudo')) {
      let rest = message;
      for (const value of [FILE, ...versions]) rest = rest.split(value).join(' ');
      expect(rest.match(/[A-Za-z]{2,}/g) ?? [], message).toEqual([]);
    }
  });
});
