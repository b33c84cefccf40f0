import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { addDays, isInView, PRIORITIES, type Priority } from '../../../../common/domain/tasks/tasks';
import { localDateString } from '../../../../common/domain/validation';
import type { Task, TaskPage } from '../../../../common/ipc/contract';
import { ApiError, call, messageOf } from '../../api/client';
import { queryKeys, useChannelMutation, usePeople, useSettings } from '../../api/hooks';
import { usePagedList } from '../../api/paged';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ScopeSelect } from '../../components/ScopeSelect';
import { useScope } from '../team/useScope';
import listClasses from '../../components/VirtualList.module.css';
import { useOverscan } from '../../components/virtualList';
import { notifyError } from '../../app/notify';
import { ToneBadge } from '../../components/Badges';
import { StartGuideDialog, type GuideOrigin } from '../guides/StartGuideDialog';
import { format, useWords } from '../../app/words';
import { labelsOf } from '../../../../common/messages/format';

const PRIORITY_TONES = { P1: 'red', P2: 'orange', P3: 'yellow', P4: 'gray' } as const;
const STATUS_LABELS: Readonly<Record<Task['status'], string>> = labelsOf({
  todo: 'tasks.status.todo',
  in_progress: 'tasks.status.in_progress',
  done: 'tasks.status.done',
  snoozed: 'tasks.status.snoozed',
  wont_do: 'tasks.status.wont_do',
});
type View = 'open' | 'done' | 'wont_do';

/** Counts tasks due today or overdue (the navigation badge). */
export function dueCount(tasks: readonly Task[]): number {
  return tasks.filter((t) => t.isDue).length;
}

type Action = 'done' | 'snooze' | 'wontdo' | 'plan';

/** "Priya", "Helper: Sam". */
export function assigneeName(assignee: Task['assignee']): string | null {
  if (!assignee) return null;
  return assignee.kind === 'person' ? assignee.name : format('tasks.helperName', { name: assignee.name });
}

const OPEN: ReadonlySet<string> = new Set(['todo', 'in_progress', 'snoozed']);

