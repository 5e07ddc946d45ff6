// One deal: its amount and stage (a stage bar to move it), the facts, the people with their roles,
// the products, the stage history and the timeline.
import { Badge, Button, Card, Grid, Group, Menu, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconChevronDown, IconPencil, IconTrash, IconTrendingUp } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../components/links.tsx';
import { BackLink, DetailLoadError, trashWithUndo } from '../../components/detail-page.tsx';
import { Dash, DetailField } from '../../components/DetailField.tsx';
import { RecordActivities } from '../../components/activities/RecordActivities.tsx';
import {
  DEAL_TYPE_LABELS,
  FORECAST_LABELS,
  useDeal,
  useDealParts,
  useMoveDeal,
  usePipelines,
  type Deal,
  type Stage,
} from '../../queries/deals.ts';
import { useUsers } from '../../queries/users.ts';
import { usePermissions } from '../../session/session.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { notifyError } from '../../lib/notify.ts';
import { formatAmount } from '../../lib/money.ts';
import { StageBadge } from './StageBadge.tsx';
import { StageProgress } from './StageProgress.tsx';
import { CloseDealModal, type CloseRequest } from './CloseDealModal.tsx';
import { DealFormDrawer } from './DealFormDrawer.tsx';
import { DealContactsCard } from './DealContactsCard.tsx';
import { LineItemsCard } from './LineItemsCard.tsx';
import { DealHistory } from './DealHistory.tsx';
import { DealTimelineCard } from './DealTimelineCard.tsx';

const route = getRouteApi('/app/deals/$dealId');

