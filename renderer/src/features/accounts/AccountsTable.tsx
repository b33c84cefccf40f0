import { useEffect, useRef } from 'react';
import { ActionIcon, Box, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Account } from '../../../../common/ipc/contract';
import type { AccountSort, AccountSortKey } from '../../../../common/domain/accountQuery';
import { CATEGORY_LABELS } from '../../../../common/domain/inventory';
import { STRENGTH_LABELS, type StrengthScore } from '../../../../common/domain/passwords/strength';
import { CriticalityBadge, MfaBadge, ToneBadge } from '../../components/Badges';
import classes from './AccountsTable.module.css';

const COLUMNS: { key: AccountSortKey; label: string }[] = [
  { key: 'service', label: 'Service' },
  { key: 'person', label: 'Person' },
  { key: 'username', label: 'Username' },
  { key: 'category', label: 'Category' },
  { key: 'criticality', label: 'Criticality' },
  { key: 'mfa', label: 'Two-step' },
  { key: 'passwordStrength', label: 'Password' },
  { key: 'passwordChangedAt', label: 'Changed' },
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
        aria-label="Accounts"
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
                    {column.label}
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
              <span className={classes.visuallyHidden}>Actions</span>
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
                      Loading…
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
                    aria-label={`Edit ${account.service}${account.username ? ` (${account.username})` : ''}`}
                  >
                    <Text size="sm" fw={600} truncate>
                      {account.service}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {account.domain ?? 'No address'}
                    </Text>
                  </UnstyledButton>
                </div>
                <div role="cell" className={classes.cell} data-column="person">
                  <Text size="sm" truncate>
                    {account.personName}
                  </Text>
                </div>
                <div role="cell" className={classes.cell} data-column="username">
                  <Text size="sm" truncate>
                    {account.username || '—'}
                  </Text>
                </div>
                <div role="cell" className={classes.cell} data-column="category">
                  <Text size="sm" truncate>
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
                    <ToneBadge
                      tone={
                        account.passwordStrength <= 1
                          ? 'red'
                          : account.passwordStrength === 2
                            ? 'yellow'
                            : 'teal'
                      }
                    >
                      {STRENGTH_LABELS[account.passwordStrength as StrengthScore]}
                    </ToneBadge>
                  )}
                </div>
                <div role="cell" className={classes.cell} data-column="passwordChangedAt">
                  <Text size="sm" c={account.passwordChangedAt ? undefined : 'dimmed'}>
                    {account.passwordChangedAt ?? 'Unknown'}
                  </Text>
                </div>
                <div role="cell" className={classes.cell} data-column="actions">
                  <Tooltip label="Delete" openDelay={400}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Delete ${account.service}`}
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
            ? `${total.toLocaleString()} ${total === 1 ? 'account' : 'accounts'}`
            : `Showing ${count.toLocaleString()} of ${total.toLocaleString()} accounts`}
        </Text>
      </Box>
    </div>
  );
}
