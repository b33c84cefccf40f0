import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Loader,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { incidentReach } from '../../../../common/domain/checks/describe';
import { localDateString } from '../../../../common/domain/validation';
import type { BreachNotice, Incident } from '../../../../common/ipc/contract';
import { ApiError, call, messageOf } from '../../api/client';
import { queryKeys, useChannelMutation, usePeople } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { ToneBadge } from '../../components/Badges';
import { StartGuideDialog, type GuideOrigin } from '../guides/StartGuideDialog';

/** What notices usually say was exposed (Have I Been Pwned's words, so guides match them). */
const EXPOSED_CHOICES = [
  'Email addresses',
  'Email messages',
  'Passwords',
  'Names',
  'Phone numbers',
  'Physical addresses',
  'Dates of birth',
  'Security questions and answers',
  'Credit cards',
  'Bank account numbers',
  'Government issued IDs',
  'PINs',
  'Auth tokens',
];

/**
 * Breach notices: the provider incidents that never reached the public catalogue, and the notices
 * a person received. A recorded notice becomes a finding on their accounts there, with a guide.
 */
export function NoticesPanel() {
  const notices = useQuery({
    queryKey: [...queryKeys.findings, 'notices'],
    queryFn: () => call('notices:list', {}),
  });
  const incidents = useQuery({
    queryKey: ['incidents'],
    queryFn: () => call('incidents:list', {}),
    staleTime: Infinity,
  });
  const [recording, setRecording] = useState<{ incident: Incident | null } | null>(null);
  const [guiding, setGuiding] = useState<GuideOrigin | null>(null);
  const remove = useChannelMutation('notices:delete', ['findings', 'guides']);
  const [removing, setRemoving] = useState<BreachNotice | null>(null);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" maw={760}>
          Some breaches never reach the public catalogue because no data was published — Microsoft’s corporate
          email breach of 2024 among them. If a company told you about a breach, record the notice: Lockstep
          raises it on your accounts there and offers a guide to work through.
        </Text>
        <Button onClick={() => setRecording({ incident: null })}>Record a notice…</Button>
      </Group>

      <section aria-label="Your notices">
        <Title order={3} size="h4" mb="xs">
          Your notices
        </Title>
        {notices.isPending && <Loader size="sm" aria-label="Loading notices" />}
        {notices.isError && (
          <Alert color="red" role="alert">
            {messageOf(notices.error)}
          </Alert>
        )}
        {notices.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            None recorded.
          </Text>
        )}
        <Stack gap="sm" role="list" aria-label="Recorded notices">
          {notices.data?.map((notice) => (
            <NoticeCard
              key={notice.id}
              notice={notice}
              onGuide={() => setGuiding({ origin: 'notice', originId: notice.id })}
              onRemove={() => setRemoving(notice)}
            />
          ))}
        </Stack>
      </section>

      <section aria-label="Incidents without a published dataset">
        <Title order={3} size="h4" mb={4}>
          Incidents without a published dataset
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          Each with the company’s own notices. Recording one only says it concerns you; nothing is sent
          anywhere.
        </Text>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {incidents.data?.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} onRecord={() => setRecording({ incident })} />
          ))}
        </SimpleGrid>
      </section>

      <RecordNoticeDialog
        target={recording}
        onClose={() => setRecording(null)}
        onRecorded={(notice) => {
          setRecording(null);
          if (notice.findingId !== null) setGuiding({ origin: 'notice', originId: notice.id });
        }}
      />
      <StartGuideDialog target={guiding} onClose={() => setGuiding(null)} />
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title="Remove this notice?"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Text size="sm" mb="md">
          The {removing?.provider} notice of {removing?.receivedOn} and the finding it raised will go. Guides
          already followed for it stay in the history. Recorded it by mistake? This is the way to undo it.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRemoving(null)}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              removing &&
              remove
                .mutateAsync({ id: removing.id })
                .then(() => setRemoving(null))
                .catch((error: unknown) => notifyError(error))
            }
          >
            Remove notice
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

function NoticeCard({
  notice,
  onGuide,
  onRemove,
}: {
  notice: BreachNotice;
  onGuide: () => void;
  onRemove: () => void;
}) {
  return (
    <Card
      withBorder
      padding="sm"
      role="listitem"
      aria-label={`${notice.provider} notice of ${notice.receivedOn}`}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Text fw={600}>{notice.provider}</Text>
            {notice.handledAt ? (
              <ToneBadge tone="teal">{`Handled ${notice.handledAt.slice(0, 10)}`}</ToneBadge>
            ) : (
              <ToneBadge tone="orange">Open</ToneBadge>
            )}
          </Group>
          <Text size="sm">
            Notice of {notice.receivedOn} to {notice.personName}
            {notice.emailAddress ? ` (${notice.emailAddress})` : ''}.{' '}
            {notice.exposed.length > 0 ? `Exposed: ${notice.exposed.join(', ')}.` : ''}
          </Text>
          {notice.details && (
            <Text size="sm" c="dimmed">
              “{notice.details}”
            </Text>
          )}
        </div>
        <Group gap={6} wrap="nowrap">
          {!notice.handledAt && (
            <Button size="compact-sm" variant="outline" color="teal" onClick={onGuide}>
              Guide me
            </Button>
          )}
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            onClick={onRemove}
            aria-label={`Remove the ${notice.provider} notice`}
          >
            Remove
          </Button>
        </Group>
      </Group>
    </Card>
  );
}

