// Each rep's period against quota, and the team in the last row.
import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { formatAmount } from '../../lib/money.ts';
import type { Forecast } from './forecast.queries.ts';
import { AttainmentBar } from './AttainmentBar.tsx';

const QUOTA_SOURCE: Record<Forecast['team']['quotaSource'], string> = {
  team: 'team quota',
  sum_of_reps: "sum of reps' quotas",
  none: 'no quota set',
};

function Money({ value, strong }: { value: number; strong?: boolean }) {
  return (
    <Text fz="sm" fw={strong ? 650 : 400} c={value === 0 ? 'dimmed' : undefined} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatAmount(value)}
    </Text>
  );
}

export function AttainmentTable({ forecast }: { forecast: Forecast }) {
  const { reps, team } = forecast;
  return (
    <Card p={0}>
      <Group justify="space-between" p="lg" pb="sm">
        <Stack gap={0}>
          <Text fw={650}>Attainment by rep</Text>
          <Text fz="xs" c="dimmed">
            Closed won against quota; the lighter parts of each bar are commit and best case.
          </Text>
        </Stack>
        <Badge variant="light" color="gray">
          Team: {QUOTA_SOURCE[team.quotaSource]}
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={880}>
        <Table verticalSpacing="sm" horizontalSpacing="lg" data-testid="attainment-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rep</Table.Th>
              <Table.Th ta="right">Quota</Table.Th>
              <Table.Th ta="right">Closed won</Table.Th>
              <Table.Th w={240}>Attainment</Table.Th>
              <Table.Th ta="right">Commit</Table.Th>
              <Table.Th ta="right">Best case</Table.Th>
              <Table.Th ta="right">Pipeline</Table.Th>
              <Table.Th ta="right">Weighted</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reps.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={8}>
                  <Text fz="sm" c="dimmed" ta="center" py="md">
                    No rep has deals or a quota in this period.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {reps.map((r) => (
              <Table.Tr key={r.ownerId ?? 'unassigned'} data-testid="attainment-row">
                <Table.Td>
                  <Text fz="sm" fw={500} c={r.ownerId ? undefined : 'dimmed'}>
                    {r.name}
                  </Text>
                </Table.Td>
                <Table.Td>{r.quota === null ? <Text fz="sm" c="dimmed" ta="right">—</Text> : <Money value={r.quota} />}</Table.Td>
                <Table.Td>
                  <Money value={r.closedWon.amount} strong />
                </Table.Td>
                <Table.Td>{r.ownerId ? <AttainmentBar figures={r} size="md" /> : null}</Table.Td>
                <Table.Td>
                  <Money value={r.commit.amount} />
                </Table.Td>
                <Table.Td>
                  <Money value={r.bestCase.amount} />
                </Table.Td>
                <Table.Td>
                  <Money value={r.pipeline.amount} />
                </Table.Td>
                <Table.Td>
                  <Money value={r.weightedByHistory} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot style={{ background: 'var(--mantine-color-gray-0)' }}>
            <Table.Tr data-testid="attainment-team">
              <Table.Th>Team</Table.Th>
              <Table.Td>{team.quota === null ? <Text fz="sm" c="dimmed" ta="right">—</Text> : <Money value={team.quota} strong />}</Table.Td>
              <Table.Td>
                <Money value={team.closedWon.amount} strong />
              </Table.Td>
              <Table.Td>
                <AttainmentBar figures={team} size="md" />
              </Table.Td>
              <Table.Td>
                <Money value={team.commit.amount} strong />
              </Table.Td>
              <Table.Td>
                <Money value={team.bestCase.amount} strong />
              </Table.Td>
              <Table.Td>
                <Money value={team.pipeline.amount} strong />
              </Table.Td>
              <Table.Td>
                <Money value={team.weightedByHistory} strong />
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
