// What a form field can map to and which inputs fit it: the same rules the server checks
// (server/forms/form-fields.ts), here to offer only valid choices in the builder.
import type { CustomField } from '../../api/client.ts';
import type { FormField } from '../../queries/forms.ts';

export type FieldType = FormField['type'];

export const CONTACT_PROPERTIES: Array<{ property: string; label: string; types: FieldType[] }> = [
  { property: 'email', label: 'Email', types: ['email'] },
  { property: 'firstName', label: 'First name', types: ['text'] },
  { property: 'lastName', label: 'Last name', types: ['text'] },
  { property: 'phone', label: 'Phone', types: ['tel', 'text'] },
  { property: 'title', label: 'Job title', types: ['text'] },
  { property: 'company', label: 'Company', types: ['text'] },
];

const CUSTOM_TYPES: Record<CustomField['type'], FieldType[]> = {
  text: ['text', 'textarea'],
  number: ['number'],
  date: ['date'],
  boolean: ['checkbox'],
  select: ['select', 'radio'],
  multi_select: ['checkboxes'],
};

export const TYPE_LABELS: Record<FieldType, string> = {
  text: 'Short text',
  textarea: 'Paragraph',
  email: 'Email',
  tel: 'Phone',
  number: 'Number',
  date: 'Date',
  checkbox: 'Checkbox',
  select: 'Dropdown',
  radio: 'Radio buttons',
  checkboxes: 'Checkboxes',
};

export interface PropertyInfo {
  property: string;
  label: string;
  types: FieldType[];
  /** Select-like custom fields: their options, for the preview. */
  options?: Array<{ value: string; label: string }>;
  custom: boolean;
}

export function propertyCatalogue(customFields: CustomField[]): PropertyInfo[] {
  return [
    ...CONTACT_PROPERTIES.map((p) => ({ ...p, custom: false })),
    ...customFields.map((f) => ({
      property: `customFields.${f.key}`,
      label: f.label,
      types: CUSTOM_TYPES[f.type],
      options: f.options,
      custom: true,
    })),
  ];
}
