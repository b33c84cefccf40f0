import { List, Text } from '@mantine/core';
import type { BackupDetails } from '../../../../common/ipc/contract';
import type { MessageId } from '../../../../common/messages/en';
import { format, useWords } from '../../app/words';

const KIND_LABELS: Record<BackupDetails['kind'], MessageId> = {
  daily: 'dataSafety.backup.daily',
  manual: 'dataSafety.backup.manual',
  'before-migration': 'dataSafety.backup.before-migration',
  'before-restore': 'dataSafety.backup.before-restore',
};

/** How a backup is named in a sentence: its date and time, and why it was taken. */
export function backupLabel(backup: { createdAt: string; kind: BackupDetails['kind'] }): string {
  return format('dataSafety.backup.label', {
    when: new Date(backup.createdAt).toLocaleString(),
    kind: format(KIND_LABELS[backup.kind]),
  });
}

/** What a backup holds, read from the file itself, and whether its history verifies. */
export function BackupSummary({ backup }: { backup: BackupDetails }) {
  const { t } = useWords();
  const contents = backup.contents;
  if (!backup.ok || !contents) {
    return (
      <Text size="sm" c="var(--ls-text-danger)">
        {t('dataSafety.summary.cannotRestore', { problem: backup.problem ?? '' })}
      </Text>
    );
  }
  const verifies = contents.historyVerifies === null ? 'unknown' : contents.historyVerifies ? 'yes' : 'no';
  return (
    <List size="sm" spacing={2} aria-label={t('dataSafety.summary.label')}>
      <List.Item>{t('dataSafety.summary.taken', { backup: backupLabel(backup) })}</List.Item>
      <List.Item>
        {t('dataSafety.summary.counts', {
          people: contents.people,
          accounts: contents.accounts,
          tasks: contents.openTasks,
        })}
      </List.Item>
      <List.Item>
        {contents.lastChangeAt
          ? t('dataSafety.summary.historyLast', {
              count: contents.historyEntries,
              verifies,
              last: new Date(contents.lastChangeAt).toLocaleString(),
            })
          : t('dataSafety.summary.history', { count: contents.historyEntries, verifies })}
      </List.Item>
      {!backup.hasKey && contents.accounts > 0 && <List.Item>{t('dataSafety.summary.noKey')}</List.Item>}
    </List>
  );
}
