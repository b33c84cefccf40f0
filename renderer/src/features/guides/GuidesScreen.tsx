import { useWords } from '../../app/words';
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
  const { t } = useWords();
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
          <Title order={2}>{t('nav.guides')}</Title>
          <Text c="dimmed" size="sm">
            {t('guides.intro')}
          </Text>
        </div>
        <ImportGuideButton onImported={setSelected} />
      </Group>
      {guides.isPending && <Loader aria-label={t('guides.loading')} />}
      {guides.isError && (
        <Alert color="red" role="alert">
          {messageOf(guides.error)}
        </Alert>
      )}
      <RunList />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap={6} role="list" aria-label={t('guides.library')}>
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
                    {t('guides.size', { steps: guide.stepCount, minutes: guide.estimatedMinutes })}
                    {guide.source === 'imported' ? t('guides.imported') : ''}
                  </Text>
                </div>
                {guide.isRelevant && <ToneBadge tone="orange">{t('guides.forYourFindings')}</ToneBadge>}
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
  const { t } = useWords();
  const [variant, setVariant] = useState<string | undefined>(undefined);
  const [isStarting, setStarting] = useState(false);
  const [isStartingForMany, setStartingForMany] = useState(false);
  const guide = useQuery({
    queryKey: ['guide', id, variant],
    queryFn: () => call('guides:get', { id, ...(variant ? { variant } : {}) }),
  });
  if (guide.isPending) return <Loader aria-label={t('guides.loadingGuide')} />;
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
          {t('guides.importedFrom', {
            hasAuthor: g.author ? 'yes' : 'no',
            author: g.author,
            version: g.version,
          })}
        </Text>
      )}
      <Text size="sm" mb="sm">
        {g.summary}
      </Text>
      <Group mb="md">
        <Button size="sm" onClick={() => setStarting(true)}>
          {t('guides.start')}
        </Button>
        <Button size="sm" variant="default" onClick={() => setStartingForMany(true)}>
          {t('guides.startForMany')}
        </Button>
        <Button
          size="sm"
          variant="default"
          onClick={() =>
            call('guides:export', { id: g.id })
              .then((result) => {
                if (result.saved)
                  notifications.show({
                    color: 'teal',
                    title: t('guides.exported'),
                    message: result.path ?? '',
                  });
              })
              .catch((error: unknown) => notifyError(error, t('guides.exportFailed')))
          }
        >
          {t('guides.export')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('guides.sizeSaved', { steps: g.steps.length, minutes: g.estimatedMinutes })}
        </Text>
      </Group>
      {g.variants.length > 0 && (
        <SegmentedControl
          mb="sm"
          aria-label={t('guides.provider')}
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
                {t('step.position', { number: index + 1, total: g.steps.length })}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('step.minutes', { minutes: step.estimatedMinutes })}
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
              {t('step.source')}{' '}
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
  const { t, list } = useWords();
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
      <RunGroup title={t('guides.runs.checklists')}>
        {boards.map((checklist) => (
          <Group
            key={checklist.id}
            role="listitem"
            justify="space-between"
            wrap="nowrap"
            aria-label={checklist.guideTitle}
          >
            <div style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={600} truncate title={checklist.guideTitle}>
                {checklist.guideTitle}
              </Text>
              <Text size="xs" c="dimmed">
                {t('guides.runs.checklistProgress', {
                  finished: checklist.progress.finished,
                  total: checklist.progress.total,
                  stuck: checklist.progress.stuck,
                  hasStuck: checklist.runs.some((r) => runState(r).state === 'stuck') ? 'yes' : 'no',
                  names: list(
                    checklist.runs
                      .filter((r) => runState(r).state === 'stuck')
                      .map((r) => r.personName ?? t('checklist.someoneGone')),
                  ),
                })}
              </Text>
            </div>
            <Button size="compact-sm" onClick={() => void navigate(`/guides/checklist/${checklist.id}`)}>
              {t('guides.runs.openBoard')}
            </Button>
          </Group>
        ))}
      </RunGroup>
      <RunGroup title={t('guides.runs.inProgress')}>
        {active.map((run) => (
          <RunRow
            key={run.id}
            run={run}
            detail={progressWords(run.progress)}
            action="continue"
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
      <RunGroup title={t('guides.runs.finished')}>
        {finished.map((run) => (
          <RunRow
            key={run.id}
            run={run}
            detail={t('guides.runs.finishedOn', {
              date: run.finishedAt?.slice(0, 10) ?? '',
              hasHelper: run.helperName ? 'yes' : 'no',
              helper: run.helperName,
            })}
            action="summary"
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
  action: 'continue' | 'summary';
  onAction: () => void;
  children?: ReactNode;
}) {
  const { t } = useWords();
  const line = t('guides.runs.detail', {
    who:
      run.personName && run.accountLabel
        ? t('guides.runs.personAndAccount', { person: run.personName, account: run.accountLabel })
        : (run.accountLabel ?? run.personName ?? t('guides.runs.noAccount')),
    detail,
  });
  // A line too long for the card ends in an ellipsis; its whole text is its title (shown on hover).
  return (
    <Group role="listitem" justify="space-between" wrap="nowrap" aria-label={run.guideTitle}>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={600} truncate title={run.guideTitle}>
          {run.guideTitle}
        </Text>
        <Text size="xs" c="dimmed" truncate title={line}>
          {line}
        </Text>
        {children}
      </div>
      <Button size="compact-sm" variant={action === 'continue' ? 'filled' : 'default'} onClick={onAction}>
        {t(action === 'continue' ? 'guides.runs.continue' : 'guides.runs.summary')}
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
  const { t } = useWords();
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
      notifyError(error, t('guides.startDialog.failed'));
    } finally {
      setStarting(false);
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('guides.startDialog.title', { guide: guideTitle })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Select
          label={t('guides.startDialog.account')}
          description={t('guides.startDialog.accountHint')}
          placeholder={t('guides.startDialog.noAccount')}
          searchable
          clearable
          value={accountId}
          onChange={setAccountId}
          data={(accounts.data ?? []).map((a) => ({
            value: String(a.id),
            label: t('guides.startDialog.accountOption', {
              service: a.service,
              hasUsername: a.username ? 'yes' : 'no',
              username: a.username,
              hasPerson: a.personName ? 'yes' : 'no',
              person: a.personName,
            }),
          }))}
          limit={200}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void start()} loading={isStarting}>
            {t('guides.startDialog.submit')}
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
  const { t } = useWords();
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
        title: t('guides.importDone'),
        message: t('guides.importDoneBody', { title: imported.title, version: imported.version }),
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
        {t('guides.import')}
      </Button>
      <Modal
        opened={problems !== null}
        onClose={() => setProblems(null)}
        title={t('guides.importRefused')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="sm">
          <Text size="sm">{problems?.message}</Text>
          {problems && problems.issues.length > 0 && (
            <List size="sm" spacing={4} aria-label={t('guides.importProblems')}>
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
            <Button onClick={() => setProblems(null)}>{t('guides.ok')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
