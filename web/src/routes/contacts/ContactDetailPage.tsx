// One contact: who they are, where they came from, their company, owner, stage, tags, custom fields and the timeline.
// Owner, stage and tags edit in place; the rest in the edit drawer.
import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Menu,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconBuilding, IconChevronDown, IconGitMerge, IconMail, IconPencil, IconPhone, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap, type Contact, type LifecycleStage } from '../../api/client.ts';
import { AnchorLink } from '../../components/links.tsx';
import { BackLink, DetailLoadError, trashWithUndo } from '../../components/detail-page.tsx';
import { CustomFieldValue } from '../../components/CustomFieldValue.tsx';
import { Dash, DetailField } from '../../components/DetailField.tsx';
import { LifecycleBadge } from '../../components/LifecycleBadge.tsx';
import { RecordTimeline } from '../../components/timeline/RecordTimeline.tsx';
import { RecordActivities } from '../../components/activities/RecordActivities.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { useContact, useContactTags } from '../../queries/contacts.ts';
import { useUsers } from '../../queries/users.ts';
import { useCustomFields } from '../../queries/custom-fields.ts';
import { usePermissions } from '../../session/session.ts';
import { LIFECYCLE_STAGES } from '../../lib/lifecycle.ts';
import { formatDateTime, initials, personName } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { ContactFormDrawer } from './ContactFormDrawer.tsx';
import { ContactSourcesCard, OriginalSourceLine } from './ContactSources.tsx';
import { MergeContactModal } from './MergeContactModal.tsx';
import { MergedContactNotice, mergedIntoId } from './MergedContactNotice.tsx';

const route = getRouteApi('/app/contacts/$contactId');

