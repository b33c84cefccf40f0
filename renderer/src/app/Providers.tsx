import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter } from 'react-router-dom';
import { theme } from './theme';

/** Creates the query client the app uses: IPC is local, so no retries and no window-focus refetch. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

/** Everything a screen needs around it: theme, notifications, data cache and router. */
export function Providers({ children, client }: { children: ReactNode; client?: QueryClient }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={client ?? createQueryClient()}>
        <HashRouter>{children}</HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
