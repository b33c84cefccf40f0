import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** Refetches the areas main says changed (from this window or any other). */
export function useChangeSubscription(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      onDidChange(({ areas }) => {
        for (const area of areas) void client.invalidateQueries({ queryKey: queryKeys[area] });
      }),
    [client],
  );
}

export const usePeople = () =>
  useQuery({ queryKey: queryKeys.people, queryFn: () => call('people:list', {}) });

export const useAccounts = () =>
  useQuery({ queryKey: queryKeys.accounts, queryFn: () => call('accounts:list', {}) });

export const useFindings = () =>
  useQuery({ queryKey: queryKeys.findings, queryFn: () => call('findings:list', {}) });

/** How the stored passwords were checked (refreshed with the findings). */
export const usePasswordCoverage = () =>
  useQuery({ queryKey: [...queryKeys.findings, 'coverage'], queryFn: () => call('passwords:coverage', {}) });

export const useSettings = () =>
  useQuery({ queryKey: queryKeys.settings, queryFn: () => call('settings:get', {}) });

export const useLedger = () =>
  useQuery({ queryKey: queryKeys.ledger, queryFn: () => call('ledger:list', {}) });

export const useTasks = () => useQuery({ queryKey: queryKeys.tasks, queryFn: () => call('tasks:list', {}) });

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
    onSettled: () =>
      Promise.all(areas.map((area) => client.invalidateQueries({ queryKey: queryKeys[area] }))),
  });
}
