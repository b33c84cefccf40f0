import { useCallback } from 'react';
import type { MessageId } from '../../../common/messages/en';
import {
  format,
  formatList,
  formatNumber,
  setMessageLocale,
  type MessageValues,
} from '../../../common/messages/format';

/**
 * The renderer's door to the message catalogue (common/messages): screens word everything with
 * {@link useWords} (or `format` outside components), never with string joins.
 */

/** Where tests ask for the pseudo-locale (e2e/fixtures/app.ts); never shown to people. */
export const PSEUDO_LOCALE_KEY = 'lockstep.pseudoLocale';

/** Picks the catalogue at startup: the pseudo-locale when a test set the flag, else English. */
export function chooseMessageLocale(storage: Pick<Storage, 'getItem'> | undefined): void {
  let pseudo = false;
  try {
    pseudo = storage?.getItem(PSEUDO_LOCALE_KEY) === '1';
  } catch {
    // Storage can be unavailable (a locked-down profile): English, as for everyone.
  }
  setMessageLocale(pseudo ? 'pseudo' : 'en');
}

/** What {@link useWords} gives a component: the message formatter and the list joiner. */
export interface Words {
  /** The message `id` with its values. */
  t: (id: MessageId, values?: MessageValues) => string;
  /** "A, B and C" (or "A, B or C"). */
  list: (items: readonly string[], conjunction?: 'and' | 'or') => string;
}

/** The catalogue's words for a component. */
export function useWords(): Words {
  const t = useCallback((id: MessageId, values?: MessageValues) => format(id, values), []);
  const list = useCallback(
    (items: readonly string[], conjunction: 'and' | 'or' = 'and') => formatList(items, conjunction),
    [],
  );
  return { t, list };
}

export { format, formatList, formatNumber };
