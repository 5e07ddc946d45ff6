// The contacts list: search, quick and custom filters, sortable columns, cursor pages, bulk actions.
// Everything that defines the view lives in the URL (see lib/list-search.ts).
import { Alert, Anchor, Button, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { EmptyState } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ButtonLink } from '../../components/links.tsx';
import { IconDownload, IconFileImport, IconFilterOff, IconPlus, IconUsers } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { apiUrl } from '../../api/client.ts';
import { errorMessage } from '../../api/problem.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { FilterBuilder } from '../../components/FilterBuilder.tsx';
import { FilterChips } from '../../components/FilterChips.tsx';
import { ListFooter } from '../../components/ListFooter.tsx';
import { useContactList } from '../../queries/contacts.ts';
import { useCustomFields } from '../../queries/custom-fields.ts';
import { useUsers } from '../../queries/users.ts';
import { usePermissions } from '../../session/session.ts';
import { contactFilterFields } from '../../lib/filter-fields.ts';
import { LIFECYCLE_STAGES } from '../../lib/lifecycle.ts';
import { nextSort, withFilter, withoutFilter, type ListSearch } from '../../lib/list-search.ts';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { formatNumber, plural } from '../../lib/format.ts';
import { ContactsTable } from './ContactsTable.tsx';
import { ContactBulkActions, type BulkTarget } from './ContactBulkActions.tsx';
import { ContactFormDrawer } from './ContactFormDrawer.tsx';

const route = getRouteApi('/app/contacts');
// quick filters keep the toolbar one line high however many values are picked
const ONE_LINE_PILLS = { pillsList: { flexWrap: 'nowrap' as const, overflow: 'hidden' } };

