import { Alert, Anchor, Card, Group, Loader, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { messageOf } from '../../api/client';
import classes from '../../components/Screen.module.css';
import { useChannelMutation, useLedger, useSettings } from '../../api/hooks';
import { notifyError } from '../../app/notify';

/** Online features (off by default) with the ledger of every request, and where the data comes from. */
export function SettingsScreen() {
  const settings = useSettings();
  const ledger = useLedger();
  const update = useChannelMutation('settings:update', ['settings']);

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
        <Group gap="xs">
          <Text size="sm">
            Common passwords: the UK NCSC list of the 100,000 most common passwords in Have I Been Pwned
            (2019), via{' '}
            <Anchor href="https://github.com/danielmiessler/SecLists" size="sm">
              SecLists
            </Anchor>{' '}
            (MIT). Online checks:{' '}
            <Anchor href="https://haveibeenpwned.com/Passwords" size="sm">
              Pwned Passwords
            </Anchor>{' '}
            by Troy Hunt.
          </Text>
        </Group>
      </Card>
    </Stack>
  );
}
