// Editing a pipeline's stages. Rules kept here: every pipeline keeps at least one won and one lost
// stage; names are unique within a pipeline (imports map stages by name); a stage's type only
// changes while it holds no deals (their status, closed_at and reasons follow from it); deleting a
// stage with deals moves them, through moveDeals so each move lands in stage history.
import { sql } from 'kysely';
import type { Trx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { StageType } from '../db-schema.ts';
import { moveDeals } from '../deals/move-deal.ts';
import type { CreateStage, Pipeline, UpdateStage } from './pipelines.schemas.ts';
import { countDealsInStage, findLiveStage, findPipeline } from './pipelines.store.ts';
import { defaultProbability } from './write-pipelines.ts';

async function livePipeline(trx: Trx, workspaceId: string, pipelineId: string): Promise<Pipeline> {
  // lock the pipeline row so two stage edits of one pipeline apply one after the other
  const locked = await trx
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', pipelineId)
    .where('archived_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw AppError.notFound('Pipeline', pipelineId);
  return (await findPipeline(trx, workspaceId, pipelineId))!;
}

function stageOf(pipeline: Pipeline, stageId: string) {
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw AppError.notFound('Stage', stageId);
  return stage;
}

function assertNameFree(pipeline: Pipeline, name: string, selfId?: string) {
  if (pipeline.stages.some((s) => s.id !== selfId && s.name.toLowerCase() === name.toLowerCase())) {
    throw AppError.invalid('name', 'is already used by another stage of this pipeline', 'already_exists');
  }
}

function assertKeepsClosedStages(pipeline: Pipeline, without: string, becomes?: StageType) {
  const types = pipeline.stages.map((s) => (s.id === without ? becomes : s.type));
  for (const kind of ['won', 'lost'] as const) {
    if (!types.includes(kind)) {
      throw new AppError('conflict', `A pipeline needs at least one ${kind} stage.`, [
        { path: becomes ? 'type' : 'stageId', message: `this is the pipeline's only ${kind} stage` },
      ]);
    }
  }
}

async function touch(trx: Trx, workspaceId: string, pipelineId: string) {
  await trx
    .updateTable('pipelines')
    .set({ updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', pipelineId)
    .execute();
}

export async function createStage(trx: Trx, workspaceId: string, pipelineId: string, input: CreateStage): Promise<Pipeline> {
  const pipeline = await livePipeline(trx, workspaceId, pipelineId);
  assertNameFree(pipeline, input.name);
  if (pipeline.stages.length >= 30) throw AppError.invalid('name', 'a pipeline has at most 30 stages');
  const ordered = pipeline.stages.map((s) => s.id);
  const at = Math.min(input.position ?? ordered.length, ordered.length);
  const type = input.type ?? 'open';
  const row = await trx
    .insertInto('pipeline_stages')
    .values({
      workspace_id: workspaceId,
      pipeline_id: pipelineId,
      name: input.name,
      type,
      probability: input.probability ?? defaultProbability(type),
      position: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ordered.splice(at, 0, row.id);
  await writeOrder(trx, workspaceId, ordered);
  await touch(trx, workspaceId, pipelineId);
  return (await findPipeline(trx, workspaceId, pipelineId))!;
}

export async function updateStage(
  trx: Trx,
  workspaceId: string,
  pipelineId: string,
  stageId: string,
  input: UpdateStage,
): Promise<Pipeline> {
  const pipeline = await livePipeline(trx, workspaceId, pipelineId);
  const stage = stageOf(pipeline, stageId);
  if (input.name !== undefined) assertNameFree(pipeline, input.name, stageId);
  if (input.type !== undefined && input.type !== stage.type) {
    assertKeepsClosedStages(pipeline, stageId, input.type);
    const deals = await countDealsInStage(trx, workspaceId, stageId);
    if (deals > 0) {
      throw new AppError('conflict', `This stage holds ${deals} deals; move them to another stage before changing its type.`, [
        { path: 'type', message: `cannot change while the stage holds ${deals} deals` },
      ]);
    }
  }
  await trx
    .updateTable('pipeline_stages')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.probability !== undefined ? { probability: input.probability } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', stageId)
    .execute();
  await touch(trx, workspaceId, pipelineId);
  return (await findPipeline(trx, workspaceId, pipelineId))!;
}

export async function reorderStages(trx: Trx, workspaceId: string, pipelineId: string, stageIds: string[]): Promise<Pipeline> {
  const pipeline = await livePipeline(trx, workspaceId, pipelineId);
  const live = new Set(pipeline.stages.map((s) => s.id));
  const given = new Set(stageIds);
  if (given.size !== stageIds.length || given.size !== live.size || stageIds.some((id) => !live.has(id))) {
    throw AppError.invalid('stageIds', `must list each of the pipeline's ${live.size} stages exactly once`);
  }
  await writeOrder(trx, workspaceId, stageIds);
  await touch(trx, workspaceId, pipelineId);
  return (await findPipeline(trx, workspaceId, pipelineId))!;
}

async function writeOrder(trx: Trx, workspaceId: string, stageIds: string[]) {
  await sql`
    UPDATE pipeline_stages s SET position = o.ord - 1, updated_at = now()
    FROM unnest(${stageIds}::uuid[]) WITH ORDINALITY AS o(id, ord)
    WHERE s.workspace_id = ${workspaceId} AND s.id = o.id AND s.position <> o.ord - 1`.execute(trx);
}

/**
 * Archives a stage. When it holds deals, `moveDealsTo` names where they go: an open stage, or a
 * stage of the same kind (won deals to another won stage keep their reason). Returns how many moved.
 */
export async function deleteStage(
  trx: Trx,
  workspaceId: string,
  pipelineId: string,
  stageId: string,
  moveDealsTo: string | undefined,
  by: string | null,
): Promise<{ movedDeals: number }> {
  const pipeline = await livePipeline(trx, workspaceId, pipelineId);
  const stage = stageOf(pipeline, stageId);
  if (pipeline.stages.length <= 1) throw AppError.invalid('stageId', 'a pipeline needs at least one stage');
  assertKeepsClosedStages(pipeline, stageId);
  const dealIds = (
    await trx.selectFrom('deals').select('id').where('workspace_id', '=', workspaceId).where('stage_id', '=', stageId).forUpdate().execute()
  ).map((d) => d.id);
  let moved = 0;
  if (dealIds.length > 0) {
    if (!moveDealsTo) {
      throw new AppError('conflict', `This stage holds ${dealIds.length} deals; say which stage they move to (moveDealsTo).`, [
        { path: 'moveDealsTo', message: `is required: the stage holds ${dealIds.length} deals` },
      ]);
    }
    if (moveDealsTo === stageId) throw AppError.invalid('moveDealsTo', 'must be another stage than the one being deleted');
    const target = await findLiveStage(trx, workspaceId, moveDealsTo);
    if (!target) throw AppError.invalid('moveDealsTo', 'no such stage in this workspace');
    if (target.type !== 'open' && target.type !== stage.type) {
      throw AppError.invalid(
        'moveDealsTo',
        `is a ${target.type} stage; deals from a ${stage.type} stage can go to an open stage or another ${stage.type} stage`,
      );
    }
    moved = await moveDeals(trx, workspaceId, dealIds, target, { by });
  }
  await trx
    .updateTable('pipeline_stages')
    .set({ archived_at: sql`now()`, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', stageId)
    .execute();
  await writeOrder(
    trx,
    workspaceId,
    pipeline.stages.filter((s) => s.id !== stageId).map((s) => s.id),
  );
  await touch(trx, workspaceId, pipelineId);
  return { movedDeals: moved };
}
