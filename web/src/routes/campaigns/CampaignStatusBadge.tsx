import { Badge } from '@mantine/core';
import type { CampaignStatus } from '../../queries/campaigns.ts';

export const STATUS_LABELS: Record<CampaignStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
};
const STATUS_COLORS: Record<CampaignStatus, string> = { planned: 'blue', active: 'teal', paused: 'yellow', completed: 'gray' };

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} size="sm">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
