import { useCallback, useEffect, useMemo, useState } from 'react';
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
  const fromAddress = useMemo<Scope>(
    () => (person !== undefined ? { personId: person } : group !== undefined ? { group } : {}),
    [person, group],
  );
  // The screen follows a choice at once; the address (updated in a transition by the router, which
  // would hold the whole screen back until everything under it has rendered) follows behind.
  const [scope, setLocal] = useState<Scope>(fromAddress);
  useEffect(
    () => setLocal((current) => (sameScope(current, fromAddress) ? current : fromAddress)),
    [fromAddress],
  );
  const setScope = useCallback(
    (next: Scope) => {
      setLocal(next);
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
      );
    },
    [setParams],
  );
  return { scope, setScope };
}

const sameScope = (a: Scope, b: Scope) => a.personId === b.personId && a.group === b.group;

/** A link to a screen for one person or group: `/tasks?person=12`. */
export function scopedPath(path: string, scope: Scope): string {
  if (scope.personId !== undefined) return `${path}?person=${scope.personId}`;
  if (scope.group !== undefined) return `${path}?group=${encodeURIComponent(scope.group)}`;
  return path;
}
