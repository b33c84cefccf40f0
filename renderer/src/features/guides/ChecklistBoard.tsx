import { Alert, Anchor, Button, Card, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import type { Checklist } from '../../../../common/ipc/contract';
import { call, messageOf } from '../../api/client';
import { queryKeys } from '../../api/hooks';
import { ToneBadge } from '../../components/Badges';
import classes from '../../components/Screen.module.css';
import { progressWords } from './useStepActions';
import { format, useWords } from '../../app/words';

type Run = Checklist['runs'][number];

/** Where one person's run stands: a state, its word and its colour. */
export function runState(run: Run): {
  state: 'finished' | 'stopped' | 'stuck' | 'notStarted' | 'inProgress';
  label: string;
  tone: 'teal' | 'red' | 'gray' | 'orange';
} {
  const of = (state: ReturnType<typeof runState>['state'], tone: ReturnType<typeof runState>['tone']) => ({
    state,
    label: format(`checklist.state.${state}`),
    tone,
  });
  if (run.status === 'finished') return of('finished', 'teal');
  if (run.status === 'abandoned') return of('stopped', 'gray');
  if (run.isStuck) return of('stuck', 'red');
  if (run.progress.pending === run.progress.total) return of('notStarted', 'gray');
  return of('inProgress', 'orange');
}

/** A checklist run for several people: each person's progress, who is stuck, and where to resume. */
export function ChecklistBoard() {
  const { t } = useWords();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const checklist = useQuery({
    queryKey: [...queryKeys.guides, 'checklist', id],
    queryFn: () => call('checklists:get', { id }),
  });
  if (checklist.isPending) return <Loader aria-label={t('checklist.loading')} />;
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
          {t('guideRun.allGuides')}
        </Anchor>
        <Title order={2} mt={4}>
          {t('checklist.title', { guide: c.guideTitle })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('checklist.started', {
            date: new Date(c.createdAt).toLocaleDateString(),
            count: c.progress.total,
            hasHelper: c.helperName ? 'yes' : 'no',
            helper: c.helperName,
          })}
        </Text>
      </div>
      <Text fw={600} aria-live="polite">
        {t('checklist.progress', c.progress)}
      </Text>
      <Stack gap="sm" role="list" aria-label={t('checklist.people')}>
        {c.runs.map((run) => {
          const state = runState(run);
          const marked = run.progress.total - run.progress.pending;
          const name = run.personName ?? t('checklist.someone');
          const action = t(run.status === 'active' ? 'checklist.continue' : 'checklist.summary');
          return (
            <Card key={run.id} withBorder padding="md" role="listitem" aria-label={name}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600}>{run.personName ?? t('checklist.someoneGone')}</Text>
                    <ToneBadge tone={state.tone}>{state.label}</ToneBadge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('checklist.runLine', {
                      account: run.accountLabel ?? t('checklist.noEmail'),
                      progress: progressWords(run.progress),
                    })}
                  </Text>
                  <Progress
                    value={(marked / run.progress.total) * 100}
                    size="sm"
                    color={run.isStuck ? 'red.8' : 'teal.8'}
                    mt={6}
                    aria-label={t('checklist.runProgress', { name, progress: progressWords(run.progress) })}
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
                  aria-label={t('checklist.action', { action, name })}
                >
                  {action}
                </Button>
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
