import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Collapse,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconFileImport, IconShieldCheck } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import type { Account, Finding } from '../../../../common/ipc/contract';
import {
  describeFinding,
  FINDING_KIND_LABELS,
  SEVERITY_LABELS,
} from '../../../../common/domain/checks/describe';
import type { Severity } from '../../../../common/domain/checks/findings';
import { messageOf } from '../../api/client';
import classes from '../../components/Screen.module.css';
import {
  useAccounts,
  useChannelMutation,
  useDataSources,
  useFindings,
  usePasswordCoverage,
  useSettings,
} from '../../api/hooks';
import { notifyError } from '../../app/notify';
import { DismissDialog } from './DismissDialog';
import { StartGuideDialog, type GuideOrigin } from '../guides/StartGuideDialog';
import { FindingActions } from './FindingActions';
import { ToneBadge } from '../../components/Badges';
import { EmptyState } from '../../components/EmptyState';

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const SEVERITY_TONES = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' } as const;
const CRITICALITY_RANK = { critical: 0, important: 1, standard: 2 } as const;

/** Orders findings worst first: severity, then the most critical account concerned. */
export function sortFindings(
  findings: readonly Finding[],
  accounts: ReadonlyMap<number, Account>,
): Finding[] {
  const accountRank = (f: Finding) =>
    Math.min(3, ...f.accountIds.map((id) => CRITICALITY_RANK[accounts.get(id)?.criticality ?? 'standard']));
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || accountRank(a) - accountRank(b) || a.id - b.id,
  );
}

