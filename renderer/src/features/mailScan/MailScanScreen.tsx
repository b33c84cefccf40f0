import { format } from '../../app/words';
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Progress,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { MailScanStatus, MailScanSummary } from '../../../../common/ipc/contract';
import { call, messageOf } from '../../api/client';
import { queryKeys, usePeople } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { ToneBadge } from '../../components/Badges';
import classes from '../../components/Screen.module.css';

const STATUS = {
  running: { tone: 'teal', words: 'Scanning' },
  paused: { tone: 'yellow', words: 'Paused' },
  finished: { tone: 'teal', words: 'Finished' },
  failed: { tone: 'red', words: 'Stopped' },
} as const;

const megabytes = (bytes: number) =>
  `${(bytes / 2 ** 20).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/**
 * Scan a mailbox export for what someone who read the mail could use: pick a file or folder (through
 * the app's own dialog: the window never names a path), watch it, cancel and resume it, and read an
 * honest summary — what was read, what could not be, what was looked for.
 */
export function MailScanScreen() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const fromRun = Number(searchParams.get('run')) || null;
  const people = usePeople();
  const [personId, setPersonId] = useState<string | null>(null);
  const status = useQuery({
    queryKey: [...queryKeys.mail, 'status'],
    queryFn: () => call('mailScan:status', {}),
    refetchInterval: (query) => (query.state.data?.running ? 500 : false),
  });
  const person =
    personId ?? String((people.data ?? []).find((p) => p.isDefault)?.id ?? people.data?.[0]?.id ?? '');
  const show = (next: MailScanStatus) => client.setQueryData([...queryKeys.mail, 'status'], next);
  const act = async (
    action: () => Promise<MailScanStatus | { started: boolean; status: MailScanStatus }>,
  ) => {
    try {
      const next = await action();
      show('status' in next ? next.status : next);
      void client.invalidateQueries({ queryKey: queryKeys.findings });
      void client.invalidateQueries({ queryKey: queryKeys.tasks });
    } catch (error) {
      notifyError(error, 'The scan could not start');
    }
  };
  const start = (source: 'file' | 'folder') =>
    act(() => call('mailScan:start', { personId: Number(person), source }));
  const data = status.data;
  const running = data?.running ?? null;

  return (
    <Stack gap="md" className={classes.scroll}>
      <div>
        {fromRun && (
          <Anchor
            component="button"
            size="sm"
            c="var(--ls-text-accent)"
            onClick={() => void navigate(`/guides/run/${fromRun}`)}
          >
            ← Back to the guide
          </Anchor>
        )}
        <Title order={2}>Scan a mailbox</Title>
        <Text c="dimmed" size="sm">
          When the company holding your email is breached, what matters is what the mail contained. Lockstep
          reads an export of the mailbox on this computer and lists the passwords, keys, tokens, backup codes,
          card and bank numbers, reset links and sensitive attachments in it — each as a finding with a task
          to replace it. The secrets and the mail are never kept or sent anywhere: only what kind of secret,
          when and how often it was seen, and a masked description.
        </Text>
      </div>

      <Card withBorder padding="lg" component="section" aria-labelledby="mail-scan-start">
        <Title order={3} size="h4" id="mail-scan-start" mb="xs">
          Scan an export
        </Title>
        <Text size="sm" mb="sm">
          Works with an mbox file (Gmail Takeout, Thunderbird, Apple Mail’s .mbox folders) or a folder of .eml
          files. Outlook’s .pst files cannot be read yet: in Thunderbird, import the Outlook mail and scan its
          profile folder, or drag the messages out of Outlook into a folder (each becomes an .eml file).
        </Text>
        <Group align="flex-end" gap="sm">
          {(people.data?.length ?? 0) > 1 && (
            <Select
              label="Whose mail is it?"
              data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              value={person}
              onChange={setPersonId}
              allowDeselect={false}
              w={220}
            />
          )}
          <Button onClick={() => void start('file')} disabled={running !== null || !person}>
            Choose a mail file…
          </Button>
          <Button
            variant="default"
            onClick={() => void start('folder')}
            disabled={running !== null || !person}
          >
            Choose a folder…
          </Button>
        </Group>
      </Card>

      {status.isError && (
        <Alert color="red" role="alert">
          {messageOf(status.error)}
        </Alert>
      )}

      {data && data.scans.length > 0 && (
        <section aria-labelledby="mail-scans-title">
          <Title order={3} size="h4" id="mail-scans-title" mb="xs">
            Scans
          </Title>
          <Stack gap="sm" component="ul" aria-label="Mailbox scans" p={0} m={0} style={{ listStyle: 'none' }}>
            {data.scans.map((scan) => (
              <ScanCard
                key={scan.id}
                scan={scan}
                running={running?.scanId === scan.id ? running : null}
                onCancel={() => void act(() => call('mailScan:cancel', {}))}
                onResume={() => void act(() => call('mailScan:resume', { id: scan.id }))}
                onDiscard={() => void act(() => call('mailScan:discard', { id: scan.id }))}
                onShowFindings={() => void navigate('/exposure')}
                busy={running !== null}
              />
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}

function ScanCard({
  scan,
  running,
  busy,
  onCancel,
  onResume,
  onDiscard,
  onShowFindings,
}: {
  scan: MailScanSummary;
  running: MailScanStatus['running'];
  busy: boolean;
  onCancel: () => void;
  onResume: () => void;
  onDiscard: () => void;
  onShowFindings: () => void;
}) {
  const messages = running?.messages ?? scan.messages;
  const bytes = running?.bytes ?? scan.bytes;
  const total = running?.bytesTotal || scan.bytesTotal;
  const percent = total > 0 ? Math.min(100, Math.round((100 * bytes) / total)) : 0;
  const status = STATUS[scan.status];
  return (
    <Card withBorder padding="md" component="li" aria-label={`Scan of ${scan.sourceName}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={700}>{scan.sourceName}</Text>
            <Text size="xs" c="dimmed">
              {scan.personName}’s mail · started {scan.startedAt.slice(0, 10)}
              {scan.finishedAt ? ` · finished ${scan.finishedAt.slice(0, 10)}` : ''}
            </Text>
          </div>
          <ToneBadge tone={status.tone}>{status.words}</ToneBadge>
        </Group>
        {running && (
          <>
            <Progress value={percent} aria-label="Scan progress" animated />
            <Text size="sm" aria-live="polite">
              {format('mailScan.progress', {
                count: messages,
                done: megabytes(bytes),
                total: megabytes(total),
                percent,
              })}
            </Text>
            <Button variant="default" w="fit-content" onClick={onCancel}>
              Cancel
            </Button>
          </>
        )}
        {scan.status === 'paused' && !running && (
          <>
            <Text size="sm">
              {format('mailScan.paused', {
                count: scan.messages,
                done: megabytes(scan.bytes),
                hasTotal: scan.bytesTotal > 0 ? 'yes' : 'no',
                total: megabytes(scan.bytesTotal),
              })}{' '}
              Resuming goes on where it stopped; after a restart Lockstep asks for the same mail again, and
              refuses mail that has changed.
            </Text>
            <Group gap="sm">
              <Button onClick={onResume} disabled={busy}>
                Resume
              </Button>
              <Button variant="subtle" color="gray" onClick={onDiscard}>
                Discard
              </Button>
            </Group>
          </>
        )}
        {scan.status === 'failed' && (
          <>
            <Alert color="red" role="alert" p="xs">
              {scan.problem ?? 'The scan stopped.'}
            </Alert>
            <Button variant="subtle" color="gray" w="fit-content" onClick={onDiscard}>
              Discard
            </Button>
          </>
        )}
        {scan.status === 'finished' && <Summary scan={scan} onShowFindings={onShowFindings} />}
      </Stack>
    </Card>
  );
}

