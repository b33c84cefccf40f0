import { format, useWords } from '../../app/words';
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import type { GuideRun } from '../../../../common/ipc/contract';
import { call, messageOf } from '../../api/client';
import { useChannelMutation, useIsTeam } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import classes from '../../components/Screen.module.css';
import { GuideMode } from './GuideMode';
import runClasses from './GuideRun.module.css';
import { StepDetails } from './StepDetails';
import { StepPanel, type StepForm } from './StepPanel';
import { progressWords, runKey, STATUS_WORDS, useStepActions, whoseRun } from './useStepActions';

const STATUS_MARKS = { pending: '○', done: '✓', skipped: '→', blocked: '!' } as const;

/** A guide being followed: one step at a time, every mark saved as it happens. */
export function GuideRunScreen() {
  const { id } = useParams();
  const runId = Number(id);
  const run = useQuery({
    queryKey: runKey(runId),
    queryFn: () => call('guideRuns:get', { id: runId }),
    enabled: Number.isInteger(runId) && runId > 0,
  });
  if (run.isPending) return <Loader aria-label={format('guides.loadingGuide')} />;
  if (run.isError) {
    return (
      <Alert color="red" role="alert" title={format('guideRun.cannotShow')}>
        {messageOf(run.error)}
      </Alert>
    );
  }
  return <Runner key={run.data.id} run={run.data} />;
}

/**
 * Where a run came from, in words: the library and a checklist are worded here; a finding, task or
 * notice by the label stored when the run started (it names them as they were then).
 */
function originWords(run: GuideRun): string {
  if (run.checklistId !== null) return format('guideRun.origin.checklist', { guide: run.guideTitle });
  if (run.origin === 'library') return format('guideRun.origin.library');
  return run.originLabel;
}

