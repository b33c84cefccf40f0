import { memo, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, Card, Collapse, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useNavigate } from 'react-router-dom';
import type { Finding, FindingPage } from '../../../../common/ipc/contract';
import { FINDING_KIND_LABELS, SEVERITY_LABELS } from '../../../../common/domain/checks/describe';
import { call, messageOf } from '../../api/client';
import {
  queryKeys,
  useChannelMutation,
  useDataSources,
  usePasswordCoverage,
  usePeople,
  useSettings,
} from '../../api/hooks';
import { usePagedList } from '../../api/paged';
import { notifyError } from '../../app/notify';
import { ToneBadge } from '../../components/Badges';
import { EmptyState } from '../../components/EmptyState';
import { ScopeSelect } from '../../components/ScopeSelect';
import listClasses from '../../components/VirtualList.module.css';
import { useOverscan } from '../../components/virtualList';
import { StartGuideDialog, type GuideOrigin } from '../guides/StartGuideDialog';
import { useScope } from '../team/useScope';
import { DismissDialog } from './DismissDialog';
import { FindingActions } from './FindingActions';
import { format, useWords } from '../../app/words';

/** A finding with its words, as main sends it. */
type Item = FindingPage['items'][number];

const SEVERITY_TONES = { critical: 'red', high: 'orange', medium: 'yellow', low: 'gray' } as const;

