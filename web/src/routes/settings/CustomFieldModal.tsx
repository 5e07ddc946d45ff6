// Create or edit a custom field. Key and type are fixed once created (stored values depend on them);
// label, description, required and the options of select fields can change.
import { ActionIcon, Button, Group, Modal, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { api, unwrap, type CustomField } from '../../api/client.ts';
import { showApiErrors } from '../../lib/form-errors.ts';
import { notifySuccess } from '../../lib/notify.ts';

export const FIELD_TYPES: Array<{ value: CustomField['type']; label: string }> = [
  { value: 'text', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'date', label: 'Date' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'select', label: 'Single select' },
  { value: 'multi_select', label: 'Multi select' },
];

interface Values {
  label: string;
  key: string;
  type: CustomField['type'];
  description: string;
  required: boolean;
  options: Array<{ label: string; value: string }>;
}

/** "Annual plan (USD)" → "annual_plan_usd": what the API derives too, shown so people know the key. */
export const keyFromLabel = (label: string) =>
  label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40);

const hasOptions = (t: CustomField['type']) => t === 'select' || t === 'multi_select';

export function CustomFieldModal({
  opened,
  onClose,
  objectType,
  field,
}: {
  opened: boolean;
  onClose: () => void;
  objectType: CustomField['objectType'];
  field: CustomField | null;
}) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: { label: '', key: '', type: 'text', description: '', required: false, options: [] },
    validate: {
      label: (v) => (v.trim() ? null : 'Label is required'),
      key: (v) => (field || !v || /^[a-z][a-z0-9_]{0,39}$/.test(v) ? null : 'Start with a letter; use a-z, 0-9 and _'),
      options: (opts, v) => {
        if (!hasOptions(v.type)) return null;
        if (opts.length === 0) return 'Add at least one option';
        const values = opts.map((o) => o.value.trim());
        if (values.some((x) => !x)) return 'Every option needs a label';
        if (new Set(values).size !== values.length) return 'Two options have the same value';
        return null;
      },
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(
      field
        ? {
            label: field.label,
            key: field.key,
            type: field.type,
            description: field.description ?? '',
            required: field.required,
            options: field.options,
          }
        : { label: '', key: '', type: 'text', description: '', required: false, options: [] },
    );
    form.clearErrors();
    form.resetDirty();
    // only on open, or for another field
  }, [opened, field?.id]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const options = hasOptions(v.type) ? v.options.map((o) => ({ label: o.label.trim(), value: o.value.trim() })) : undefined;
      const description = v.description.trim() || null;
      return field
        ? unwrap(
            api.PATCH('/api/v1/custom-fields/{id}', {
              params: { path: { id: field.id } },
              body: { label: v.label.trim(), description, required: v.required, options },
            }),
          )
        : unwrap(
            api.POST('/api/v1/custom-fields', {
              body: {
                objectType,
                label: v.label.trim(),
                key: v.key || undefined,
                type: v.type,
                description,
                required: v.required,
                options,
              },
            }),
          );
    },
    onSuccess: (f) => {
      void queryClient.invalidateQueries({ queryKey: ['custom-fields'] });
      notifySuccess(field ? 'Field saved' : 'Field created', f.label);
      onClose();
    },
    onError: (e) => showApiErrors(form, e, 'Could not save the field'),
  });

  const v = form.values;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{field ? `Edit “${field.label}”` : `New ${objectType} field`}</Text>}
      size="lg"
    >
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack>
          <TextInput
            label="Label"
            placeholder="e.g. Plan"
            data-autofocus
            {...form.getInputProps('label')}
            onChange={(e) => {
              const label = e.currentTarget.value;
              form.setFieldValue('label', label);
              if (!field && !form.isDirty('key')) form.setFieldValue('key', keyFromLabel(label), { forceUpdate: true });
            }}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Key"
              description="Name in the API, filters and CSV files"
              disabled={Boolean(field)}
              {...form.getInputProps('key')}
              onChange={(e) => {
                form.setFieldValue('key', e.currentTarget.value);
                form.setDirty({ key: true });
              }}
            />
            <Select
              label="Type"
              description={field ? 'Cannot change after creation' : ' '}
              data={FIELD_TYPES}
              allowDeselect={false}
              disabled={Boolean(field)}
              {...form.getInputProps('type')}
            />
          </Group>
          <Textarea
            label="Description"
            placeholder="Optional help text shown under the input"
            autosize
            minRows={1}
            {...form.getInputProps('description')}
          />
          <Switch
            label="Required"
            description="Every new record must have a value (imports skip rows without one)"
            {...form.getInputProps('required', { type: 'checkbox' })}
          />
          {hasOptions(v.type) && (
            <Stack gap="xs">
              <Text fz="sm" fw={500}>
                Options
              </Text>
              {v.options.map((o, i) => (
                <Group key={i} gap="xs" wrap="nowrap">
                  <TextInput
                    aria-label={`Option ${i + 1}`}
                    placeholder="Option name"
                    style={{ flex: 1 }}
                    value={o.label}
                    onChange={(e) => {
                      const label = e.currentTarget.value;
                      const isNew = !field?.options.some((x) => x.value === o.value);
                      form.setFieldValue(`options.${i}`, { label, value: isNew ? keyFromLabel(label) || label.trim() : o.value });
                    }}
                  />
                  <TextInput
                    aria-label={`Option ${i + 1} value`}
                    value={o.value}
                    disabled
                    w={160}
                    styles={{ input: { fontFamily: 'monospace' } }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove option ${i + 1}`}
                    onClick={() => form.removeListItem('options', i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              {form.errors.options && (
                <Text fz="xs" c="red">
                  {form.errors.options}
                </Text>
              )}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => form.insertListItem('options', { label: '', value: '' })}
                >
                  Add option
                </Button>
                <Text fz="xs" c="dimmed">
                  The value (right) is what the API and CSV files use; it is fixed once saved.
                </Text>
              </Group>
            </Stack>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {field ? 'Save field' : 'Create field'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