/** What I committed to fix, most urgent first; done only when the checks agree. */
export function TasksScreen() {
  const { t } = useWords();
  const { scope, setScope } = useScope();
  const people = usePeople();
  const settings = useSettings();
  const [assignee, setAssignee] = useState<'mine' | 'unassigned' | number | null>(null);
  const query = useMemo(() => ({ ...scope, ...(assignee !== null ? { assignee } : {}) }), [scope, assignee]);
  const [view, setView] = useState<View>('open');
  const [acting, setActing] = useState<{ task: Task; action: Action } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [bulkReason, setBulkReason] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<number[] | null>(null);
  const bulk = useChannelMutation('tasks:bulk', ['tasks']);
  const runBulk = async (
    action: 'start' | 'snooze' | 'wontdo',
    extra: { until?: string; reason?: string } = {},
  ) => {
    try {
      const { changed } = await bulk.mutateAsync({ ids: [...selected], action, ...extra });
      notifications.show({ message: t('tasks.bulk.updated', { count: changed }) });
      setSelected(new Set());
    } catch (error) {
      notifyError(error, t('tasks.bulk.failed'));
    }
  };
  const [isAdding, setAdding] = useState(false);
  const [guiding, setGuiding] = useState<GuideOrigin | null>(null);
  const setStatus = useChannelMutation('tasks:setStatus', ['tasks']);
  const [searchParams] = useSearchParams();
  const focused = Number(searchParams.get('task')) || null;
  // The view is fetched in windows from main (filtered and sorted there) as it scrolls into sight.
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);
  const tasks = usePagedList<TaskPage, Task>(
    [...queryKeys.tasks, 'page', query, view, focused],
    (offset, limit) =>
      call('tasks:page', { ...query, view, offset, limit, ...(focused !== null ? { focus: focused } : {}) }),
    range,
  );
  const counts = tasks.first.data?.counts ?? { open: 0, done: 0, wont_do: 0, verified: 0 };
  const total = tasks.total;
  const selectAll = async () => {
    try {
      const all = await call('tasks:list', query);
      setSelected(new Set(all.filter((t) => isInView(t.status, view)).map((t) => t.id)));
    } catch (error) {
      notifyError(error);
    }
  };
  const isTeam = (people.data?.length ?? 0) > 1;
  const helper = settings.data?.helperName.trim() ?? '';

  // Stable handlers: a card re-renders only when its own task or selection changes.
  const onSelect = useCallback((id: number, isChecked: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (isChecked) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const onAct = useCallback((task: Task, action: Action) => setActing({ task, action }), []);
  const onGuide = useCallback((task: Task) => setGuiding({ origin: 'task', originId: task.id }), []);
  const onAssign = useCallback((task: Task) => setAssigning([task.id]), []);
  const onStart = useCallback(
    (task: Task) =>
      void setStatus
        .mutateAsync({ id: task.id, status: 'in_progress' })
        .catch((e: unknown) => notifyError(e)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mutateAsync is stable
    [],
  );

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('nav.tasks')}</Title>
          <Text c="dimmed" size="sm">
            {t('tasks.intro', { verified: counts.verified, total: counts.open + counts.done })}
          </Text>
        </div>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          variant="default"
          onClick={() => setAdding(true)}
        >
          {t('tasks.add')}
        </Button>
      </Group>
      <Group gap="sm" wrap="wrap" align="center">
        <SegmentedControl
          w="fit-content"
          value={view}
          onChange={(value) => {
            setView(value as View);
            setSelected(new Set());
          }}
          data={[
            { value: 'open', label: t('tasks.view.open', { count: counts.open }) },
            { value: 'done', label: t('tasks.view.done', { count: counts.done }) },
            { value: 'wont_do', label: t('tasks.view.wontDo', { count: counts.wont_do }) },
          ]}
          aria-label={t('tasks.view.label')}
        />
        <ScopeSelect people={people.data ?? []} value={scope} onChange={setScope} />
        {(isTeam || helper !== '') && (
          <Select
            aria-label={t('tasks.assignee.label')}
            placeholder={t('tasks.assignee.anyone')}
            clearable
            w={200}
            data={[
              {
                value: 'mine',
                label: helper ? t('tasks.assignee.mineNamed', { name: helper }) : t('tasks.assignee.mine'),
              },
              { value: 'unassigned', label: t('tasks.assignee.none') },
              ...(people.data ?? []).map((p) => ({
                value: String(p.id),
                label: t('tasks.assignee.person', { name: p.name }),
              })),
            ]}
            value={assignee === null ? null : String(assignee)}
            onChange={(value) =>
              setAssignee(
                value === null ? null : value === 'mine' || value === 'unassigned' ? value : Number(value),
              )
            }
          />
        )}
      </Group>
      {tasks.first.isPending && <Loader aria-label={t('tasks.loading')} />}
      {tasks.first.isError && (
        <Alert color="red" role="alert">
          {messageOf(tasks.first.error)}
        </Alert>
      )}
      {tasks.first.data && total === 0 && (
        <Text c="dimmed" size="sm">
          {view === 'open'
            ? Object.keys(query).length > 0
              ? t('tasks.empty.filtered')
              : t('tasks.empty.open')
            : t('tasks.empty.none')}
        </Text>
      )}
      {view === 'open' && selected.size > 0 && (
        <Group gap="sm" role="toolbar" aria-label={t('tasks.bulk.label')}>
          <Text size="sm" fw={600}>
            {t('tasks.bulk.selected', { count: selected.size })}
          </Text>
          <Button size="compact-sm" variant="default" onClick={() => void runBulk('start')}>
            {t('tasks.bulk.start')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => void runBulk('snooze', { until: addDays(localDateString(new Date()), 7) })}
          >
            {t('tasks.bulk.snoozeWeek')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setAssigning([...selected])}>
            {t('tasks.bulk.assign')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setBulkReason('')}>
            {t('tasks.bulk.wontDo')}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => void selectAll()}>
            {t('tasks.bulk.selectAll', { count: total })}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setSelected(new Set())}>
            {t('tasks.bulk.clear')}
          </Button>
        </Group>
      )}
      {total > 0 && (
        <TaskList
          total={total}
          itemAt={tasks.itemAt}
          onRange={setRange}
          focused={focused}
          focusIndex={tasks.first.data?.focusIndex ?? null}
          selectable={view === 'open'}
          selected={selected}
          isBusy={tasks.isPlaceholder}
          onSelect={onSelect}
          onAct={onAct}
          onGuide={onGuide}
          onAssign={onAssign}
          onStart={onStart}
        />
      )}
      <StartGuideDialog target={guiding} onClose={() => setGuiding(null)} />
      <AssignDialog
        taskIds={assigning}
        onClose={(assigned) => {
          setAssigning(null);
          if (assigned) setSelected(new Set());
        }}
      />
      <Modal
        closeButtonProps={{ 'aria-label': format('common.close') }}
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
        closeButtonProps={{ 'aria-label': format('common.close') }}
        opened={bulkReason !== null}
        onClose={() => setBulkReason(null)}
        title={t('tasks.bulk.wontDoTitle', { count: selected.size })}
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
              label={t('tasks.whyNot')}
              value={bulkReason ?? ''}
              onChange={(e) => setBulkReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setBulkReason(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!bulkReason?.trim()}>
                {t('tasks.status.wont_do')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': format('common.close') }}
        opened={isAdding}
        onClose={() => setAdding(false)}
        title={t('tasks.add')}
        centered
      >
        {isAdding && <AddTaskForm onDone={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}

interface CardHandlers {
  onSelect: (id: number, isChecked: boolean) => void;
  onAct: (task: Task, action: Action) => void;
  onGuide: (task: Task) => void;
  onAssign: (task: Task) => void;
  onStart: (task: Task) => void;
}

/**
 * The tasks, virtualised: only the cards in view (and a few either side) are in the page, so
 * 5,000 tasks open as fast as fifty. Cards have different heights; each is measured as it renders.
 */
function TaskList({
  total,
  itemAt,
  onRange,
  focused,
  focusIndex,
  selectable,
  selected,
  isBusy,
  ...handlers
}: {
  total: number;
  itemAt: (index: number) => Task | undefined;
  /** Tells which rows are in view (to fetch their window), when that changes. */
  onRange: (range: { start: number; end: number }) => void;
  focused: number | null;
  focusIndex: number | null;
  selectable: boolean;
  selected: ReadonlySet<number>;
  /** Still showing the previous filter's tasks while the new ones load. */
  isBusy: boolean;
} & CardHandlers) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const overscan = useOverscan(total);
  // The compiler cannot memoise TanStack Virtual's API; this component does not rely on memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 150,
    // A short list is rendered whole (find-in-page sees every card); a long one only around the view.
    overscan,
    getItemKey: (index) => itemAt(index)?.id ?? `loading-${index}`,
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = items.at(-1)?.index ?? 0;
  useEffect(() => onRange({ start, end }), [start, end, onRange]);
  useEffect(() => {
    if (focusIndex !== null) virtualizer.scrollToIndex(focusIndex, { align: 'center' });
  }, [focusIndex, virtualizer]);
  return (
    <div ref={scrollRef} className={listClasses.scroller} data-testid="tasks-scroller">
      <div
        role="list"
        aria-label={format('nav.tasks')}
        aria-busy={isBusy || undefined}
        style={{ height: virtualizer.getTotalSize(), position: 'relative', opacity: isBusy ? 0.6 : 1 }}
      >
        {items.map((item) => {
          const task = itemAt(item.index);
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              id={task ? `task-${task.id}` : undefined}
              role="listitem"
              aria-label={task?.title ?? format('common.loading')}
              aria-busy={task ? undefined : true}
              aria-current={task && focused === task.id ? 'true' : undefined}
              className={listClasses.item}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {task ? (
                <TaskCard
                  task={task}
                  isFocused={focused === task.id}
                  isSelectable={selectable}
                  isSelected={selected.has(task.id)}
                  {...handlers}
                />
              ) : (
                <Card withBorder padding="md" h={138}>
                  <Loader size="sm" aria-hidden />
                </Card>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const TaskCard = memo(function TaskCard({
  task,
  isFocused,
  isSelectable,
  isSelected,
  onSelect,
  onAct,
  onGuide,
  onAssign,
  onStart,
}: {
  task: Task;
  isFocused: boolean;
  isSelectable: boolean;
  isSelected: boolean;
} & CardHandlers) {
  const isOverdue = task.isOverdue;
  const isOpen = OPEN.has(task.status);
  const assignee = assigneeName(task.assignee);
  return (
    <Card
      withBorder
      padding="md"
      style={{
        ...(isOverdue ? { borderColor: 'var(--ls-overdue-border)', borderWidth: 2 } : {}),
        ...(isFocused ? { boxShadow: '0 0 0 3px var(--ls-focus-glow)' } : {}),
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
        <Group gap="sm" align="flex-start" wrap="nowrap">
          {isSelectable && (
            <Checkbox
              mt={4}
              aria-label={format('tasks.card.select', { title: task.title })}
              checked={isSelected}
              onChange={(event) => onSelect(task.id, event.currentTarget.checked)}
            />
          )}
          <div>
            <Title order={3} size="h5">
              {task.title}
            </Title>
            <Text size="xs" c={isOverdue ? 'var(--ls-text-danger)' : 'dimmed'} fw={isOverdue ? 700 : 400}>
              {STATUS_LABELS[task.status]}
              {task.status === 'snoozed' && task.snoozedUntil
                ? format('tasks.card.until', { date: task.snoozedUntil })
                : ''}
              {task.dueAt ? format('tasks.card.due', { date: task.dueAt }) : ''}
              {isOverdue ? format('tasks.card.overdue') : ''}
              {task.personName ? ` · ${task.personName}` : ''}
              {assignee ? format('tasks.card.assignedTo', { name: assignee }) : ''}
            </Text>
          </div>
        </Group>
        <Group gap={6} wrap="nowrap">
          {task.status === 'done' && (
            <ToneBadge tone={task.verified ? 'teal' : 'orange'}>
              {task.verified ? format('tasks.card.verified') : format('tasks.card.notVerified')}
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
        <Text size="sm" c="var(--ls-text-warning)" mb={6}>
          {format('tasks.card.notVerifiedWhy')} {task.verificationNote}
        </Text>
      )}
      {task.wontDoReason && (
        <Text size="sm" c="dimmed" mb={6}>
          {format('tasks.card.wontDoReason', { reason: task.wontDoReason })}
        </Text>
      )}
      <Group justify="space-between" align="center">
        <Group gap="md">
          {task.links.map((link) => (
            <Anchor key={link.url} href={link.url} size="sm" c="var(--ls-text-accent)" underline="always">
              {link.label}
            </Anchor>
          ))}
        </Group>
        <Group gap={6}>
          {task.status === 'todo' && (
            <Button size="compact-sm" variant="default" onClick={() => onStart(task)}>
              {format('tasks.bulk.start')}
            </Button>
          )}
          {isOpen && task.source !== 'guide' && (
            <Button size="compact-sm" variant="outline" color="teal" onClick={() => onGuide(task)}>
              {format('exposure.card.guideMe')}
            </Button>
          )}
          {(task.status !== 'done' || !task.verified) && task.status !== 'wont_do' && (
            <Button size="compact-sm" onClick={() => onAct(task, 'done')}>
              {format('tasks.card.done')}
            </Button>
          )}
          {isOpen && (
            <>
              <Button size="compact-sm" variant="default" onClick={() => onAct(task, 'snooze')}>
                {format('tasks.card.snooze')}
              </Button>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onAssign(task)}>
                {format('tasks.bulk.assign')}
              </Button>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onAct(task, 'plan')}>
                {format('tasks.card.plan')}
              </Button>
              <Button size="compact-sm" variant="subtle" color="gray" onClick={() => onAct(task, 'wontdo')}>
                {format('tasks.bulk.wontDo')}
              </Button>
            </>
          )}
        </Group>
      </Group>
    </Card>
  );
});

/**
 * Who does these tasks: one of the people, the helper named in Settings, another helper (someone
 * who is not one of the people, by name), or no one.
 */
function AssignDialog({
  taskIds,
  onClose,
}: {
  taskIds: number[] | null;
  onClose: (assigned: boolean) => void;
}) {
  const people = usePeople();
  const settings = useSettings();
  const assign = useChannelMutation('tasks:assign', ['tasks']);
  const [choice, setChoice] = useState<string | null>(null);
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);
  const helper = settings.data?.helperName.trim() ?? '';
  const count = taskIds?.length ?? 0;
  const close = (assigned: boolean) => {
    setChoice(null);
    setOther('');
    setError(null);
    onClose(assigned);
  };
  return (
    <Modal
      opened={taskIds !== null}
      onClose={() => close(false)}
      title={format('tasks.assign.title', { count })}
      centered
      closeButtonProps={{ 'aria-label': format('common.close') }}
    >
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          if (!taskIds || choice === null) return;
          const assignee =
            choice === 'none'
              ? null
              : choice === 'helper'
                ? { helper }
                : choice === 'other'
                  ? { helper: other.trim() }
                  : { personId: Number(choice) };
          try {
            const { changed } = await assign.mutateAsync({ ids: taskIds, assignee });
            notifications.show({ message: format('tasks.assign.done', { count: changed }) });
            close(true);
          } catch (failure) {
            setError(messageOf(failure));
          }
        }}
      >
        <Stack>
          <Select
            label={format('tasks.assign.who')}
            placeholder={format('tasks.assign.choose')}
            data={[
              ...(people.data ?? []).map((p) => ({ value: String(p.id), label: p.name })),
              ...(helper
                ? [{ value: 'helper', label: format('tasks.assign.helper', { name: helper }) }]
                : []),
              { value: 'other', label: format('tasks.assign.other') },
              { value: 'none', label: format('tasks.assign.none') },
            ]}
            value={choice}
            onChange={setChoice}
            data-autofocus
          />
          {choice === 'other' && (
            <TextInput
              label={format('tasks.assign.helperName')}
              description={format('tasks.assign.helperNameHint')}
              value={other}
              onChange={(e) => setOther(e.currentTarget.value)}
            />
          )}
          {error && (
            <Text c="var(--ls-text-danger)" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => close(false)}>
              {format('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={assign.isPending}
              disabled={choice === null || (choice === 'other' && other.trim() === '')}
            >
              {format('tasks.assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
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
          label={format('tasks.priority')}
          data={[...PRIORITIES]}
          value={priority}
          onChange={(v) => v && setPriority(v as Priority)}
          allowDeselect={false}
        />
        <TextInput
          type="date"
          label={format('tasks.plan.due')}
          value={dueAt}
          onChange={(e) => setDueAt(e.currentTarget.value)}
          error={error}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {format('common.cancel')}
          </Button>
          <Button type="submit" loading={plan.isPending}>
            {format('common.save')}
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
            label={format('tasks.done.passwordOn')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.changedOn}
          />
        )}
        {action === 'done' && isSecret && (
          <TextInput
            type="date"
            label={format('tasks.done.replacedOn')}
            description={format('tasks.done.replacedOnHint')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.changedOn}
          />
        )}
        {action === 'done' && isMfa && (
          <Select
            label={format('tasks.done.mfaWith')}
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
            {format('tasks.done.recheck')}
          </Text>
        )}
        {action === 'snooze' && (
          <TextInput
            type="date"
            label={format('tasks.snooze.on')}
            description={format('tasks.snooze.hint')}
            value={date}
            min={addDays(today, 1)}
            max={addDays(today, 14)}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.until}
          />
        )}
        {(action === 'wontdo' || action === 'done') && (
          <Textarea
            label={action === 'wontdo' ? format('tasks.whyNot') : format('tasks.done.note')}
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
            {format('common.cancel')}
          </Button>
          <Button type="submit" loading={done.isPending || snooze.isPending || wontdo.isPending}>
            {action === 'done'
              ? format('tasks.done.submit')
              : action === 'snooze'
                ? format('tasks.snooze.submit')
                : format('tasks.status.wont_do')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddTaskForm({ onDone }: { onDone: () => void }) {
  const create = useChannelMutation('tasks:create', ['tasks']);
  const people = usePeople();
  const [personId, setPersonId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<Priority>('P3');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await create.mutateAsync({ title, priority, ...(personId ? { personId: Number(personId) } : {}) });
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
          label={format('tasks.add.what')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <Select
          label={format('tasks.priority')}
          data={[...PRIORITIES]}
          value={priority}
          onChange={(v) => v && setPriority(v as Priority)}
          allowDeselect={false}
        />
        {(people.data?.length ?? 0) > 1 && (
          <Select
            label={format('tasks.add.whose')}
            placeholder={format('tasks.add.noOne')}
            clearable
            data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            value={personId}
            onChange={setPersonId}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {format('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {format('tasks.add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
