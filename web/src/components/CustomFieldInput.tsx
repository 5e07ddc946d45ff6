// One input per custom field type. Values are kept in the shape the API stores: string, number,
// 'YYYY-MM-DD', boolean, option value, array of option values; null when empty.
import { MultiSelect, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import '@mantine/dates/styles.css';
import type { CustomField } from '../api/client.ts';

export function CustomFieldInput({
  field,
  value,
  onChange,
  error,
}: {
  field: CustomField;
  value: unknown;
  onChange: (v: unknown) => void;
  error?: React.ReactNode;
}) {
  const common = { label: field.label, description: field.description ?? undefined, withAsterisk: field.required, error };
  switch (field.type) {
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(v === '' ? null : typeof v === 'number' ? v : Number(v))}
          thousandSeparator=","
        />
      );
    case 'date':
      return (
        <DateInput
          {...common}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
          valueFormat="MMM D, YYYY"
          placeholder="Pick a date"
          clearable
        />
      );
    case 'boolean':
      return <Switch {...common} mt="xs" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
    case 'select':
      return (
        <Select
          {...common}
          data={field.options}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          clearable
          placeholder="Choose…"
        />
      );
    case 'multi_select':
      return (
        <MultiSelect
          {...common}
          data={field.options}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => onChange(v.length ? v : null)}
          clearable
          placeholder={Array.isArray(value) && value.length ? undefined : 'Choose…'}
        />
      );
    default:
      return (
        <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || null)} />
      );
  }
}

/** Client-side check mirroring the API's: required fields must have a value. */
export function checkCustomFields(fields: CustomField[], values: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.key];
    const empty = v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (f.required && empty) errors[`customFields.${f.key}`] = `${f.label} is required`;
  }
  return errors;
}
