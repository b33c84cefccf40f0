import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Scope } from '../../api/hooks';

/**
 * Whose data a screen shows — one person (`?person=12`), a group (`?group=Shop`), or everyone —
 * kept in the address so a link from the team view opens the screen already filtered, and the
 * filter survives moving between screens with the browser's back button.
 */
export function useScope(): { scope: Scope; setScope: (scope: Scope) => void } {
  const [params, setParams] = useSearchParams();
  const person = Number(params.get('person')) || undefined;
  const group = params.get('group') ?? undefined;
  const scope = useMemo<Scope>(
    () => (person !== undefined ? { personId: person } : group !== undefined ? { group } : {}),
    [person, group],
  );
  const setScope = useCallback(
    (next: Scope) =>
      setParams(
        (current) => {
          const out = new URLSearchParams(current);
          out.delete('person');
          out.delete('group');
          if (next.personId !== undefined) out.set('person', String(next.personId));
          else if (next.group !== undefined) out.set('group', next.group);
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { scope, setScope };
}

/** A link to a screen for one person or group: `/tasks?person=12`. */
export function scopedPath(path: string, scope: Scope): string {
  if (scope.personId !== undefined) return `${path}?person=${scope.personId}`;
  if (scope.group !== undefined) return `${path}?group=${encodeURIComponent(scope.group)}`;
  return path;
}
