import { useEffect, useRef, useState, type DragEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconFileImport, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ColumnMapping } from '../../../../common/domain/import/types';
import { FINDING_KIND_LABELS } from '../../../../common/domain/checks/describe';
import { describeImportCheck } from '../../../../common/domain/passwords/coverage';
import type { ImportPreview, ImportProgress, ImportResult, Person } from '../../../../common/ipc/contract';
import { call, grantDroppedFile, messageOf, onImportProgress } from '../../api/client';
import { queryKeys, useChannelMutation, usePeople } from '../../api/hooks';
import { ToneBadge } from '../../components/Badges';
import classes from './ImportDialog.module.css';
import { format, formatNumber } from '../../app/words';
import type { MessageId } from '../../../../common/messages/en';
import { unicodeDomain } from '../../../../common/domain/names';
import { MFA_LABELS } from '../../../../common/domain/inventory';

// Product names, not words: they stay as they are in every language.
const IMPORT_SOURCES =
  'Bitwarden, 1Password, LastPass, Chrome, Edge, Opera, Brave, Vivaldi, Firefox, Safari, KeePass, KeePassXC, Dashlane, Proton Pass, NordPass, Keeper, RoboForm, Enpass, Zoho Vault, Passbolt, Sticky Password, Psono, Kaspersky, Avira';

type Step =
  | { kind: 'choose'; error: string | null; busy: boolean }
  | { kind: 'mapping'; preview: ImportPreview; error: string | null }
  | { kind: 'preview'; preview: ImportPreview; error: string | null }
  | { kind: 'running'; preview: ImportPreview; progress: ImportProgress | null }
  | { kind: 'done'; preview: ImportPreview; result: ImportResult };

const PHASES: Record<ImportProgress['phase'], MessageId> = {
  analysing: 'import.phase.analysing',
  'checking-online': 'import.phase.checkingOnline',
  saving: 'import.phase.saving',
  done: 'import.phase.done',
};

/** Base64 of a file's bytes, in chunks (String.fromCharCode has an argument limit). */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Import a password-manager export: choose, (map columns,) preview, import with progress. */
export function ImportDialog({
  opened,
  onClose,
  onShowFindings,
}: {
  opened: boolean;
  onClose: () => void;
  onShowFindings: () => void;
}) {
  const [instance, setInstance] = useState(0);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': format('common.close') }}
      opened={opened}
      onClose={onClose}
      title={format('dashboard.empty.import')}
      size="xl"
      centered
      closeOnClickOutside={false}
    >
      {opened && (
        <ImportFlow
          key={instance}
          onClose={() => {
            onClose();
            setInstance((i) => i + 1);
          }}
          onShowFindings={() => {
            onShowFindings();
            setInstance((i) => i + 1);
          }}
        />
      )}
    </Modal>
  );
}

