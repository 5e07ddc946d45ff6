// SQL for visits: the visits a batch's page views may continue, and writing what sessionize decided.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import { VISIT_GAP_MS, type VisitState } from './sessionize.ts';

export async function loadRecentVisits(db: DbOrTrx, ws: string, visitors: string[], earliest: number): Promise<VisitState[]> {
  if (visitors.length === 0) return [];
  const { rows } = await sql<{
    id: string;
    visitor: string;
    started_at: Date;
    last_seen_at: Date;
    page_views: number;
    landing_page: string | null;
    referrer: string | null;
  }>`
    SELECT id, visitor, started_at, last_seen_at, page_views, landing_page, referrer FROM visits
    WHERE workspace_id = ${ws} AND visitor = ANY(${visitors}::text[]) AND last_seen_at >= ${new Date(earliest - VISIT_GAP_MS)}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    visitor: r.visitor,
    startedAt: r.started_at.getTime(),
    lastSeenAt: r.last_seen_at.getTime(),
    pageViews: r.page_views,
    landingPage: r.landing_page,
    referrer: r.referrer,
  }));
}

export async function writeVisits(
  db: DbOrTrx,
  ws: string,
  created: VisitState[],
  extended: VisitState[],
  contactOfVisitor: Map<string, string>,
): Promise<void> {
  if (created.length) {
    await sql`
      INSERT INTO visits (workspace_id, id, visitor, contact_id, started_at, last_seen_at, page_views, landing_page, referrer)
      SELECT ${ws}, * FROM unnest(${created.map((v) => v.id)}::uuid[], ${created.map((v) => v.visitor)}::text[],
        ${created.map((v) => contactOfVisitor.get(v.visitor) ?? null)}::uuid[],
        ${created.map((v) => new Date(v.startedAt).toISOString())}::timestamptz[],
        ${created.map((v) => new Date(v.lastSeenAt).toISOString())}::timestamptz[], ${created.map((v) => v.pageViews)}::int[],
        ${created.map((v) => v.landingPage)}::text[], ${created.map((v) => v.referrer)}::text[])`.execute(db);
  }
  if (extended.length) {
    await sql`
      UPDATE visits v SET started_at = i.started_at, last_seen_at = i.last_seen_at, page_views = i.page_views,
        landing_page = i.landing_page, referrer = i.referrer, contact_id = coalesce(v.contact_id, i.contact_id)
      FROM unnest(${extended.map((v) => v.id)}::uuid[], ${extended.map((v) => new Date(v.startedAt).toISOString())}::timestamptz[],
        ${extended.map((v) => new Date(v.lastSeenAt).toISOString())}::timestamptz[], ${extended.map((v) => v.pageViews)}::int[],
        ${extended.map((v) => v.landingPage)}::text[], ${extended.map((v) => v.referrer)}::text[],
        ${extended.map((v) => contactOfVisitor.get(v.visitor) ?? null)}::uuid[])
        AS i(id, started_at, last_seen_at, page_views, landing_page, referrer, contact_id)
      WHERE v.workspace_id = ${ws} AND v.id = i.id`.execute(db);
  }
}
