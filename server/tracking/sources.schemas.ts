import { z } from 'zod';

export const sourceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    writeKey: z
      .string()
      .describe(
        'Sends events to this source: the HTTP Basic username on /v1/*, or `writeKey` in the body. Public by design, like a Segment write key.',
      ),
    installTag: z.string().describe('The one-line `<script>` tag that installs the tracking snippet on a website.'),
    apiHost: z.string().describe("Where Segment-compatible libraries send this source's events (their `host`; the path is /v1/batch)."),
    eventCount: z.number().int().describe('Events stored from this source (counted as they are processed, a few seconds behind).'),
    lastEventAt: z.date().nullable(),
    processing: z
      .object({
        waitingEvents: z.number().int().describe('Events received and stored, not yet in events, timelines and reports.'),
        oldestWaitingAt: z.date().nullable().describe('When the oldest of them arrived (null: none waits).'),
        failedEvents: z
          .number()
          .int()
          .describe('Events that could not be processed; kept in the inbox with their error for an operator to look at.'),
      })
      .describe(
        'Processing normally follows within a second. During a burst of requests it steps aside for up to TRACKING_MAX_DEFER_SECONDS (60) so that requests are answered first.',
      ),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Source' });

const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export const createSourceSchema = z.strictObject({ name }).meta({ id: 'SourceCreate' });
export const updateSourceSchema = z.strictObject({ name }).meta({ id: 'SourceUpdate' });

export type Source = z.output<typeof sourceSchema>;
