import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { format } from '../../common/messages/format';
import type { Task } from '../../common/model/index';
import { openDatabase } from '../db/connection';
import { AccountsRepository } from '../db/repositories/accountsRepository';
import { HistoryRepository } from '../db/repositories/historyRepository';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { openCore, type Core } from './core';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NOW = '2026-11-28T12:00:00.000Z';

function open(dataDir: string): Core {
  const core = openCore({ dataDir, platform: new RecordingPlatform(), clock: { now: () => new Date(NOW) } });
  cleanups.push(() => core.close());
  return core;
}

describe('accounts kept under an Android app id', () => {
  it('are named after the app at the next start, with a history entry, and no task shows the id', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-app-names-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    await open(dataDir).close();
    cleanups.pop();
    // As an import before this version stored them: the app id as the service's name.
    const db = openDatabase(dataDir);
    const accounts = new AccountsRepository(db);
    const base = {
      personId: 1,
      url: '',
      domain: null,
      urlKind: null,
      username: 'ana@example.com',
      category: 'social' as const,
      criticality: 'standard' as const,
      mfa: 'none' as const,
      passwordChangedAt: null,
      recoveryReviewedAt: null,
      notes: '',
    };
    const instagram = accounts.insert(
      {
        ...base,
        service: 'com.instagram.android',
        url: 'androidapp://com.instagram.android',
        domain: 'instagram.com',
        urlKind: 'android',
      },
      NOW,
    );
    const fitness = accounts.insert({ ...base, service: 'com.example.fitnesstracker' }, NOW);
    const host = accounts.insert({ ...base, service: 'accounts.google.com' }, NOW);
    db.close();

    const core = open(dataDir);
    core.startSession();
    const handlers = createHandlers(core);
    const call = async <T>(channel: string, payload: unknown): Promise<T> => {
      const result = await dispatch(handlers, channel, payload, () => {});
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    };
    const byId = new Map(core.inventory.listAccounts().map((a) => [a.id, a.service]));
    expect(byId.get(instagram)).toBe(format('names.androidApp', { name: 'Instagram' }));
    expect(byId.get(fitness)).toBe(format('names.androidApp', { name: 'Fitnesstracker' }));
    // A host name is a name people use: kept.
    expect(byId.get(host)).toBe('accounts.google.com');

    const history = new HistoryRepository(core.readDb).list({ subjectType: 'account', subjectId: instagram });
    expect(history.map((h) => [h.action, h.from, h.to, h.note])).toContainEqual([
      'name',
      'com.instagram.android',
      byId.get(instagram),
      format('names.renamedFromAppId', { appId: 'com.instagram.android' }),
    ]);
    const tasks = await call<Task[]>('tasks:list', {});
    expect(tasks.some((t) => t.title.includes('Instagram (Android app)'))).toBe(true);
    expect(JSON.stringify(tasks)).not.toMatch(/com\.instagram\.android|com\.example\.fitnesstracker/);

    // Nothing left to name: the next start writes nothing.
    expect(core.inventory.nameAppAccounts()).toBe(0);
  });
});
