// The signed-in shell: left navigation, header with the workspace and the user menu, page outlet.
import { AppShell, Badge, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useRouterState } from '@tanstack/react-router';
import { IconBook2, IconBuilding, IconChartLine, IconChecklist, IconFileImport, IconForms, IconLayoutDashboard, IconSettings, IconSpeakerphone, IconTargetArrow, IconUsers } from '@tabler/icons-react';
import { useEffect } from 'react';
import { ROLE_LABELS, sessionQuery } from '../session/session.ts';
import { Logo } from './Logo.tsx';
import { OverdueBadge } from '../components/activities/OverdueBadge.tsx';
import { UserMenu } from './UserMenu.tsx';

const NAV = [
  { to: '/', label: 'Dashboard', icon: IconLayoutDashboard, exact: true },
  { to: '/my-work', label: 'My work', icon: IconChecklist },
  { to: '/contacts', label: 'Contacts', icon: IconUsers },
  { to: '/accounts', label: 'Accounts', icon: IconBuilding },
  { to: '/deals', label: 'Deals', icon: IconTargetArrow },
  { to: '/forecast', label: 'Forecast', icon: IconChartLine },
  { to: '/campaigns', label: 'Campaigns', icon: IconSpeakerphone },
  { to: '/forms', label: 'Forms', icon: IconForms },
  { to: '/import', label: 'Import', icon: IconFileImport },
] as const;

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { data: session } = useQuery(sessionQuery);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  useEffect(close, [pathname, close]);

  // signed out in another tab, or the session expired: back to the login page
  if (session && !session.authenticated) return <Navigate to="/login" search={{ redirect: pathname }} />;
  if (!session?.workspace) return null;

  const isActive = (to: string, exact?: boolean) => (exact ? pathname === to : pathname === to || pathname.startsWith(`${to}/`));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="xl">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }} aria-label="Tandem home">
              <Logo />
            </Link>
            <Text c="gray.4" fz="lg" visibleFrom="xs">
              /
            </Text>
            <Text fw={600} fz="sm" truncate maw={260} data-testid="workspace-name" visibleFrom="xs">
              {session.workspace.name}
            </Text>
            {session.role && session.role !== 'admin' && (
              <Badge variant="light" color="gray" size="sm" visibleFrom="sm">
                {ROLE_LABELS[session.role]}
              </Badge>
            )}
          </Group>
          <UserMenu session={session} />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={2}>
            {NAV.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                className="nav-link"
                leftSection={<item.icon size={18} stroke={1.6} />}
                rightSection={item.to === '/my-work' ? <OverdueBadge /> : undefined}
                active={isActive(item.to, 'exact' in item && item.exact)}
                variant="light"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={2}>
            <NavLink
              component="a"
              href="/docs"
              target="_blank"
              label="API docs"
              leftSection={<IconBook2 size={18} stroke={1.6} />}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
            <NavLink
              component={Link}
              to="/settings"
              label="Settings"
              className="nav-link"
              leftSection={<IconSettings size={18} stroke={1.6} />}
              active={isActive('/settings')}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <div style={{ maxWidth: 1400, margin: '0 auto' }}>
          <Outlet />
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
