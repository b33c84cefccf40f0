import { useEffect, useState, type ReactNode } from 'react';
import { Alert, AppShell, Badge, Group, NavLink, Stack, Text, ThemeIcon, Title } from '@mantine/core';
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
import { ErrorBoundary } from './ErrorBoundary';
import { routeExternalLinks } from './externalLinks';

const SCREENS = [
  { path: '/dashboard', label: 'Dashboard', icon: IconLayoutDashboard },
  { path: '/team', label: 'Team', icon: IconUsersGroup },
  { path: '/exposure', label: 'Exposure', icon: IconAlertTriangle },
  { path: '/tasks', label: 'Tasks', icon: IconChecklist },
  { path: '/accounts', label: 'Accounts', icon: IconListDetails },
  { path: '/breaches', label: 'Breaches', icon: IconDatabaseSearch },
  { path: '/mail-scan', label: 'Mailbox scan', icon: IconMailSearch },
  { path: '/guides', label: 'Guides', icon: IconBook },
  { path: '/people', label: 'People', icon: IconUsers },
  { path: '/reports', label: 'Reports', icon: IconFileReport },
  { path: '/settings', label: 'Settings', icon: IconSettings },
] as const;

/** The window: navigation on the left, one screen at a time. */
export function App() {
  useChangeSubscription();
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
  useEffect(() => onNavigate((path) => void navigate(path)), [navigate]);

  // The e2e fixture and the preview wait for this instead of sleeping.
  useEffect(() => {
    if (isReady) document.documentElement.dataset.ready = 'true';
  }, [isReady]);

  return (
    <AppShell navbar={{ width: 220, breakpoint: 0 }} padding="lg">
      <AppShell.Navbar p="sm" aria-label="Main">
        <Stack gap="lg" h="100%">
          <Group gap="xs" px="xs" pt="xs">
            <ThemeIcon size="lg" radius="md" variant="filled" aria-hidden>
              <IconShieldLock size={20} />
            </ThemeIcon>
            <Title order={1} size="h3">
              Lockstep
            </Title>
          </Group>
          <nav aria-label="Screens">
            <Stack gap={4}>
              {SCREENS.map(({ path, label, icon: Icon }) => (
                <NavLink
                  key={path}
                  component="a"
                  href={`#${path}`}
                  label={label}
                  leftSection={<Icon size={18} aria-hidden />}
                  rightSection={
                    path === '/tasks' && due > 0 ? (
                      <Badge size="sm" color="red.9" variant="filled" aria-label={`${due} due or overdue`}>
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
                  }}
                />
              ))}
            </Stack>
          </nav>
          <Text size="xs" c="dimmed" mt="auto" px="xs">
            Everything stays on this computer.
            {info.data ? ` Version ${info.data.version}.` : ''}
          </Text>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        {history.data && !history.data.ok && (
          <Alert color="red" title="The history of changes has been altered" role="alert" mb="md">
            Entry {history.data.brokenAt} of the tamper-evident history does not match what Lockstep wrote (
            {history.data.reason}). Someone or something changed the data file outside Lockstep, so the record
            of what was done before that point cannot be trusted. Your accounts and tasks still work.
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
