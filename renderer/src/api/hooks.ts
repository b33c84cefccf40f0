import { useEffect } from 'react';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { Channel, ChangeArea, RequestOf, ResponseOf } from '../../../common/ipc/contract';
import { call, onDidChange } from './client';

/** Query keys by area, so a change event refetches exactly what it touched. */
export const queryKeys = {
  people: ['people'] as const,
  accounts: ['accounts'] as const,
  findings: ['findings'] as const,
  settings: ['settings'] as const,
  ledger: ['ledger'] as const,
  tasks: ['tasks'] as const,
  guides: ['guides'] as const,
  mail: ['mail'] as const,
  appInfo: ['app'] as const,
} satisfies Record<ChangeArea | 'appInfo', readonly string[]>;

/** The team view's figures follow people, accounts, findings and tasks. */
const TEAM_KEY = ['team'] as const;
const TEAM_INPUTS: ReadonlySet<ChangeArea> = new Set(['people', 'accounts', 'findings', 'tasks']);

/** Refetches what changed in these areas (and the team figures computed from them). */
function invalidateAreas(client: QueryClient, areas: readonly ChangeArea[]): Promise<unknown> {
  const keys: (readonly string[])[] = areas.map((area) => queryKeys[area]);
  if (areas.some((area) => TEAM_INPUTS.has(area))) keys.push(TEAM_KEY);
  return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

/** Refetches the areas main says changed (from this window or any other). */
export function useChangeSubscription(): void {
  const client = useQueryClient();
  useEffect(() => onDidChange(({ areas }) => void invalidateAreas(client, areas)), [client]);
}

export const usePeople = () =>
  useQuery({ queryKey: queryKeys.people, queryFn: () => call('people:list', {}) });

/** Whose data a list shows: one person, one group, or (neither) everyone. Filtered in main. */
export interface Scope {
  personId?: number;
  group?: string;
}

/** Whether this file holds several people (a family, an office): things then say whose they are. */
export const useIsTeam = (): boolean => (usePeople().data?.length ?? 0) > 1;

export const useAccounts = (scope: Scope = {}) =>
  useQuery({
    queryKey: [...queryKeys.accounts, scope],
    queryFn: () => call('accounts:list', scope),
    placeholderData: keepPreviousData,
  });

export const useFindings = (scope: Scope = {}) =>
  useQuery({
    queryKey: [...queryKeys.findings, scope],
    queryFn: () => call('findings:list', scope),
    placeholderData: keepPreviousData,
  });

/** How the stored passwords were checked (refreshed with the findings). */
export const usePasswordCoverage = () =>
  useQuery({ queryKey: [...queryKeys.findings, 'coverage'], queryFn: () => call('passwords:coverage', {}) });

export const useSettings = () =>
  useQuery({ queryKey: queryKeys.settings, queryFn: () => call('settings:get', {}) });

export const useLedger = () =>
  useQuery({ queryKey: queryKeys.ledger, queryFn: () => call('ledger:list', {}) });

/** Tasks in a scope, optionally only those assigned to someone ("mine", unassigned, a person). */
export const useTasks = (query: RequestOf<'tasks:list'> = {}) =>
  useQuery({
    queryKey: [...queryKeys.tasks, query],
    queryFn: () => call('tasks:list', query),
    placeholderData: keepPreviousData,
  });

/** The team view (rows and coverage figures), for everyone or one group. */
export const useTeam = (group?: string) =>
  useQuery({
    // Its figures move with people, accounts, findings and tasks: their change events refetch it.
    queryKey: [...TEAM_KEY, group ?? null],
    queryFn: () => call('team:get', group === undefined ? {} : { group }),
    placeholderData: keepPreviousData,
  });

/** Guides started for several people at once. */
export const useChecklists = () =>
  useQuery({ queryKey: [...queryKeys.guides, 'checklists'], queryFn: () => call('checklists:list', {}) });

export const useDataSources = () =>
  useQuery({ queryKey: ['data-sources'], queryFn: () => call('data:sources', {}), staleTime: Infinity });

export const useEmailBreaches = () =>
  useQuery({ queryKey: [...queryKeys.people, 'breaches'], queryFn: () => call('emails:breaches', {}) });

export const useAppInfo = () =>
  useQuery({ queryKey: queryKeys.appInfo, queryFn: () => call('app:info', {}), staleTime: Infinity });

/**
 * A mutation over one channel that refreshes the given areas when it settles (the change event
 * does too; this keeps the view right even before the event arrives).
 */
export function useChannelMutation<C extends Channel>(channel: C, areas: ChangeArea[]) {
  const client = useQueryClient();
  return useMutation<ResponseOf<C>, Error, RequestOf<C>>({
    mutationFn: (request) => call(channel, request),
    onSettled: () => invalidateAreas(client, areas),
  });
}
