import { z } from 'zod';
import { parsePeriod } from './period.ts';

export const PERIOD_MESSAGE = 'must be a month (2026-11) or a quarter (2026-Q4)';

/** A forecast period in its API form; refines to the exact `2026-11` / `2026-Q4` spelling. */
export const periodSchema = z
  .string()
  .max(10, PERIOD_MESSAGE)
  .refine((p) => parsePeriod(p) !== undefined, PERIOD_MESSAGE)
  .meta({ description: 'A calendar month (`2026-11`) or quarter (`2026-Q4`), UTC.', example: '2026-Q4' });

const amount = z
  .number({ message: 'must be a number' })
  .min(0, 'must be zero or more')
  .max(999_999_999_999.99, 'must be below 1,000,000,000,000');

export const quotaSchema = z
  .object({
    id: z.uuid(),
    ownerId: z.uuid().nullable().describe('The rep; null for the team quota.'),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    period: z.string(),
    periodKind: z.enum(['month', 'quarter']),
    amount: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Quota' });

export const createQuotaSchema = z
  .strictObject({
    ownerId: z
      .uuid({ message: 'must be a valid user id' })
      .nullable()
      .optional()
      .describe("The rep (a member's user id); leave out or null for the team's own quota."),
    period: periodSchema,
    amount,
  })
  .meta({ id: 'QuotaCreate' });

export const updateQuotaSchema = z
  .strictObject({
    ownerId: z.uuid({ message: 'must be a valid user id' }).nullable().optional(),
    period: periodSchema.optional(),
    amount: amount.optional(),
  })
  .meta({ id: 'QuotaUpdate' });

export type Quota = z.output<typeof quotaSchema>;
export type CreateQuota = z.output<typeof createQuotaSchema>;
export type UpdateQuota = z.output<typeof updateQuotaSchema>;
