// Settings → Pipelines: pipelines and their stages (name, win probability, open/won/lost), re-ordered
// by dragging. Each edit saves at once; deleting a stage that holds deals asks where they go.
// Admins edit; everyone else reads.
import { Alert, Badge, Button, Group, Menu, Skeleton, Stack, Tabs, TextInput } from '@mantine/core';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useQueryClient } from '@tanstack/react-query';
import { IconChevronDown, IconPlus, IconStar, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { confirmDanger } from '../../components/confirm.tsx';
import { pipelinesQuery, useBoard, usePipelines, type Pipeline, type Stage } from '../../queries/deals.ts';
import { usePermissions } from '../../session/session.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { plural } from '../../lib/format.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { StageRow, type StagePatch } from './pipelines/StageRow.tsx';
import { DeleteStageModal } from './pipelines/DeleteStageModal.tsx';
import { AddStage, NewPipelineModal } from './pipelines/PipelineForms.tsx';

function PipelineEditor({ pipeline, pipelines, canEdit }: { pipeline: Pipeline; pipelines: Pipeline[]; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const board = useBoard(pipeline.id, undefined, undefined);
  const counts = new Map(board.data?.columns.map((c) => [c.stage.id, c.count]));
  const [deleting, setDeleting] = useState<{ stage: Stage; dealCount: number } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const put = (p: Pipeline) =>
    queryClient.setQueryData<Pipeline[]>(pipelinesQuery.queryKey, (all) => all?.map((x) => (x.id === p.id ? p : x)));
  const refreshDeals = () => void queryClient.invalidateQueries({ queryKey: ['deals'] });

  const saveStage = async (stage: Stage, patch: StagePatch): Promise<boolean> => {
    try {
      put(
        await unwrap(
          api.PATCH('/api/v1/pipelines/{id}/stages/{stageId}', { params: { path: { id: pipeline.id, stageId: stage.id } }, body: patch }),
        ),
      );
      refreshDeals();
      return true;
    } catch (e) {
      notifyError(e, `Could not save ${stage.name}`);
      return false;
    }
  };

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const ids = pipeline.stages.map((s) => s.id);
    const order = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    const before = pipeline;
    put({ ...pipeline, stages: order.map((id) => pipeline.stages.find((s) => s.id === id)!) });
    try {
      put(
        await unwrap(api.PUT('/api/v1/pipelines/{id}/stage-order', { params: { path: { id: pipeline.id } }, body: { stageIds: order } })),
      );
      refreshDeals();
    } catch (e) {
      put(before);
      notifyError(e, 'Could not reorder the stages');
    }
  };

  const deleteStage = async (moveDealsTo: string | undefined) => {
    if (!deleting) return;
    try {
      const res = await unwrap(
        api.DELETE('/api/v1/pipelines/{id}/stages/{stageId}', {
          params: { path: { id: pipeline.id, stageId: deleting.stage.id }, query: moveDealsTo ? { moveDealsTo } : {} },
        }),
      );
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: pipelinesQuery.queryKey });
      refreshDeals();
      notifySuccess('Stage deleted', res.movedDeals ? `${plural(res.movedDeals, 'deal')} moved.` : deleting.stage.name);
    } catch (e) {
      notifyError(e, 'Could not delete the stage');
    }
  };

  return (
    <Stack gap="xs">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={(e) => void onDragEnd(e)}>
        <SortableContext items={pipeline.stages.map((s) => s.id)} strategy={verticalListSortingStrategy}>
          {pipeline.stages.map((s) => (
            <StageRow
              key={s.id}
              stage={s}
              dealCount={board.data ? (counts.get(s.id) ?? 0) : undefined}
              canEdit={canEdit}
              onSave={(patch) => saveStage(s, patch)}
              onDelete={() => setDeleting({ stage: s, dealCount: counts.get(s.id) ?? 0 })}
            />
          ))}
        </SortableContext>
      </DndContext>
      {canEdit && (
        <AddStage
          pipelineId={pipeline.id}
          onAdded={(p) => {
            put(p);
            refreshDeals();
          }}
        />
      )}
      <DeleteStageModal target={deleting} pipelines={pipelines} onCancel={() => setDeleting(null)} onConfirm={deleteStage} />
    </Stack>
  );
}

