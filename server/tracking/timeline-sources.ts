// What the contact and account timelines show. Add a source to TIMELINE_SOURCES to add kinds (the
// sales issue adds activities and stage changes this way): it reads its own table, newest first,
// after the cursor, at most `limit` rows.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import { before, sortAtOf, type SortableItem, type TimelineFetch, type TimelineScope, type TimelineSource } from './timeline.ts';
import { FORM_SUBMITTED, asRecord, asText } from './tracked-event.ts';
import { activityTimelineSource } from '../activities/activity-timeline.ts';
import { recordStageChangesSource } from '../deals/timeline/record-stage-changes.source.ts';

const ref = sql.ref;

/** A visit with its page views: page views are grouped into sessions rather than listed one by one. */
const sessions: TimelineSource = {
  kinds: ['session'],
  async fetch(db, scope, opts) {
    const { rows: visits } = await sql<{
      id: string;
      contact_id: string | null;
      started_at: Date;
      last_seen_at: Date;
      page_views: number;
      landing_page: string | null;
      referrer: string | null;
      sort_at: string;
    }>`
      SELECT v.id, v.contact_id, v.started_at, v.last_seen_at, v.page_views, v.landing_page, v.referrer, ${sortAtOf(ref('v.started_at'))} AS sort_at
      FROM visits v
      WHERE v.workspace_id = ${scope.workspaceId} AND ${scope.contacts(ref('v.contact_id'))}
        AND ${before(ref('v.started_at'), ref('v.id'), opts.before)}
      ORDER BY v.started_at DESC, v.id DESC LIMIT ${opts.limit}`.execute(db);
    if (visits.length === 0) return [];
    const from = new Date(Math.min(...visits.map((v) => v.started_at.getTime())));
    const to = new Date(Math.max(...visits.map((v) => v.last_seen_at.getTime())));
    const { rows: views } = await sql<{
      visit_id: string;
      occurred_at: Date;
      event: string | null;
      properties: Record<string, unknown>;
      context: Record<string, unknown>;
    }>`
      SELECT e.visit_id, e.occurred_at, e.event, e.properties, e.context FROM events e
      WHERE e.workspace_id = ${scope.workspaceId} AND ${scope.contacts(ref('e.contact_id'))}
        AND e.occurred_at BETWEEN ${from} AND ${to} AND e.visit_id = ANY(${visits.map((v) => v.id)}::uuid[])
        AND e.type IN ('page', 'screen')
      ORDER BY e.occurred_at LIMIT 2000`.execute(db);
    const pagesOf = new Map<string, Array<{ occurredAt: Date; url: string | null; title: string | null }>>();
    for (const v of views) {
      const page = asRecord(v.context.page);
      const list = pagesOf.get(v.visit_id) ?? [];
      list.push({
        occurredAt: v.occurred_at,
        url: asText(v.properties.url) ?? asText(page.url),
        title: asText(v.properties.title) ?? asText(page.title) ?? v.event,
      });
      pagesOf.set(v.visit_id, list);
    }
    return visits.map((v) => ({
      id: v.id,
      kind: 'session',
      occurredAt: v.started_at,
      sortAt: v.sort_at,
      contactId: v.contact_id,
      title:
        v.page_views === 1 ? `Viewed ${pathOf(v.landing_page)}` : `Visited ${v.page_views} pages, starting at ${pathOf(v.landing_page)}`,
      data: {
        pageViews: v.page_views,
        endedAt: v.last_seen_at,
        landingPage: v.landing_page,
        referrer: v.referrer,
        pages: pagesOf.get(v.id) ?? [],
      },
    }));
  },
};

const TOUCH_LABELS: Record<string, string> = { visit: 'Visit', ad_click: 'Ad click', form: 'Form submission', email_click: 'Email click' };

const touches: TimelineSource = {
  kinds: ['touch'],
  async fetch(db, scope, opts) {
    const { rows } = await sql<{
      id: string;
      contact_id: string | null;
      occurred_at: Date;
      kind: string;
      channel: string;
      source: string | null;
      medium: string | null;
      campaign_id: string | null;
      campaign: string | null;
      content: string | null;
      term: string | null;
      landing_page: string | null;
      referrer: string | null;
      click_id_type: string | null;
      visit_id: string | null;
      sort_at: string;
    }>`
      SELECT t.id, t.contact_id, t.occurred_at, t.kind, t.channel, t.source, t.medium, t.campaign_id, t.campaign, t.content, t.term,
        t.landing_page, t.referrer, t.click_id_type, t.visit_id, ${sortAtOf(ref('t.occurred_at'))} AS sort_at
      FROM touches t
      WHERE t.workspace_id = ${scope.workspaceId} AND ${scope.contacts(ref('t.contact_id'))}
        AND ${before(ref('t.occurred_at'), ref('t.id'), opts.before)}
      ORDER BY t.occurred_at DESC, t.id DESC LIMIT ${opts.limit}`.execute(db);
    return rows.map((t) => ({
      id: t.id,
      kind: 'touch',
      occurredAt: t.occurred_at,
      sortAt: t.sort_at,
      contactId: t.contact_id,
      title: [TOUCH_LABELS[t.kind] ?? t.kind, t.channel, t.campaign].filter(Boolean).join(' · '),
      data: {
        touchKind: t.kind,
        channel: t.channel,
        source: t.source,
        medium: t.medium,
        campaignId: t.campaign_id,
        campaign: t.campaign,
        content: t.content,
        term: t.term,
        landingPage: t.landing_page,
        referrer: t.referrer,
        clickIdType: t.click_id_type,
        visitId: t.visit_id,
      },
    }));
  },
};

