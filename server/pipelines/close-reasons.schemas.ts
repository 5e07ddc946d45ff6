import { z } from 'zod';

export const CLOSE_KINDS = ['won', 'lost'] as const;

export const closeReasonSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(CLOSE_KINDS),
    label: z.string(),
    position: z.number().int(),
  })
  .meta({ id: 'CloseReason' });

const label = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export const createCloseReasonSchema = z
  .strictObject({ kind: z.enum(CLOSE_KINDS), label, position: z.number().int().min(0).optional() })
  .meta({ id: 'CloseReasonCreate' });

export const updateCloseReasonSchema = z
  .strictObject({ label, position: z.number().int().min(0) })
  .partial()
  .meta({ id: 'CloseReasonUpdate' });

export const closeReasonsQuerySchema = z.strictObject({ kind: z.enum(CLOSE_KINDS).optional() });

export type CloseReason = z.output<typeof closeReasonSchema>;
export type CreateCloseReason = z.output<typeof createCloseReasonSchema>;
export type UpdateCloseReason = z.output<typeof updateCloseReasonSchema>;
