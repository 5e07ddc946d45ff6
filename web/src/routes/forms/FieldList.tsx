// The form's fields in order: drag a card by its handle (or use the arrows) to reorder, edit its
// label, input type and whether it is required; add fields mapped to contact properties or custom
// fields. The email field is always there and always required: contacts are matched by email.
import { ActionIcon, Badge, Button, Card, Collapse, Group, Menu, Select, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { IconAdjustments, IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { TYPE_LABELS, type PropertyInfo } from './field-catalogue.ts';
import { newUid, type BuilderValues } from './builder-values.ts';

type Builder = UseFormReturnType<BuilderValues>;

function FieldRow({ form, index, info }: { form: Builder; index: number; info: PropertyInfo | undefined }) {
  const field = form.values.fields[index];
  const count = form.values.fields.length;
  const isEmail = field.property === 'email';
  const [more, setMore] = useState(Boolean(field.placeholder || field.helpText));
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: field.uid });
  const types = info?.types ?? [field.type];
  const path = `fields.${index}`;

  return (
    <Card
      ref={setNodeRef}
      p="sm"
      data-testid="builder-field"
      style={{
        transform: transform ? `translate3d(0, ${Math.round(transform.y)}px, 0)` : undefined,
        transition,
        position: 'relative',
        zIndex: isDragging ? 2 : undefined,
        boxShadow: isDragging ? 'var(--mantine-shadow-md)' : undefined,
      }}
    >
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <ActionIcon variant="subtle" color="gray" mt={26} aria-label={`Drag ${field.label || 'field'}`} style={{ cursor: 'grab' }} {...attributes} {...listeners}>
          <IconGripVertical size={16} />
        </ActionIcon>
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput label="Label" style={{ flex: 1 }} {...form.getInputProps(`${path}.label`)} />
            {types.length > 1 ? (
              <Select
                label="Input"
                w={150}
                data={types.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
                allowDeselect={false}
                {...form.getInputProps(`${path}.type`)}
              />
            ) : (
              <TextInput label="Input" w={150} value={TYPE_LABELS[field.type]} readOnly variant="filled" tabIndex={-1} />
            )}
          </Group>
          <Group justify="space-between" gap="xs">
            <Group gap={6}>
              <Text fz="xs" c="dimmed">
                Saves to
              </Text>
              <Badge variant="light" color={info?.custom ? 'violet' : 'gray'} size="sm">
                {info ? `${info.custom ? 'Custom field · ' : ''}${info.label}` : `${field.property} (deleted)`}
              </Badge>
            </Group>
            <Group gap="xs">
              <Tooltip label={isEmail ? 'Contacts are matched by email: it is always required' : 'Visitors must fill this in'}>
                <div>
                  <Switch
                    size="xs"
                    label="Required"
                    disabled={isEmail}
                    {...form.getInputProps(`${path}.required`, { type: 'checkbox' })}
                  />
                </div>
              </Tooltip>
              <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconAdjustments size={14} />} onClick={() => setMore((m) => !m)}>
                {more ? 'Less' : 'More'}
              </Button>
            </Group>
          </Group>
          <Collapse expanded={more}>
            <Group gap="sm" grow>
              <TextInput label="Placeholder" size="xs" {...form.getInputProps(`${path}.placeholder`)} />
              <TextInput label="Help text" size="xs" {...form.getInputProps(`${path}.helpText`)} />
            </Group>
          </Collapse>
        </Stack>
        <Stack gap={2} mt={22}>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label="Move up" disabled={index === 0} onClick={() => form.reorderListItem('fields', { from: index, to: index - 1 })}>
            <IconArrowUp size={14} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label="Move down"
            disabled={index === count - 1}
            onClick={() => form.reorderListItem('fields', { from: index, to: index + 1 })}
          >
            <IconArrowDown size={14} />
          </ActionIcon>
          {!isEmail && (
            <ActionIcon variant="subtle" color="red" size="sm" aria-label={`Remove ${field.label || 'field'}`} onClick={() => form.removeListItem('fields', index)}>
              <IconTrash size={14} />
            </ActionIcon>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

export function FieldList({ form, catalogue }: { form: Builder; catalogue: PropertyInfo[] }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const fields = form.values.fields;
  const used = new Set(fields.map((f) => f.property));
  const available = catalogue.filter((p) => !used.has(p.property));
  const byProperty = new Map(catalogue.map((p) => [p.property, p]));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    form.reorderListItem('fields', { from: fields.findIndex((f) => f.uid === active.id), to: fields.findIndex((f) => f.uid === over.id) });
  };
  const add = (p: PropertyInfo) =>
    form.insertListItem('fields', { uid: newUid(), property: p.property, label: p.label, type: p.types[0], required: false, placeholder: '', helpText: '' });

  const menuSection = (custom: boolean) =>
    available
      .filter((p) => p.custom === custom)
      .map((p) => (
        <Menu.Item key={p.property} onClick={() => add(p)} rightSection={<Text fz="xs" c="dimmed">{TYPE_LABELS[p.types[0]]}</Text>}>
          {p.label}
        </Menu.Item>
      ));

  return (
    <Stack gap="sm">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={fields.map((f) => f.uid)} strategy={verticalListSortingStrategy}>
          {fields.map((f, i) => (
            <FieldRow key={f.uid} form={form} index={i} info={byProperty.get(f.property)} />
          ))}
        </SortableContext>
      </DndContext>
      {typeof form.errors.fields === 'string' && (
        <Text c="red" fz="sm">
          {form.errors.fields}
        </Text>
      )}
      <Menu position="bottom-start" width={280} disabled={available.length === 0}>
        <Menu.Target>
          <Button variant="light" leftSection={<IconPlus size={16} />} disabled={available.length === 0} style={{ alignSelf: 'flex-start' }}>
            Add field
          </Button>
        </Menu.Target>
        <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
          {menuSection(false).length > 0 && <Menu.Label>Contact properties</Menu.Label>}
          {menuSection(false)}
          {menuSection(true).length > 0 && <Menu.Label>Custom fields</Menu.Label>}
          {menuSection(true)}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}
