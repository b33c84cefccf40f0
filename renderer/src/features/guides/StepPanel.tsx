import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  Kbd,
  List,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { useFindings } from '../../api/hooks';
import { MFA_LABELS } from '../../../../common/domain/inventory';
import type { GuideRun, GuideRunStep } from '../../../../common/ipc/contract';
import { ToneBadge } from '../../components/Badges';
import { useWords } from '../../app/words';
import {
  MFA_CHOICES,
  needsDetails,
  STATUS_WORDS,
  type MfaChoice,
  type useStepActions,
} from './useStepActions';

/** Which small form is open under a step. */
export type StepForm = 'done' | 'blocked' | 'note' | null;

const STATUS_TONES = { pending: 'gray', done: 'teal', skipped: 'yellow', blocked: 'red' } as const;

/**
 * What can be done on a step: yes-it's-done (with the method or list it needs), skip for now,
 * blocked with a reason, a note. The forms are controlled from outside so that guide mode can open
 * them from the keyboard.
 */
export function StepPanel({
  run,
  step,
  actions,
  form,
  setForm,
  large = false,
  keyboard = false,
}: {
  run: GuideRun;
  step: GuideRunStep;
  actions: ReturnType<typeof useStepActions>;
  form: StepForm;
  setForm: (form: StepForm) => void;
  large?: boolean;
  /** D, S, B and N act on the step (guide mode). */
  keyboard?: boolean;
}) {
  const { t } = useWords();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [step.id, form]);
  const isActive = run.status === 'active';
  const size = large ? 'lg' : 'sm';
  const key = (letter: string) => (large ? <Kbd ml={8}>{letter}</Kbd> : null);
  const run_ = async (action: Promise<string | null>) => {
    const problem = await action;
    setError(problem);
    if (!problem) setForm(null);
  };
  const markDone = () => (needsDetails(step) ? setForm('done') : void run_(actions.done(step)));
  const skip = () => void run_(actions.skip(step));

  // D, S, B and N act on the step shown now (the handler always sees the latest render).
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!isActive || form !== null || actions.isBusy || isTyping(event)) return;
    const key = event.key.toLowerCase();
    if (key === 'd' && step.status !== 'done') markDone();
    else if (key === 's' && step.status === 'pending') skip();
    else if (key === 'b' && step.status === 'pending') setForm('blocked');
    else if (key === 'n') setForm('note');
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    if (!keyboard) return;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [keyboard]);

  return (
    <Stack gap="sm">
      {(step.status !== 'pending' || step.note) && (
        <Group gap="xs">
          {step.status !== 'pending' && (
            <ToneBadge tone={STATUS_TONES[step.status]}>{STATUS_WORDS[step.status]}</ToneBadge>
          )}
          {step.note && (
            <Text size={size}>
              <Text span fw={700}>
                {t('summary.note')}
              </Text>{' '}
              {step.note}
            </Text>
          )}
        </Group>
      )}
      {step.applied.length > 0 && (
        <div>
          <Text size={size} fw={700}>
            {t('summary.recorded')}
          </Text>
          <List size={size}>
            {step.applied.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        </div>
      )}
      {step.offersMailScan && isActive && step.status === 'pending' && (
        <MailScanOffer run={run} size={size} />
      )}
      {step.status === 'pending' && step.effects.length > 0 && (
        <Text size={large ? 'md' : 'xs'} c={large ? undefined : 'dimmed'}>
          {/* Each effect is a whole sentence of its own. */}
          {t('step.whenDone', { effects: step.effects.join(' ') })}
        </Text>
      )}
      {error && (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      )}

      {form === 'done' && (
        <DoneForm
          step={step}
          large={large}
          busy={actions.isBusy}
          onCancel={() => setForm(null)}
          onSubmit={(input) => run_(actions.done(step, input))}
        />
      )}
      {form === 'blocked' && (
        <LineForm
          label={t('step.blocked.label')}
          description={t('step.blocked.hint')}
          submit={t('step.blocked.submit')}
          initial={step.note}
          required
          large={large}
          busy={actions.isBusy}
          onCancel={() => setForm(null)}
          onSubmit={(note) => run_(actions.block(step, note))}
        />
      )}
      {form === 'note' && (
        <LineForm
          label={t('step.note.label')}
          description={t('step.note.hint')}
          submit={t('step.note.submit')}
          initial={step.note}
          large={large}
          busy={actions.isBusy}
          onCancel={() => setForm(null)}
          onSubmit={(note) => run_(actions.saveNote(step, note))}
        />
      )}

      {isActive && form === null && (
        <>
          {step.status !== 'done' && step.confirm && (
            <Text size={large ? 'xl' : 'md'} fw={700}>
              {step.confirm}
            </Text>
          )}
          <Group gap="sm">
            {step.status !== 'done' && (
              <Button size={large ? 'lg' : 'sm'} onClick={markDone} loading={actions.isBusy}>
                {step.confirm ? t('step.yesDone') : t('step.markDone')}
                {key('D')}
              </Button>
            )}
            {step.status === 'pending' && (
              <>
                <Button size={large ? 'lg' : 'sm'} variant="default" onClick={skip}>
                  {t('step.skip')}
                  {key('S')}
                </Button>
                <Button size={large ? 'lg' : 'sm'} variant="default" onClick={() => setForm('blocked')}>
                  {t('step.block')}
                  {key('B')}
                </Button>
              </>
            )}
            {(step.status === 'skipped' || step.status === 'blocked') && (
              <Button
                size={large ? 'lg' : 'sm'}
                variant="default"
                onClick={() => void run_(actions.reset(step))}
              >
                {t('step.reset')}
              </Button>
            )}
            <Button
              size={large ? 'lg' : 'sm'}
              variant={large ? 'default' : 'subtle'}
              onClick={() => setForm('note')}
            >
              {step.note ? t('step.editNote') : t('step.addNote')}
              {key('N')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function DoneForm({
  step,
  large,
  busy,
  onCancel,
  onSubmit,
}: {
  step: GuideRunStep;
  large: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (input: { mfa?: MfaChoice; items?: string[] }) => void;
}) {
  const { t } = useWords();
  const [mfa, setMfa] = useState<MfaChoice | null>(null);
  const [items, setItems] = useState('');
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('input, textarea')?.focus();
    void first.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const submit = () =>
    onSubmit({
      ...(mfa ? { mfa } : {}),
      ...(step.collects
        ? {
            items: items
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
          }
        : {}),
    });
  return (
    <form
      aria-label={t('step.doneForm')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
        // Enter confirms from a choice; in the list, Ctrl+Enter does (Enter starts a new line).
        const inList = (event.target as HTMLElement).tagName === 'TEXTAREA';
        if (event.key === 'Enter' && (!inList || event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          submit();
        }
      }}
    >
      <Stack gap="sm" ref={first}>
        {step.asksMfa && (
          <Radio.Group
            label={t('step.whichMfa')}
            value={mfa}
            onChange={(value) => setMfa(value as MfaChoice)}
            size={large ? 'lg' : 'sm'}
          >
            <Group mt={6} gap="md">
              {MFA_CHOICES.map((method) => (
                <Radio key={method} value={method} label={MFA_LABELS[method]} />
              ))}
            </Group>
          </Radio.Group>
        )}
        {step.collects && (
          <Textarea
            label={step.collects.prompt}
            description={t('step.listHint', {
              item: step.collects.itemLabel.toLowerCase(),
              max: step.collects.maxItems,
            })}
            value={items}
            onChange={(event) => setItems(event.currentTarget.value)}
            autosize
            minRows={3}
            size={large ? 'lg' : 'sm'}
          />
        )}
        <FormButtons submit={t('step.markDone')} large={large} busy={busy} onCancel={onCancel} />
      </Stack>
    </form>
  );
}

function LineForm({
  label,
  description,
  submit,
  initial,
  required = false,
  large,
  busy,
  onCancel,
  onSubmit,
}: {
  label: string;
  description: string;
  submit: string;
  initial: string;
  required?: boolean;
  large: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (text: string) => void;
}) {
  const [text, setText] = useState(initial);
  const form = useRef<HTMLFormElement>(null);
  // In guide mode the form opens below the step's text: bring all of it, buttons included, into view.
  useEffect(() => {
    // (Recent Chromium returns a promise from scrollIntoView: never hand it to React as a clean-up.)
    void form.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return (
    <form
      ref={form}
      aria-label={label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(text.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <Stack gap="sm">
        <TextInput
          label={label}
          description={description}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          data-autofocus
          autoFocus
          maxLength={1000}
          size={large ? 'lg' : 'sm'}
          withAsterisk={required}
        />
        <FormButtons
          submit={submit}
          large={large}
          busy={busy}
          onCancel={onCancel}
          disabled={required && !text.trim()}
        />
      </Stack>
    </form>
  );
}

function FormButtons({
  submit,
  large,
  busy,
  onCancel,
  disabled = false,
}: {
  submit: ReactNode;
  large: boolean;
  busy: boolean;
  onCancel: () => void;
  disabled?: boolean;
}) {
  const { t } = useWords();
  return (
    <Group gap="sm">
      <Button type="submit" size={large ? 'lg' : 'sm'} loading={busy} disabled={disabled}>
        {submit}
      </Button>
      <Button variant="default" size={large ? 'lg' : 'sm'} onClick={onCancel}>
        {t('common.cancel')}
        {large ? <Kbd ml={8}>{t('guideMode.key.escape')}</Kbd> : null}
      </Button>
    </Group>
  );
}

/** A key typed into a field, or with a modifier, is not a command. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  if (!target) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The step that asks for the secrets that passed through a breached mailbox offers the mailbox
 * scan: how many it has found so far, and a way to scan (the guide waits where it is).
 */
function MailScanOffer({ run, size }: { run: GuideRun; size: 'lg' | 'sm' }) {
  const { t } = useWords();
  const navigate = useNavigate();
  const findings = useFindings();
  // The run's person's secrets (everyone's, for a run tied to no one), as marking the step adds them.
  const found = (findings.data ?? []).filter(
    (f) =>
      f.kind === 'mail_secret' &&
      f.status === 'open' &&
      (run.personId === null ||
        (Array.isArray(f.evidence.personIds) && f.evidence.personIds.includes(run.personId))),
  ).length;
  return (
    <Card withBorder padding="sm" component="aside" aria-labelledby={`mail-scan-offer-${run.id}`}>
      <Stack gap="xs">
        <Text size={size} fw={700} id={`mail-scan-offer-${run.id}`}>
          {t('step.mailScan.title')}
        </Text>
        <Text size={size}>
          {t('step.mailScan.body')} {t('step.mailScan.found', { count: found })}
        </Text>
        <Group>
          <Button size="xs" variant="default" onClick={() => void navigate(`/mail-scan?run=${run.id}`)}>
            {t('step.mailScan.scan')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
