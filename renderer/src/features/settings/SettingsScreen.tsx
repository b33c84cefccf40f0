import { Alert, Anchor, Card, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { messageOf } from '../../api/client';
import classes from '../../components/Screen.module.css';
import { useChannelMutation, useDataSources, useLedger, useSettings } from '../../api/hooks';
import { notifyError } from '../../app/notify';

/** Online features (off by default) with the ledger of every request, and where the data comes from. */
export function SettingsScreen() {
  const settings = useSettings();
  const ledger = useLedger();
  const update = useChannelMutation('settings:update', ['settings']);
  const sources = useDataSources();

  return (
    <Stack gap="lg" className={classes.scroll}>
      <div>
        <Title order={2}>Settings</Title>
        <Text c="dimmed" size="sm">
          Lockstep works offline. Anything online is off until you turn it on, and every request is listed
          below.
        </Text>
      </div>

      <Card withBorder padding="lg" component="section" aria-labelledby="online-title">
        <Title order={3} size="h4" id="online-title" mb="xs">
          Online breached-password check
        </Title>
        <Text size="sm" mb="sm">
          Checks imported passwords against the full Have I Been Pwned corpus (over a billion leaked
          passwords). Only the first 5 characters of each password’s SHA-1 hash are sent — never the password,
          never the whole hash — and the answer lists hundreds of hashes, so the service cannot tell which
          password you have (k-anonymity). It runs at the next import.
        </Text>
        {settings.isPending ? (
          <Loader size="sm" aria-label="Loading settings" />
        ) : settings.isError ? (
          <Alert color="red" role="alert">
            {messageOf(settings.error)}
          </Alert>
        ) : (
          <Switch
            label="Check passwords online with Have I Been Pwned"
            checked={settings.data.onlinePwnedCheck}
            disabled={update.isPending}
            onChange={async (event) => {
              try {
                await update.mutateAsync({ onlinePwnedCheck: event.currentTarget.checked });
              } catch (error) {
                notifyError(error, 'Could not change the setting');
              }
            }}
          />
        )}
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="ledger-title">
        <Title order={3} size="h4" id="ledger-title" mb="xs">
          Network ledger
        </Title>
        <Text size="sm" mb="sm">
          Every request Lockstep has made, with exactly what it sent.
        </Text>
        {ledger.data && ledger.data.length === 0 && (
          <Text size="sm" c="dimmed">
            No requests yet: nothing has left this computer.
          </Text>
        )}
        {ledger.data && ledger.data.length > 0 && (
          <Table striped aria-label="Network requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Request</Table.Th>
                <Table.Th>What was sent</Table.Th>
                <Table.Th>Outcome</Table.Th>
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
              ['Known breaches', sources.data?.dates?.breaches, 'Have I Been Pwned (haveibeenpwned.com)', 'CC BY 4.0', 'https://haveibeenpwned.com/PwnedWebsites'],
              ['Two-step sign-in directory', sources.data?.dates?.twoFactor, '2factorauth/twofactorauth (2fa.directory)', 'MIT', 'https://2fa.directory/'],
              ['Passkeys directory', sources.data?.dates?.passkeys, '2factorauth/passkeys', 'CC BY 4.0', 'https://passkeys.2fa.directory/'],
              ['Change-password pages', sources.data?.dates?.changePasswordUrls, 'apple/password-manager-resources', 'MIT', 'https://github.com/apple/password-manager-resources'],
              ['Shared sign-ins', sources.data?.dates?.sharedCredentials, 'apple/password-manager-resources', 'MIT', 'https://github.com/apple/password-manager-resources'],
              ['Common passwords', '2019', 'UK NCSC PwnedPasswordsTop100k, via SecLists', 'MIT', 'https://github.com/danielmiessler/SecLists'],
            ].map(([data, date, source, licence, href]) => (
              <Table.Tr key={data}>
                <Table.Td>{data}</Table.Td>
                <Table.Td>{date ?? '—'}</Table.Td>
                <Table.Td>
                  <Anchor href={href ?? undefined} size="sm" c="teal.9">
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
