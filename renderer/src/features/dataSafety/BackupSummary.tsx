import { List, Text } from '@mantine/core';
import type { BackupDetails } from '../../../../common/ipc/contract';

const KIND_LABELS: Record<BackupDetails['kind'], string> = {
  daily: 'daily backup',
  manual: 'made by you',
  'before-migration': 'taken before an update',
  'before-restore': 'taken before a restore',
};

/** How a backup is named in a sentence: its date and time, and why it was taken. */
export function backupLabel(backup: { createdAt: string; kind: BackupDetails['kind'] }): string {
  return `${new Date(backup.createdAt).toLocaleString()} (${KIND_LABELS[backup.kind]})`;
}

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** What a backup holds, read from the file itself, and whether its history verifies. */
export function BackupSummary({ backup }: { backup: BackupDetails }) {
  const contents = backup.contents;
  if (!backup.ok || !contents) {
    return (
      <Text size="sm" c="var(--ls-text-danger)">
        This file cannot be restored: {backup.problem}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={2} aria-label="What this backup holds">
      <List.Item>Taken {backupLabel(backup)}</List.Item>
      <List.Item>
        {plural(contents.people, 'person', 'people')}, {plural(contents.accounts, 'account', 'accounts')},{' '}
        {plural(contents.openTasks, 'open task', 'open tasks')}
      </List.Item>
      <List.Item>
        History: {plural(contents.historyEntries, 'entry', 'entries')},{' '}
        {contents.historyVerifies === null
          ? 'from before the history was kept'
          : contents.historyVerifies
            ? 'its chain verifies'
            : 'its chain does NOT verify (it was changed outside Lockstep)'}
        {contents.lastChangeAt ? `; last change ${new Date(contents.lastChangeAt).toLocaleString()}` : ''}
      </List.Item>
      {!backup.hasKey && contents.accounts > 0 && (
        <List.Item>
          Its fingerprint key is not beside it: password reuse with earlier imports is found again after they
          are imported again.
        </List.Item>
      )}
    </List>
  );
}
