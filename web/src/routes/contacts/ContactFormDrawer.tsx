// Create or edit a contact: standard fields, account, owner, stage, tags and every custom field,
// checked in the browser first and then by the API (its field errors land next to the inputs).
import { Button, Divider, Drawer, Group, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap, type Contact, type LifecycleStage } from '../../api/client.ts';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { CustomFieldInput, checkCustomFields } from '../../components/CustomFieldInput.tsx';
import { useContactTags } from '../../queries/contacts.ts';
import { useCustomFields } from '../../queries/custom-fields.ts';
import { LIFECYCLE_STAGES } from '../../lib/lifecycle.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { optionalEmail } from '../../lib/validate.ts';
import { personName } from '../../lib/format.ts';
import { notifySuccess } from '../../lib/notify.ts';

interface Values {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  title: string;
  accountId: string | null;
  ownerId: string | null;
  lifecycleStage: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
}

const toValues = (c: Contact | null, defaults?: Partial<Values>): Values => ({
  firstName: c?.firstName ?? '',
  lastName: c?.lastName ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  title: c?.title ?? '',
  accountId: c?.accountId ?? null,
  ownerId: c?.ownerId ?? null,
  lifecycleStage: c?.lifecycleStage ?? null,
  tags: c?.tags ?? [],
  customFields: { ...(c?.customFields ?? {}) },
  ...defaults,
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function ContactFormDrawer({
  opened,
  onClose,
  contact,
  defaults,
  defaultAccountName,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  contact: Contact | null;
  defaults?: Partial<Values>;
  /** Shown in the account picker when `defaults.accountId` is set (e.g. "Add contact" on an account). */
  defaultAccountName?: string;
  onSaved?: (c: Contact) => void;
}) {
  const queryClient = useQueryClient();
  const { fields } = useCustomFields('contact');
  const tagSuggestions = useContactTags();
  const form = useForm<Values>({
    initialValues: toValues(contact, defaults),
    validate: (v) => ({
      email: optionalEmail(v.email) ?? (!v.email.trim() && !v.firstName.trim() && !v.lastName.trim() ? 'Enter an email or a name' : null),
      ...checkCustomFields(fields, v.customFields),
    }),
  });

  // reset when the drawer opens, for another contact or a new one
  useEffect(() => {
    if (opened) {
      form.setValues(toValues(contact, defaults));
      form.resetDirty();
      form.clearErrors();
    }
  }, [opened, contact?.id]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const customFields = Object.fromEntries(
        fields.map((f) => [f.key, v.customFields[f.key] ?? null]).filter(([, value]) => contact || value !== null),
      );
      const body = {
        firstName: orNull(v.firstName),
        lastName: orNull(v.lastName),
        email: orNull(v.email),
        phone: orNull(v.phone),
        title: orNull(v.title),
        accountId: v.accountId,
        ownerId: v.ownerId,
        lifecycleStage: v.lifecycleStage as LifecycleStage | null,
        tags: v.tags,
        customFields,
      };
      return contact
        ? unwrap(api.PATCH('/api/v1/contacts/{id}', { params: { path: { id: contact.id } }, body }))
        : unwrap(api.POST('/api/v1/contacts', { body }));
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['accounts'] });
      queryClient.setQueryData(['contacts', 'one', saved.id], saved);
      notifySuccess(contact ? 'Contact saved' : 'Contact created', personName(saved));
      onSaved?.(saved);
      onClose();
    },
    onError: (e) => showApiErrors(form, e, contact ? 'Could not save the contact' : 'Could not create the contact'),
  });

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        <Text fw={650} fz="lg">
          {contact ? `Edit ${personName(contact)}` : 'New contact'}
        </Text>
      }
      aria-label={contact ? 'Edit contact' : 'New contact'}
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="contact-form">
        <Stack gap="md">
          <SimpleGrid cols={2}>
            <TextInput label="First name" {...form.getInputProps('firstName')} data-autofocus />
            <TextInput label="Last name" {...form.getInputProps('lastName')} />
          </SimpleGrid>
          <TextInput label="Email" type="email" placeholder="name@company.com" {...form.getInputProps('email')} />
          <SimpleGrid cols={2}>
            <TextInput label="Phone" {...form.getInputProps('phone')} />
            <TextInput label="Job title" {...form.getInputProps('title')} />
          </SimpleGrid>
          <AccountSelect
            value={form.values.accountId}
            initialLabel={contact?.account?.name ?? defaultAccountName}
            onChange={(id) => form.setFieldValue('accountId', id)}
            error={form.errors.accountId}
            description="Left empty, a company email links the contact to the account with that domain."
          />
          <SimpleGrid cols={2}>
            <Select
              label="Lifecycle stage"
              placeholder="None"
              data={LIFECYCLE_STAGES.map(({ value, label }) => ({ value, label }))}
              clearable
              {...form.getInputProps('lifecycleStage')}
            />
            <OwnerSelect value={form.values.ownerId} onChange={(id) => form.setFieldValue('ownerId', id)} error={form.errors.ownerId} />
          </SimpleGrid>
          <TagsInput label="Tags" placeholder="Type a tag and press Enter" data={tagSuggestions.data ?? []} clearable {...form.getInputProps('tags')} />
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
              {contact ? 'Save changes' : 'Create contact'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
