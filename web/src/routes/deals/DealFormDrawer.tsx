// Create or edit a deal. Choosing a won or lost stage asks for the close reason right here, as the
// board does; fields are checked as you go and the API's field errors land next to their inputs.
import { Button, Checkbox, Divider, Drawer, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { DEAL_TYPE_LABELS, FORECAST_LABELS, useCloseReasons, usePipelines, type Deal } from '../../queries/deals.ts';
import { useSession } from '../../session/session.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';
import { CampaignPicker, DealPicker } from './RecordPicker.tsx';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'INR', 'BRL', 'MXN', 'SGD', 'NZD', 'ZAR'];

interface Values {
  name: string;
  pipelineId: string | null;
  stageId: string | null;
  closeReasonId: string | null;
  closeNote: string;
  amount: number | string;
  amountFromLineItems: boolean;
  currency: string;
  expectedCloseDate: string | null;
  ownerId: string | null;
  accountId: string | null;
  forecastCategory: 'pipeline' | 'best_case' | 'commit' | 'omitted';
  dealType: Deal['dealType'];
  parentDealId: string | null;
  renewalDate: string | null;
  sourceCampaignId: string | null;
}

const asDay = (v: unknown) => (v ? String(v).slice(0, 10) : null);

export function DealFormDrawer({
  opened,
  onClose,
  deal,
  defaultPipelineId,
  defaults,
}: {
  opened: boolean;
  onClose: () => void;
  deal: Deal | null;
  defaultPipelineId?: string;
  defaults?: { accountId?: string; accountName?: string; parentDealId?: string; parentDealName?: string; dealType?: Deal['dealType'] };
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const session = useSession();
  const { pipelines, stagesById } = usePipelines();
  const reasons = useCloseReasons();

  const initial = (): Values => {
    const pipeline =
      pipelines.find((p) => p.id === (deal?.pipelineId ?? defaultPipelineId)) ?? pipelines.find((p) => p.isDefault) ?? pipelines[0];
    return {
      name: deal?.name ?? '',
      pipelineId: pipeline?.id ?? null,
      stageId: deal?.stageId ?? pipeline?.stages.find((s) => s.type === 'open')?.id ?? null,
      closeReasonId: deal?.closeReasonId ?? null,
      closeNote: deal?.closeNote ?? '',
      amount: deal?.amount ?? '',
      amountFromLineItems: deal?.amountFromLineItems ?? false,
      currency: deal?.currency ?? 'USD',
      expectedCloseDate: deal?.expectedCloseDate ?? null,
      ownerId: deal ? deal.ownerId : (session.user?.id ?? null),
      accountId: deal?.accountId ?? defaults?.accountId ?? null,
      forecastCategory: deal && deal.forecastCategory !== 'closed' ? deal.forecastCategory : 'pipeline',
      dealType: deal?.dealType ?? defaults?.dealType ?? 'new',
      parentDealId: deal?.parentDealId ?? defaults?.parentDealId ?? null,
      renewalDate: deal?.renewalDate ?? null,
      sourceCampaignId: deal?.sourceCampaignId ?? null,
    };
  };

  const form = useForm<Values>({
    initialValues: initial(),
    validateInputOnBlur: true,
    validate: {
      name: (v) => (v.trim() ? (v.trim().length > 200 ? 'At most 200 characters' : null) : 'Name the deal'),
      stageId: (v) => (v ? null : 'Pick a stage'),
      amount: (v, values) => {
        if (values.amountFromLineItems || v === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0) return 'Enter an amount of 0 or more';
        return Math.round(n * 100) !== n * 100 ? 'At most 2 decimals' : null;
      },
      closeReasonId: (v, values) => {
        const stage = values.stageId ? stagesById.get(values.stageId) : undefined;
        const needed = stage && stage.type !== 'open' && (reasons.data ?? []).some((r) => r.kind === stage.type);
        return needed && !v ? `Why was it ${stage.type}? Pick a reason` : null;
      },
    },
  });

  useEffect(() => {
    if (opened) {
      form.setValues(initial());
      form.resetDirty();
      form.clearErrors();
    }
    // only when the drawer opens, or for another deal
  }, [opened, deal?.id, pipelines.length]);

  const pipeline = pipelines.find((p) => p.id === form.values.pipelineId);
  const stage = form.values.stageId ? stagesById.get(form.values.stageId) : undefined;
  const closing = stage && stage.type !== 'open';
  const stageChanged = !deal || deal.stageId !== form.values.stageId;

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const common = {
        name: v.name.trim(),
        ...(v.amountFromLineItems ? {} : { amount: v.amount === '' ? 0 : Number(v.amount) }),
        amountFromLineItems: v.amountFromLineItems,
        currency: v.currency,
        expectedCloseDate: v.expectedCloseDate,
        ownerId: v.ownerId,
        accountId: v.accountId,
        dealType: v.dealType,
        parentDealId: v.parentDealId,
        renewalDate: v.renewalDate,
        sourceCampaignId: v.sourceCampaignId,
        ...(closing ? {} : { forecastCategory: v.forecastCategory }),
      };
      const move =
        stageChanged || (closing && (v.closeReasonId !== deal?.closeReasonId || (v.closeNote.trim() || null) !== deal?.closeNote))
          ? { stageId: v.stageId!, ...(closing ? { closeReasonId: v.closeReasonId, closeNote: v.closeNote.trim() || null } : {}) }
          : {};
      return deal
        ? unwrap(api.PATCH('/api/v1/deals/{id}', { params: { path: { id: deal.id } }, body: { ...common, ...move } }))
        : unwrap(
            api.POST('/api/v1/deals', {
              body: {
                ...common,
                stageId: v.stageId!,
                ...(closing ? { closeReasonId: v.closeReasonId, closeNote: v.closeNote.trim() || null } : {}),
              },
            }),
          );
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
      void queryClient.invalidateQueries({ queryKey: ['forecast'] });
      queryClient.setQueryData(['deals', 'one', saved.id], saved);
      notifySuccess(deal ? 'Deal saved' : 'Deal created', saved.name);
      onClose();
      if (!deal) void navigate({ to: '/deals/$dealId', params: { dealId: saved.id } });
    },
    onError: (e) => showApiErrors(form, e, deal ? 'Could not save the deal' : 'Could not create the deal'),
  });

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Text fw={650} fz="lg">
          {deal ? `Edit ${deal.name}` : 'New deal'}
        </Text>
      }
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="deal-form">
        <Stack gap="md">
          <TextInput label="Deal name" withAsterisk placeholder="e.g. Acme — 50 seats" data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={2}>
            <Select
              label="Pipeline"
              data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
              value={form.values.pipelineId}
              allowDeselect={false}
              onChange={(id) => {
                const p = pipelines.find((x) => x.id === id);
                form.setValues({ pipelineId: id, stageId: p?.stages.find((s) => s.type === 'open')?.id ?? p?.stages[0]?.id ?? null });
              }}
            />
            <Select
              label="Stage"
              withAsterisk
              data={(pipeline?.stages ?? []).map((s) => ({
                value: s.id,
                label: s.type === 'open' ? `${s.name} (${s.probability}%)` : s.name,
              }))}
              allowDeselect={false}
              {...form.getInputProps('stageId')}
            />
          </SimpleGrid>
          {closing && (
            <Stack
              gap="xs"
              p="sm"
              style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
            >
              <Select
                label={stage.type === 'won' ? 'Why was it won?' : 'Why was it lost?'}
                withAsterisk
                placeholder="Pick a reason"
                data={(reasons.data ?? []).filter((r) => r.kind === stage.type).map((r) => ({ value: r.id, label: r.label }))}
                {...form.getInputProps('closeReasonId')}
              />
              <Textarea label="Close note" autosize minRows={2} {...form.getInputProps('closeNote')} />
            </Stack>
          )}
          <SimpleGrid cols={2}>
            <NumberInput
              label="Amount"
              min={0}
              decimalScale={2}
              thousandSeparator=","
              disabled={form.values.amountFromLineItems}
              description={form.values.amountFromLineItems ? 'Sum of the line items' : undefined}
              {...form.getInputProps('amount')}
            />
            <Select label="Currency" data={CURRENCIES} searchable allowDeselect={false} {...form.getInputProps('currency')} />
          </SimpleGrid>
          <Checkbox
            label="Amount is the sum of the products on the deal"
            {...form.getInputProps('amountFromLineItems', { type: 'checkbox' })}
          />
          <SimpleGrid cols={2}>
            <DateInput
              label="Expected close"
              placeholder="Pick a date"
              valueFormat="MMM D, YYYY"
              clearable
              value={form.values.expectedCloseDate}
              onChange={(v) => form.setFieldValue('expectedCloseDate', asDay(v))}
              error={form.errors.expectedCloseDate}
            />
            <Select
              label="Forecast category"
              data={(['pipeline', 'best_case', 'commit', 'omitted'] as const).map((c) => ({ value: c, label: FORECAST_LABELS[c] }))}
              allowDeselect={false}
              disabled={closing}
              description={closing ? 'Closed deals are in “Closed”' : undefined}
              {...form.getInputProps('forecastCategory')}
            />
            <OwnerSelect value={form.values.ownerId} onChange={(id) => form.setFieldValue('ownerId', id)} error={form.errors.ownerId} />
            <AccountSelect
              value={form.values.accountId}
              initialLabel={deal?.account?.name ?? defaults?.accountName}
              onChange={(id) => form.setFieldValue('accountId', id)}
              error={form.errors.accountId}
            />
          </SimpleGrid>
          <Divider label="After the sale" labelPosition="left" />
          <SimpleGrid cols={2}>
            <Select
              label="Deal type"
              data={Object.entries(DEAL_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
              {...form.getInputProps('dealType')}
            />
            <DateInput
              label="Renewal date"
              placeholder="When it renews"
              valueFormat="MMM D, YYYY"
              clearable
              value={form.values.renewalDate}
              onChange={(v) => form.setFieldValue('renewalDate', asDay(v))}
              error={form.errors.renewalDate}
            />
            {form.values.dealType !== 'new' && (
              <DealPicker
                label="Original deal"
                description="The deal this one renews or expands"
                placeholder="Search deals…"
                value={form.values.parentDealId}
                initialLabel={defaults?.parentDealName}
                exclude={deal?.id}
                onChange={(id) => form.setFieldValue('parentDealId', id)}
                error={form.errors.parentDealId}
              />
            )}
            <CampaignPicker
              label="Source campaign"
              placeholder="Search campaigns…"
              value={form.values.sourceCampaignId}
              onChange={(id) => form.setFieldValue('sourceCampaignId', id)}
              error={form.errors.sourceCampaignId}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {deal ? 'Save changes' : 'Create deal'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
