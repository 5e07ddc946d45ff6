// One campaign: what it is (channel, status, dates, the utm_campaign it answers to), what it brought
// (touches, contacts, first and last touch), and a builder for links tagged with it.
import { Alert, Button, Card, Grid, Group, Menu, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { IconChevronDown, IconPencil, IconRestore, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { BackLink, DetailLoadError, trashWithUndo } from '../../components/detail-page.tsx';
import { ChannelBadge } from '../../components/ChannelBadge.tsx';
import { Dash, DetailField } from '../../components/DetailField.tsx';
import { useCampaign, useCanEditMarketing, type Campaign } from '../../queries/campaigns.ts';
import { formatDate, formatDateTime, formatNumber, fromNow } from '../../lib/format.ts';
import { notifyError, notifySuccess } from '../../lib/notify.ts';
import { CampaignFormDrawer } from './CampaignFormDrawer.tsx';
import { CampaignStatusBadge } from './CampaignStatusBadge.tsx';
import { dateRange } from './CampaignsTable.tsx';
import { TaggedLinkBuilder } from './TaggedLinkBuilder.tsx';
import { CopyValue } from './CopyValue.tsx';

const route = getRouteApi('/app/campaigns/$campaignId');

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card p="md">
      <Text fz="xs" c="dimmed" fw={500} tt="uppercase" style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text fz={26} fw={650} mt={4} data-testid={`stat-${label.toLowerCase().replace(/\s+/g, '-')}`}>
        {value}
      </Text>
      {hint && (
        <Text fz="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

export function CampaignDetailPage() {
  const { campaignId } = route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canEdit = useCanEditMarketing();
  const campaign = useCampaign(campaignId);
  const [editing, setEditing] = useState(false);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
  const restore = async (c: Campaign) => {
    try {
      await unwrap(api.POST('/api/v1/campaigns/{id}/restore', { params: { path: { id: c.id } } }));
      refresh();
      notifySuccess('Campaign restored', c.name);
    } catch (e) {
      notifyError(e, 'Could not restore');
    }
  };
  const remove = (c: Campaign) =>
    trashWithUndo({
      what: 'campaign',
      name: c.name,
      consequences: 'The campaign moves to the trash. Its touches stay linked to it, and new traffic tagged with it still counts.',
      remove: () => unwrap(api.DELETE('/api/v1/campaigns/{id}', { params: { path: { id: c.id } } })),
      restore: () => unwrap(api.POST('/api/v1/campaigns/{id}/restore', { params: { path: { id: c.id } } })),
      afterRemove: async () => {
        refresh();
        await navigate({ to: '/campaigns' });
      },
      afterRestore: async () => {
        refresh();
        await navigate({ to: '/campaigns/$campaignId', params: { campaignId: c.id } });
      },
    });

  const back = <BackLink to="/campaigns" label="Campaigns" />;

  if (campaign.error) return <DetailLoadError back={back} what="campaign" error={campaign.error} />;
  const c = campaign.data;

  return (
    <Stack gap="lg">
      {back}
      {c?.deletedAt && (
        <Alert color="gray" icon={<IconTrash size={16} />} title="This campaign is in the trash">
          <Group justify="space-between">
            <Text fz="sm">Deleted {formatDateTime(c.deletedAt)}. Its touches are kept.</Text>
            {canEdit && (
              <Button size="xs" variant="default" leftSection={<IconRestore size={14} />} onClick={() => void restore(c)}>
                Restore
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <Card p="lg">
        {!c ? (
          <Stack gap={8}>
            <Skeleton height={22} width={280} />
            <Skeleton height={12} width={360} />
          </Stack>
        ) : (
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={6}>
              <Title order={2} fz={24} data-testid="campaign-name">
                {c.name}
              </Title>
              <Group gap="sm">
                <ChannelBadge channel={c.channel} size="md" />
                <CampaignStatusBadge status={c.status} />
                <Text fz="sm" c="dimmed">
                  {dateRange(c.startDate, c.endDate)}
                </Text>
              </Group>
            </Stack>
            {canEdit && !c.deletedAt && (
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
                    <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void remove(c)}>
                      Delete campaign
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Group>
            )}
          </Group>
        )}
      </Card>

      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label="Touches" value={c ? formatNumber(c.touchCount) : '…'} hint="Visits, form fills and clicks" />
        <Stat label="Contacts" value={c ? formatNumber(c.contactCount) : '…'} hint="Known people among them" />
        <Stat
          label="First seen"
          value={c?.firstSeenAt ? formatDate(c.firstSeenAt) : '—'}
          hint={c?.firstSeenAt ? fromNow(c.firstSeenAt) : 'No traffic yet'}
        />
        <Stat
          label="Last touch"
          value={c?.lastTouchAt ? formatDate(c.lastTouchAt) : '—'}
          hint={c?.lastTouchAt ? fromNow(c.lastTouchAt) : undefined}
        />
      </SimpleGrid>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card p="lg">
            <Title order={3} fz="md" mb="md">
              Details
            </Title>
            {!c ? (
              <Skeleton height={120} />
            ) : (
              <Stack gap="md">
                <DetailField label="utm_campaign">
                  <CopyValue value={c.utmCampaign} />
                </DetailField>
                <DetailField label="Description">
                  {c.description ? (
                    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.description}
                    </Text>
                  ) : (
                    <Dash />
                  )}
                </DetailField>
                <SimpleGrid cols={2}>
                  <DetailField label="Created">{formatDateTime(c.createdAt)}</DetailField>
                  <DetailField label="Updated">{formatDateTime(c.updatedAt)}</DetailField>
                </SimpleGrid>
              </Stack>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>{c && <TaggedLinkBuilder utmCampaign={c.utmCampaign} />}</Grid.Col>
      </Grid>

      {c && <CampaignFormDrawer opened={editing} onClose={() => setEditing(false)} campaign={c} />}
    </Stack>
  );
}
