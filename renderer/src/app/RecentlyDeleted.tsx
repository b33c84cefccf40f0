import { Alert, Button, Group, List, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../api/client';
import { queryKeys } from '../api/hooks';
import { notifyError } from './notify';
import { format } from './words';

/** The query of this session's deletions (refreshed whenever accounts or people change). */
export const pendingDeletionsKey = [...queryKeys.accounts, 'trash'] as const;

/**
 * What was deleted in this session, each with an Undo that works until the app closes (the trash
 * is emptied at the next start). The toast after a delete is the quick way; this is the one that
 * stays.
 */
export function RecentlyDeleted() {
  const client = useQueryClient();
  const deletions = useQuery({ queryKey: pendingDeletionsKey, queryFn: () => call('trash:list', {}) });
  if (!deletions.data || deletions.data.length === 0) return null;
  return (
    <Alert
      variant="light"
      color="gray"
      title={format('trash.title')}
      aria-label={format('trash.title')}
      mb="sm"
    >
      <Text size="sm" mb={4}>
        {format('trash.body')}
      </Text>
      <List size="sm" spacing={4}>
        {deletions.data.map((deletion) => (
          <List.Item key={deletion.token}>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm">
                {format('trash.item', { label: deletion.label, time: deletion.deletedAt.slice(11, 16) })}
              </Text>
              <Button
                size="compact-xs"
                variant="default"
                aria-label={format('trash.undoLabel', { label: deletion.label })}
                onClick={async () => {
                  try {
                    await call('trash:undo', { token: deletion.token });
                    await Promise.all(
                      [queryKeys.accounts, queryKeys.people].map((queryKey) =>
                        client.invalidateQueries({ queryKey }),
                      ),
                    );
                  } catch (error) {
                    notifyError(error, format('trash.undoFailed'));
                  }
                }}
              >
                {format('trash.undo')}
              </Button>
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
