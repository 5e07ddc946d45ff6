// What a form field can map to and which inputs fit each mapping. Pure: the form definition and the
// workspace's custom field definitions in, a checked definition (or field errors) out.
import type { FieldError } from '../platform/errors.ts';
import type { CustomFieldType } from '../db-schema.ts';

/** Contact properties a form can fill, besides custom fields (`customFields.<key>`). */
export const CONTACT_PROPERTIES = ['email', 'firstName', 'lastName', 'phone', 'title', 'company'] as const;
export type ContactProperty = (typeof CONTACT_PROPERTIES)[number];

export const FIELD_TYPES = ['text', 'textarea', 'email', 'tel', 'number', 'date', 'checkbox', 'select', 'radio', 'checkboxes'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface CustomFieldDef {
  key: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
  options: Array<{ value: string; label: string }>;
}

/** The first type is the default. */
const BUILT_IN_TYPES: Record<ContactProperty, FieldType[]> = {
  email: ['email'],
  firstName: ['text'],
  lastName: ['text'],
  phone: ['tel', 'text'],
  title: ['text'],
  company: ['text'],
};

const CUSTOM_TYPES: Record<CustomFieldType, FieldType[]> = {
  text: ['text', 'textarea'],
  number: ['number'],
  date: ['date'],
  boolean: ['checkbox'],
  select: ['select', 'radio'],
  multi_select: ['checkboxes'],
};

export function customKey(property: string): string | undefined {
  return property.startsWith('customFields.') ? property.slice('customFields.'.length) : undefined;
}

/** The input types a property accepts, or undefined when it maps to nothing known. */
export function typesFor(property: string, customFields: CustomFieldDef[]): FieldType[] | undefined {
  const key = customKey(property);
  if (key === undefined) return BUILT_IN_TYPES[property as ContactProperty];
  const def = customFields.find((f) => f.key === key);
  return def && CUSTOM_TYPES[def.type];
}

export interface FieldInput {
  property: string;
  label: string;
  type?: FieldType;
  required?: boolean;
  placeholder?: string | null;
  helpText?: string | null;
}

export interface CheckedField {
  property: string;
  label: string;
  type: FieldType;
  required: boolean;
  placeholder: string | null;
  helpText: string | null;
}

/** Checks a form's fields: known properties, fitting types, no duplicates, a required email field. */
export function checkFormFields(fields: FieldInput[], customFields: CustomFieldDef[]): { fields: CheckedField[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const checked = fields.map((f, i): CheckedField => {
    const types = typesFor(f.property, customFields);
    if (!types) {
      errors.push({ path: `fields.${i}.property`, message: `"${customKey(f.property)}" is not a contact custom field (define it in Settings → Custom fields)` });
    } else if (f.type && !types.includes(f.type)) {
      errors.push({ path: `fields.${i}.type`, message: `must be one of ${types.join(', ')} for ${f.property}` });
    }
    if (seen.has(f.property)) errors.push({ path: `fields.${i}.property`, message: `${f.property} is already on the form` });
    seen.add(f.property);
    if (f.property === 'email' && f.required === false) errors.push({ path: `fields.${i}.required`, message: 'the email field is always required' });
    return {
      property: f.property,
      label: f.label,
      type: f.type ?? types?.[0] ?? 'text',
      required: f.property === 'email' ? true : (f.required ?? false),
      placeholder: f.placeholder ?? null,
      helpText: f.helpText ?? null,
    };
  });
  if (!seen.has('email')) errors.push({ path: 'fields', message: 'must include the email field (contacts are matched by email)' });
  return { fields: checked, errors };
}

/**
 * The fields a visitor sees: those whose mapping still exists, with the current options of
 * select-like custom fields. A custom field deleted after the form was built drops out of the form.
 */
export function liveFields(fields: CheckedField[], customFields: CustomFieldDef[]): Array<CheckedField & { options?: Array<{ value: string; label: string }> }> {
  const out: Array<CheckedField & { options?: Array<{ value: string; label: string }> }> = [];
  for (const f of fields) {
    const key = customKey(f.property);
    if (key === undefined) {
      out.push(f);
      continue;
    }
    const def = customFields.find((d) => d.key === key);
    if (!def) continue;
    const types = CUSTOM_TYPES[def.type];
    // the definition's type may have changed since the form was saved: use its natural input then
    const type = types.includes(f.type) ? f.type : types[0];
    out.push({ ...f, type, ...(def.type === 'select' || def.type === 'multi_select' ? { options: def.options } : {}) });
  }
  return out;
}
