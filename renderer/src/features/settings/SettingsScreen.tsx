import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  PasswordInput,
  Progress,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ColorSchemeChoice } from '../../../../common/model/index';
import { ApiError, call, messageOf } from '../../api/client';
import classes from '../../components/Screen.module.css';
import { useChannelMutation, useDataSources, useLedger, useSettings } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { DataSafetySection } from '../dataSafety/DataSafetySection';
import { HowThisWorks } from '../../components/HowThisWorks';
import { format, useWords } from '../../app/words';

/** Online features (off by default) with the ledger of every request, and where the data comes from. */
export function SettingsScreen() {
  const { t } = useWords();
  const settings = useSettings();
  const ledger = useLedger();
  const update = useChannelMutation('settings:update', ['settings']);
  const sources = useDataSources();

  return (
    <Stack gap="lg" className={classes.scroll}>
      <div>
        <Title order={2}>{t('nav.settings')}</Title>
        <Text c="dimmed" size="sm">
          {t('settings.intro')}
        </Text>
      </div>

      <Card withBorder padding="lg" component="section" aria-labelledby="online-title">
        <Title order={3} size="h4" id="online-title" mb="xs">
          {t('settings.online.title')}
        </Title>
        <Text size="sm" mb="xs">
          {t('settings.online.body')}
        </Text>
        <Stack mb="sm">
          <HowThisWorks>{t('settings.online.how')}</HowThisWorks>
        </Stack>
        {settings.isPending ? (
          <Loader size="sm" aria-label={t('settings.loading')} />
        ) : settings.isError ? (
          <Alert color="red" role="alert">
            {messageOf(settings.error)}
          </Alert>
        ) : (
          <Switch
            label={t('settings.online.switch')}
            checked={settings.data.onlinePwnedCheck}
            disabled={update.isPending}
            onChange={async (event) => {
              try {
                await update.mutateAsync({ onlinePwnedCheck: event.currentTarget.checked });
              } catch (error) {
                notifyError(error, t('settings.changeFailed'));
              }
            }}
          />
        )}
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="appearance-title">
        <Title order={3} size="h4" id="appearance-title" mb="xs">
          Appearance
        </Title>
        <Text size="sm" mb="sm" id="appearance-help">
          Light or dark colours. System follows your computer’s setting.
        </Text>
        <SegmentedControl
          w="fit-content"
          aria-labelledby="appearance-title"
          aria-describedby="appearance-help"
          data={[
            { value: 'system', label: 'System' },
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
          value={settings.data?.colorScheme ?? 'system'}
          disabled={!settings.data || update.isPending}
          onChange={async (value) => {
            try {
              await update.mutateAsync({ colorScheme: value as ColorSchemeChoice });
            } catch (error) {
              notifyError(error, 'Could not change the setting');
            }
          }}
        />
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="reminders-title">
        <Title order={3} size="h4" id="reminders-title" mb="xs">
          {t('settings.reminders.title')}
        </Title>
        <Switch
          label={t('settings.reminders.switch')}
          checked={settings.data?.reminders ?? true}
          disabled={!settings.data || update.isPending}
          onChange={async (event) => {
            try {
              await update.mutateAsync({ reminders: event.currentTarget.checked });
            } catch (error) {
              notifyError(error, t('settings.changeFailed'));
            }
          }}
        />
      </Card>

      <DataSafetySection />

      <OfflineIndexCard />

      <HelperCard />

      <OnlineEmailCard />
      <RefreshCard />

      <Card withBorder padding="lg" component="section" aria-labelledby="ledger-title">
        <Title order={3} size="h4" id="ledger-title" mb="xs">
          {t('settings.ledger.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t('settings.ledger.body')}
        </Text>
        {ledger.data && ledger.data.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('settings.ledger.none')}
          </Text>
        )}
        {ledger.data && ledger.data.length > 0 && (
          <Table striped aria-label={t('settings.ledger.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.ledger.when')}</Table.Th>
                <Table.Th>{t('settings.ledger.request')}</Table.Th>
                <Table.Th>{t('settings.ledger.sent')}</Table.Th>
                <Table.Th>{t('settings.ledger.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ledger.data.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{new Date(entry.at).toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {entry.method} {entry.url}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {entry.purpose}
                    </Text>
                  </Table.Td>
                  <Table.Td>{entry.sent}</Table.Td>
                  <Table.Td>{entry.outcome}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="sources-title">
        <Title order={3} size="h4" id="sources-title" mb="xs">
          Data sources
        </Title>
        <Text size="sm" mb="sm">
          Lockstep ships these public datasets and checks against them on this computer.
        </Text>
        {sources.data && !sources.data.available && (
          <Alert color="red" role="alert" mb="sm" title="The datasets could not be loaded">
            Breach and two-step checks cannot run until this is fixed. {sources.data.error}
          </Alert>
        )}
        <Table aria-label="Data sources">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Data</Table.Th>
              <Table.Th>As of</Table.Th>
              <Table.Th>Source and licence</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[
              [
                'Known breaches',
                sources.data?.dates?.breaches,
                'Have I Been Pwned (haveibeenpwned.com)',
                'CC BY 4.0',
                'https://haveibeenpwned.com/PwnedWebsites',
              ],
              [
                'Two-step sign-in directory',
                sources.data?.dates?.twoFactor,
                '2factorauth/twofactorauth (2fa.directory)',
                'MIT',
                'https://2fa.directory/',
              ],
              [
                'Passkeys directory',
                sources.data?.dates?.passkeys,
                '2factorauth/passkeys',
                'CC BY 4.0',
                'https://passkeys.2fa.directory/',
              ],
              [
                'Change-password pages',
                sources.data?.dates?.changePasswordUrls,
                'apple/password-manager-resources',
                'MIT',
                'https://github.com/apple/password-manager-resources',
              ],
              [
                'Shared sign-ins',
                sources.data?.dates?.sharedCredentials,
                'apple/password-manager-resources',
                'MIT',
                'https://github.com/apple/password-manager-resources',
              ],
              [
                'Common passwords',
                '2019',
                'UK NCSC PwnedPasswordsTop100k, via SecLists',
                'MIT',
                'https://github.com/danielmiessler/SecLists',
              ],
            ].map(([data, date, source, licence, href]) => (
              <Table.Tr key={data}>
                <Table.Td>{data}</Table.Td>
                <Table.Td>{date ?? '—'}</Table.Td>
                <Table.Td>
                  <Anchor href={href ?? undefined} size="sm" c="var(--ls-text-accent)" underline="always">
                    {source}
                  </Anchor>{' '}
                  ({licence})
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="xs">
          Online checks, when you turn them on: Pwned Passwords by Troy Hunt (haveibeenpwned.com).
        </Text>
      </Card>
    </Stack>
  );
}

function OnlineEmailCard() {
  const status = useQuery({ queryKey: ['settings', 'key'], queryFn: () => call('online:keyStatus', {}) });
  const save = useChannelMutation('online:saveApiKey', ['settings']);
  const remove = useChannelMutation('online:deleteApiKey', ['settings']);
  const check = useChannelMutation('online:checkEmails', ['findings', 'people', 'ledger']);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="hibp-title">
      <Title order={3} size="h4" id="hibp-title" mb="xs">
        Email search with Have I Been Pwned
      </Title>
      <Text size="sm" mb="sm">
        Looks up your email addresses in every breach Have I Been Pwned knows, with your own API key (from
        haveibeenpwned.com/API/Key). The addresses themselves are sent; the key is kept only in your system
        keychain, never in Lockstep&apos;s data file.
      </Text>
      {status.data && !status.data.keychainAvailable && !status.data.hasKey && (
        <Alert color="gray" variant="outline" mb="sm">
          The system keychain is not available here, so Lockstep cannot keep an API key. You can still record
          breach notices by hand on the Breaches screen.
        </Alert>
      )}
      {status.data?.hasKey ? (
        <Group gap="sm">
          <Text size="sm">An API key is stored in the keychain.</Text>
          <Button
            variant="default"
            loading={check.isPending}
            onClick={async () => {
              try {
                const outcomes = await check.mutateAsync({});
                const found = outcomes.filter((o) => o.status === 'found');
                const failed = outcomes.filter((o) => o.status === 'failed');
                notifications.show({
                  message: `${found.length} of ${outcomes.length} addresses are in breaches.${failed.length ? ` ${failed.length} could not be checked (${failed[0]?.reason}) — that is not the same as safe.` : ''}`,
                });
              } catch (failure) {
                notifyError(failure, 'Could not check the addresses');
              }
            }}
          >
            Check my addresses now
          </Button>
          <Button
            variant="subtle"
            color="red"
            onClick={() => remove.mutateAsync({}).catch((e: unknown) => notifyError(e))}
          >
            Remove the key
          </Button>
        </Group>
      ) : (
        <form
          noValidate
          onSubmit={async (event) => {
            event.preventDefault();
            try {
              await save.mutateAsync({ key });
              setKey('');
              setError(null);
            } catch (failure) {
              setError(
                failure instanceof ApiError
                  ? (failure.fieldErrors.key ?? failure.message)
                  : messageOf(failure),
              );
            }
          }}
        >
          <Group gap="sm" align="flex-start">
            <PasswordInput
              aria-label="Have I Been Pwned API key"
              placeholder="32 characters"
              value={key}
              onChange={(event) => setKey(event.currentTarget.value)}
              error={error}
              w={320}
              autoComplete="off"
            />
            <Button type="submit" variant="default" loading={save.isPending}>
              Save key
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}

function RefreshCard() {
  const refresh = useChannelMutation('online:refreshData', ['findings', 'ledger', 'settings']);
  const client = useQueryClient();
  const sources = useDataSources();
  const [result, setResult] = useState<{
    refreshed: string[];
    failed: { dataset: string; reason: string }[];
  } | null>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="refresh-title">
      <Title order={3} size="h4" id="refresh-title" mb="xs">
        Refresh the public data
      </Title>
      <Text size="sm" mb="sm">
        Downloads the latest breach catalogue (Have I Been Pwned) and two-step and passkey directories
        (2fa.directory). Nothing about you is sent. Breach data in use:{' '}
        {sources.data?.dates?.breaches ?? 'unknown'}.
      </Text>
      <Button
        variant="default"
        loading={refresh.isPending}
        onClick={async () => {
          try {
            setResult(await refresh.mutateAsync({}));
            await client.invalidateQueries({ queryKey: ['data-sources'] });
          } catch (failure) {
            notifyError(failure, 'Could not refresh');
          }
        }}
      >
        Refresh now
      </Button>
      {result && (
        <Text size="sm" mt="sm" role="status">
          {result.refreshed.length > 0 ? `Updated: ${result.refreshed.join(', ')}. ` : ''}
          {result.failed.length > 0
            ? `Refresh failed for ${result.failed.map((f) => `${f.dataset} (${f.reason})`).join(', ')}; using the data from ${sources.data?.dates?.breaches ?? 'before'}.`
            : ''}
        </Text>
      )}
    </Card>
  );
}

function HelperCard() {
  const settings = useSettings();
  const update = useChannelMutation('settings:update', ['settings']);
  const [name, setName] = useState<string | null>(null);
  const value = name ?? settings.data?.helperName ?? '';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="helper-title">
      <Title order={3} size="h4" id="helper-title" mb="xs">
        Helping someone?
      </Title>
      <Text size="sm" mb="sm">
        If you are a helpdesk agent or volunteer working on someone else&apos;s accounts, give your name:
        every change is then recorded in the history as yours. Leave it empty when it is the person
        themselves.
      </Text>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            await update.mutateAsync({ helperName: value });
            setName(null);
            notifications.show({
              message: value.trim()
                ? `Changes are now recorded as made by ${value.trim()}.`
                : 'Changes are recorded as made by the person.',
            });
          } catch (error) {
            notifyError(error, 'Could not save the name');
          }
        }}
      >
        <Group gap="sm" align="flex-start">
          <TextInput
            aria-label="Helper's name"
            placeholder="e.g. Sam (IT)"
            value={value}
            onChange={(e) => setName(e.currentTarget.value)}
            w={260}
          />
          <Button type="submit" variant="default" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function OfflineIndexCard() {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['settings', 'pwned-index'],
    queryFn: () => call('pwnedIndex:status', {}),
    refetchInterval: (query) => (query.state.data?.building ? 1000 : false),
  });
  const act = async (
    channel: 'pwnedIndex:build' | 'pwnedIndex:cancel' | 'pwnedIndex:verify' | 'pwnedIndex:remove',
    folder = false,
  ) => {
    try {
      const next = channel === 'pwnedIndex:build' ? await call(channel, { folder }) : await call(channel, {});
      client.setQueryData(['settings', 'pwned-index'], next);
    } catch (error) {
      notifyError(error);
    }
  };
  const data = status.data;
  const building = data?.building;
  const percent =
    building && building.bytesTotal > 0 ? Math.round((100 * building.bytesDone) / building.bytesTotal) : 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="offline-index-title">
      <Title order={3} size="h4" id="offline-index-title" mb="xs">
        {format('settings.offline.title')}
      </Title>
      <Text size="sm" mb="xs">
        {format('settings.offline.body')}
      </Text>
      <Stack mb="sm">
        <HowThisWorks>{format('settings.offline.how')}</HowThisWorks>
      </Stack>
      {data?.installed && data.info && (
        <Text size="sm" mb="sm" role="status">
          Installed: the corpus as of {data.info.builtAt.slice(0, 10)}, {data.info.entries.toLocaleString()}{' '}
          passwords, {(data.info.bytes / 1e9).toFixed(2)} GB.
        </Text>
      )}
      {data?.problem && (
        <Alert color="red" role="alert" mb="sm" title="Offline corpus unavailable">
          {data.problem} Imports fall back to the bundled list (and the online check, if on); nothing is
          reported as safe.
        </Alert>
      )}
      {building ? (
        <Stack gap="xs">
          <Progress value={percent} aria-label="Index build progress" animated />
          <Text size="sm" aria-live="polite">
            {building.linesDone.toLocaleString()} lines read ({percent}%)
            {building.secondsLeft !== null ? `, about ${Math.ceil(building.secondsLeft / 60)} min left` : ''}.
          </Text>
          <Button variant="default" w="fit-content" onClick={() => void act('pwnedIndex:cancel')}>
            Cancel
          </Button>
        </Stack>
      ) : (
        <Group gap="sm">
          <Button variant="default" onClick={() => void act('pwnedIndex:build', false)}>
            Build from a downloaded file…
          </Button>
          <Button variant="default" onClick={() => void act('pwnedIndex:build', true)}>
            Build from a folder of files…
          </Button>
          {data?.installed && (
            <>
              <Button variant="subtle" onClick={() => void act('pwnedIndex:verify')}>
                Check the index
              </Button>
              <Button variant="subtle" color="red" onClick={() => void act('pwnedIndex:remove')}>
                Remove it
              </Button>
            </>
          )}
        </Group>
      )}
    </Card>
  );
}
