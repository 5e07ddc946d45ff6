import { Badge, Tooltip } from '@mantine/core';
import { useMyWorkCounts } from '../../queries/activities.ts';
import { plural } from '../../lib/format.ts';

/** The navigation's red count of the signed-in user's overdue tasks; nothing when there are none. */
export function OverdueBadge() {
  const { data } = useMyWorkCounts();
  if (!data?.overdue) return null;
  return (
    <Tooltip label={`${plural(data.overdue, 'overdue task')}`} position="right">
      <Badge color="red" size="sm" variant="filled" circle={data.overdue < 10} data-testid="overdue-badge">
        {data.overdue > 99 ? '99+' : data.overdue}
      </Badge>
    </Tooltip>
  );
}
