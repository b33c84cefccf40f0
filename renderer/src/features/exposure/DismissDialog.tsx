import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DISMISS_REASONS, type DismissReason } from '../../../../common/domain/checks/findings';
import type { Finding } from '../../../../common/ipc/contract';
import { ApiError } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { useWords } from '../../app/words';

/** Set a finding aside, with a reason and an optional date to look again. */
export function DismissDialog({
  finding,
  title,
  onClose,
}: {
  finding: Finding | null;
  title: string;
  onClose: () => void;
}) {
  const { t } = useWords();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={finding !== null}
      onClose={onClose}
      title={t('dismiss.title')}
      centered
    >
      {finding && <DismissForm key={finding.id} finding={finding} title={title} onDone={onClose} />}
    </Modal>
  );
}

function DismissForm({ finding, title, onDone }: { finding: Finding; title: string; onDone: () => void }) {
  const { t } = useWords();
  const dismiss = useChannelMutation('findings:dismiss', ['findings']);
  const [reason, setReason] = useState<DismissReason | null>(null);
  const [note, setNote] = useState('');
  const [recheckAt, setRecheckAt] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      noValidate
      aria-label={t('dismiss.form')}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!reason) return setErrors({ reason: t('dismiss.chooseReason') });
        try {
          await dismiss.mutateAsync({
            id: finding.id,
            reason,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(recheckAt ? { recheckAt } : {}),
          });
          onDone();
        } catch (error) {
          if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0)
            setErrors(error.fieldErrors);
          else notifyError(error, t('dismiss.failed'));
        }
      }}
    >
      <Stack>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Select
          label={t('dismiss.why')}
          data={Object.entries(DISMISS_REASONS).map(([value, label]) => ({ value, label }))}
          value={reason}
          onChange={(value) => {
            setReason(value as DismissReason | null);
            setErrors({});
          }}
          error={errors.reason}
          allowDeselect={false}
        />
        <Textarea
          label={t('dismiss.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          autosize
          minRows={2}
        />
        <TextInput
          type="date"
          label={t('dismiss.recheck')}
          description={t('dismiss.recheckHint')}
          value={recheckAt}
          onChange={(e) => setRecheckAt(e.currentTarget.value)}
          error={errors.recheckAt}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('dismiss.keepOpen')}
          </Button>
          <Button type="submit" loading={dismiss.isPending}>
            {t('dismiss.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
