// Deals: the board of a pipeline (default view), the same deals as a sortable list, and upcoming
// renewals. Pipeline, view and filters live in the URL, so a view can be shared as a link.
import { Alert, Button, Group, Paper, SegmentedControl, Select, Skeleton, Stack } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconFileImport, IconLayoutKanban, IconList, IconPlus, IconRefresh, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/problem.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { usePipelines } from '../../queries/deals.ts';
import { usePermissions } from '../../session/session.ts';
import type { ListSearch } from '../../lib/list-search.ts';
import type { DealSearch } from './deal-search.ts';
import { DealBoard } from './DealBoard.tsx';
import { DealFilters } from './DealFilters.tsx';
import { DealsList } from './DealsList.tsx';
import { RenewalsView } from './RenewalsView.tsx';
import { DealFormDrawer } from './DealFormDrawer.tsx';

const route = getRouteApi('/app/deals');

export function DealsPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/deals' });
  const { canWrite, isAdmin } = usePermissions();
  const { pipelines, defaultPipeline, isPending, error } = usePipelines();
  const [creating, setCreating] = useState(false);
  const setSearch = (patch: Partial<DealSearch>) => void navigate({ search: (prev: DealSearch) => ({ ...prev, ...patch }), replace: true });

  const pipeline = pipelines.find((p) => p.id === search.pipelineId) ?? defaultPipeline;
  const view = search.view ?? 'board';
  const status = search.filter?.status?.eq ?? null;
  const listSearch: ListSearch = { ...search, filter: pipeline ? { ...search.filter, pipelineId: { eq: pipeline.id } } : search.filter };

  return (
    <>
      <PageHeader
        title="Deals"
        description="Every opportunity, stage by stage. Drag a deal to move it; won and lost ask for the reason."
        actions={
          <>
            {isAdmin && (
              <ButtonLink variant="default" leftSection={<IconSettings size={16} />} to="/settings/pipelines">
                Pipelines
              </ButtonLink>
            )}
            {canWrite && (
              <ButtonLink variant="default" leftSection={<IconFileImport size={16} />} to="/import" search={{ objectType: 'deal' }}>
                Import deals
              </ButtonLink>
            )}
            {canWrite && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                New deal
              </Button>
            )}
          </>
        }
      />
      {error ? (
        <Alert color="red" title="Could not load pipelines">
          {errorMessage(error)}
        </Alert>
      ) : (
        <Stack gap="md">
          <Paper p="md">
            <Stack gap="sm">
              <Group justify="space-between" gap="sm">
                <Group gap="sm">
                  {isPending ? (
                    <Skeleton height={36} width={220} />
                  ) : (
                    <Select
                      aria-label="Pipeline"
                      data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
                      value={pipeline?.id ?? null}
                      onChange={(id) => id && setSearch({ pipelineId: id })}
                      allowDeselect={false}
                      w={220}
                      disabled={view === 'renewals'}
                    />
                  )}
                  <SegmentedControl
                    value={view}
                    onChange={(v) => setSearch({ view: v === 'board' ? undefined : (v as 'list' | 'renewals') })}
                    data={[
                      {
                        value: 'board',
                        label: (
                          <Group gap={6} wrap="nowrap">
                            <IconLayoutKanban size={16} />
                            Board
                          </Group>
                        ),
                      },
                      {
                        value: 'list',
                        label: (
                          <Group gap={6} wrap="nowrap">
                            <IconList size={16} />
                            List
                          </Group>
                        ),
                      },
                      {
                        value: 'renewals',
                        label: (
                          <Group gap={6} wrap="nowrap">
                            <IconRefresh size={16} />
                            Renewals
                          </Group>
                        ),
                      },
                    ]}
                  />
                </Group>
              </Group>
              {view !== 'renewals' && (
                <DealFilters filter={search.filter} q={search.q} onChange={(patch) => setSearch(patch)}>
                  {view === 'list' && (
                    <Select
                      aria-label="Status"
                      placeholder="Any status"
                      data={[
                        { value: 'open', label: 'Open' },
                        { value: 'won', label: 'Won' },
                        { value: 'lost', label: 'Lost' },
                      ]}
                      value={status}
                      onChange={(v) => {
                        const { status: _drop, ...rest } = search.filter ?? {};
                        const next = v ? { ...rest, status: { eq: v } } : rest;
                        setSearch({ filter: Object.keys(next).length ? next : undefined });
                      }}
                      clearable
                      w={140}
                    />
                  )}
                </DealFilters>
              )}
            </Stack>
          </Paper>
          {view === 'board' &&
            (pipeline ? (
              <DealBoard pipeline={pipeline} filter={search.filter} q={search.q} canWrite={canWrite} />
            ) : (
              <Skeleton height={400} radius="md" />
            ))}
          {view === 'list' && (
            <Paper p={0} style={{ overflow: 'hidden' }}>
              <DealsList
                search={listSearch}
                onSearch={(patch) => setSearch(patch)}
                onCreate={canWrite ? () => setCreating(true) : undefined}
              />
            </Paper>
          )}
          {view === 'renewals' && (
            <Paper p={0} style={{ overflow: 'hidden' }}>
              <RenewalsView filter={undefined} />
            </Paper>
          )}
        </Stack>
      )}
      <DealFormDrawer opened={creating} onClose={() => setCreating(false)} deal={null} defaultPipelineId={pipeline?.id} />
    </>
  );
}
