// One stage in the pipeline editor: drag handle, name, probability, type, its deal count, delete.
// Text and number fields save when they lose focus (or on Enter); the type saves when picked.
import { ActionIcon, Badge, Group, NumberInput, Paper, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconGripVertical, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Stage } from '../../../queries/deals.ts';
import { plural } from '../../../lib/format.ts';

export const STAGE_TYPES = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

export interface StagePatch {
  name?: string;
  probability?: number;
  type?: Stage['type'];
}

export function StageRow({
  stage,
  dealCount,
  canEdit,
  onSave,
  onDelete,
}: {
  stage: Stage;
  dealCount: number | undefined;
  canEdit: boolean;
  onSave: (patch: StagePatch) => Promise<boolean>;
  onDelete: () => void;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: stage.id,
    disabled: !canEdit,
  });
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState<number | string>(stage.probability);
  const [nameError, setNameError] = useState<string | null>(null);
  const [probError, setProbError] = useState<string | null>(null);
  useEffect(() => {
    setName(stage.name);
    setProbability(stage.probability);
  }, [stage.name, stage.probability]);

  const saveName = async () => {
    const v = name.trim();
    if (v === stage.name) return setNameError(null);
    if (!v) return setNameError('Name the stage');
    setNameError(null);
    if (!(await onSave({ name: v }))) setName(stage.name);
  };
  const saveProbability = async () => {
    const n = Number(probability);
    if (probability === '' || !Number.isInteger(n) || n < 0 || n > 100) return setProbError('0–100');
    setProbError(null);
    if (n !== stage.probability && !(await onSave({ probability: n }))) setProbability(stage.probability);
  };

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      p="xs"
      radius="md"
      data-testid="stage-row"
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.6 : 1,
        zIndex: isDragging ? 2 : undefined,
        position: 'relative',
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ActionIcon
          ref={setActivatorNodeRef}
          variant="subtle"
          color="gray"
          aria-label={`Drag to reorder ${stage.name}`}
          disabled={!canEdit}
          {...listeners}
          {...attributes}
          style={{ cursor: canEdit ? 'grab' : 'default', marginTop: 4 }}
        >
          <IconGripVertical size={16} />
        </ActionIcon>
        <TextInput
          aria-label="Stage name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => void saveName()}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          error={nameError}
          disabled={!canEdit}
          style={{ flex: 1 }}
          maxLength={100}
        />
        <NumberInput
          aria-label="Win probability"
          value={probability}
          onChange={setProbability}
          onBlur={() => void saveProbability()}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          min={0}
          max={100}
          allowDecimal={false}
          suffix="%"
          error={probError}
          disabled={!canEdit}
          w={90}
        />
        <Select
          aria-label="Stage type"
          data={STAGE_TYPES}
          value={stage.type}
          allowDeselect={false}
          disabled={!canEdit}
          w={100}
          onChange={(v) => v && v !== stage.type && void onSave({ type: v as Stage['type'] })}
        />
        <Tooltip label="Deals in this stage">
          <Badge variant="light" color="gray" mt={6} w={74}>
            {dealCount === undefined ? '…' : plural(dealCount, 'deal')}
          </Badge>
        </Tooltip>
        {canEdit && (
          <Tooltip label="Delete stage">
            <ActionIcon variant="subtle" color="red" aria-label={`Delete ${stage.name}`} onClick={onDelete} mt={4}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {stage.type !== 'open' && (
        <Text fz="xs" c="dimmed" ml={44} mt={4}>
          Moving a deal here closes it as {stage.type} and asks for the reason.
        </Text>
      )}
    </Paper>
  );
}