function ImportFlow({ onClose, onShowFindings }: { onClose: () => void; onShowFindings: () => void }) {
  const people = usePeople();
  const client = useQueryClient();
  const [personId, setPersonId] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose', error: null, busy: false });
  const chosenPerson =
    personId ?? String(people.data?.find((p) => p.isDefault)?.id ?? people.data?.[0]?.id ?? '');

  const sessionId = step.kind === 'choose' ? null : step.preview.sessionId;
  // Closing the dialog mid-import cancels it (nothing is saved), as the Cancel button does; closing
  // an unconfirmed preview forgets it (and the passwords it holds in main's memory).
  const pending = useRef<{ sessionId: string | null; isDone: boolean }>({ sessionId: null, isDone: false });
  pending.current = { sessionId, isDone: step.kind === 'done' };
  useEffect(
    () => () => {
      const { sessionId: open, isDone } = pending.current;
      if (open && !isDone) void call('import:cancel', { sessionId: open }).catch(() => {});
    },
    [],
  );
  useEffect(() => {
    if (step.kind !== 'running') return;
    return onImportProgress((event) => {
      if (event.sessionId !== step.preview.sessionId) return;
      setStep((current) => (current.kind === 'running' ? { ...current, progress: event } : current));
    });
  }, [step.kind, sessionId]); // eslint-disable-line react-hooks/exhaustive-deps -- resubscribe per session only

  const preview = async (
    source: { fileToken: string } | { name: string; base64: string } | { sessionId: string },
    mapping?: ColumnMapping,
  ) => {
    try {
      const result = await call('import:preview', {
        source,
        personId: Number(chosenPerson),
        ...(mapping ? { mapping } : {}),
      });
      setStep(
        result.format === null
          ? { kind: 'mapping', preview: result, error: null }
          : { kind: 'preview', preview: result, error: null },
      );
    } catch (error) {
      setStep((current) =>
        current.kind === 'mapping'
          ? { ...current, error: messageOf(error) }
          : { kind: 'choose', error: messageOf(error), busy: false },
      );
    }
  };

  const pick = async () => {
    setStep({ kind: 'choose', error: null, busy: true });
    try {
      const file = await call('import:pickFile', {});
      if (!file) return setStep({ kind: 'choose', error: null, busy: false });
      await preview({ fileToken: file.token });
    } catch (error) {
      setStep({ kind: 'choose', error: messageOf(error), busy: false });
    }
  };

  const drop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (!file) return;
    setStep({ kind: 'choose', error: null, busy: true });
    const granted = await grantDroppedFile(file);
    await preview(granted ? { fileToken: granted.token } : { name: file.name, base64: await toBase64(file) });
  };

  const cancel = async () => {
    if (sessionId) await call('import:cancel', { sessionId }).catch(() => {});
    onClose();
  };

  const confirm = async (current: ImportPreview) => {
    setStep({ kind: 'running', preview: current, progress: null });
    try {
      const result = await call('import:confirm', { sessionId: current.sessionId });
      await Promise.all(Object.values(queryKeys).map((queryKey) => client.invalidateQueries({ queryKey })));
      setStep({ kind: 'done', preview: current, result });
    } catch (error) {
      setStep({ kind: 'preview', preview: current, error: messageOf(error) });
    }
  };

  switch (step.kind) {
    case 'choose':
      return (
        <ChooseStep
          people={people.data ?? []}
          personId={chosenPerson}
          onPerson={setPersonId}
          busy={step.busy}
          error={step.error}
          onPick={pick}
          onDrop={drop}
          onCancel={onClose}
        />
      );
    case 'mapping':
      return (
        <MappingStep
          preview={step.preview}
          error={step.error}
          onBack={cancel}
          onMap={(mapping) => preview({ sessionId: step.preview.sessionId }, mapping)}
        />
      );
    case 'preview':
      return (
        <PreviewStep
          preview={step.preview}
          error={step.error}
          onCancel={cancel}
          onConfirm={() => confirm(step.preview)}
        />
      );
    case 'running': {
      const progress = step.progress;
      const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
      return (
        <Stack gap="md">
          <Text fw={600}>{progress ? format(PHASES[progress.phase]) : format('import.starting')}</Text>
          <Progress value={percent} size="lg" animated aria-label={format('import.progress')} />
          <Text size="sm" c="dimmed" aria-live="polite">
            {progress
              ? format('import.progressCount', { done: progress.done, total: progress.total })
              : format('import.preparing')}
          </Text>
          <Text size="sm">{format('import.nothingSavedYet')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {format('import.cancelImport')}
            </Button>
          </Group>
        </Stack>
      );
    }
    case 'done': {
      const { result } = step;
      const findings = Object.entries(result.openFindings) as [keyof typeof FINDING_KIND_LABELS, number][];
      return (
        <Stack gap="md">
          <Alert color="teal" variant="light" title={format('import.finished')} role="status">
            <Text size="sm">
              {format('import.finishedBody', {
                created: result.created,
                updated: result.updated,
                skipped: result.skipped.length,
              })}
            </Text>
          </Alert>
          {findings.length > 0 ? (
            <div>
              <Text fw={600} mb={4}>
                {format('import.whatNeedsFixing')}
              </Text>
              <List size="sm">
                {findings.map(([kind, count]) => (
                  <List.Item key={kind}>
                    {format('import.findingKind', { kind: FINDING_KIND_LABELS[kind], count })}
                  </List.Item>
                ))}
              </List>
            </div>
          ) : (
            <Text size="sm">{format('import.noProblems')}</Text>
          )}
          {result.loginEmails.length > 0 && (
            <OfferAddresses
              personId={step.preview.personId}
              personName={
                people.data?.find((p) => p.id === step.preview.personId)?.name ?? format('import.thisPerson')
              }
              addresses={result.loginEmails}
            />
          )}
          <Text size="sm" c="dimmed">
            {describeImportCheck(result.pwnedCheck)}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {format('import.done')}
            </Button>
            <Button onClick={onShowFindings}>{format('import.seeWhatToFix')}</Button>
          </Group>
        </Stack>
      );
    }
  }
}