function Runner({ run }: { run: GuideRun }) {
  const { t } = useWords();
  const isTeam = useIsTeam();
  const navigate = useNavigate();
  const actions = useStepActions(run);
  const [form, setForm] = useState<StepForm>(null);
  const [isPresenting, setPresenting] = useState(false);
  // A guide opens on its step: the focus starts on the step's heading (not the page), so a screen
  // reader reads the step and Tab goes on to its answers.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => stepHeading.current?.focus(), []);
  const [isStopping, setStopping] = useState(false);
  const abandon = useChannelMutation('guideRuns:abandon', ['guides']);
  // A finished run can still be read step by step; an active one remembers where it is.
  const [viewed, setViewed] = useState<number | null>(null);
  const position = Math.min(isActiveRun(run) ? run.currentStep : (viewed ?? 0), run.steps.length - 1);
  const step = run.steps[position]!;
  const marked = run.progress.total - run.progress.pending;
  const isActive = run.status === 'active';
  const show = (index: number) => {
    setForm(null);
    setViewed(index);
    if (isActiveRun(run)) void actions.goto(index);
  };
  const finish = async () => {
    const problem = await actions.finish();
    if (problem) notifyError(new Error(problem), t('guideRun.notFinished'));
    else void navigate(`/guides/run/${run.id}/summary`);
  };

  return (
    <Stack gap="md" className={classes.scroll}>
      <div>
        {run.checklistId !== null && (
          <Anchor
            component="button"
            size="sm"
            c="var(--ls-text-accent)"
            mr="md"
            onClick={() => void navigate(`/guides/checklist/${run.checklistId}`)}
          >
            {t('guideRun.backToChecklist')}
          </Anchor>
        )}
        <Anchor
          component="button"
          size="sm"
          c="var(--ls-text-accent)"
          onClick={() => void navigate('/guides')}
        >
          {t('guideRun.allGuides')}
        </Anchor>
        <Group justify="space-between" align="flex-start" mt={4}>
          <div>
            <Title order={2}>{run.guideTitle}</Title>
            <Text size="sm" c="dimmed">
              {/* Facts about the run, each worded whole, set side by side. */}
              {[
                whoseRun(run, isTeam),
                run.variant ? run.variant.label : null,
                originWords(run),
                run.helperName ? t('guideRun.helper', { name: run.helperName }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </div>
          <Group gap="sm">
            {isActive && (
              <Button onClick={() => setPresenting(true)} aria-describedby="guide-mode-hint">
                {t('guideRun.guideMode')}
              </Button>
            )}
            <Button variant="default" onClick={() => void navigate(`/guides/run/${run.id}/summary`)}>
              {t('guideRun.summary')}
            </Button>
            {isActive && (
              <Button variant="subtle" color="gray" onClick={() => setStopping(true)}>
                {t('guideRun.stop')}
              </Button>
            )}
          </Group>
        </Group>
        {isActive && (
          <Text id="guide-mode-hint" size="xs" c="dimmed" mt={4}>
            {t('guideRun.modeHint')}
          </Text>
        )}
      </div>

      {run.status === 'finished' && (
        <Alert color="teal" title={t('guideRun.finished.title')}>
          {t('guideRun.finished.body', {
            date: run.finishedAt?.slice(0, 10) ?? '',
            progress: progressWords(run.progress),
          })}{' '}
          <Anchor
            component="button"
            c="var(--ls-text-accent)"
            underline="always"
            onClick={() => void navigate(`/guides/run/${run.id}/summary`)}
          >
            {t('guideRun.finished.seeSummary')}
          </Anchor>
        </Alert>
      )}
      {run.status === 'abandoned' && (
        <Alert color="gray" title={t('guideRun.stopped.title')}>
          {t('guideRun.stopped.body')}
        </Alert>
      )}

      <div>
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={600} aria-live="polite">
            {progressWords(run.progress)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('guideRun.marked', { marked, total: run.progress.total })}
          </Text>
        </Group>
        <Progress.Root size="lg">
          <Progress.Section
            value={(run.progress.done / run.progress.total) * 100}
            color="teal.8"
            aria-label={t('guideRun.doneShare', { done: run.progress.done, total: run.progress.total })}
          />
          <Progress.Section
            value={(run.progress.skipped / run.progress.total) * 100}
            color="yellow.6"
            aria-label={t('guideRun.skippedShare', { count: run.progress.skipped })}
          />
          <Progress.Section
            value={(run.progress.blocked / run.progress.total) * 100}
            color="red.8"
            aria-label={t('guideRun.blockedShare', { count: run.progress.blocked })}
          />
        </Progress.Root>
      </div>

      {isActive && run.progress.pending === 0 && (
        <Alert color="teal" title={t('guideRun.allMarked.title')}>
          <Group justify="space-between">
            <Text size="sm">
              {t('guideRun.allMarked.body', {
                followUps: run.progress.skipped + run.progress.blocked > 0 ? 'yes' : 'no',
              })}
            </Text>
            <Button onClick={() => void finish()} loading={actions.isBusy}>
              {t('guideRun.finish')}
            </Button>
          </Group>
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Stack gap={4} component="nav" aria-label={t('guideRun.steps')}>
          {run.steps.map((s, index) => (
            <UnstyledButton
              key={s.id}
              onClick={() => show(index)}
              aria-current={index === position ? 'step' : undefined}
              aria-label={t('guideRun.stepButton', {
                number: index + 1,
                title: s.title,
                status: STATUS_WORDS[s.status],
              })}
              style={{
                padding: '6px 10px',
                borderRadius: 8,
                border: '1px solid var(--ls-border)',
                background: index === position ? 'var(--ls-selected)' : undefined,
              }}
            >
              <Group gap="xs" wrap="nowrap">
                <Text span fw={700} w={16} ta="center" aria-hidden>
                  {STATUS_MARKS[s.status]}
                </Text>
                <Text size="sm" lineClamp={2}>
                  {index + 1}. {s.title}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
        <Card
          withBorder
          padding="lg"
          component="section"
          aria-label={t('step.position', { number: position + 1, total: run.steps.length })}
          className={runClasses.stepCard}
        >
          <Group gap="xs" mb={4}>
            <Badge variant="outline" color="gray" tt="none">
              {t('step.position', { number: position + 1, total: run.steps.length })}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('step.minutes', { minutes: step.estimatedMinutes })}
            </Text>
          </Group>
          <Title order={3} size="h4" mb="xs" ref={stepHeading} tabIndex={-1} className={runClasses.heading}>
            {step.title}
          </Title>
          <StepDetails step={step} />
          <div style={{ marginTop: 16 }}>
            <StepPanel key={step.id} run={run} step={step} actions={actions} form={form} setForm={setForm} />
          </div>
          <Group justify="space-between" mt="lg">
            <Button variant="default" disabled={position === 0} onClick={() => show(position - 1)}>
              {t('guideRun.previous')}
            </Button>
            <Button
              variant="default"
              disabled={position === run.steps.length - 1}
              onClick={() => show(position + 1)}
            >
              {t('guideRun.next')}
            </Button>
          </Group>
        </Card>
      </SimpleGrid>

      {isPresenting && (
        <GuideMode
          run={run}
          onExit={() => setPresenting(false)}
          onFinished={() => void navigate(`/guides/run/${run.id}/summary`)}
        />
      )}
      <Modal
        opened={isStopping}
        onClose={() => setStopping(false)}
        title={t('guideRun.stopDialog.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text size="sm" mb="md">
          {t('guideRun.stopDialog.body')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setStopping(false)}>
            {t('guideRun.stopDialog.keepGoing')}
          </Button>
          <Button
            color="red"
            onClick={() =>
              abandon
                .mutateAsync({ id: run.id })
                .then(() => {
                  setStopping(false);
                  void navigate('/guides');
                })
                .catch((error: unknown) => notifyError(error))
            }
          >
            {t('guideRun.stopDialog.stop')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

const isActiveRun = (run: GuideRun) => run.status === 'active';
