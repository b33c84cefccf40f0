import { format } from '../../app/words';
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
        <Title order={2}>Breaches</Title>
        <Text c="dimmed" size="sm">
          Got a breach notice, or wondering about a site? Search the public catalogue of known breaches
          {sources.data?.dates?.breaches
            ? ` (Have I Been Pwned, data as of ${sources.data.dates.breaches})`
            : ''}
          .
        </Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setTab(value === 'notices' ? 'notices' : 'catalogue')}
        keepMounted={false}
      >
        <Tabs.List aria-label="Breach views">
          <Tabs.Tab value="catalogue">Breach catalogue</Tabs.Tab>
          <Tabs.Tab value="notices">Notices you received</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'notices' && <NoticesPanel />}
      {tab === 'catalogue' && sources.data && !sources.data.available && (
        <Alert color="red" title="The breach catalogue could not be loaded" role="alert">
          Nothing was checked against it. {sources.data.error}
        </Alert>
      )}
      {tab === 'catalogue' && (
        <>
          <TextInput
            aria-label="Search breaches"
            placeholder="Company name or web address, e.g. LinkedIn or adobe.com"
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
            <Stack gap={6} role="list" aria-label="Breach results">
              {results.isPending && <Loader size="sm" aria-label="Searching" />}
              {results.data?.length === 0 && (
                <Text size="sm" c="dimmed">
                  No breach in the catalogue matches “{deferred}”. Not being listed does not mean a site was
                  never breached.
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
                      <Text fw={600} size="sm" truncate>
                        {breach.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {breach.domain ?? 'no web address'} · {breach.breachDate ?? 'date unknown'}
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
  const people = usePeople();
  const marks = useEmailBreaches();
  const create = useChannelMutation('accounts:create', ['accounts', 'people', 'findings']);
  const mark = useChannelMutation('emails:markBreach', ['people', 'findings']);
  const [emailId, setEmailId] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const emails = (people.data ?? []).flatMap((p) =>
    p.emails.map((e) => ({ value: String(e.id), label: `${e.address} (${p.name})` })),
  );
  const marked = new Set(
    (marks.data ?? []).filter((m) => m.breachName === breach.name).map((m) => String(m.emailId)),
  );
  const me = people.data?.find((p) => p.isDefault) ?? people.data?.[0];

  return (
    <Card withBorder padding="lg" component="section" aria-label={`${breach.title} breach`}>
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
        {breach.isSpamList && <Badge color="gray">Spam list</Badge>}
        {breach.isFabricated && <Badge color="gray">Fabricated</Badge>}
        {breach.isRetired && <Badge color="gray">Retired</Badge>}
      </Group>
      <Text size="sm" mb="md" style={{ whiteSpace: 'pre-line' }}>
        {breach.descriptionText || 'No description.'}
      </Text>
      <Text size="xs" c="dimmed" mb="md">
        Source:{' '}
        <Anchor
          href={`https://haveibeenpwned.com/PwnedWebsites#${encodeURIComponent(breach.name)}`}
          size="xs"
          c="var(--ls-text-accent)"
          underline="always"
        >
          Have I Been Pwned
        </Anchor>{' '}
        (CC BY 4.0)
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
                  notifyError(error, 'Could not add the account');
                }
              }}
            >
              I have an account here
            </Button>
            {added === breach.name && (
              <Text size="sm" role="status">
                Added to your accounts. Its findings are on the Exposure screen.
              </Text>
            )}
          </Group>
        )}
        {emails.length > 0 ? (
          <Group gap="sm" align="flex-end">
            <Select
              label="This breach concerns my address"
              placeholder="Choose an address"
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
                  notifyError(error, 'Could not record it');
                }
              }}
            >
              {emailId && marked.has(emailId) ? 'Recorded' : 'Record it'}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            Add your email addresses on the People screen to record which breaches concern them.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
