// The open pipeline of the period weighted two ways, stage by stage: by the probability each stage is
// configured with, and by how deals that reached the stage actually ended (stage history).
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { formatAmount, formatCompactAmount } from '../../lib/money.ts';
import { formatDateTime } from '../../lib/format.ts';
import type { Forecast } from './forecast.queries.ts';

const pct = (n: number) => `${Math.round(n * 100)}%`;

function Figure({ label, value, hint, testId }: { label: string; value: number; hint: string; testId: string }) {
  return (
    <Stack gap={2}>
      <Group gap={4}>
        <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.5 }}>
          {label}
        </Text>
        <Tooltip label={hint} multiline w={260}>
          <IconInfoCircle size={14} color="var(--mantine-color-dimmed)" />
        </Tooltip>
      </Group>
      <Text fz={24} fw={700} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatCompactAmount(value)}
      </Text>
    </Stack>
  );
}

export function WeightedPipelineCard({ forecast }: { forecast: Forecast }) {
  const { team, stages } = forecast;
  const diff = team.weightedByProbability > 0 ? team.weightedByHistory / team.weightedByProbability - 1 : null;
  const pipelines = new Set(stages.map((s) => s.pipelineId));
  return (
    <Card p="lg" h="100%">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={0}>
          <Text fw={650}>Weighted pipeline</Text>
          <Text fz="xs" c="dimmed">
            Open deals expected to close in the period, omitted ones left out.
          </Text>
        </Stack>
        {diff !== null && Math.abs(diff) >= 0.005 && (
          <Badge variant="light" color={diff > 0 ? 'teal' : 'orange'}>
            History {diff > 0 ? '+' : ''}
            {pct(diff)} vs probability
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={2} mb="md">
        <Figure label="By stage probability" value={team.weightedByProbability} hint="Each open deal's amount times its stage's win probability." testId="weighted-probability" />
        <Figure
          label="By history"
          value={team.weightedByHistory}
          hint="Each open deal's amount times the share of closed deals that reached its stage and were won. Stages no closed deal passed through use their probability."
          testId="weighted-history"
        />
      </SimpleGrid>
      <Table fz="sm" verticalSpacing={6} horizontalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Stage</Table.Th>
            <Table.Th ta="right">Open</Table.Th>
            <Table.Th ta="right">Prob.</Table.Th>
            <Table.Th ta="right">History</Table.Th>
            <Table.Th ta="right">Weighted</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stages.map((s) => (
            <Table.Tr key={s.stageId}>
              <Table.Td>
                <Text fz="sm" truncate maw={180}>
                  {s.name}
                </Text>
                {pipelines.size > 1 && (
                  <Text fz="xs" c="dimmed">
                    {s.pipelineName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" c={s.open.count === 0 ? 'dimmed' : undefined}>
                {formatCompactAmount(s.open.amount)}
                <Text span fz="xs" c="dimmed">
                  {' '}
                  · {s.open.count}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{s.probability}%</Table.Td>
              <Table.Td ta="right">
                {s.historicalRate === null ? (
                  <Tooltip label="No closed deal has passed through this stage yet">
                    <Text span fz="sm" c="dimmed">
                      —
                    </Text>
                  </Tooltip>
                ) : (
                  <Tooltip label={`${s.historySample} closed deals reached this stage`}>
                    <Text span fz="sm">
                      {pct(s.historicalRate)}
                    </Text>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                <Tooltip label={`By probability ${formatAmount(s.weightedByProbability)} · by history ${formatAmount(s.weightedByHistory)}`}>
                  <span>{formatCompactAmount(s.weightedByHistory)}</span>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fz="xs" c="dimmed" mt="sm">
        Conversion from stage history as of {formatDateTime(forecast.historyAsOf)}.
      </Text>
    </Card>
  );
}
