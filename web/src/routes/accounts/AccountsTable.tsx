import { Checkbox, Table, Text, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { Account, User } from '../../api/client.ts';
import { SortableTh } from '../../components/SortableTh.tsx';
import { TableSkeletonRows } from '../../components/TableSkeleton.tsx';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../lib/format.ts';

export function AccountsTable({
  rows,
  loading,
  sort,
  onSort,
  users,
  selected,
  onToggle,
  onTogglePage,
}: {
  rows: Account[];
  loading: boolean;
  sort: string | undefined;
  onSort: (field: string) => void;
  users: Map<string, User>;
  selected: Set<string>;
  onToggle: (id: string) => void;
  onTogglePage: () => void;
}) {
  const selectedOnPage = rows.filter((r) => selected.has(r.id)).length;
  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="sm" data-testid="accounts-table" style={{ tableLayout: 'fixed' }}>
        <Table.Thead bg="var(--mantine-color-gray-0)">
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label="Select all accounts on this page"
                checked={rows.length > 0 && selectedOnPage === rows.length}
                indeterminate={selectedOnPage > 0 && selectedOnPage < rows.length}
                onChange={onTogglePage}
                disabled={rows.length === 0}
              />
            </Table.Th>
            <SortableTh field="name" sort={sort} onSort={onSort}>
              Name
            </SortableTh>
            <SortableTh field="domain" sort={sort} onSort={onSort} w={200}>
              Domain
            </SortableTh>
            <SortableTh field="industry" sort={sort} onSort={onSort} w={130}>
              Industry
            </SortableTh>
            <SortableTh field="employeeCount" sort={sort} onSort={onSort} w={120}>
              Employees
            </SortableTh>
            <SortableTh field="annualRevenue" sort={sort} onSort={onSort} w={110}>
              Revenue
            </SortableTh>
            <Table.Th w={90}>Contacts</Table.Th>
            <Table.Th w={110}>Owner</Table.Th>
            <SortableTh field="createdAt" sort={sort} onSort={onSort} w={110}>
              Created
            </SortableTh>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows cols={9} />
          ) : (
            rows.map((a) => (
              <Table.Tr key={a.id} bg={selected.has(a.id) ? 'var(--mantine-color-brand-light)' : undefined}>
                <Table.Td>
                  <Checkbox aria-label={`Select ${a.name}`} checked={selected.has(a.id)} onChange={() => onToggle(a.id)} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" truncate title={a.name}>
                    <Link to="/accounts/$accountId" params={{ accountId: a.id }} className="row-link">
                      {a.name}
                    </Link>
                  </Text>
                  {a.country && (
                    <Text fz="xs" c="dimmed">
                      {a.country}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={a.domain ? undefined : 'dimmed'} truncate title={a.domain ?? undefined}>
                    {a.domain ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={a.industry ? undefined : 'dimmed'} truncate>
                    {a.industry ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{formatNumber(a.employeeCount)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{formatMoney(a.annualRevenue)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{formatNumber(a.contactCount)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={a.ownerId ? undefined : 'dimmed'} truncate>
                    {a.ownerId ? (users.get(a.ownerId)?.name ?? '…') : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={formatDateTime(a.createdAt)}>
                    <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(a.createdAt)}
                    </Text>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
