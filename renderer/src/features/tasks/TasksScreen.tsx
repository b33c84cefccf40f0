import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { MFA_LABELS } from '../../../../common/domain/inventory';
import { addDays, PRIORITIES, type Priority } from '../../../../common/domain/tasks/tasks';
import { localDateString } from '../../../../common/domain/validation';
import type { Task } from '../../../../common/ipc/contract';
import { ApiError, messageOf } from '../../api/client';
import { useChannelMutation, useTasks } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { ToneBadge } from '../../components/Badges';
import classes from '../../components/Screen.module.css';
import { StartGuideDialog, type GuideOrigin } from '../guides/StartGuideDialog';

const PRIORITY_TONES = { P1: 'red', P2: 'orange', P3: 'yellow', P4: 'gray' } as const;
const STATUS_LABELS: Record<Task['status'], string> = {
  todo: 'To do',
  in_progress: 'In progress',
  done: 'Done',
  snoozed: 'Snoozed',
  wont_do: "Won't do",
};
type View = 'open' | 'done' | 'wont_do';

/** Counts tasks due today or overdue (the navigation badge). */
export function dueCount(tasks: readonly Task[]): number {
  return tasks.filter((t) => t.isDue).length;
}

/** What I committed to fix, most urgent first; done only when the checks agree. */
export function TasksScreen() {
  const tasks = useTasks();
  const [view, setView] = useState<View>('open');
  const [acting, setActing] = useState<{ task: Task; action: 'done' | 'snooze' | 'wontdo' | 'plan' } | null>(
    null,
  );
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [bulkReason, setBulkReason] = useState<string | null>(null);
  const bulk = useChannelMutation('tasks:bulk', ['tasks']);
  const runBulk = async (
    action: 'start' | 'snooze' | 'wontdo',
    extra: { until?: string; reason?: string } = {},
  ) => {
    try {
      const { changed } = await bulk.mutateAsync({ ids: [...selected], action, ...extra });
      notifications.show({ message: `${changed} ${changed === 1 ? 'task' : 'tasks'} updated.` });
      setSelected(new Set());
    } catch (error) {
      notifyError(error, 'Could not update the tasks');
    }
  };
  const [isAdding, setAdding] = useState(false);
  const [guiding, setGuiding] = useState<GuideOrigin | null>(null);
  const setStatus = useChannelMutation('tasks:setStatus', ['tasks']);
  const [searchParams] = useSearchParams();
  const focused = Number(searchParams.get('task')) || null;
  useEffect(() => {
    if (focused === null || !tasks.data) return;
    document.getElementById(`task-${focused}`)?.scrollIntoView({ block: 'center' });
  }, [focused, tasks.data]);
  const shown = useMemo(() => {
    const all = tasks.data ?? [];
    const inView = all.filter((t) =>
      view === 'open' ? ['todo', 'in_progress', 'snoozed'].includes(t.status) : t.status === view,
    );
    return inView.sort(
      (a, b) =>
        a.priority.localeCompare(b.priority) ||
        (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
        a.id - b.id,
    );
  }, [tasks.data, view]);
  const all = tasks.data ?? [];
  const verified = all.filter((t) => t.status === 'done' && t.verified).length;

  return (
    <Stack gap="md" className={classes.scroll}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Tasks</Title>
          <Text c="dimmed" size="sm">
            One concrete step per thing to fix. A task counts as fixed when the checks agree. Verified so far:{' '}
            {verified} of {all.filter((t) => t.status !== 'wont_do').length}.
          </Text>
        </div>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          variant="default"
          onClick={() => setAdding(true)}
        >
          Add a task
        </Button>
      </Group>
      <SegmentedControl
        w="fit-content"
        value={view}
        onChange={(value) => setView(value as View)}
        data={[
          {
            value: 'open',
            label: `Open (${all.filter((t) => ['todo', 'in_progress', 'snoozed'].includes(t.status)).length})`,
          },
          { value: 'done', label: `Done (${all.filter((t) => t.status === 'done').length})` },
          { value: 'wont_do', label: `Won't do (${all.filter((t) => t.status === 'wont_do').length})` },
        ]}
        aria-label="Which tasks"
      />
      {tasks.isPending && <Loader aria-label="Loading tasks" />}
      {tasks.isError && (
        <Alert color="red" role="alert">
          {messageOf(tasks.error)}
        </Alert>
      )}
      {tasks.data && shown.length === 0 && (
        <Text c="dimmed" size="sm">
          {view === 'open' ? 'Nothing to do right now. Import or add accounts to check them.' : 'None yet.'}
        </Text>
      )}
      {view === 'open' && selected.size > 0 && (
        <Group gap="sm" role="toolbar" aria-label="Selected tasks">
          <Text size="sm" fw={600}>
            {selected.size} selected
          </Text>
          <Button size="compact-sm" variant="default" onClick={() => void runBulk('start')}>
            Start
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void runBulk('snooze', { until: addDays(localDateString(new Date()), 7) })}
          >
            Snooze a week
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setBulkReason('')}>
            Won&apos;t do…
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        </Group>
      )}
      <Stack gap="sm" role="list" aria-label="Tasks">
        {shown.map((task) => {
          const isOverdue = task.isOverdue;
          return (
            <Card
              key={task.id}
              id={`task-${task.id}`}
              withBorder
              padding="md"
              role="listitem"
              aria-label={task.title}
              aria-current={focused === task.id ? 'true' : undefined}
              style={{
                ...(isOverdue ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : {}),
                ...(focused === task.id ? { boxShadow: '0 0 0 3px var(--mantine-color-teal-3)' } : {}),
              }}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
                <Group gap="sm" align="flex-start" wrap="nowrap">
                  {view === 'open' && (
                    <Checkbox
                      mt={4}
                      aria-label={`Select ${task.title}`}
                      checked={selected.has(task.id)}
                      onChange={(event) => {
                        const next = new Set(selected);
                        if (event.currentTarget.checked) next.add(task.id);
                        else next.delete(task.id);
                        setSelected(next);
                      }}
                    />
                  )}
                  <div>
                    <Title order={3} size="h5">
                      {task.title}
                    </Title>
                    <Text size="xs" c={isOverdue ? 'red.9' : 'dimmed'} fw={isOverdue ? 700 : 400}>
                      {STATUS_LABELS[task.status]}
                      {task.status === 'snoozed' && task.snoozedUntil ? ` until ${task.snoozedUntil}` : ''}
                      {task.dueAt ? ` · due ${task.dueAt}` : ''}
                      {isOverdue ? ' · overdue' : ''}
                      {task.personName ? ` · ${task.personName}` : ''}
                    </Text>
                  </div>
                </Group>
                <Group gap={6} wrap="nowrap">
                  {task.status === 'done' && (
                    <ToneBadge tone={task.verified ? 'teal' : 'orange'}>
                      {task.verified ? 'Verified' : 'Not verified'}
                    </ToneBadge>
                  )}
                  <ToneBadge tone={PRIORITY_TONES[task.priority]}>{task.priority}</ToneBadge>
                </Group>
              </Group>
              {task.why.length > 0 && (
                <List size="sm" mb={6}>
                  {task.why.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              )}
              {task.status === 'done' && !task.verified && task.verificationNote && (
                <Text size="sm" c="orange.9" mb={6}>
                  Not verified: the checks still see the problem. {task.verificationNote}
                </Text>
              )}
              {task.wontDoReason && (
                <Text size="sm" c="dimmed" mb={6}>
                  Won&apos;t do: {task.wontDoReason}
                </Text>
              )}
              <Group justify="space-between" align="center">
                <Group gap="md">
                  {task.links.map((link) => (
                    <Anchor key={link.url} href={link.url} size="sm" c="teal.9" underline="always">
                      {link.label}
                    </Anchor>
                  ))}
                </Group>
                <Group gap={6}>
                  {task.status === 'todo' && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      onClick={() =>
                        setStatus
                          .mutateAsync({ id: task.id, status: 'in_progress' })
                          .catch((e: unknown) => notifyError(e))
                      }
                    >
                      Start
                    </Button>
                  )}
                  {['todo', 'in_progress', 'snoozed'].includes(task.status) && task.source !== 'guide' && (
                    <Button
                      size="compact-sm"
                      variant="outline"
                      color="teal.9"
                      onClick={() => setGuiding({ origin: 'task', originId: task.id })}
                    >
                      Guide me
                    </Button>
                  )}
                  {(task.status !== 'done' || !task.verified) && task.status !== 'wont_do' && (
                    <Button size="compact-sm" onClick={() => setActing({ task, action: 'done' })}>
                      Done…
                    </Button>
                  )}
                  {['todo', 'in_progress', 'snoozed'].includes(task.status) && (
                    <>
                      <Button
                        size="compact-sm"
                        variant="default"
                        onClick={() => setActing({ task, action: 'snooze' })}
                      >
                        Snooze…
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="gray"
                        onClick={() => setActing({ task, action: 'plan' })}
                      >
                        Plan…
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="gray"
                        onClick={() => setActing({ task, action: 'wontdo' })}
                      >
                        Won&apos;t do…
                      </Button>
                    </>
                  )}
                </Group>
              </Group>
            </Card>
          );
        })}
      </Stack>
      <StartGuideDialog target={guiding} onClose={() => setGuiding(null)} />
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={acting !== null}
        onClose={() => setActing(null)}
        title={acting?.task.title ?? ''}
        centered
      >
        {acting && (
          <TaskActionForm
            key={`${acting.task.id}-${acting.action}`}
            {...acting}
            onDone={() => setActing(null)}
          />
        )}
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={bulkReason !== null}
        onClose={() => setBulkReason(null)}
        title={`Won't do ${selected.size} tasks`}
        centered
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void runBulk('wontdo', { reason: bulkReason ?? '' }).then(() => setBulkReason(null));
          }}
        >
          <Stack>
            <Textarea
              label="Why not?"
              value={bulkReason ?? ''}
              onChange={(e) => setBulkReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setBulkReason(null)}>
                Cancel
              </Button>
              <Button type="submit" disabled={!bulkReason?.trim()}>
                Won&apos;t do
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={isAdding}
        onClose={() => setAdding(false)}
        title="Add a task"
        centered
      >
        {isAdding && <AddTaskForm onDone={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}

function TaskActionForm({
  task,
  action,
  onDone,
}: {
  task: Task;
  action: 'done' | 'snooze' | 'wontdo' | 'plan';
  onDone: () => void;
}) {
  if (action === 'plan') return <PlanForm task={task} onDone={onDone} />;
  return <StatusForm task={task} action={action} onDone={onDone} />;
}

function PlanForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const plan = useChannelMutation('tasks:plan', ['tasks']);
  const [priority, setPriority] = useState<Priority>(task.priority);
  const [dueAt, setDueAt] = useState(task.dueAt ?? '');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await plan.mutateAsync({ id: task.id, priority, dueAt: dueAt === '' ? null : dueAt });
          onDone();
        } catch (failure) {
          setError(
            failure instanceof ApiError ? (failure.fieldErrors.dueAt ?? failure.message) : messageOf(failure),
          );
        }
      }}
    >
      <Stack>
        <Select
          label="Priority"
          data={[...PRIORITIES]}
          value={priority}
          onChange={(v) => v && setPriority(v as Priority)}
          allowDeselect={false}
        />
        <TextInput
          type="date"
          label="Due date (empty: no date)"
          value={dueAt}
          onChange={(e) => setDueAt(e.currentTarget.value)}
          error={error}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={plan.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StatusForm({
  task,
  action,
  onDone,
}: {
  task: Task;
  action: 'done' | 'snooze' | 'wontdo';
  onDone: () => void;
}) {
  const done = useChannelMutation('tasks:done', ['tasks', 'findings', 'accounts']);
  const snooze = useChannelMutation('tasks:snooze', ['tasks']);
  const wontdo = useChannelMutation('tasks:wontdo', ['tasks']);
  const today = localDateString(new Date());
  const [date, setDate] = useState(action === 'snooze' ? addDays(today, 7) : today);
  const [mfa, setMfa] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const isPassword = task.kind === 'change_password';
  // A secret found in mail: nothing can check it was replaced, so the date the person gives is the evidence.
  const isSecret = task.kind === 'rotate_secret';
  const isMfa = task.kind === 'enable_mfa' || task.kind === 'upgrade_mfa';
  const submit = async () => {
    try {
      if (action === 'done') {
        await done.mutateAsync({
          id: task.id,
          ...(isPassword || isSecret ? { changedOn: date } : {}),
          ...(isMfa && mfa ? { mfa: mfa as 'totp' } : {}),
          ...(text.trim() ? { note: text.trim() } : {}),
        });
      } else if (action === 'snooze') {
        await snooze.mutateAsync({ id: task.id, until: date });
      } else {
        await wontdo.mutateAsync({ id: task.id, reason: text });
      }
      onDone();
    } catch (error) {
      if (error instanceof ApiError) setErrors({ ...error.fieldErrors, _: error.message });
      else notifyError(error);
    }
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        {action === 'done' && isPassword && (
          <TextInput
            type="date"
            label="I changed the password on"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.changedOn}
          />
        )}
        {action === 'done' && isSecret && (
          <TextInput
            type="date"
            label="I replaced it on"
            description="Revoked the key or token, changed the password, or had the card replaced. Lockstep keeps only this date."
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.changedOn}
          />
        )}
        {action === 'done' && isMfa && (
          <Select
            label="Two-step sign-in is now on with"
            data={(['totp', 'passkey', 'security_key', 'push', 'sms', 'email'] as const).map((value) => ({
              value,
              label: MFA_LABELS[value],
            }))}
            value={mfa}
            onChange={setMfa}
            error={errors.mfa}
          />
        )}
        {action === 'done' && (
          <Text size="xs" c="dimmed">
            Lockstep re-runs its checks: the task counts as fixed only if they agree.
          </Text>
        )}
        {action === 'snooze' && (
          <TextInput
            type="date"
            label="Remind me again on"
            description="From tomorrow to two weeks from today."
            value={date}
            min={addDays(today, 1)}
            max={addDays(today, 14)}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.until}
          />
        )}
        {(action === 'wontdo' || action === 'done') && (
          <Textarea
            label={action === 'wontdo' ? 'Why not?' : 'Note (optional)'}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={2}
          />
        )}
        {errors._ && !Object.keys(errors).some((k) => k !== '_') && (
          <Alert color="red" role="alert">
            {errors._}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={done.isPending || snooze.isPending || wontdo.isPending}>
            {action === 'done' ? 'Mark done' : action === 'snooze' ? 'Snooze' : "Won't do"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddTaskForm({ onDone }: { onDone: () => void }) {
  const create = useChannelMutation('tasks:create', ['tasks']);
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<Priority>('P3');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await create.mutateAsync({ title, priority });
          onDone();
        } catch (failure) {
          setError(
            failure instanceof ApiError ? (failure.fieldErrors.title ?? failure.message) : messageOf(failure),
          );
        }
      }}
    >
      <Stack>
        <TextInput
          label="What needs doing?"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Select
          label="Priority"
          data={[...PRIORITIES]}
          value={priority}
          onChange={(v) => v && setPriority(v as Priority)}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Add task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
