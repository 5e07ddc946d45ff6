// Members with their roles, invitations waiting to be accepted, and inviting someone new.
import { Avatar, Badge, Button, Group, Menu, ActionIcon, Select, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconDots, IconUserCheck, IconUserOff, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap, type Role, type User } from '../../api/client.ts';
import { confirmDanger } from '../../components/confirm.tsx';
import { ROLE_LABELS, useSession, usePermissions } from '../../session/session.ts';
import { useUsers } from '../../queries/users.ts';
import { formatDate, fromNow, initials } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { InviteUserModal, roleOptions } from './InviteUserModal.tsx';

export function UsersSettings() {
  const queryClient = useQueryClient();
  const session = useSession();
  const { isAdmin } = usePermissions();
  const { users, isPending } = useUsers();
  const [inviting, setInviting] = useState(false);
  const invitations = useQuery({
    queryKey: ['invitations'],
    queryFn: () => unwrap(api.GET('/api/v1/invitations')).then((r) => r.data),
    enabled: isAdmin,
  });

  const update = useMutation({
    mutationFn: (v: { id: string; role?: Role; status?: User['status'] }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: v.id } }, body: { role: v.role, status: v.status } })),
    onSuccess: (u, v) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(
        v.role ? 'Role changed' : 'Member reactivated',
        v.role ? `${u.name} is now ${ROLE_LABELS[u.role]}.` : `${u.name} can sign in again.`,
      );
    },
    onError: (e) => notifyError(e, 'Could not update the member'),
  });

  const deactivate = async (u: User) => {
    const ok = await confirmDanger({
      title: `Deactivate ${u.name}?`,
      message:
        'They are signed out and can no longer sign in to this workspace. Their records and notes stay. You can reactivate them later.',
      confirmLabel: 'Deactivate',
    });
    if (!ok) return;
    try {
      await unwrap(api.DELETE('/api/v1/users/{id}', { params: { path: { id: u.id } } }));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      notifySuccess('Member deactivated', u.name);
    } catch (e) {
      notifyError(e, 'Could not deactivate');
    }
  };

  const revoke = async (id: string, email: string) => {
    const ok = await confirmDanger({
      title: 'Revoke this invitation?',
      message: `The link sent to ${email} stops working.`,
      confirmLabel: 'Revoke',
    });
    if (!ok) return;
    try {
      await unwrap(api.DELETE('/api/v1/invitations/{id}', { params: { path: { id } } }));
      void queryClient.invalidateQueries({ queryKey: ['invitations'] });
      notifySuccess('Invitation revoked', email);
    } catch (e) {
      notifyError(e, 'Could not revoke');
    }
  };

  const pending = (invitations.data ?? []).filter((i) => i.status === 'pending');

  return (
    <Stack gap="lg">
      <SettingsSection
        title="Members"
        description="Admins manage settings; Marketing and Sales read and edit CRM data; Viewers read only."
        action={
          isAdmin && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)}>
              Invite user
            </Button>
          )
        }
        flush
      >
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" data-testid="members-table">
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>Member</Table.Th>
                <Table.Th w={180}>Role</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Last seen</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {isPending ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Skeleton height={40} />
                  </Table.Td>
                </Table.Tr>
              ) : (
                users.map((u) => {
                  const me = u.id === session.user?.id;
                  return (
                    <Table.Tr key={u.id} opacity={u.status === 'active' ? 1 : 0.6}>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Avatar radius="xl" color="brand" size={34}>
                            {initials(u.name || u.email)}
                          </Avatar>
                          <Stack gap={0}>
                            <Text fz="sm" fw={500}>
                              {u.name}
                              {me && (
                                <Text span c="dimmed" fz="xs">
                                  {' '}
                                  (you)
                                </Text>
                              )}
                            </Text>
                            <Text fz="xs" c="dimmed">
                              {u.email}
                            </Text>
                          </Stack>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {isAdmin && !me ? (
                          <Select
                            aria-label={`Role of ${u.name}`}
                            size="xs"
                            data={roleOptions}
                            value={u.role}
                            allowDeselect={false}
                            onChange={(role) => role && role !== u.role && update.mutate({ id: u.id, role: role as Role })}
                          />
                        ) : (
                          <Badge variant="light" color={u.role === 'admin' ? 'brand' : 'gray'}>
                            {ROLE_LABELS[u.role]}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="dot" color={u.status === 'active' ? 'teal' : 'gray'}>
                          {u.status === 'active' ? 'Active' : 'Deactivated'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={u.lastSeenAt ? formatDate(u.lastSeenAt) : 'Has not signed in yet'}>
                          <Text fz="sm" c="dimmed">
                            {fromNow(u.lastSeenAt)}
                          </Text>
                        </Tooltip>
                      </Table.Td>
                      <Table.Td>
                        {isAdmin && !me && (
                          <Menu position="bottom-end">
                            <Menu.Target>
                              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${u.name}`}>
                                <IconDots size={16} />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {u.status === 'active' ? (
                                <Menu.Item color="red" leftSection={<IconUserOff size={14} />} onClick={() => void deactivate(u)}>
                                  Deactivate
                                </Menu.Item>
                              ) : (
                                <Menu.Item
                                  leftSection={<IconUserCheck size={14} />}
                                  onClick={() => update.mutate({ id: u.id, status: 'active' })}
                                >
                                  Reactivate
                                </Menu.Item>
                              )}
                            </Menu.Dropdown>
                          </Menu>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SettingsSection>

      {isAdmin && (
        <SettingsSection title="Pending invitations" description="Invitations expire after a while; revoke one to disable its link." flush>
          {invitations.error ? (
            <QueryError error={invitations.error} title="Could not load invitations" />
          ) : invitations.isPending ? (
            <Skeleton height={40} mx="lg" mb="lg" />
          ) : pending.length === 0 ? (
            <Text fz="sm" c="dimmed" px="lg" pb="lg">
              No pending invitations.
            </Text>
          ) : (
            <Table verticalSpacing="sm" horizontalSpacing="lg" data-testid="invitations-table">
              <Table.Thead bg="var(--mantine-color-gray-0)">
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Invited</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th w={100} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Text fz="sm">{i.email}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color="gray">
                        {ROLE_LABELS[i.role]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" c="dimmed">
                        {fromNow(i.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" c="dimmed">
                        {formatDate(i.expiresAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button variant="subtle" color="red" size="compact-sm" onClick={() => void revoke(i.id, i.email)}>
                        Revoke
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </SettingsSection>
      )}
      <InviteUserModal opened={inviting} onClose={() => setInviting(false)} />
    </Stack>
  );
}
