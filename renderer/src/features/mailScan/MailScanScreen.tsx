import { format, useWords } from '../../app/words';
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
  running: { tone: 'teal', words: 'mailScan.status.running' },
  paused: { tone: 'yellow', words: 'mailScan.status.paused' },
  finished: { tone: 'teal', words: 'mailScan.status.finished' },
  failed: { tone: 'red', words: 'mailScan.status.failed' },
} as const;

const megabytes = (bytes: number) =>
  format('mailScan.megabytes', {
    size: (bytes / 2 ** 20).toLocaleString('en', { maximumFractionDigits: 1 }),
  });

/**
 * Scan a mailbox export for what someone who read the mail could use: pick a file or folder (through
 * the app's own dialog: the window never names a path), watch it, cancel and resume it, and read an
 * honest summary — what was read, what could not be, what was looked for.
 */
/**
 * The kind of an attachment not read, as `mailScan.attachmentType` selects it, from the key the
 * scan stored (electron/services/mailScan/messageContent.ts): stored keys are data, never shown.
 */
export function attachmentKind(stored: string): 'image' | 'audio' | 'pdf' | 'archive' | 'office' | 'other' {
  if (stored === 'audio or video') return 'audio';
  if (stored === 'office document') return 'office';
  return stored === 'image' || stored === 'pdf' || stored === 'archive' ? stored : 'other';
}

export function MailScanScreen() {
  const { t } = useWords();
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
      notifyError(error, t('mailScan.startFailed'));
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
            {t('mailScan.backToGuide')}
          </Anchor>
        )}
        <Title order={2}>{t('mailScan.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('mailScan.intro')}
        </Text>
      </div>

      <Card withBorder padding="lg" component="section" aria-labelledby="mail-scan-start">
        <Title order={3} size="h4" id="mail-scan-start" mb="xs">
          {t('mailScan.start.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t('mailScan.start.body')}
        </Text>
        <Group align="flex-end" gap="sm">
          {(people.data?.length ?? 0) > 1 && (
            <Select
              label={t('mailScan.whose')}
              data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
              value={person}
              onChange={setPersonId}
              allowDeselect={false}
              w={220}
            />
          )}
          <Button onClick={() => void start('file')} disabled={running !== null || !person}>
            {t('mailScan.chooseFile')}
          </Button>
          <Button
            variant="default"
            onClick={() => void start('folder')}
            disabled={running !== null || !person}
          >
            {t('mailScan.chooseFolder')}
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
            {t('mailScan.scans')}
          </Title>
          <Stack
            gap="sm"
            component="ul"
            aria-label={t('mailScan.list')}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
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
  const { t } = useWords();
  const messages = running?.messages ?? scan.messages;
  const bytes = running?.bytes ?? scan.bytes;
  const total = running?.bytesTotal || scan.bytesTotal;
  const percent = total > 0 ? Math.min(100, Math.round((100 * bytes) / total)) : 0;
  const status = STATUS[scan.status];
  return (
    <Card
      withBorder
      padding="md"
      component="li"
      aria-label={t('mailScan.scanOf', { source: scan.sourceName })}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={700}>{scan.sourceName}</Text>
            <Text size="xs" c="dimmed">
              {scan.finishedAt
                ? t('mailScan.metaFinished', {
                    person: scan.personName,
                    started: scan.startedAt.slice(0, 10),
                    finished: scan.finishedAt.slice(0, 10),
                  })
                : t('mailScan.meta', { person: scan.personName, started: scan.startedAt.slice(0, 10) })}
            </Text>
          </div>
          <ToneBadge tone={status.tone}>{t(status.words)}</ToneBadge>
        </Group>
        {running && (
          <>
            <Progress value={percent} aria-label={t('mailScan.progressLabel')} animated />
            <Text size="sm" aria-live="polite">
              {format('mailScan.progress', {
                count: messages,
                done: megabytes(bytes),
                total: megabytes(total),
                percent,
              })}
            </Text>
            <Button variant="default" w="fit-content" onClick={onCancel}>
              {t('common.cancel')}
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
              {t('mailScan.resumeHint')}
            </Text>
            <Group gap="sm">
              <Button onClick={onResume} disabled={busy}>
                {t('mailScan.resume')}
              </Button>
              <Button variant="subtle" color="gray" onClick={onDiscard}>
                {t('mailScan.discard')}
              </Button>
            </Group>
          </>
        )}
        {scan.status === 'failed' && (
          <>
            <Alert color="red" role="alert" p="xs">
              {scan.problem ?? t('mailScan.stopped')}
            </Alert>
            <Button variant="subtle" color="gray" w="fit-content" onClick={onDiscard}>
              {t('mailScan.discard')}
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
  const { t, list } = useWords();
  return (
    <Stack gap={6} aria-label={t('mailScan.summary')}>
      <Text size="sm">
        {t('mailScan.read', { count: scan.messages, size: megabytes(scan.bytes) })}{' '}
        {scan.secretsFound === 0 ? t('mailScan.noSecret') : t('mailScan.found', { count: scan.secretsFound })}
        {scan.findingsNotListed > 0 && <> {t('mailScan.notListed', { count: scan.findingsNotListed })}</>}
      </Text>
      {scan.secretsFound > 0 && (
        <Button size="xs" variant="default" w="fit-content" onClick={onShowFindings}>
          {t('mailScan.seeThem')}
        </Button>
      )}
      <Text size="sm">
        {scan.undecodable.count === 0
          ? t('mailScan.allDecoded')
          : t('mailScan.notDecoded', { count: scan.undecodable.count })}
      </Text>
      {scan.undecodable.parts.length > 0 && (
        <List size="sm" aria-label={t('mailScan.partsNotDecoded')}>
          {scan.undecodable.parts.map((part) => (
            <List.Item key={`${part.where}\u0000${part.why}`}>
              {t('mailScan.part', { where: part.where, why: part.why })}
            </List.Item>
          ))}
        </List>
      )}
      {scan.attachmentsNotRead.count > 0 && (
        <Text size="sm">
          {t('mailScan.attachments', {
            count: scan.attachmentsNotRead.count,
            types: list(
              Object.entries(scan.attachmentsNotRead.byType).map(([type, count]) =>
                t('mailScan.attachmentType', { count, type: attachmentKind(type) }),
              ),
            ),
          })}
        </Text>
      )}
      <details>
        <summary>
          <Text span size="sm">
            {t('mailScan.lookedFor', { count: scan.kindsLookedFor.length })}
          </Text>
        </summary>
        <Text size="sm" mt={4}>
          {t('mailScan.kinds', { kinds: list(scan.kindsLookedFor) })}
        </Text>
      </details>
    </Stack>
  );
}
