import { format } from '../../app/words';
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
    onError: (error) => notifyError(error, 'The backup was not made'),
  });
  const inspect = useMutation({
    mutationFn: (entry: BackupEntry) => call('backups:inspect', { id: entry.id }),
    onSuccess: (details) => setChosen(details),
    onError: (error) => notifyError(error, 'Could not read that backup'),
  });
  const pick = useMutation({
    mutationFn: () => call('backups:pick', {}),
    onSuccess: (details) => details && setChosen(details),
    onError: (error) => notifyError(error, 'Could not read that file'),
  });
  const choose = useMutation({
    mutationFn: () => call('backups:chooseFolder', {}),
    onSuccess: async () => refresh(),
    onError: (error) => notifyError(error, 'Could not use that folder'),
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
        Backups
      </Title>
      <Text size="sm" mb="xs">
        Lockstep backs up your data after the first change of each day, before every update of its data format
        and before every restore, and keeps 7 daily, 4 weekly and 3 monthly backups (and every backup you make
        yourself). Each one is a complete copy, checked when it is made.
      </Text>
      <Text size="sm" mb="sm">
        A backup holds no secret the data file does not: no password, no two-step secret, no API key — those
        are never stored. Beside each backup is the key that makes Lockstep’s password fingerprints, kept the
        way the live one is (sealed by your system keychain when there is one), so reuse is still found after
        a restore. Keep backups where only you can read them.
      </Text>
      {backups.isPending && <Loader size="sm" aria-label="Loading backups" />}
      {backups.isError && (
        <Alert color="red" role="alert">
          {messageOf(backups.error)}
        </Alert>
      )}
      {data && (
        <Stack gap="sm">
          <Text size="sm">
            Backups are kept in <code>{data.folder}</code>
            {data.isDefault ? ' (inside the data folder).' : '.'}
          </Text>
          <Group gap="sm">
            <Button variant="default" loading={create.isPending} onClick={() => create.mutate()}>
              Back up now
            </Button>
            <Button variant="default" loading={choose.isPending} onClick={() => choose.mutate()}>
              Keep backups in another folder…
            </Button>
            {!data.isDefault && (
              <Button variant="subtle" onClick={() => useDefault.mutate()}>
                Use the data folder again
              </Button>
            )}
            <Button variant="subtle" loading={pick.isPending} onClick={() => pick.mutate()}>
              Restore from a file…
            </Button>
          </Group>
          {data.entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              No backups yet: the first is made after your first change today.
            </Text>
          ) : (
            <Table striped aria-label="Backups">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Taken</Table.Th>
                  <Table.Th>Holds</Table.Th>
                  <Table.Th>Size</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
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
                        aria-label={`Restore the backup of ${backupLabel(entry)}`}
                        onClick={() => inspect.mutate(entry)}
                      >
                        Restore…
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
  const settings = useSettings();
  const update = useChannelMutation('settings:update', ['settings']);
  const set = async (patch: { keepRunningInBackground?: boolean; weeklyRefresh?: boolean }) => {
    try {
      await update.mutateAsync(patch);
    } catch (error) {
      notifyError(error, 'Could not change the setting');
    }
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="background-title">
      <Title order={3} size="h4" id="background-title" mb="xs">
        Keep watching when the window is closed
      </Title>
      <Text size="sm" mb="sm">
        While Lockstep runs it makes the day’s backup, sends the reminder digest and — only if you turn online
        updates on — refreshes the breach data once a week and tells you once if a new breach concerns one of
        your accounts or addresses. Every request goes in the network ledger below.
      </Text>
      <Stack gap="sm">
        <Switch
          label="Keep Lockstep running in the tray (menu bar) when its window is closed"
          checked={settings.data?.keepRunningInBackground ?? false}
          disabled={!settings.data || update.isPending}
          onChange={(event) => void set({ keepRunningInBackground: event.currentTarget.checked })}
        />
        <Switch
          label="Online updates: refresh the breach catalogue and two-step directory every week"
          checked={settings.data?.weeklyRefresh ?? false}
          disabled={!settings.data || update.isPending}
          onChange={(event) => void set({ weeklyRefresh: event.currentTarget.checked })}
        />
      </Stack>
    </Card>
  );
}

function ExportCard() {
  const exported = useMutation({
    mutationFn: () => call('data:export', {}),
    onSuccess: (outcome) => {
      if (outcome)
        notifications.show({
          title: 'Exported',
          message: `${outcome.files.length} files in ${outcome.folder}.`,
          autoClose: 10_000,
        });
    },
    onError: (error) => notifyError(error, 'The export did not finish'),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="export-title">
      <Title order={3} size="h4" id="export-title" mb="xs">
        Export everything
      </Title>
      <Text size="sm" mb="sm">
        Writes all your data to a new folder: <code>lockstep-export.json</code> (with its JSON Schema) and a
        spreadsheet file for people, accounts, findings, tasks and the history — the history with its hashes,
        so it can be checked without Lockstep. No password, secret or password fingerprint is in it. Cells
        that a spreadsheet would run as a formula are written as text.
      </Text>
      <Button variant="default" loading={exported.isPending} onClick={() => exported.mutate()}>
        Export everything…
      </Button>
    </Card>
  );
}

function EraseCard() {
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
        title: 'Everything was erased',
        message: outcome.keptBackups
          ? `Lockstep starts fresh. Your backups were kept in ${outcome.keptBackups}.`
          : 'Lockstep starts fresh. The backups were erased too.',
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
        Erase everything
      </Title>
      <Text size="sm" mb="sm">
        Deletes the data file, the password-fingerprint key, the API key in your keychain, downloaded data and
        the offline password index from this computer, then starts fresh. Backups are kept unless you also
        choose to erase them. This cannot be undone.
      </Text>
      <Button variant="outline" color="red" onClick={() => setOpened(true)}>
        Erase everything…
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={opened}
        onClose={close}
        title="Erase everything?"
        centered
      >
        <form
          noValidate
          aria-label="Erase everything"
          onSubmit={(event) => {
            event.preventDefault();
            if (!confirmsErase(typed)) {
              setError(`Type “${ERASE_CONFIRMATION}” to confirm.`);
              return;
            }
            erase.mutate();
          }}
        >
          <Stack>
            <Text size="sm">
              All of Lockstep’s data on this computer will be deleted: people, accounts, findings, tasks and
              the history. Export it first if you may want it later.
            </Text>
            <TextInput
              label={`Type “${ERASE_CONFIRMATION}” to confirm`}
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
              label={`Also erase the backups${backups.data ? ` in ${backups.data.folder}` : ''} (${backups.data?.entries.length ?? 0})`}
              checked={includeBackups}
              onChange={(event) => setIncludeBackups(event.currentTarget.checked)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red" loading={erase.isPending}>
                Erase everything
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
