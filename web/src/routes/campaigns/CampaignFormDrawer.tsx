// Create or edit a campaign. The utm_campaign key is what tagged links are matched by: it defaults to
// the name when creating and stays put when the campaign is renamed, so existing links keep counting.
import { Alert, Button, Drawer, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useChannels, type Campaign, type CampaignStatus } from '../../queries/campaigns.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { STATUS_LABELS } from './CampaignStatusBadge.tsx';

interface Values {
  name: string;
  utmCampaign: string;
  channel: string | null;
  status: CampaignStatus;
  startDate: string | null;
  endDate: string | null;
  description: string;
}

const toValues = (c: Campaign | null): Values => ({
  name: c?.name ?? '',
  utmCampaign: c?.utmCampaign ?? '',
  channel: c?.channel ?? null,
  status: c?.status ?? 'active',
  startDate: c?.startDate ?? null,
  endDate: c?.endDate ?? null,
  description: c?.description ?? '',
});

const keyOf = (name: string) => name.trim().toLowerCase();
const asDate = (v: unknown) => (v ? String(v).slice(0, 10) : null);

export function CampaignFormDrawer({
  opened,
  onClose,
  campaign,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  campaign: Campaign | null;
  onSaved?: (c: Campaign) => void;
}) {
  const queryClient = useQueryClient();
  const { channels } = useChannels();
  const form = useForm<Values>({
    initialValues: toValues(campaign),
    validate: {
      name: (v) => (!v.trim() ? 'Name is required' : v.trim().length > 200 ? 'Use at most 200 characters' : null),
      utmCampaign: (v, values) =>
        campaign && !v.trim()
          ? 'utm_campaign is required'
          : (v.trim() || keyOf(values.name)).length > 200
            ? 'Use at most 200 characters'
            : null,
      endDate: (v, values) => (v && values.startDate && v < values.startDate ? 'Ends before it starts' : null),
      description: (v) => (v.length > 5000 ? 'Use at most 5,000 characters' : null),
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues(toValues(campaign));
      form.resetDirty();
      form.clearErrors();
    }
    // only when the drawer opens, or for another campaign
  }, [opened, campaign?.id]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body = {
        name: v.name.trim(),
        channel: v.channel,
        status: v.status,
        startDate: v.startDate,
        endDate: v.endDate,
        description: v.description.trim() || null,
      };
      if (campaign) {
        const keyChanged = keyOf(v.utmCampaign) !== campaign.utmCampaign;
        return unwrap(
          api.PATCH('/api/v1/campaigns/{id}', {
            params: { path: { id: campaign.id } },
            body: keyChanged ? { ...body, utmCampaign: v.utmCampaign } : body,
          }),
        );
      }
      return unwrap(api.POST('/api/v1/campaigns', { body: v.utmCampaign.trim() ? { ...body, utmCampaign: v.utmCampaign } : body }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      void queryClient.invalidateQueries({ queryKey: ['channels'] });
      queryClient.setQueryData(['campaigns', 'one', saved.id], saved);
      notifySuccess(campaign ? 'Campaign saved' : 'Campaign created', saved.name);
      onSaved?.(saved);
      onClose();
    },
    onError: (e) => showApiErrors(form, e, campaign ? 'Could not save the campaign' : 'Could not create the campaign'),
  });

  const keyChanged = campaign && keyOf(form.values.utmCampaign) !== campaign.utmCampaign && form.values.utmCampaign.trim() !== '';
  const channelOptions = [...new Set([...channels.map((c) => c.name), ...(form.values.channel ? [form.values.channel] : [])])];

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Text fw={650} fz="lg">
          {campaign ? `Edit ${campaign.name}` : 'New campaign'}
        </Text>
      }
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="campaign-form">
        <Stack gap="md">
          <TextInput label="Name" withAsterisk placeholder="Spring launch 2026" {...form.getInputProps('name')} data-autofocus />
          <TextInput
            label="utm_campaign"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            placeholder={keyOf(form.values.name) || 'spring-launch-2026'}
            description={
              campaign
                ? 'Links tagged with this value count for the campaign.'
                : 'Links tagged utm_campaign=<this> count for the campaign. Leave empty to use the name.'
            }
            {...form.getInputProps('utmCampaign')}
          />
          {keyChanged && (
            <Alert color="yellow" icon={<IconAlertTriangle size={16} />} p="sm">
              Links already tagged <b>{campaign.utmCampaign}</b> will start a new campaign the next time someone clicks them.
            </Alert>
          )}
          <SimpleGrid cols={2}>
            <Select label="Channel" placeholder="Not set" data={channelOptions} searchable clearable {...form.getInputProps('channel')} />
            <Select
              label="Status"
              data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <DateInput
              label="Starts"
              placeholder="Pick a date"
              valueFormat="MMM D, YYYY"
              clearable
              value={form.values.startDate}
              onChange={(v) => form.setFieldValue('startDate', asDate(v))}
              error={form.errors.startDate}
            />
            <DateInput
              label="Ends"
              placeholder="Pick a date"
              valueFormat="MMM D, YYYY"
              clearable
              minDate={form.values.startDate ?? undefined}
              value={form.values.endDate}
              onChange={(v) => form.setFieldValue('endDate', asDate(v))}
              error={form.errors.endDate}
            />
          </SimpleGrid>
          <Textarea
            label="Description"
            placeholder="Goal, audience, assets…"
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('description')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {campaign ? 'Save changes' : 'Create campaign'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
