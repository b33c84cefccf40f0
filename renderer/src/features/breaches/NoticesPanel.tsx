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
import { useWords } from '../../app/words';

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
  const { t } = useWords();
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
          {t('notices.intro')}
        </Text>
        <Button onClick={() => setRecording({ incident: null })}>{t('notices.record')}</Button>
      </Group>

      <section aria-label={t('notices.yours')}>
        <Title order={3} size="h4" mb="xs">
          {t('notices.yours')}
        </Title>
        {notices.isPending && <Loader size="sm" aria-label={t('notices.loading')} />}
        {notices.isError && (
          <Alert color="red" role="alert">
            {messageOf(notices.error)}
          </Alert>
        )}
        {notices.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('notices.none')}
          </Text>
        )}
        <Stack gap="sm" role="list" aria-label={t('notices.list')}>
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

      <section aria-label={t('notices.incidents')}>
        <Title order={3} size="h4" mb={4}>
          {t('notices.incidents')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('notices.incidentsBody')}
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
        title={t('notices.removeTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Text size="sm" mb="md">
          {t('notices.removeBody', { provider: removing?.provider ?? '', date: removing?.receivedOn ?? '' })}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRemoving(null)}>
            {t('notices.keep')}
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
            {t('notices.removeConfirm')}
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
  const { t, list } = useWords();
  return (
    <Card
      withBorder
      padding="sm"
      role="listitem"
      aria-label={t('notices.card', { provider: notice.provider, date: notice.receivedOn })}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Text fw={600}>{notice.provider}</Text>
            {notice.handledAt ? (
              <ToneBadge tone="teal">
                {t('notices.handled', { date: notice.handledAt.slice(0, 10) })}
              </ToneBadge>
            ) : (
              <ToneBadge tone="orange">{t('notices.open')}</ToneBadge>
            )}
          </Group>
          <Text size="sm">
            {notice.emailAddress
              ? t('notices.summaryTo', {
                  date: notice.receivedOn,
                  person: notice.personName,
                  address: notice.emailAddress,
                })
              : t('notices.summary', { date: notice.receivedOn, person: notice.personName })}
            {notice.exposed.length > 0 && <> {t('notices.exposed', { data: list(notice.exposed) })}</>}
          </Text>
          {notice.details && (
            <Text size="sm" c="dimmed">
              {t('notices.details', { details: notice.details })}
            </Text>
          )}
        </div>
        <Group gap={6} wrap="nowrap">
          {!notice.handledAt && (
            <Button size="compact-sm" variant="outline" color="teal" onClick={onGuide}>
              {t('exposure.card.guideMe')}
            </Button>
          )}
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            onClick={onRemove}
            aria-label={t('notices.removeNamed', { provider: notice.provider })}
          >
            {t('notices.remove')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}

// The incidents' titles, summaries and notices are the dataset's English (electron/data), marked as
// such so a screen reader reads them as English whatever language Lockstep's own words are in.
function IncidentCard({ incident, onRecord }: { incident: Incident; onRecord: () => void }) {
  const { t } = useWords();
  return (
    <Card withBorder padding="md" component="article" aria-label={incident.title}>
      <Text size="xs" c="dimmed">
        {incident.period.to
          ? t('notices.incident.periodTo', {
              provider: incident.provider,
              from: incident.period.from,
              to: incident.period.to,
              disclosed: incident.disclosedOn,
            })
          : t('notices.incident.period', {
              provider: incident.provider,
              from: incident.period.from,
              disclosed: incident.disclosedOn,
            })}
      </Text>
      <Text fw={600} mb={4} lang="en">
        {incident.title}
      </Text>
      <Text size="sm" mb={6} lang="en">
        {incident.summary}
      </Text>
      <Text size="sm" fw={600}>
        {t('notices.incident.taken')}
      </Text>
      <List size="sm" mb={6} lang="en">
        {incident.whatWasTaken.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      <Stack gap={2} mb="sm" lang="en">
        {incident.notices.map((notice) => (
          <Anchor key={notice.url} href={notice.url} size="xs" c="var(--ls-text-accent)" underline="always">
            {notice.label}
          </Anchor>
        ))}
      </Stack>
      <Button size="compact-sm" variant="default" onClick={onRecord} w="fit-content">
        {t('notices.incident.gotNotice')}
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
  const { t } = useWords();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={
        target?.incident
          ? t('notices.dialog.titleFor', { provider: target.incident.provider })
          : t('notices.dialog.title')
      }
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
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
  const { t } = useWords();
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
      aria-label={t('notices.form')}
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
            {t('notices.incident.reach', { title: incident.title, reach: incidentReach(incident) })}
          </Text>
        )}
        {(people.data?.length ?? 0) > 1 && (
          <Select
            label={t('notices.form.who')}
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
            label={t('notices.form.company')}
            placeholder={t('notices.form.companyPlaceholder')}
            value={provider}
            onChange={(e) => setProvider(e.currentTarget.value)}
            error={errors.provider}
            withAsterisk
            maxLength={80}
          />
        )}
        <TextInput
          label={incident ? t('notices.form.otherDomain') : t('notices.form.domain')}
          description={t('notices.form.domainHint')}
          value={domain}
          onChange={(e) => setDomain(e.currentTarget.value)}
          error={errors.domain}
        />
        <TextInput
          type="date"
          label={t('notices.form.date')}
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.currentTarget.value)}
          error={errors.receivedOn}
          withAsterisk
        />
        <TagsInput
          label={t('notices.form.exposed')}
          description={t('notices.form.exposedHint')}
          data={EXPOSED_CHOICES}
          value={exposed}
          onChange={setExposed}
          error={errors.exposed}
          maxTags={20}
          clearable
        />
        {(person?.emails.length ?? 0) > 0 && (
          <Select
            label={t('notices.form.sentTo')}
            placeholder={t('notices.form.sentToPlaceholder')}
            value={emailId}
            onChange={setEmailId}
            data={(person?.emails ?? []).map((e) => ({ value: String(e.id), label: e.address }))}
            clearable
            error={errors.emailId}
          />
        )}
        <Textarea
          label={t('notices.form.details')}
          description={t('notices.form.detailsHint')}
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
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('notices.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
