import { useEffect, useState } from 'react';
import { Alert, Button, Card, Container, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FILE_DAMAGE_KINDS } from '../../../../common/domain/dataSafety/problems';
import type { AppState, BackupDetails } from '../../../../common/ipc/contract';
import { call } from '../../api/client';
import { notifyError } from '../../app/notify';
import { useWords } from '../../app/words';
import { BackupSummary } from './BackupSummary';
import { RestoreDialog } from './RestoreDialog';

type Recovery = Extract<AppState, { mode: 'recovery' }>;

/**
 * Shown instead of the dashboard when the data cannot be opened: what is wrong, the newest good
 * backup and what it holds, "Restore it", and "Start empty (keep the damaged file aside)". For a
 * file another program holds, "Try again". The damaged file is never deleted or overwritten.
 */
export function RecoveryScreen({ state }: { state: Recovery }) {
  const { t } = useWords();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<BackupDetails | null>(null);
  const { problem, newestGoodBackup } = state;
  const isFileProblem = FILE_DAMAGE_KINDS.has(problem.kind);

  // The e2e fixture and the preview wait for this instead of sleeping.
  useEffect(() => {
    document.documentElement.dataset.ready = 'true';
  }, []);

  const startEmpty = useMutation({
    mutationFn: () => call('recovery:startEmpty', {}),
    onSuccess: async ({ damagedKeptAs }) => {
      notifications.show({
        title: t('restore.startedEmpty'),
        message: damagedKeptAs
          ? t('restore.damagedKept', { path: damagedKeptAs })
          : t('restore.nothingDeleted'),
        autoClose: 12_000,
      });
      await client.invalidateQueries();
    },
    onError: (error) => notifyError(error, t('restore.startEmptyFailed')),
  });
  const retry = useMutation({
    mutationFn: () => call('recovery:retry', {}),
    onSuccess: async (next) => {
      if (next.mode === 'ready') await client.invalidateQueries();
      else client.setQueryData(['app-state'], next);
    },
    onError: (error) => notifyError(error),
  });
  const pick = useMutation({
    mutationFn: () => call('backups:pick', {}),
    onSuccess: (picked) => picked && setChosen(picked),
    onError: (error) => notifyError(error, t('dataSafety.fileFailed')),
  });

  return (
    <Container size="sm" py="xl" component="main" aria-labelledby="recovery-title">
      <Stack gap="lg">
        <Group gap="xs">
          <ThemeIcon size="lg" radius="md" variant="filled" aria-hidden>
            <IconShieldLock size={20} />
          </ThemeIcon>
          <Title order={1} size="h2" id="recovery-title">
            {problem.title}
          </Title>
        </Group>
        <Alert color="red" role="alert" title={t('restore.whatHappened')}>
          {problem.message}
        </Alert>
        <Text>{problem.advice}</Text>
        {problem.detail && (
          <details>
            <summary>
              <Text span size="sm">
                {t('restore.sqliteReported')}
              </Text>
            </summary>
            <Text component="pre" size="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {problem.detail}
            </Text>
          </details>
        )}

        {isFileProblem && (
          <Card withBorder padding="lg" component="section" aria-labelledby="newest-backup-title">
            <Title order={2} size="h4" id="newest-backup-title" mb="xs">
              {newestGoodBackup ? t('restore.newest') : t('restore.noneFound')}
            </Title>
            {newestGoodBackup ? (
              <Stack gap="sm">
                <BackupSummary backup={newestGoodBackup} />
                <Group>
                  <Button onClick={() => setChosen(newestGoodBackup)}>{t('restore.restoreIt')}</Button>
                </Group>
              </Stack>
            ) : (
              <Text size="sm">{t('restore.noneBody')}</Text>
            )}
          </Card>
        )}

        <Group>
          {isFileProblem ? (
            <>
              <Button variant="default" loading={startEmpty.isPending} onClick={() => startEmpty.mutate()}>
                {t('restore.startEmpty')}
              </Button>
              <Button variant="subtle" loading={pick.isPending} onClick={() => pick.mutate()}>
                {t('restore.fromOtherFile')}
              </Button>
            </>
          ) : (
            <Button loading={retry.isPending} onClick={() => retry.mutate()}>
              {t('app.tryAgain')}
            </Button>
          )}
        </Group>
      </Stack>
      <RestoreDialog backup={chosen} currentIsDamaged onClose={() => setChosen(null)} />
    </Container>
  );
}