/** What is wrong, worst first, each with why it matters and what to do. */
export function ExposureScreen({ onImport }: { onImport: () => void }) {
  const { t } = useWords();
  const { scope, setScope } = useScope();
  const people = usePeople();
  const settings = useSettings();
  const sources = useDataSources();
  const coverage = usePasswordCoverage();
  const navigate = useNavigate();
  const isTeam = (people.data?.length ?? 0) > 1;
  // Worst first, described (whose account it is, in an office) and fetched in windows from main.
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);
  const findings = usePagedList<FindingPage, Item>(
    [...queryKeys.findings, 'page', scope, 'open'],
    (offset, limit) => call('findings:page', { ...scope, status: 'open', offset, limit }),
    range,
  );
  const page = findings.first.data;
  const open = findings.total;
  const fixed = page?.counts.fixed ?? 0;
  const hasPasswords = page?.hasPasswords ?? false;
  const [dismissing, setDismissing] = useState<Item | null>(null);
  const [guiding, setGuiding] = useState<GuideOrigin | null>(null);
  const [showDismissed, setShowDismissed] = useState(false);
  const dismissed = useQuery({
    queryKey: [...queryKeys.findings, 'page', scope, 'dismissed'],
    queryFn: () => call('findings:page', { ...scope, status: 'dismissed', offset: 0, limit: 1000 }),
    enabled: showDismissed,
  });
  const dismissedCount = page?.counts.dismissed ?? 0;
  const reopen = useChannelMutation('findings:reopen', ['findings']);
  const onGuide = useCallback(
    (finding: Finding) => setGuiding({ origin: 'finding', originId: finding.id }),
    [],
  );
  const all = page ? page.counts.open + page.counts.fixed + page.counts.dismissed : 0;

  if (findings.first.isPending) return <Loader aria-label={t('exposure.loading')} />;
  if (findings.first.isError) {
    return (
      <Alert color="red" title={t('exposure.loadFailed')} role="alert">
        {messageOf(findings.first.error)}
      </Alert>
    );
  }
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('nav.exposure')}</Title>
          <Text c="dimmed" size="sm">
            {t('exposure.intro', { who: isTeam ? 'team' : 'you' })}
          </Text>
        </div>
        <Group gap="sm">
          <ScopeSelect people={people.data ?? []} value={scope} onChange={setScope} />
          <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
            {t('exposure.import')}
          </Button>
        </Group>
      </Group>

      {all > 0 && (
        <Text size="sm" aria-live="polite">
          {open === 0
            ? t('exposure.summary.none', { fixed })
            : t('exposure.summary', { open, fixed, total: fixed + open })}
        </Text>
      )}

      {sources.data && !sources.data.available && (
        <Alert color="red" title={t('exposure.sources.failedTitle')} role="alert">
          {t('exposure.sources.failed')} {sources.data.error}
        </Alert>
      )}
      {sources.data?.dates && (
        <Text size="xs" c="dimmed">
          {t('exposure.sources.dates', {
            breaches: sources.data.dates.breaches ?? t('finding.unknownDate'),
            twoFactor: sources.data.dates.twoFactor,
          })}
        </Text>
      )}

      {coverage.data && (
        <Alert
          style={{ flexShrink: 0 }}
          variant="outline"
          color={coverage.data.coverage.gaps.length > 0 ? 'yellow.9' : 'gray'}
          title={t('dashboard.checks.title')}
          aria-label={t('dashboard.checks.title')}
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
                  c="var(--ls-text-accent)"
                  underline="always"
                  ta="left"
                  onClick={() => void navigate('/settings')}
                >
                  {t('exposure.checks.openSettings')}
                </Anchor>
              )}
          </Stack>
        </Alert>
      )}

      {open === 0 && !hasPasswords && (
        <EmptyState
          icon={<IconFileImport size={28} />}
          title={t('exposure.empty.title')}
          action={
            <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
              {t('dashboard.empty.import')}
            </Button>
          }
        >
          {t('exposure.empty.body')}
        </EmptyState>
      )}
      {open === 0 && hasPasswords && (
        <EmptyState icon={<IconShieldCheck size={28} />} title={t('exposure.clean.title')}>
          {t('exposure.clean.body')}
        </EmptyState>
      )}

      <FindingList
        total={open}
        itemAt={findings.itemAt}
        onRange={setRange}
        onGuide={onGuide}
        onDismiss={setDismissing}
        isBusy={findings.isPlaceholder}
      >
        {dismissedCount > 0 && (
          <Stack gap="xs" mt="sm">
            <Button
              variant="subtle"
              w="fit-content"
              onClick={() => setShowDismissed((v) => !v)}
              aria-expanded={showDismissed}
            >
              {t('exposure.setAside.toggle', { shown: showDismissed ? 'yes' : 'no', count: dismissedCount })}
            </Button>
            <Collapse expanded={showDismissed}>
              <Stack gap="xs" role="list" aria-label={t('exposure.setAside.label')}>
                {(showDismissed ? (dismissed.data?.items ?? []) : []).map(({ finding, text }) => (
                  <Card key={finding.id} withBorder padding="sm" role="listitem" aria-label={text.title}>
                    <Group justify="space-between" wrap="nowrap">
                      <div>
                        <Text size="sm" fw={600}>
                          {text.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {finding.dismissedReason}
                          {finding.recheckAt
                            ? t('exposure.setAside.comesBack', { date: finding.recheckAt })
                            : ''}
                        </Text>
                      </div>
                      <Button
                        variant="default"
                        size="compact-sm"
                        onClick={() =>
                          reopen.mutateAsync({ id: finding.id }).catch((error: unknown) => notifyError(error))
                        }
                      >
                        {t('exposure.setAside.reopen')}
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
        finding={dismissing?.finding ?? null}
        title={dismissing?.text.title ?? ''}
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
  total,
  itemAt,
  onRange,
  onGuide,
  onDismiss,
  isBusy,
  children,
}: {
  total: number;
  itemAt: (index: number) => Item | undefined;
  /** Tells which rows are in view (to fetch their window), when that changes. */
  onRange: (range: { start: number; end: number }) => void;
  onGuide: (finding: Finding) => void;
  onDismiss: (item: Item) => void;
  /** Still showing the previous filter's findings while the new ones load. */
  isBusy: boolean;
  children?: ReactNode;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const overscan = useOverscan(total);
  // The compiler cannot memoise TanStack Virtual's API; this component does not rely on memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 170,
    // A short list is rendered whole (find-in-page sees every card); a long one only around the view.
    overscan,
    getItemKey: (index) => itemAt(index)?.finding.id ?? `loading-${index}`,
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = items.at(-1)?.index ?? 0;
  useEffect(() => onRange({ start, end }), [start, end, onRange]);
  return (
    <div ref={scrollRef} className={listClasses.scroller} data-testid="findings-scroller">
      {total > 0 && (
        <div
          role="list"
          aria-label={format('exposure.list')}
          aria-busy={isBusy || undefined}
          style={{ height: virtualizer.getTotalSize(), position: 'relative', opacity: isBusy ? 0.6 : 1 }}
        >
          {items.map((row) => {
            const item = itemAt(row.index);
            return (
              <div
                key={row.key}
                ref={virtualizer.measureElement}
                data-index={row.index}
                role="listitem"
                aria-label={item?.text.title ?? format('common.loading')}
                aria-busy={item ? undefined : true}
                className={listClasses.item}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                {item ? (
                  <FindingCard item={item} onGuide={onGuide} onDismiss={onDismiss} />
                ) : (
                  <Card withBorder padding="md" h={158}>
                    <Loader size="sm" aria-hidden />
                  </Card>
                )}
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
  item,
  onGuide,
  onDismiss,
}: {
  item: Item;
  onGuide: (finding: Finding) => void;
  onDismiss: (item: Item) => void;
}) {
  const { finding, text } = item;
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start" mb={6}>
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
      <Group justify="space-between" align="flex-end" gap="xs md">
        <Text size="sm" fw={600} className={listClasses.grow}>
          {format('exposure.card.whatToDo')}{' '}
          <Text span fw={400}>
            {text.action}
          </Text>{' '}
          <Text span c="dimmed" size="xs">
            {format('exposure.card.minutes', { minutes: text.minutes })}
          </Text>
        </Text>
        <Group gap={6} wrap="nowrap">
          <Button variant="outline" color="teal" size="compact-sm" onClick={() => onGuide(finding)}>
            {format('exposure.card.guideMe')}
          </Button>
          <Button variant="subtle" color="gray" size="compact-sm" onClick={() => onDismiss(item)}>
            {format('exposure.card.setAside')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
});
