import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '../api/problem.ts';

/** A failed load, said plainly where the content would have been. */
export function QueryError({ error, title = 'Could not load this' }: { error: unknown; title?: string }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={title} m="lg">
      {errorMessage(error)}
    </Alert>
  );
}
