// The people on the deal and the part each plays. Every change saves the whole list (PUT), so what
// you see is what is stored.
import { ActionIcon, Avatar, Card, EmptyState, Group, Select, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { IconUserPlus, IconUsers, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ROLE_LABELS, type DealContact, type DealContactRole } from '../../queries/deals.ts';
import { initials, personName } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

function ContactSearch({ exclude, onPick }: { exclude: Set<string>; onPick: (id: string) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const { data, isFetching } = useQuery({
    queryKey: ['contacts', 'picker', debounced],
    queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: { q: debounced || undefined, limit: 20 } } })),
    staleTime: 30_000,
  });
  const options = (data?.data ?? [])
    .filter((c) => !exclude.has(c.id))
    .map((c) => ({ value: c.id, label: c.email ? `${personName(c)} (${c.email})` : personName(c) }));
  return (
    <Select
      aria-label="Add a contact"
      placeholder="Add a contact…"
      leftSection={<IconUserPlus size={16} />}
      data={options}
      value={null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={isFetching ? 'Searching…' : 'No contact matches'}
      onChange={(id) => {
        if (id) onPick(id);
        setSearch('');
      }}
    />
  );
}

export function DealContactsCard({
  dealId,
  contacts,
  canWrite,
}: {
  dealId: string;
  contacts: DealContact[] | undefined;
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const key = ['deals', 'one', dealId, 'contacts'];
  const save = useMutation({
    mutationFn: (next: Array<{ contactId: string; role: DealContactRole | null }>) =>
      unwrap(api.PUT('/api/v1/deals/{id}/contacts', { params: { path: { id: dealId } }, body: { contacts: next } })).then((r) => r.data),
    onSuccess: (data) => {
      queryClient.setQueryData(key, data);
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['deals', 'one', dealId, 'timeline'] });
    },
    onError: (e) => notifyError(e, 'Could not save the contacts'),
  });
  const current = (contacts ?? []).map((c) => ({ contactId: c.contactId, role: c.role }));

  return (
    <Card p="lg">
      <Group justify="space-between" mb="md">
        <Text fw={650}>Contacts</Text>
        {contacts && (
          <Text fz="sm" c="dimmed">
            {contacts.length}
          </Text>
        )}
      </Group>
      {!contacts ? (
        <Skeleton height={80} />
      ) : (
        <Stack gap="sm" data-testid="deal-contacts">
          {contacts.length === 0 && (
            <EmptyState
              size="sm"
              py="md"
              icon={<IconUsers size={20} />}
              title="No contacts yet"
              description="Add the people involved and the part they play: decision maker, champion, blocker…"
            />
          )}
          {contacts.map((c) => (
            <Group key={c.contactId} justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <Avatar size={32} radius="xl" color="brand" variant="light">
                  {initials(personName(c))}
                </Avatar>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fz="sm" fw={600} truncate>
                    <Link to="/contacts/$contactId" params={{ contactId: c.contactId }} className="row-link">
                      {personName(c)}
                    </Link>
                  </Text>
                  <Text fz="xs" c="dimmed" truncate>
                    {c.title ?? c.email ?? ''}
                  </Text>
                </Stack>
              </Group>
              <Group gap={4} wrap="nowrap">
                <Select
                  aria-label={`Role of ${personName(c)}`}
                  placeholder="Role"
                  data={ROLE_OPTIONS}
                  value={c.role}
                  clearable
                  disabled={!canWrite || save.isPending}
                  size="xs"
                  w={150}
                  onChange={(role) =>
                    save.mutate(current.map((x) => (x.contactId === c.contactId ? { ...x, role: role as DealContactRole | null } : x)))
                  }
                />
                {canWrite && (
                  <Tooltip label="Remove from deal">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Remove ${personName(c)}`}
                      onClick={() => save.mutate(current.filter((x) => x.contactId !== c.contactId))}
                    >
                      <IconX size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
          ))}
          {canWrite && (
            <ContactSearch
              exclude={new Set(current.map((c) => c.contactId))}
              onPick={(id) => save.mutate([...current, { contactId: id, role: null }])}
            />
          )}
        </Stack>
      )}
    </Card>
  );
}
