import { useDeferredValue, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  CloseButton,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconFileImport, IconListDetails, IconPlus, IconSearch } from '@tabler/icons-react';
import type { Account } from '../../../../common/ipc/contract';
import {
  EMPTY_FILTER,
  type AccountFilter,
  type AccountSort,
  type AccountSortKey,
} from '../../../../common/domain/accountQuery';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CRITICALITIES,
  CRITICALITY_LABELS,
  MFA_LABELS,
  MFA_METHODS,
} from '../../../../common/domain/inventory';
import { call, messageOf } from '../../api/client';
import { queryKeys, useChannelMutation, usePeople } from '../../api/hooks';
import { usePagedList } from '../../api/paged';
import { notifyDeleted, notifyError } from '../../app/notify';
import { RecentlyDeleted } from '../../app/RecentlyDeleted';
import { EmptyState } from '../../components/EmptyState';
import { optionsOf } from '../../components/selectOptions';
import { ScopeSelect } from '../../components/ScopeSelect';
import { useScope } from '../team/useScope';
import { AccountForm } from './AccountForm';
import { AccountsTable } from './AccountsTable';
import { useWords } from '../../app/words';

/** Everything a person has, searchable, filterable and sortable. */
export function AccountsScreen({ onImport }: { onImport: () => void }) {
  const { t } = useWords();
  // Whose accounts: filtered in the main process (one person, or a group), then searched here.
  const { scope, setScope } = useScope();
  const people = usePeople();
  const remove = useChannelMutation('accounts:delete', ['accounts', 'people']);
  const [filter, setFilter] = useState<AccountFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<AccountSort>({ key: 'service', direction: 'asc' });
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const deferredFilter = useDeferredValue(filter);

  // Searched, filtered and sorted in main, and fetched in windows as the rows come into view.
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);
  const request = useMemo(
    () => ({
      ...scope,
      search: deferredFilter.search,
      category: deferredFilter.category,
      criticality: deferredFilter.criticality,
      mfa: deferredFilter.mfa,
      sort,
    }),
    [scope, deferredFilter, sort],
  );
  const accounts = usePagedList<{ total: number; all: number; items: Account[] }, Account>(
    [...queryKeys.accounts, 'page', request],
    (offset, limit) => call('accounts:page', { ...request, offset, limit }),
    range,
  );
  const all = accounts.first.data?.all;
  const isFiltered =
    (filter !== EMPTY_FILTER && JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER)) ||
    Object.keys(scope).length > 0;

  const toggleSort = (key: AccountSortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: 'asc' },
    );

  const deleteAccount = async (account: Account) => {
    try {
      const receipt = await remove.mutateAsync({ ids: [account.id] });
      setEditing(null);
      notifyDeleted(t('accounts.deleted', { service: account.service }), receipt.token);
    } catch (error) {
      notifyError(error, t('accounts.deleteFailed'));
    }
  };

  const header = (
    <Group justify="space-between" align="flex-end" mb="md">
      <div>
        <Title order={2}>{t('nav.accounts')}</Title>
        <Text c="dimmed" size="sm">
          {t('accounts.intro')}
        </Text>
      </div>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
          {t('exposure.import')}
        </Button>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('accounts.add')}
        </Button>
      </Group>
    </Group>
  );

  let body;
  if (accounts.first.isPending || people.isPending) {
    body = (
      <Group justify="center" py="xl">
        <Loader aria-label={t('accounts.loading')} />
      </Group>
    );
  } else if (accounts.first.isError || people.isError) {
    body = (
      <Alert color="red" title={t('accounts.loadFailed')} role="alert">
        {messageOf(accounts.first.error ?? people.error)}
      </Alert>
    );
  } else if (all === 0 && Object.keys(scope).length === 0) {
    body = (
      <EmptyState
        icon={<IconListDetails size={28} />}
        title={t('accounts.empty.title')}
        action={
          <Group gap="sm">
            <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={onImport}>
              {t('dashboard.empty.import')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setEditing('new')}
            >
              {t('accounts.empty.addFirst')}
            </Button>
          </Group>
        }
      >
        {t('accounts.empty.body')}
      </EmptyState>
    );
  } else {
    body = (
      <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
        <Group gap="sm" wrap="wrap" role="search" aria-label={t('accounts.filter.label')}>
          <TextInput
            aria-label={t('accounts.search.label')}
            placeholder={t('accounts.search.placeholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={filter.search}
            onChange={(event) => setFilter({ ...filter, search: event.currentTarget.value })}
            rightSection={
              filter.search ? (
                <CloseButton
                  aria-label={t('accounts.search.clear')}
                  onClick={() => setFilter({ ...filter, search: '' })}
                />
              ) : null
            }
            w={{ base: '100%', xs: 300 }}
          />
          <ScopeSelect people={people.data ?? []} value={scope} onChange={setScope} w={170} />
          <Select
            aria-label={t('accounts.filter.category')}
            placeholder={t('accounts.filter.allCategories')}
            clearable
            data={optionsOf(CATEGORIES, CATEGORY_LABELS)}
            value={filter.category}
            onChange={(value) =>
              setFilter({ ...filter, category: (value as AccountFilter['category']) ?? null })
            }
            w={170}
          />
          <Select
            aria-label={t('accounts.filter.criticality')}
            placeholder={t('accounts.filter.anyCriticality')}
            clearable
            data={optionsOf(CRITICALITIES, CRITICALITY_LABELS)}
            value={filter.criticality}
            onChange={(value) =>
              setFilter({ ...filter, criticality: (value as AccountFilter['criticality']) ?? null })
            }
            w={150}
          />
          <Select
            aria-label={t('accounts.filter.mfa')}
            placeholder={t('accounts.filter.anyMfa')}
            clearable
            data={optionsOf(MFA_METHODS, MFA_LABELS)}
            value={filter.mfa}
            onChange={(value) => setFilter({ ...filter, mfa: (value as AccountFilter['mfa']) ?? null })}
            w={180}
          />
          {isFiltered && (
            <Button
              variant="subtle"
              onClick={() => {
                setFilter(EMPTY_FILTER);
                setScope({});
              }}
            >
              {t('accounts.filter.clear')}
            </Button>
          )}
        </Group>
        {accounts.total === 0 ? (
          <Alert color="gray" variant="light" title={t('accounts.noMatch.title')}>
            {t('accounts.noMatch.body')}
          </Alert>
        ) : (
          <AccountsTable
            viewKey={JSON.stringify([deferredFilter, sort, scope])}
            count={accounts.total}
            itemAt={accounts.itemAt}
            onRange={setRange}
            total={all ?? 0}
            sort={sort}
            onSort={toggleSort}
            onOpen={setEditing}
            onDelete={deleteAccount}
          />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap={0} style={{ flex: 1, minHeight: 0 }}>
      {header}
      <RecentlyDeleted />
      {body}
      <AccountForm
        opened={editing !== null}
        onClose={() => setEditing(null)}
        account={editing === 'new' || editing === null ? undefined : editing}
        people={people.data ?? []}
        defaultPersonId={scope.personId ?? people.data?.find((p) => p.isDefault)?.id ?? null}
        onDelete={deleteAccount}
      />
    </Stack>
  );
}
