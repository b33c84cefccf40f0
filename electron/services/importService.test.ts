import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectFormat, parseExport, suggestMapping } from '../../common/domain/import/index';
import type { ColumnMapping } from '../../common/domain/import/types';
import type { ImportPreview, ImportResult, RequestOf } from '../../common/ipc/contract';
import type { Account, Finding } from '../../common/model/index';
import { format } from '../../common/messages/format';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { scanDataDirForSecrets } from '../testing/secretScan';
import { openCore, type Core } from './core';

const EXPORTS = resolve(import.meta.dirname, '../../e2e/fixtures/exports');
const BAD = resolve(import.meta.dirname, '../../e2e/fixtures/bad');
const cores: Core[] = [];

/** Reads a sample as the UI would: a known format, or the suggested column mapping. */
function readSample(path: string, name: string) {
  const bytes = new Uint8Array(readFileSync(path));
  const { format, columns } = detectFormat(bytes, name);
  const mapping = format === null ? (suggestMapping(columns) as ColumnMapping) : undefined;
  return { bytes, mapping, parsed: parseExport(bytes, name, mapping ? { mapping } : {}) };
}
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
});

/** A Chrome export of `rows` logins, each with its own password (none contains its account's words). */
function chromeExport(rows: number): string {
  const lines = Array.from(
    { length: rows },
    (_, i) => `Site ${i},https://site${i}.example.com/login,user${i}@example.com,Kestrel${i}#tw`,
  );
  return ['name,url,username,password', ...lines].join('\n');
}

function setup(options: { fetchImpl?: typeof fetch } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-import-'));
  const core = openCore({
    dataDir,
    platform: new RecordingPlatform(),
    clock: { now: () => new Date('2026-11-28T12:00:00Z') },
    fetchImpl: options.fetchImpl,
  });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, (message, error) => {
      throw error instanceof Error ? error : new Error(message);
    });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const failure = async (channel: string, payload: unknown) => {
    const result = await dispatch(handlers, channel, payload, () => {});
    if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
    return result.error;
  };
  /** The preview of a file, picked as the app's file dialog grants it, for the first person. */
  const previewFile = (path: string, extra: Partial<RequestOf<'import:preview'>> = {}) =>
    call<ImportPreview>('import:preview', {
      source: { fileToken: core.files.grant(path).token },
      personId: 1,
      ...extra,
    });
  const importFile = async (path: string, extra: Partial<RequestOf<'import:preview'>> = {}) => {
    const preview = await previewFile(path, extra);
    const result = await call<ImportResult>('import:confirm', { sessionId: preview.sessionId });
    return { preview, result };
  };
  return { core, dataDir, call, failure, previewFile, importFile };
}

