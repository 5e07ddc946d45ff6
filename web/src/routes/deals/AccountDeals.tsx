// An account's deals on its page: open ones first, with stage and amount, and a shortcut to add one.
import { Button, Card, EmptyState, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { formatDate } from '../../lib/format.ts';
import { DealFormDrawer } from './DealFormDrawer.tsx';
import { formatAmount } from '../../lib/money.ts';
import { StageBadge } from './StageBadge.tsx';

export function AccountDeals({
  accountId,
  accountName,
  canWrite,
}: {
  accountId: string;
  accountName: string | undefined;
  canWrite: boolean;
}) {
  const [creating, setCreating] = useState(false);
  const deals = useQuery({
    queryKey: ['deals', 'account', accountId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/deals', { params: { query: { filter: { accountId: { eq: accountId } }, sort: '-createdAt', limit: 100 } } })),
  });
  const rows = [...(deals.data?.data ?? [])].sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));
  const open = rows.filter((d) => d.status === 'open');
  const won = rows.filter((d) => d.status === 'won');
  const currency = rows[0]?.currency ?? 'USD';

  return (
    <Card p="lg" data-testid="account-deals">
      <Group justify="space-between" mb="md">
        <Stack gap={0}>
          <Text fw={650}>Deals</Text>
          {rows.length > 0 && (
            <Text fz="xs" c="dimmed">
              {formatAmount(
                open.reduce((s, d) => s + d.amount, 0),
                currency,
              )}{' '}
              open ·{' '}
              {formatAmount(
                won.reduce((s, d) => s + d.amount, 0),
                currency,
              )}{' '}
              won
            </Text>
          )}
        </Stack>
        {canWrite && (
          <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
            New deal
          </Button>
        )}
      </Group>
      {deals.isPending ? (
        <Skeleton height={60} />
      ) : rows.length === 0 ? (
        <EmptyState size="sm" py="md" icon={<IconTargetArrow size={20} />} title="No deals with this account" />
      ) : (
        <Stack gap="xs">
          {rows.map((d) => (
            <Group key={d.id} justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fz="sm" fw={600} truncate>
                  <Link to="/deals/$dealId" params={{ dealId: d.id }} className="row-link">
                    {d.name}
                  </Link>
                </Text>
                <Text fz="xs" c="dimmed">
                  {d.status === 'open' ? `Closes ${formatDate(d.expectedCloseDate)}` : `Closed ${formatDate(d.closedAt)}`}
                </Text>
              </Stack>
              <Group gap="sm" wrap="nowrap">
                <Text fz="sm" fw={600}>
                  {formatAmount(d.amount, d.currency)}
                </Text>
                <StageBadge stage={d.stage} />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <DealFormDrawer opened={creating} onClose={() => setCreating(false)} deal={null} defaults={{ accountId, accountName }} />
    </Card>
  );
}
