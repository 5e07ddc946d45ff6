import { z } from 'zod';
import { listQuerySchema } from '../platform/list-query.ts';
import { normaliseDomain } from './domains.ts';

const trimmedOrNull = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable();

export const domainSchema = z
  .string()
  .max(253, 'must be at most 253 characters')
  .transform((value, ctx) => {
    const domain = normaliseDomain(value);
    if (!domain) {
      ctx.addIssue({ code: 'custom', message: 'is not a valid domain (e.g. acme.com)' });
      return z.NEVER;
    }
    return domain;
  });

export const accountSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    domain: z.string().nullable(),
    industry: z.string().nullable(),
    employeeCount: z.number().int().nullable(),
    annualRevenue: z.number().nullable(),
    country: z.string().nullable(),
    ownerId: z.uuid().nullable(),
    customFields: z.record(z.string(), z.unknown()),
    contactCount: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Account' });

const accountFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  domain: domainSchema.nullable(),
  industry: trimmedOrNull(100),
  employeeCount: z.number().int('must be a whole number').min(0).max(10_000_000).nullable(),
  annualRevenue: z.number().min(0).max(1e15).nullable(),
  country: trimmedOrNull(100),
  ownerId: z.uuid({ message: 'must be a valid user id' }).nullable(),
  customFields: z.record(z.string(), z.unknown()),
};

export const updateAccountSchema = z.strictObject(accountFields).partial().meta({ id: 'AccountUpdate' });
export const createAccountSchema = z
  .strictObject(accountFields)
  .partial()
  .required({ name: true })
  .meta({ id: 'AccountCreate' });

export const upsertAccountSchema = z
  .strictObject({ ...accountFields, domain: domainSchema })
  .partial()
  .required({ domain: true })
  .meta({ id: 'AccountUpsert' });

export const batchUpsertAccountsSchema = z.strictObject({
  records: z.array(upsertAccountSchema).min(1, 'send at least one record').max(1000, 'at most 1,000 records per request'),
});

export const batchUpsertAccountsResultSchema = z.object({
  data: z.array(z.object({ domain: z.string().nullable(), id: z.uuid(), status: z.enum(['created', 'updated']) })),
  created: z.number().int(),
  updated: z.number().int(),
});

export const accountListQuerySchema = listQuerySchema;

export type Account = z.output<typeof accountSchema>;
export type CreateAccount = z.output<typeof createAccountSchema>;
export type UpdateAccount = z.output<typeof updateAccountSchema>;
export type UpsertAccount = z.output<typeof upsertAccountSchema>;
