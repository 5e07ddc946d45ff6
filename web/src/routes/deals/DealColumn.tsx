// A stage on the board: its totals (count, amount, weighted by the stage's probability) and its
// cards; a drop target while dragging. More cards load on demand (the board shows 25 per stage).
import { Badge, Box, Button, Group, Paper, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import type { User } from '../../api/client.ts';
import type { BoardColumn } from '../../queries/deals.ts';
import { plural } from '../../lib/format.ts';
import { DealCard } from './DealCard.tsx';
import { formatAmount, formatCompactAmount } from '../../lib/money.ts';

const TYPE_COLOR = { open: 'gray', won: 'teal', lost: 'red' } as const;

export function DealColumn({
  column,
  users,
  canDrag,
  currency,
  onLoadMore,
  loadingMore,
}: {
  column: BoardColumn;
  users: Map<string, User>;
  canDrag: boolean;
  currency: string;
  onLoadMore: () => void;
  loadingMore: boolean;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.id, data: { stage: column.stage } });
  const { stage } = column;
  return (
    <Paper
      ref={setNodeRef}
      data-testid="board-column"
      data-stage={stage.name}
      radius="md"
      p={0}
      miw={200}
      maw={320}
      bg={isOver ? 'var(--mantine-color-brand-light)' : 'var(--mantine-color-gray-0)'}
      style={{
        display: 'flex',
        flexDirection: 'column',
        // columns share the width; below 200px each the board scrolls sideways instead
        flex: '1 1 0',
        border: `1px ${isOver ? 'dashed var(--mantine-color-brand-filled)' : 'solid var(--mantine-color-default-border)'}`,
        transition: 'background 120ms',
      }}
    >
      <Box
        p="sm"
        pb="xs"
        style={{
          borderTop: `3px solid var(--mantine-color-${TYPE_COLOR[stage.type]}-${stage.type === 'open' ? 4 : 6})`,
          borderRadius: 'var(--mantine-radius-md) var(--mantine-radius-md) 0 0',
        }}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={650} fz="sm" truncate>
            {stage.name}
          </Text>
          <Tooltip label="Default win probability">
            <Badge variant="light" color={TYPE_COLOR[stage.type]} size="sm">
              {stage.type === 'open' ? `${stage.probability}%` : stage.type}
            </Badge>
          </Tooltip>
        </Group>
        <Group justify="space-between" gap={6} mt={4} wrap="nowrap" data-testid="column-totals">
          <Text fz="xs" c="dimmed" data-testid="column-count">
            {plural(column.count, 'deal')}
          </Text>
          <Tooltip label={formatAmount(column.amount, currency)}>
            <Text fz="sm" fw={650} data-testid="column-amount">
              {formatCompactAmount(column.amount, currency)}
            </Text>
          </Tooltip>
        </Group>
        {stage.type === 'open' && (
          <Tooltip label={`${formatAmount(column.weightedAmount, currency)}: each deal's amount × ${stage.probability}%`}>
            <Text fz="xs" c="dimmed" ta="right" data-testid="column-weighted">
              {formatCompactAmount(column.weightedAmount, currency)} weighted
            </Text>
          </Tooltip>
        )}
      </Box>
      <ScrollArea.Autosize mah="calc(100vh - 330px)" type="hover" scrollbarSize={6}>
        <Stack gap="xs" p="xs" pt={4} mih={120}>
          {column.deals.map((d) => (
            <DealCard key={d.id} deal={d} owner={d.ownerId ? users.get(d.ownerId) : undefined} canDrag={canDrag} />
          ))}
          {column.deals.length === 0 && (
            <Text fz="xs" c="dimmed" ta="center" py="lg">
              {canDrag ? 'Drop deals here' : 'No deals'}
            </Text>
          )}
          {column.nextCursor && (
            <Button variant="subtle" size="xs" onClick={onLoadMore} loading={loadingMore}>
              Show more ({column.count - column.deals.length} left)
            </Button>
          )}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
