import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BackupDetails } from '../../../../common/ipc/contract';
import { call } from '../../api/client';
import { notifyError } from '../../app/notify';
import { useWords } from '../../app/words';
import { BackupSummary, backupLabel } from './BackupSummary';

/**
 * "Restore this backup?": what it holds, what happens to the current data, and a confirmation.
 * After a restore every view reloads (the app runs on the restored data).
 */
export function RestoreDialog({
  backup,
  currentIsDamaged = false,
  onClose,
}: {
  backup: BackupDetails | null;
  /** On the recovery screen: the damaged file is set aside rather than backed up. */
  currentIsDamaged?: boolean;
  onClose: () => void;
}) {
  const { t } = useWords();
  const client = useQueryClient();
  const restore = useMutation({
    mutationFn: (id: string) => call('backups:restore', { id }),
    onSuccess: async (outcome) => {
      // One sentence a line: ours from the catalogue, then main's warnings as they came.
      const sentences = [
        backup ? t('restore.runsOn', { backup: backupLabel(backup) }) : t('restore.runsOnChosen'),
        ...(outcome.savedCurrentAs ? [t('restore.keptAs', { path: outcome.savedCurrentAs })] : []),
        ...outcome.warnings,
      ];
      notifications.show({
        title: t('restore.done'),
        message: (
          <Stack gap={2}>
            {sentences.map((sentence) => (
              <Text key={sentence} size="sm">
                {sentence}
              </Text>
            ))}
          </Stack>
        ),
        autoClose: 12_000,
      });
      onClose();
      // Everything on screen came from the data that was replaced.
      await client.invalidateQueries();
    },
    onError: (error) => notifyError(error, t('restore.failed')),
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={backup !== null}
      onClose={onClose}
      title={t('restore.title')}
      centered
      size="lg"
    >
      {backup && (
        <Stack>
          <BackupSummary backup={backup} />
          {backup.contents?.historyVerifies === false && (
            <Alert color="orange" variant="outline">
              {t('restore.altered')}
            </Alert>
          )}
          <Text size="sm">{currentIsDamaged ? t('restore.damagedAside') : t('restore.backedUpFirst')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!backup.ok}
              loading={restore.isPending}
              onClick={() => restore.mutate(backup.id)}
            >
              {t('restore.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
