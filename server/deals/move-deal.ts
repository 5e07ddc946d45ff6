// The one path for changing a deal's stage, so stage history is never skipped (forecast conversion
// rates, time-in-stage and velocity are computed from it). Entering a won or lost stage needs a
// close reason of that kind, stamps closed_at and puts the deal in the `closed` forecast category;
// reopening clears them. Winning makes the account's and the deal's contacts customers.
import { sql } from 'kysely';
import type { Trx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { StageType } from '../db-schema.ts';
import { findLiveStage } from '../pipelines/pipelines.store.ts';
import { markDealContactsCustomers } from './mark-customers.ts';

export interface MoveDealInput {
  stageId: string;
  closeReasonId?: string | null;
  /** The reason's label instead of its id (API convenience; matched case-insensitively). */
  closeReason?: string | null;
  closeNote?: string | null;
  /** When the move happened (imports write historical moves); now by default. */
  at?: Date | string;
  /** The member who moved it, for the history row. */
  by?: string | null;
}

interface TargetStage {
  id: string;
  pipelineId: string;
  type: StageType;
}

/** Moves one live deal. 404 when it does not exist; 400 naming stageId / closeReasonId when refused. */
export async function moveDeal(trx: Trx, workspaceId: string, dealId: string, input: MoveDealInput): Promise<{ moved: boolean }> {
  const deal = await trx
    .selectFrom('deals')
    .select(['stage_id', 'status', 'close_reason_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', dealId)
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!deal) throw AppError.notFound('Deal', dealId);
  const stage = await findLiveStage(trx, workspaceId, input.stageId);
  if (!stage) throw AppError.invalid('stageId', 'no such stage in this workspace');

  let reasonId = await resolveCloseReason(trx, workspaceId, stage.type, input);
  if (stage.type !== 'open' && !reasonId) {
    // moving between two stages of the same kind (won → won) keeps the reason it closed with
    if (deal.status === stage.type && deal.close_reason_id) reasonId = deal.close_reason_id;
    else if (await hasCloseReasons(trx, workspaceId, stage.type)) {
      throw AppError.invalid('closeReasonId', `is required to move a deal to a ${stage.type} stage`);
    }
  }
  if (deal.stage_id === stage.id) {
    // not a move; still record a reason or note given for a closed deal
    if (stage.type !== 'open' && (input.closeReasonId !== undefined || input.closeReason !== undefined || input.closeNote !== undefined)) {
      await trx
        .updateTable('deals')
        .set({
          close_reason_id: reasonId ?? null,
          ...(input.closeNote !== undefined ? { close_note: input.closeNote } : {}),
          updated_at: sql`now()`,
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', dealId)
        .execute();
    }
    return { moved: false };
  }
  const moved = await moveDeals(trx, workspaceId, [dealId], stage, {
    closeReasonId: reasonId ?? null,
    closeNote: input.closeNote,
    at: input.at,
    by: input.by,
  });
  return { moved: moved > 0 };
}

/**
 * Set-based move of many deals into one stage: one UPDATE and one history INSERT in a single
 * statement. Callers check close reasons first; a deal already closed of the target's kind keeps its
 * reason and its closed_at. Deals already in the stage are left alone. Returns how many moved.
 */
export async function moveDeals(
  trx: Trx,
  workspaceId: string,
  dealIds: string[],
  stage: TargetStage,
  opts: { closeReasonId?: string | null; closeNote?: string | null; at?: Date | string; by?: string | null },
): Promise<number> {
  if (dealIds.length === 0) return 0;
  const at = opts.at === undefined ? sql`now()` : sql`${opts.at instanceof Date ? opts.at.toISOString() : opts.at}::timestamptz`;
  const closing = stage.type !== 'open';
  const reason = opts.closeReasonId ?? null;
  const note = opts.closeNote === undefined ? null : opts.closeNote;
  const keepNote = opts.closeNote === undefined;
  const result = await sql<{ id: string }>`
    WITH moved AS (
      UPDATE deals d SET
        stage_id = ${stage.id}::uuid,
        pipeline_id = ${stage.pipelineId}::uuid,
        status = ${stage.type},
        stage_changed_at = ${at},
        closed_at = CASE WHEN ${closing} THEN (CASE WHEN old.status = ${stage.type} THEN old.closed_at ELSE ${at} END) END,
        close_reason_id = CASE WHEN ${closing} THEN coalesce(${reason}::uuid, CASE WHEN old.status = ${stage.type} THEN old.close_reason_id END) END,
        close_note = CASE WHEN ${closing} THEN
          (CASE WHEN ${keepNote} AND old.status = ${stage.type} THEN old.close_note ELSE ${note}::text END) END,
        forecast_category = CASE
          WHEN ${closing} THEN 'closed'
          WHEN old.forecast_category = 'closed' THEN 'pipeline'
          ELSE old.forecast_category END,
        updated_at = now()
      FROM deals old
      WHERE d.workspace_id = ${workspaceId} AND d.id = ANY(${dealIds}::uuid[])
        AND old.workspace_id = d.workspace_id AND old.id = d.id AND old.stage_id <> ${stage.id}::uuid
      RETURNING d.id, d.pipeline_id, old.stage_id AS from_stage_id, d.amount
    )
    INSERT INTO deal_stage_history (workspace_id, deal_id, pipeline_id, from_stage_id, to_stage_id, changed_at, changed_by, amount)
    SELECT ${workspaceId}, m.id, m.pipeline_id, m.from_stage_id, ${stage.id}::uuid, ${at}, ${opts.by ?? null}::uuid, m.amount
    FROM moved m
    RETURNING deal_id AS id`.execute(trx);
  const movedIds = result.rows.map((r) => r.id);
  if (stage.type === 'won' && movedIds.length > 0) await markDealContactsCustomers(trx, workspaceId, movedIds);
  return movedIds.length;
}

/** The close reason a move names (by id or label), checked against the target stage's kind. */
export async function resolveCloseReason(trx: Trx, workspaceId: string, kind: StageType, input: MoveDealInput): Promise<string | null> {
  if (kind === 'open') return null;
  if (input.closeReasonId) {
    const r = await trx
      .selectFrom('close_reasons')
      .select('kind')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', input.closeReasonId)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!r) throw AppError.invalid('closeReasonId', 'no such close reason in this workspace');
    if (r.kind !== kind) throw AppError.invalid('closeReasonId', `is a ${r.kind} reason; this stage needs a ${kind} reason`);
    return input.closeReasonId;
  }
  if (input.closeReason) {
    const r = await trx
      .selectFrom('close_reasons')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', kind)
      .where(sql`lower(label)`, '=', input.closeReason.trim().toLowerCase())
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!r) throw AppError.invalid('closeReason', `is not one of this workspace's ${kind} reasons`);
    return r.id;
  }
  return null;
}

/** A workspace that removed every reason of a kind can still close deals (nothing to pick from). */
export async function hasCloseReasons(trx: Trx, workspaceId: string, kind: StageType): Promise<boolean> {
  const r = await trx
    .selectFrom('close_reasons')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind as 'won' | 'lost')
    .where('archived_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return !!r;
}