export function ContactDetailPage() {
  const { contactId } = route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { canWrite } = usePermissions();
  const contact = useContact(contactId);
  const tagSuggestions = useContactTags();
  const { fields } = useCustomFields('contact');
  const { byId: users } = useUsers();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);

  const patch = useMutation({
    mutationFn: (body: { ownerId?: string | null; lifecycleStage?: LifecycleStage | null; tags?: string[] }) =>
      unwrap(api.PATCH('/api/v1/contacts/{id}', { params: { path: { id: contactId } }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(['contacts', 'one', contactId], saved);
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
    },
    onError: (e) => notifyError(e, 'Could not save'),
  });

  const remove = (c: Contact) =>
    trashWithUndo({
      what: 'contact',
      name: personName(c),
      consequences: 'The contact moves to the trash, with its notes.',
      remove: () => unwrap(api.DELETE('/api/v1/contacts/{id}', { params: { path: { id: c.id } } })),
      restore: () => unwrap(api.POST('/api/v1/contacts/{id}/restore', { params: { path: { id: c.id } } })),
      afterRemove: async () => {
        void queryClient.invalidateQueries({ queryKey: ['contacts'] });
        await navigate({ to: '/contacts' });
      },
      afterRestore: async () => {
        void queryClient.invalidateQueries({ queryKey: ['contacts'] });
        await navigate({ to: '/contacts/$contactId', params: { contactId: c.id } });
      },
    });

  const back = <BackLink to="/contacts" label="Contacts" />;

  if (contact.error) {
    const survivorId = mergedIntoId(contact.error);
    if (survivorId) {
      return (
        <Stack>
          {back}
          <MergedContactNotice survivorId={survivorId} />
        </Stack>
      );
    }
    return <DetailLoadError back={back} what="contact" error={contact.error} />;
  }
  const c = contact.data;
  return (
    <Stack gap="lg">
      {back}
      <Card p="lg">
        {!c ? (
          <Group>
            <Skeleton circle height={56} />
            <Stack gap={8}>
              <Skeleton height={18} width={220} />
              <Skeleton height={12} width={300} />
            </Stack>
          </Group>
        ) : (
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
              <Avatar size={56} radius="xl" color="brand" variant="light">
                {initials(personName(c))}
              </Avatar>
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Group gap="sm">
                  <Title order={2} fz={24} data-testid="contact-name">
                    {personName(c)}
                  </Title>
                  {c.lifecycleStage && <LifecycleBadge stage={c.lifecycleStage} size="md" />}
                </Group>
                <Group gap="lg" c="dimmed" fz="sm">
                  {c.title && <Text fz="sm">{c.title}</Text>}
                  {c.account && (
                    <Group gap={4}>
                      <IconBuilding size={14} />
                      <AnchorLink to="/accounts/$accountId" params={{ accountId: c.account.id }} fz="sm">
                        {c.account.name}
                      </AnchorLink>
                    </Group>
                  )}
                  {c.email && (
                    <Group gap={4}>
                      <IconMail size={14} />
                      <Anchor href={`mailto:${c.email}`} fz="sm" c="dimmed">
                        {c.email}
                      </Anchor>
                    </Group>
                  )}
                  {c.phone && (
                    <Group gap={4}>
                      <IconPhone size={14} />
                      <Text fz="sm">{c.phone}</Text>
                    </Group>
                  )}
                  <OriginalSourceLine contactId={c.id} />
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
                    <Menu.Item leftSection={<IconGitMerge size={14} />} onClick={() => setMerging(true)}>
                      Merge with…
                    </Menu.Item>
                    <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove(c)}>
                      Delete contact
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
              {!c ? (
                <Skeleton height={160} />
              ) : (
                <Stack gap="md">
                  {canWrite ? (
                    <>
                      <Select
                        label="Lifecycle stage"
                        placeholder="None"
                        data={LIFECYCLE_STAGES.map(({ value, label }) => ({ value, label }))}
                        value={c.lifecycleStage}
                        onChange={(v) => patch.mutate({ lifecycleStage: v as LifecycleStage | null })}
                        clearable
                        allowDeselect={false}
                      />
                      <OwnerSelect value={c.ownerId} onChange={(ownerId) => patch.mutate({ ownerId })} />
                      <TagsInput
                        label="Tags"
                        placeholder="Add a tag"
                        data={tagSuggestions.data ?? []}
                        value={c.tags}
                        onChange={(tags) => patch.mutate({ tags })}
                        clearable
                      />
                    </>
                  ) : (
                    <SimpleGrid cols={2} spacing="md">
                      <DetailField label="Lifecycle stage">
                        <LifecycleBadge stage={c.lifecycleStage} />
                      </DetailField>
                      <DetailField label="Owner">{c.ownerId ? (users.get(c.ownerId)?.name ?? '…') : <Dash />}</DetailField>
                      <DetailField label="Tags">
                        {c.tags.length ? (
                          <Group gap={4}>
                            {c.tags.map((t) => (
                              <Badge key={t} variant="outline" color="gray" size="sm" fw={500}>
                                {t}
                              </Badge>
                            ))}
                          </Group>
                        ) : (
                          <Dash />
                        )}
                      </DetailField>
                    </SimpleGrid>
                  )}
                  <SimpleGrid cols={2} spacing="md" mt={4}>
                    <DetailField label="Email">{c.email ?? <Dash />}</DetailField>
                    <DetailField label="Phone">{c.phone ?? <Dash />}</DetailField>
                    <DetailField label="Job title">{c.title ?? <Dash />}</DetailField>
                    <DetailField label="Account">
                      {c.account ? (
                        <AnchorLink to="/accounts/$accountId" params={{ accountId: c.account.id }} fz="sm">
                          {c.account.name}
                        </AnchorLink>
                      ) : (
                        <Dash />
                      )}
                    </DetailField>
                    <DetailField label="Created">{formatDateTime(c.createdAt)}</DetailField>
                    <DetailField label="Updated">{formatDateTime(c.updatedAt)}</DetailField>
                  </SimpleGrid>
                </Stack>
              )}
            </Card>

            <ContactSourcesCard contactId={contactId} />

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
                  No custom fields defined for contacts. Admins add them in Settings → Custom fields.
                </Text>
              ) : (
                <SimpleGrid cols={2} spacing="md">
                  {fields.map((f) => (
                    <DetailField key={f.id} label={f.label}>
                      <CustomFieldValue field={f} value={c?.customFields[f.key]} />
                    </DetailField>
                  ))}
                </SimpleGrid>
              )}
            </Card>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <RecordActivities target={{ contactId }} canWrite={canWrite} contactName={c ? personName(c) : undefined} />
            <RecordTimeline target={{ contactId }} canWrite={canWrite} />
          </Stack>
        </Grid.Col>
      </Grid>

      {c && <ContactFormDrawer opened={editing} onClose={() => setEditing(false)} contact={c} />}
      {c && canWrite && <MergeContactModal contact={c} opened={merging} onClose={() => setMerging(false)} />}
    </Stack>
  );
}
