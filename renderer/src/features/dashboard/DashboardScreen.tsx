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

const CATEGORY_LABELS = { passwords: 'Passwords', mfa: 'Two-step sign-in', breaches: 'Breaches' } as const;

/** Plain words for a score (lower is better). */
function scoreWords(score: number): string {
  if (score === 0) return 'Nothing open that Lockstep can see';
  if (score < 25) return 'Low exposure';
  if (score < 50) return 'Some exposure';
  if (score < 75) return 'High exposure';
  return 'Very high exposure';
}

/** The score's last 30 days as a small line chart, with a text equivalent. */
function Trend({ points }: { points: Dashboard['trend'] }) {
  if (points.length < 2) {
    return (
      <Text size="xs" c="dimmed">
        The trend appears after a second day of use.
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
      aria-label={`Score trend: ${first.score} on ${first.day}, ${last.score} on ${last.day}`}
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
  if (dashboard.isPending) return <Loader aria-label="Loading the dashboard" />;
  if (dashboard.isError) {
    return (
      <Alert color="red" title="The dashboard could not be loaded" role="alert">
        {messageOf(dashboard.error)}
      </Alert>
    );
  }
  const d = dashboard.data;
  const teamSection = isTeam && team.data && (
    <Stack gap="xs" component="section" aria-label="Your team">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          Your team: {team.data.coverage.people} people
        </Title>
        <Button size="compact-sm" variant="default" onClick={() => void navigate('/team')}>
          Open the team view
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
          title="Let's see where you stand"
          action={
            <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
              Import from a password manager
            </Button>
          }
        >
          Import your passwords (they are checked and forgotten), or add your most important accounts by hand.
          Lockstep then shows how exposed you are and the next thing to fix.
        </EmptyState>
      </Stack>
    );
  }
  const next = d.nextTask;
  return (
    <Stack gap="md" className={classes.scroll}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Dashboard</Title>
          <Text c="dimmed" size="sm">
            How exposed {isTeam ? 'the accounts are' : 'you are'}, what changed, and the one thing to do next.
          </Text>
        </div>
        {scopeSelect}
      </Group>
      {teamSection}
      {d.overdue > 0 && (
        <Alert
          color="red"
          title={`${d.overdue} ${d.overdue === 1 ? 'task is' : 'tasks are'} overdue`}
          role="alert"
        >
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void navigate(scopedPath('/tasks', scope))}
          >
            See the tasks
          </Button>
        </Alert>
      )}
      <GuidesInProgress />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Card withBorder padding="lg" component="section" aria-labelledby="score-title">
          <Text size="sm" c="dimmed" id="score-title">
            Exposure score
          </Text>
          <Group align="baseline" gap="xs">
            <Text fz={44} fw={700} lh={1} aria-describedby="score-words">
              {d.score}
            </Text>
            <Text size="sm" c="dimmed">
              / 100, lower is better
            </Text>
          </Group>
          <Text size="sm" mb="xs" id="score-words">
            {scoreWords(d.score)}
          </Text>
          {Object.keys(scope).length > 0 ? (
            <Text size="xs" c="dimmed">
              The daily trend is kept for everyone together.
            </Text>
          ) : (
            <Trend points={d.trend} />
          )}
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="fixed-title">
          <Text size="sm" c="dimmed" id="fixed-title">
            Fixed so far
          </Text>
          <Text fz={32} fw={700} lh={1.1}>
            {d.fixedFindings} of {d.totalFindings}
          </Text>
          <Text size="sm" c="dimmed" mb="sm">
            problems found · {d.verifiedTasks} of {d.totalTasks} tasks verified
          </Text>
          <Stack gap={8}>
            {d.categories.map((c) => {
              const total = c.open + c.fixed;
              return (
                <div key={c.category}>
                  <Group justify="space-between">
                    <Text size="sm">{CATEGORY_LABELS[c.category]}</Text>
                    <Text size="xs" c="dimmed">
                      {c.fixed} of {total} fixed
                    </Text>
                  </Group>
                  <Progress
                    value={total === 0 ? 100 : (100 * c.fixed) / total}
                    aria-label={`${CATEGORY_LABELS[c.category]}: ${c.fixed} of ${total} fixed`}
                  />
                </div>
              );
            })}
          </Stack>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="next-title">
          <Text size="sm" c="dimmed" id="next-title">
            Next best action
          </Text>
          {next ? (
            <Stack gap="xs" mt={4}>
              <Group gap={6}>
                <ToneBadge tone={next.priority === 'P1' ? 'red' : next.priority === 'P2' ? 'orange' : 'gray'}>
                  {next.priority}
                </ToneBadge>
                {next.isOverdue && <ToneBadge tone="red">Overdue</ToneBadge>}
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
                Start this
              </Button>
            </Stack>
          ) : (
            <Text size="sm" mt={4}>
              Nothing open. Re-import now and then to keep checking.
            </Text>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder padding="md" component="section" aria-labelledby="checks-title">
        <Text size="sm" c="dimmed" id="checks-title">
          How breached passwords were checked
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
  const navigate = useNavigate();
  const runs = useQuery({
    queryKey: [...queryKeys.guides, 'runs'],
    queryFn: () => call('guideRuns:list', {}),
  });
  const active = runs.data?.filter((r) => r.status === 'active') ?? [];
  const latest = active[0];
  if (!latest) return null;
  return (
    <Card withBorder padding="md" component="section" aria-label="Guide in progress">
      <Group justify="space-between" wrap="nowrap">
        <div>
          <Text size="sm" c="dimmed">
            Guide in progress
            {active.length > 1 ? ` (and ${active.length - 1} more on the Guides screen)` : ''}
          </Text>
          <Text fw={600}>{latest.guideTitle}</Text>
          <Text size="sm">
            {latest.accountLabel ? `${latest.accountLabel} · ` : ''}
            {latest.progress.done} of {latest.progress.total} steps done
          </Text>
        </div>
        <Button onClick={() => void navigate(`/guides/run/${latest.id}`)}>Continue</Button>
      </Group>
    </Card>
  );
}
