// The list view of deals: same filters as the board plus status, any sort, cursor pages.
import { Alert, Button, EmptyState } from '@mantine/core';
import { IconFilterOff, IconTargetArrow } from '@tabler/icons-react';
import { useEffect } from 'react';
import { errorMessage } from '../../api/problem.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { useDealList } from '../../queries/deals.ts';
import { useUsers } from '../../queries/users.ts';
import { nextSort, type ListSearch } from '../../lib/list-search.ts';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { DealsTable } from './DealsTable.tsx';

export function DealsList({
  search,
  onSearch,
  onCreate,
}: {
  search: ListSearch;
  onSearch: (patch: Partial<ListSearch>) => void;
  onCreate?: () => void;
}) {
  const { byId: users } = useUsers();
  const pages = useCursorPages(JSON.stringify(search));
  const list = useDealList(search, pages.cursor);
  const rows = list.data?.data ?? [];
  useEffect(() => {
    if (list.data && !list.isPlaceholderData) pages.rememberTotal(list.data.totalCount);
  }, [list.data, list.isPlaceholderData, pages]);

  if (list.error) {
    return (
      <Alert color="red" m="md" title="Could not load deals">
        {errorMessage(list.error)}
      </Alert>
    );
  }
  if (!list.isPending && rows.length === 0) {
    const filtered = Boolean(search.q || Object.keys(search.filter ?? {}).some((k) => k !== 'pipelineId'));
    return filtered ? (
      <EmptyState
        py={64}
        icon={<IconFilterOff size={28} stroke={1.5} />}
        withIndicatorBackground
        title="No deals match"
        description="Try other filters."
      >
        <EmptyState.Actions>
          <Button
            variant="default"
            onClick={() =>
              onSearch({ q: undefined, filter: search.filter?.pipelineId ? { pipelineId: search.filter.pipelineId } : undefined })
            }
          >
            Clear filters
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    ) : (
      <EmptyState
        py={64}
        icon={<IconTargetArrow size={28} stroke={1.5} />}
        variant="light"
        title="No deals in this pipeline yet"
        description="Create a deal to start tracking it through the stages."
      >
        {onCreate && (
          <EmptyState.Actions>
            <Button onClick={onCreate}>Create deal</Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    );
  }
  const pageSize = search.limit ?? 50;
  return (
    <>
      <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <DealsTable
          rows={rows}
          loading={list.isPending}
          sort={search.sort}
          onSort={(f) => onSearch({ sort: nextSort(search.sort, f) })}
          users={users}
        />
      </div>
      <ListFooter
        noun="deals"
        page={pages.page}
        pageSize={pageSize}
        rowsOnPage={rows.length}
        total={pages.total}
        hasNext={Boolean(list.data?.nextCursor)}
        onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
        onPrev={pages.prev}
        onFirst={pages.first}
        onPageSize={(limit) => onSearch({ limit: limit === 50 ? undefined : limit })}
      />
    </>
  );
}