export function ContactsPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/contacts' });
  const { canWrite } = usePermissions();
  const { fields: customFields } = useCustomFields('contact');
  const { byId: users, users: members } = useUsers();
  const filterFields = useMemo(() => contactFilterFields(customFields), [customFields]);
  const [creating, setCreating] = useState(false);

  const setSearch = (patch: Partial<ListSearch>) => void navigate({ search: (prev: ListSearch) => ({ ...prev, ...patch }), replace: true });
  const searchKey = JSON.stringify(search);
  const pages = useCursorPages(searchKey);
  const list = useContactList(search, pages.cursor);
  const rows = list.data?.data ?? [];
  const pageSize = search.limit ?? 50;
  useEffect(() => {
    if (list.data && !list.isPlaceholderData) pages.rememberTotal(list.data.totalCount);
  }, [list.data, list.isPlaceholderData, pages]);

  // selection belongs to one view: changing the search clears it
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  useEffect(() => {
    setSelected(new Set());
    setAllMatching(false);
  }, [searchKey]);
  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const pageIds = rows.map((r) => r.id);
  const togglePage = () => {
    if (allMatching) return clearSelection();
    setSelected((s) =>
      pageIds.every((id) => s.has(id)) ? new Set([...s].filter((id) => !pageIds.includes(id))) : new Set([...s, ...pageIds]),
    );
  };
  const total = pages.total;
  const selectedCount = allMatching ? (total ?? 0) : selected.size;
  const bulkTarget: BulkTarget | null = allMatching
    ? { where: { q: search.q, filter: search.filter } }
    : selected.size
      ? { ids: [...selected] }
      : null;
  const wholePageSelected = !allMatching && rows.length > 0 && pageIds.every((id) => selected.has(id));

  const hasCriteria = Boolean(search.q || search.filter);
  const stageIn = search.filter?.lifecycleStage?.in?.split(',') ?? [];
  const ownerIn = search.filter?.ownerId?.in?.split(',') ?? [];
  const setQuick = (field: string, values: string[]) =>
    setSearch({
      filter: values.length
        ? withFilter(search.filter, { field, op: 'in', value: values.join(',') })
        : withoutFilter(search.filter, field, 'in'),
    });

  const exportHref = apiUrl('/api/v1/contacts/export', { q: search.q, sort: search.sort, filter: search.filter });

  return (
    <>
      <PageHeader
        title="Contacts"
        description={
          total !== null
            ? `${plural(total, 'contact')}${hasCriteria ? ' match this view' : ' in this workspace'}`
            : 'People you market and sell to'
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
                <ButtonLink variant="default" leftSection={<IconFileImport size={16} />} to="/import" search={{ objectType: 'contact' }}>
                  Import CSV
                </ButtonLink>
                <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                  New contact
                </Button>
              </>
            )}
          </>
        }
      />

      <Paper p={0} style={{ overflow: 'hidden' }}>
        <Stack gap="sm" p="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Group gap="sm" wrap="wrap">
            <SearchInput
              label="Search contacts"
              placeholder="Search name, email…"
              value={search.q ?? ''}
              onChange={(q) => setSearch({ q: q || undefined })}
            />
            <MultiSelect
              aria-label="Filter by lifecycle stage"
              placeholder={stageIn.length ? undefined : 'Any stage'}
              data={LIFECYCLE_STAGES.map(({ value, label }) => ({ value, label }))}
              value={stageIn}
              onChange={(v) => setQuick('lifecycleStage', v)}
              clearable
              w={220}
              maxDropdownHeight={320}
              styles={ONE_LINE_PILLS}
            />
            <MultiSelect
              aria-label="Filter by owner"
              placeholder={ownerIn.length ? undefined : 'Any owner'}
              data={members.map((u) => ({ value: u.id, label: u.name || u.email }))}
              value={ownerIn}
              onChange={(v) => setQuick('ownerId', v)}
              clearable
              searchable
              w={200}
              styles={ONE_LINE_PILLS}
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
            hidden={[
              ['lifecycleStage', 'in'],
              ['ownerId', 'in'],
            ]}
            onRemove={(field, op) => setSearch({ filter: withoutFilter(search.filter, field, op) })}
            onClear={() => setSearch({ filter: undefined, q: undefined })}
          />
        </Stack>

        {wholePageSelected && total !== null && total > rows.length && (
          <Group justify="center" gap={6} py={8} bg="var(--mantine-color-brand-0)">
            <Text fz="sm">All {rows.length} contacts on this page are selected.</Text>
            <Anchor component="button" fz="sm" fw={600} onClick={() => setAllMatching(true)} data-testid="select-all-matching">
              Select all {formatNumber(total)} matching contacts
            </Anchor>
          </Group>
        )}
        {allMatching && (
          <Group justify="center" gap={6} py={8} bg="var(--mantine-color-brand-0)">
            <Text fz="sm">All {formatNumber(total ?? 0)} matching contacts are selected.</Text>
            <Anchor component="button" fz="sm" fw={600} onClick={clearSelection}>
              Clear selection
            </Anchor>
          </Group>
        )}

        {list.error ? (
          <Alert color="red" m="md" title="Could not load contacts">
            {errorMessage(list.error)}
          </Alert>
        ) : !list.isPending && rows.length === 0 ? (
          hasCriteria ? (
            <EmptyState
              py={64}
              icon={<IconFilterOff size={28} stroke={1.5} />}
              withIndicatorBackground
              title="No contacts match"
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
              icon={<IconUsers size={28} stroke={1.5} />}
              variant="light"
              title="No contacts yet"
              description="Add the people you work with one by one, or bring them all in from a CSV export (HubSpot and Salesforce columns are recognised)."
              data-testid="contacts-empty"
            >
              {canWrite && (
                <EmptyState.Actions>
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                    Create contact
                  </Button>
                  <ButtonLink variant="default" leftSection={<IconFileImport size={16} />} to="/import" search={{ objectType: 'contact' }}>
                    Import CSV
                  </ButtonLink>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )
        ) : (
          <>
            <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
              <ContactsTable
                rows={rows}
                loading={list.isPending}
                sort={search.sort}
                onSort={(field) => setSearch({ sort: nextSort(search.sort, field) })}
                users={users}
                selected={selected}
                allMatching={allMatching}
                onToggle={toggle}
                onTogglePage={togglePage}
              />
            </div>
            <ListFooter
              noun="contacts"
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

      <ContactBulkActions count={selectedCount} target={bulkTarget} onClose={clearSelection} canWrite={canWrite} />
      <ContactFormDrawer opened={creating} onClose={() => setCreating(false)} contact={null} />
    </>
  );
}
