import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconChecklist,
  IconFileReport,
  IconUsersPlus,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { TeamRow } from '../../../../common/ipc/contract';
import { call, messageOf } from '../../api/client';
import { usePeople, useTeam, type Scope } from '../../api/hooks';
import { ScopeSelect } from '../../components/ScopeSelect';
import { ToneBadge } from '../../components/Badges';
import { EmptyState } from '../../components/EmptyState';
import screen from '../../components/Screen.module.css';
import { ChecklistDialog } from './ChecklistDialog';
import { CoverageCards } from './CoverageCards';
import { StaffImportDialog } from './StaffImportDialog';
import classes from './Team.module.css';
import { scopedPath } from './useScope';

type SortKey = 'name' | 'group' | 'mainEmail' | 'critical' | 'findings' | 'overdue' | 'activity';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Person' },
  { key: 'group', label: 'Group' },
  { key: 'mainEmail', label: 'Main email' },
  { key: 'critical', label: 'Critical accounts covered' },
  { key: 'findings', label: 'Open findings' },
  { key: 'overdue', label: 'Overdue tasks' },
  { key: 'activity', label: 'Last activity' },
];

const MFA_RANK = (v: boolean | null) => (v === false ? 0 : v === null ? 1 : 2);
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Orders the team's rows: the column chosen, then by name. */
export function sortRows(rows: readonly TeamRow[], key: SortKey, direction: 'asc' | 'desc'): TeamRow[] {
  const compare: Record<SortKey, (a: TeamRow, b: TeamRow) => number> = {
    name: () => 0,
    group: (a, b) => collator.compare(a.group, b.group),
    mainEmail: (a, b) => MFA_RANK(a.mainEmailMfa) - MFA_RANK(b.mainEmailMfa),
    // Least covered first: the share of critical accounts with two-step (none at all counts as covered).
    critical: (a, b) =>
      (a.criticalAccounts === 0 ? 1 : a.criticalWithMfa / a.criticalAccounts) -
      (b.criticalAccounts === 0 ? 1 : b.criticalWithMfa / b.criticalAccounts),
    findings: (a, b) => a.openFindings - b.openFindings,
    overdue: (a, b) => a.overdueTasks - b.overdueTasks,
    activity: (a, b) => (a.lastActivity ?? '').localeCompare(b.lastActivity ?? ''),
  };
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort(
    (a, b) => sign * compare[key](a, b) || collator.compare(a.name, b.name) || a.id - b.id,
  );
}

/** The whole office at a glance: coverage figures with who is behind them, one row per person. */
export function TeamScreen() {
  const navigate = useNavigate();
  const [group, setGroup] = useState<string | null>(null);
  const team = useTeam(group ?? undefined);
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' }>({
    key: 'name',
    direction: 'asc',
  });
  const [isImporting, setImporting] = useState(false);
  const [isStarting, setStarting] = useState(false);
  const rows = useMemo(
    () => (team.data ? sortRows(team.data.rows, sort.key, sort.direction) : []),
    [team.data, sort],
  );
  const toggle = (key: SortKey) =>
    setSort((s) =>
      s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: 'asc' },
    );

  return (
    <Stack gap="md" className={screen.scroll}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Team</Title>
          <Text c="dimmed" size="sm">
            Everyone in this file at a glance: who has two-step sign-in on their email, whose critical
            accounts are covered, and who is behind. Click a number to see who.
          </Text>
        </div>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconUsersPlus size={16} aria-hidden />}
            onClick={() => setImporting(true)}
          >
            Import staff…
          </Button>
          <Button
            variant="default"
            leftSection={<IconChecklist size={16} aria-hidden />}
            onClick={() => setStarting(true)}
          >
            Start a checklist…
          </Button>
          <Button
            leftSection={<IconFileReport size={16} aria-hidden />}
            onClick={() => void navigate('/reports')}
          >
            Reports
          </Button>
        </Group>
      </Group>
      {team.isPending && <Loader aria-label="Loading the team" />}
      {team.isError && (
        <Alert color="red" title="The team could not be loaded" role="alert">
          {messageOf(team.error)}
        </Alert>
      )}
      {team.data && (
        <>
          {team.data.groups.length > 0 && (
            <Select
              label="Group"
              placeholder="Everyone"
              clearable
              data={team.data.groups}
              value={group}
              onChange={setGroup}
              w={220}
            />
          )}
          {team.data.rows.length === 0 ? (
            <EmptyState
              icon={<IconUsersPlus size={28} />}
              title={group ? 'No one in this group' : 'No one here yet'}
              action={<Button onClick={() => setImporting(true)}>Import a staff list</Button>}
            >
              Import your staff from a spreadsheet (name, email addresses, role, department), or add people
              one by one on the People screen.
            </EmptyState>
          ) : (
            <>
              <CoverageCards view={team.data} />
              <div style={{ overflowX: 'auto' }}>
                <table className={classes.table} aria-label="People">
                  <thead>
                    <tr>
                      {COLUMNS.map((column) => (
                        <th
                          key={column.key}
                          scope="col"
                          aria-sort={
                            sort.key === column.key
                              ? sort.direction === 'asc'
                                ? 'ascending'
                                : 'descending'
                              : 'none'
                          }
                        >
                          <UnstyledButton className={classes.sort} onClick={() => toggle(column.key)}>
                            {column.label}
                            {sort.key === column.key &&
                              (sort.direction === 'asc' ? (
                                <IconArrowUp size={14} aria-hidden />
                              ) : (
                                <IconArrowDown size={14} aria-hidden />
                              ))}
                          </UnstyledButton>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <PersonRow key={row.id} row={row} />
                    ))}
                  </tbody>
                </table>
              </div>
              <RecentChanges group={group} />
            </>
          )}
        </>
      )}
      <StaffImportDialog opened={isImporting} onClose={() => setImporting(false)} />
      <ChecklistDialog opened={isStarting} onClose={() => setStarting(false)} />
    </Stack>
  );
}

