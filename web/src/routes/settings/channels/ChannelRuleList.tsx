// The ordered rule list: drag a row by its handle (or use the arrows) to reorder; the rule the tester
// matched is highlighted.
import { ActionIcon, Group, Menu, Table, Text } from '@mantine/core';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { IconArrowDown, IconArrowUp, IconDots, IconGripVertical, IconPencil, IconTrash } from '@tabler/icons-react';
import { ChannelBadge } from '../../../components/ChannelBadge.tsx';
import { ruleText, type ChannelRule } from './rule-text.ts';

export interface KeyedRule {
  key: string;
  rule: ChannelRule;
}

function RuleRow({
  item,
  index,
  count,
  editable,
  highlighted,
  onEdit,
  onDelete,
  onMove,
}: {
  item: KeyedRule;
  index: number;
  count: number;
  editable: boolean;
  highlighted: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onMove: (to: number) => void;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.key, disabled: !editable });
  return (
    <Table.Tr
      ref={setNodeRef}
      data-testid="channel-rule-row"
      bg={highlighted ? 'var(--mantine-color-yellow-light)' : isDragging ? 'var(--mantine-color-gray-0)' : undefined}
      style={{
        transform: transform ? `translate3d(0, ${Math.round(transform.y)}px, 0)` : undefined,
        transition,
        position: 'relative',
        zIndex: isDragging ? 1 : undefined,
      }}
    >
      <Table.Td w={36} px={4}>
        {editable && (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Drag rule ${index + 1}`}
            style={{ cursor: 'grab' }}
            {...attributes}
            {...listeners}
          >
            <IconGripVertical size={16} />
          </ActionIcon>
        )}
      </Table.Td>
      <Table.Td w={36}>
        <Text fz="sm" c="dimmed">
          {index + 1}
        </Text>
      </Table.Td>
      <Table.Td w={170}>
        <ChannelBadge channel={item.rule.channel} />
      </Table.Td>
      <Table.Td>
        <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {ruleText(item.rule)}
        </Text>
      </Table.Td>
      <Table.Td w={120}>
        {editable && (
          <Group gap={2} justify="flex-end" wrap="nowrap">
            <ActionIcon variant="subtle" color="gray" aria-label="Move up" disabled={index === 0} onClick={() => onMove(index - 1)}>
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Move down"
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <Menu position="bottom-end">
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Rule ${index + 1} actions`}>
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                  Edit
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
                  Delete
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ChannelRuleList({
  items,
  editable,
  highlight,
  onChange,
  onEdit,
}: {
  items: KeyedRule[];
  editable: boolean;
  highlight: number | null;
  onChange: (items: KeyedRule[]) => void;
  onEdit: (index: number) => void;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = items.findIndex((i) => i.key === active.id);
    const to = items.findIndex((i) => i.key === over.id);
    onChange(arrayMove(items, from, to));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={items.map((i) => i.key)} strategy={verticalListSortingStrategy}>
        <Table verticalSpacing="xs" data-testid="channel-rules">
          <Table.Thead bg="var(--mantine-color-gray-0)">
            <Table.Tr>
              <Table.Th />
              <Table.Th>#</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, index) => (
              <RuleRow
                key={item.key}
                item={item}
                index={index}
                count={items.length}
                editable={editable}
                highlighted={highlight === index}
                onEdit={() => onEdit(index)}
                onDelete={() => onChange(items.filter((_, i) => i !== index))}
                onMove={(to) => onChange(arrayMove(items, index, to))}
              />
            ))}
          </Table.Tbody>
        </Table>
      </SortableContext>
    </DndContext>
  );
}
