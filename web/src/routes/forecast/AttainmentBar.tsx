// Progress against quota: won (solid), then commit and best case (lighter) on top, so a rep's bar
// shows where they stand and where their own forecast would take them.
import { Group, Progress, Text, Tooltip } from '@mantine/core';
import { formatAmount } from '../../lib/money.ts';

interface Figures {
  quota: number | null;
  attainment: number | null;
  closedWon: { amount: number };
  commit: { amount: number };
  bestCase: { amount: number };
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

export function AttainmentBar({ figures, size = 'lg' }: { figures: Figures; size?: 'md' | 'lg' | 'xl' }) {
  const { quota, attainment } = figures;
  if (quota === null || quota <= 0 || attainment === null) {
    return (
      <Text fz="xs" c="dimmed">
        No quota
      </Text>
    );
  }
  const share = (n: number) => Math.max(0, (n / quota) * 100);
  const won = Math.min(100, share(figures.closedWon.amount));
  const commit = Math.min(100 - won, share(figures.commit.amount));
  const best = Math.min(100 - won - commit, share(figures.bestCase.amount));
  const color = attainment >= 1 ? 'teal' : attainment >= 0.7 ? 'brand' : attainment >= 0.4 ? 'yellow' : 'orange';
  return (
    <Group gap="sm" wrap="nowrap">
      <Tooltip
        multiline
        w={240}
        label={`Won ${formatAmount(figures.closedWon.amount)} of ${formatAmount(quota)}; with commit ${pct(
          (figures.closedWon.amount + figures.commit.amount) / quota,
        )}, with best case ${pct((figures.closedWon.amount + figures.commit.amount + figures.bestCase.amount) / quota)}`}
      >
        <Progress.Root size={size} style={{ flex: 1, minWidth: 90 }} aria-label={`Attainment ${pct(attainment)}`}>
          <Progress.Section value={won} color={color} />
          <Progress.Section value={commit} color={color} style={{ opacity: 0.45 }} />
          <Progress.Section value={best} color={color} style={{ opacity: 0.2 }} />
        </Progress.Root>
      </Tooltip>
      <Text fz="sm" fw={650} w={48} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {pct(attainment)}
      </Text>
    </Group>
  );
}
