import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { IconCheck, IconChevronDown, IconLogout, IconSettings, IconSwitchHorizontal } from '@tabler/icons-react';
import { api, unwrap, type Session } from '../api/client.ts';
import { ROLE_LABELS, sessionQuery, useApplySession } from '../session/session.ts';
import { initials } from '../lib/format.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';

export function UserMenu({ session }: { session: Session }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const applySession = useApplySession();
  const user = session.user!;

  const logout = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/session')),
    onSuccess: async () => {
      // the signed-out session replaces the old one first (pages still mounted keep a session to read),
      // then everything cached for the old user goes
      await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
      await navigate({ to: '/login' });
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
    onError: (e) => notifyError(e, 'Could not sign out'),
  });

  const switchWorkspace = useMutation({
    mutationFn: (workspaceId: string) => unwrap(api.POST('/api/v1/session/workspace', { body: { workspaceId } })),
    onSuccess: async (next) => {
      applySession(next);
      await navigate({ to: '/' });
      notifySuccess('Switched workspace', `You are now in ${next.workspace?.name}.`);
    },
    onError: (e) => notifyError(e, 'Could not switch workspace'),
  });

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label="User menu" data-testid="user-menu" px={6} py={4} style={{ borderRadius: 8 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="brand" radius="xl" size={32}>
              {initials(user.name || user.email)}
            </Avatar>
            <Text fz="sm" fw={500} visibleFrom="sm" truncate maw={160}>
              {user.name}
            </Text>
            <IconChevronDown size={14} stroke={1.6} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fz="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text fz="xs" c="dimmed" truncate>
            {user.email} · {session.role ? ROLE_LABELS[session.role] : ''}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        {session.workspaces.length > 1 && (
          <>
            <Menu.Label>
              <Group gap={6}>
                <IconSwitchHorizontal size={12} /> Workspaces
              </Group>
            </Menu.Label>
            {session.workspaces.map((w) => (
              <Menu.Item
                key={w.id}
                onClick={() => w.id !== session.workspace?.id && switchWorkspace.mutate(w.id)}
                rightSection={w.id === session.workspace?.id ? <IconCheck size={14} /> : null}
                aria-label={`Switch to workspace ${w.name}`}
              >
                <Text fz="sm" truncate>
                  {w.name}
                </Text>
                <Text fz="xs" c="dimmed">
                  {ROLE_LABELS[w.role]}
                </Text>
              </Menu.Item>
            ))}
            <Menu.Divider />
          </>
        )}
        <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => void navigate({ to: '/settings' })}>
          Settings
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={() => logout.mutate()}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