describe('importing the Bitwarden sample', () => {
  it('previews without writing, then creates accounts with derived signals only', async () => {
    const { call, importFile, core, previewFile } = setup();
    const path = join(EXPORTS, 'bitwarden.csv');
    const preview = await previewFile(path);
    expect(preview.format).toBe('bitwarden-csv');
    expect(core.readDb.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    // The second GitHub row is the same site and username: one account, the duplicate said so.
    expect(preview.skipped.some((s) => /Same site and username as row \d+/.test(s.reason))).toBe(true);
    expect(preview.toCreate).toBe(
      preview.entries - preview.skipped.filter((s) => /Same site/.test(s.reason)).length,
    );
    await call('import:cancel', { sessionId: preview.sessionId });

    const { result } = await importFile(path);
    expect(result.created).toBe(preview.toCreate);
    const accounts = await call<Account[]>('accounts:list', {});
    const linkedIn = accounts.find((a) => a.service === 'LinkedIn')!;
    expect(linkedIn).toMatchObject({ domain: 'linkedin.com', source: 'import', mfa: 'unknown' });
    const microsoft = accounts.find((a) => a.service === 'Microsoft account')!;
    expect(microsoft).toMatchObject({
      domain: 'live.com',
      hasTotp: true,
      mfa: 'totp',
      category: 'email',
      criticality: 'critical',
    });

    const findings = await call<Finding[]>('findings:list', {});
    const open = findings.filter((f) => f.status === 'open');
    const reused = open.find(
      (f) => f.kind === 'password_reused' && (f.evidence.services as string[]).includes('LinkedIn'),
    )!;
    expect(reused.evidence.services).toEqual(
      expect.arrayContaining(['Facebook', 'LinkedIn', 'Myspace', 'Dropbox']),
    );
    expect(open.some((f) => f.kind === 'password_pwned')).toBe(true); // 123456, password, qwerty123, iloveyou
    expect(open.some((f) => f.kind === 'insecure_url')).toBe(true); // http://www.myspace.com
    const similar = open
      .filter((f) => f.kind === 'password_similar')
      .map((f) => (f.evidence.services as string[]).sort());
    expect(similar).toContainEqual(expect.arrayContaining(['Amazon', 'Amazon.de']));
    expect(open.some((f) => f.kind === 'password_weak')).toBe(true);
  });

  it('starts the scoring workers with the preview, so that the confirm finds them started', async () => {
    const { call, core } = setup();
    expect(core.scoringStats()).toBeNull();
    const preview = await call<ImportPreview>('import:preview', {
      source: { fileToken: core.files.grant(join(EXPORTS, 'bitwarden.csv')).token },
      personId: 1,
    });
    const started = core.scoringStats()!.workersStarted;
    expect(started).toBeGreaterThan(0);
    await call<ImportResult>('import:confirm', { sessionId: preview.sessionId });
    expect(core.scoringStats()!.workersStarted).toBe(started);
    expect(core.scoringStats()!.passwordsScored).toBeGreaterThan(0);
  });

  it('stops the scoring workers before the write of a large import (their memory is freed for it)', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      let stoppedWhenSaving: number | undefined;
      const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-import-'));
      const core = openCore({
        dataDir,
        platform: new RecordingPlatform(),
        onImportProgress: (event) => {
          if (event.phase === 'saving') stoppedWhenSaving ??= terminate.mock.calls.length;
        },
      });
      cores.push(core);
      const path = join(dataDir, 'large-chrome.csv');
      writeFileSync(path, chromeExport(1_000));
      const preview = core.imports.previewFile(path, { personId: 1 });
      const result = await core.imports.confirm({ sessionId: preview.sessionId });
      expect(result.created).toBe(1_000);
      expect(stoppedWhenSaving).toBe(core.scoringStats()!.workersStarted);
      expect(stoppedWhenSaving).toBeGreaterThan(0);
    } finally {
      terminate.mockRestore();
    }
  });

  it('scores the passwords while the preview is read, so the confirm scores nothing again', async () => {
    const events: { phase: string; done: number; total: number }[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-import-'));
    const core = openCore({
      dataDir,
      platform: new RecordingPlatform(),
      onImportProgress: (event) => events.push(event),
    });
    cores.push(core);
    const path = join(dataDir, 'chrome.csv');
    writeFileSync(path, chromeExport(300));
    const preview = core.imports.previewFile(path, { personId: 1 });
    // Nobody has confirmed yet, and the workers are scoring the preview's 300 passwords.
    await vi.waitFor(() => expect(core.scoringStats()?.passwordsScored).toBe(300), { timeout: 30_000 });
    expect(core.readDb.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    const result = await core.imports.confirm({ sessionId: preview.sessionId });
    expect(result.created).toBe(300);
    expect(core.scoringStats()!.passwordsScored).toBe(300);
    expect(events).toContainEqual(expect.objectContaining({ phase: 'analysing', done: 300, total: 300 }));
    expect(core.readDb.prepare('SELECT count(*) AS n FROM password_signals').get()).toEqual({ n: 300 });
  });

  it('a preview whose scoring cannot start (a damaged fingerprint key) leaves the confirm to say why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-import-'));
    const core = openCore({ dataDir, platform: new RecordingPlatform() });
    cores.push(core);
    writeFileSync(join(dataDir, 'fingerprint.key'), 'too short');
    const path = join(dataDir, 'chrome.csv');
    writeFileSync(path, chromeExport(3));
    const preview = core.imports.previewFile(path, { personId: 1 });
    await new Promise((done) => setTimeout(done, 50));
    await expect(core.imports.confirm({ sessionId: preview.sessionId })).rejects.toThrow(/fingerprint key/);
    expect(core.readDb.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
  });

  it('cancelling a preview stops the scoring it started, and one cancelled at once starts none', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-import-'));
    const core = openCore({ dataDir, platform: new RecordingPlatform() });
    cores.push(core);
    const path = join(dataDir, 'chrome.csv');
    writeFileSync(path, chromeExport(4_000));
    const first = core.imports.previewFile(path, { personId: 1 });
    core.imports.cancel({ sessionId: first.sessionId });
    await new Promise((done) => setTimeout(done, 300));
    expect(core.scoringStats()?.passwordsScored ?? 0).toBe(0);

    const second = core.imports.previewFile(path, { personId: 1 });
    await vi.waitFor(() => expect(core.scoringStats()?.passwordsScored).toBeGreaterThan(0), {
      timeout: 30_000,
      interval: 20,
    });
    core.imports.cancel({ sessionId: second.sessionId });
    await new Promise((done) => setTimeout(done, 500));
    const scored = core.scoringStats()!.passwordsScored;
    await new Promise((done) => setTimeout(done, 1_000));
    expect(core.scoringStats()!.passwordsScored).toBe(scored);
    expect(scored).toBeLessThan(4_000);
    expect(core.readDb.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
  });

  it('re-importing the same export updates instead of duplicating, and findings stay stable', async () => {
    const { call, importFile } = setup();
    const path = join(EXPORTS, 'bitwarden.csv');
    const first = await importFile(path);
    const before = await call<Finding[]>('findings:list', {});
    const again = await importFile(path);
    expect(again.preview.toCreate).toBe(0);
    expect(again.result.updated).toBe(first.result.created);
    expect((await call<Account[]>('accounts:list', {})).length).toBe(first.result.created);
    const after = await call<Finding[]>('findings:list', {});
    expect(after.map((f) => [f.id, f.kind, f.status])).toEqual(before.map((f) => [f.id, f.kind, f.status]));
  });

  it('a password changed in a newer export resolves its reuse finding', async () => {
    const { call, importFile, dataDir } = setup();
    await importFile(join(EXPORTS, 'bitwarden.csv'));
    const original = readFileSync(join(EXPORTS, 'bitwarden.csv'), 'utf8');
    const changed = original.replace(
      'https://www.linkedin.com/login,alex.morgan@example.com,Bluebird#2019',
      'https://www.linkedin.com/login,alex.morgan@example.com,x7#Qm!vR2pLw9@Zk',
    );
    expect(changed).not.toBe(original);
    const path = join(dataDir, 'bitwarden-later.csv');
    (await import('node:fs')).writeFileSync(path, changed);
    await importFile(path);
    const linkedIn = (await call<Account[]>('accounts:list', {})).find((a) => a.service === 'LinkedIn')!;
    expect(linkedIn.passwordChangedAt).toBe('2026-11-28');
    const reuse = (await call<Finding[]>('findings:list', {})).find(
      (f) =>
        f.kind === 'password_reused' &&
        f.status === 'open' &&
        (f.evidence.services as string[]).includes('Facebook'),
    )!;
    expect(reuse.evidence.services).not.toContain('LinkedIn');
  });
});

