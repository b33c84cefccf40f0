import { format, useWords } from '../../app/words';
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Modal,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { confirmsErase, ERASE_CONFIRMATION } from '../../../../common/domain/dataSafety/confirm';
import type { BackupDetails, BackupEntry } from '../../../../common/ipc/contract';
import { ApiError, call, messageOf } from '../../api/client';
import { useChannelMutation, useSettings } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { backupLabel } from './BackupSummary';
import { RestoreDialog } from './RestoreDialog';

const BACKUPS_KEY = ['settings', 'backups'] as const;

/** Settings → your data: backups and restore, background watching, export everything, erase everything. */
export function DataSafetySection() {
  return (
    <>
      <BackupsCard />
      <BackgroundCard />
      <ExportCard />
      <EraseCard />
    </>
  );
}

function BackupsCard() {
  const { t } = useWords();
  const client = useQueryClient();
  const backups = useQuery({ queryKey: BACKUPS_KEY, queryFn: () => call('backups:list', {}) });
  const [chosen, setChosen] = useState<BackupDetails | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: BACKUPS_KEY });
  const create = useMutation({
    mutationFn: () => call('backups:create', {}),
    onSuccess: async (entry) => {
      notifications.show({
        message: format('dataSafety.backedUp', {
          count: entry.accounts ?? 0,
          size: formatBytes(entry.bytes),
        }),
      });
      await refresh();
    },
    onError: (error) => notifyError(error, t('dataSafety.backupFailed')),
  });
  const inspect = useMutation({
    mutationFn: (entry: BackupEntry) => call('backups:inspect', { id: entry.id }),
    onSuccess: (details) => setChosen(details),
    onError: (error) => notifyError(error, t('dataSafety.inspectFailed')),
  });
  const pick = useMutation({
    mutationFn: () => call('backups:pick', {}),
    onSuccess: (details) => details && setChosen(details),
    onError: (error) => notifyError(error, t('dataSafety.fileFailed')),
  });
  const choose = useMutation({
    mutationFn: () => call('backups:chooseFolder', {}),
    onSuccess: async () => refresh(),
    onError: (error) => notifyError(error, t('dataSafety.folderFailed')),
  });
  const useDefault = useMutation({
    mutationFn: () => call('backups:useDefaultFolder', {}),
    onSuccess: async () => refresh(),
    onError: (error) => notifyError(error),
  });
  const data = backups.data;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="backups-title">
      <Title order={3} size="h4" id="backups-title" mb="xs">
        {t('dataSafety.backups.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('dataSafety.backups.body')}
      </Text>
      <Text size="sm" mb="sm">
        {t('dataSafety.backups.secrets')}
      </Text>
      {backups.isPending && <Loader size="sm" aria-label={t('dataSafety.backups.loading')} />}
      {backups.isError && (
        <Alert color="red" role="alert">
          {messageOf(backups.error)}
        </Alert>
      )}
      {data && (
        <Stack gap="sm">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t(data.isDefault ? 'dataSafety.backups.folderDefault' : 'dataSafety.backups.folder', {
              folder: data.folder,
            })}
          </Text>
          <Group gap="sm">
            <Button variant="default" loading={create.isPending} onClick={() => create.mutate()}>
              {t('dataSafety.backups.now')}
            </Button>
            <Button variant="default" loading={choose.isPending} onClick={() => choose.mutate()}>
              {t('dataSafety.backups.otherFolder')}
            </Button>
            {!data.isDefault && (
              <Button variant="subtle" onClick={() => useDefault.mutate()}>
                {t('dataSafety.backups.defaultFolder')}
              </Button>
            )}
            <Button variant="subtle" loading={pick.isPending} onClick={() => pick.mutate()}>
              {t('dataSafety.backups.fromFile')}
            </Button>
          </Group>
          {data.entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dataSafety.backups.none')}
            </Text>
          ) : (
            <Table striped aria-label={t('dataSafety.backups.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dataSafety.backups.taken')}</Table.Th>
                  <Table.Th>{t('dataSafety.backups.holds')}</Table.Th>
                  <Table.Th>{t('dataSafety.backups.size')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('dataSafety.backups.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.entries.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{backupLabel(entry)}</Table.Td>
                    <Table.Td>
                      {entry.ok
                        ? format('count.accounts', { count: entry.accounts ?? 0 })
                        : format('dataSafety.cannotRestore', { problem: entry.problem ?? '' })}
                    </Table.Td>
                    <Table.Td>{formatBytes(entry.bytes)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        disabled={!entry.ok}
                        loading={inspect.isPending && inspect.variables?.id === entry.id}
                        aria-label={t('dataSafety.backups.restoreNamed', { backup: backupLabel(entry) })}
                        onClick={() => inspect.mutate(entry)}
                      >
                        {t('dataSafety.backups.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
      <RestoreDialog
        backup={chosen}
        onClose={() => {
          setChosen(null);
          void refresh();
        }}
      />
    </Card>
  );
}

function BackgroundCard() {
  const { t } = useWords();
  const settings = useSettings();
  const update = useChannelMutation('settings:update', ['settings']);
  const set = async (patch: { keepRunningInBackground?: boolean; weeklyRefresh?: boolean }) => {
    try {
      await update.mutateAsync(patch);
    } catch (error) {
      notifyError(error, t('settings.changeFailed'));
    }
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="background-title">
      <Title order={3} size="h4" id="background-title" mb="xs">
        {t('dataSafety.background.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('dataSafety.background.body')}
      </Text>
      <Stack gap="sm">
        <Switch
          label={t('dataSafety.background.tray')}
          checked={settings.data?.keepRunningInBackground ?? false}
          disabled={!settings.data || update.isPending}
          onChange={(event) => void set({ keepRunningInBackground: event.currentTarget.checked })}
        />
        <Switch
          label={t('dataSafety.background.weekly')}
          checked={settings.data?.weeklyRefresh ?? false}
          disabled={!settings.data || update.isPending}
          onChange={(event) => void set({ weeklyRefresh: event.currentTarget.checked })}
        />
      </Stack>
    </Card>
  );
}

function ExportCard() {
  const { t } = useWords();
  const exported = useMutation({
    mutationFn: () => call('data:export', {}),
    onSuccess: (outcome) => {
      if (outcome)
        notifications.show({
          title: t('dataSafety.export.done'),
          message: t('dataSafety.export.doneBody', { count: outcome.files.length, folder: outcome.folder }),
          autoClose: 10_000,
        });
    },
    onError: (error) => notifyError(error, t('dataSafety.export.failed')),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="export-title">
      <Title order={3} size="h4" id="export-title" mb="xs">
        {t('dataSafety.export.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('dataSafety.export.body', { file: 'lockstep-export.json' })}
      </Text>
      <Button variant="default" loading={exported.isPending} onClick={() => exported.mutate()}>
        {t('dataSafety.export.button')}
      </Button>
    </Card>
  );
}

function EraseCard() {
  const { t } = useWords();
  const client = useQueryClient();
  const navigate = useNavigate();
  const backups = useQuery({ queryKey: BACKUPS_KEY, queryFn: () => call('backups:list', {}) });
  const [opened, setOpened] = useState(false);
  const [typed, setTyped] = useState('');
  const [includeBackups, setIncludeBackups] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpened(false);
    setTyped('');
    setIncludeBackups(false);
    setError(null);
  };
  const erase = useMutation({
    mutationFn: () => call('data:erase', { confirmation: typed, includeBackups }),
    onSuccess: async (outcome) => {
      close();
      notifications.show({
        title: t('dataSafety.erase.done'),
        message: outcome.keptBackups
          ? t('dataSafety.erase.keptBackups', { folder: outcome.keptBackups })
          : t('dataSafety.erase.erasedBackups'),
        autoClose: 12_000,
      });
      await client.invalidateQueries();
      void navigate('/dashboard');
    },
    onError: (failure) =>
      setError(
        failure instanceof ApiError
          ? (failure.fieldErrors.confirmation ?? failure.message)
          : messageOf(failure),
      ),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="erase-title">
      <Title order={3} size="h4" id="erase-title" mb="xs">
        {t('dataSafety.erase.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('dataSafety.erase.body')}
      </Text>
      <Button variant="outline" color="red" onClick={() => setOpened(true)}>
        {t('dataSafety.erase.button')}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={opened}
        onClose={close}
        title={t('dataSafety.erase.confirmTitle')}
        centered
      >
        <form
          noValidate
          aria-label={t('dataSafety.erase.title')}
          onSubmit={(event) => {
            event.preventDefault();
            if (!confirmsErase(typed)) {
              setError(t('dataSafety.erase.typeToConfirm', { word: ERASE_CONFIRMATION }));
              return;
            }
            erase.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('dataSafety.erase.warning')}</Text>
            <TextInput
              label={t('dataSafety.erase.typeLabel', { word: ERASE_CONFIRMATION })}
              value={typed}
              onChange={(event) => {
                setTyped(event.currentTarget.value);
                setError(null);
              }}
              error={error}
              autoComplete="off"
              data-autofocus
            />
            <Checkbox
              label={
                backups.data
                  ? t('dataSafety.erase.alsoBackupsIn', {
                      folder: backups.data.folder,
                      count: backups.data.entries.length,
                    })
                  : t('dataSafety.erase.alsoBackups', { count: 0 })
              }
              checked={includeBackups}
              onChange={(event) => setIncludeBackups(event.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={erase.isPending}>
                {t('dataSafety.erase.title')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024)
    return format('dataSafety.kilobytes', { size: Math.max(1, Math.round(bytes / 1024)) });
  return format('dataSafety.megabytes', { size: (bytes / (1024 * 1024)).toFixed(1) });
}
