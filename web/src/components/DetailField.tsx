import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled value in a detail card. */
export function DetailField({ label, children, icon }: { label: string; children: ReactNode; icon?: ReactNode }) {
  return (
    <Stack gap={2}>
      <Group gap={6}>
        {icon}
        <Text fz="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: 0.4 }}>
          {label}
        </Text>
      </Group>
      {typeof children === 'string' || typeof children === 'number' ? (
        <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {children}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

export const Dash = () => (
  <Text fz="sm" c="dimmed">
    —
  </Text>
);
