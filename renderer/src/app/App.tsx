import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, AppShell, Badge, Burger, Group, NavLink, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { call, onNavigate } from '../api/client';
import {
  IconAlertTriangle,
  IconBook,
  IconChecklist,
  IconDatabaseSearch,
  IconFileReport,
  IconLayoutDashboard,
  IconListDetails,
  IconMailSearch,
  IconSettings,
  IconShieldLock,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAppInfo, useChangeSubscription, usePeople, useTasks } from '../api/hooks';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { BreachesScreen } from '../features/breaches/BreachesScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { GuidesScreen } from '../features/guides/GuidesScreen';
import { ExposureScreen } from '../features/exposure/ExposureScreen';
import { ImportDialog } from '../features/import/ImportDialog';
import { MailScanScreen } from '../features/mailScan/MailScanScreen';
import { PeopleScreen } from '../features/people/PeopleScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { dueCount, TasksScreen } from '../features/tasks/TasksScreen';
import { ReportsScreen } from '../features/team/ReportsScreen';
import { TeamScreen } from '../features/team/TeamScreen';
import classes from './App.module.css';
import { useColorSchemeSetting, usePrintInLight } from './colorScheme';
import { ErrorBoundary } from './ErrorBoundary';
import { useWords } from './words';
import type { MessageId } from '../../../common/messages/en';
import { routeExternalLinks } from './externalLinks';

const SCREENS = [
  { path: '/dashboard', label: 'nav.dashboard', icon: IconLayoutDashboard },
  { path: '/team', label: 'nav.team', icon: IconUsersGroup },
  { path: '/exposure', label: 'nav.exposure', icon: IconAlertTriangle },
  { path: '/tasks', label: 'nav.tasks', icon: IconChecklist },
  { path: '/accounts', label: 'nav.accounts', icon: IconListDetails },
  { path: '/breaches', label: 'nav.breaches', icon: IconDatabaseSearch },
  { path: '/mail-scan', label: 'nav.mailScan', icon: IconMailSearch },
  { path: '/guides', label: 'nav.guides', icon: IconBook },
  { path: '/people', label: 'nav.people', icon: IconUsers },
  { path: '/reports', label: 'nav.reports', icon: IconFileReport },
  { path: '/settings', label: 'nav.settings', icon: IconSettings },
] as const satisfies readonly { path: string; label: MessageId; icon: unknown }[];

/** Below this width (48em, Mantine's `sm`) the navigation folds behind a menu button. */
const NARROW = '(max-width: 47.99em)';

/**
 * The window: navigation on the left, one screen at a time. In a narrow window (or at 200 % zoom)
 * the navigation folds behind a menu button, so every screen keeps the whole width.
 */