/** What is wrong, worst first, each with why it matters and what to do. */
export function ExposureScreen({ onImport }: { onImport: () => void }) {
  const findings = useFindings();
  const accounts = useAccounts();
  const settings = useSettings();
  const sources = useDataSources();
  const coverage = usePasswordCoverage();
  const navigate = useNavigate();
  const byId = useMemo(() => new Map((accounts.data ?? []).map((a) => [a.id, a])), [accounts.data]);
  const all = useMemo(() => findings.data ?? [], [findings.data]);
  const open = useMemo(
    () =>
      sortFindings(
        all.filter((f) => f.status === 'open'),
        byId,
      ),
    [all, byId],
  );
  const fixed = all.filter((f) => f.status === 'resolved' || f.status === 'auto_resolved').length;
  const hasPasswords = (accounts.data ?? []).some((a) => a.passwordStrength !== null);
  const dismissed = all.filter((f) => f.status === 'dismissed');
  const [dismissing, setDismissing] = useState<Finding | null>(null);
  const [guiding, setGuiding] = useState<GuideOrigin | null>(null);
  const [showDismissed, setShowDismissed] = useState(false);
  const reopen = useChannelMutation('findings:reopen', ['findings']);
  const textOf = (finding: Finding) =>
    describeFinding(
      finding.kind,
      finding.evidence,
      finding.accountIds.map((id) => byId.get(id)?.service ?? `Account ${id}`),
    );

  if (findings.isPending || accounts.isPending) return <Loader aria-label="Loading findings" />;
  if (findings.isError) {
    return (
      <Alert color="red" title="Findings could not be loaded" role="alert">
        {messageOf(findings.error)}
      </Alert>
    );
  }

  return (
    <Stack gap="md" className={classes.scroll}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Exposure</Title>
          <Text c="dimmed" size="sm">
            What is wrong with your accounts, worst first, and what to do about each.
          </Text>
        </div>
        <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
          Import passwords
        </Button>
      </Group>

      {all.length > 0 && (
        <Text size="sm" aria-live="polite">
          {open.length === 0
            ? `Nothing open right now. Fixed ${fixed} of ${fixed} so far.`
            : `${open.length} ${open.length === 1 ? 'thing' : 'things'} to fix. Fixed ${fixed} of ${fixed + open.length} so far.`}
        </Text>
      )}

      {sources.data && !sources.data.available && (
        <Alert color="red" title="Breach and two-step checks could not run" role="alert">
          The public datasets could not be loaded, so Lockstep cannot say whether your services were breached
          or offer two-step sign-in. Earlier findings are kept as they were. {sources.data.error}
        </Alert>
      )}
      {sources.data?.dates && (
        <Text size="xs" c="dimmed">
          Checked against breach data as of {sources.data.dates.breaches} (Have I Been Pwned) and the two-step
          directory as of {sources.data.dates.twoFactor} (2fa.directory).
        </Text>
      )}

      {coverage.data && (
        <Alert
          variant="outline"
          color={coverage.data.coverage.gaps.length > 0 ? 'yellow.9' : 'gray'}
          title="How breached passwords were checked"
          aria-label="How breached passwords were checked"
        >
          <Stack gap={4}>
            {coverage.data.lines.map((line) => (
              <Text size="sm" key={line}>
                {line}
              </Text>
            ))}
            {coverage.data.coverage.total > 0 &&
              !settings.data?.onlinePwnedCheck &&
              !coverage.data.coverage.offlineIndex.installed && (
                <Anchor
                  component="button"
                  size="sm"
                  c="teal.9"
                  underline="always"
                  ta="left"
                  onClick={() => void navigate('/settings')}
                >
                  Open Settings to turn on the online check or install the offline corpus
                </Anchor>
              )}
          </Stack>
        </Alert>
      )}

      {open.length === 0 && !hasPasswords && (
        <EmptyState
          icon={<IconFileImport size={28} />}
          title="Nothing checked yet"
          action={
            <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
              Import from a password manager
            </Button>
          }
        >
          Import an export from your password manager or browser. Lockstep checks each password for breaches,
          reuse and strength, then forgets it: only the verdicts are kept.
        </EmptyState>
      )}
      {open.length === 0 && hasPasswords && (
        <EmptyState icon={<IconShieldCheck size={28} />} title="No open problems found">
          Every check that ran came back clean. Checks that need the online service only ran if it is on.
        </EmptyState>
      )}

      <SimpleGrid cols={1} spacing="sm" role="list" aria-label="Findings">
        {open.map((finding) => {
          const text = textOf(finding);
          return (
            <Card key={finding.id} withBorder padding="md" role="listitem" aria-label={text.title}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
                <Title order={3} size="h5">
                  {text.title}
                </Title>
                <Group gap={6} wrap="nowrap">
                  <ToneBadge tone="gray">{FINDING_KIND_LABELS[finding.kind]}</ToneBadge>
                  <ToneBadge tone={SEVERITY_TONES[finding.severity]}>
                    {SEVERITY_LABELS[finding.severity]}
                  </ToneBadge>
                </Group>
              </Group>
              <Text size="sm" mb={6}>
                {text.why}
              </Text>
              <FindingActions finding={finding} />
              <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
                <Text size="sm" fw={600}>
                  What to do:{' '}
                  <Text span fw={400}>
                    {text.action}
                  </Text>{' '}
                  <Text span c="dimmed" size="xs">
                    (about {text.minutes} min)
                  </Text>
                </Text>
                <Group gap={6} wrap="nowrap">
                  <Button
                    variant="outline"
                    color="teal.9"
                    size="compact-sm"
                    onClick={() => setGuiding({ origin: 'finding', originId: finding.id })}
                  >
                    Guide me
                  </Button>
                  <Button
                    variant="subtle"
                    color="gray"
                    size="compact-sm"
                    onClick={() => setDismissing(finding)}
                  >
                    Set aside…
                  </Button>
                </Group>
              </Group>
            </Card>
          );
        })}
      </SimpleGrid>

      {dismissed.length > 0 && (
        <Stack gap="xs">
          <Button
            variant="subtle"
            w="fit-content"
            onClick={() => setShowDismissed((v) => !v)}
            aria-expanded={showDismissed}
          >
            {showDismissed ? 'Hide' : 'Show'} {dismissed.length} set aside
          </Button>
          <Collapse expanded={showDismissed}>
            <Stack gap="xs" role="list" aria-label="Set aside">
              {dismissed.map((finding) => (
                <Card
                  key={finding.id}
                  withBorder
                  padding="sm"
                  role="listitem"
                  aria-label={textOf(finding).title}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <div>
                      <Text size="sm" fw={600}>
                        {textOf(finding).title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {finding.dismissedReason}
                        {finding.recheckAt ? ` · comes back on ${finding.recheckAt}` : ''}
                      </Text>
                    </div>
                    <Button
                      variant="default"
                      size="compact-sm"
                      onClick={() =>
                        reopen.mutateAsync({ id: finding.id }).catch((error: unknown) => notifyError(error))
                      }
                    >
                      Reopen
                    </Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          </Collapse>
        </Stack>
      )}
      <StartGuideDialog target={guiding} onClose={() => setGuiding(null)} />
      <DismissDialog
        finding={dismissing}
        title={dismissing ? textOf(dismissing).title : ''}
        onClose={() => setDismissing(null)}
      />
    </Stack>
  );
}
