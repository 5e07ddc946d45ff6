// Every stage the deal has been in, newest first, with who moved it and how long it stayed.
import { Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowRight, IconFlag } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { StageChange } from '../../queries/deals.ts';
import { formatDateTime } from '../../lib/format.ts';
import { formatAmount } from '../../lib/money.ts';

function duration(fromIso: string, toIso: string): string {
  const days = dayjs(toIso).diff(dayjs(fromIso), 'day');
  if (days >= 1) return `${days} day${days === 1 ? '' : 's'}`;
  const hours = dayjs(toIso).diff(dayjs(fromIso), 'hour');
  return hours >= 1 ? `${hours} h` : 'under an hour';
}

export function DealHistory({ history, currency }: { history: StageChange[] | undefined; currency: string }) {
  if (!history) return <Skeleton height={120} />;
  const now = new Date().toISOString();
  return (
    <Timeline bulletSize={22} lineWidth={2} active={0} data-testid="deal-history">
      {history.map((h, i) => (
        <Timeline.Item
          key={h.id}
          bullet={h.fromStage ? <IconArrowRight size={12} /> : <IconFlag size={12} />}
          title={
            <Text fz="sm" fw={600}>
              {h.fromStage ? `${h.fromStage.name} → ${h.toStage.name}` : `Created in ${h.toStage.name}`}
            </Text>
          }
        >
          <Stack gap={0}>
            <Text fz="xs" c="dimmed">
              {formatDateTime(h.changedAt)} · {h.changedBy?.name ?? 'System'} · {formatAmount(h.amount, currency)}
            </Text>
            <Text fz="xs" c="dimmed">
              {i === 0 ? `In stage for ${duration(h.changedAt, now)}` : `Stayed ${duration(h.changedAt, history[i - 1].changedAt)}`}
            </Text>
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
