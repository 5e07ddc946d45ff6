import { ActionIcon, Badge, Button, Code, EmptyState, Group, Menu, Skeleton, Table, Tabs, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconAdjustmentsHorizontal, IconBuilding, IconDots, IconPencil, IconPlus, IconTrash, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap, type CustomField } from '../../api/client.ts';
import { confirmDanger } from '../../components/confirm.tsx';
import { useCustomFields } from '../../queries/custom-fields.ts';
import { usePermissions } from '../../session/session.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { CustomFieldModal, FIELD_TYPES } from './CustomFieldModal.tsx';

const route = getRouteApi('/app/settings/custom-fields');

export function CustomFieldsSettings() {
  const { objectType = 'contact' } = route.useSearch();
  const navigate = useNavigate({ from: '/settings/custom-fields' });
  const queryClient = useQueryClient();
  const { isAdmin } = usePermissions();
  const { fields, isPending, error } = useCustomFields(objectType);
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);

  const remove = async (f: CustomField) => {
    const ok = await confirmDanger({
      title: `Delete “${f.label}”?`,
      message: `The field and its values on every ${f.objectType} are removed. Filters and imports using "${f.key}" stop working. This cannot be undone.`,
      confirmLabel: 'Delete field',
    });
    if (!ok) return;
    try {
      await unwrap(api.DELETE('/api/v1/custom-fields/{id}', { params: { path: { id: f.id } } }));
      void queryClient.invalidateQueries({ queryKey: ['custom-fields'] });
      notifySuccess('Field deleted', f.label);
    } catch (e) {
      notifyError(e, 'Could not delete the field');
    }
  };

  return (
    <SettingsSection
      title="Custom fields"
      description="Add the fields your team tracks beyond the standard ones. They are validated on every write, and can be filtered, sorted, imported and exported."
      action={
        isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New field
          </Button>
        )
      }
      flush
    >
      <Tabs value={objectType} onChange={(v) => void navigate({ search: v === 'account' ? { objectType: 'account' } : {} })} px="lg">
        <Tabs.List>
          <Tabs.Tab value="contact" leftSection={<IconUsers size={16} />}>
            Contacts
          </Tabs.Tab>
          <Tabs.Tab value="account" leftSection={<IconBuilding size={16} />}>
            Accounts
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {error ? (
        <QueryError error={error} title="Could not load custom fields" />
      ) : isPending ? (
        <Skeleton height={80} m="lg" />
      ) : fields.length === 0 ? (
        <EmptyState
          py="xl"
          size="sm"
          icon={<IconAdjustmentsHorizontal size={22} />}
          withIndicatorBackground
          title={`No ${objectType} fields yet`}
          description="Plan, seats, renewal date, interests… whatever your team needs."
        />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" data-testid="custom-fields-table">
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Key</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Options</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fz="sm" fw={500}>
                        {f.label}
                      </Text>
                      {f.required && (
                        <Badge size="xs" color="orange" variant="light">
                          Required
                        </Badge>
                      )}
                    </Group>
                    {f.description && (
                      <Text fz="xs" c="dimmed" lineClamp={1}>
                        {f.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Code>{f.key}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {FIELD_TYPES.find((t) => t.value === f.type)?.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {f.options.slice(0, 4).map((o) => (
                        <Badge key={o.value} variant="outline" color="gray" size="sm" tt="none" fw={500}>
                          {o.label}
                        </Badge>
                      ))}
                      {f.options.length > 4 && (
                        <Text fz="xs" c="dimmed">
                          +{f.options.length - 4} more
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {isAdmin && (
                      <Menu position="bottom-end">
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for field ${f.label}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(f)}>
                            Edit
                          </Menu.Item>
                          <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove(f)}>
                            Delete
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CustomFieldModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        objectType={objectType}
        field={editing === 'new' ? null : editing}
      />
    </SettingsSection>
  );
}
