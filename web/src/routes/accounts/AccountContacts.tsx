// The contacts of one account, on its page: the first 25 by name, and a link to all of them.
import { Badge, Button, Card, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { IconUserPlus } from '@tabler/icons-react';
import { api, unwrap, type Account } from '../../api/client.ts';
import { AnchorLink } from '../../components/links.tsx';
import { LifecycleBadge } from '../../components/LifecycleBadge.tsx';
import { formatNumber, personName } from '../../lib/format.ts';

const CONTACTS_SHOWN = 25;

export function AccountContacts({ account, canWrite, onAdd }: { account: Account | null; canWrite: boolean; onAdd: () => void }) {
  const accountId = account?.id ?? '';
  const contacts = useQuery({
    enabled: Boolean(account),
    queryKey: ['contacts', 'list', { filter: { accountId: { eq: accountId } } }, 'account-page'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/contacts', {
          params: { query: { filter: { accountId: { eq: accountId } }, limit: CONTACTS_SHOWN, sort: 'firstName', includeTotal: 'true' } },
        }),
      ),
  });

  const contactRows = contacts.data?.data ?? [];
  const contactTotal = contacts.data?.totalCount ?? contactRows.length;
  const a = account;
  return (
    <Card p={0}>
      <Group justify="space-between" p="lg" pb="sm">
        <Group gap="xs">
          <Text fw={650}>Contacts</Text>
          <Badge variant="light" color="gray">
            {formatNumber(contactTotal)}
          </Badge>
        </Group>
        <Group gap="xs">
          {contactTotal > CONTACTS_SHOWN && (
            <AnchorLink to="/contacts" search={{ filter: { accountId: { eq: accountId } } }} fz="sm">
              View all {formatNumber(contactTotal)}
            </AnchorLink>
          )}
          {canWrite && a && (
            <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={onAdd}>
              Add contact
            </Button>
          )}
        </Group>
      </Group>
      {contacts.isPending ? (
        <Stack p="lg" pt={0}>
          <Skeleton height={14} />
          <Skeleton height={14} />
        </Stack>
      ) : contactRows.length === 0 ? (
        <Text fz="sm" c="dimmed" px="lg" pb="lg">
          No contacts at this account yet. Contacts whose email is at {a?.domain ?? 'its domain'} are linked automatically.
        </Text>
      ) : (
        <Table verticalSpacing="xs" horizontalSpacing="lg" highlightOnHover data-testid="account-contacts">
          <Table.Tbody>
            {contactRows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Link to="/contacts/$contactId" params={{ contactId: c.id }} className="row-link">
                    {personName(c)}
                  </Link>
                  <Text fz="xs" c="dimmed">
                    {c.title ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c="dimmed">
                    {c.email ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <LifecycleBadge stage={c.lifecycleStage} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
