// Set-based creation of many deals that were already checked (a CSV import's batch): one statement
// each for the deals, their stage history and their line items, whatever the batch size. Keeps the
// rules createDeal and moveDeal keep for one deal — status mirrors the stage's type, a closed deal has
// closed_at and the `closed` forecast category, history starts with a row from null, a deal that
// closed was created in an open stage and moved at its close date, winning makes the account's
// contacts customers — so a history imported from another CRM reads like one made here.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Trx } from '../platform/db.ts';
import type { DealType, StageType } from '../db-schema.ts';
import { markDealContactsCustomers } from './mark-customers.ts';

export interface NewDeal {
  name: string;
  pipelineId: string;
  /** Where the deal is now. */
  stage: { id: string; type: StageType };
  /** For a won/lost deal: the open stage it was created in (its history: created there, then closed). */
  createdInStageId?: string | null;
  amount: number;
  currency?: string | null;
  expectedCloseDate?: string | null;
  ownerId?: string | null;
  accountId?: string | null;
  dealType?: DealType | null;
  /** ISO time; now when absent. */
  createdAt?: string | null;
  /** ISO time a won/lost deal closed; its createdAt (or now) when absent. */
  closedAt?: string | null;
  closeReasonId?: string | null;
  /** One product line at the deal's amount. */
  lineItem?: { productId: string; name: string; unitPrice: number } | null;
}

/** Inserts the deals with their history and line items; returns their ids in input order. */
export async function insertDeals(trx: Trx, workspaceId: string, deals: NewDeal[], by: string | null = null): Promise<string[]> {
  if (deals.length === 0) return [];
  const ids = deals.map(() => crypto.randomUUID());
  const col = <T>(f: (d: NewDeal) => T) => deals.map(f);
  await sql`
    INSERT INTO deals (workspace_id, id, pipeline_id, stage_id, status, name, amount, currency, expected_close_date,
      owner_id, account_id, forecast_category, close_reason_id, closed_at, stage_changed_at, deal_type, created_at, updated_at)
    SELECT ${workspaceId}, t.id, t.pipeline_id, t.stage_id, t.status, t.name, t.amount, coalesce(t.currency, 'USD'), t.expected_close_date,
      t.owner_id, t.account_id,
      CASE WHEN t.status = 'open' THEN 'pipeline' ELSE 'closed' END,
      CASE WHEN t.status = 'open' THEN NULL ELSE t.close_reason_id END,
      CASE WHEN t.status = 'open' THEN NULL ELSE coalesce(t.closed_at, t.created_at, now()) END,
      CASE WHEN t.status = 'open' THEN coalesce(t.created_at, now()) ELSE coalesce(t.closed_at, t.created_at, now()) END,
      coalesce(t.deal_type, 'new'), coalesce(t.created_at, now()),
      -- now, even for a historical deal: updated_at versions the forecast's cache
      now()
    FROM unnest(${ids}::uuid[], ${col((d) => d.pipelineId)}::uuid[], ${col((d) => d.stage.id)}::uuid[], ${col((d) => d.stage.type)}::text[],
      ${col((d) => d.name)}::text[], ${col((d) => d.amount)}::numeric[], ${col((d) => d.currency ?? null)}::text[],
      ${col((d) => d.expectedCloseDate ?? null)}::date[], ${col((d) => d.ownerId ?? null)}::uuid[], ${col((d) => d.accountId ?? null)}::uuid[],
      ${col((d) => d.closeReasonId ?? null)}::uuid[], ${col((d) => d.closedAt ?? null)}::timestamptz[], ${col((d) => d.dealType ?? null)}::text[],
      ${col((d) => d.createdAt ?? null)}::timestamptz[])
      AS t(id, pipeline_id, stage_id, status, name, amount, currency, expected_close_date, owner_id, account_id,
        close_reason_id, closed_at, deal_type, created_at)`.execute(trx);

  // created (from null) in the open stage it started in, then closed: both at their own dates
  const firstStages = col((d) => (d.stage.type !== 'open' && d.createdInStageId ? d.createdInStageId : null));
  await sql`
    INSERT INTO deal_stage_history (workspace_id, deal_id, pipeline_id, from_stage_id, to_stage_id, changed_at, changed_by, amount)
    SELECT d.workspace_id, d.id, d.pipeline_id, NULL, coalesce(t.first_stage, d.stage_id), d.created_at, ${by}::uuid, d.amount
    FROM unnest(${ids}::uuid[], ${firstStages}::uuid[]) AS t(id, first_stage)
    JOIN deals d ON d.workspace_id = ${workspaceId} AND d.id = t.id
    UNION ALL
    SELECT d.workspace_id, d.id, d.pipeline_id, t.first_stage, d.stage_id, d.closed_at, ${by}::uuid, d.amount
    FROM unnest(${ids}::uuid[], ${firstStages}::uuid[]) AS t(id, first_stage)
    JOIN deals d ON d.workspace_id = ${workspaceId} AND d.id = t.id
    WHERE t.first_stage IS NOT NULL`.execute(trx);

  const withItem = deals.map((d, i) => ({ d, id: ids[i] })).filter((x) => x.d.lineItem);
  if (withItem.length) {
    await sql`
      INSERT INTO deal_line_items (workspace_id, deal_id, product_id, name, quantity, unit_price, discount_percent, position)
      SELECT ${workspaceId}, t.deal_id, t.product_id, t.name, 1, t.unit_price, 0, 0
      FROM unnest(${withItem.map((x) => x.id)}::uuid[], ${withItem.map((x) => x.d.lineItem!.productId)}::uuid[],
        ${withItem.map((x) => x.d.lineItem!.name)}::text[], ${withItem.map((x) => x.d.lineItem!.unitPrice)}::numeric[])
        AS t(deal_id, product_id, name, unit_price)`.execute(trx);
  }
  const won = ids.filter((_, i) => deals[i].stage.type === 'won');
  if (won.length) await markDealContactsCustomers(trx, workspaceId, won);
  return ids;
}
