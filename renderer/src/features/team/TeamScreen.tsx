import { useMemo, useState } from 'react';
import { actorWords } from '../../../../common/domain/history/actor';
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
import type { ResponseOf, TeamRow } from '../../../../common/ipc/contract';
import { FINDING_KINDS } from '../../../../common/domain/checks/findings';
import type { MessageId } from '../../../../common/messages/en';
import { useWords, type Words } from '../../app/words';
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

const COLUMNS: { key: SortKey; label: MessageId }[] = [
  { key: 'name', label: 'team.column.name' },
  { key: 'group', label: 'team.column.group' },
  { key: 'mainEmail', label: 'team.column.mainEmail' },
  { key: 'critical', label: 'team.column.critical' },
  { key: 'findings', label: 'team.column.findings' },
  { key: 'overdue', label: 'team.column.overdue' },
  { key: 'activity', label: 'team.column.activity' },
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
  const { t } = useWords();
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
          <Title order={2}>{t('nav.team')}</Title>
          <Text c="dimmed" size="sm">
            {t('team.intro')}
          </Text>
        </div>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconUsersPlus size={16} aria-hidden />}
            onClick={() => setImporting(true)}
          >
            {t('people.importStaff')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconChecklist size={16} aria-hidden />}
            onClick={() => setStarting(true)}
          >
            {t('team.startChecklist')}
          </Button>
          <Button
            leftSection={<IconFileReport size={16} aria-hidden />}
            onClick={() => void navigate('/reports')}
          >
            {t('nav.reports')}
          </Button>
        </Group>
      </Group>
      {team.isPending && <Loader aria-label={t('team.loading')} />}
      {team.isError && (
        <Alert color="red" title={t('team.loadFailed')} role="alert">
          {messageOf(team.error)}
        </Alert>
      )}
      {team.data && (
        <>
          {team.data.groups.length > 0 && (
            <Select
              label={t('team.group')}
              placeholder={t('scope.everyone')}
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
              title={group ? t('team.emptyGroup') : t('team.empty')}
              action={<Button onClick={() => setImporting(true)}>{t('team.importList')}</Button>}
            >
              {t('team.emptyBody')}
            </EmptyState>
          ) : (
            <>
              <CoverageCards view={team.data} />
              <div style={{ overflowX: 'auto' }}>
                <table className={classes.table} aria-label={t('nav.people')}>
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
                            {t(column.label)}
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
  const { t } = useWords();
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
          {(
            [
              ['accounts', 'nav.accounts'],
              ['exposure', 'nav.exposure'],
              ['tasks', 'nav.tasks'],
            ] as const
          ).map(([screen, label]) => (
            <Anchor
              key={screen}
              component="button"
              size="xs"
              c="var(--ls-text-accent)"
              underline="always"
              onClick={() => void navigate(scopedPath(`/${screen}`, { personId: row.id }))}
              aria-label={t('team.personScreen', { name: row.name, screen: t(label) })}
            >
              {t(label)}
            </Anchor>
          ))}
        </Group>
      </th>
      <td>{row.group || t('team.noGroup')}</td>
      <td
        aria-label={t('team.mainEmailMfa', {
          state: row.mainEmailMfa === null ? 'unknown' : row.mainEmailMfa ? 'on' : 'off',
        })}
      >
        {row.emailAccounts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('team.noEmailAccount')}
          </Text>
        ) : (
          row.emailAccounts.map((mail) => (
            <Group key={mail.accountId} gap={6} wrap="nowrap">
              <Text
                size="sm"
                truncate
                maw={180}
                title={mail.isMain ? mail.service : t('team.otherEmail', { service: mail.service })}
              >
                {mail.isMain ? mail.service : t('team.otherEmail', { service: mail.service })}
              </Text>
              <ToneBadge tone={mail.mfa === 'none' ? 'red' : mail.mfa === 'unknown' ? 'gray' : 'teal'}>
                {mail.mfa === 'none'
                  ? t('team.mfa.off')
                  : mail.mfa === 'unknown'
                    ? t('team.mfa.unknown')
                    : t('team.mfa.on')}
              </ToneBadge>
            </Group>
          ))
        )}
      </td>
      <td>
        {t('team.covered', { count: row.criticalWithMfa, total: row.criticalAccounts })}
        {row.criticalUnknown > 0 && (
          <Text size="xs" c="dimmed">
            {t('team.unknownCount', { count: row.criticalUnknown })}
          </Text>
        )}
      </td>
      <td>
        {row.openFindings === 0 ? (
          '0'
        ) : (
          <Group gap={4}>
            {s.critical > 0 && (
              <ToneBadge tone="red">{t('team.severity.critical', { count: s.critical })}</ToneBadge>
            )}
            {s.high > 0 && <ToneBadge tone="orange">{t('team.severity.high', { count: s.high })}</ToneBadge>}
            {s.medium > 0 && (
              <ToneBadge tone="yellow">{t('team.severity.medium', { count: s.medium })}</ToneBadge>
            )}
            {s.low > 0 && <ToneBadge tone="gray">{t('team.severity.low', { count: s.low })}</ToneBadge>}
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
      <td>{row.lastActivity ? new Date(row.lastActivity).toLocaleDateString() : t('team.noActivity')}</td>
    </tr>
  );
}

/** The latest changes: everyone's, a group's, or one person's (the history, filtered in main). */
function RecentChanges({ group }: { group: string | null }) {
  const people = usePeople();
  const words = useWords();
  const { t } = words;
  const [chosen, setChosen] = useState<Scope>({});
  const scope: Scope =
    chosen.personId !== undefined || chosen.group !== undefined ? chosen : group ? { group } : {};
  const history = useQuery({
    queryKey: ['team', 'history', scope],
    queryFn: () => call('history:list', { limit: 15, ...scope }),
  });
  if (!history.data) return null;
  return (
    <section aria-label={t('team.recent')}>
      <Group justify="space-between" align="flex-end" mb={4}>
        <Title order={3} size="h5">
          {t('team.recent')}
        </Title>
        <ScopeSelect people={people.data ?? []} value={chosen} onChange={setChosen} />
      </Group>
      {history.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('team.recentNone')}
        </Text>
      )}
      <Stack gap={2}>
        {history.data.map((entry) => (
          <Text key={entry.seq} size="sm">
            <Text span c="dimmed" size="xs">
              {t('team.recentWhen', {
                when: new Date(entry.at).toLocaleString(),
                actor: actorWords(entry.actor),
              })}
            </Text>{' '}
            {describeChange(entry, words)}
          </Text>
        ))}
      </Stack>
    </section>
  );
}

