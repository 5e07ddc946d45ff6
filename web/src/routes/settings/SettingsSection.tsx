import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A settings card: title, explanation, optional action, content. */
export function SettingsSection({
  title,
  description,
  action,
  children,
  flush,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  flush?: boolean;
}) {
  return (
    <Paper p={0} style={{ overflow: 'hidden' }}>
      <Group justify="space-between" align="flex-start" p="lg" pb={flush ? 'md' : 0} wrap="nowrap">
        <Stack gap={4}>
          <Title order={3} fz="lg">
            {title}
          </Title>
          {description && (
            <Text fz="sm" c="dimmed" maw={640}>
              {description}
            </Text>
          )}
        </Stack>
        {/* a long description must wrap, never squeeze the button ("Add sourc…" at 1280 px) */}
        {action && <div style={{ flexShrink: 0 }}>{action}</div>}
      </Group>
      {flush ? children : <div style={{ padding: 'var(--mantine-spacing-lg)' }}>{children}</div>}
    </Paper>
  );
}
