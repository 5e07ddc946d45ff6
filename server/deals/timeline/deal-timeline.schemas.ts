import { z } from 'zod';

export const dealTimelineItemSchema = z
  .object({
    id: z.string().describe('Id of the underlying record (stage-history row, note, activity).'),
    kind: z.string().describe('deal_created, stage_change, note; the activities module adds activity.'),
    occurredAt: z.date(),
    title: z.string(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('Who did it, when known.'),
    data: z
      .record(z.string(), z.unknown())
      .describe('Per kind. deal_created: stage, amount. stage_change: fromStage, toStage, amount. note: body.'),
  })
  .meta({ id: 'DealTimelineItem' });

export const dealTimelineQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1–200 (default 50).'),
  cursor: z.string().max(500).optional().describe('`nextCursor` from the previous page.'),
  filter: z
    .strictObject({ kind: z.union([z.string(), z.strictObject({ in: z.string() })]) })
    .partial()
    .optional()
    .describe('`filter[kind]=stage_change,note` (comma-separated) keeps those kinds.'),
});

export const dealTimelinePageSchema = z.object({ data: z.array(dealTimelineItemSchema), nextCursor: z.string().nullable() });

export type DealTimelineItem = z.output<typeof dealTimelineItemSchema>;
export type DealTimelineQuery = z.output<typeof dealTimelineQuerySchema>;
