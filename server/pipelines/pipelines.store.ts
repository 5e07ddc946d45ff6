// SQL for pipelines and their stages. Archived pipelines and stages are invisible here; stage
// history still points at them (server/deals reads those by id).
import type { DbOrTrx } from '../platform/db.ts';
import type { Pipeline, Stage } from './pipelines.schemas.ts';

function selectStages(db: DbOrTrx, workspaceId: string) {
  return db
    .selectFrom('pipeline_stages')
    .select(['id', 'pipeline_id', 'name', 'position', 'probability', 'type'])
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('id');
}

type StageRow = Awaited<ReturnType<ReturnType<typeof selectStages>['execute']>>[number];

const toStage = (r: StageRow): Stage => ({
  id: r.id,
  pipelineId: r.pipeline_id,
  name: r.name,
  position: r.position,
  probability: r.probability,
  type: r.type,
});

export async function listPipelines(db: DbOrTrx, workspaceId: string, onlyId?: string): Promise<Pipeline[]> {
  let pq = db
    .selectFrom('pipelines')
    .select(['id', 'name', 'position', 'is_default', 'created_at', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .orderBy('position')
    .orderBy('created_at');
  if (onlyId) pq = pq.where('id', '=', onlyId);
  const pipelines = await pq.execute();
  if (pipelines.length === 0) return [];
  const stages = await selectStages(db, workspaceId)
    .where(
      'pipeline_id',
      'in',
      pipelines.map((p) => p.id),
    )
    .execute();
  return pipelines.map((p) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    isDefault: p.is_default,
    stages: stages.filter((s) => s.pipeline_id === p.id).map(toStage),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  }));
}

export async function findPipeline(db: DbOrTrx, workspaceId: string, id: string): Promise<Pipeline | undefined> {
  return (await listPipelines(db, workspaceId, id))[0];
}

/** A live stage of a live pipeline, by id. */
export async function findLiveStage(db: DbOrTrx, workspaceId: string, stageId: string): Promise<Stage | undefined> {
  const row = await selectStages(db, workspaceId)
    .where('id', '=', stageId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('pipelines as p')
          .select('p.id')
          .whereRef('p.workspace_id', '=', 'pipeline_stages.workspace_id')
          .whereRef('p.id', '=', 'pipeline_stages.pipeline_id')
          .where('p.archived_at', 'is', null),
      ),
    )
    .executeTakeFirst();
  return row && toStage(row);
}

export async function defaultPipelineId(db: DbOrTrx, workspaceId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .orderBy('is_default', 'desc')
    .orderBy('position')
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id;
}

/** Deals in a stage, deleted ones included (a restored deal must not land in an archived stage). */
export async function countDealsInStage(db: DbOrTrx, workspaceId: string, stageId: string): Promise<number> {
  const row = await db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('stage_id', '=', stageId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
