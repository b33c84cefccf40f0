import { useState } from 'react';
import { Alert, Button, Card, Group, List, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileReport } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useTeam } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import screen from '../../components/Screen.module.css';
import type { MessageId } from '../../../../common/messages/en';
import { useWords } from '../../app/words';

type Kind = 'team' | 'attestation';
type Format = 'pdf' | 'markdown' | 'csv';

const REPORTS: { kind: Kind; title: MessageId; summary: MessageId; contents: MessageId[] }[] = [
  {
    kind: 'team',
    title: 'reports.team.title',
    summary: 'reports.team.summary',
    contents: [
      'reports.team.contents.1',
      'reports.team.contents.2',
      'reports.team.contents.3',
      'reports.team.contents.4',
    ],
  },
  {
    kind: 'attestation',
    title: 'reports.attestation.title',
    summary: 'reports.attestation.summary',
    contents: [
      'reports.attestation.contents.1',
      'reports.attestation.contents.2',
      'reports.attestation.contents.3',
      'reports.attestation.contents.4',
    ],
  },
];

const FORMATS: { format: Format; label: MessageId; name: MessageId }[] = [
  { format: 'pdf', label: 'reports.format.pdf', name: 'reports.formatName.pdf' },
  { format: 'markdown', label: 'reports.format.markdown', name: 'reports.formatName.markdown' },
  { format: 'csv', label: 'reports.format.csv', name: 'reports.formatName.csv' },
];

/** What to hand an owner, an insurer or an assessor: reports saved as PDF, Markdown or CSV. */
export function ReportsScreen() {
  const { t } = useWords();
  const [group, setGroup] = useState<string | null>(null);
  const team = useTeam(group ?? undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const save = async (kind: Kind, format: Format) => {
    setBusy(`${kind}-${format}`);
    try {
      const result = await call('reports:export', { kind, format, ...(group ? { group } : {}) });
      if (result.saved)
        notifications.show({ color: 'teal', title: t('reports.saved'), message: result.path ?? '' });
    } catch (error) {
      notifyError(error, t('reports.saveFailed'));
    } finally {
      setBusy(null);
    }
  };
  const c = team.data?.coverage;
  return (
    <Stack gap="md" className={screen.scroll}>
      <div>
        <Title order={2}>{t('nav.reports')}</Title>
        <Text c="dimmed" size="sm">
          {t('reports.intro')}
        </Text>
      </div>
      {(team.data?.groups.length ?? 0) > 0 && (
        <Select
          label={t('reports.covering')}
          placeholder={t('scope.everyone')}
          clearable
          data={team.data!.groups}
          value={group}
          onChange={setGroup}
          w={220}
        />
      )}
      {c && (
        <Alert variant="outline" color="gray" title={t('reports.figures.title')}>
          <Text size="sm">
            {t('reports.figures', {
              mainEmail: c.mainEmailMfa.yes,
              people: c.people,
              critical: c.criticalWithMfa.yes,
              criticalOf: c.criticalWithMfa.of,
              reuse: c.peopleWithReuse.count,
              reuseOf: c.peopleWithReuse.of,
              overdue: c.overdueTasks.count,
            })}
          </Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {REPORTS.map((report) => (
          <Card key={report.kind} withBorder padding="lg" component="section" aria-label={t(report.title)}>
            <Group gap="xs" mb={4}>
              <IconFileReport size={20} aria-hidden />
              <Title order={3} size="h4">
                {t(report.title)}
              </Title>
            </Group>
            <Text size="sm" mb="xs">
              {t(report.summary)}
            </Text>
            <List size="sm" mb="md">
              {report.contents.map((line) => (
                <List.Item key={line}>{t(line)}</List.Item>
              ))}
            </List>
            <Group gap="sm">
              {FORMATS.map(({ format, label, name }) => (
                <Button
                  key={format}
                  variant={format === 'pdf' ? 'filled' : 'default'}
                  loading={busy === `${report.kind}-${format}`}
                  onClick={() => void save(report.kind, format)}
                  aria-label={t('reports.saveAs', { report: t(report.title), format: t(name) })}
                >
                  {t(label)}
                </Button>
              ))}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
