import { format } from '../../common/messages/format';
import { AppFailure } from '../../common/ipc/result';
import type { ReadRepositories } from '../db/repositories/index';

/** Whose data a list shows: one person, everyone in a group, or (neither) everyone. */
export interface Scope {
  personId?: number;
  group?: string;
}

/**
 * The ids of the people a scope covers, or null for everyone. An unknown person is an error a
 * person understands; an unknown group is simply empty.
 */
export function peopleInScope(read: Pick<ReadRepositories, 'people'>, scope: Scope = {}): Set<number> | null {
  if (scope.personId !== undefined) {
    if (!read.people.get(scope.personId)) {
      throw new AppFailure('not_found', format('errors.scope.personGone'));
    }
    return new Set([scope.personId]);
  }
  if (scope.group !== undefined) {
    return new Set(
      read.people
        .list()
        .filter((p) => p.group === scope.group)
        .map((p) => p.id),
    );
  }
  return null;
}

/** Whether something concerning `personIds` is in scope (`null`: everyone is). */
export function inScope(people: ReadonlySet<number> | null, personIds: readonly (number | null)[]): boolean {
  return people === null || personIds.some((id) => id !== null && people.has(id));
}
