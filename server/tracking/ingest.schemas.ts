// OpenAPI description of the Segment-compatible /v1 API. Documentation only: requests are validated by
// segment-payload.ts, which keeps the valid events of a batch and reports the others.
import { z } from 'zod';

const id = z.string().describe('String (numbers are accepted and stored as text); at most 255 characters.');

const common = {
  userId: id.optional().describe('Your id for the person. userId or anonymousId is required.'),
  anonymousId: id.optional().describe('The browser or device id (the snippet sets a first-party one).'),
  messageId: z.string().optional().describe('Unique per message: a retried message with the same id is stored once.'),
  timestamp: z.string().optional().describe('ISO 8601 time it happened; defaults to when Tandem received it.'),
  context: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Segment context: page {url, referrer, title}, campaign {name, source, medium, term, content}, ip, userAgent, library, ...'),
  integrations: z.record(z.string(), z.unknown()).optional().describe('Accepted and ignored.'),
  writeKey: z.string().optional().describe('The source write key, when not sent as the HTTP Basic username.'),
};

export const trackBody = z
  .object({
    ...common,
    event: z.string().describe('The action, e.g. "Signed Up".'),
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'SegmentTrack' });
export const identifyBody = z
  .object({
    ...common,
    traits: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('email, firstName, lastName, name, phone, title update the contact (blanks never erase).'),
  })
  .meta({ id: 'SegmentIdentify' });
export const pageBody = z
  .object({
    ...common,
    name: z.string().optional(),
    properties: z.record(z.string(), z.unknown()).optional().describe('url, path, referrer, title, search'),
  })
  .meta({ id: 'SegmentPage' });
export const screenBody = z
  .object({ ...common, name: z.string().optional(), properties: z.record(z.string(), z.unknown()).optional() })
  .meta({ id: 'SegmentScreen' });
export const groupBody = z
  .object({
    ...common,
    groupId: id,
    traits: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('domain or website finds (or creates) the account; name names a new one.'),
  })
  .meta({ id: 'SegmentGroup' });
export const aliasBody = z
  .object({ ...common, userId: id, previousId: id.describe('The earlier id (often the anonymousId) of the same person.') })
  .meta({ id: 'SegmentAlias' });
export const batchBody = z
  .object({
    batch: z
      .array(z.record(z.string(), z.unknown()))
      .describe(
        "Messages, each with `type` (track, identify, page, screen, group, alias) and that type's fields. At most 500 KB in all, 32 KB each.",
      ),
    context: z.record(z.string(), z.unknown()).optional().describe("Merged into every message's context."),
    writeKey: z.string().optional(),
    sentAt: z.string().optional(),
  })
  .meta({ id: 'SegmentBatch' });

export const acceptedSchema = z
  .object({
    success: z.literal(true),
    rejected: z
      .array(
        z.object({
          index: z.number().int().describe('Position in `batch`.'),
          messageId: z.string().nullable(),
          errors: z.array(z.object({ path: z.string(), message: z.string() })),
        }),
      )
      .optional()
      .describe('Batch only: the messages that were not stored and why. The others were stored.'),
  })
  .meta({ id: 'SegmentAccepted' });
