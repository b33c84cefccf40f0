import { useEffect, useRef, useState, type DragEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Group,
  List,
  Modal,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import type { StaffImportPreview, StaffImportResult } from '../../../../common/ipc/contract';
import { call, grantDroppedFile, messageOf } from '../../api/client';
import { useChannelMutation } from '../../api/hooks';
import { ToneBadge } from '../../components/Badges';
import classes from '../import/ImportDialog.module.css';
import { useWords } from '../../app/words';

type Step =
  | { kind: 'choose'; error: string | null; busy: boolean }
  | { kind: 'preview'; preview: StaffImportPreview; error: string | null; busy: boolean }
  | { kind: 'done'; preview: StaffImportPreview; result: StaffImportResult };

/** Base64 of a small file's bytes. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Import staff from a spreadsheet: choose the file, see who would be added or updated (and which
 * rows are skipped, and why), then confirm — nothing is written before.
 */
export function StaffImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useWords();
  const [instance, setInstance] = useState(0);
  const close = () => {
    onClose();
    setInstance((i) => i + 1);
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('staffImport.title')}
      size="xl"
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <StaffImportFlow key={instance} onClose={close} />}
    </Modal>
  );
}

function StaffImportFlow({ onClose }: { onClose: () => void }) {
  const { t, list } = useWords();
  const [step, setStep] = useState<Step>({ kind: 'choose', error: null, busy: false });
  const [isOver, setOver] = useState(false);
  const confirm = useChannelMutation('people:importConfirm', ['people']);
  // Closing an unconfirmed preview forgets it in main.
  const pending = useRef<string | null>(null);
  const sessionId = step.kind === 'preview' ? step.preview.sessionId : null;
  useEffect(() => {
    pending.current = sessionId;
  }, [sessionId]);
  useEffect(
    () => () => {
      if (pending.current) void call('people:importCancel', { sessionId: pending.current }).catch(() => {});
    },
    [],
  );

  const preview = async (source: { fileToken: string } | { name: string; base64: string }) => {
    setStep({ kind: 'choose', error: null, busy: true });
    try {
      const result = await call('people:importPreview', { source });
      setStep({ kind: 'preview', preview: result, error: null, busy: false });
    } catch (error) {
      setStep({ kind: 'choose', error: messageOf(error), busy: false });
    }
  };
  const pick = async () => {
    try {
      const file = await call('people:pickFile', {});
      if (file) await preview({ fileToken: file.token });
    } catch (error) {
      setStep({ kind: 'choose', error: messageOf(error), busy: false });
    }
  };
  const drop = async (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    // A dropped file is granted to main by the shell where it can (Electron); else its bytes are sent.
    const granted = await grantDroppedFile(file);
    await preview(granted ? { fileToken: granted.token } : { name: file.name, base64: await toBase64(file) });
  };

  if (step.kind === 'choose') {
    return (
      <Stack gap="md">
        <Text size="sm">{t('staffImport.intro')}</Text>
        <Box
          className={classes.dropzone}
          data-over={isOver || undefined}
          onDragOver={(event) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(event) => void drop(event)}
          data-testid="staff-dropzone"
        >
          <Stack align="center" gap="xs">
            <Text fw={600}>{t('staffImport.drop')}</Text>
            <Button variant="default" onClick={() => void pick()} loading={step.busy}>
              {t('staffImport.choose')}
            </Button>
          </Stack>
        </Box>
        {step.error && (
          <Alert color="red" title={t('import.cannotImport')} role="alert">
            {step.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }

  if (step.kind === 'done') {
    const { result } = step;
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" title={t('staffImport.done')} role="status">
          {t('staffImport.doneBody', {
            created: result.created,
            updated: result.updated,
            skipped: result.skipped.length,
          })}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('import.done')}</Button>
        </Group>
      </Stack>
    );
  }

  const p = step.preview;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Stat label={t('staffImport.toAdd')} value={p.toCreate} />
        <Stat label={t('staffImport.toUpdate')} value={p.toUpdate} />
        <Stat label={t('staffImport.rowsSkipped')} value={p.skipped.length} />
      </SimpleGrid>
      <ScrollArea.Autosize mah={320} type="auto">
        <Table striped withTableBorder aria-label={t('staffImport.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staffImport.column.row')}</Table.Th>
              <Table.Th>{t('staffImport.column.name')}</Table.Th>
              <Table.Th>{t('staffImport.column.emails')}</Table.Th>
              <Table.Th>{t('staffImport.column.role')}</Table.Th>
              <Table.Th>{t('staffImport.column.group')}</Table.Th>
              <Table.Th>{t('staffImport.column.action')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.rows.map((row) => (
              <Table.Tr key={row.row}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.emails.length > 0 ? list(row.emails) : t('staffImport.none')}</Table.Td>
                <Table.Td>{row.role || t('staffImport.none')}</Table.Td>
                <Table.Td>{row.group || t('staffImport.none')}</Table.Td>
                <Table.Td>
                  {row.action === 'create' ? (
                    <ToneBadge tone="teal">{t('staffImport.add')}</ToneBadge>
                  ) : (
                    <>
                      <ToneBadge tone="gray">{t('staffImport.update')}</ToneBadge>
                      {row.changes.length === 0 ? (
                        <Text size="xs" c="dimmed">
                          {t('staffImport.nothingNew')}
                        </Text>
                      ) : (
                        row.changes.map((change) => (
                          <Text key={change} size="xs" c="dimmed">
                            {change}
                          </Text>
                        ))
                      )}
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {p.skipped.length > 0 && (
        <div>
          <Text fw={600} size="sm">
            {t('staffImport.skippedRows')}
          </Text>
          <List size="sm" aria-label={t('staffImport.skippedRows')}>
            {p.skipped.map((s) => (
              <List.Item key={s.row}>
                {t('staffImport.skippedRow', { row: s.row, reason: s.reason })}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {step.error && (
        <Alert color="red" role="alert">
          {step.error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          disabled={p.rows.length === 0}
          loading={confirm.isPending}
          onClick={async () => {
            try {
              const result = await confirm.mutateAsync({ sessionId: p.sessionId });
              setStep({ kind: 'done', preview: p, result });
            } catch (error) {
              setStep({ ...step, error: messageOf(error) });
            }
          }}
        >
          {t('staffImport.confirm', { count: p.rows.length })}
        </Button>
      </Group>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </div>
  );
}