const FINDING_KIND_SET: ReadonlySet<string> = new Set(FINDING_KINDS);

/**
 * A history entry in words: "Person added: Ana", "Finding Reused password: resolved by itself".
 * The subject, action and statuses come from the catalogue; names and values are the person's data.
 */
export function describeChange(
  entry: Pick<ResponseOf<'history:list'>[number], 'subjectType' | 'action' | 'to' | 'note'>,
  { t }: Pick<Words, 't'>,
): string {
  const subject = t('team.change.subject', { type: entry.subjectType });
  const action =
    entry.subjectType === 'finding' && FINDING_KIND_SET.has(entry.action)
      ? t(`finding.kind.${entry.action}` as MessageId)
      : // A select's cases are single words: "web address" is asked for as web_address.
        t('team.change.action', { action: entry.action.replace(/\W+/g, '_'), recorded: entry.action });
  const raw = entry.action === 'created' && entry.note ? entry.note : (entry.to ?? entry.note);
  if (!raw) return t('team.change', { subject, action });
  // A task's verification is stored as "verified" / "not verified": a status, asked for by its key.
  const isVerification = entry.action === 'verification';
  const isStatus = entry.subjectType === 'finding' || entry.action === 'status' || isVerification;
  const detail = isStatus
    ? t('team.change.status', { status: isVerification ? raw.replace(/\W+/g, '_') : raw })
    : raw;
  return t('team.changeWithDetail', { subject, action, detail });
}