function PersonRow({ row }: { row: TeamRow }) {
  const navigate = useNavigate();
  const s = row.findingsBySeverity;
  return (
    <tr aria-label={row.name}>
      <th scope="row" style={{ fontWeight: 400 }}>
        <Text size="sm" fw={600}>
          {row.name}
        </Text>
        {row.role && (
          <Text size="xs" c="dimmed">
            {row.role}
          </Text>
        )}
        <Group gap={8} mt={2}>
          {(['accounts', 'exposure', 'tasks'] as const).map((screen) => (
            <Anchor
              key={screen}
              component="button"
              size="xs"
              c="var(--ls-text-accent)"
              underline="always"
              onClick={() => void navigate(scopedPath(`/${screen}`, { personId: row.id }))}
              aria-label={`${row.name}: ${screen}`}
            >
              {screen[0]!.toUpperCase() + screen.slice(1)}
            </Anchor>
          ))}
        </Group>
      </th>
      <td>{row.group || '—'}</td>
      <td
        aria-label={`Two-step on the main email account: ${row.mainEmailMfa === null ? 'unknown' : row.mainEmailMfa ? 'on' : 'off'}`}
      >
        {row.emailAccounts.length === 0 ? (
          <Text size="sm" c="dimmed">
            No email account
          </Text>
        ) : (
          row.emailAccounts.map((mail) => (
            <Group key={mail.accountId} gap={6} wrap="nowrap">
              <Text size="sm" truncate maw={180}>
                {mail.service}
                {mail.isMain ? '' : ' (other)'}
              </Text>
              <ToneBadge tone={mail.mfa === 'none' ? 'red' : mail.mfa === 'unknown' ? 'gray' : 'teal'}>
                {mail.mfa === 'none' ? 'Off' : mail.mfa === 'unknown' ? 'Unknown' : 'On'}
              </ToneBadge>
            </Group>
          ))
        )}
      </td>
      <td>
        {row.criticalWithMfa} of {row.criticalAccounts}
        {row.criticalUnknown > 0 && (
          <Text size="xs" c="dimmed">
            {row.criticalUnknown} unknown
          </Text>
        )}
      </td>
      <td>
        {row.openFindings === 0 ? (
          '0'
        ) : (
          <Group gap={4}>
            {s.critical > 0 && <ToneBadge tone="red">{`${s.critical} fix now`}</ToneBadge>}
            {s.high > 0 && <ToneBadge tone="orange">{`${s.high} soon`}</ToneBadge>}
            {s.medium > 0 && <ToneBadge tone="yellow">{`${s.medium} worth fixing`}</ToneBadge>}
            {s.low > 0 && <ToneBadge tone="gray">{`${s.low} when you can`}</ToneBadge>}
          </Group>
        )}
      </td>
      <td>
        {row.overdueTasks > 0 ? (
          <Text size="sm" c="var(--ls-text-danger)" fw={700}>
            {row.overdueTasks}
          </Text>
        ) : (
          '0'
        )}
      </td>
      <td>{row.lastActivity ? new Date(row.lastActivity).toLocaleDateString() : 'None recorded'}</td>
    </tr>
  );
}

/** The latest changes: everyone's, a group's, or one person's (the history, filtered in main). */
function RecentChanges({ group }: { group: string | null }) {
  const people = usePeople();
  const [chosen, setChosen] = useState<Scope>({});
  const scope: Scope =
    chosen.personId !== undefined || chosen.group !== undefined ? chosen : group ? { group } : {};
  const history = useQuery({
    queryKey: ['team', 'history', scope],
    queryFn: () => call('history:list', { limit: 15, ...scope }),
  });
  if (!history.data) return null;
  return (
    <section aria-label="Recent changes">
      <Group justify="space-between" align="flex-end" mb={4}>
        <Title order={3} size="h5">
          Recent changes
        </Title>
        <ScopeSelect people={people.data ?? []} value={chosen} onChange={setChosen} />
      </Group>
      {history.data.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing recorded yet.
        </Text>
      )}
      <Stack gap={2}>
        {history.data.map((entry) => (
          <Text key={entry.seq} size="sm">
            <Text span c="dimmed" size="xs">
              {new Date(entry.at).toLocaleString()} · {entry.actor}
            </Text>{' '}
            {entry.subjectType.replace('_', ' ')} {entry.action}
            {entry.note || entry.to
              ? `: ${entry.action === 'created' && entry.note ? entry.note : (entry.to ?? entry.note)}`
              : ''}
          </Text>
        ))}
      </Stack>
    </section>
  );
}
