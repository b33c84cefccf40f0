import { useState } from 'react';
import { Alert, Button, Card, Group, List, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileReport } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useTeam } from '../../api/hooks';
import { notifyError } from '../../app/notify';
import screen from '../../components/Screen.module.css';

type Kind = 'team' | 'attestation';
type Format = 'pdf' | 'markdown' | 'csv';

const REPORTS: { kind: Kind; title: string; summary: string; contents: string[] }[] = [
  {
    kind: 'team',
    title: 'Team report',
    summary: 'For the owner or office manager: where everyone stands, and what is left to do.',
    contents: [
      'The coverage figures, with who is behind each one',
      'Everyone’s main email, critical accounts, open findings and overdue tasks',
      'Open items with whose they are, who does them and when they are due',
      'What was fixed and when, from the tamper-evident history',
    ],
  },
  {
    kind: 'attestation',
    title: 'MFA and security attestation',
    summary:
      'For an insurer’s MFA questionnaire or a Cyber Essentials self-assessment: multi-factor authentication on email, critical and admin accounts, with the evidence.',
    contents: [
      'Two-step sign-in on each person’s main email account',
      'Every critical account and its two-step method',
      'Open items and what was fixed, with the history’s head hash and when it was verified',
      'What Lockstep cannot know, and a declaration to sign',
    ],
  },
];

const FORMATS: { format: Format; label: string }[] = [
  { format: 'pdf', label: 'Save as PDF…' },
  { format: 'markdown', label: 'Markdown…' },
  { format: 'csv', label: 'CSV…' },
];

/** What to hand an owner, an insurer or an assessor: reports saved as PDF, Markdown or CSV. */
export function ReportsScreen() {
  const [group, setGroup] = useState<string | null>(null);
  const team = useTeam(group ?? undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const save = async (kind: Kind, format: Format) => {
    setBusy(`${kind}-${format}`);
    try {
      const result = await call('reports:export', { kind, format, ...(group ? { group } : {}) });
      if (result.saved)
        notifications.show({ color: 'teal', title: 'Report saved', message: result.path ?? '' });
    } catch (error) {
      notifyError(error, 'The report was not saved');
    } finally {
      setBusy(null);
    }
  };
  const c = team.data?.coverage;
  return (
    <Stack gap="md" className={screen.scroll}>
      <div>
        <Title order={2}>Reports</Title>
        <Text c="dimmed" size="sm">
          What to hand the owner, an insurer or an assessor. Nothing secret is in them — no password, code or
          note — and each says what Lockstep cannot know.
        </Text>
      </div>
      {(team.data?.groups.length ?? 0) > 0 && (
        <Select
          label="Covering"
          placeholder="Everyone"
          clearable
          data={team.data!.groups}
          value={group}
          onChange={setGroup}
          w={220}
        />
      )}
      {c && (
        <Alert variant="outline" color="gray" title="The figures in the reports">
          <Text size="sm">
            Two-step on the main email account: {c.mainEmailMfa.yes} of {c.people} · critical accounts with
            two-step: {c.criticalWithMfa.yes} of {c.criticalWithMfa.of} · people with a reused password:{' '}
            {c.peopleWithReuse.count} of {c.peopleWithReuse.of} · overdue tasks: {c.overdueTasks.count}
          </Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {REPORTS.map((report) => (
          <Card key={report.kind} withBorder padding="lg" component="section" aria-label={report.title}>
            <Group gap="xs" mb={4}>
              <IconFileReport size={20} aria-hidden />
              <Title order={3} size="h4">
                {report.title}
              </Title>
            </Group>
            <Text size="sm" mb="xs">
              {report.summary}
            </Text>
            <List size="sm" mb="md">
              {report.contents.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            <Group gap="sm">
              {FORMATS.map(({ format, label }) => (
                <Button
                  key={format}
                  variant={format === 'pdf' ? 'filled' : 'default'}
                  loading={busy === `${report.kind}-${format}`}
                  onClick={() => void save(report.kind, format)}
                  aria-label={`${report.title}: ${label.replace('…', '')}`}
                >
                  {label}
                </Button>
              ))}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
