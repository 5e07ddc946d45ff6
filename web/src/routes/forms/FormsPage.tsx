// The forms list: each form with its views, submissions and conversion rate; search by name.
import { Alert, Badge, Button, EmptyState, Group, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconFilterOff, IconForms, IconPlus } from '@tabler/icons-react';
import { errorMessage } from '../../api/problem.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { SortableTh } from '../../components/SortableTh.tsx';
import { ListFooter } from '../../components/ListFooter.tsx';
import { useCanEditForms, useFormList } from '../../queries/forms.ts';
import { nextSort, type ListSearch } from '../../lib/list-search.ts';
import { useCursorPages } from '../../lib/use-cursor-pages.ts';
import { formatNumber, fromNow } from '../../lib/format.ts';
import { formatRate } from './format-rate.ts';

const route = getRouteApi('/app/forms');

export function FormsPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/forms' });
  const canEdit = useCanEditForms();
  const setSearch = (patch: Partial<ListSearch>) => void navigate({ search: (prev: ListSearch) => ({ ...prev, ...patch }), replace: true });
  const pages = useCursorPages(JSON.stringify(search));
  const list = useFormList(search, pages.cursor);
  const rows = list.data?.data ?? [];
  const newForm = canEdit && (
    <ButtonLink to="/forms/new" leftSection={<IconPlus size={16} />}>
      New form
    </ButtonLink>
  );

  return (
    <>
      <PageHeader title="Forms" description="Capture leads on your site: every submission becomes a contact with its campaign and consent." actions={newForm} />
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <Group p="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <SearchInput label="Search forms" placeholder="Search by name…" value={search.q ?? ''} onChange={(q) => setSearch({ q: q || undefined })} />
        </Group>
        {list.error ? (
          <Alert color="red" m="md" title="Could not load forms">
            {errorMessage(list.error)}
          </Alert>
        ) : !list.isPending && rows.length === 0 ? (
          search.q ? (
            <EmptyState py={64} icon={<IconFilterOff size={28} stroke={1.5} />} withIndicatorBackground title="No forms match" description="Try another name.">
              <EmptyState.Actions>
                <Button variant="default" onClick={() => setSearch({ q: undefined })}>
                  Clear search
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState
              py={64}
              icon={<IconForms size={28} stroke={1.5} />}
              variant="light"
              title="No forms yet"
              description="Build a form, then share its link or embed it on your website with one line of HTML. Submissions create contacts, record consent and credit the campaign that brought them."
            >
              {newForm && <EmptyState.Actions>{newForm}</EmptyState.Actions>}
            </EmptyState>
          )
        ) : (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" highlightOnHover style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
                <Table.Thead>
                  <Table.Tr>
                    <SortableTh field="name" sort={search.sort} onSort={(f) => setSearch({ sort: nextSort(search.sort, f) })}>
                      Name
                    </SortableTh>
                    <Table.Th ta="right">Views</Table.Th>
                    <Table.Th ta="right">Submissions</Table.Th>
                    <Table.Th ta="right">Conversion</Table.Th>
                    <SortableTh field="updatedAt" sort={search.sort} onSort={(f) => setSearch({ sort: nextSort(search.sort, f) })}>
                      Updated
                    </SortableTh>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.isPending
                    ? Array.from({ length: 4 }, (_, i) => (
                        <Table.Tr key={i}>
                          {Array.from({ length: 5 }, (__, j) => (
                            <Table.Td key={j}>
                              <Skeleton height={14} />
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))
                    : rows.map((f) => (
                        <Table.Tr key={f.id} data-testid="form-row">
                          <Table.Td>
                            <Stack gap={2}>
                              <Group gap="xs">
                                <AnchorLink to="/forms/$formId" params={{ formId: f.id }} fw={600} fz="sm">
                                  {f.name}
                                </AnchorLink>
                                {f.status === 'paused' && (
                                  <Badge color="gray" variant="light" size="sm">
                                    Paused
                                  </Badge>
                                )}
                              </Group>
                              <Text fz="xs" c="dimmed">
                                {f.fields.length} {f.fields.length === 1 ? 'field' : 'fields'}
                                {f.doubleOptIn ? ' · double opt-in' : ''}
                              </Text>
                            </Stack>
                          </Table.Td>
                          <Table.Td ta="right">{formatNumber(f.stats.views)}</Table.Td>
                          <Table.Td ta="right">{formatNumber(f.stats.submissions)}</Table.Td>
                          <Table.Td ta="right">{formatRate(f.stats.conversionRate)}</Table.Td>
                          <Table.Td>
                            <Text fz="sm" c="dimmed">
                              {fromNow(f.updatedAt)}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <ListFooter
              noun="forms"
              page={pages.page}
              pageSize={search.limit ?? 50}
              rowsOnPage={rows.length}
              total={null}
              hasNext={Boolean(list.data?.nextCursor)}
              onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
              onPrev={pages.prev}
              onFirst={pages.first}
              onPageSize={(limit) => setSearch({ limit: limit === 50 ? undefined : limit })}
            />
          </>
        )}
      </Paper>
    </>
  );
}
