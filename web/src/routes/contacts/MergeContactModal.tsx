// "Merge with…": pick the duplicate, see side by side what the survivor will hold, choose which of
// the two survives, confirm. All history moves to the survivor (POST /contacts/{id}/merge) and the
// app lands on it; the other's page then says where it went.
import { Alert, Badge, Button, Group, Modal, Select, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { IconArrowsExchange, IconCheck, IconGitMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap, type Contact } from '../../api/client.ts';
import { useContact } from '../../queries/contacts.ts';
import { useCustomFields } from '../../queries/custom-fields.ts';
import { useUsers } from '../../queries/users.ts';
import { personName, plural } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { mergePreview, type MergeRow } from './merge-preview.ts';

/** Search-as-you-type picker over contacts, leaving out the contact being merged. */
function ContactPicker({ exclude, value, onChange }: { exclude: string; value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const { data, isFetching } = useQuery({
    queryKey: ['contacts', 'picker', debounced],
    queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: { q: debounced || undefined, limit: 20, sort: '-updatedAt' } } })),
    staleTime: 30_000,
  });
  const options = (data?.data ?? [])
    .filter((c) => c.id !== exclude)
    .map((c) => ({ value: c.id, label: c.email && personName(c) !== c.email ? `${personName(c)} (${c.email})` : personName(c) }));
  return (
    <Select
      label="Contact to merge with"
      placeholder="Search by name or email"
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={isFetching ? 'Searching…' : 'No contact matches'}
      data-autofocus
    />
  );
}

export function MergeContactModal({ contact, opened, onClose }: { contact: Contact; opened: boolean; onClose: () => void }) {
  const [otherId, setOtherId] = useState<string | null>(null);
  const [swapped, setSwapped] = useState(false);
  const close = () => {
    setOtherId(null);
    setSwapped(false);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Merge ${personName(contact)} with another contact`} size="xl">
      <Stack gap="md" data-testid="merge-contact">
        <ContactPicker
          exclude={contact.id}
          value={otherId}
          onChange={(id) => {
            setOtherId(id);
            setSwapped(false);
          }}
        />
        {otherId ? (
          <MergeStep current={contact} otherId={otherId} swapped={swapped} onSwap={() => setSwapped((s) => !s)} onDone={close} />
        ) : (
          <Text fz="sm" c="dimmed">
            Pick the duplicate. You will see which values the kept contact ends up with before anything changes.
          </Text>
        )}
      </Stack>
    </Modal>
  );
}

function MergeStep({ current, otherId, swapped, onSwap, onDone }: { current: Contact; otherId: string; swapped: boolean; onSwap: () => void; onDone: () => void }) {
  const other = useContact(otherId);
  const { fields } = useCustomFields('contact');
  const { byId: users } = useUsers();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const merge = useMutation({
    mutationFn: ({ keep, drop }: { keep: Contact; drop: Contact }) =>
      unwrap(api.POST('/api/v1/contacts/{id}/merge', { params: { path: { id: keep.id } }, body: { otherId: drop.id } })),
    onSuccess: async (result, { keep, drop }) => {
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['timeline'] });
      void queryClient.invalidateQueries({ queryKey: ['notes'] });
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      queryClient.setQueryData(['contacts', 'one', keep.id], result.contact);
      const moved = Object.values(result.moved).reduce((a, b) => a + b, 0);
      // the two records often share a name: say which is which by email
      const dropped = drop.email && personName(drop) === personName(result.contact) ? drop.email : personName(drop);
      notifySuccess('Contacts merged', `${dropped} was merged into ${personName(result.contact)}; ${plural(moved, 'history record')} moved over.`);
      onDone();
      await navigate({ to: '/contacts/$contactId', params: { contactId: keep.id } });
    },
    onError: (e) => notifyError(e, 'Could not merge'),
  });

  if (other.error) return <Alert color="red">Could not load that contact.</Alert>;
  if (!other.data) return <Skeleton height={240} />;
  const keep = swapped ? other.data : current;
  const drop = swapped ? current : other.data;
  const rows = mergePreview(keep, drop, { customFields: fields, users });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Text fz="sm">
          Keeping <b>{personName(keep)}</b>; <b>{personName(drop)}</b> is merged into it.
        </Text>
        <Button variant="default" size="xs" leftSection={<IconArrowsExchange size={14} />} onClick={onSwap}>
          Keep the other one
        </Button>
      </Group>
      <Table withTableBorder verticalSpacing={6} fz="sm" data-testid="merge-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="18%">Field</Table.Th>
            <Table.Th>
              <ContactHeading contact={keep} badge="kept" color="teal" />
            </Table.Th>
            <Table.Th>
              <ContactHeading contact={drop} badge="merged away" color="gray" />
            </Table.Th>
            <Table.Th>After the merge</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <PreviewRow key={r.key} row={r} />
          ))}
        </Table.Tbody>
      </Table>
      <Alert color="blue" variant="light" icon={<IconGitMerge size={18} />}>
        All of {personName(drop)}’s history (visits, touches, form submissions, events, notes, consents) moves to {personName(keep)}.{' '}
        {personName(drop)} is deleted; its page will point here. A merge cannot be undone.
      </Alert>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button leftSection={<IconGitMerge size={16} />} loading={merge.isPending} onClick={() => merge.mutate({ keep, drop })}>
          Merge contacts
        </Button>
      </Group>
    </Stack>
  );
}

/** Name and email: two records of one person often share the name. */
function ContactHeading({ contact, badge, color }: { contact: Contact; badge: string; color: string }) {
  return (
    <Stack gap={0}>
      <Group gap={6} wrap="nowrap">
        <Text fz="sm" fw={600}>
          {personName(contact)}
        </Text>
        <Badge size="xs" color={color} variant="light">
          {badge}
        </Badge>
      </Group>
      {contact.email && personName(contact) !== contact.email && (
        <Text fz="xs" c="dimmed" fw={400}>
          {contact.email}
        </Text>
      )}
    </Stack>
  );
}

function PreviewRow({ row: r }: { row: MergeRow }) {
  const cell = (value: string | null, chosen: boolean, lost: boolean) =>
    value === null ? (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    ) : (
      <Group gap={4} wrap="nowrap">
        {chosen && <IconCheck size={14} color="var(--mantine-color-teal-6)" aria-label="kept" />}
        <Text fz="sm" td={lost ? 'line-through' : undefined} c={lost ? 'dimmed' : undefined} style={{ wordBreak: 'break-word' }}>
          {value}
        </Text>
      </Group>
    );
  return (
    <Table.Tr>
      <Table.Td c="dimmed">{r.label}</Table.Td>
      <Table.Td>{cell(r.kept, r.from === 'kept' || r.from === 'both', false)}</Table.Td>
      <Table.Td>
        {r.otherLost ? <Tooltip label="Dropped: the kept contact has its own value">{cell(r.other, false, true)}</Tooltip> : cell(r.other, r.from === 'other' || r.from === 'both', false)}
      </Table.Td>
      <Table.Td fw={r.result ? 500 : undefined}>{cell(r.result, false, false)}</Table.Td>
    </Table.Tr>
  );
}
