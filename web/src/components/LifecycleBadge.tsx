import { Badge, Text } from '@mantine/core';
import { stageInfo } from '../lib/lifecycle.ts';

export function LifecycleBadge({ stage, size = 'sm' }: { stage: string | null | undefined; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const info = stageInfo(stage);
  if (!info) {
    return (
      <Text span c="dimmed" fz="sm">
        —
      </Text>
    );
  }
  return (
    <Badge color={info.color} variant="light" size={size} data-testid="lifecycle-badge">
      {info.label}
    </Badge>
  );
}
