import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { ReactNode } from 'react';

/** A confirmation dialog for destructive actions; resolves true when confirmed. */
export function confirmDanger({
  title,
  message,
  confirmLabel,
}: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
}): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      children: typeof message === 'string' ? <Text fz="sm">{message}</Text> : message,
      labels: { confirm: confirmLabel, cancel: 'Cancel' },
      confirmProps: { color: 'red', 'data-testid': 'confirm-button' } as never,
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}
