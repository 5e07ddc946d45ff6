// One account: its fields, custom fields, its contacts and the timeline of all of them.
import { Anchor, Avatar, Button, Card, Grid, Group, Menu, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconChevronDown, IconPencil, IconTrash, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap, type Account } from '../../api/client.ts';
import { BackLink, DetailLoadError, trashWithUndo } from '../../components/detail-page.tsx';
import { CustomFieldValue } from '../../components/CustomFieldValue.tsx';
import { Dash, DetailField } from '../../components/DetailField.tsx';
import { RecordTimeline } from '../../components/timeline/RecordTimeline.tsx';
import { RecordActivities } from '../../components/activities/RecordActivities.tsx';
import { AccountDeals } from '../deals/AccountDeals.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { useAccount } from '../../queries/accounts.ts';
import { useUsers } from '../../queries/users.ts';
import { useCustomFields } from '../../queries/custom-fields.ts';
import { usePermissions } from '../../session/session.ts';
import { formatDateTime, formatMoney, formatNumber, initials, plural } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { AccountFormDrawer } from './AccountFormDrawer.tsx';
import { AccountContacts } from './AccountContacts.tsx';
import { ContactFormDrawer } from '../contacts/ContactFormDrawer.tsx';

const route = getRouteApi('/app/accounts/$accountId');

export function AccountDetailPage() {
  const { accountId } = route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { canWrite } = usePermissions();
  const account = useAccount(accountId);
  const { fields } = useCustomFields('account');
  const { byId: users } = useUsers();
  const [editing, setEditing] = useState(false);
  const [addingContact, setAddingContact] = useState(false);

  const setOwner = useMutation({
    mutationFn: (ownerId: string | null) =>
      unwrap(api.PATCH('/api/v1/accounts/{id}', { params: { path: { id: accountId } }, body: { ownerId } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['accounts', 'one', accountId], saved);
      void queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] });
    },
    onError: (e) => notifyError(e, 'Could not save'),
  });

  const remove = (a: Account) =>
    trashWithUndo({
      what: 'account',
      name: a.name,
      consequences: `The account moves to the trash. Its ${plural(a.contactCount, 'contact')} stay, without an account.`,
      remove: () => unwrap(api.DELETE('/api/v1/accounts/{id}', { params: { path: { id: a.id } } })),
      restore: () => unwrap(api.POST('/api/v1/accounts/{id}/restore', { params: { path: { id: a.id } } })),
      afterRemove: async () => {
        void queryClient.invalidateQueries({ queryKey: ['accounts'] });
        await navigate({ to: '/accounts' });
      },
      afterRestore: async () => {
        void queryClient.invalidateQueries({ queryKey: ['accounts'] });
        await navigate({ to: '/accounts/$accountId', params: { accountId: a.id } });
      },
    });

  const back = <BackLink to="/accounts" label="Accounts" />;

  if (account.error) return <DetailLoadError back={back} what="account" error={account.error} />;
  const a = account.data;

  return (
    <Stack gap="lg">
      {back}
      <Card p="lg">
        {!a ? (
          <Group>
            <Skeleton height={56} width={56} radius="md" />
            <Stack gap={8}>
              <Skeleton height={18} width={220} />
              <Skeleton height={12} width={300} />
            </Stack>
          </Group>
        ) : (
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group gap="md" wrap="nowrap">
              <Avatar size={56} radius="md" color="grape" variant="light">
                {initials(a.name)}
              </Avatar>
              <Stack gap={4}>
                <Title order={2} fz={24} data-testid="account-name">
                  {a.name}
                </Title>
                <Group gap="lg" fz="sm" c="dimmed">
                  {a.domain && (
                    <Group gap={4}>
                      <IconWorld size={14} />
                      <Anchor href={`https://${a.domain}`} target="_blank" rel="noreferrer" fz="sm" c="dimmed">
                        {a.domain}
                      </Anchor>
                    </Group>
                  )}
                  {a.industry && <Text fz="sm">{a.industry}</Text>}
                  {a.country && <Text fz="sm">{a.country}</Text>}
                  <Text fz="sm">{plural(a.contactCount, 'contact')}</Text>
                </Group>
              </Stack>
            </Group>
            {canWrite && (
              <Group gap="xs" wrap="nowrap">
                <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                  Edit
                </Button>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <Button variant="default" px="xs" aria-label="More actions">
                      <IconChevronDown size={16} />
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove(a)}>
                      Delete account
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            )}
          </Group>
        )}
      </Card>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card p="lg">
              <Text fw={650} mb="md">
                About
              </Text>
              {!a ? (
                <Skeleton height={160} />
              ) : (
                <Stack gap="md">
                  {canWrite && <OwnerSelect value={a.ownerId} onChange={(id) => setOwner.mutate(id)} />}
                  <SimpleGrid cols={2} spacing="md">
                    {!canWrite && <DetailField label="Owner">{a.ownerId ? (users.get(a.ownerId)?.name ?? '…') : <Dash />}</DetailField>}
                    <DetailField label="Domain">{a.domain ?? <Dash />}</DetailField>
                    <DetailField label="Industry">{a.industry ?? <Dash />}</DetailField>
                    <DetailField label="Employees">{formatNumber(a.employeeCount)}</DetailField>
                    <DetailField label="Annual revenue">{formatMoney(a.annualRevenue)}</DetailField>
                    <DetailField label="Country">{a.country ?? <Dash />}</DetailField>
                    <DetailField label="Contacts">{formatNumber(a.contactCount)}</DetailField>
                    <DetailField label="Created">{formatDateTime(a.createdAt)}</DetailField>
                    <DetailField label="Updated">{formatDateTime(a.updatedAt)}</DetailField>
                  </SimpleGrid>
                </Stack>
              )}
            </Card>
            <Card p="lg">
              <Group justify="space-between" mb="md">
                <Text fw={650}>Custom fields</Text>
                {canWrite && fields.length > 0 && (
                  <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
                    Edit
                  </Button>
                )}
              </Group>
              {fields.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  No custom fields defined for accounts. Admins add them in Settings → Custom fields.
                </Text>
              ) : (
                <SimpleGrid cols={2} spacing="md">
                  {fields.map((f) => (
                    <DetailField key={f.id} label={f.label}>
                      <CustomFieldValue field={f} value={a?.customFields[f.key]} />
                    </DetailField>
                  ))}
                </SimpleGrid>
              )}
            </Card>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <AccountContacts account={a ?? null} canWrite={canWrite} onAdd={() => setAddingContact(true)} />
            <AccountDeals accountId={accountId} accountName={a?.name} canWrite={canWrite} />
            <RecordActivities target={{ accountId }} canWrite={canWrite} />
            <RecordTimeline target={{ accountId }} canWrite={canWrite} />
          </Stack>
        </Grid.Col>
      </Grid>

      {a && <AccountFormDrawer opened={editing} onClose={() => setEditing(false)} account={a} />}
      {a && (
        <ContactFormDrawer
          opened={addingContact}
          onClose={() => setAddingContact(false)}
          contact={null}
          defaults={{ accountId: a.id }}
          defaultAccountName={a.name}
        />
      )}
    </Stack>
  );
}
