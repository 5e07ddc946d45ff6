// The kanban board of one pipeline. Dragging a card to another column moves it at once (cards and
// column totals), then asks the server; if the server refuses, the board goes back as it was and
// says why. A drop on a won or lost column first asks for the close reason; cancel = no move.
import { Alert, Group, ScrollArea, Skeleton, Stack, Text } from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { boardKey, useBoard, useMoveDeal, type Board, type Deal, type Pipeline, type Stage } from '../../queries/deals.ts';
import { useUsers } from '../../queries/users.ts';
import type { ListFilters } from '../../lib/list-search.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { plural } from '../../lib/format.ts';
import { formatAmount } from '../../lib/money.ts';
import { moveCard } from './board-state.ts';
import { DealColumn } from './DealColumn.tsx';
import { DealCardBody } from './DealCard.tsx';
import { CloseDealModal, type CloseRequest } from './CloseDealModal.tsx';

export function DealBoard({
  pipeline,
  filter,
  q,
  canWrite,
}: {
  pipeline: Pipeline;
  filter: ListFilters | undefined;
  q: string | undefined;
  canWrite: boolean;
}) {
  const queryClient = useQueryClient();
  const board = useBoard(pipeline.id, filter, q);
  const { byId: users } = useUsers();
  const moveDeal = useMoveDeal();
  const [dragging, setDragging] = useState<Deal | null>(null);
  const [closing, setClosing] = useState<(CloseRequest & { deal: Deal }) | null>(null);
  const [loadingStage, setLoadingStage] = useState<string | null>(null);
  const key = boardKey(pipeline.id, filter, q);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));

  const move = async (deal: Deal, target: Stage, close?: { closeReasonId: string | null; closeNote: string | null }) => {
    await queryClient.cancelQueries({ queryKey: key });
    const before = queryClient.getQueryData<Board>(key);
    if (before) queryClient.setQueryData<Board>(key, moveCard(before, deal.id, target));
    try {
      await moveDeal(deal.id, {
        stageId: target.id,
        ...(close?.closeReasonId ? { closeReasonId: close.closeReasonId } : {}),
        ...(close ? { closeNote: close.closeNote } : {}),
      });
      if (target.type !== 'open') notifySuccess(target.type === 'won' ? 'Deal won' : 'Deal lost', `${deal.name} moved to ${target.name}.`);
    } catch (e) {
      if (before) queryClient.setQueryData<Board>(key, before);
      notifyError(e, `Could not move ${deal.name}`);
    }
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const deal = active.data.current?.deal as Deal | undefined;
    const target = over?.data.current?.stage as Stage | undefined;
    if (!deal || !target || target.id === deal.stageId) return;
    if (target.type !== 'open') setClosing({ deal, dealName: deal.name, stage: target });
    else void move(deal, target);
  };

  const loadMore = async (stageId: string, cursor: string) => {
    setLoadingStage(stageId);
    try {
      const page = await unwrap(
        api.GET('/api/v1/pipelines/{id}/board', {
          params: { path: { id: pipeline.id }, query: { filter, q, limit: 25, stageId, cursor } },
        }),
      );
      const more = page.columns[0];
      queryClient.setQueryData<Board>(key, (b) =>
        b && more
          ? {
              ...b,
              columns: b.columns.map((c) =>
                c.stage.id === stageId
                  ? {
                      ...c,
                      deals: [...c.deals, ...more.deals.filter((d) => !c.deals.some((x) => x.id === d.id))],
                      nextCursor: more.nextCursor,
                    }
                  : c,
              ),
            }
          : b,
      );
    } catch (e) {
      notifyError(e, 'Could not load more deals');
    } finally {
      setLoadingStage(null);
    }
  };

  if (board.error) {
    return (
      <Alert color="red" title="Could not load the board">
        {errorMessage(board.error)}
      </Alert>
    );
  }
  if (!board.data) {
    return (
      <Group align="flex-start" gap="sm" wrap="nowrap" data-testid="board-loading">
        {pipeline.stages.map((s) => (
          <Stack key={s.id} miw={200} style={{ flex: '1 1 0' }} gap="xs">
            <Skeleton height={52} radius="md" />
            <Skeleton height={88} radius="md" />
            <Skeleton height={88} radius="md" />
          </Stack>
        ))}
      </Group>
    );
  }

  const currency = board.data.columns.flatMap((c) => c.deals)[0]?.currency ?? 'USD';
  const sum = (type: Stage['type'], field: 'count' | 'amount' | 'weightedAmount') =>
    board.data.columns.filter((c) => c.stage.type === type).reduce((s, c) => s + c[field], 0);
  return (
    <>
      <Group gap="xl" px={4} data-testid="board-summary">
        <Text fz="sm" c="dimmed">
          Open: <b>{plural(sum('open', 'count'), 'deal')}</b> · <b>{formatAmount(sum('open', 'amount'), currency)}</b> (
          {formatAmount(sum('open', 'weightedAmount'), currency)} weighted)
        </Text>
        <Text fz="sm" c="dimmed">
          Won: <b>{formatAmount(sum('won', 'amount'), currency)}</b>
        </Text>
        <Text fz="sm" c="dimmed">
          Lost: <b>{formatAmount(sum('lost', 'amount'), currency)}</b>
        </Text>
      </Group>
      <DndContext
        sensors={sensors}
        collisionDetection={pointerWithin}
        onDragStart={({ active }: DragStartEvent) => setDragging((active.data.current?.deal as Deal) ?? null)}
        onDragCancel={() => setDragging(null)}
        onDragEnd={onDragEnd}
      >
        <ScrollArea type="auto" offsetScrollbars scrollbarSize={10}>
          <Group
            align="stretch"
            gap="sm"
            wrap="nowrap"
            pb="sm"
            data-testid="deal-board"
            style={{ opacity: board.isPlaceholderData ? 0.6 : 1 }}
          >
            {board.data.columns.map((column) => (
              <DealColumn
                key={column.stage.id}
                column={column}
                users={users}
                canDrag={canWrite}
                currency={currency}
                loadingMore={loadingStage === column.stage.id}
                onLoadMore={() => column.nextCursor && void loadMore(column.stage.id, column.nextCursor)}
              />
            ))}
          </Group>
        </ScrollArea>
        <DragOverlay dropAnimation={null}>
          {dragging && <DealCardBody deal={dragging} owner={dragging.ownerId ? users.get(dragging.ownerId) : undefined} dragging />}
        </DragOverlay>
      </DndContext>
      <CloseDealModal
        request={closing}
        onCancel={() => setClosing(null)}
        onConfirm={async (closeReasonId, closeNote) => {
          const request = closing;
          setClosing(null);
          if (request) await move(request.deal, request.stage, { closeReasonId, closeNote });
        }}
      />
    </>
  );
}
