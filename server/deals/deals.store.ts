// SQL for deals. Every function takes the db or a transaction first and filters by workspace. A deal
// is read with its stage (name, type, probability), its account's name and its close reason's label.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import { DEAL_STATUSES, DEAL_TYPES, FORECAST_CATEGORIES, type Deal } from './deals.schemas.ts';

export const dealListSpec: ListSpec = {
  alias: 'd',
  defaultSort: '-createdAt',
  searchColumn: 'search_text',
  fields: {
    id: { column: 'id', kind: 'uuid' },
    name: { column: 'name', kind: 'text', sortable: true },
    pipelineId: { column: 'pipeline_id', kind: 'uuid' },
    stageId: { column: 'stage_id', kind: 'uuid' },
    status: { column: 'status', kind: 'enum', values: DEAL_STATUSES },
    amount: { column: 'amount', kind: 'number', sortable: true },
    currency: { column: 'currency', kind: 'text' },
    expectedCloseDate: { column: 'expected_close_date', kind: 'day', sortable: true, nullable: true },
    ownerId: { column: 'owner_id', kind: 'uuid', nullable: true },
    accountId: { column: 'account_id', kind: 'uuid', nullable: true },
    sourceCampaignId: { column: 'source_campaign_id', kind: 'uuid', nullable: true },
    forecastCategory: { column: 'forecast_category', kind: 'enum', values: FORECAST_CATEGORIES },
    closeReasonId: { column: 'close_reason_id', kind: 'uuid', nullable: true },
    dealType: { column: 'deal_type', kind: 'enum', values: DEAL_TYPES },
    parentDealId: { column: 'parent_deal_id', kind: 'uuid', nullable: true },
    renewalDate: { column: 'renewal_date', kind: 'day', sortable: true, nullable: true },
    closedAt: { column: 'closed_at', kind: 'date', sortable: true, nullable: true },
    stageChangedAt: { column: 'stage_changed_at', kind: 'date', sortable: true },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
    updatedAt: { column: 'updated_at', kind: 'date', sortable: true },
  },
};

export function selectDeals(db: DbOrTrx, workspaceId: string) {
  return db
    .selectFrom('deals as d')
    .innerJoin('pipeline_stages as s', (j) => j.onRef('s.workspace_id', '=', 'd.workspace_id').onRef('s.id', '=', 'd.stage_id'))
    .leftJoin('accounts as a', (j) => j.onRef('a.workspace_id', '=', 'd.workspace_id').onRef('a.id', '=', 'd.account_id'))
    .leftJoin('close_reasons as r', (j) => j.onRef('r.workspace_id', '=', 'd.workspace_id').onRef('r.id', '=', 'd.close_reason_id'))
    .select([
      'd.id',
      'd.name',
      'd.pipeline_id',
      'd.stage_id',
      's.name as stage_name',
      's.type as stage_type',
      's.probability',
      'd.status',
      'd.amount',
      'd.amount_from_line_items',
      'd.currency',
      sql<string | null>`d.expected_close_date::text`.as('expected_close_date'),
      'd.owner_id',
      'd.account_id',
      'a.name as account_name',
      'a.deleted_at as account_deleted_at',
      'd.source_campaign_id',
      'd.forecast_category',
      'd.close_reason_id',
      'r.label as close_reason_label',
      'd.close_note',
      'd.closed_at',
      'd.stage_changed_at',
      'd.deal_type',
      'd.parent_deal_id',
      sql<string | null>`d.renewal_date::text`.as('renewal_date'),
      'd.created_at',
      'd.updated_at',
    ])
    .where('d.workspace_id', '=', workspaceId);
}

type DealRow = Awaited<ReturnType<ReturnType<typeof selectDeals>['executeTakeFirstOrThrow']>>;

export function toDeal(r: DealRow): Deal {
  const amount = Number(r.amount);
  return {
    id: r.id,
    name: r.name,
    pipelineId: r.pipeline_id,
    stageId: r.stage_id,
    stage: { id: r.stage_id, name: r.stage_name, type: r.stage_type, probability: r.probability },
    status: r.status,
    amount,
    weightedAmount: Math.round(amount * r.probability) / 100,
    amountFromLineItems: r.amount_from_line_items,
    currency: r.currency,
    expectedCloseDate: r.expected_close_date,
    ownerId: r.owner_id,
    accountId: r.account_id,
    account: r.account_id && r.account_name && !r.account_deleted_at ? { id: r.account_id, name: r.account_name } : null,
    sourceCampaignId: r.source_campaign_id,
    forecastCategory: r.forecast_category,
    closeReasonId: r.close_reason_id,
    closeReasonLabel: r.close_reason_label ?? null,
    closeNote: r.close_note,
    closedAt: r.closed_at,
    stageChangedAt: r.stage_changed_at,
    dealType: r.deal_type,
    parentDealId: r.parent_deal_id,
    renewalDate: r.renewal_date,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listDeals(db: DbOrTrx, workspaceId: string, list: CompiledList) {
  let q = selectDeals(db, workspaceId).select(list.sortValue.as('_sort')).where('d.deleted_at', 'is', null);
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  return { data: rows.slice(0, list.limit).map(toDeal), nextCursor: list.nextCursor(rows) };
}

export async function countDeals(db: DbOrTrx, workspaceId: string, list: CompiledList): Promise<number> {
  let q = db
    .selectFrom('deals as d')
    .select(sql<number>`count(*)`.as('n'))
    .where('d.workspace_id', '=', workspaceId)
    .where('d.deleted_at', 'is', null);
  for (const w of list.where) q = q.where(w);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function findDeal(
  db: DbOrTrx,
  workspaceId: string,
  id: string,
  opts: { withDeleted?: boolean } = {},
): Promise<Deal | undefined> {
  let q = selectDeals(db, workspaceId).where('d.id', '=', id);
  if (!opts.withDeleted) q = q.where('d.deleted_at', 'is', null);
  const row = await q.executeTakeFirst();
  return row && toDeal(row);
}

export async function findDealsByIds(db: DbOrTrx, workspaceId: string, ids: string[]): Promise<Deal[]> {
  if (ids.length === 0) return [];
  return (await selectDeals(db, workspaceId).where('d.id', 'in', ids).where('d.deleted_at', 'is', null).execute()).map(toDeal);
}

/** The live deal's id, locked for the rest of the transaction; undefined when it does not exist. */
export async function lockDeal(db: DbOrTrx, workspaceId: string, id: string) {
  return db
    .selectFrom('deals')
    .select(['id', 'status', 'amount_from_line_items', 'account_id', 'currency'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}
