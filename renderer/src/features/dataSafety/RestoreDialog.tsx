import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BackupDetails } from '../../../../common/ipc/contract';
import { call } from '../../api/client';
import { notifyError } from '../../app/notify';
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
  const client = useQueryClient();
  const restore = useMutation({
    mutationFn: (id: string) => call('backups:restore', { id }),
    onSuccess: async (outcome) => {
      notifications.show({
        title: 'Backup restored',
        message: [
          `Lockstep now runs on the backup of ${backup ? backupLabel(backup) : 'your choice'}.`,
          outcome.savedCurrentAs ? `The data it replaced was kept as ${outcome.savedCurrentAs}.` : '',
          ...outcome.warnings,
        ]
          .filter(Boolean)
          .join(' '),
        autoClose: 12_000,
      });
      onClose();
      // Everything on screen came from the data that was replaced.
      await client.invalidateQueries();
    },
    onError: (error) => notifyError(error, 'The backup was not restored'),
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={backup !== null}
      onClose={onClose}
      title="Restore this backup?"
      centered
      size="lg"
    >
      {backup && (
        <Stack>
          <BackupSummary backup={backup} />
          {backup.contents?.historyVerifies === false && (
            <Alert color="orange" variant="outline">
              The history in this backup was changed outside Lockstep: the record of what was done cannot be
              trusted. You can still restore it.
            </Alert>
          )}
          <Text size="sm">
            {currentIsDamaged
              ? 'The damaged data file is kept aside under a dated name, never deleted.'
              : 'Your current data is backed up first, so you can come back to it.'}{' '}
            The restore is recorded in the history.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              disabled={!backup.ok}
              loading={restore.isPending}
              onClick={() => restore.mutate(backup.id)}
            >
              Restore this backup
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
