// The deals list: one row per deal with its stage, amount, close date, owner and account; sortable
// columns as in the other lists.
import { Table, Text, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { User } from '../../api/client.ts';
import type { Deal } from '../../queries/deals.ts';
import { FORECAST_LABELS } from '../../queries/deals.ts';
import { SortableTh } from '../../components/SortableTh.tsx';
import { TableSkeletonRows } from '../../components/TableSkeleton.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { formatAmount } from '../../lib/money.ts';
import { StageBadge } from './StageBadge.tsx';

export function DealsTable({
  rows,
  loading,
  sort,
  onSort,
  users,
  dateColumn = 'expectedCloseDate',
}: {
  rows: Deal[];
  loading: boolean;
  sort: string | undefined;
  onSort?: (field: string) => void;
  users: Map<string, User>;
  dateColumn?: 'expectedCloseDate' | 'renewalDate';
}) {
  const th = (field: string, label: string, w?: number) =>
    onSort ? (
      <SortableTh field={field} sort={sort} onSort={onSort} w={w}>
        {label}
      </SortableTh>
    ) : (
      <Table.Th w={w}>{label}</Table.Th>
    );
  return (
    <Table.ScrollContainer minWidth={980}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="sm" data-testid="deals-table" style={{ tableLayout: 'fixed' }}>
        <Table.Thead bg="var(--mantine-color-gray-0)">
          <Table.Tr>
            {th('name', 'Deal')}
            <Table.Th w={150}>Stage</Table.Th>
            {th('amount', 'Amount', 130)}
            {dateColumn === 'renewalDate' ? th('renewalDate', 'Renews', 120) : th('expectedCloseDate', 'Expected close', 130)}
            <Table.Th w={110}>Forecast</Table.Th>
            <Table.Th w={140}>Owner</Table.Th>
            {th('createdAt', 'Created', 110)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows cols={7} />
          ) : (
            rows.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Text fz="sm" truncate title={d.name}>
                    <Link to="/deals/$dealId" params={{ dealId: d.id }} className="row-link">
                      {d.name}
                    </Link>
                  </Text>
                  {d.account && (
                    <Text fz="xs" c="dimmed" truncate>
                      {d.account.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StageBadge stage={d.stage} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {formatAmount(d.amount, d.currency)}
                  </Text>
                  {d.status === 'open' && (
                    <Text fz="xs" c="dimmed">
                      {formatAmount(d.weightedAmount, d.currency)} weighted
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={d[dateColumn] ? undefined : 'dimmed'}>
                    {formatDate(d[dateColumn])}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{FORECAST_LABELS[d.forecastCategory]}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={d.ownerId ? undefined : 'dimmed'} truncate>
                    {d.ownerId ? (users.get(d.ownerId)?.name ?? '…') : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={formatDateTime(d.createdAt)}>
                    <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(d.createdAt)}
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
