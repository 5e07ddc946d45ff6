import { Button, Table, Text, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { IconRestore } from '@tabler/icons-react';
import { SortableTh } from '../../components/SortableTh.tsx';
import { TableSkeletonRows } from '../../components/TableSkeleton.tsx';
import { ChannelBadge } from '../../components/ChannelBadge.tsx';
import type { Campaign } from '../../queries/campaigns.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { CampaignStatusBadge } from './CampaignStatusBadge.tsx';

/** "Mar 1 – Apr 30, 2026", "From Mar 1, 2026", "Until …" or a dash. */
export function dateRange(start: string | null, end: string | null): string {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start) return `From ${formatDate(start)}`;
  if (end) return `Until ${formatDate(end)}`;
  return '—';
}

export function CampaignsTable({
  rows,
  loading,
  sort,
  onSort,
  trash,
  onRestore,
}: {
  rows: Campaign[];
  loading: boolean;
  sort: string | undefined;
  onSort: (field: string) => void;
  trash: boolean;
  onRestore?: (c: Campaign) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="campaigns-table" style={{ tableLayout: 'fixed' }}>
        <Table.Thead bg="var(--mantine-color-gray-0)">
          <Table.Tr>
            <SortableTh field="name" sort={sort} onSort={onSort}>
              Campaign
            </SortableTh>
            <Table.Th w={150}>Channel</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            <SortableTh field="startDate" sort={sort} onSort={onSort} w={220}>
              Dates
            </SortableTh>
            <Table.Th w={100} ta="right">
              Touches
            </Table.Th>
            <Table.Th w={100} ta="right">
              Contacts
            </Table.Th>
            {trash ? (
              <Table.Th w={140} />
            ) : (
              <SortableTh field="firstSeenAt" sort={sort} onSort={onSort} w={130}>
                First seen
              </SortableTh>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            <TableSkeletonRows cols={7} />
          ) : (
            rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text fz="sm" fw={500} truncate title={c.name}>
                    <Link to="/campaigns/$campaignId" params={{ campaignId: c.id }} className="row-link">
                      {c.name}
                    </Link>
                  </Text>
                  <Text fz="xs" c="dimmed" ff="monospace" truncate title={`utm_campaign=${c.utmCampaign}`}>
                    {c.utmCampaign}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ChannelBadge channel={c.channel} />
                </Table.Td>
                <Table.Td>
                  <CampaignStatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" c={c.startDate || c.endDate ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                    {dateRange(c.startDate, c.endDate)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="sm" c={c.touchCount ? undefined : 'dimmed'}>
                    {formatNumber(c.touchCount)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="sm" c={c.contactCount ? undefined : 'dimmed'}>
                    {formatNumber(c.contactCount)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {trash ? (
                    onRestore && (
                      <Button size="compact-sm" variant="light" leftSection={<IconRestore size={14} />} onClick={() => onRestore(c)}>
                        Restore
                      </Button>
                    )
                  ) : c.firstSeenAt ? (
                    <Tooltip label={formatDateTime(c.firstSeenAt)}>
                      <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(c.firstSeenAt)}
                      </Text>
                    </Tooltip>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      No traffic yet
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
