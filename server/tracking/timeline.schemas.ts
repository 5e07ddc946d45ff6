import { z } from 'zod';

export const timelineItemSchema = z
  .object({
    id: z.string().describe('The id of the underlying record (visit, touch, event, note).'),
    kind: z.string().describe('session, touch, form_submission, event, identify, note (later issues add more).'),
    occurredAt: z.date(),
    title: z.string(),
    contactId: z.uuid().nullable(),
    data: z
      .record(z.string(), z.unknown())
      .describe(
        'Per kind. session: pageViews, pages [{occurredAt, url, title}], landingPage, referrer, endedAt. touch: the Touch ' +
          'fields. form_submission/event/identify: name, properties or traits, page. note: body, author.',
      ),
  })
  .meta({ id: 'TimelineItem' });

export const timelineQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1–200 (default 50).'),
  cursor: z.string().max(500).optional().describe('`nextCursor` from the previous page.'),
  filter: z
    .strictObject({ kind: z.union([z.string(), z.strictObject({ in: z.string() })]) })
    .partial()
    .optional()
    .describe('`filter[kind]=session,note` (comma-separated) keeps those kinds.'),
});

export const timelinePageSchema = z.object({ data: z.array(timelineItemSchema), nextCursor: z.string().nullable() });

export type TimelineItem = z.output<typeof timelineItemSchema>;
