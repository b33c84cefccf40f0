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
import type { MessageId } from '../../../../common/messages/en';
import { useWords } from '../../app/words';

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
          {t('settings.appearance.title')}
        </Title>
        <Text size="sm" mb="sm" id="appearance-help">
          {t('settings.appearance.body')}
        </Text>
        <SegmentedControl
          w="fit-content"
          aria-labelledby="appearance-title"
          aria-describedby="appearance-help"
          data={[
            { value: 'system', label: t('settings.appearance.system') },
            { value: 'light', label: t('settings.appearance.light') },
            { value: 'dark', label: t('settings.appearance.dark') },
          ]}
          value={settings.data?.colorScheme ?? 'system'}
          disabled={!settings.data || update.isPending}
          onChange={async (value) => {
            try {
              await update.mutateAsync({ colorScheme: value as ColorSchemeChoice });
            } catch (error) {
              notifyError(error, t('settings.changeFailed'));
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
                      {t('settings.ledger.request.line', { method: entry.method, url: entry.url })}
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
          {t('settings.sources.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t('settings.sources.body')}
        </Text>
        {sources.data && !sources.data.available && (
          <Alert color="red" role="alert" mb="sm" title={t('settings.sources.failed')}>
            {t('settings.sources.failedBody', { error: sources.data.error ?? '' })}
          </Alert>
        )}
        <Table aria-label={t('settings.sources.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.sources.data')}</Table.Th>
              <Table.Th>{t('settings.sources.asOf')}</Table.Th>
              <Table.Th>{t('settings.sources.source')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(
              [
                [
                  'settings.sources.breaches',
                  sources.data?.dates?.breaches,
                  'settings.sources.breaches.source',
                  'settings.licence.ccBy',
                  'https://haveibeenpwned.com/PwnedWebsites',
                ],
                [
                  'settings.sources.twoFactor',
                  sources.data?.dates?.twoFactor,
                  'settings.sources.twoFactor.source',
                  'settings.licence.mit',
                  'https://2fa.directory/',
                ],
                [
                  'settings.sources.passkeys',
                  sources.data?.dates?.passkeys,
                  'settings.sources.passkeys.source',
                  'settings.licence.ccBy',
                  'https://passkeys.2fa.directory/',
                ],
                [
                  'settings.sources.changePassword',
                  sources.data?.dates?.changePasswordUrls,
                  'settings.sources.apple.source',
                  'settings.licence.mit',
                  'https://github.com/apple/password-manager-resources',
                ],
                [
                  'settings.sources.shared',
                  sources.data?.dates?.sharedCredentials,
                  'settings.sources.apple.source',
                  'settings.licence.mit',
                  'https://github.com/apple/password-manager-resources',
                ],
                [
                  'settings.sources.common',
                  '2019',
                  'settings.sources.common.source',
                  'settings.licence.mit',
                  'https://github.com/danielmiessler/SecLists',
                ],
              ] as const satisfies readonly (readonly [
                MessageId,
                string | null | undefined,
                MessageId,
                MessageId,
                string,
              ])[]
            ).map(([data, date, source, licence, href]) => (
              <Table.Tr key={data}>
                <Table.Td>{t(data)}</Table.Td>
                <Table.Td>{date ?? t('settings.sources.noDate')}</Table.Td>
                <Table.Td>
                  <Anchor href={href} size="sm" c="var(--ls-text-accent)" underline="always">
                    {t(source)}
                  </Anchor>{' '}
                  {t('settings.sources.licence', { licence: t(licence) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="xs">
          {t('settings.sources.online')}
        </Text>
      </Card>
    </Stack>
  );
}

function OnlineEmailCard() {
  const { t } = useWords();
  const status = useQuery({ queryKey: ['settings', 'key'], queryFn: () => call('online:keyStatus', {}) });
  const save = useChannelMutation('online:saveApiKey', ['settings']);
  const remove = useChannelMutation('online:deleteApiKey', ['settings']);
  const check = useChannelMutation('online:checkEmails', ['findings', 'people', 'ledger']);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="hibp-title">
      <Title order={3} size="h4" id="hibp-title" mb="xs">
        {t('settings.hibp.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('settings.hibp.body')}
      </Text>
      {status.data && !status.data.keychainAvailable && !status.data.hasKey && (
        <Alert color="gray" variant="outline" mb="sm">
          {t('settings.hibp.noKeychain')}
        </Alert>
      )}
      {status.data?.hasKey ? (
        <Group gap="sm">
          <Text size="sm">{t('settings.hibp.stored')}</Text>
          <Button
            variant="default"
            loading={check.isPending}
            onClick={async () => {
              try {
                const outcomes = await check.mutateAsync({});
                const found = outcomes.filter((o) => o.status === 'found');
                const failed = outcomes.filter((o) => o.status === 'failed');
                notifications.show({
                  message:
                    failed.length > 0
                      ? t('settings.hibp.foundFailed', {
                          found: found.length,
                          total: outcomes.length,
                          failed: failed.length,
                          reason: failed[0]?.reason ?? '',
                        })
                      : t('settings.hibp.found', { found: found.length, total: outcomes.length }),
                });
              } catch (failure) {
                notifyError(failure, t('settings.hibp.checkFailed'));
              }
            }}
          >
            {t('settings.hibp.check')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            onClick={() => remove.mutateAsync({}).catch((e: unknown) => notifyError(e))}
          >
            {t('settings.hibp.remove')}
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
              aria-label={t('settings.hibp.key')}
              placeholder={t('settings.hibp.keyPlaceholder')}
              value={key}
              onChange={(event) => setKey(event.currentTarget.value)}
              error={error}
              w={320}
              autoComplete="off"
            />
            <Button type="submit" variant="default" loading={save.isPending}>
              {t('settings.hibp.save')}
            </Button>
          </Group>
        </form>
      )}
    </Card>
  );
}

function RefreshCard() {
  const { t, list } = useWords();
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
        {t('settings.refresh.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('settings.refresh.body', { date: sources.data?.dates?.breaches ?? t('settings.refresh.unknown') })}
      </Text>
      <Button
        variant="default"
        loading={refresh.isPending}
        onClick={async () => {
          try {
            setResult(await refresh.mutateAsync({}));
            await client.invalidateQueries({ queryKey: ['data-sources'] });
          } catch (failure) {
            notifyError(failure, t('settings.refresh.failed'));
          }
        }}
      >
        {t('settings.refresh.now')}
      </Button>
      {result && (
        <Text size="sm" mt="sm" role="status">
          {result.refreshed.length > 0 && t('settings.refresh.updated', { datasets: list(result.refreshed) })}
          {result.refreshed.length > 0 && result.failed.length > 0 && ' '}
          {result.failed.length > 0 &&
            t('settings.refresh.someFailed', {
              datasets: list(
                result.failed.map((f) =>
                  t('settings.refresh.datasetFailed', { dataset: f.dataset, reason: f.reason }),
                ),
              ),
              date: sources.data?.dates?.breaches ?? t('settings.refresh.before'),
            })}
        </Text>
      )}
    </Card>
  );
}

function HelperCard() {
  const { t } = useWords();
  const settings = useSettings();
  const update = useChannelMutation('settings:update', ['settings']);
  const [name, setName] = useState<string | null>(null);
  const value = name ?? settings.data?.helperName ?? '';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="helper-title">
      <Title order={3} size="h4" id="helper-title" mb="xs">
        {t('settings.helper.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('settings.helper.body')}
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
                ? t('settings.helper.named', { name: value.trim() })
                : t('settings.helper.person'),
            });
          } catch (error) {
            notifyError(error, t('settings.helper.saveFailed'));
          }
        }}
      >
        <Group gap="sm" align="flex-start">
          <TextInput
            aria-label={t('settings.helper.name')}
            placeholder={t('settings.helper.placeholder')}
            value={value}
            onChange={(e) => setName(e.currentTarget.value)}
            w={260}
          />
          <Button type="submit" variant="default" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function OfflineIndexCard() {
  const { t } = useWords();
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
        {t('settings.offline.title')}
      </Title>
      <Text size="sm" mb="xs">
        {t('settings.offline.body')}
      </Text>
      <Stack mb="sm">
        <HowThisWorks>{t('settings.offline.how')}</HowThisWorks>
      </Stack>
      {data?.installed && data.info && (
        <Text size="sm" mb="sm" role="status">
          {t('settings.offline.installed', {
            date: data.info.builtAt.slice(0, 10),
            count: data.info.entries,
            size: (data.info.bytes / 1e9).toFixed(2),
          })}
        </Text>
      )}
      {data?.problem && (
        <Alert color="red" role="alert" mb="sm" title={t('settings.offline.unavailable')}>
          {t('settings.offline.problem', { problem: data.problem })}
        </Alert>
      )}
      {building ? (
        <Stack gap="xs">
          <Progress value={percent} aria-label={t('settings.offline.progress')} animated />
          <Text size="sm" aria-live="polite">
            {building.secondsLeft !== null
              ? t('settings.offline.linesLeft', {
                  count: building.linesDone,
                  percent,
                  minutes: Math.ceil(building.secondsLeft / 60),
                })
              : t('settings.offline.lines', { count: building.linesDone, percent })}
          </Text>
          <Button variant="default" w="fit-content" onClick={() => void act('pwnedIndex:cancel')}>
            {t('common.cancel')}
          </Button>
        </Stack>
      ) : (
        <Group gap="sm">
          <Button variant="default" onClick={() => void act('pwnedIndex:build', false)}>
            {t('settings.offline.fromFile')}
          </Button>
          <Button variant="default" onClick={() => void act('pwnedIndex:build', true)}>
            {t('settings.offline.fromFolder')}
          </Button>
          {data?.installed && (
            <>
              <Button variant="subtle" onClick={() => void act('pwnedIndex:verify')}>
                {t('settings.offline.verify')}
              </Button>
              <Button variant="subtle" color="red" onClick={() => void act('pwnedIndex:remove')}>
                {t('settings.offline.remove')}
              </Button>
            </>
          )}
        </Group>
      )}
    </Card>
  );
}
