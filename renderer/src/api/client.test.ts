import { afterEach, describe, expect, it } from 'vitest';
import type { LockstepApi } from '../../../common/ipc/contract';
import { setMessageLocale, type MessageLocale } from '../../../common/messages/format';
import { ApiError, call, messageOf } from './client';

const original = window.lockstep;
afterEach(() => {
  window.lockstep = original;
  setMessageLocale('en');
});

/** What a person reads when a call fails before reaching the main process, in `locale`. */
async function failures(locale: MessageLocale): Promise<string[]> {
  setMessageLocale(locale);
  try {
    const failed = (promise: Promise<unknown>) =>
      promise.then(
        () => {
          throw new Error('The call succeeded');
        },
        (error: unknown) => {
          expect(error).toBeInstanceOf(ApiError);
          return messageOf(error);
        },
      );
    window.lockstep = undefined as unknown as LockstepApi;
    const noBridge = await failed(call('people:list', {}));
    window.lockstep = {
      'people:list': () => Promise.reject(new Error('EPIPE')),
    } as unknown as LockstepApi;
    const unreachable = await failed(call('people:list', {}));
    return [noBridge, unreachable, messageOf(42)];
  } finally {
    setMessageLocale('en');
  }
}

describe('a call that never reached the main process', () => {
  it('says so in the catalogue’s words', async () => {
    expect(await failures('en')).toEqual([
      'Lockstep’s bridge to its data is missing. Open the app through Lockstep itself.',
      'Lockstep could not reach its data (EPIPE).',
      'Something went wrong.',
    ]);
  });

  it('has no plain English word in the pseudo-locale besides the error it names', async () => {
    for (const message of await failures('pseudo')) {
      expect(
        message
          .split('EPIPE')
          .join(' ')
          .match(/[A-Za-z]{2,}/g) ?? [],
        message,
      ).toEqual([]);
    }
  });
});
