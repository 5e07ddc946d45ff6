import { z } from 'zod';
import { listQuerySchema } from '../platform/list-query.ts';

export const lifecycleStages = ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer', 'evangelist', 'other'] as const;

const trimmedOrNull = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable();

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .toLowerCase()
  .pipe(z.email({ message: 'is not a valid email address' }));

const tagsSchema = z
  .array(z.string().trim().min(1, 'must not be empty').max(50, 'must be at most 50 characters'))
  .max(100, 'at most 100 tags')
  .transform((tags) => [...new Set(tags)]);

export const accountSummarySchema = z.object({ id: z.uuid(), name: z.string(), domain: z.string().nullable() });

export const contactSchema = z
  .object({
    id: z.uuid(),
    email: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    phone: z.string().nullable(),
    title: z.string().nullable(),
    accountId: z.uuid().nullable(),
    account: accountSummarySchema.nullable(),
    ownerId: z.uuid().nullable(),
    lifecycleStage: z.enum(lifecycleStages).nullable(),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.unknown()),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Contact' });

const contactFields = {
  email: emailSchema.nullable(),
  firstName: trimmedOrNull(100),
  lastName: trimmedOrNull(100),
  phone: trimmedOrNull(50),
  title: trimmedOrNull(200),
  accountId: z.uuid({ message: 'must be a valid account id' }).nullable(),
  ownerId: z.uuid({ message: 'must be a valid user id' }).nullable(),
  lifecycleStage: z.enum(lifecycleStages).nullable(),
  tags: tagsSchema,
  customFields: z.record(z.string(), z.unknown()),
};

export const updateContactSchema = z.strictObject(contactFields).partial().meta({ id: 'ContactUpdate' });

export const createContactSchema = updateContactSchema
  .refine((c) => c.email || c.firstName || c.lastName, {
    message: 'a contact needs an email or a name',
    path: ['email'],
  })
  .meta({ id: 'ContactCreate' });

export const upsertContactSchema = z
  .strictObject({ ...contactFields, email: emailSchema })
  .partial()
  .required({ email: true })
  .meta({ id: 'ContactUpsert' });

export const batchUpsertContactsSchema = z.strictObject({
  records: z.array(upsertContactSchema).min(1, 'send at least one record').max(1000, 'at most 1,000 records per request'),
});

export const batchUpsertResultSchema = z.object({
  data: z.array(z.object({ email: z.string().nullable(), id: z.uuid(), status: z.enum(['created', 'updated']) })),
  created: z.number().int(),
  updated: z.number().int(),
});

export const contactListQuerySchema = listQuerySchema;

export const bulkContactsSchema = z
  .strictObject({
    action: z.enum(['addTags', 'removeTags', 'delete', 'restore']),
    tags: tagsSchema.optional(),
    ids: z.array(z.uuid()).max(10000).optional().describe('The contacts to act on; or give `where` to act on every match.'),
    where: z
      .strictObject({
        q: z.string().max(200).optional(),
        filter: listQuerySchema.shape.filter,
      })
      .optional()
      .describe('Acts on every contact matching these list filters (as in GET /contacts).'),
    deletedAt: z.iso
      .datetime({ message: 'must be the deletedAt a delete returned' })
      .optional()
      .describe('With `restore`: only contacts deleted by the bulk delete that returned this `deletedAt` (its undo).'),
  })
  .refine((b) => (b.ids ? !b.where : !!b.where || (b.action === 'restore' && !!b.deletedAt)), {
    message: 'give either ids or where (or, to undo a delete, deletedAt)',
    path: ['ids'],
  })
  .refine((b) => !b.deletedAt || b.action === 'restore', { message: 'only applies to restore', path: ['deletedAt'] })
  .refine((b) => (b.action === 'addTags' || b.action === 'removeTags' ? !!b.tags?.length : true), {
    message: 'tags are required for addTags and removeTags',
    path: ['tags'],
  });

export const bulkContactsResultSchema = z.object({
  affected: z.number().int(),
  skipped: z.number().int(),
  deletedAt: z.string().optional().describe('After `delete`: pass to `restore` as `deletedAt` to undo exactly this delete.'),
});

export type Contact = z.output<typeof contactSchema>;
export type CreateContact = z.output<typeof createContactSchema>;
export type UpdateContact = z.output<typeof updateContactSchema>;
export type UpsertContact = z.output<typeof upsertContactSchema>;
