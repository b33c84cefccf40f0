import { memo, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, Card, Collapse, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconShieldCheck } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import type { Account, Finding } from '../../../../common/ipc/contract';
import {
  describeFinding,
  FINDING_KIND_LABELS,
  SEVERITY_LABELS,
  type FindingText,
} from '../../../../common/domain/checks/describe';
import { findingOwners } from '../../../../common/domain/tasks/reconcile';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ScopeSelect } from '../../components/ScopeSelect';
import listClasses from '../../components/VirtualList.module.css';
import { fullyRendered } from '../../components/virtualList';
import { useScope } from '../team/useScope';
import type { Severity } from '../../../../common/domain/checks/findings';
import { messageOf } from '../../api/client';
import {
  useAccounts,
  useChannelMutation,
  useDataSources,
  useFindings,
  usePeople,
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
  const { scope, setScope } = useScope();
  const people = usePeople();
  const findings = useFindings(scope);
  const accounts = useAccounts();
  const settings = useSettings();
  const sources = useDataSources();
  const navigate = useNavigate();
  const byId = useMemo(() => new Map((accounts.data ?? []).map((a) => [a.id, a])), [accounts.data]);
  const names = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p.name])), [people.data]);
  const isTeam = names.size > 1;
  const all = useMemo(() => findings.data ?? [], [findings.data]);
  const open = useMemo(
    () =>
      sortFindings(
        all.filter((f) => f.status === 'open'),
        byId,
      ),
    [all, byId],
  );
  const fixed = useMemo(
    () => all.filter((f) => f.status === 'resolved' || f.status === 'auto_resolved').length,
    [all],
  );
  const hasPasswords = useMemo(
    () => (accounts.data ?? []).some((a) => a.passwordStrength !== null),
    [accounts.data],
  );
  const dismissed = useMemo(() => all.filter((f) => f.status === 'dismissed'), [all]);
  const [dismissing, setDismissing] = useState<Finding | null>(null);
  const [guiding, setGuiding] = useState<GuideOrigin | null>(null);
  const [showDismissed, setShowDismissed] = useState(false);
  const reopen = useChannelMutation('findings:reopen', ['findings']);
  // In a file with several people, every finding says whose account it is.
  const textOf = useCallback(
    (finding: Finding) =>
      describeFinding(
        finding.kind,
        finding.evidence,
        finding.accountIds.map((id) => byId.get(id)?.service ?? `Account ${id}`),
        isTeam ? findingOwners(finding, byId, names) : undefined,
      ),
    [byId, names, isTeam],
  );
  const onGuide = useCallback(
    (finding: Finding) => setGuiding({ origin: 'finding', originId: finding.id }),
    [],
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
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Exposure</Title>
          <Text c="dimmed" size="sm">
            What is wrong with {isTeam ? 'the accounts' : 'your accounts'}, worst first, and what to do about
            each.
          </Text>
        </div>
        <Group gap="sm">
          <ScopeSelect people={people.data ?? []} value={scope} onChange={setScope} />
          <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
            Import passwords
          </Button>
        </Group>
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

      <Alert variant="outline" color="gray" title="How breached passwords were checked" p="xs">
        <Text size="sm">
          {settings.data?.onlinePwnedCheck
            ? 'Against the bundled list of the 100,000 most common leaked passwords and, online, the full Have I Been Pwned corpus (only 5 characters of each password’s hash leave this computer).'
            : 'Only against the bundled list of the 100,000 most common leaked passwords (UK NCSC, 2019). A password not on it may still have leaked: '}
          {!settings.data?.onlinePwnedCheck && (
            <Anchor
              component="button"
              size="sm"
              c="teal.9"
              underline="always"
              onClick={() => void navigate('/settings')}
            >
              turn on the online check in Settings
            </Anchor>
          )}
        </Text>
      </Alert>

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

      <FindingList
        findings={open}
        textOf={textOf}
        onGuide={onGuide}
        onDismiss={setDismissing}
        isBusy={findings.isPlaceholderData}
      >
        {dismissed.length > 0 && (
          <Stack gap="xs" mt="sm">
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
                {(showDismissed ? dismissed : []).map((finding) => (
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
      </FindingList>
      <StartGuideDialog target={guiding} onClose={() => setGuiding(null)} />
      <DismissDialog
        finding={dismissing}
        title={dismissing ? textOf(dismissing).title : ''}
        onClose={() => setDismissing(null)}
      />
    </Stack>
  );
}

/**
 * The open findings, virtualised: only the cards in view are in the page. What follows the list
 * (the findings set aside) scrolls with it.
 */
function FindingList({
  findings,
  textOf,
  onGuide,
  onDismiss,
  isBusy,
  children,
}: {
  /** Still showing the previous filter's findings while the new ones load. */
  isBusy: boolean;
  findings: Finding[];
  textOf: (finding: Finding) => FindingText;
  onGuide: (finding: Finding) => void;
  onDismiss: (finding: Finding) => void;
  children?: ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The compiler cannot memoise TanStack Virtual's API; this component does not rely on memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: findings.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 170,
    // A short list is rendered whole (find-in-page sees every card); a long one only around the view.
    overscan: fullyRendered(findings.length),
    getItemKey: (index) => findings[index]!.id,
  });
  return (
    <div ref={scrollRef} className={listClasses.scroller} data-testid="findings-scroller">
      {findings.length > 0 && (
        <div
          role="list"
          aria-label="Findings"
          aria-busy={isBusy || undefined}
          style={{ height: virtualizer.getTotalSize(), position: 'relative', opacity: isBusy ? 0.6 : 1 }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const finding = findings[item.index]!;
            const text = textOf(finding);
            return (
              <div
                key={finding.id}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="listitem"
                aria-label={text.title}
                className={listClasses.item}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <FindingCard finding={finding} text={text} onGuide={onGuide} onDismiss={onDismiss} />
              </div>
            );
          })}
        </div>
      )}
      {children}
    </div>
  );
}

const FindingCard = memo(function FindingCard({
  finding,
  text,
  onGuide,
  onDismiss,
}: {
  finding: Finding;
  text: FindingText;
  onGuide: (finding: Finding) => void;
  onDismiss: (finding: Finding) => void;
}) {
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
        <Title order={3} size="h5">
          {text.title}
        </Title>
        <Group gap={6} wrap="nowrap">
          <ToneBadge tone="gray">{FINDING_KIND_LABELS[finding.kind]}</ToneBadge>
          <ToneBadge tone={SEVERITY_TONES[finding.severity]}>{SEVERITY_LABELS[finding.severity]}</ToneBadge>
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
          <Button variant="outline" color="teal.9" size="compact-sm" onClick={() => onGuide(finding)}>
            Guide me
          </Button>
          <Button variant="subtle" color="gray" size="compact-sm" onClick={() => onDismiss(finding)}>
            Set aside…
          </Button>
        </Group>
      </Group>
    </Card>
  );
});
