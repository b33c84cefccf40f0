import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import { Button, FocusTrap, Group, Portal, Stack, Text, TextInput } from '@mantine/core';
import type { GuideRun } from '../../../../common/ipc/contract';
import { call } from '../../api/client';
import { useIsTeam, useSettings } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { format, useWords } from '../../app/words';
import classes from './GuideMode.module.css';
import { StepDetails } from './StepDetails';
import { isTyping, StepPanel, type StepForm } from './StepPanel';
import { progressWords, runKey, STATUS_WORDS, useStepActions, whoseRun } from './useStepActions';
import { useQueryClient } from '@tanstack/react-query';

/** "4:05", "1:02:09". */
export function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

// Stands in for a key's picture inside a message; never in real text.
const KEY_MARK = '\u0003';

/**
 * A message with a key's picture where the message says `{key}`: "Press [F] to finish…". The
 * message is formatted whole, so its words stay in the order its language needs.
 */
function withKey(text: string, key: ReactNode): ReactNode {
  const [before, after = ''] = text.split(KEY_MARK);
  return (
    <>
      {before}
      {key}
      {after}
    </>
  );
}

/**
 * Guide mode, for a helpdesk agent or volunteer sitting with someone: one step at a time in large
 * type and high contrast, driven by the keyboard (← → move, D done, S skip, B blocked, N note,
 * F finish, Esc leave), with the helper's name on the session and the time elapsed in view.
 * Nothing here asks for a password: the person types those into the service, never into Lockstep.
 */
export function GuideMode({
  run,
  onExit,
  onFinished,
}: {
  run: GuideRun;
  onExit: () => void;
  onFinished: () => void;
}) {
  const [phase, setPhase] = useState<'helper' | 'steps'>('helper');
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Everything behind guide mode is out of reach (Tab stays in it, screen readers ignore the
    // rest) until it closes; focus then goes back to where it was.
    const previous = document.activeElement as HTMLElement | null;
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');
    return () => {
      app?.removeAttribute('inert');
      previous?.focus();
    };
  }, []);
  return (
    <Portal>
      <FocusTrap active>
        <div
          ref={root}
          className={classes.overlay}
          role="dialog"
          aria-modal="true"
          aria-label={format('guideRun.guideMode')}
          tabIndex={-1}
        >
          {phase === 'helper' ? (
            <HelperStep
              run={run}
              onExit={onExit}
              onDone={() => {
                setStartedAt(Date.now());
                setPhase('steps');
              }}
            />
          ) : (
            <Presentation run={run} startedAt={startedAt} onExit={onExit} onFinished={onFinished} />
          )}
        </div>
      </FocusTrap>
    </Portal>
  );
}

function HelperStep({ run, onExit, onDone }: { run: GuideRun; onExit: () => void; onDone: () => void }) {
  const { t } = useWords();
  const isTeam = useIsTeam();
  const settings = useSettings();
  const client = useQueryClient();
  const [name, setName] = useState(run.helperName || '');
  const [isSaving, setSaving] = useState(false);
  useEffect(() => {
    if (!run.helperName && settings.data?.helperName)
      setName((current) => current || settings.data.helperName);
  }, [run.helperName, settings.data?.helperName]);
  return (
    <div className={classes.body}>
      <div className={classes.inner}>
        <h2 className={classes.title}>{run.guideTitle}</h2>
        <Text fz={24} mb="lg">
          {t('guideMode.status', {
            hasWho: run.accountLabel || run.personName ? 'yes' : 'no',
            who: whoseRun(run, isTeam),
            progress: progressWords(run.progress),
          })}
        </Text>
        <form
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            setSaving(true);
            try {
              const next = await call('guideRuns:setHelper', { id: run.id, helperName: name.trim() });
              client.setQueryData(runKey(run.id), next);
              onDone();
            } catch (error) {
              notifyError(error);
            } finally {
              setSaving(false);
            }
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onExit();
          }}
        >
          <Stack gap="md" maw={640}>
            <TextInput
              size="xl"
              label={t('guideMode.helper.label')}
              description={t('guideMode.helper.hint')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              maxLength={80}
              autoFocus
            />
            <Group>
              <Button type="submit" size="xl" loading={isSaving}>
                {t('guideMode.helper.start')}
              </Button>
              <Button variant="default" size="xl" onClick={onExit}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </div>
    </div>
  );
}

