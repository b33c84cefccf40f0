/** Lists up to this long are rendered whole; longer ones only around what is in view. */
export const FULL_RENDER_LIMIT = 150;

/**
 * The overscan to give TanStack Virtual for a list of `count` items: all of them for a short list
 * (every card is in the page, as a person searching it with the browser expects), a few either side
 * of the view for a long one (5,000 cards would take seconds to render).
 */
export function fullyRendered(count: number): number {
  return count <= FULL_RENDER_LIMIT ? count : 6;
}
