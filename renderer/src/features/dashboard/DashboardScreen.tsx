import { Alert, Button, Card, Group, Loader, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { Dashboard } from '../../../../common/ipc/contract';
import { call, messageOf } from '../../api/client';
import { queryKeys, useChannelMutation, usePeople, useTeam } from '../../api/hooks';
import { ScopeSelect } from '../../components/ScopeSelect';
import { CoverageCards } from '../team/CoverageCards';
import { scopedPath, useScope } from '../team/useScope';
import { notifyError } from '../../app/notify';
import { ToneBadge } from '../../components/Badges';
import { EmptyState } from '../../components/EmptyState';
import classes from '../../components/Screen.module.css';
import { format, useWords } from '../../app/words';
import type { MessageId } from '../../../../common/messages/en';

const CATEGORY_LABELS = {
  passwords: 'dashboard.category.passwords',
  mfa: 'dashboard.category.mfa',
  breaches: 'dashboard.category.breaches',
} as const satisfies Record<string, MessageId>;

/** Plain words for a score (lower is better). */
function scoreWords(score: number): string {
  if (score === 0) return format('dashboard.score.none');
  if (score < 25) return format('dashboard.score.low');
  if (score < 50) return format('dashboard.score.some');
  if (score < 75) return format('dashboard.score.high');
  return format('dashboard.score.veryHigh');
}

/** The score's last 30 days as a small line chart, with a text equivalent. */
function Trend({ points }: { points: Dashboard['trend'] }) {
  if (points.length < 2) {
    return (
      <Text size="xs" c="dimmed">
        {format('dashboard.trend.later')}
      </Text>
    );
  }
  const width = 240;
  const height = 56;
  const x = (i: number) => (i / (points.length - 1)) * (width - 8) + 4;
  const y = (score: number) => height - 4 - (score / 100) * (height - 8);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`)
    .join(' ');
  const first = points[0]!;
  const last = points.at(-1)!;
  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={format('dashboard.trend.label', {
        first: first.score,
        firstDay: first.day,
        last: last.score,
        lastDay: last.day,
      })}
    >
      <path d={path} fill="none" stroke="var(--ls-chart)" strokeWidth={2} />
      {points.map((p, i) => (
        <circle key={p.day} cx={x(i)} cy={y(p.score)} r={2.5} fill="var(--ls-chart)" />
      ))}
    </svg>
  );
}

/** How am I doing, and what do I do next? */
export function DashboardScreen({ onImport }: { onImport: () => void }) {
  const { t } = useWords();
  const navigate = useNavigate();
  const { scope, setScope } = useScope();
  const people = usePeople();
  const team = useTeam();
  // An office (more than one person): the team's coverage comes first, and every figure below can
  // be narrowed to one person or group.
  const isTeam = (team.data?.rows.length ?? 0) > 1;
  const dashboard = useQuery({
    queryKey: [...queryKeys.tasks, 'dashboard', ...queryKeys.findings, scope],
    queryFn: () => call('dashboard:get', scope),
    placeholderData: keepPreviousData,
  });
  const start = useChannelMutation('tasks:setStatus', ['tasks']);
  if (dashboard.isPending) return <Loader aria-label={t('dashboard.loading')} />;
  if (dashboard.isError) {
    return (
      <Alert color="red" title={t('dashboard.loadFailed')} role="alert">
        {messageOf(dashboard.error)}
      </Alert>
    );
  }
  const d = dashboard.data;
  const teamSection = isTeam && team.data && (
    <Stack gap="xs" component="section" aria-label={t('dashboard.team.label')}>
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          {t('dashboard.team.title', { count: team.data.coverage.people })}
        </Title>
        <Button size="compact-sm" variant="default" onClick={() => void navigate('/team')}>
          {t('dashboard.team.open')}
        </Button>
      </Group>
      <CoverageCards view={team.data} />
    </Stack>
  );
  const scopeSelect = isTeam && <ScopeSelect people={people.data ?? []} value={scope} onChange={setScope} />;
  if (d.totalFindings === 0 && d.totalTasks === 0) {
    return (
      <Stack gap="md" className={classes.scroll}>
        {teamSection}
        {scopeSelect}
        <GuidesInProgress />
        <EmptyState
          icon={<IconFileImport size={28} />}
          title={t('dashboard.empty.title')}
          action={
            <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
              {t('dashboard.empty.import')}
            </Button>
          }
        >
          {t('dashboard.empty.body')}
        </EmptyState>
      </Stack>
    );
  }
  const next = d.nextTask;
  return (
    <Stack gap="md" className={classes.scroll}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('nav.dashboard')}</Title>
          <Text c="dimmed" size="sm">
            {t('dashboard.intro', { who: isTeam ? 'team' : 'you' })}
          </Text>
        </div>
        {scopeSelect}
      </Group>
      {teamSection}
      {d.overdue > 0 && (
        <Alert color="red" title={t('dashboard.overdue', { count: d.overdue })} role="alert">
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void navigate(scopedPath('/tasks', scope))}
          >
            {t('dashboard.overdue.see')}
          </Button>
        </Alert>
      )}
      <GuidesInProgress />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Card withBorder padding="lg" component="section" aria-labelledby="score-title">
          <Text size="sm" c="dimmed" id="score-title">
            {t('dashboard.score.title')}
          </Text>
          <Group align="baseline" gap="xs">
            <Text fz={44} fw={700} lh={1} aria-describedby="score-words">
              {d.score}
            </Text>
            <Text size="sm" c="dimmed">
              {t('dashboard.score.outOf')}
            </Text>
          </Group>
          <Text size="sm" mb="xs" id="score-words">
            {scoreWords(d.score)}
          </Text>
          {Object.keys(scope).length > 0 ? (
            <Text size="xs" c="dimmed">
              {t('dashboard.trend.everyone')}
            </Text>
          ) : (
            <Trend points={d.trend} />
          )}
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="fixed-title">
          <Text size="sm" c="dimmed" id="fixed-title">
            {t('dashboard.fixed.title')}
          </Text>
          <Text fz={32} fw={700} lh={1.1}>
            {t('dashboard.fixed.figure', { fixed: d.fixedFindings, total: d.totalFindings })}
          </Text>
          <Text size="sm" c="dimmed" mb="sm">
            {t('dashboard.fixed.detail', {
              count: d.totalFindings,
              verified: d.verifiedTasks,
              tasks: d.totalTasks,
            })}
          </Text>
          <Stack gap={8}>
            {d.categories.map((c) => {
              const total = c.open + c.fixed;
              return (
                <div key={c.category}>
                  <Group justify="space-between">
                    <Text size="sm">{t(CATEGORY_LABELS[c.category])}</Text>
                    <Text size="xs" c="dimmed">
                      {t('dashboard.category.fixed', { fixed: c.fixed, total })}
                    </Text>
                  </Group>
                  <Progress
                    value={total === 0 ? 100 : (100 * c.fixed) / total}
                    aria-label={t('dashboard.category.progress', {
                      category: t(CATEGORY_LABELS[c.category]),
                      fixed: c.fixed,
                      total,
                    })}
                  />
                </div>
              );
            })}
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="next-title">
          <Text size="sm" c="dimmed" id="next-title">
            {t('dashboard.next.title')}
          </Text>
          {next ? (
            <Stack gap="xs" mt={4}>
              <Group gap={6}>
                <ToneBadge tone={next.priority === 'P1' ? 'red' : next.priority === 'P2' ? 'orange' : 'gray'}>
                  {next.priority}
                </ToneBadge>
                {next.isOverdue && <ToneBadge tone="red">{t('tasks.overdue')}</ToneBadge>}
              </Group>
              <Title order={3} size="h4">
                {next.title}
              </Title>
              {next.why[0] && <Text size="sm">{next.why[0]}</Text>}
              <Button
                w="fit-content"
                onClick={async () => {
                  try {
                    if (next.status === 'todo')
                      await start.mutateAsync({ id: next.id, status: 'in_progress' });
                    await navigate(`/tasks?task=${next.id}`);
                  } catch (error) {
                    notifyError(error);
                  }
                }}
              >
                {t('dashboard.next.start')}
              </Button>
            </Stack>
          ) : (
            <Text size="sm" mt={4}>
              {t('dashboard.next.none')}
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder padding="md" component="section" aria-labelledby="checks-title">
        <Text size="sm" c="dimmed" id="checks-title">
          {t('dashboard.checks.title')}
        </Text>
        <Stack gap={2} mt={4}>
          {d.passwordChecks.lines.map((line) => (
            <Text size="sm" key={line} c={d.passwordChecks.gaps > 0 ? undefined : 'dimmed'}>
              {line}
            </Text>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

/** A guide left mid-way, to pick up where it was (the most recent first). */
function GuidesInProgress() {
  const { t } = useWords();
  const navigate = useNavigate();
  const runs = useQuery({
    queryKey: [...queryKeys.guides, 'runs'],
    queryFn: () => call('guideRuns:list', {}),
  });
  const active = runs.data?.filter((r) => r.status === 'active') ?? [];
  const latest = active[0];
  if (!latest) return null;
  return (
    <Card withBorder padding="md" component="section" aria-label={t('dashboard.guide.label')}>
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text size="sm" c="dimmed">
            {t('dashboard.guide.title', { more: active.length - 1 })}
          </Text>
          <Text fw={600}>{latest.guideTitle}</Text>
          <Text size="sm">
            {latest.accountLabel ? `${latest.accountLabel} · ` : ''}
            {t('dashboard.guide.progress', { done: latest.progress.done, total: latest.progress.total })}
          </Text>
        </div>
        <Button onClick={() => void navigate(`/guides/run/${latest.id}`)}>
          {t('dashboard.guide.continue')}
        </Button>
      </Group>
    </Card>
  );
}
