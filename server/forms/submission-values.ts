// Checks what a visitor sent against the form and the workspace's custom fields. Pure. Errors name
// the field as `fields.<property>` (and `consent`), which the hosted page and the embed place inline.
// Blank optional answers are dropped, so a second submission never erases what a contact has.
import type { FieldError } from '../platform/errors.ts';
import { emailSchema } from '../contacts/contacts.schemas.ts';
import { validateCustomFields } from '../custom-fields/validate-custom-fields.ts';
import { customKey, type CheckedField, type CustomFieldDef } from './form-fields.ts';

const MAX_LENGTH: Record<string, number> = { firstName: 100, lastName: 100, phone: 50, title: 200, company: 200 };
const COLUMN = { firstName: 'first_name', lastName: 'last_name', phone: 'phone', title: 'title' } as const;
const TRUE_WORDS = new Set(['true', 'on', 'yes', '1']);

export interface CheckedSubmission {
  email: string;
  contact: { first_name?: string; last_name?: string; phone?: string; title?: string };
  company: string | null;
  customFields: Record<string, unknown>;
  /** What is stored on the submission, keyed by property. */
  values: Record<string, unknown>;
  consentGiven: boolean;
  errors: FieldError[];
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

export function checkSubmission(
  fields: CheckedField[],
  customFields: CustomFieldDef[],
  raw: Record<string, unknown>,
  consent: { text: string | null; required: boolean },
  consentTicked: boolean | undefined,
): CheckedSubmission {
  const out: CheckedSubmission = { email: '', contact: {}, company: null, customFields: {}, values: {}, consentGiven: false, errors: [] };
  const byProperty = new Map(fields.map((f) => [f.property, f]));
  for (const key of Object.keys(raw)) {
    if (!byProperty.has(key)) out.errors.push({ path: `fields.${key}`, message: 'is not a field of this form' });
  }
  const customInput: Record<string, unknown> = {};

  for (const field of fields) {
    const path = `fields.${field.property}`;
    let value = raw[field.property];
    if (field.type === 'checkbox') {
      const ticked = value === true || (typeof value === 'string' && TRUE_WORDS.has(value.trim().toLowerCase()));
      if (field.required && !ticked) out.errors.push({ path, message: 'must be ticked' });
      // an unticked box is no answer (absent from a form-encoded post), not "false"
      value = ticked ? true : undefined;
    }
    if (isBlank(value)) {
      if (field.required && field.type !== 'checkbox') out.errors.push({ path, message: 'is required' });
      continue;
    }
    const key = customKey(field.property);
    if (key !== undefined) {
      customInput[key] = field.type === 'checkboxes' && typeof value === 'string' ? [value] : value;
      continue;
    }
    if (typeof value === 'number') value = String(value);
    if (typeof value !== 'string') {
      out.errors.push({ path, message: 'must be text' });
      continue;
    }
    if (field.property === 'email') {
      const email = emailSchema.safeParse(value);
      if (email.success) out.email = out.values.email = email.data;
      else out.errors.push({ path, message: email.error.issues[0].message });
      continue;
    }
    const text = value.trim();
    const max = MAX_LENGTH[field.property];
    if (text.length > max) {
      out.errors.push({ path, message: `must be at most ${max} characters` });
      continue;
    }
    out.values[field.property] = text;
    if (field.property === 'company') out.company = text;
    else out.contact[COLUMN[field.property as keyof typeof COLUMN]] = text;
  }

  const custom = validateCustomFields(customFields, customInput, { mode: 'update', fromText: true, pathPrefix: 'fields.customFields' });
  out.errors.push(...custom.errors);
  for (const [key, value] of Object.entries(custom.values)) {
    if (value === null) continue;
    out.customFields[key] = value;
    out.values[`customFields.${key}`] = value;
  }

  if (consent.text) {
    out.consentGiven = consentTicked === true;
    if (consent.required && !out.consentGiven) out.errors.push({ path: 'consent', message: 'must be ticked to continue' });
  }
  return out;
}