function IncidentCard({ incident, onRecord }: { incident: Incident; onRecord: () => void }) {
  return (
    <Card withBorder padding="md" component="article" aria-label={incident.title}>
      <Text size="xs" c="dimmed">
        {incident.provider} · access {incident.period.from}
        {incident.period.to ? ` to ${incident.period.to}` : ''} · disclosed {incident.disclosedOn}
      </Text>
      <Text fw={600} mb={4}>
        {incident.title}
      </Text>
      <Text size="sm" mb={6}>
        {incident.summary}
      </Text>
      <Text size="sm" fw={600}>
        What was taken
      </Text>
      <List size="sm" mb={6}>
        {incident.whatWasTaken.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      <Stack gap={2} mb="sm">
        {incident.notices.map((notice) => (
          <Anchor key={notice.url} href={notice.url} size="xs" c="var(--ls-text-accent)" underline="always">
            {notice.label}
          </Anchor>
        ))}
      </Stack>
      <Button size="compact-sm" variant="default" onClick={onRecord} w="fit-content">
        I got a notice about this…
      </Button>
    </Card>
  );
}

function RecordNoticeDialog({
  target,
  onClose,
  onRecorded,
}: {
  target: { incident: Incident | null } | null;
  onClose: () => void;
  onRecorded: (notice: BreachNotice) => void;
}) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target?.incident ? `Record a notice: ${target.incident.provider}` : 'Record a breach notice'}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {target && <RecordNoticeForm incident={target.incident} onCancel={onClose} onRecorded={onRecorded} />}
    </Modal>
  );
}

function RecordNoticeForm({
  incident,
  onCancel,
  onRecorded,
}: {
  incident: Incident | null;
  onCancel: () => void;
  onRecorded: (notice: BreachNotice) => void;
}) {
  const people = usePeople();
  const record = useChannelMutation('notices:record', ['findings', 'guides']);
  const first = people.data?.find((p) => p.isDefault) ?? people.data?.[0];
  const [personId, setPersonId] = useState<string | null>(first ? String(first.id) : null);
  const [provider, setProvider] = useState('');
  const [domain, setDomain] = useState('');
  const [receivedOn, setReceivedOn] = useState(localDateString(new Date()));
  const [exposed, setExposed] = useState<string[]>(incident?.dataClasses ?? []);
  const [emailId, setEmailId] = useState<string | null>(null);
  const [details, setDetails] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const person = people.data?.find((p) => String(p.id) === (personId ?? String(first?.id)));

  return (
    <form
      noValidate
      aria-label="Breach notice"
      onSubmit={async (event) => {
        event.preventDefault();
        setErrors({});
        setMessage(null);
        try {
          const notice = await record.mutateAsync({
            personId: Number(personId ?? first?.id),
            ...(incident ? { incidentId: incident.id } : { provider: provider.trim() || undefined }),
            ...(domain.trim() ? { domain: domain.trim() } : {}),
            receivedOn,
            exposed,
            ...(emailId ? { emailId: Number(emailId) } : {}),
            ...(details.trim() ? { details: details.trim() } : {}),
          });
          onRecorded(notice);
        } catch (failure) {
          if (failure instanceof ApiError) {
            setErrors(failure.fieldErrors);
            setMessage(Object.keys(failure.fieldErrors).length ? null : failure.message);
          } else notifyError(failure);
        }
      }}
    >
      <Stack gap="sm">
        {incident && (
          <Text size="sm">
            {incident.title}. {incidentReach(incident)}
          </Text>
        )}
        {(people.data?.length ?? 0) > 1 && (
          <Select
            label="Who received it"
            value={personId}
            onChange={(value) => {
              setPersonId(value);
              setEmailId(null);
            }}
            data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
            allowDeselect={false}
            error={errors.personId}
          />
        )}
        {!incident && (
          <TextInput
            label="Company"
            placeholder="The company that sent the notice"
            value={provider}
            onChange={(e) => setProvider(e.currentTarget.value)}
            error={errors.provider}
            withAsterisk
            maxLength={80}
          />
        )}
        <TextInput
          label={incident ? 'Another web address of theirs (optional)' : 'Their web address (optional)'}
          description="Your accounts at this address are marked, e.g. example.com."
          value={domain}
          onChange={(e) => setDomain(e.currentTarget.value)}
          error={errors.domain}
        />
        <TextInput
          type="date"
          label="Date of the notice"
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.currentTarget.value)}
          error={errors.receivedOn}
          withAsterisk
        />
        <TagsInput
          label="What it says was exposed"
          description="Pick from the list or type your own, then Enter."
          data={EXPOSED_CHOICES}
          value={exposed}
          onChange={setExposed}
          error={errors.exposed}
          maxTags={20}
          clearable
        />
        {(person?.emails.length ?? 0) > 0 && (
          <Select
            label="Sent to (optional)"
            placeholder="Which of their addresses"
            value={emailId}
            onChange={setEmailId}
            data={(person?.emails ?? []).map((e) => ({ value: String(e.id), label: e.address }))}
            clearable
            error={errors.emailId}
          />
        )}
        <Textarea
          label="What the notice says (optional)"
          description="In your words; never paste a password or a code."
          value={details}
          onChange={(e) => setDetails(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          error={errors.details}
        />
        {message && (
          <Alert color="red" role="alert" p="xs">
            {message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending}>
            Record notice
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