function ChooseStep(props: {
  people: Person[];
  personId: string;
  onPerson: (id: string | null) => void;
  busy: boolean;
  error: string | null;
  onPick: () => void;
  onDrop: (event: DragEvent<HTMLDivElement>) => void;
  onCancel: () => void;
}) {
  const [isOver, setOver] = useState(false);
  return (
    <Stack gap="md">
      <Text size="sm">
        {format('import.choose.intro', { managers: IMPORT_SOURCES })}{' '}
        <b>{format('import.choose.neverSaved')}</b> {format('import.choose.deleteAfter')}
      </Text>
      <Select
        label={format('import.choose.whose')}
        data={props.people.map((p) => ({ value: String(p.id), label: p.name }))}
        value={props.personId}
        onChange={props.onPerson}
        allowDeselect={false}
        w={260}
      />
      <Box
        className={classes.dropzone}
        data-over={isOver || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          setOver(false);
          props.onDrop(event);
        }}
        data-testid="import-dropzone"
      >
        <Stack align="center" gap="xs">
          <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
            <IconUpload size={24} />
          </ThemeIcon>
          <Text fw={600}>{format('import.choose.drop')}</Text>
          <Text size="sm" c="dimmed">
            {format('import.choose.or')}
          </Text>
          <Button
            leftSection={<IconFileImport size={16} aria-hidden />}
            onClick={props.onPick}
            loading={props.busy}
          >
            {format('import.choose.file')}
          </Button>
        </Stack>
      </Box>
      {props.error && (
        <Alert color="red" title={format('import.cannotImport')} role="alert">
          {props.error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {format('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function MappingStep({
  preview,
  error,
  onBack,
  onMap,
}: {
  preview: ImportPreview;
  error: string | null;
  onBack: () => void;
  onMap: (mapping: ColumnMapping) => void;
}) {
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>(preview.suggestedMapping);
  const columns = preview.columns.map((c) => ({ value: c, label: c }));
  const field = (key: keyof ColumnMapping, label: MessageId, required: boolean) => (
    <Select
      label={format(label)}
      data={columns}
      value={mapping[key] ?? null}
      onChange={(value) => setMapping((m) => ({ ...m, [key]: value ?? undefined }))}
      clearable={!required}
      required={required}
      placeholder={required ? format('import.mapping.choose') : format('import.mapping.none')}
    />
  );
  const isComplete = Boolean(mapping.url && mapping.password);
  return (
    <Stack gap="md">
      <Alert
        color="yellow"
        variant="light"
        title={format('import.mapping.title', { file: preview.fileName })}
      >
        <Text size="sm">{format('import.mapping.body')}</Text>
      </Alert>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        {field('url', 'import.mapping.url', true)}
        {field('password', 'import.mapping.password', true)}
        {field('username', 'import.mapping.username', false)}
        {field('title', 'import.mapping.title.field', false)}
        {field('totp', 'import.mapping.totp', false)}
      </SimpleGrid>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onBack}>
          {format('common.cancel')}
        </Button>
        <Button disabled={!isComplete} onClick={() => onMap(mapping as ColumnMapping)}>
          {format('import.mapping.preview')}
        </Button>
      </Group>
    </Stack>
  );
}

function PreviewStep({
  preview,
  error,
  onCancel,
  onConfirm,
}: {
  preview: ImportPreview;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const total = preview.toCreate + preview.toUpdate;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, xs: 4 }} spacing="sm">
        <Stat label={format('import.stat.format')} value={preview.formatLabel} />
        <Stat label={format('import.stat.logins')} value={formatNumber(preview.entries)} />
        <Stat label={format('import.stat.new')} value={formatNumber(preview.toCreate)} />
        <Stat label={format('import.stat.updated')} value={formatNumber(preview.toUpdate)} />
      </SimpleGrid>
      {preview.notices.length > 0 && (
        <Alert color="blue" variant="light" title={format('import.aboutFile')}>
          <List size="sm">
            {preview.notices.map((notice) => (
              <List.Item key={notice}>{notice}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview.skipped.length > 0 && (
        <div>
          <Text fw={600} size="sm" mb={4}>
            {format('import.skipped', { count: preview.skipped.length })}
          </Text>
          <ScrollArea.Autosize
            mah={120}
            type="auto"
            viewportProps={{ tabIndex: 0, 'aria-label': format('import.skippedScroll') }}
          >
            <List size="sm" aria-label={format('import.skippedList')}>
              {preview.skipped.map((s) => (
                <List.Item key={s.row}>
                  {format('import.skippedRow', { row: s.row, reason: s.reason })}
                </List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </div>
      )}
      <ScrollArea.Autosize
        mah={260}
        type="auto"
        viewportProps={{ tabIndex: 0, 'aria-label': format('import.tableScroll') }}
      >
        <Table striped stickyHeader aria-label={format('import.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{format('import.column.row')}</Table.Th>
              <Table.Th>{format('accounts.column.service')}</Table.Th>
              <Table.Th>{format('accounts.column.username')}</Table.Th>
              <Table.Th>{format('accounts.column.mfa')}</Table.Th>
              <Table.Th>{format('import.column.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.items.map((item) => (
              <Table.Tr key={item.row}>
                <Table.Td>{item.row}</Table.Td>
                <Table.Td>
                  {item.service}
                  {item.domain && item.domain !== item.service ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {unicodeDomain(item.domain)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{item.username || '—'}</Table.Td>
                <Table.Td>{item.hasTotp ? MFA_LABELS.totp : '—'}</Table.Td>
                <Table.Td>
                  <ToneBadge tone={item.action === 'create' ? 'teal' : 'gray'}>
                    {item.action === 'create' ? format('import.action.new') : format('import.action.update')}
                  </ToneBadge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {preview.items.length < total && (
        <Text size="xs" c="dimmed">
          {format('import.showingFirst', { shown: preview.items.length, total })}
        </Text>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {format('common.cancel')}
        </Button>
        <Button onClick={onConfirm} disabled={total === 0}>
          {format('import.confirm', { count: total })}
        </Button>
      </Group>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Box className={classes.stat}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Box>
  );
}

/**
 * The addresses the export used as login names, offered as the person's own (the checks then look
 * at them: breaches of an address, notices sent to it). All are ticked; nothing is added until asked.
 */
function OfferAddresses({
  personId,
  personName,
  addresses,
}: {
  personId: number;
  personName: string;
  addresses: string[];
}) {
  const [chosen, setChosen] = useState<string[]>(addresses);
  const add = useChannelMutation('emails:addMany', ['people', 'findings']);
  if (add.isSuccess) {
    const count = add.data.added.length;
    return (
      <Alert color="teal" variant="light" role="status" title={format('import.addresses.added')}>
        <Text size="sm">{format('import.addresses.addedBody', { count, person: personName })}</Text>
      </Alert>
    );
  }
  return (
    <Box>
      <Checkbox.Group
        label={format('import.addresses.label', { person: personName })}
        description={format('import.addresses.description')}
        value={chosen}
        onChange={setChosen}
      >
        <Stack gap={4} mt="xs">
          {addresses.map((address) => (
            <Checkbox key={address} value={address} label={address} />
          ))}
        </Stack>
      </Checkbox.Group>
      {add.isError && (
        <Text size="sm" c="red" mt="xs" role="alert">
          {messageOf(add.error)}
        </Text>
      )}
      <Button
        mt="sm"
        variant="light"
        disabled={chosen.length === 0}
        loading={add.isPending}
        onClick={() => add.mutate({ personId, addresses: chosen })}
      >
        {format('import.addresses.add', { count: chosen.length })}
      </Button>
    </Box>
  );
}
