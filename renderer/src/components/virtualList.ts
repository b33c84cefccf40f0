import { useDeferredValue } from 'react';

/** Lists up to this long are rendered whole; longer ones only around what is in view. */
export const FULL_RENDER_LIMIT = 150;

/** Rows rendered either side of the view in a long list (and first, in a short one). */
const OVERSCAN = 6;

/**
 * The overscan to give TanStack Virtual for a list of `count` items: all of them for a short list
 * (every card is in the page, as a person searching it with the browser expects), a few either side
 * of the view for a long one (5,000 cards would take seconds to render).
 */
export function fullyRendered(count: number): number {
  return count <= FULL_RENDER_LIMIT ? count : OVERSCAN;
}

/**
 * {@link fullyRendered}, deferred: the rows in view are painted first, and the rest of a short
 * list follows in a background render — so opening or filtering a list never waits for the rows
 * no one can see yet.
 */
export function useOverscan(count: number): number {
  return useDeferredValue(fullyRendered(count), OVERSCAN);
}
