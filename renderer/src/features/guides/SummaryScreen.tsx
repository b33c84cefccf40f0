import { Alert, Anchor, Button, Card, Group, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router-dom';
import { summaryContent } from '../../../../common/domain/guides/summary';
import type { GuideRunSummary } from '../../../../common/ipc/contract';
import { call, messageOf } from '../../api/client';
import { notifyError } from '../../app/notify';
import classes from '../../components/Screen.module.css';
import { notifications } from '@mantine/notifications';
import { format, useWords } from '../../app/words';

/** The session summary for the person: what was done, skipped or blocked, and what follows. */
export function SummaryScreen() {
  const { id } = useParams();
  const runId = Number(id);
  const navigate = useNavigate();
  const summary = useQuery({
    queryKey: ['guides', 'summary', runId],
    queryFn: () => call('guideRuns:summary', { id: runId }),
  });
  if (summary.isPending) return <Loader aria-label={format('summary.loading')} />;
  if (summary.isError) {
    return (
      <Alert color="red" role="alert">
        {messageOf(summary.error)}
      </Alert>
    );
  }
  const save = async (kind: 'pdf' | 'markdown') => {
    try {
      const result = await call('guideRuns:export', { id: runId, format: kind });
      if (result.saved) {
        notifications.show({
          color: 'teal',
          title: format(kind === 'pdf' ? 'summary.pdfSaved' : 'summary.markdownSaved'),
          message: result.path ?? '',
        });
      }
    } catch (error) {
      notifyError(error, format('summary.notSaved'));
    }
  };
  return (
    <Stack gap="md" className={classes.scroll}>
      <Group justify="space-between" data-no-print>
        <Anchor
          component="button"
          size="sm"
          c="var(--ls-text-accent)"
          onClick={() => void navigate(`/guides/run/${runId}`)}
        >
          {format('summary.backToGuide')}
        </Anchor>
        <Group gap="sm">
          <Button variant="default" onClick={() => window.print()}>
            {format('summary.print')}
          </Button>
          <Button variant="default" onClick={() => void save('pdf')}>
            {format('summary.saveAsPdf')}
          </Button>
          <Button variant="default" onClick={() => void save('markdown')}>
            {format('summary.saveAsMarkdown')}
          </Button>
        </Group>
      </Group>
      <SummaryView summary={summary.data} />
    </Stack>
  );
}

function SummaryView({ summary }: { summary: GuideRunSummary }) {
  // The same content, words and dates as the saved Markdown and PDF (React does the escaping).
  const { t, list } = useWords();
  const c = summaryContent(summary);
  return (
    <Card withBorder padding="xl" component="article" aria-label={t('summary.label')}>
      <Title order={2} mb="sm">
        {c.title}
      </Title>
      <Table variant="vertical" withTableBorder mb="md" maw={720}>
        <Table.Tbody>
          {c.facts.map(({ label, value }) => (
            <Table.Tr key={label}>
              <Table.Th w={160}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={700} mb="md">
        {c.progress}
      </Text>
      <Title order={3} size="h4" mb="xs">
        {t('summary.steps')}
      </Title>
      <List type="ordered" spacing="sm" mb="md" aria-label={t('summary.steps')}>
        {c.steps.map((step) => (
          <List.Item key={step.number} data-status={step.status}>
            <Text fw={600} span>
              {step.title}
            </Text>{' '}
            — {step.statusWord}
            {step.note && (
              <Text size="sm">
                {t('summary.note')} {step.note}
              </Text>
            )}
            {/* What was recorded: whole sentences, one after the other. */}
            {step.applied.length > 0 && (
              <Text size="sm">
                {t('summary.recorded')} {step.applied.join('; ')}
              </Text>
            )}
            {step.items.length > 0 && (
              <Text size="sm">
                {t('summary.listed')} {list(step.items)}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
      <Title order={3} size="h4" mb="xs">
        {t('summary.followUps')}
      </Title>
      {c.followUps.length === 0 ? (
        <Text mb="md">{t('summary.noFollowUps')}</Text>
      ) : (
        <Table withTableBorder mb="md" aria-label={t('summary.followUps')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('summary.column.task')}</Table.Th>
              <Table.Th scope="col">{t('tasks.priority')}</Table.Th>
              <Table.Th scope="col">{t('summary.column.due')}</Table.Th>
              <Table.Th scope="col">{t('summary.column.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.followUps.map((task, index) => (
              <Table.Tr key={index}>
                <Table.Td>{task.title}</Table.Td>
                <Table.Td>{task.priority}</Table.Td>
                <Table.Td>{task.dueDate}</Table.Td>
                <Table.Td>{task.status}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {c.stillToDo.length > 0 && (
        <>
          <Title order={3} size="h4" mb="xs">
            {t('summary.stillToDo')}
          </Title>
          <List mb="md">
            {c.stillToDo.map((step) => (
              <List.Item key={step.number}>
                {t('summary.stillToDoStep', {
                  number: step.number,
                  title: step.title,
                  status: step.statusWord,
                })}
              </List.Item>
            ))}
          </List>
        </>
      )}
      <Text size="xs" c="dimmed">
        {c.footer}
      </Text>
    </Card>
  );
}
