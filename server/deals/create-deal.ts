// Creating a deal: it lands in the given stage (or the first open stage of its pipeline, or of the
// default pipeline), writes its first stage-history row (from null), and a deal created already won
// or lost needs its close reason like any move there. Imports pass `at` for a historical creation.
import { sql } from 'kysely';
import type { Trx } from '../platform/db.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import type { Stage } from '../pipelines/pipelines.schemas.ts';
import { defaultPipelineId, findLiveStage, findPipeline } from '../pipelines/pipelines.store.ts';
import type { CreateDeal, Deal } from './deals.schemas.ts';
import { findDeal } from './deals.store.ts';
import { dealReferenceErrors, failWith } from './deal-references.ts';
import { hasCloseReasons, resolveCloseReason } from './move-deal.ts';
import { markDealContactsCustomers } from './mark-customers.ts';
import { replaceDealContacts } from './deal-contacts.ts';

export interface WriteContext {
  /** The member acting (history's changed_by; default owner of a new deal). */
  by?: string | null;
  /** When it happened; now by default. */
  at?: Date | string;
}

async function resolveStage(trx: Trx, workspaceId: string, input: CreateDeal, errors: FieldError[]): Promise<Stage | undefined> {
  if (input.stageId) {
    const stage = await findLiveStage(trx, workspaceId, input.stageId);
    if (!stage) errors.push({ path: 'stageId', message: 'no such stage in this workspace' });
    else if (input.pipelineId && stage.pipelineId !== input.pipelineId)
      errors.push({ path: 'stageId', message: 'is not a stage of pipelineId' });
    return stage;
  }
  const pipelineId = input.pipelineId ?? (await defaultPipelineId(trx, workspaceId));
  const pipeline = pipelineId ? await findPipeline(trx, workspaceId, pipelineId) : undefined;
  if (!pipeline) {
    errors.push(
      input.pipelineId
        ? { path: 'pipelineId', message: 'no such pipeline in this workspace' }
        : { path: 'pipelineId', message: 'the workspace has no pipeline; create one first' },
    );
    return undefined;
  }
  return pipeline.stages.find((s) => s.type === 'open') ?? pipeline.stages[0];
}

export async function createDeal(trx: Trx, workspaceId: string, input: CreateDeal, context: WriteContext = {}): Promise<Deal> {
  const errors: FieldError[] = [];
  const stage = await resolveStage(trx, workspaceId, input, errors);
  errors.push(...(await dealReferenceErrors(trx, workspaceId, input)));
  if (input.amountFromLineItems && input.amount !== undefined) {
    errors.push({ path: 'amount', message: 'is the sum of the line items when amountFromLineItems is true; leave it out' });
  }
  let reasonId: string | null = null;
  if (stage && stage.type !== 'open') {
    try {
      reasonId = await resolveCloseReason(trx, workspaceId, stage.type, { ...input, stageId: stage.id });
      if (!reasonId && (await hasCloseReasons(trx, workspaceId, stage.type))) {
        errors.push({ path: 'closeReasonId', message: `is required for a deal in a ${stage.type} stage` });
      }
    } catch (err) {
      if (err instanceof AppError) errors.push(...err.errors);
      else throw err;
    }
  }
  if (errors.length || !stage) failWith(errors);

  const at =
    context.at === undefined
      ? sql<Date>`now()`
      : sql<Date>`${context.at instanceof Date ? context.at.toISOString() : context.at}::timestamptz`;
  const ownerId = input.ownerId !== undefined ? input.ownerId : await activeMember(trx, workspaceId, context.by);
  const closed = stage.type !== 'open';
  const row = await trx
    .insertInto('deals')
    .values({
      workspace_id: workspaceId,
      pipeline_id: stage.pipelineId,
      stage_id: stage.id,
      status: stage.type,
      name: input.name,
      amount: input.amountFromLineItems ? 0 : (input.amount ?? 0),
      amount_from_line_items: input.amountFromLineItems ?? false,
      ...(input.currency ? { currency: input.currency } : {}),
      expected_close_date: input.expectedCloseDate ?? null,
      owner_id: ownerId,
      account_id: input.accountId ?? null,
      source_campaign_id: input.sourceCampaignId ?? null,
      forecast_category: closed ? 'closed' : (input.forecastCategory ?? 'pipeline'),
      close_reason_id: closed ? reasonId : null,
      close_note: closed ? (input.closeNote ?? null) : null,
      closed_at: closed ? at : null,
      stage_changed_at: at,
      deal_type: input.dealType ?? (input.parentDealId ? 'expansion' : 'new'),
      parent_deal_id: input.parentDealId ?? null,
      renewal_date: input.renewalDate ?? null,
      created_at: at,
      // now, even for a historical creation: updated_at versions the forecast's cache
      updated_at: sql<Date>`now()`,
    })
    .returning(['id', 'amount'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('deal_stage_history')
    .values({
      workspace_id: workspaceId,
      deal_id: row.id,
      pipeline_id: stage.pipelineId,
      from_stage_id: null,
      to_stage_id: stage.id,
      changed_at: at,
      changed_by: context.by ?? null,
      amount: row.amount,
    })
    .execute();
  if (input.contacts?.length) await replaceDealContacts(trx, workspaceId, row.id, input.contacts);
  if (stage.type === 'won') await markDealContactsCustomers(trx, workspaceId, [row.id]);
  return (await findDeal(trx, workspaceId, row.id))!;
}

/** The acting user when they are an active member (API keys of removed users own nothing). */
async function activeMember(trx: Trx, workspaceId: string, userId: string | null | undefined): Promise<string | null> {
  if (!userId) return null;
  const m = await trx
    .selectFrom('members')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return m?.user_id ?? null;
}
