// The one shape every event has inside tracking, whether it came through the Segment-compatible
// /v1 API (via the inbox, as JSON) or from server code (recordServerEvents). Times are ISO strings so
// the shape survives the inbox's jsonb unchanged.
import type { EventType } from '../db-schema.ts';

export interface TrackedEvent {
  type: EventType;
  messageId: string;
  /** When it happened (Segment `timestamp`); the partition key. */
  timestamp: string;
  receivedAt: string;
  sourceId: string | null;
  anonymousId: string | null;
  userId: string | null;
  /** Server events only: a contact the caller already resolved. */
  contactId?: string | null;
  /** track: the event name; page/screen: the page name. */
  event: string | null;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
  groupId: string | null;
  previousId: string | null;
}

/** Segment's well-known names for the events that become touches. */
export const FORM_SUBMITTED = 'Form Submitted';
export const EMAIL_LINK_CLICKED = 'Email Link Clicked';

export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** The page an event happened on: properties first (analytics.js page calls), then context.page. */
export function pageOf(e: TrackedEvent): { url: string | null; referrer: string | null; title: string | null; path: string | null } {
  const page = asRecord(e.context.page);
  const props = e.type === 'page' ? e.properties : {};
  return {
    url: asText(props.url) ?? asText(page.url),
    referrer: asText(props.referrer) ?? asText(page.referrer),
    title: asText(props.title) ?? asText(page.title),
    path: asText(props.path) ?? asText(page.path),
  };
}

/** UTM values as Segment's libraries send them (context.campaign.name is utm_campaign). */
export function campaignOf(e: TrackedEvent): {
  source?: string | null;
  medium?: string | null;
  campaign?: string | null;
  content?: string | null;
  term?: string | null;
} {
  const c = asRecord(e.context.campaign);
  return {
    source: asText(c.source) ?? asText(c.utm_source),
    medium: asText(c.medium) ?? asText(c.utm_medium),
    campaign: asText(c.name) ?? asText(c.campaign) ?? asText(c.utm_campaign),
    content: asText(c.content) ?? asText(c.utm_content),
    term: asText(c.term) ?? asText(c.utm_term),
  };
}

/** Key that groups a visitor's page views into visits: the browser, or the user id without one. */
export function visitorOf(e: Pick<TrackedEvent, 'anonymousId' | 'userId'>): string | null {
  return e.anonymousId ?? (e.userId ? `user:${e.userId}` : null);
}
