// Shapes of forms, submissions and analytics in the API (the single source of types and OpenAPI).
import { z } from 'zod';
import { emailSchema } from '../contacts/contacts.schemas.ts';
import { CONTACT_PROPERTIES, FIELD_TYPES } from './form-fields.ts';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, 'must not be empty');
const optionalText = (max: number) =>
  text(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const PROPERTY = new RegExp(`^(${CONTACT_PROPERTIES.join('|')}|customFields\\.[a-z][a-z0-9_]{0,39})$`);

export const formFieldSchema = z
  .object({
    property: z.string().describe('`email`, `firstName`, `lastName`, `phone`, `title`, `company`, or `customFields.<key>`.'),
    label: z.string(),
    type: z.enum(FIELD_TYPES),
    required: z.boolean(),
    placeholder: z.string().nullable(),
    helpText: z.string().nullable(),
  })
  .meta({ id: 'FormField' });

export const formFieldInputSchema = z
  .strictObject({
    property: z.string().regex(PROPERTY, 'must be email, firstName, lastName, phone, title, company or customFields.<key>'),
    label: requiredText(200),
    type: z.enum(FIELD_TYPES).optional().describe('Defaults to the natural input of the property.'),
    required: z.boolean().optional(),
    placeholder: optionalText(200),
    helpText: optionalText(500),
  })
  .describe('A field of the form.');

const consentSchema = z
  .object({ text: z.string(), required: z.boolean() })
  .nullable()
  .describe('A consent checkbox (kind `marketing_email`) with the exact wording shown; null for none.');

const consentInputSchema = z
  .strictObject({ text: requiredText(2000), required: z.boolean().optional() })
  .nullable()
  .describe('null removes the checkbox. `required` defaults to true.');

const redirectUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .transform((v) => (v === '' ? null : v))
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).nullable())
  .nullable();

// no defaults here: PATCH must leave absent fields alone (zod applies defaults even inside .partial())
const editable = {
  name: requiredText(200),
  status: z.enum(['active', 'paused']),
  fields: z.array(formFieldInputSchema).min(1, 'a form needs at least the email field').max(30, 'at most 30 fields'),
  consent: consentInputSchema,
  submitLabel: requiredText(60),
  thankYouMessage: text(2000),
  redirectUrl: redirectUrl.describe('Visitors go here after submitting instead of seeing the thank-you message.'),
  doubleOptIn: z.boolean().describe('Send a confirmation email; the submission and consent count once the link is opened.'),
  notificationEmails: z.array(emailSchema).max(20, 'at most 20 recipients').describe('Who is emailed about each submission.'),
};

export const createFormSchema = z
  .strictObject({
    ...editable,
    status: editable.status.default('active'),
    consent: editable.consent.default(null),
    submitLabel: editable.submitLabel.default('Submit'),
    thankYouMessage: editable.thankYouMessage.default("Thanks! We'll be in touch soon."),
    redirectUrl: editable.redirectUrl.default(null),
    doubleOptIn: editable.doubleOptIn.default(false),
    notificationEmails: editable.notificationEmails.default([]),
  })
  .meta({ id: 'FormCreate' });

export const updateFormSchema = z.strictObject(editable).partial().meta({ id: 'FormUpdate' });

export const formStatsSchema = z.object({
  views: z.number().int(),
  submissions: z.number().int(),
  conversionRate: z.number().nullable().describe('submissions / views (0–1); null before the first view.'),
});

export const formSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(['active', 'paused']),
    fields: z.array(formFieldSchema),
    consent: consentSchema,
    submitLabel: z.string(),
    thankYouMessage: z.string(),
    redirectUrl: z.string().nullable(),
    doubleOptIn: z.boolean(),
    notificationEmails: z.array(z.string()),
    stats: formStatsSchema,
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Form' });

export const publicFormSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    fields: z.array(
      formFieldSchema.extend({
        options: z.array(z.object({ value: z.string(), label: z.string() })).optional().describe('For select, radio and checkboxes.'),
      }),
    ),
    consent: consentSchema,
    submitLabel: z.string(),
    thankYouMessage: z.string(),
    redirectUrl: z.string().nullable(),
  })
  .meta({ id: 'PublicForm' });

const fieldValue = z.union([z.string().max(5000), z.number(), z.boolean(), z.array(z.string().max(500)).max(100), z.null()]);

export const submissionInputSchema = z
  .strictObject({
    fields: z.record(z.string().max(60), fieldValue).describe('Values keyed by field property, e.g. `{"email": "…", "customFields.plan": "pro"}`.'),
    consent: z.boolean().optional().describe('Whether the consent checkbox was ticked.'),
    honeypot: z.string().max(1000).optional().describe('Leave empty: a filled honeypot is accepted and discarded (spam).'),
    anonymousId: z.string().max(200).nullish().describe("The tracking snippet's anonymous id, to stitch earlier visits."),
    pageUrl: z.string().max(2000).nullish().describe('The page the form was filled in on (its UTMs are read from it).'),
    referrer: z.string().max(2000).nullish(),
    utm: z
      .strictObject({
        source: z.string().max(500).optional(),
        medium: z.string().max(500).optional(),
        campaign: z.string().max(500).optional(),
        content: z.string().max(500).optional(),
        term: z.string().max(500).optional(),
      })
      .optional(),
  })
  .meta({ id: 'FormSubmissionCreate' });

export const submissionResultSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['pending_confirmation', 'confirmed']),
    confirmationRequired: z.boolean().describe('Double opt-in: a confirmation email was sent.'),
    thankYouMessage: z.string(),
    redirectUrl: z.string().nullable(),
  })
  .meta({ id: 'FormSubmissionResult' });

export const submissionSchema = z
  .object({
    id: z.uuid(),
    formId: z.uuid(),
    contact: z.object({ id: z.uuid(), email: z.string().nullable(), firstName: z.string().nullable(), lastName: z.string().nullable() }).nullable(),
    values: z.record(z.string(), z.unknown()),
    status: z.enum(['pending_confirmation', 'confirmed']),
    anonymousId: z.string().nullable(),
    pageUrl: z.string().nullable(),
    referrer: z.string().nullable(),
    utm: z.record(z.string(), z.string()),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.date(),
    confirmedAt: z.date().nullable(),
  })
  .meta({ id: 'FormSubmission' });

const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });

export const analyticsQuerySchema = z.strictObject({
  from: isoDate.optional().describe('First day (UTC), default 29 days before `to`.'),
  to: isoDate.optional().describe('Last day (UTC), default today.'),
});

export const analyticsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    views: z.number().int(),
    submissions: z.number().int(),
    conversionRate: z.number().nullable(),
    days: z.array(z.object({ date: z.string(), views: z.number().int(), submissions: z.number().int() })),
  })
  .meta({ id: 'FormAnalytics' });

export type Form = z.output<typeof formSchema>;
export type FormField = z.output<typeof formFieldSchema>;
export type PublicForm = z.output<typeof publicFormSchema>;
export type CreateForm = z.output<typeof createFormSchema>;
export type UpdateForm = z.output<typeof updateFormSchema>;
export type SubmissionInput = z.output<typeof submissionInputSchema>;
export type SubmissionResult = z.output<typeof submissionResultSchema>;
export type Submission = z.output<typeof submissionSchema>;
