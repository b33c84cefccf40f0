import Database from 'better-sqlite3';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, ChangeArea, RequestOf } from '../../common/ipc/contract';
import { RecordingPlatform } from '../platform/recorder';
import { setMessageLocale } from '../../common/messages/format';
import { openCore, type Core } from '../services/core';
import { createHandlers, dispatch, grantDroppedFile } from './handlers';

const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
});

function setup(dataDir = mkdtempSync(join(tmpdir(), 'lockstep-ipc-'))) {
  const platform = new RecordingPlatform();
  const changes: ChangeArea[][] = [];
  const core = openCore({
    dataDir,
    platform,
    clock: { now: () => new Date('2026-11-28T12:00:00Z') },
    onDidChange: (areas) => changes.push(areas),
  });
  cores.push(core);
  // As the app does when its window opens.
  core.startSession();
  changes.length = 0;
  const handlers = createHandlers(core);
  const call = (channel: string, payload: unknown) => dispatch(handlers, channel, payload, () => {});
  return { core, platform, changes, call, dataDir };
}

const linkedIn: RequestOf<'accounts:create'> = {
  personId: 1,
  service: 'LinkedIn',
  url: 'https://www.linkedin.com/login',
  username: 'alex@example.com',
  category: 'social',
  criticality: 'standard',
  mfa: 'unknown',
  passwordChangedAt: '2012-01-01',
  recoveryReviewedAt: '',
  notes: '',
};

