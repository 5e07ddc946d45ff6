// Shared OpenAPI pieces: the problem+json error shape, list envelopes, id params.
import { z, type ZodType } from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable error code, e.g. `validation_failed`.'),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

/** Documents the error statuses a route can return (all share the Problem shape). */
export function errors(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries([400, 401, 403, ...statuses].map((s) => [s, problemSchema]));
}

export function listEnvelope<T extends ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last page.'),
    totalCount: z.number().int().optional(),
  });
}

export const idParams = z.object({ id: z.uuid({ message: 'must be a valid id (UUID)' }) });

export const deletedSchema = z.object({ id: z.uuid(), deleted: z.literal(true) }).meta({ id: 'Deleted' });
