// Settings: a section list on the left, the section on the right. Sections the API reserves for
// admins (API keys, outbox) are hidden from other roles; the rest show read-only.
import { Grid, Paper, Stack } from '@mantine/core';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { IconAdjustmentsHorizontal, IconBuildingSkyscraper, IconKey, IconMail, IconPackage, IconPlugConnected, IconRoute, IconTargetArrow, IconThumbUp, IconUsersGroup } from '@tabler/icons-react';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { NavLinkLink } from '../../components/links.tsx';
import { usePermissions } from '../../session/session.ts';

const SECTIONS = [
  { to: '/settings/workspace', label: 'Workspace', icon: IconBuildingSkyscraper, admin: false },
  { to: '/settings/users', label: 'Users & roles', icon: IconUsersGroup, admin: false },
  { to: '/settings/custom-fields', label: 'Custom fields', icon: IconAdjustmentsHorizontal, admin: false },
  { to: '/settings/channels', label: 'Channels', icon: IconRoute, admin: false },
  { to: '/settings/sources', label: 'Sources', icon: IconPlugConnected, admin: false },
  { to: '/settings/pipelines', label: 'Pipelines', icon: IconTargetArrow, admin: false },
  { to: '/settings/products', label: 'Products', icon: IconPackage, admin: false },
  { to: '/settings/close-reasons', label: 'Close reasons', icon: IconThumbUp, admin: false },
  { to: '/settings/api-keys', label: 'API keys', icon: IconKey, admin: true },
  { to: '/settings/outbox', label: 'Outbox', icon: IconMail, admin: true },
] as const;

export function SettingsLayout() {
  const { isAdmin } = usePermissions();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  return (
    <>
      <PageHeader
        title="Settings"
        description={isAdmin ? 'Workspace, team, fields and integrations' : 'Only admins can change settings; you can view them.'}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 3, lg: 2.4 }}>
          <Paper p={6}>
            <Stack gap={2} component="nav" aria-label="Settings sections">
              {SECTIONS.filter((s) => isAdmin || !s.admin).map((s) => (
                <NavLinkLink
                  key={s.to}
                  to={s.to}
                  label={s.label}
                  leftSection={<s.icon size={18} stroke={1.6} />}
                  active={pathname.startsWith(s.to)}
                  variant="light"
                  style={{ borderRadius: 'var(--mantine-radius-md)' }}
                />
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 9, lg: 9.6 }}>
          <Outlet />
        </Grid.Col>
      </Grid>
    </>
  );
}
