// Create or edit an account (company). Domain is the account's unique key for imports and for
// linking contacts by their email domain.
import { Button, Divider, Drawer, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap, type Account } from '../../api/client.ts';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { CustomFieldInput, checkCustomFields } from '../../components/CustomFieldInput.tsx';
import { useCustomFields } from '../../queries/custom-fields.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';

interface Values {
  name: string;
  domain: string;
  industry: string;
  country: string;
  employeeCount: number | string;
  annualRevenue: number | string;
  ownerId: string | null;
  customFields: Record<string, unknown>;
}

const toValues = (a: Account | null): Values => ({
  name: a?.name ?? '',
  domain: a?.domain ?? '',
  industry: a?.industry ?? '',
  country: a?.country ?? '',
  employeeCount: a?.employeeCount ?? '',
  annualRevenue: a?.annualRevenue ?? '',
  ownerId: a?.ownerId ?? null,
  customFields: { ...(a?.customFields ?? {}) },
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const numOrNull = (v: number | string) => (v === '' || v === null ? null : Number(v));
const DOMAIN = /^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}\/?$/i;

export function AccountFormDrawer({
  opened,
  onClose,
  account,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  account: Account | null;
  onSaved?: (a: Account) => void;
}) {
  const queryClient = useQueryClient();
  const { fields } = useCustomFields('account');
  const form = useForm<Values>({
    initialValues: toValues(account),
    validate: (v) => ({
      name: v.name.trim() ? null : 'Name is required',
      domain: !v.domain.trim() || DOMAIN.test(v.domain.trim()) ? null : 'Enter a domain like acme.com',
      ...checkCustomFields(fields, v.customFields),
    }),
  });

  useEffect(() => {
    if (opened) {
      form.setValues(toValues(account));
      form.resetDirty();
      form.clearErrors();
    }
    // only when the drawer opens, or for another account
  }, [opened, account?.id]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const customFields = Object.fromEntries(
        fields.map((f) => [f.key, v.customFields[f.key] ?? null]).filter(([, value]) => account || value !== null),
      );
      const body = {
        name: v.name.trim(),
        domain: orNull(v.domain),
        industry: orNull(v.industry),
        country: orNull(v.country),
        employeeCount: numOrNull(v.employeeCount),
        annualRevenue: numOrNull(v.annualRevenue),
        ownerId: v.ownerId,
        customFields,
      };
      return account
        ? unwrap(api.PATCH('/api/v1/accounts/{id}', { params: { path: { id: account.id } }, body }))
        : unwrap(api.POST('/api/v1/accounts', { body }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      queryClient.setQueryData(['accounts', 'one', saved.id], saved);
      notifySuccess(account ? 'Account saved' : 'Account created', saved.name);
      onSaved?.(saved);
      onClose();
    },
    onError: (e) => showApiErrors(form, e, account ? 'Could not save the account' : 'Could not create the account'),
  });

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Text fw={650} fz="lg">
          {account ? `Edit ${account.name}` : 'New account'}
        </Text>
      }
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="account-form">
        <Stack gap="md">
          <TextInput label="Name" withAsterisk placeholder="Company name" {...form.getInputProps('name')} data-autofocus />
          <TextInput
            label="Domain"
            placeholder="acme.com"
            description="Contacts with an email at this domain are linked to the account."
            {...form.getInputProps('domain')}
          />
          <SimpleGrid cols={2}>
            <TextInput label="Industry" {...form.getInputProps('industry')} />
            <TextInput label="Country" {...form.getInputProps('country')} />
            <NumberInput label="Employees" min={0} allowDecimal={false} thousandSeparator="," {...form.getInputProps('employeeCount')} />
            <NumberInput label="Annual revenue" min={0} prefix="$" thousandSeparator="," {...form.getInputProps('annualRevenue')} />
          </SimpleGrid>
          <OwnerSelect value={form.values.ownerId} onChange={(id) => form.setFieldValue('ownerId', id)} error={form.errors.ownerId} />
          {fields.length > 0 && (
            <>
              <Divider label="Custom fields" labelPosition="left" />
              <SimpleGrid cols={2}>
                {fields.map((f) => (
                  <CustomFieldInput
                    key={f.id}
                    field={f}
                    value={form.values.customFields[f.key]}
                    onChange={(v) => form.setFieldValue(`customFields.${f.key}`, v)}
                    error={form.errors[`customFields.${f.key}`]}
                  />
                ))}
              </SimpleGrid>
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {account ? 'Save changes' : 'Create account'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