/** Track events (form submissions apart) and identify calls. */
const events: TimelineSource = {
  kinds: ['form_submission', 'event', 'identify'],
  async fetch(db, scope, opts) {
    const kinds = [
      opts.kinds.has('identify') ? sql`e.type = 'identify'` : null,
      opts.kinds.has('form_submission') ? sql`(e.type = 'track' AND e.event = ${FORM_SUBMITTED})` : null,
      opts.kinds.has('event') ? sql`(e.type = 'track' AND e.event <> ${FORM_SUBMITTED})` : null,
    ].filter((k) => k !== null);
    const { rows } = await sql<{
      id: string;
      contact_id: string | null;
      occurred_at: Date;
      type: string;
      event: string | null;
      user_id: string | null;
      properties: Record<string, unknown>;
      traits: Record<string, unknown>;
      context: Record<string, unknown>;
      sort_at: string;
    }>`
      SELECT e.id, e.contact_id, e.occurred_at, e.type, e.event, e.user_id, e.properties, e.traits, e.context, ${sortAtOf(ref('e.occurred_at'))} AS sort_at
      FROM events e
      WHERE e.workspace_id = ${scope.workspaceId} AND ${scope.contacts(ref('e.contact_id'))}
        AND (${sql.join(kinds, sql` OR `)}) AND ${before(ref('e.occurred_at'), ref('e.id'), opts.before)}
      ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${opts.limit}`.execute(db);
    return rows.map((e): SortableItem => {
      const page = asRecord(e.context.page);
      const common = { id: e.id, occurredAt: e.occurred_at, sortAt: e.sort_at, contactId: e.contact_id };
      if (e.type === 'identify') {
        return {
          ...common,
          kind: 'identify',
          title: `Identified as ${asText(e.traits.email) ?? e.user_id ?? 'a known visitor'}`,
          data: { userId: e.user_id, traits: e.traits },
        };
      }
      if (e.event === FORM_SUBMITTED) {
        const form = asText(e.properties.formName) ?? asText(e.properties.form_name) ?? 'a form';
        return {
          ...common,
          kind: 'form_submission',
          title: `Submitted ${form}`,
          data: { name: e.event, properties: e.properties, page: { url: asText(page.url), title: asText(page.title) } },
        };
      }
      return {
        ...common,
        kind: 'event',
        title: e.event ?? 'Event',
        data: { name: e.event, properties: e.properties, page: { url: asText(page.url), title: asText(page.title) } },
      };
    });
  },
};

const notes: TimelineSource = {
  kinds: ['note'],
  async fetch(db: DbOrTrx, scope: TimelineScope, opts: TimelineFetch) {
    const own = scope.accountId ? sql`OR n.account_id = ${scope.accountId}::uuid` : sql``;
    const { rows } = await sql<{
      id: string;
      contact_id: string | null;
      created_at: Date;
      body: string;
      author_id: string | null;
      author_name: string | null;
      sort_at: string;
    }>`
      SELECT n.id, n.contact_id, n.created_at, n.body, n.author_id, u.name AS author_name, ${sortAtOf(ref('n.created_at'))} AS sort_at
      FROM notes n LEFT JOIN users u ON u.id = n.author_id
      WHERE n.workspace_id = ${scope.workspaceId} AND n.deleted_at IS NULL AND (${scope.contacts(ref('n.contact_id'))} ${own})
        AND ${before(ref('n.created_at'), ref('n.id'), opts.before)}
      ORDER BY n.created_at DESC, n.id DESC LIMIT ${opts.limit}`.execute(db);
    return rows.map((n) => ({
      id: n.id,
      kind: 'note',
      occurredAt: n.created_at,
      sortAt: n.sort_at,
      contactId: n.contact_id,
      title: firstLine(n.body),
      data: { body: n.body, author: n.author_id ? { id: n.author_id, name: n.author_name ?? 'Unknown' } : null },
    }));
  },
};

export const TIMELINE_SOURCES: TimelineSource[] = [sessions, touches, events, notes, activityTimelineSource, recordStageChangesSource];

function pathOf(url: string | null): string {
  if (!url) return 'an unknown page';
  try {
    return new URL(url).pathname || '/';
  } catch {
    return url.slice(0, 100);
  }
}

function firstLine(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