describe('an Android app with no title of its own', () => {
  it('is saved under the name the preview showed (the app directory’s), not one made from its id', async () => {
    const { call, importFile, previewFile } = setup();
    const path = join(mkdtempSync(join(tmpdir(), 'lockstep-android-')), 'chrome.csv');
    writeFileSync(
      path,
      'name,url,username,password\n,android://c2lnbmF0dXJl@com.facebook.katana/,me@example.com,Kestrel77#tw\n',
    );
    const preview = await previewFile(path);
    const shown = preview.items.map((item) => item.service);
    expect(shown).toEqual([format('names.androidApp', { name: 'Facebook' })]);
    await call('import:cancel', { sessionId: preview.sessionId });
    await importFile(path);
    const accounts = await call<Account[]>('accounts:list', {});
    expect(accounts.map((a) => a.service)).toEqual(shown);
  });
});

describe('every sample export', () => {
  const samples = readdirSync(EXPORTS).filter((name) => !name.startsWith('.'));

  it.each(samples)('%s imports with the counts a careful reader expects', async (name) => {
    const { importFile, call } = setup();
    const path = join(EXPORTS, name);
    const { parsed, mapping } = readSample(path, name);
    const { preview, result } = await importFile(path, mapping ? { mapping } : {});
    expect(preview.entries).toBe(parsed.entries.length);
    expect(result.created + result.updated).toBe(
      parsed.entries.length - (result.skipped.length - parsed.skipped.length),
    );
    expect((await call<Account[]>('accounts:list', {})).length).toBe(result.created);
  });

  it('never writes a password, a TOTP secret, or a password SHA-1 anywhere under the data folder', async () => {
    const { importFile, dataDir, core } = setup();
    const secrets = new Set<string>();
    // Text that is legitimately stored (usernames, names, addresses, the schema itself): a password
    // such as "admin" or "password" also appears there, so it cannot be told apart and is not scanned.
    let publicText = (
      core.readDb.prepare(`SELECT group_concat(sql, ' ') AS s FROM sqlite_schema`).get() as { s: string }
    ).s;
    const candidates: string[] = [];
    for (const name of samples) {
      const { bytes, parsed, mapping } = readSample(join(EXPORTS, name), name);
      for (const entry of parsed.entries) {
        publicText += ` ${entry.title} ${entry.username} ${entry.urls.join(' ')}`;
        candidates.push(entry.password);
        const sha1 = createHash('sha1').update(entry.password).digest('hex');
        secrets.add(sha1);
        secrets.add(sha1.toUpperCase());
      }
      const text = Buffer.from(bytes).toString('utf8');
      for (const match of text.matchAll(/secret=([A-Z2-7]{16,})/g)) secrets.add(match[1]!);
      await importFile(join(EXPORTS, name), mapping ? { mapping } : {});
    }
    // A short run of hex digits ("4412", a PIN) turns up by chance in hashes, ids and timestamps: a
    // hit would say nothing about the password, so those are left to the SHA-1 search above.
    const chance = (password: string) =>
      password.length < 6 || (/^[0-9a-f]+$/i.test(password) && password.length < 12);
    for (const password of candidates)
      if (!chance(password) && !publicText.includes(password)) secrets.add(password);
    const hits = scanDataDirForSecrets(dataDir, secrets);
    expect(hits).toEqual([]);
  });
});

