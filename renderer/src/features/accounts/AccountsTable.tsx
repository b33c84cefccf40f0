import { useEffect, useRef } from 'react';
import { ActionIcon, Box, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Account } from '../../../../common/ipc/contract';
import type { AccountSort, AccountSortKey } from '../../../../common/domain/accountQuery';
import { CATEGORY_LABELS } from '../../../../common/domain/inventory';
import type { StrengthScore } from '../../../../common/domain/passwords/strength';
import { CriticalityBadge, MfaBadge, StrengthBadge } from '../../components/Badges';
import classes from './AccountsTable.module.css';
import { format } from '../../app/words';
import type { MessageId } from '../../../../common/messages/en';
import { inspectDomain, mixedScriptWarning, readableServiceName } from '../../../../common/domain/names';

const COLUMNS: { key: AccountSortKey; label: MessageId }[] = [
  { key: 'service', label: 'accounts.column.service' },
  { key: 'person', label: 'accounts.column.person' },
  { key: 'username', label: 'accounts.column.username' },
  { key: 'category', label: 'accounts.column.category' },
  { key: 'criticality', label: 'accounts.column.criticality' },
  { key: 'mfa', label: 'accounts.column.mfa' },
  { key: 'passwordStrength', label: 'accounts.column.password' },
  { key: 'passwordChangedAt', label: 'accounts.column.changed' },
];

/**
 * The grid's layout for its width: every column; without Category and Changed (a 1024 px window, or
 * a wide one at 125-150 % zoom); or two lines per account (a narrow window, or 200 % zoom), where a
 * row's cells wrap instead of scrolling sideways.
 */
type Layout = 'full' | 'medium' | 'compact';

const LAYOUTS: Record<Layout, { row: number; header: number }> = {
  full: { row: 52, header: 40 },
  medium: { row: 52, header: 40 },
  compact: { row: 84, header: 64 },
};

function layoutFor(width: number): Layout {
  if (width === 0 || width >= 1000) return 'full';
  return width >= 660 ? 'medium' : 'compact';
}

/**
 * The accounts grid. Only the rows in view are in the DOM, so 10,000 accounts scroll as smoothly as
 * ten. ARIA grid semantics keep it a table for screen readers.
 */
