// One deal on the board: name, account, amount, expected close and owner. The whole card drags;
// a click (no movement) opens the deal.
import { Avatar, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { Link } from '@tanstack/react-router';
import { IconCalendarDue } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { User } from '../../api/client.ts';
import type { Deal } from '../../queries/deals.ts';
import { initials } from '../../lib/format.ts';
import { formatAmount } from '../../lib/money.ts';

export function DealCardBody({ deal, owner, dragging }: { deal: Deal; owner: User | undefined; dragging?: boolean }) {
  const overdue = deal.status === 'open' && deal.expectedCloseDate !== null && dayjs(deal.expectedCloseDate).isBefore(dayjs(), 'day');
  return (
    <Paper
      p="sm"
      radius="md"
      withBorder
      shadow={dragging ? 'lg' : 'xs'}
      style={{
        cursor: dragging ? 'grabbing' : 'grab',
        transform: dragging ? 'rotate(1.5deg)' : undefined,
        background: 'var(--mantine-color-body)',
      }}
    >
      <Stack gap={6}>
        <Text fz="sm" fw={600} lineClamp={2}>
          <Link
            to="/deals/$dealId"
            params={{ dealId: deal.id }}
            className="row-link"
            draggable={false}
            onClick={(e) => dragging && e.preventDefault()}
          >
            {deal.name}
          </Link>
        </Text>
        {deal.account && (
          <Text fz="xs" c="dimmed" truncate>
            {deal.account.name}
          </Text>
        )}
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text fz="sm" fw={650} data-testid="deal-card-amount">
            {formatAmount(deal.amount, deal.currency)}
          </Text>
          <Group gap={6} wrap="nowrap">
            {deal.expectedCloseDate && (
              <Tooltip label="Expected close">
                <Group gap={2} wrap="nowrap" c={overdue ? 'red' : 'dimmed'}>
                  <IconCalendarDue size={13} />
                  <Text fz="xs" c={overdue ? 'red' : 'dimmed'}>
                    {dayjs(deal.expectedCloseDate).format('MMM D')}
                  </Text>
                </Group>
              </Tooltip>
            )}
            {owner && (
              <Tooltip label={owner.name}>
                <Avatar size={22} radius="xl" color="brand" variant="light">
                  <Text fz={10} fw={600}>
                    {initials(owner.name || owner.email)}
                  </Text>
                </Avatar>
              </Tooltip>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

export function DealCard({ deal, owner, canDrag }: { deal: Deal; owner: User | undefined; canDrag: boolean }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: deal.id, data: { deal }, disabled: !canDrag });
  return (
    <div
      ref={setNodeRef}
      {...listeners}
      {...attributes}
      data-testid="deal-card"
      data-deal-name={deal.name}
      aria-label={`${deal.name}, ${formatAmount(deal.amount, deal.currency)}`}
      style={{ opacity: isDragging ? 0.35 : 1, touchAction: 'none', outline: 'none' }}
    >
      <DealCardBody deal={deal} owner={owner} />
    </div>
  );
}
