import type { ReactNode } from 'react';
import { MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { HashRouter } from 'react-router-dom';
import { theme } from './theme';

/**
 * Dimmed and error text darker than Mantine's defaults on white, and lighter on the dark scheme's
 * greys, to meet WCAG AA contrast in both.
 */
const resolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    ...darkerFilledHover(Object.keys(theme.colors)),
    '--mantine-color-dimmed': theme.colors.gray[7] ?? '#495057',
    '--mantine-color-error': theme.colors.red[9] ?? '#c92a2a',
  },
  dark: {
    ...darkerFilledHover(Object.keys(theme.colors)),
    '--mantine-color-dimmed': '#a8a8a8',
    '--mantine-color-error': theme.colors.red[4] ?? '#ff8787',
  },
});

/**
 * A filled button under the pointer goes darker, not lighter: Mantine's hover shade (8, next to our
 * shade 9) puts white text below WCAG AA contrast (3.9:1 on teal).
 */
function darkerFilledHover(colors: string[]): Record<string, string> {
  return Object.fromEntries(
    colors.map((color) => [
      `--mantine-color-${color}-filled-hover`,
      `color-mix(in srgb, var(--mantine-color-${color}-9) 82%, black)`,
    ]),
  );
}

/** Creates the query client the app uses: IPC is local, so no retries and no window-focus refetch. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

/**
 * Everything a screen needs around it: theme, notifications, data cache and router. The colour
 * scheme follows the system's until Settings says otherwise (see `useColorSchemeSetting`).
 */
export function Providers({ children, client }: { children: ReactNode; client?: QueryClient }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={resolver}>
      <Notifications position="bottom-right" limit={4} />
      <QueryClientProvider client={client ?? createQueryClient()}>
        <HashRouter>{children}</HashRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
