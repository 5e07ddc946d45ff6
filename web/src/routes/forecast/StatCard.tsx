// One figure of the forecast or metrics: label, value, a line of context; a skeleton while loading.
import { Card, Group, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

export function StatCard({
  label,
  value,
  detail,
  icon,
  color,
  loading,
  testId,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  icon: ReactNode;
  color: string;
  loading?: boolean;
  testId?: string;
}) {
  return (
    <Card p="lg" h="100%" data-testid={testId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.5 }}>
            {label}
          </Text>
          {loading ? (
            <Skeleton height={30} width={110} mt={4} />
          ) : (
            <Text fz={28} fw={700} lh={1.2} data-testid={testId ? `${testId}-value` : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {value}
            </Text>
          )}
        </Stack>
        <ThemeIcon variant="light" color={color} size={40} radius="md">
          {icon}
        </ThemeIcon>
      </Group>
      <Text fz="xs" c="dimmed" mt="sm" component="div">
        {loading ? <Skeleton height={12} width={140} /> : (detail ?? ' ')}
      </Text>
    </Card>
  );
}
