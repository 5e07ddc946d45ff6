import { z } from 'zod';
import { EVENT_TYPES } from './segment-payload.ts';

export const TOUCH_KINDS = ['visit', 'form', 'email_click', 'ad_click'] as const;

export const eventSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(EVENT_TYPES),
    event: z.string().nullable().describe('track: the event name; page/screen: the page name.'),
    occurredAt: z.date(),
    receivedAt: z.date(),
    messageId: z.string(),
    sourceId: z.uuid().nullable().describe('null for events recorded by Tandem itself (form submissions).'),
    anonymousId: z.string().nullable(),
    userId: z.string().nullable(),
    contactId: z.uuid().nullable().describe('null while the visitor is anonymous.'),
    visitId: z.uuid().nullable(),
    groupId: z.string().nullable(),
    previousId: z.string().nullable(),
    properties: z.record(z.string(), z.unknown()),
    traits: z.record(z.string(), z.unknown()),
    context: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Event' });

export const touchSchema = z
  .object({
    id: z.uuid(),
    kind: z
      .enum(TOUCH_KINDS)
      .describe('visit: the first page view of a visit; ad_click: a page view with an ad click id; form; email_click.'),
    occurredAt: z.date(),
    contactId: z.uuid().nullable(),
    anonymousId: z.string().nullable(),
    channel: z.string(),
    source: z.string().nullable(),
    medium: z.string().nullable(),
    campaignId: z.uuid().nullable(),
    campaign: z.string().nullable().describe('The utm_campaign value as it arrived.'),
    content: z.string().nullable(),
    term: z.string().nullable(),
    landingPage: z.string().nullable(),
    referrer: z.string().nullable(),
    clickIdType: z.string().nullable().describe('gclid, fbclid, li_fat_id, ...'),
    eventId: z.uuid().nullable(),
    visitId: z.uuid().nullable(),
  })
  .meta({ id: 'Touch' });

export type TrackedEventOut = z.output<typeof eventSchema>;
export type Touch = z.output<typeof touchSchema>;
