import { Alert, Anchor, Button, Card, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import type { Checklist } from '../../../../common/ipc/contract';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/hooks';
import { ToneBadge } from '../../components/Badges';
import classes from '../../components/Screen.module.css';
import { progressWords } from './useStepActions';

type Run = Checklist['runs'][number];

/** Where one person's run stands, in a word. */
export function runState(run: Run): { label: string; tone: 'teal' | 'red' | 'gray' | 'orange' } {
  if (run.status === 'finished') return { label: 'Finished', tone: 'teal' };
  if (run.status === 'abandoned') return { label: 'Stopped', tone: 'gray' };
  if (run.isStuck) return { label: 'Stuck', tone: 'red' };
  if (run.progress.pending === run.progress.total) return { label: 'Not started', tone: 'gray' };
  return { label: 'In progress', tone: 'orange' };
}

/** A checklist run for several people: each person's progress, who is stuck, and where to resume. */
export function ChecklistBoard() {
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const checklist = useQuery({
    queryKey: [...queryKeys.guides, 'checklist', id],
    queryFn: () => call('checklists:get', { id }),
  });
  if (checklist.isPending) return <Loader aria-label="Loading the checklist" />;
  if (checklist.isError)
    return (
      <Alert color="red" role="alert">
        {messageOf(checklist.error)}
      </Alert>
    );
  const c = checklist.data;
  return (
    <Stack gap="md" className={classes.scroll}>
      <div>
        <Anchor
          component="button"
          size="sm"
          c="var(--ls-text-accent)"
          onClick={() => void navigate('/guides')}
        >
          ← All guides
        </Anchor>
        <Title order={2} mt={4}>
          Checklist: {c.guideTitle}
        </Title>
        <Text size="sm" c="dimmed">
          Started {new Date(c.createdAt).toLocaleDateString()} for {c.progress.total}{' '}
          {c.progress.total === 1 ? 'person' : 'people'}
          {c.helperName ? ` · Helper: ${c.helperName}` : ''}
        </Text>
      </div>
      <Text fw={600} aria-live="polite">
        {c.progress.finished} of {c.progress.total} finished · {c.progress.stuck} stuck ·{' '}
        {c.progress.notStarted} not started
      </Text>
      <Stack gap="sm" role="list" aria-label="Each person">
        {c.runs.map((run) => {
          const state = runState(run);
          const marked = run.progress.total - run.progress.pending;
          return (
            <Card
              key={run.id}
              withBorder
              padding="md"
              role="listitem"
              aria-label={run.personName ?? 'Someone'}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{run.personName ?? 'Someone no longer here'}</Text>
                    <ToneBadge tone={state.tone}>{state.label}</ToneBadge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {run.accountLabel ?? 'No email account recorded'} · {progressWords(run.progress)}
                  </Text>
                  <Progress
                    value={(marked / run.progress.total) * 100}
                    size="sm"
                    color={run.isStuck ? 'red.8' : 'teal.8'}
                    mt={6}
                    aria-label={`${run.personName ?? 'Someone'}: ${progressWords(run.progress)}`}
                  />
                </div>
                <Button
                  size="compact-sm"
                  variant={run.status === 'active' ? 'filled' : 'default'}
                  onClick={() =>
                    void navigate(
                      run.status === 'active' ? `/guides/run/${run.id}` : `/guides/run/${run.id}/summary`,
                    )
                  }
                  aria-label={`${run.status === 'active' ? 'Continue' : 'Summary'}: ${run.personName ?? 'Someone'}`}
                >
                  {run.status === 'active' ? 'Continue' : 'Summary'}
                </Button>
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