describe('bad input changes nothing', () => {
  // bom-crlf-chrome.csv is a valid Chrome export; random-columns.csv asks for a mapping (below).
  it.each(readdirSync(BAD).filter((name) => !['bom-crlf-chrome.csv', 'random-columns.csv'].includes(name)))(
    '%s is refused with a message naming the file',
    async (name) => {
      const { failure, core } = setup();
      const error = await failure('import:preview', {
        source: { fileToken: core.files.grant(join(BAD, name)).token },
        personId: 1,
      });
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain(name);
      expect(core.readDb.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    },
  );

  it('unknown columns ask for a mapping, and the mapping imports', async () => {
    const { call, core, previewFile } = setup();
    const path = join(BAD, 'random-columns.csv');
    const firstTry = await previewFile(path);
    expect(firstTry).toMatchObject({
      format: null,
      entries: 0,
      columns: ['id', 'site_label', 'login_hint', 'secret_value', 'last_rotated', 'owner_team'],
    });
    expect(
      await call('import:confirm', { sessionId: firstTry.sessionId }).catch((e: Error) => e.message),
    ).toMatch(/Choose which columns/);
    expect(core.readDb.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    const mapped = await call<ImportPreview>('import:preview', {
      source: { sessionId: firstTry.sessionId },
      personId: 1,
      mapping: { title: 'site_label', url: 'site_label', username: 'login_hint', password: 'secret_value' },
    });
    expect(mapped).toMatchObject({ format: 'generic-csv', entries: 3, toCreate: 3 });
    const result = await call<ImportResult>('import:confirm', { sessionId: mapped.sessionId });
    expect(result.created).toBe(3);
    const services = (await call<Account[]>('accounts:list', {})).map((a) => a.service).sort();
    expect(services).toEqual(['Build server', 'Payroll portal', 'Wiki']);
  });

  it('a missing file is a clear error', async () => {
    const { failure, core } = setup();
    const error = await failure('import:preview', {
      source: { fileToken: core.files.grant('/nonexistent/export.csv').token },
      personId: 1,
    });
    expect(error).toMatchObject({ code: 'invalid_input', message: 'export.csv could not be read (ENOENT).' });
  });

  it('cancelling while the passwords are analysed leaves nothing behind', async () => {
    const { call, core } = setup();
    const preview = await call<ImportPreview>('import:preview', {
      source: { fileToken: core.files.grant(join(EXPORTS, 'bitwarden.csv')).token },
      personId: 1,
    });
    const running = call('import:confirm', { sessionId: preview.sessionId }).catch((e: Error) => e);
    await call('import:cancel', { sessionId: preview.sessionId });
    const outcome = await running;
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toMatch(/cancelled\. Nothing was saved/);
    expect(core.readDb.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
    expect(core.readDb.prepare('SELECT count(*) AS n FROM password_signals').get()).toEqual({ n: 0 });
  });
});

describe('matching on re-import', () => {
  it('updates a hand-added account on the same domain, but keeps unrelated sites on a shared domain apart', async () => {
    const { call, importFile, dataDir } = setup();
    await call('accounts:create', {
      personId: 1,
      service: 'My LinkedIn',
      url: 'linkedin.com',
      username: 'alex.morgan@example.com',
      category: 'social',
      criticality: 'standard',
      mfa: 'sms',
      passwordChangedAt: '',
      recoveryReviewedAt: '',
      notes: '',
    });
    const csv = [
      'name,url,username,password,note',
      'linkedin.com,https://www.linkedin.com/login,alex.morgan@example.com,Xq7!pLm2#vRt9,',
      'Müller Reisen,https://müller-reisen.example.de/login,alex.morgan@example.com,Tr4v3l!ng#2024,',
      'Café Münster,https://www.cafe-muenster.example.de/konto,alex.morgan@example.com,K4ff33!Z3it,',
    ].join('\n');
    const path = join(dataDir, 'chrome.csv');
    (await import('node:fs')).writeFileSync(path, csv);
    const { preview } = await importFile(path);
    expect(preview.skipped).toEqual([]);
    expect(preview).toMatchObject({ toUpdate: 1, toCreate: 2 });
    const accounts = await call<Account[]>('accounts:list', {});
    expect(new Set(accounts.map((a) => a.service))).toEqual(
      new Set(['Café Münster', 'Müller Reisen', 'My LinkedIn']),
    );
    expect(accounts.find((a) => a.service === 'My LinkedIn')).toMatchObject({ mfa: 'sms', source: 'import' });
  });
});

describe('what an import offers besides the accounts', () => {
  it('says in the preview that short rows were read with empty fields', async () => {
    const { previewFile } = setup();
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-short-'));
    const path = join(dir, 'chrome.csv');
    // A browser leaves out the trailing empty note field on some rows.
    writeFileSync(
      path,
      'name,url,username,password,note\nA,https://a.example,ann,pw-one-Xy7!,hi\nB,https://b.example,bob,pw-two-Qz8!\n',
    );
    const preview = await previewFile(path);
    expect(preview.entries).toBe(2);
    expect(preview.notices.join(' ')).toMatch(/1 row.*fewer fields.*empty/i);
  });

  it('offers the sign-in addresses the person does not have yet, and adds the chosen ones at once', async () => {
    const { call, importFile, core } = setup();
    const { result } = await importFile(join(EXPORTS, 'bitwarden.csv'));
    expect(result.loginEmails).toEqual(
      expect.arrayContaining(['alex.morgan@example.com', 'a.morgan@example.org']),
    );
    expect(result.loginEmails.every((a) => a === a.toLowerCase() && a.includes('@'))).toBe(true);
    const added = await call<{ added: { address: string }[] }>('emails:addMany', {
      personId: 1,
      addresses: ['alex.morgan@example.com', 'ALEX.MORGAN@example.com', 'a.morgan@example.org'],
    });
    expect(added.added.map((e) => e.address)).toEqual(['alex.morgan@example.com', 'a.morgan@example.org']);
    expect(core.read.history.list({ subjectType: 'email' })).toHaveLength(2);
    // A second import offers only what is still missing.
    const again = await importFile(join(EXPORTS, 'bitwarden.csv'));
    expect(again.result.loginEmails).not.toContain('alex.morgan@example.com');
    expect(again.result.loginEmails).not.toContain('a.morgan@example.org');
  });
});
