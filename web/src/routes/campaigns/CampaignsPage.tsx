// Campaigns: every utm_campaign Tandem has seen plus the ones marketing planned, with their channel,
// dates and how many touches and contacts they brought. Search, channel/status filters and the sort
// live in the URL like the other lists; a Trash view restores deleted campaigns.
import { Alert, Button, EmptyState, Group, Paper, SegmentedControl, Select, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconFilterOff, IconPlus, IconSpeakerphone, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { ListFooter } from '../../components/ListFooter.tsx';
import { useCampaignList, useCanEditMarketing, useChannels, type Campaign, type CampaignSearch } from '../../queries/campaigns.ts';
import { nextSort, withFilter, withoutFilter } from '../../lib/list-search.ts';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { plural } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { CampaignsTable } from './CampaignsTable.tsx';
import { CampaignFormDrawer } from './CampaignFormDrawer.tsx';
import { STATUS_LABELS } from './CampaignStatusBadge.tsx';

const route = getRouteApi('/app/campaigns');

export function CampaignsPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/campaigns' });
  const queryClient = useQueryClient();
  const canEdit = useCanEditMarketing();
  const { channels } = useChannels();
  const [creating, setCreating] = useState(false);
  const trash = search.view === 'trash';

  const setSearch = (patch: Partial<CampaignSearch>) =>
    void navigate({ search: (prev: CampaignSearch) => ({ ...prev, ...patch }), replace: true });
  const setFilter = (field: string, value: string | null) =>
    setSearch({ filter: value ? withFilter(search.filter, { field, op: 'eq', value }) : withoutFilter(search.filter, field) });

  const searchKey = JSON.stringify(search);
  const pages = useCursorPages(searchKey);
  const list = useCampaignList(search, pages.cursor);
  const rows = list.data?.data ?? [];
  useEffect(() => {
    if (list.data && !list.isPlaceholderData) pages.rememberTotal(list.data.totalCount);
  }, [list.data, list.isPlaceholderData, pages]);

  const restore = async (c: Campaign) => {
    try {
      await unwrap(api.POST('/api/v1/campaigns/{id}/restore', { params: { path: { id: c.id } } }));
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      notifySuccess('Campaign restored', c.name);
    } catch (e) {
      notifyError(e, 'Could not restore');
    }
  };

  const total = pages.total;
  const hasCriteria = Boolean(search.q || search.filter);
  const channelFilter = search.filter?.channel?.eq ?? null;
  const statusFilter = search.filter?.status?.eq ?? null;

  return (
    <>
      <PageHeader
        title="Campaigns"
        description={
          total !== null
            ? `${plural(total, trash ? 'deleted campaign' : 'campaign')}${hasCriteria ? ' match this view' : ''}`
            : 'What brought people in: tagged links, ads, emails and events'
        }
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New campaign
            </Button>
          )
        }
      />

      <Paper p={0} style={{ overflow: 'hidden' }}>
        <Stack gap="sm" p="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Group gap="sm" justify="space-between">
            <Group gap="sm">
              <SearchInput
                label="Search campaigns"
                placeholder="Search name or utm_campaign…"
                value={search.q ?? ''}
                onChange={(q) => setSearch({ q: q || undefined })}
              />
              <Select
                aria-label="Channel"
                placeholder="All channels"
                data={channels.map((c) => c.name)}
                value={channelFilter}
                onChange={(v) => setFilter('channel', v)}
                clearable
                searchable
                w={180}
              />
              <Select
                aria-label="Status"
                placeholder="Any status"
                data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
                value={statusFilter}
                onChange={(v) => setFilter('status', v)}
                clearable
                w={150}
              />
            </Group>
            <SegmentedControl
              aria-label="Show"
              value={trash ? 'trash' : 'all'}
              onChange={(v) => setSearch({ view: v === 'trash' ? 'trash' : undefined })}
              data={[
                { value: 'all', label: 'Campaigns' },
                { value: 'trash', label: 'Trash' },
              ]}
            />
          </Group>
        </Stack>

        {list.error ? (
          <Alert color="red" m="md" title="Could not load campaigns">
            {errorMessage(list.error)}
          </Alert>
        ) : !list.isPending && rows.length === 0 ? (
          hasCriteria ? (
            <EmptyState
              py={64}
              icon={<IconFilterOff size={28} stroke={1.5} />}
              withIndicatorBackground
              title="No campaigns match"
              description="Try a different search or remove the filters."
            >
              <EmptyState.Actions>
                <Button variant="default" onClick={() => setSearch({ filter: undefined, q: undefined })}>
                  Clear search and filters
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : trash ? (
            <EmptyState
              py={64}
              icon={<IconTrash size={28} stroke={1.5} />}
              withIndicatorBackground
              title="The trash is empty"
              description="Deleted campaigns show up here; restoring one brings back its touches."
            />
          ) : (
            <EmptyState
              py={64}
              icon={<IconSpeakerphone size={28} stroke={1.5} />}
              variant="light"
              title="No campaigns yet"
              description="Tag your links with utm_campaign and each new value becomes a campaign the first time someone arrives through it. You can also plan one ahead."
            >
              {canEdit && (
                <EmptyState.Actions>
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                    Create campaign
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )
        ) : (
          <>
            <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
              <CampaignsTable
                rows={rows}
                loading={list.isPending}
                sort={search.sort}
                onSort={(field) => setSearch({ sort: nextSort(search.sort, field) })}
                trash={trash}
                onRestore={canEdit ? (c) => void restore(c) : undefined}
              />
            </div>
            <ListFooter
              noun="campaigns"
              page={pages.page}
              pageSize={search.limit ?? 50}
              rowsOnPage={rows.length}
              total={total}
              hasNext={Boolean(list.data?.nextCursor)}
              onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
              onPrev={pages.prev}
              onFirst={pages.first}
              onPageSize={(limit) => setSearch({ limit: limit === 50 ? undefined : limit })}
            />
          </>
        )}
      </Paper>

      <CampaignFormDrawer
        opened={creating}
        onClose={() => setCreating(false)}
        campaign={null}
        onSaved={(c) => void navigate({ to: '/campaigns/$campaignId', params: { campaignId: c.id } })}
      />
    </>
  );
}
