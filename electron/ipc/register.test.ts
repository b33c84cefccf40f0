import { afterEach, describe, expect, it, vi } from 'vitest';
import { DROP_GRANT_CHANNEL } from '../../common/ipc/contract';
import type { Result } from '../../common/ipc/result';
import { setMessageLocale, type MessageLocale } from '../../common/messages/format';
import type { HandlerTable } from './handlers';
import { registerIpc } from './register';

// Electron's ipcMain, as a table of the handlers registered on it.
const registered = vi.hoisted(() => new Map<string, (event: unknown, payload: unknown) => unknown>());
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) =>
      registered.set(channel, handler),
  },
}));

afterEach(() => setMessageLocale('en'));

/** A message from a page that is not Lockstep's. */
const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };

/** What a page that is not Lockstep's is told, on a channel and on the dropped-file grant, in `locale`. */
async function refusals(locale: MessageLocale): Promise<Result<unknown>[]> {
  registered.clear();
  registerIpc({} as HandlerTable, undefined, () => {
    throw new Error('The grant ran for a foreign page');
  });
  setMessageLocale(locale);
  try {
    return [
      (await registered.get('people:list')!(foreign, {})) as Result<unknown>,
      (await registered.get(DROP_GRANT_CHANNEL)!(foreign, '/etc/passwd')) as Result<unknown>,
    ];
  } finally {
    setMessageLocale('en');
  }
}

describe('a request from a page that is not Lockstep’s', () => {
  it('is refused in the catalogue’s words', async () => {
    const refusal = {
      ok: false,
      error: { code: 'forbidden', message: 'Refused a request from an unknown page.' },
    };
    expect(await refusals('en')).toEqual([refusal, refusal]);
  });

  it('has no plain English word in the pseudo-locale', async () => {
    for (const result of await refusals('pseudo')) {
      expect(result.ok).toBe(false);
      const message = result.ok ? '' : result.error.message;
      expect(message).toMatch(/^\[.+~\]$/);
      expect(message.match(/[A-Za-z]{2,}/g) ?? [], message).toEqual([]);
    }
  });
});