export function PipelinesSettings() {
  const queryClient = useQueryClient();
  const { isAdmin } = usePermissions();
  const { pipelines, isPending, error } = usePipelines();
  const [active, setActive] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const pipeline = pipelines.find((p) => p.id === active) ?? pipelines[0];
  const refresh = () => queryClient.invalidateQueries({ queryKey: pipelinesQuery.queryKey });

  const patch = async (body: { name?: string; isDefault?: true }) => {
    if (!pipeline) return;
    try {
      await unwrap(api.PATCH('/api/v1/pipelines/{id}', { params: { path: { id: pipeline.id } }, body }));
      await refresh();
      setRenaming(null);
    } catch (e) {
      notifyError(e, 'Could not save the pipeline');
    }
  };
  const remove = async () => {
    if (!pipeline) return;
    const ok = await confirmDanger({
      title: `Delete ${pipeline.name}?`,
      message: 'Its won and lost deals stay in reports. A pipeline with open deals cannot be deleted.',
      confirmLabel: 'Delete pipeline',
    });
    if (!ok) return;
    try {
      await unwrap(api.DELETE('/api/v1/pipelines/{id}', { params: { path: { id: pipeline.id } } }));
      setActive(null);
      await refresh();
    } catch (e) {
      notifyError(e, 'Could not delete the pipeline');
    }
  };

  return (
    <SettingsSection
      title="Pipelines"
      description="Each pipeline is a board of stages. A stage's probability weights its deals in the forecast; won and lost stages close deals and ask for the reason."
      action={
        isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New pipeline
          </Button>
        )
      }
    >
      {error ? (
        <Alert color="red">{errorMessage(error)}</Alert>
      ) : isPending || !pipeline ? (
        <Stack>
          <Skeleton height={36} />
          <Skeleton height={240} />
        </Stack>
      ) : (
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Tabs value={pipeline.id} onChange={setActive} variant="pills">
              <Tabs.List>
                {pipelines.map((p) => (
                  <Tabs.Tab
                    key={p.id}
                    value={p.id}
                    rightSection={
                      p.isDefault ? (
                        <Badge size="xs" variant="light">
                          Default
                        </Badge>
                      ) : undefined
                    }
                  >
                    {p.name}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
            </Tabs>
            {isAdmin && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default" rightSection={<IconChevronDown size={14} />}>
                    Pipeline
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setRenaming(pipeline.name)}>Rename</Menu.Item>
                  <Menu.Item
                    leftSection={<IconStar size={14} />}
                    disabled={pipeline.isDefault}
                    onClick={() => void patch({ isDefault: true })}
                  >
                    Make default
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={14} />} disabled={pipeline.isDefault} onClick={() => void remove()}>
                    Delete pipeline
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
          {renaming !== null && (
            <Group gap="sm">
              <TextInput
                aria-label="Pipeline name"
                value={renaming}
                onChange={(e) => setRenaming(e.currentTarget.value)}
                error={renaming.trim() ? null : 'Name the pipeline'}
                style={{ flex: 1 }}
              />
              <Button disabled={!renaming.trim()} onClick={() => void patch({ name: renaming.trim() })}>
                Save
              </Button>
              <Button variant="default" onClick={() => setRenaming(null)}>
                Cancel
              </Button>
            </Group>
          )}
          <PipelineEditor key={pipeline.id} pipeline={pipeline} pipelines={pipelines} canEdit={isAdmin} />
        </Stack>
      )}
      <NewPipelineModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(p) => {
          setCreating(false);
          void refresh();
          setActive(p.id);
          notifySuccess('Pipeline created', p.name);
        }}
      />
    </SettingsSection>
  );
}