export function AccountsTable({
  count,
  itemAt,
  onRange,
  total,
  sort,
  onSort,
  onOpen,
  onDelete,
  viewKey,
}: {
  /** Changes when the sort or filter changes: the list then starts again from the top. */
  viewKey: string;
  /** How many accounts match. */
  count: number;
  /** The account at a row, or undefined while its window loads from main. */
  itemAt: (index: number) => Account | undefined;
  /** Tells which rows are in view (to fetch their window), when that changes. */
  onRange: (range: { start: number; end: number }) => void;
  total: number;
  sort: AccountSort;
  onSort: (key: AccountSortKey) => void;
  onOpen: (account: Account) => void;
  onDelete: (account: Account) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { ref: sizeRef, width } = useElementSize();
  const layout = layoutFor(width);
  const { row: rowHeight, header: headerHeight } = LAYOUTS[layout];
  // The compiler cannot memoise TanStack Virtual's API; this component does not rely on memoisation.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    // Rows start below the sticky header, which scrolls with them.
    scrollMargin: headerHeight,
  });

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [viewKey]);
  // A new layout changes every row's height: measure again.
  useEffect(() => virtualizer.measure(), [layout, virtualizer]);
  const rows = virtualizer.getVirtualItems();
  const start = rows[0]?.index ?? 0;
  const end = rows.at(-1)?.index ?? 0;
  useEffect(() => onRange({ start, end }), [start, end, onRange]);

  return (
    <div className={classes.table} ref={sizeRef} data-layout={layout}>
      <div
        ref={scrollRef}
        role="table"
        aria-label={format('nav.accounts')}
        aria-rowcount={count + 1}
        className={classes.scroller}
        data-testid="accounts-scroller"
      >
        <div role="rowgroup" className={classes.stickyHeader}>
          <div role="row" aria-rowindex={1} className={`${classes.row} ${classes.header}`}>
            {COLUMNS.map((column) => {
              const isSorted = sort.key === column.key;
              return (
                <div
                  key={column.key}
                  data-column={column.key}
                  role="columnheader"
                  aria-sort={isSorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  className={classes.cell}
                >
                  <UnstyledButton className={classes.sortButton} onClick={() => onSort(column.key)}>
                    {format(column.label)}
                    {isSorted &&
                      (sort.direction === 'asc' ? (
                        <IconArrowUp size={14} aria-hidden />
                      ) : (
                        <IconArrowDown size={14} aria-hidden />
                      ))}
                  </UnstyledButton>
                </div>
              );
            })}
            <div role="columnheader" className={classes.cell} data-column="actions">
              <span className={classes.visuallyHidden}>{format('accounts.column.actions')}</span>
            </div>
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((item) => {
            const account = itemAt(item.index);
            if (!account)
              return (
                <div
                  key={`loading-${item.index}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-busy
                  className={`${classes.row} ${classes.body}`}
                  style={{ transform: `translateY(${item.start - headerHeight}px)`, height: rowHeight }}
                >
                  <div role="cell" className={classes.cell} data-column="service">
                    <Text size="sm" c="dimmed">
                      {format('common.loading')}
                    </Text>
                  </div>
                </div>
              );
            return (
              <div
                key={account.id}
                role="row"
                aria-rowindex={item.index + 2}
                className={`${classes.row} ${classes.body}`}
                style={{ transform: `translateY(${item.start - headerHeight}px)`, height: rowHeight }}
                onDoubleClick={() => onOpen(account)}
              >
                <div role="cell" className={classes.cell} data-column="service">
                  <UnstyledButton
                    className={classes.serviceButton}
                    onClick={() => onOpen(account)}
                    aria-label={format('accounts.edit', {
                      service: readableServiceName(account.service),
                      username: account.username,
                      hasUsername: account.username ? 'yes' : 'no',
                    })}
                  >
                    <Text size="sm" fw={600} truncate title={readableServiceName(account.service)}>
                      {readableServiceName(account.service)}
                    </Text>
                    <DomainText domain={account.domain} />
                  </UnstyledButton>
                </div>
                <div role="cell" className={classes.cell} data-column="person">
                  <Text size="sm" truncate title={account.personName}>
                    {account.personName}
                  </Text>
                </div>
                <div role="cell" className={classes.cell} data-column="username">
                  <Text size="sm" truncate title={account.username || undefined}>
                    {account.username || '—'}
                  </Text>
                </div>
                <div role="cell" className={classes.cell} data-column="category">
                  <Text size="sm" lineClamp={2}>
                    {CATEGORY_LABELS[account.category]}
                  </Text>
                </div>
                <div role="cell" className={classes.cell} data-column="criticality">
                  <CriticalityBadge value={account.criticality} />
                </div>
                <div role="cell" className={classes.cell} data-column="mfa">
                  <MfaBadge value={account.mfa} />
                </div>
                <div role="cell" className={classes.cell} data-column="passwordStrength">
                  {account.passwordStrength === null ? (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <StrengthBadge score={account.passwordStrength as StrengthScore} />
                  )}
                </div>
                <div role="cell" className={classes.cell} data-column="passwordChangedAt">
                  <Text size="sm" c={account.passwordChangedAt ? undefined : 'dimmed'}>
                    {account.passwordChangedAt ?? format('accounts.changedUnknown')}
                  </Text>
                </div>
                <div role="cell" className={classes.cell} data-column="actions">
                  <Tooltip label={format('accounts.deleteShort')} openDelay={400}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={format('accounts.delete', {
                        service: readableServiceName(account.service),
                      })}
                      onClick={() => onDelete(account)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <Box className={classes.footer} aria-live="polite">
        <Text size="xs" c="dimmed">
          {count === total
            ? format('count.accounts', { count: total })
            : format('accounts.showing', { count, total })}
        </Text>
      </Box>
    </div>
  );
}

/**
 * An account's domain as a person reads it: in Unicode (never "xn--…"), with a warning sign and
 * its explanation when the name mixes alphabets (a possible look-alike site).
 */
function DomainText({ domain }: { domain: string | null }) {
  if (domain === null)
    return (
      <Text size="xs" c="dimmed" truncate>
        {format('accounts.noAddress')}
      </Text>
    );
  const { name } = inspectDomain(domain);
  const warning = mixedScriptWarning(domain);
  return (
    <Text size="xs" c={warning ? 'red.9' : 'dimmed'} truncate title={warning ?? name}>
      {warning ? `⚠ ${name}` : name}
    </Text>
  );
}
