// API keys for scripts and integrations. The secret is shown once, right after creation.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  EmptyState,
  Group,
  Modal,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap, type Role } from '../../api/client.ts';
import { confirmDanger } from '../../components/confirm.tsx';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../session/session.ts';
import { useUsers } from '../../queries/users.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { formatDate, formatDateTime, fromNow } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { requiredText } from '../../lib/validate.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { AdminOnly } from './AdminOnly.tsx';
import { roleOptions } from './InviteUserModal.tsx';

export function ApiKeysSettings() {
  return (
    <AdminOnly what="API keys">
      <ApiKeysSettingsSection />
    </AdminOnly>
  );
}

function ApiKeysSettingsSection() {
  const queryClient = useQueryClient();
  const { byId: users } = useUsers();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => unwrap(api.GET('/api/v1/api-keys')).then((r) => r.data) });
  const form = useForm<{ name: string; role: Role }>({
    initialValues: { name: '', role: 'admin' },
    validate: { name: requiredText('Name') },
  });

  const create = useMutation({
    mutationFn: (v: { name: string; role: Role }) => unwrap(api.POST('/api/v1/api-keys', { body: { name: v.name.trim(), role: v.role } })),
    onSuccess: (k) => {
      setCreating(false);
      form.reset();
      setCreated({ name: k.name, key: k.key });
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
    onError: (e) => showApiErrors(form, e, 'Could not create the key'),
  });

  const revoke = async (id: string, name: string) => {
    const ok = await confirmDanger({
      title: `Revoke "${name}"?`,
      message: 'Scripts and integrations using this key stop working immediately. This cannot be undone.',
      confirmLabel: 'Revoke key',
    });
    if (!ok) return;
    try {
      await unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } }));
      void queryClient.invalidateQueries({ queryKey: ['api-keys'] });
      notifySuccess('API key revoked', name);
    } catch (e) {
      notifyError(e, 'Could not revoke');
    }
  };

  const rows = keys.data ?? [];
  return (
    <>
      <SettingsSection
        title="API keys"
        description={
          <>
            Use a key as <Code>Authorization: Bearer …</Code> to call the REST API (see the API docs). A key acts with the role you give it.
          </>
        }
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Create API key
          </Button>
        }
        flush
      >
        {keys.error ? (
          <QueryError error={keys.error} title="Could not load API keys" />
        ) : keys.isPending ? (
          <Skeleton height={60} mx="lg" mb="lg" />
        ) : rows.length === 0 ? (
          <EmptyState
            py="xl"
            size="sm"
            icon={<IconKey size={22} />}
            withIndicatorBackground
            title="No API keys"
            description="Create one to connect scripts, forms or other tools to Tandem."
          />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" horizontalSpacing="lg" data-testid="api-keys-table">
              <Table.Thead bg="var(--mantine-color-gray-0)">
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th w={100} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((k) => (
                  <Table.Tr key={k.id} opacity={k.revokedAt ? 0.55 : 1}>
                    <Table.Td>
                      <Text fz="sm" fw={500}>
                        {k.name}
                      </Text>
                      {k.createdBy && (
                        <Text fz="xs" c="dimmed">
                          by {users.get(k.createdBy)?.name ?? 'a former member'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Code>{k.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={k.role === 'admin' ? 'brand' : 'gray'}>
                        {ROLE_LABELS[k.role]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" c="dimmed">
                        {formatDate(k.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Tooltip label={k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never used'}>
                        <Text fz="sm" c="dimmed">
                          {k.lastUsedAt ? fromNow(k.lastUsedAt) : 'Never'}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      {k.revokedAt ? (
                        <Badge color="gray" variant="outline">
                          Revoked
                        </Badge>
                      ) : (
                        <Button variant="subtle" color="red" size="compact-sm" onClick={() => void revoke(k.id, k.name)}>
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SettingsSection>

      <Modal opened={creating} onClose={() => setCreating(false)} title={<Text fw={650}>Create API key</Text>}>
        <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
          <Stack>
            <TextInput
              label="Name"
              placeholder="e.g. Website signup form"
              description="To recognise where the key is used."
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Select
              label="Role"
              data={roleOptions}
              allowDeselect={false}
              description={ROLE_DESCRIPTIONS[form.values.role]}
              {...form.getInputProps('role')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setCreating(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal
        opened={created !== null}
        onClose={() => setCreated(null)}
        title={<Text fw={650}>Your new API key</Text>}
        closeOnClickOutside={false}
      >
        {created && (
          <Stack>
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
              Copy the key for “{created.name}” now. For your security it is stored hashed and will not be shown again.
            </Alert>
            <Group gap="xs" wrap="nowrap">
              <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="new-api-key">
                {created.key}
              </Code>
              <CopyButton value={created.key}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy key'}>
                    <ActionIcon variant="light" size="lg" onClick={copy} aria-label="Copy API key">
                      {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end">
              <Button onClick={() => setCreated(null)}>I have copied it</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
