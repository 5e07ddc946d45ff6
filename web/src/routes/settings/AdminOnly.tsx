import { EmptyState, Paper } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { usePermissions } from '../../session/session.ts';

/** Sections the API reserves for admins: others see why instead of an error. */
export function AdminOnly({ what, children }: { what: string; children: ReactNode }) {
  const { isAdmin } = usePermissions();
  if (isAdmin) return children;
  return (
    <Paper>
      <EmptyState
        py={56}
        icon={<IconLock size={22} />}
        withIndicatorBackground
        title="Admins only"
        description={`Only workspace admins can see and manage ${what}.`}
      />
    </Paper>
  );
}
