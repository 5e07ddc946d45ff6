// The accounts list: same model as contacts (URL-held search, filters, sort, cursor pages), with
// selection → export or delete (with Undo).
import { ActionBar, Alert, Button, EmptyState, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconBuilding, IconDownload, IconFileImport, IconFilterOff, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { api, apiUrl, unwrap } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { FilterBuilder } from '../../components/FilterBuilder.tsx';
import { FilterChips } from '../../components/FilterChips.tsx';
import { ListFooter } from '../../components/ListFooter.tsx';
import { confirmDanger } from '../../components/confirm.tsx';
import { showUndo } from '../../components/undo.tsx';
import { useAccountList } from '../../queries/accounts.ts';
import { useCustomFields } from '../../queries/custom-fields.ts';
import { useUsers } from '../../queries/users.ts';
import { usePermissions } from '../../session/session.ts';
import { accountFilterFields } from '../../lib/filter-fields.ts';
import { nextSort, withFilter, withoutFilter, type ListSearch } from '../../lib/list-search.ts';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { plural } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { AccountsTable } from './AccountsTable.tsx';
import { AccountFormDrawer } from './AccountFormDrawer.tsx';

const route = getRouteApi('/app/accounts');

export function AccountsPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/accounts' });
  const queryClient = useQueryClient();
  const { canWrite } = usePermissions();
  const { fields: customFields } = useCustomFields('account');
  const { byId: users } = useUsers();
  const filterFields = useMemo(() => accountFilterFields(customFields), [customFields]);
  const [creating, setCreating] = useState(false);

  const setSearch = (patch: Partial<ListSearch>) => void navigate({ search: (prev: ListSearch) => ({ ...prev, ...patch }), replace: true });
  const searchKey = JSON.stringify(search);
  const pages = useCursorPages(searchKey);
  const list = useAccountList(search, pages.cursor);
  const rows = list.data?.data ?? [];
  const pageSize = search.limit ?? 50;
  useEffect(() => {
    if (list.data && !list.isPlaceholderData) pages.rememberTotal(list.data.totalCount);
  }, [list.data, list.isPlaceholderData, pages]);

  const [selected, setSelected] = useState<Set<string>>(new Set());
  useEffect(() => setSelected(new Set()), [searchKey]);
  const pageIds = rows.map((r) => r.id);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const togglePage = () => setSelected((s) => (pageIds.every((id) => s.has(id)) ? new Set() : new Set([...s, ...pageIds])));

  const removeSelected = async () => {
    const ids = [...selected];
    const ok = await confirmDanger({
      title: `Delete ${plural(ids.length, 'account')}?`,
      message: 'They move to the trash; their contacts stay (unlinked). You can undo right after deleting.',
      confirmLabel: `Delete ${plural(ids.length, 'account')}`,
    });
    if (!ok) return;
    const results = await Promise.allSettled(ids.map((id) => unwrap(api.DELETE('/api/v1/accounts/{id}', { params: { path: { id } } }))));
    const deleted = ids.filter((_, i) => results[i].status === 'fulfilled');
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) notifyError(failed.reason, `${plural(ids.length - deleted.length, 'account')} could not be deleted`);
    setSelected(new Set());
    void queryClient.invalidateQueries({ queryKey: ['accounts'] });
    if (deleted.length === 0) return;
    showUndo({
      title: `${plural(deleted.length, 'account')} deleted`,
      message: 'Moved to the trash.',
      onUndo: async () => {
        const restored = await Promise.allSettled(
          deleted.map((id) => unwrap(api.POST('/api/v1/accounts/{id}/restore', { params: { path: { id } } }))),
        );
        void queryClient.invalidateQueries({ queryKey: ['accounts'] });
        const bad = restored.filter((r) => r.status === 'rejected').length;
        if (bad)
          notifyError(
            new Error(`${plural(bad, 'account')} could not be restored (the domain is now used by another account).`),
            'Partly restored',
          );
        else notifySuccess('Accounts restored', `${plural(deleted.length, 'account')} restored.`);
      },
    });
  };

  const total = pages.total;
  const hasCriteria = Boolean(search.q || search.filter);
  const exportHref = apiUrl('/api/v1/accounts/export', { q: search.q, sort: search.sort, filter: search.filter });
  const selectionExportHref = apiUrl('/api/v1/accounts/export', { filter: { id: { in: [...selected].join(',') } } });

  return (
    <>
      <PageHeader
        title="Accounts"
        description={
          total !== null
            ? `${plural(total, 'account')}${hasCriteria ? ' match this view' : ' in this workspace'}`
            : 'The companies you work with'
        }
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              component="a"
              href={exportHref}
              download
              aria-label="Export CSV"
            >
              Export
            </Button>
            {canWrite && (
              <>
                <ButtonLink variant="default" leftSection={<IconFileImport size={16} />} to="/import" search={{ objectType: 'account' }}>
                  Import CSV
                </ButtonLink>
                <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                  New account
                </Button>
              </>
            )}
          </>
        }
      />

      <Paper p={0} style={{ overflow: 'hidden' }}>
        <Stack gap="sm" p="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Group gap="sm">
            <SearchInput
              label="Search accounts"
              placeholder="Search name or domain…"
              value={search.q ?? ''}
              onChange={(q) => setSearch({ q: q || undefined })}
            />
            <FilterBuilder
              fields={filterFields}
              customFrom={filterFields.length - customFields.length}
              onAdd={(chips) => setSearch({ filter: chips.reduce((f, c) => withFilter(f, c), search.filter) })}
            />
          </Group>
          <FilterChips
            filter={search.filter}
            fields={filterFields}
            users={users}
            onRemove={(field, op) => setSearch({ filter: withoutFilter(search.filter, field, op) })}
            onClear={() => setSearch({ filter: undefined, q: undefined })}
          />
        </Stack>

        {list.error ? (
          <Alert color="red" m="md" title="Could not load accounts">
            {errorMessage(list.error)}
          </Alert>
        ) : !list.isPending && rows.length === 0 ? (
          hasCriteria ? (
            <EmptyState
              py={64}
              icon={<IconFilterOff size={28} stroke={1.5} />}
              withIndicatorBackground
              title="No accounts match"
              description="Try a different search or remove some filters."
            >
              <EmptyState.Actions>
                <Button variant="default" onClick={() => setSearch({ filter: undefined, q: undefined })}>
                  Clear search and filters
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState
              py={64}
              icon={<IconBuilding size={28} stroke={1.5} />}
              variant="light"
              title="No accounts yet"
              description="Accounts are the companies your contacts work for. Create one, or import a CSV; contacts with a company email are linked automatically."
            >
              {canWrite && (
                <EmptyState.Actions>
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                    Create account
                  </Button>
                  <ButtonLink variant="default" leftSection={<IconFileImport size={16} />} to="/import" search={{ objectType: 'account' }}>
                    Import CSV
                  </ButtonLink>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )
        ) : (
          <>
            <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
              <AccountsTable
                rows={rows}
                loading={list.isPending}
                sort={search.sort}
                onSort={(field) => setSearch({ sort: nextSort(search.sort, field) })}
                users={users}
                selected={selected}
                onToggle={toggle}
                onTogglePage={togglePage}
              />
            </div>
            <ListFooter
              noun="accounts"
              page={pages.page}
              pageSize={pageSize}
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

      <ActionBar opened={selected.size > 0} onClose={() => setSelected(new Set())} aria-label="Bulk actions" closeOnEscape>
        <Text fz="sm" fw={600} px="xs" style={{ whiteSpace: 'nowrap' }}>
          {plural(selected.size, 'account')} selected
        </Text>
        <ActionBar.Divider />
        <Button
          variant="subtle"
          size="compact-md"
          leftSection={<IconDownload size={16} />}
          component="a"
          href={selectionExportHref}
          download
        >
          Export CSV
        </Button>
        {canWrite && (
          <Button
            variant="subtle"
            color="red"
            size="compact-md"
            leftSection={<IconTrash size={16} />}
            onClick={() => void removeSelected()}
          >
            Delete
          </Button>
        )}
        <ActionBar.Divider />
        <ActionBar.CloseButton aria-label="Clear selection" />
      </ActionBar>

      <AccountFormDrawer opened={creating} onClose={() => setCreating(false)} account={null} />
    </>
  );
}