export function App() {
  useChangeSubscription();
  const { t } = useWords();
  useColorSchemeSetting();
  usePrintInLight();
  const isNarrow = useMediaQuery(NARROW) ?? false;
  const [isNavOpen, setNavOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const navRef = useRef<HTMLDivElement>(null);
  const isNavShown = !isNarrow || isNavOpen;
  const navigate = useNavigate();
  const location = useLocation();
  const people = usePeople();
  const info = useAppInfo();
  const [isImporting, setImporting] = useState(false);
  // Only the tasks due today or overdue: the badge does not need the whole list.
  const tasks = useTasks({ due: true });
  const due = dueCount(tasks.data ?? []);
  const history = useQuery({
    queryKey: ['history', 'verify'],
    queryFn: () => call('history:verify', {}),
    staleTime: Infinity,
  });
  const startImport = () => setImporting(true);
  const elements: Record<(typeof SCREENS)[number]['path'], ReactNode> = {
    '/dashboard': <DashboardScreen onImport={startImport} />,
    '/exposure': <ExposureScreen onImport={startImport} />,
    '/accounts': <AccountsScreen onImport={startImport} />,
    '/breaches': <BreachesScreen />,
    '/mail-scan': <MailScanScreen />,
    '/guides': <GuidesScreen />,
    '/tasks': <TasksScreen />,
    '/people': <PeopleScreen />,
    '/team': <TeamScreen />,
    '/reports': <ReportsScreen />,
    '/settings': <SettingsScreen />,
  };
  // Each screen loads its own lists (the accounts only where they are shown: 5,000 of them would
  // otherwise be fetched at start and after every change).
  const isReady = !people.isPending;

  useEffect(() => routeExternalLinks(document), []);
  // Opening the menu moves the focus into it (on the current screen's link); Escape closes it and
  // gives the focus back to the menu button.
  useEffect(() => {
    if (!isNarrow || !isNavOpen) return;
    const links = navRef.current?.querySelectorAll<HTMLElement>('a');
    const current = navRef.current?.querySelector<HTMLElement>('a[aria-current="page"]');
    (current ?? links?.[0])?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setNavOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [isNarrow, isNavOpen]);
  useEffect(() => onNavigate((path) => void navigate(path)), [navigate]);

  // The e2e fixture and the preview wait for this instead of sleeping.
  useEffect(() => {
    if (isReady) document.documentElement.dataset.ready = 'true';
  }, [isReady]);

  return (
    <AppShell
      header={{ height: { base: 52, sm: 0 } }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header hiddenFrom="sm" px="sm">
        <Group h="100%" gap="sm" wrap="nowrap">
          <Burger
            ref={menuButton}
            opened={isNavOpen}
            onClick={() => setNavOpen((open) => !open)}
            size="sm"
            aria-label={t('nav.menu')}
            aria-expanded={isNavOpen}
            aria-controls="app-navigation"
          />
          <ThemeIcon size="md" radius="md" variant="filled" aria-hidden>
            <IconShieldLock size={16} />
          </ThemeIcon>
          {isNarrow && (
            <Title order={1} size="h4">
              Lockstep
            </Title>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        aria-label={t('nav.main')}
        id="app-navigation"
        ref={navRef}
        className={classes.navbar}
        data-hidden={isNavShown ? undefined : true}
      >
        <Stack gap="lg" h="100%" className={classes.navStack}>
          <Group gap="xs" px="xs" pt="xs" visibleFrom="sm">
            <ThemeIcon size="lg" radius="md" variant="filled" aria-hidden>
              <IconShieldLock size={20} />
            </ThemeIcon>
            {!isNarrow && (
              <Title order={1} size="h3">
                Lockstep
              </Title>
            )}
          </Group>
          <nav aria-label={t('nav.screens')}>
            <Stack gap={4}>
              {SCREENS.map(({ path, label, icon: Icon }) => (
                <NavLink
                  key={path}
                  component="a"
                  href={`#${path}`}
                  label={t(label)}
                  leftSection={<Icon size={18} aria-hidden />}
                  rightSection={
                    path === '/tasks' && due > 0 ? (
                      <Badge
                        size="sm"
                        color="red.9"
                        variant="filled"
                        aria-label={t('nav.dueBadge', { count: due })}
                      >
                        {due}
                      </Badge>
                    ) : undefined
                  }
                  className={classes.navLink}
                  active={location.pathname.startsWith(path)}
                  aria-current={location.pathname.startsWith(path) ? 'page' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    void navigate(path);
                    if (isNarrow) {
                      setNavOpen(false);
                      menuButton.current?.focus();
                    }
                  }}
                />
              ))}
            </Stack>
          </nav>
          <Text size="xs" c="dimmed" mt="auto" px="xs">
            {info.data ? t('nav.footerVersion', { version: info.data.version }) : t('nav.footer')}
          </Text>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main} inert={isNarrow && isNavOpen}>
        {history.data && !history.data.ok && (
          <Alert color="red" title={t('app.historyAltered.title')} role="alert" mb="md">
            {t('app.historyAltered.body', {
              entry: history.data.brokenAt,
              reason: history.data.reason,
            })}
          </Alert>
        )}
        <ErrorBoundary key={location.pathname}>
          <Routes>
            {SCREENS.map(({ path }) => (
              <Route key={path} path={`${path}/*`} element={elements[path]} />
            ))}
            <Route path="*" element={<Navigate to="/dashboard" replace />} />
          </Routes>
        </ErrorBoundary>
      </AppShell.Main>
      <ImportDialog
        opened={isImporting}
        onClose={() => setImporting(false)}
        onShowFindings={() => {
          setImporting(false);
          void navigate('/exposure');
        }}
      />
    </AppShell>
  );
}