describe('dispatch', () => {
  it('creates "Me" on first start, once', () => {
    const { call, dataDir } = setup();
    return call('people:list', {}).then(async (result) => {
      expect(result).toMatchObject({ ok: true, value: [{ id: 1, name: 'Me', isDefault: true }] });
      await cores.pop()?.close();
      const again = setup(dataDir);
      expect(await again.call('people:list', {})).toMatchObject({ ok: true, value: [{ name: 'Me' }] });
    });
  });

  it('creates an account with a derived domain, and announces the change', async () => {
    const { call, changes } = setup();
    const result = await call('accounts:create', linkedIn);
    expect(result).toMatchObject({
      ok: true,
      value: { id: 1, domain: 'linkedin.com', urlKind: 'web', personName: 'Me' },
    });
    expect(changes).toContainEqual(['accounts', 'people', 'findings', 'tasks']);
  });

  it('words its refusals and the services’ errors from the catalogue in use (here the pseudo-locale)', async () => {
    const { call, platform } = setup();
    setMessageLocale('pseudo');
    try {
      const messages = [
        await call('accounts:drop', {}),
        await call('accounts:create', { ...linkedIn, service: '' }),
        await call('shell:openExternal', { url: 'http://example.com/' }),
        await call('findings:reopen', { id: 999 }),
        await call('breaches:get', { name: 'NoSuchBreach' }),
      ].map((result) => (result.ok ? 'succeeded' : result.error.message));
      for (const message of messages) {
        // Pseudo-localised words only: any plain English word would be a string outside the catalogue.
        expect(
          message.replace(/NoSuchBreach/g, '').match(/(?<![\p{L}])[A-Za-z]{3,}(?![\p{L}])/gu),
          message,
        ).toBeNull();
      }
      await call('import:pickFile', {});
      expect(platform.recording.fileRequests.at(-1)).toMatch(/^\[/);
    } finally {
      setMessageLocale('en');
    }
  });

  it('words the field errors of dates and service addresses from the catalogue', async () => {
    const { call } = setup();
    const fieldErrors = async () =>
      [
        await call('tasks:snooze', { id: 1, until: '2026-02-30' }),
        await call('settings:update', { hibpApiUrl: 'https://evil.example/api' }),
      ].flatMap((result) => (result.ok ? ['succeeded'] : Object.values(result.error.fieldErrors ?? {})));
    expect(await fieldErrors()).toEqual([
      'Enter the snooze date as a real date (YYYY-MM-DD).',
      'Only haveibeenpwned.com (or a server on this computer, for tests) can be used.',
    ]);
    setMessageLocale('pseudo');
    try {
      for (const message of await fieldErrors()) {
        const words = message.replace(/haveibeenpwned\.com/g, '').match(/[A-Za-z]{2,}/g);
        expect(words, message).toBeNull();
      }
    } finally {
      setMessageLocale('en');
    }
  });

  it('refuses unknown channels and invalid payloads without running anything', async () => {
    const { call, changes } = setup();
    expect(await call('accounts:drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const invalid = await call('accounts:create', { ...linkedIn, service: '', extra: 'field' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('accounts:create', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('accounts:list', {})).toEqual({ ok: true, value: [] });
    expect(changes).toEqual([]);
  });

  it('refuses dates in the future and unknown people as field errors', async () => {
    const { call } = setup();
    expect(await call('accounts:create', { ...linkedIn, passwordChangedAt: '2026-11-29' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fieldErrors: { passwordChangedAt: 'This date is in the future.' } },
    });
    expect(await call('accounts:create', { ...linkedIn, personId: 99 })).toMatchObject({
      ok: false,
      error: { fieldErrors: { personId: expect.any(String) } },
    });
  });

  it('updates, deletes and undoes', async () => {
    const { call } = setup();
    const created = (await call('accounts:create', linkedIn)) as { ok: true; value: Account };
    const updated = await call('accounts:update', {
      ...linkedIn,
      id: created.value.id,
      url: 'androidapp://com.linkedin.android',
      mfa: 'totp',
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { domain: 'linkedin.com', urlKind: 'android', mfa: 'totp' },
    });
    const deleted = (await call('accounts:delete', { ids: [created.value.id] })) as {
      ok: true;
      value: { token: string };
    };
    expect(await call('accounts:list', {})).toEqual({ ok: true, value: [] });
    expect(await call('accounts:get', { id: created.value.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call('trash:undo', { token: deleted.value.token })).toEqual({
      ok: true,
      value: { restored: 1 },
    });
    expect(await call('accounts:list', {})).toMatchObject({ ok: true, value: [{ mfa: 'totp' }] });
    expect(await call('trash:undo', { token: deleted.value.token })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('deletes a person with their accounts and addresses, undoably, but never the last person', async () => {
    const { call } = setup();
    expect(await call('people:delete', { id: 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const sam = (await call('people:create', { name: 'Sam' })) as { ok: true; value: { id: number } };
    await call('accounts:create', { ...linkedIn, personId: sam.value.id });
    await call('emails:add', { personId: sam.value.id, address: 'sam@example.com' });
    const receipt = (await call('people:delete', { id: sam.value.id })) as {
      ok: true;
      value: { token: string; count: number };
    };
    expect(receipt.value.count).toBe(3);
    expect(await call('accounts:list', {})).toEqual({ ok: true, value: [] });
    await call('trash:undo', { token: receipt.value.token });
    expect(await call('people:list', {})).toMatchObject({
      ok: true,
      value: [{ name: 'Me' }, { name: 'Sam', accountCount: 1, emails: [{ address: 'sam@example.com' }] }],
    });
  });

  it('refuses a duplicate email address for the same person', async () => {
    const { call } = setup();
    await call('emails:add', { personId: 1, address: 'alex@example.com' });
    expect(await call('emails:add', { personId: 1, address: 'alex@EXAMPLE.com' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', fieldErrors: { address: expect.any(String) } },
    });
  });

  it('empties the trash at the next start: the undo window ends with the session', async () => {
    const { call, dataDir } = setup();
    const created = (await call('accounts:create', linkedIn)) as { ok: true; value: Account };
    const deleted = (await call('accounts:delete', { ids: [created.value.id] })) as {
      ok: true;
      value: { token: string };
    };
    await cores.pop()?.close();
    const again = setup(dataDir);
    expect(await again.call('trash:undo', { token: deleted.value.token })).toMatchObject({ ok: false });
    expect(again.core.readDb.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 0 });
  });

  it('opens only https links, through the platform port', async () => {
    const { call, platform } = setup();
    expect(await call('shell:openExternal', { url: 'https://haveibeenpwned.com/' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'https://user:pw@example.com',
      'not a url',
    ]) {
      expect(await call('shell:openExternal', { url })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(platform.recording.openedUrls).toEqual(['https://haveibeenpwned.com/']);
  });

  it('turns an unexpected failure into a plain message without internals', async () => {
    const { core, call } = setup();
    core.readDb.close();
    const result = await call('accounts:list', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside Lockstep. Nothing was changed.' },
    });
  });
});

describe('main does not trust the window with paths or addresses', () => {
  it('reads only a file the person picked in main’s dialog, by token; never a path the window names', async () => {
    const { call, platform, core } = setup();
    const secret = join(mkdtempSync(join(tmpdir(), 'lockstep-secret-')), 'secret.csv');
    writeFileSync(secret, 'url,username,password\nhttps://a.example,ann,pw\n');
    expect(await call('import:preview', { source: { path: secret }, personId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await call('import:preview', {
        source: { fileToken: '00000000-0000-4000-8000-000000000000' },
        personId: 1,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('Choose it again') },
    });

    platform.answerNextFile(secret);
    const picked = (await call('import:pickFile', {})) as {
      ok: true;
      value: { token: string; name: string };
    };
    expect(picked.value).toEqual({ token: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'secret.csv' });
    expect(JSON.stringify(picked)).not.toContain(secret);
    const preview = await call('import:preview', { source: { fileToken: picked.value.token }, personId: 1 });
    expect(preview).toMatchObject({
      ok: true,
      value: { fileName: 'secret.csv', columns: ['url', 'username', 'password'] },
    });

    // A dropped file is granted by the preload's path only when it is a real file.
    expect(grantDroppedFile(core, 'relative/file.csv')).toMatchObject({ ok: false });
    expect(grantDroppedFile(core, tmpdir())).toMatchObject({
      ok: false,
      error: { message: 'Drop a file, not a folder.' },
    });
    expect(grantDroppedFile(core, join(tmpdir(), 'no-such-file.csv'))).toMatchObject({ ok: false });
    expect(grantDroppedFile(core, secret)).toMatchObject({ ok: true, value: { name: 'secret.csv' } });
  });

  it('sends online requests only to the official service or a server on this computer', async () => {
    const { call, core } = setup();
    for (const url of [
      'https://evil.example',
      'http://api.pwnedpasswords.com',
      'https://u:p@api.pwnedpasswords.com',
    ]) {
      expect(await call('settings:update', { pwnedRangeUrl: url })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    for (const url of ['https://haveibeenpwned.com.evil.example/api', 'http://10.0.0.1:8080']) {
      expect(await call('settings:update', { hibpApiUrl: url })).toMatchObject({ ok: false });
    }
    for (const url of ['https://api.pwnedpasswords.com', 'http://127.0.0.1:8123', 'http://localhost:9']) {
      expect(await call('settings:update', { pwnedRangeUrl: url })).toMatchObject({ ok: true });
    }
    // A value written into the file behind the app's back is not used.
    const tamper = new Database(core.databasePath);
    tamper
      .prepare(
        `UPDATE settings SET value = json_set(value, '$.pwnedRangeUrl', 'https://evil.example') WHERE key = 'app'`,
      )
      .run();
    tamper.close();
    expect(core.settings.get().pwnedRangeUrl).toBe('https://api.pwnedpasswords.com');
  });

  it('keeps the colour scheme chosen (System until then), refuses any other word, and tells the views', async () => {
    const { call, core, changes, dataDir } = setup();
    expect(core.settings.get().colorScheme).toBe('system');
    expect(await call('settings:update', { colorScheme: 'blue' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('settings:update', { colorScheme: 'dark' })).toMatchObject({
      ok: true,
      value: { colorScheme: 'dark', reminders: true },
    });
    expect(changes.at(-1)).toContain('settings');
    await cores.pop()?.close();
    const reopened = setup(dataDir);
    expect(reopened.core.settings.get().colorScheme).toBe('dark');
    // A word written into the file behind the app's back falls back to following the system.
    const tamper = new Database(reopened.core.databasePath);
    tamper
      .prepare(`UPDATE settings SET value = json_set(value, '$.colorScheme', 'neon') WHERE key = 'app'`)
      .run();
    tamper.close();
    expect(reopened.core.settings.get().colorScheme).toBe('system');
  });
});
