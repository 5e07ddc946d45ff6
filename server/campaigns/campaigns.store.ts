// SQL for campaigns. Touch and contact counts come from the tracking slice's `touches` table, read for
// the page's campaigns only (one grouped query over the (workspace_id, campaign_id, occurred_at) index).
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import { campaignStatuses, type Campaign } from './campaigns.schemas.ts';

export const campaignListSpec: ListSpec = {
  alias: 'c',
  defaultSort: '-createdAt',
  searchColumn: 'search_text',
  fields: {
    name: { column: 'name', kind: 'text', sortable: true },
    utmCampaign: { column: 'name_key', kind: 'text', lowercase: true },
    channel: { column: 'channel', kind: 'text', nullable: true },
    status: { column: 'status', kind: 'enum', values: campaignStatuses },
    // dates are compared as YYYY-MM-DD text (see selectCampaigns): it orders like the date and does
    // not depend on the session's time zone, as a date-to-timestamptz comparison would
    startDate: { column: 'start_date', kind: 'text', sortable: true, nullable: true },
    endDate: { column: 'end_date', kind: 'text', sortable: true, nullable: true },
    firstSeenAt: { column: 'first_seen_at', kind: 'date', sortable: true, nullable: true },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
    updatedAt: { column: 'updated_at', kind: 'date', sortable: true },
    deletedAt: { column: 'deleted_at', kind: 'date', sortable: true, nullable: true },
  },
};

function selectCampaigns(db: DbOrTrx, workspaceId: string, deleted = false) {
  const base = db
    .selectFrom('campaigns')
    .select([
      'id',
      'name',
      'name_key',
      'channel',
      'status',
      'description',
      'first_seen_at',
      'search_text',
      'created_at',
      'updated_at',
      'deleted_at',
      sql<string | null>`start_date::text`.as('start_date'),
      sql<string | null>`end_date::text`.as('end_date'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', deleted ? 'is not' : 'is', null);
  return db.selectFrom(base.as('c')).selectAll('c');
}

type CampaignRow = Awaited<ReturnType<ReturnType<typeof selectCampaigns>['executeTakeFirstOrThrow']>>;
interface TouchCounts {
  campaign_id: string;
  touch_count: number;
  contact_count: number;
  last_touch_at: Date | null;
}

async function touchCounts(db: DbOrTrx, workspaceId: string, ids: string[]): Promise<Map<string, TouchCounts>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql<TouchCounts>`
    SELECT campaign_id, count(*)::int AS touch_count, count(DISTINCT contact_id)::int AS contact_count,
           max(occurred_at) AS last_touch_at
    FROM touches
    WHERE workspace_id = ${workspaceId} AND campaign_id = ANY(${ids}::uuid[])
    GROUP BY campaign_id
  `.execute(db);
  return new Map(rows.map((r) => [r.campaign_id, r]));
}

async function withCounts(db: DbOrTrx, workspaceId: string, rows: CampaignRow[]): Promise<Campaign[]> {
  const counts = await touchCounts(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const c = counts.get(r.id);
    return {
      id: r.id,
      name: r.name,
      utmCampaign: r.name_key,
      channel: r.channel,
      status: r.status,
      startDate: r.start_date,
      endDate: r.end_date,
      description: r.description,
      firstSeenAt: r.first_seen_at,
      touchCount: c?.touch_count ?? 0,
      contactCount: c?.contact_count ?? 0,
      lastTouchAt: c?.last_touch_at ?? null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      deletedAt: r.deleted_at,
    };
  });
}

export async function listCampaigns(db: DbOrTrx, workspaceId: string, list: CompiledList, deleted = false) {
  let q = selectCampaigns(db, workspaceId, deleted).select(list.sortValue.as('_sort'));
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  return { data: await withCounts(db, workspaceId, rows.slice(0, list.limit)), nextCursor: list.nextCursor(rows) };
}

export async function countCampaigns(db: DbOrTrx, workspaceId: string, list: CompiledList, deleted = false): Promise<number> {
  let q = selectCampaigns(db, workspaceId, deleted)
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('n'));
  for (const w of list.where) q = q.where(w);
  return (await q.executeTakeFirstOrThrow()).n;
}

/** A live campaign, or with `includeDeleted` one in the trash too. */
export async function findCampaign(db: DbOrTrx, workspaceId: string, id: string, includeDeleted = false): Promise<Campaign | undefined> {
  let row = await selectCampaigns(db, workspaceId).where('c.id', '=', id).executeTakeFirst();
  if (!row && includeDeleted) row = await selectCampaigns(db, workspaceId, true).where('c.id', '=', id).executeTakeFirst();
  return row && (await withCounts(db, workspaceId, [row]))[0];
}

/** The campaign (live or deleted) that already answers to a utm_campaign key, if any. */
export async function findCampaignByKey(db: DbOrTrx, workspaceId: string, key: string) {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name', 'deleted_at'])
    .where('workspace_id', '=', workspaceId)
    .where('name_key', '=', key)
    .executeTakeFirst();
}