function Presentation({
  run,
  startedAt,
  onExit,
  onFinished,
}: {
  run: GuideRun;
  startedAt: number;
  onExit: () => void;
  onFinished: () => void;
}) {
  const { t } = useWords();
  const actions = useStepActions(run);
  const isTeam = useIsTeam();
  const [form, setForm] = useState<StepForm>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const position = Math.min(run.currentStep, run.steps.length - 1);
  const step = run.steps[position]!;
  const isDone = run.progress.pending === 0;
  // Each step starts with the focus on its heading: a screen reader reads the step, Tab reaches its
  // answers next.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [position]);
  const finish = async () => {
    const problem = await actions.finish();
    if (problem) notifyError(new Error(problem), t('guideRun.notFinished'));
    else onFinished();
  };

  // ← → move, F finishes, Esc leaves (the handler always sees the latest render).
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (isTyping(event) || form !== null) return;
    if (event.key === 'ArrowRight' && position < run.steps.length - 1) void actions.goto(position + 1);
    else if (event.key === 'ArrowLeft' && position > 0) void actions.goto(position - 1);
    else if (event.key === 'Escape') onExit();
    else if (event.key.toLowerCase() === 'f' && isDone && run.status === 'active') void finish();
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const elapsed = clock(Math.max(0, Math.floor((now - startedAt) / 1000)));
  return (
    <>
      <header className={classes.top}>
        <div>
          <strong>{run.guideTitle}</strong>
          {run.accountLabel || run.personName ? ` · ${whoseRun(run, isTeam)}` : ''}
        </div>
        <div>{run.helperName ? t('guideRun.helper', { name: run.helperName }) : t('guideMode.noHelper')}</div>
        <div>
          {t('guideMode.elapsed')}{' '}
          <span
            className={classes.elapsed}
            role="timer"
            aria-label={t('guideMode.elapsedLabel', { time: elapsed })}
          >
            {elapsed}
          </span>
        </div>
        <div aria-live="polite">
          {t('step.position', { number: position + 1, total: run.steps.length })} ·{' '}
          {progressWords(run.progress)}
        </div>
      </header>
      <main className={classes.stage}>
        <div className={classes.body}>
          <div className={classes.inner}>
            {isDone && run.status === 'active' && (
              <Stack gap="sm" mb="xl" p="md" style={{ border: '3px solid #ffe066', borderRadius: 12 }}>
                <Text fz={28} fw={800}>
                  {t('guideMode.allMarked')}
                </Text>
                <Text fz={22}>
                  {withKey(
                    t('guideMode.pressToFinish', {
                      key: KEY_MARK,
                      followUps: run.progress.skipped + run.progress.blocked > 0 ? 'yes' : 'no',
                    }),
                    <span className={classes.kbd}>F</span>,
                  )}
                </Text>
                <Group>
                  <Button size="xl" onClick={() => void finish()} loading={actions.isBusy}>
                    {t('guideMode.finish')}
                  </Button>
                </Group>
              </Stack>
            )}
            <Text fz={20}>
              {t('step.position', { number: position + 1, total: run.steps.length })} ·{' '}
              {t('step.minutes', { minutes: step.estimatedMinutes })} ·{' '}
              <strong>{STATUS_WORDS[step.status]}</strong>
            </Text>
            <h2 className={classes.title} ref={heading} tabIndex={-1}>
              {step.title}
            </h2>
            <StepDetails step={step} large />
          </div>
        </div>
        {/* The question and its answers stay in view, however long the step's explanation. */}
        <div className={classes.answers}>
          <div className={classes.inner}>
            <StepPanel
              key={step.id}
              run={run}
              step={step}
              actions={actions}
              form={form}
              setForm={setForm}
              large
              keyboard
            />
            <Group mt="md" gap="md">
              <Button
                size="lg"
                variant="default"
                disabled={position === 0}
                onClick={() => void actions.goto(position - 1)}
              >
                <span className={classes.kbd} aria-hidden style={{ borderColor: 'currentColor' }}>
                  ←
                </span>
                {t('guideMode.previous')}
              </Button>
              <Button
                size="lg"
                variant="default"
                disabled={position === run.steps.length - 1}
                onClick={() => void actions.goto(position + 1)}
              >
                {t('guideMode.next')}
                <span
                  className={classes.kbd}
                  aria-hidden
                  style={{ borderColor: 'currentColor', marginLeft: 6, marginRight: 0 }}
                >
                  →
                </span>
              </Button>
              <Button size="lg" variant="default" onClick={onExit}>
                {t('guideMode.leave')}
              </Button>
            </Group>
          </div>
        </div>
      </main>
      <footer className={classes.keys} aria-label={t('guideMode.keys')}>
        <span>
          <span className={classes.kbd}>←</span>
          <span className={classes.kbd}>→</span>
          {t('guideMode.key.move')}
        </span>
        <span>
          <span className={classes.kbd}>D</span>
          {t('guideMode.key.done')}
        </span>
        <span>
          <span className={classes.kbd}>S</span>
          {t('guideMode.key.skip')}
        </span>
        <span>
          <span className={classes.kbd}>B</span>
          {t('guideMode.key.blocked')}
        </span>
        <span>
          <span className={classes.kbd}>N</span>
          {t('guideMode.key.note')}
        </span>
        <span>
          <span className={classes.kbd}>F</span>
          {t('guideMode.key.finish')}
        </span>
        <span>
          <span className={classes.kbd}>{t('guideMode.key.escape')}</span>
          {t('guideMode.key.leave')}
        </span>
      </footer>
    </>
  );
}