/** The honest summary of a finished scan. */
function Summary({ scan, onShowFindings }: { scan: MailScanSummary; onShowFindings: () => void }) {
  return (
    <Stack gap={6} aria-label="Summary">
      <Text size="sm">
        {format('mailScan.read', { count: scan.messages, size: megabytes(scan.bytes) })}{' '}
        {scan.secretsFound === 0
          ? 'No secret was found.'
          : `Found ${scan.secretsFound} ${scan.secretsFound === 1 ? 'secret' : 'secrets'}, each a finding with a task to replace it.`}
        {scan.findingsNotListed > 0
          ? ` ${scan.findingsNotListed.toLocaleString('en')} more sightings were counted but not told apart.`
          : ''}
      </Text>
      {scan.secretsFound > 0 && (
        <Button size="xs" variant="default" w="fit-content" onClick={onShowFindings}>
          See them on the Exposure screen
        </Button>
      )}
      <Text size="sm">
        {scan.undecodable.count === 0
          ? 'Every part could be decoded.'
          : `${scan.undecodable.count} ${scan.undecodable.count === 1 ? 'part' : 'parts'} could not be decoded, so they were not checked:`}
      </Text>
      {scan.undecodable.parts.length > 0 && (
        <List size="sm" aria-label="Parts not decoded">
          {scan.undecodable.parts.map((part) => (
            <List.Item key={`${part.where}\u0000${part.why}`}>
              {part.where}: {part.why}
            </List.Item>
          ))}
        </List>
      )}
      {scan.attachmentsNotRead.count > 0 && (
        <Text size="sm">
          {scan.attachmentsNotRead.count} attachments are not text (
          {Object.entries(scan.attachmentsNotRead.byType)
            .map(([type, count]) => `${count} ${type}`)
            .join(', ')}
          ): their names were checked, not their content.
        </Text>
      )}
      <details>
        <summary>
          <Text span size="sm">
            What it looked for ({scan.kindsLookedFor.length} kinds)
          </Text>
        </summary>
        <Text size="sm" mt={4}>
          {scan.kindsLookedFor.join(', ')}.
        </Text>
      </details>
    </Stack>
  );
}
