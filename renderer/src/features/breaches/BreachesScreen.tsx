import { format, useWords } from '../../app/words';
import { useDeferredValue, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { suggestCategory, suggestCriticality } from '../../../../common/domain/inventory';
import type { BreachSummary } from '../../../../common/ipc/contract';
import { call, messageOf } from '../../api/client';
import { useChannelMutation, useDataSources, useEmailBreaches, usePeople } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import classes from '../../components/Screen.module.css';
import { NoticesPanel } from './NoticesPanel';

/** Search the public breach catalogue: "I got a breach notice from …". */
export function BreachesScreen() {
  const { t } = useWords();
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const sources = useDataSources();
  const results = useQuery({
    queryKey: ['breaches', deferred],
    queryFn: () => call('breaches:search', { text: deferred, limit: 60 }),
  });
  const [selected, setSelected] = useState<BreachSummary | null>(null);
  const [searchParams] = useSearchParams();
  const [tab, setTab] = useState<'catalogue' | 'notices'>(
    searchParams.get('view') === 'notices' ? 'notices' : 'catalogue',
  );
  const current = selected ?? results.data?.[0] ?? null;

  return (
    <Stack gap="md" className={classes.scroll}>
      <div>
        <Title order={2}>{t('nav.breaches')}</Title>
        <Text c="dimmed" size="sm">
          {sources.data?.dates?.breaches
            ? t('breaches.introDated', { date: sources.data.dates.breaches })
            : t('breaches.intro')}
        </Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setTab(value === 'notices' ? 'notices' : 'catalogue')}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('breaches.views')}>
          <Tabs.Tab value="catalogue">{t('breaches.tab.catalogue')}</Tabs.Tab>
          <Tabs.Tab value="notices">{t('breaches.tab.notices')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'notices' && <NoticesPanel />}
      {tab === 'catalogue' && sources.data && !sources.data.available && (
        <Alert color="red" title={t('breaches.catalogueFailed')} role="alert">
          {t('breaches.catalogueFailedBody', { error: sources.data.error ?? '' })}
        </Alert>
      )}
      {tab === 'catalogue' && (
        <>
          <TextInput
            aria-label={t('breaches.search')}
            placeholder={t('breaches.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setSelected(null);
            }}
            maw={520}
          />
          {results.isError && (
            <Alert color="red" role="alert">
              {messageOf(results.error)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap={6} role="list" aria-label={t('breaches.results')}>
              {results.isPending && <Loader size="sm" aria-label={t('breaches.searching')} />}
              {results.data?.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('breaches.noMatch', { text: deferred })}
                </Text>
              )}
              {results.data?.map((breach) => (
                <UnstyledButton
                  key={breach.name}
                  role="listitem"
                  onClick={() => setSelected(breach)}
                  aria-current={current?.name === breach.name ? 'true' : undefined}
                  style={{
                    padding: '8px 12px',
                    borderRadius: 8,
                    border: '1px solid var(--ls-border)',
                    background: current?.name === breach.name ? 'var(--ls-selected)' : undefined,
                  }}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600} size="sm" truncate title={breach.title}>
                        {breach.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('breaches.resultDetail', {
                          domain: breach.domain ?? t('breaches.noDomain'),
                          date: breach.breachDate ?? t('breaches.dateUnknown'),
                        })}
                      </Text>
                    </div>
                    <Text size="xs" c="dimmed">
                      {format('count.accounts', { count: breach.pwnCount })}
                    </Text>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
            {current && <BreachDetails breach={current} />}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function BreachDetails({ breach }: { breach: BreachSummary }) {
  const { t } = useWords();
  const people = usePeople();
  const marks = useEmailBreaches();
  const create = useChannelMutation('accounts:create', ['accounts', 'people', 'findings']);
  const mark = useChannelMutation('emails:markBreach', ['people', 'findings']);
  const [emailId, setEmailId] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const emails = (people.data ?? []).flatMap((p) =>
    p.emails.map((e) => ({
      value: String(e.id),
      label: t('breaches.addressOf', { address: e.address, name: p.name }),
    })),
  );
  const marked = new Set(
    (marks.data ?? []).filter((m) => m.breachName === breach.name).map((m) => String(m.emailId)),
  );
  const me = people.data?.find((p) => p.isDefault) ?? people.data?.[0];

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-label={t('breaches.card', { title: breach.title })}
    >
      <Title order={3} size="h4" mb={4}>
        {breach.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {format('breaches.detail', {
          date: breach.breachDate ?? format('breaches.unknownDate'),
          count: breach.pwnCount,
          added: breach.addedDate.slice(0, 10),
        })}
      </Text>
      <Group gap={6} mb="sm">
        {breach.dataClasses.map((dataClass) => (
          <Badge key={dataClass} variant="outline" color="gray" tt="none">
            {dataClass}
          </Badge>
        ))}
        {breach.isSpamList && <Badge color="gray">{t('breaches.spamList')}</Badge>}
        {breach.isFabricated && <Badge color="gray">{t('breaches.fabricated')}</Badge>}
        {breach.isRetired && <Badge color="gray">{t('breaches.retired')}</Badge>}
      </Group>
      {/* Have I Been Pwned's own description: the dataset's English, whatever Lockstep's words. */}
      <Text
        size="sm"
        mb="md"
        style={{ whiteSpace: 'pre-line' }}
        lang={breach.descriptionText ? 'en' : undefined}
      >
        {breach.descriptionText || t('breaches.noDescription')}
      </Text>
      <Text size="xs" c="dimmed" mb="md">
        {t('breaches.source')}{' '}
        <Anchor
          href={`https://haveibeenpwned.com/PwnedWebsites#${encodeURIComponent(breach.name)}`}
          size="xs"
          c="var(--ls-text-accent)"
          underline="always"
        >
          {t('breaches.hibp')}
        </Anchor>{' '}
        {t('breaches.licence')}
      </Text>
      <Stack gap="sm">
        {breach.domain && me && (
          <Group gap="sm">
            <Button
              variant="default"
              loading={create.isPending}
              onClick={async () => {
                try {
                  const category = suggestCategory(breach.domain) ?? 'other';
                  await create.mutateAsync({
                    personId: me.id,
                    service: breach.title,
                    url: `https://${breach.domain}`,
                    username: '',
                    category,
                    criticality: suggestCriticality(category),
                    mfa: 'unknown',
                    passwordChangedAt: '',
                    recoveryReviewedAt: '',
                    notes: '',
                  });
                  setAdded(breach.name);
                } catch (error) {
                  notifyError(error, t('breaches.addFailed'));
                }
              }}
            >
              {t('breaches.haveAccount')}
            </Button>
            {added === breach.name && (
              <Text size="sm" role="status">
                {t('breaches.added')}
              </Text>
            )}
          </Group>
        )}
        {emails.length > 0 ? (
          <Group gap="sm" align="flex-end">
            <Select
              label={t('breaches.concernsMe')}
              placeholder={t('breaches.chooseAddress')}
              data={emails}
              value={emailId}
              onChange={setEmailId}
              w={320}
            />
            <Button
              variant="default"
              disabled={!emailId || marked.has(emailId)}
              loading={mark.isPending}
              onClick={async () => {
                if (!emailId) return;
                try {
                  await mark.mutateAsync({ emailId: Number(emailId), breachName: breach.name });
                } catch (error) {
                  notifyError(error, t('breaches.recordFailed'));
                }
              }}
            >
              {emailId && marked.has(emailId) ? t('breaches.recorded') : t('breaches.record')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('breaches.addAddresses')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
