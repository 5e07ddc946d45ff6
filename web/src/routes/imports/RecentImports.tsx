import { Badge, Paper, Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../../components/links.tsx';
import { api, unwrap, type Import } from '../../api/client.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { OBJECT_LABELS } from './targets.ts';

export const STATUS_COLORS: Record<Import['status'], string> = {
  uploaded: 'gray',
  queued: 'yellow',
  running: 'blue',
  completed: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

export const recentImportsQuery = {
  queryKey: ['imports', 'recent'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/imports')).then((r) => r.data),
};

export function RecentImports() {
  const { data, isPending } = useQuery(recentImportsQuery);
  return (
    <Paper p={0} style={{ overflow: 'hidden' }}>
      <Text fw={650} p="lg" pb="sm">
        Recent imports
      </Text>
      {isPending ? (
        <Skeleton height={80} m="lg" mt={0} />
      ) : !data || data.length === 0 ? (
        <Text fz="sm" c="dimmed" px="lg" pb="lg">
          No imports yet. Files you import appear here with their results.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover data-testid="recent-imports">
            <Table.Thead bg="var(--mantine-color-gray-0)">
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Created</Table.Th>
                <Table.Th ta="right">Updated</Table.Th>
                <Table.Th ta="right">Failed</Table.Th>
                <Table.Th>Started</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.slice(0, 10).map((imp) => (
                <Table.Tr key={imp.id}>
                  <Table.Td>
                    <AnchorLink to="/import" search={{ id: imp.id, objectType: imp.objectType }} fz="sm" fw={500}>
                      {imp.fileName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{OBJECT_LABELS[imp.objectType]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[imp.status]} variant="light">
                      {imp.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(imp.created)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(imp.updated)}</Table.Td>
                  <Table.Td ta="right">
                    <Text span fz="sm" c={imp.failed ? 'red' : undefined}>
                      {formatNumber(imp.failed)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" c="dimmed">
                      {formatDateTime(imp.createdAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
