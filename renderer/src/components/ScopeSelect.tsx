import { Select } from '@mantine/core';
import type { Scope } from '../api/hooks';
import { format } from '../app/words';

/**
 * "Show for": everyone, one group (department) or one person. Offered only when the file holds
 * more than one person.
 */
export function ScopeSelect({
  people,
  value,
  onChange,
  w = 200,
}: {
  people: readonly { id: number; name: string; group: string }[];
  value: Scope;
  onChange: (scope: Scope) => void;
  w?: number;
}) {
  if (people.length <= 1) return null;
  const groups = [...new Set(people.map((p) => p.group).filter((g) => g !== ''))].sort((a, b) =>
    a.localeCompare(b),
  );
  const data = [
    ...(groups.length > 0
      ? [
          {
            group: format('scope.groups'),
            items: groups.map((g) => ({ value: `group:${g}`, label: format('scope.group', { group: g }) })),
          },
        ]
      : []),
    { group: format('nav.people'), items: people.map((p) => ({ value: `person:${p.id}`, label: p.name })) },
  ];
  const current =
    value.personId !== undefined
      ? `person:${value.personId}`
      : value.group !== undefined
        ? `group:${value.group}`
        : null;
  return (
    <Select
      aria-label={format('scope.label')}
      placeholder={format('scope.everyone')}
      clearable
      searchable
      data={data}
      value={current}
      onChange={(next) => {
        if (!next) onChange({});
        else if (next.startsWith('person:')) onChange({ personId: Number(next.slice('person:'.length)) });
        else onChange({ group: next.slice('group:'.length) });
      }}
      w={w}
    />
  );
}
