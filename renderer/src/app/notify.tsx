import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, messageOf } from '../api/client';
import { format } from './words';

/** Shows a failure in plain words. */
export function notifyError(error: unknown, title = format('notify.failed')): void {
  notifications.show({ color: 'red', title, message: messageOf(error), autoClose: 8000 });
}

/**
 * Confirms a deletion with an Undo at hand. The toast goes after a few seconds; the deletion stays
 * undoable until the app closes, in the "Deleted in this session" list of the screen.
 */
export function notifyDeleted(message: string, token: string): void {
  const id = `undo-${token}`;
  notifications.show({
    id,
    autoClose: 8000,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{format('trash.deletedToast', { message })}</Text>
        <Button
          size="compact-sm"
          variant="default"
          onClick={async () => {
            notifications.hide(id);
            try {
              await call('trash:undo', { token });
              notifications.show({ message: format('trash.restored'), autoClose: 3000 });
            } catch (error) {
              notifyError(error, format('trash.undoFailed'));
            }
          }}
        >
          {format('trash.undo')}
        </Button>
      </Group>
    ),
  });
}
