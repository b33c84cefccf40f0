import { useState } from 'react';
import { Anchor, Button, Group, Text, TextInput } from '@mantine/core';
import { localDateString } from '../../../../common/domain/validation';
import type { Finding } from '../../../../common/ipc/contract';
import { ApiError } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { format } from '../../app/words';

/** What a person can do right on a finding: answer its question, or follow the service's own guide. */
export function FindingActions({ finding }: { finding: Finding }) {
  if (finding.kind === 'breached_service' && finding.evidence.passwordChangedAt === null) {
    return <ChangedSinceQuestion finding={finding} />;
  }
  const documentation = finding.evidence.documentation;
  if (
    (finding.kind === 'mfa_available' || finding.kind === 'mfa_upgrade') &&
    typeof documentation === 'string'
  ) {
    return (
      <Text size="sm">
        <Anchor href={documentation} c="var(--ls-text-accent)" underline="always">
          {typeof finding.evidence.service === 'string'
            ? format('exposure.howToTurnOn', { service: finding.evidence.service })
            : format('exposure.howToTurnOnUnnamed')}
        </Anchor>{' '}
        <Text span size="xs" c="dimmed">
          {format('exposure.howToTurnOnSource', { date: String(finding.evidence.datasetDate) })}
        </Text>
      </Text>
    );
  }
  return null;
}

function ChangedSinceQuestion({ finding }: { finding: Finding }) {
  const confirm = useChannelMutation('accounts:confirmPasswordChange', ['accounts', 'findings']);
  const [isAnswering, setAnswering] = useState(false);
  const [date, setDate] = useState(localDateString(new Date()));
  const [error, setError] = useState<string | null>(null);
  const accountId = finding.accountIds[0];
  const since = String(finding.evidence.breachDate ?? '');
  if (accountId === undefined) return null;
  if (!isAnswering) {
    return (
      <Group gap="sm">
        <Text size="sm" fw={600}>
          {format('exposure.changedSince', { since })}
        </Text>
        <Button size="compact-sm" variant="default" onClick={() => setAnswering(true)}>
          {format('common.yes')}
        </Button>
        <Text size="xs" c="dimmed">
          {format('exposure.changedSinceNo')}
        </Text>
      </Group>
    );
  }
  return (
    <form
      noValidate
      aria-label={format('exposure.whenChanged')}
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await confirm.mutateAsync({ id: accountId, changedOn: date });
        } catch (failure) {
          if (failure instanceof ApiError) setError(failure.fieldErrors.changedOn ?? failure.message);
          else notifyError(failure);
        }
      }}
    >
      <Group gap="sm" align="flex-end">
        <TextInput
          type="date"
          label={format('exposure.whenChanged')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={error}
          size="sm"
        />
        <Button type="submit" size="sm" loading={confirm.isPending}>
          {format('common.save')}
        </Button>
        <Button size="sm" variant="default" onClick={() => setAnswering(false)}>
          {format('common.cancel')}
        </Button>
      </Group>
    </form>
  );
}
