import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/** "N deleted — Undo": the notification every delete shows, for ten seconds. */
export function showUndo({ title, message, onUndo }: { title: string; message: string; onUndo: () => Promise<void> | void }): void {
  const id = `undo-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  notifications.show({
    id,
    color: 'gray',
    title,
    autoClose: 10_000,
    message: (
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fz="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            void onUndo();
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}
