// The builder's state becomes the API's form shape and back without losing anything a user set.
import { describe, expect, it } from 'vitest';
import { builderPath, builderValidation, toBuilderValues, toFormInput } from './builder-values.ts';
import type { Form } from '../../queries/forms.ts';

const saved: Form = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Webinar',
  status: 'paused',
  fields: [
    { property: 'email', label: 'Work email', type: 'email', required: true, placeholder: null, helpText: 'We never share it' },
    { property: 'customFields.seats', label: 'Seats', type: 'number', required: false, placeholder: '10', helpText: null },
  ],
  consent: { text: 'Email me', required: false },
  submitLabel: 'Register',
  thankYouMessage: 'See you there',
  redirectUrl: 'https://acme.test/thanks',
  doubleOptIn: true,
  notificationEmails: ['ops@acme.test'],
  stats: { views: 0, submissions: 0, conversionRate: null },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('form builder values', () => {
  it('round-trips a saved form', () => {
    const input = toFormInput(toBuilderValues(saved));
    expect(input).toEqual({
      name: 'Webinar',
      status: 'paused',
      fields: saved.fields,
      consent: { text: 'Email me', required: false },
      submitLabel: 'Register',
      thankYouMessage: 'See you there',
      redirectUrl: 'https://acme.test/thanks',
      doubleOptIn: true,
      notificationEmails: ['ops@acme.test'],
    });
  });

  it('starts a new form with a required email field and consent', () => {
    const values = toBuilderValues(null);
    expect(values.fields.map((f) => [f.property, f.required])).toEqual([
      ['email', true],
      ['firstName', false],
    ]);
    expect(values.consentEnabled).toBe(true);
    expect(values.afterSubmit).toBe('message');
  });

  it('sends only the chosen after-submit action and no consent when switched off', () => {
    const values = { ...toBuilderValues(saved), afterSubmit: 'message' as const, consentEnabled: false, notificationEmails: [' a@b.test ', ''] };
    expect(toFormInput(values)).toMatchObject({ redirectUrl: null, consent: null, notificationEmails: ['a@b.test'] });
  });

  it('places API errors on the builder inputs and checks URLs and emails before saving', () => {
    expect(builderPath('consent.text')).toBe('consentText');
    expect(builderPath('notificationEmails.1')).toBe('notificationEmails');
    expect(builderPath('fields.2.label')).toBe('fields.2.label');
    const values = { ...toBuilderValues(null), afterSubmit: 'redirect' as const };
    expect(builderValidation.redirectUrl('javascript:alert(1)', values)).not.toBeNull();
    expect(builderValidation.redirectUrl('http://localhost:8080/thanks', values)).toBeNull();
    expect(builderValidation.notificationEmails(['ok@acme.test', 'nope'])).toBe('nope is not an email address');
  });
});
