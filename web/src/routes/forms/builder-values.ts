// The builder's editable state, converted from and to the API's form shape, and the API's field
// errors placed on the builder's inputs.
import type { Form, FormField, FormInput } from '../../queries/forms.ts';

export interface BuilderField extends Omit<FormField, 'placeholder' | 'helpText'> {
  /** Stable id for drag and drop and React keys; never sent. */
  uid: string;
  placeholder: string;
  helpText: string;
}

export interface BuilderValues {
  name: string;
  status: Form['status'];
  fields: BuilderField[];
  consentEnabled: boolean;
  consentText: string;
  consentRequired: boolean;
  submitLabel: string;
  afterSubmit: 'message' | 'redirect';
  thankYouMessage: string;
  redirectUrl: string;
  doubleOptIn: boolean;
  notificationEmails: string[];
}

let nextUid = 0;
export const newUid = () => `field-${++nextUid}`;

export const DEFAULT_CONSENT = 'I agree to receive marketing emails. I can unsubscribe at any time.';

export function toBuilderValues(form: Form | null): BuilderValues {
  const fields: FormField[] = form?.fields ?? [
    { property: 'email', label: 'Email', type: 'email', required: true, placeholder: 'you@company.com', helpText: null },
    { property: 'firstName', label: 'First name', type: 'text', required: false, placeholder: null, helpText: null },
  ];
  return {
    name: form?.name ?? '',
    status: form?.status ?? 'active',
    fields: fields.map((f) => ({ ...f, uid: newUid(), placeholder: f.placeholder ?? '', helpText: f.helpText ?? '' })),
    consentEnabled: form ? form.consent !== null : true,
    consentText: form?.consent?.text ?? DEFAULT_CONSENT,
    consentRequired: form?.consent?.required ?? true,
    submitLabel: form?.submitLabel ?? 'Submit',
    afterSubmit: form?.redirectUrl ? 'redirect' : 'message',
    thankYouMessage: form?.thankYouMessage ?? "Thanks! We'll be in touch soon.",
    redirectUrl: form?.redirectUrl ?? '',
    doubleOptIn: form?.doubleOptIn ?? false,
    notificationEmails: form?.notificationEmails ?? [],
  };
}

export function toFormInput(v: BuilderValues): FormInput {
  return {
    name: v.name,
    status: v.status,
    fields: v.fields.map((f) => ({
      property: f.property,
      label: f.label,
      type: f.type,
      required: f.required,
      placeholder: f.placeholder || null,
      helpText: f.helpText || null,
    })),
    consent: v.consentEnabled ? { text: v.consentText, required: v.consentRequired } : null,
    submitLabel: v.submitLabel,
    thankYouMessage: v.thankYouMessage,
    redirectUrl: v.afterSubmit === 'redirect' ? v.redirectUrl : null,
    doubleOptIn: v.doubleOptIn,
    notificationEmails: v.notificationEmails.map((e) => e.trim()).filter(Boolean),
  };
}

/** The API names fields by its own shape (`consent.text`, `fields.2.label`); the builder's inputs differ a little. */
export function builderPath(apiPath: string): string {
  if (apiPath === 'consent' || apiPath === 'consent.text') return 'consentText';
  if (apiPath.startsWith('notificationEmails')) return 'notificationEmails';
  return apiPath;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isHttpUrl(v: string): boolean {
  try {
    const url = new URL(v.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const builderValidation = {
  name: (v: string) => (v.trim() ? null : 'Give the form a name'),
  submitLabel: (v: string) => (v.trim() ? null : 'The button needs a label'),
  consentText: (v: string, all: BuilderValues) => (all.consentEnabled && !v.trim() ? 'Write what people agree to' : null),
  redirectUrl: (v: string, all: BuilderValues) =>
    all.afterSubmit === 'redirect' && !isHttpUrl(v) ? 'Enter a full URL starting with https://' : null,
  notificationEmails: (v: string[]) => {
    const bad = v.find((e) => !EMAIL.test(e.trim()));
    return bad ? `${bad} is not an email address` : null;
  },
  fields: {
    label: (v: string) => (v.trim() ? null : 'Every field needs a label'),
  },
};
