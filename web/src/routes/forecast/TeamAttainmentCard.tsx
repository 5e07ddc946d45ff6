// The team's period at a glance: attainment as a ring (won, then commit and best case lighter), the
// quota, the gap still to close, and where commit and best case would land.
import { Card, Center, Divider, Group, RingProgress, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatCompactAmount } from '../../lib/money.ts';
import type { Forecast } from './forecast.queries.ts';

const pct = (n: number) => `${Math.round(n * 100)}%`;

function Line({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs">
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" fw={600} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Group>
  );
}

export function TeamAttainmentCard({ team, periodName }: { team: Forecast['team']; periodName: string }) {
  const quota = team.quota !== null && team.quota > 0 ? team.quota : null;
  const share = (n: number) => (quota ? Math.max(0, Math.min(100, (n / quota) * 100)) : 0);
  const won = share(team.closedWon.amount);
  const commit = Math.min(100 - won, share(team.commit.amount));
  const best = Math.min(100 - won - commit, share(team.bestCase.amount));
  return (
    <Card p="lg" h="100%">
      <Text fw={650}>Team attainment</Text>
      <Text fz="xs" c="dimmed" mb="sm">
        Closed won in {periodName} against the team quota.
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="lg">
        <Center>
          <RingProgress
            size={168}
            thickness={16}
            roundCaps
            sections={
              quota
                ? [
                    { value: won, color: 'teal.6', tooltip: `Closed won ${formatCompactAmount(team.closedWon.amount)}` },
                    { value: commit, color: 'teal.3', tooltip: `Commit ${formatCompactAmount(team.commit.amount)}` },
                    { value: best, color: 'teal.1', tooltip: `Best case ${formatCompactAmount(team.bestCase.amount)}` },
                  ]
                : []
            }
            label={
              <Stack gap={0} align="center">
                <Text fz={26} fw={700} lh={1.1} data-testid="team-attainment">
                  {team.attainment === null ? '—' : pct(team.attainment)}
                </Text>
                <Text fz="xs" c="dimmed">
                  {quota ? 'of quota' : 'no quota set'}
                </Text>
              </Stack>
            }
          />
        </Center>
        <Stack gap={8} justify="center">
          <Line label="Quota" value={quota ? formatCompactAmount(quota) : '—'} />
          <Line label="Closed won" value={formatCompactAmount(team.closedWon.amount)} />
          <Line label="Still to close" value={quota ? formatCompactAmount(Math.max(0, quota - team.closedWon.amount)) : '—'} />
          <Divider my={2} />
          <Line label="With commit" value={`${formatCompactAmount(team.commitForecast)}${quota ? ` · ${pct(team.commitForecast / quota)}` : ''}`} />
          <Line label="With best case" value={`${formatCompactAmount(team.bestCaseForecast)}${quota ? ` · ${pct(team.bestCaseForecast / quota)}` : ''}`} />
        </Stack>
      </SimpleGrid>
    </Card>
  );
}
