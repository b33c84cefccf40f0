import { format } from '../../app/words';
import { useState, type ReactNode } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Modal,
  Progress,
  Select,
  Group,
  List,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { GuideRunListItem } from '../../../../common/ipc/contract';
import { ApiError, call, messageOf } from '../../api/client';
import { queryKeys, useAccounts, useChecklists } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { ChecklistDialog } from '../team/ChecklistDialog';
import { ChecklistBoard, runState } from './ChecklistBoard';
import { GuideRunScreen } from './GuideRunScreen';
import { SummaryScreen } from './SummaryScreen';
import { progressWords } from './useStepActions';
import { ToneBadge } from '../../components/Badges';
import classes from '../../components/Screen.module.css';

/** Guides: the library, a guide being followed, and its summary. */
export function GuidesScreen() {
  return (
    <Routes>
      <Route path="checklist/:id" element={<ChecklistBoard />} />
      <Route path="run/:id/summary" element={<SummaryScreen />} />
      <Route path="run/:id" element={<GuideRunScreen />} />
      <Route path="*" element={<GuideLibrary />} />
    </Routes>
  );
}

/** The guide library: step-by-step help, the guides for your open findings first. */
function GuideLibrary() {
  const guides = useQuery({
    queryKey: [...queryKeys.findings, 'guides'],
    queryFn: () => call('guides:list', {}),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? guides.data?.[0]?.id ?? null;
  return (
    <Stack gap="md" className={classes.scroll}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Guides</Title>
          <Text c="dimmed" size="sm">
            Step-by-step help for securing an account or responding to a breach, each step with where the
            advice comes from.
          </Text>
        </div>
        <ImportGuideButton onImported={setSelected} />
      </Group>
      {guides.isPending && <Loader aria-label="Loading guides" />}
      {guides.isError && (
        <Alert color="red" role="alert">
          {messageOf(guides.error)}
        </Alert>
      )}
      <RunList />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap={6} role="list" aria-label="Guide library">
          {guides.data?.map((guide) => (
            <UnstyledButton
              key={guide.id}
              role="listitem"
              aria-current={current === guide.id ? 'true' : undefined}
              onClick={() => setSelected(guide.id)}
              style={{
                padding: '8px 12px',
                borderRadius: 8,
                border: '1px solid var(--ls-border)',
                background: current === guide.id ? 'var(--ls-selected)' : undefined,
              }}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <div>
                  <Text fw={600} size="sm">
                    {guide.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {format('guides.size', { steps: guide.stepCount, minutes: guide.estimatedMinutes })}
                    {guide.source === 'imported' ? format('guides.imported') : ''}
                  </Text>
                </div>
                {guide.isRelevant && <ToneBadge tone="orange">For your findings</ToneBadge>}
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
        {current && <GuideReader key={current} id={current} />}
      </SimpleGrid>
    </Stack>
  );
}

function GuideReader({ id }: { id: string }) {
  const [variant, setVariant] = useState<string | undefined>(undefined);
  const [isStarting, setStarting] = useState(false);
  const [isStartingForMany, setStartingForMany] = useState(false);
  const guide = useQuery({
    queryKey: ['guide', id, variant],
    queryFn: () => call('guides:get', { id, ...(variant ? { variant } : {}) }),
  });
  if (guide.isPending) return <Loader aria-label="Loading the guide" />;
  if (guide.isError) {
    return (
      <Alert color="red" role="alert">
        {messageOf(guide.error)}
      </Alert>
    );
  }
  const g = guide.data;
  return (
    <Card withBorder padding="lg" component="section" aria-label={g.title}>
      <Title order={3} size="h4" mb={4}>
        {g.title}
      </Title>
      <StartFromLibrary
        opened={isStarting}
        guideId={g.id}
        guideTitle={g.title}
        variant={variant}
        onClose={() => setStarting(false)}
      />
      <ChecklistDialog opened={isStartingForMany} onClose={() => setStartingForMany(false)} guideId={g.id} />
      {g.source === 'imported' && (
        <Text size="xs" c="dimmed" mb={4}>
          Imported{g.author ? ` · by ${g.author}` : ''} · version {g.version}. Not written by Lockstep: check
          the advice is from someone you trust.
        </Text>
      )}
      <Text size="sm" mb="sm">
        {g.summary}
      </Text>
      <Group mb="md">
        <Button size="sm" onClick={() => setStarting(true)}>
          Start this guide
        </Button>
        <Button size="sm" variant="default" onClick={() => setStartingForMany(true)}>
          Start for several people…
        </Button>
        <Button
          size="sm"
          variant="default"
          onClick={() =>
            call('guides:export', { id: g.id })
              .then((result) => {
                if (result.saved)
                  notifications.show({ color: 'teal', title: 'Guide exported', message: result.path ?? '' });
              })
              .catch((error: unknown) => notifyError(error, 'The guide was not exported'))
          }
        >
          Export…
        </Button>
        <Text size="xs" c="dimmed">
          {format('guides.sizeSaved', { steps: g.steps.length, minutes: g.estimatedMinutes })}
        </Text>
      </Group>
      {g.variants.length > 0 && (
        <SegmentedControl
          mb="sm"
          aria-label="Provider"
          value={variant ?? g.variants[0]!.id}
          onChange={setVariant}
          data={g.variants.map((v) => ({ value: v.id, label: v.label }))}
        />
      )}
      <Stack gap="md" component="ol" style={{ paddingLeft: 0, listStyle: 'none' }}>
        {g.steps.map((step, index) => (
          <li key={step.id}>
            <Group gap="xs" mb={2}>
              <Badge variant="outline" color="gray" tt="none">
                Step {index + 1} of {g.steps.length}
              </Badge>
              <Text size="xs" c="dimmed">
                about {step.estimatedMinutes} min
              </Text>
            </Group>
            <Text fw={600}>{step.title}</Text>
            <Text size="sm" c="dimmed" mb={4}>
              {step.why}
            </Text>
            <List type="ordered" size="sm" mb={4}>
              {step.instructions.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            <Group gap="md">
              {step.links.map((link) => (
                <Anchor key={link.url} href={link.url} size="sm" c="var(--ls-text-accent)" underline="always">
                  {link.label}
                </Anchor>
              ))}
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              Source:{' '}
              {step.sources.map((source, i) => (
                <span key={source.url}>
                  {i > 0 ? '; ' : ''}
                  <Anchor href={source.url} size="xs" c="var(--ls-text-accent)" underline="always">
                    {source.label}
                  </Anchor>
                </span>
              ))}
            </Text>
          </li>
        ))}
      </Stack>
    </Card>
  );
}

/** The guides under way, to pick up where they were left; and the finished ones, for their summaries. */
function RunList() {
  const navigate = useNavigate();
  const runs = useQuery({
    queryKey: [...queryKeys.guides, 'runs'],
    queryFn: () => call('guideRuns:list', {}),
  });
  const checklists = useChecklists();
  // Runs of a checklist are shown on its board, not one by one here.
  const active = runs.data?.filter((r) => r.status === 'active' && r.checklistId === null) ?? [];
  const finished =
    runs.data?.filter((r) => r.status === 'finished' && r.checklistId === null).slice(0, 5) ?? [];
  const boards = checklists.data ?? [];
  if (active.length === 0 && finished.length === 0 && boards.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <RunGroup title="Checklists">
        {boards.map((checklist) => (
          <Group
            key={checklist.id}
            role="listitem"
            justify="space-between"
            wrap="nowrap"
            aria-label={checklist.guideTitle}
          >
            <div style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={600} truncate>
                {checklist.guideTitle}
              </Text>
              <Text size="xs" c="dimmed">
                {checklist.progress.finished} of {checklist.progress.total} finished ·{' '}
                {checklist.progress.stuck} stuck
                {checklist.runs.some((r) => runState(r).label === 'Stuck')
                  ? ` (${checklist.runs
                      .filter((r) => r.isStuck)
                      .map((r) => r.personName)
                      .join(', ')})`
                  : ''}
              </Text>
            </div>
            <Button size="compact-sm" onClick={() => void navigate(`/guides/checklist/${checklist.id}`)}>
              Open board
            </Button>
          </Group>
        ))}
      </RunGroup>
      <RunGroup title="In progress">
        {active.map((run) => (
          <RunRow
            key={run.id}
            run={run}
            detail={progressWords(run.progress)}
            action="Continue"
            onAction={() => void navigate(`/guides/run/${run.id}`)}
          >
            <Progress
              value={((run.progress.total - run.progress.pending) / run.progress.total) * 100}
              size="sm"
              color="teal.8"
              mt={4}
              aria-label={progressWords(run.progress)}
            />
          </RunRow>
        ))}
      </RunGroup>
      <RunGroup title="Finished">
        {finished.map((run) => (
          <RunRow
            key={run.id}
            run={run}
            detail={`${run.finishedAt?.slice(0, 10) ?? ''}${run.helperName ? ` · with ${run.helperName}` : ''}`}
            action="Summary"
            onAction={() => void navigate(`/guides/run/${run.id}/summary`)}
          />
        ))}
      </RunGroup>
    </SimpleGrid>
  );
}

/** A titled list of runs; nothing when it is empty. */
function RunGroup({ title, children }: { title: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <Stack gap="sm" role="list">
        {children}
      </Stack>
    </Card>
  );
}

/** One run: its guide, account and a detail line, with one action. */
function RunRow({
  run,
  detail,
  action,
  onAction,
  children,
}: {
  run: GuideRunListItem;
  detail: string;
  action: 'Continue' | 'Summary';
  onAction: () => void;
  children?: ReactNode;
}) {
  return (
    <Group role="listitem" justify="space-between" wrap="nowrap" aria-label={run.guideTitle}>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={600} truncate>
          {run.guideTitle}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {run.personName && run.accountLabel
            ? `${run.personName} — ${run.accountLabel}`
            : (run.accountLabel ?? run.personName ?? 'No account')}{' '}
          · {detail}
        </Text>
        {children}
      </div>
      <Button size="compact-sm" variant={action === 'Continue' ? 'filled' : 'default'} onClick={onAction}>
        {action}
      </Button>
    </Group>
  );
}

/** Starting a guide from the library: for one of the accounts, or none. */
function StartFromLibrary({
  opened,
  guideId,
  guideTitle,
  variant,
  onClose,
}: {
  opened: boolean;
  guideId: string;
  guideTitle: string;
  variant: string | undefined;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const accounts = useAccounts();
  const [accountId, setAccountId] = useState<string | null>(null);
  const [isStarting, setStarting] = useState(false);
  const start = async () => {
    setStarting(true);
    try {
      const run = await call('guideRuns:start', {
        guideId,
        origin: 'library',
        ...(accountId ? { accountId: Number(accountId) } : {}),
        ...(variant && !accountId ? { variant } : {}),
      });
      onClose();
      void navigate(`/guides/run/${run.id}`);
    } catch (error) {
      notifyError(error, 'The guide could not start');
    } finally {
      setStarting(false);
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Start: ${guideTitle}`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        <Select
          label="For which account"
          description="What you record in the guide (two-step method, password date, recovery check) is saved on this account. Leave empty for none."
          placeholder="No particular account"
          searchable
          clearable
          value={accountId}
          onChange={setAccountId}
          data={(accounts.data ?? []).map((a) => ({
            value: String(a.id),
            label: `${a.service}${a.username ? ` (${a.username})` : ''}${a.personName ? ` — ${a.personName}` : ''}`,
          }))}
          limit={200}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void start()} loading={isStarting}>
            Start guide
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Imports a guide someone shared (a JSON file). It is checked in full first: a file that is not a
 * valid guide is refused with each problem and where it is in the file, and nothing is imported.
 */
function ImportGuideButton({ onImported }: { onImported: (id: string) => void }) {
  const client = useQueryClient();
  const [problems, setProblems] = useState<{ message: string; issues: [string, string][] } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const importGuide = async () => {
    setBusy(true);
    try {
      const { imported } = await call('guides:import', {});
      if (!imported) return;
      await client.invalidateQueries({ queryKey: queryKeys.findings });
      notifications.show({
        color: 'teal',
        title: 'Guide imported',
        message: `${imported.title} (version ${imported.version}). It is shown as data only; nothing in it runs.`,
      });
      onImported(imported.id);
    } catch (error) {
      if (error instanceof ApiError)
        setProblems({ message: error.message, issues: Object.entries(error.fieldErrors) });
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" onClick={() => void importGuide()} loading={isBusy}>
        Import a guide…
      </Button>
      <Modal
        opened={problems !== null}
        onClose={() => setProblems(null)}
        title="The guide was not imported"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="sm">
          <Text size="sm">{problems?.message}</Text>
          {problems && problems.issues.length > 0 && (
            <List size="sm" spacing={4} aria-label="Problems in the file">
              {problems.issues.map(([path, message]) => (
                <List.Item key={path}>
                  <Text span ff="monospace" size="sm">
                    {path}
                  </Text>
                  : {message}
                </List.Item>
              ))}
            </List>
          )}
          <Group justify="flex-end">
            <Button onClick={() => setProblems(null)}>OK</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
