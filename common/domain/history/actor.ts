import { format } from '../../messages/format';

/** The stored actor of the app's own user (history rows keep it as written, hash-chained). */
export const SELF_ACTOR = 'Me';
/** How a named helper is stored ("Helper: Sam (IT)"). */
const HELPER_PREFIX = 'Helper: ';

/**
 * Who made a change, in the catalogue's words: the stored actor ("Me", "Helper: Sam") is data kept
 * as written in the hash-chained history, so it is worded where it is shown. Any other actor (a
 * future kind) is shown as stored.
 */
export function actorWords(actor: string): string {
  if (actor === SELF_ACTOR) return format('team.actor.me');
  if (actor.startsWith(HELPER_PREFIX))
    return format('tasks.helperName', { name: actor.slice(HELPER_PREFIX.length) });
  return actor;
}

/** The actor a change made with a helper beside the person is stored under. */
export function helperActor(name: string): string {
  return `${HELPER_PREFIX}${name}`;
}
