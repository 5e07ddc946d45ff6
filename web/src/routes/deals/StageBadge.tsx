import { Badge } from '@mantine/core';
import type { Deal } from '../../queries/deals.ts';

const COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;

/** A deal's stage, coloured by whether it is open, won or lost. */
export function StageBadge({ stage }: { stage: Deal['stage'] }) {
  return (
    <Badge variant="light" color={COLOR[stage.type]} radius="sm" style={{ textTransform: 'none' }}>
      {stage.name}
    </Badge>
  );
}