export function DealDetailPage() {
  const { dealId } = route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { canWrite } = usePermissions();
  const deal = useDeal(dealId);
  const parts = useDealParts(dealId);
  const { pipelines } = usePipelines();
  const { byId: users } = useUsers();
  const moveDeal = useMoveDeal();
  const [editing, setEditing] = useState(false);
  const [expanding, setExpanding] = useState(false);
  const [closing, setClosing] = useState<CloseRequest | null>(null);

  const move = async (stage: Stage, close?: { closeReasonId: string | null; closeNote: string | null }) => {
    try {
      await moveDeal(dealId, {
        stageId: stage.id,
        ...(close?.closeReasonId ? { closeReasonId: close.closeReasonId } : {}),
        ...(close ? { closeNote: close.closeNote } : {}),
      });
      void queryClient.invalidateQueries({ queryKey: ['deals', 'one', dealId] });
    } catch (e) {
      notifyError(e, 'Could not move the deal');
    }
  };

  const remove = (d: Deal) =>
    trashWithUndo({
      what: 'deal',
      name: d.name,
      consequences: 'The deal moves to the trash, with its history.',
      remove: () => unwrap(api.DELETE('/api/v1/deals/{id}', { params: { path: { id: d.id } } })),
      restore: () => unwrap(api.POST('/api/v1/deals/{id}/restore', { params: { path: { id: d.id } } })),
      afterRemove: async () => {
        void queryClient.invalidateQueries({ queryKey: ['deals'] });
        await navigate({ to: '/deals' });
      },
      afterRestore: async () => {
        void queryClient.invalidateQueries({ queryKey: ['deals'] });
        await navigate({ to: '/deals/$dealId', params: { dealId: d.id } });
      },
    });

  const back = <BackLink to="/deals" label="Deals" />;

  if (deal.error) return <DetailLoadError back={back} what="deal" error={deal.error} />;
  const d = deal.data;
  const pipeline = d ? pipelines.find((p) => p.id === d.pipelineId) : undefined;
  const owner = d?.ownerId ? users.get(d.ownerId) : undefined;

  return (
    <Stack gap="lg">
      {back}
      <Card p="lg">
        {!d ? (
          <Stack gap="sm">
            <Skeleton height={24} width={320} />
            <Skeleton height={14} width={200} />
            <Skeleton height={36} />
          </Stack>
        ) : (
          <Stack gap="md">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={6}>
                <Group gap="sm">
                  <Title order={2} fz={24} data-testid="deal-name">
                    {d.name}
                  </Title>
                  <StageBadge stage={d.stage} />
                  {d.dealType !== 'new' && (
                    <Badge variant="outline" color="gray">
                      {DEAL_TYPE_LABELS[d.dealType]}
                    </Badge>
                  )}
                </Group>
                <Group gap="lg">
                  <Text fz={22} fw={700} data-testid="deal-amount">
                    {formatAmount(d.amount, d.currency)}
                  </Text>
                  {d.status === 'open' && (
                    <Text fz="sm" c="dimmed">
                      {formatAmount(d.weightedAmount, d.currency)} weighted at {d.stage.probability}%
                    </Text>
                  )}
                  {d.account && (
                    <AnchorLink to="/accounts/$accountId" params={{ accountId: d.account.id }} fz="sm">
                      {d.account.name}
                    </AnchorLink>
                  )}
                  {d.closedAt && (
                    <Text fz="sm" c={d.status === 'won' ? 'teal' : 'red'}>
                      {d.status === 'won' ? 'Won' : 'Lost'} {formatDate(d.closedAt)}
                      {d.closeReasonLabel ? ` · ${d.closeReasonLabel}` : ''}
                    </Text>
                  )}
                </Group>
              </Stack>
              {canWrite && (
                <Group gap="xs" wrap="nowrap">
                  <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                    Edit
                  </Button>
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button variant="default" px="xs" aria-label="More actions">
                        <IconChevronDown size={16} />
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconTrendingUp size={14} />} onClick={() => setExpanding(true)}>
                        New expansion deal
                      </Menu.Item>
                      <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove(d)}>
                        Delete deal
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              )}
            </Group>
            {pipeline && (
              <StageProgress
                deal={d}
                pipeline={pipeline}
                canWrite={canWrite}
                onPick={(stage) => (stage.type === 'open' ? void move(stage) : setClosing({ dealName: d.name, stage }))}
              />
            )}
          </Stack>
        )}
      </Card>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card p="lg">
              <Text fw={650} mb="md">
                About
              </Text>
              {!d ? (
                <Skeleton height={160} />
              ) : (
                <SimpleGrid cols={2} spacing="md">
                  <DetailField label="Pipeline">{pipeline?.name ?? '—'}</DetailField>
                  <DetailField label="Owner">{owner ? owner.name : <Dash />}</DetailField>
                  <DetailField label="Expected close">{formatDate(d.expectedCloseDate)}</DetailField>
                  <DetailField label="Forecast">{FORECAST_LABELS[d.forecastCategory]}</DetailField>
                  <DetailField label="Renewal date">{formatDate(d.renewalDate)}</DetailField>
                  <DetailField label="Deal type">{DEAL_TYPE_LABELS[d.dealType]}</DetailField>
                  {d.parentDealId && (
                    <DetailField label="Original deal">
                      <AnchorLink to="/deals/$dealId" params={{ dealId: d.parentDealId }} fz="sm">
                        Open original
                      </AnchorLink>
                    </DetailField>
                  )}
                  {d.sourceCampaignId && (
                    <DetailField label="Source campaign">
                      <AnchorLink to="/campaigns/$campaignId" params={{ campaignId: d.sourceCampaignId }} fz="sm">
                        Open campaign
                      </AnchorLink>
                    </DetailField>
                  )}
                  {d.closeNote && <DetailField label="Close note">{d.closeNote}</DetailField>}
                  <DetailField label="In stage since">{formatDateTime(d.stageChangedAt)}</DetailField>
                  <DetailField label="Created">{formatDateTime(d.createdAt)}</DetailField>
                </SimpleGrid>
              )}
            </Card>
            <DealContactsCard dealId={dealId} contacts={parts.contacts.data} canWrite={canWrite} />
            <Card p="lg">
              <Text fw={650} mb="md">
                Stage history
              </Text>
              <DealHistory history={parts.history.data} currency={d?.currency ?? 'USD'} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {d && <LineItemsCard deal={d} data={parts.lineItems.data} canWrite={canWrite} />}
            <RecordActivities target={{ dealId }} canWrite={canWrite} />
            <DealTimelineCard dealId={dealId} canWrite={canWrite} />
          </Stack>
        </Grid.Col>
      </Grid>

      {d && <DealFormDrawer opened={editing} onClose={() => setEditing(false)} deal={d} />}
      {d && (
        <DealFormDrawer
          opened={expanding}
          onClose={() => setExpanding(false)}
          deal={null}
          defaultPipelineId={d.pipelineId}
          defaults={{
            accountId: d.accountId ?? undefined,
            accountName: d.account?.name,
            parentDealId: d.id,
            parentDealName: d.name,
            dealType: 'expansion',
          }}
        />
      )}
      <CloseDealModal
        request={closing}
        onCancel={() => setClosing(null)}
        onConfirm={async (closeReasonId, closeNote) => {
          const request = closing;
          setClosing(null);
          if (request) await move(request.stage, { closeReasonId, closeNote });
        }}
      />
    </Stack>
  );
}
