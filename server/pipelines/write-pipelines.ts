// Creating, renaming, re-ordering and archiving pipelines. One live default per workspace: making a
// pipeline the default takes it from the previous one in the same transaction.
import { sql } from 'kysely';
import type { Trx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { DEFAULT_STAGES } from './default-pipeline.ts';
import type { CreatePipeline, Pipeline, UpdatePipeline } from './pipelines.schemas.ts';
import { findPipeline } from './pipelines.store.ts';

async function lockPipeline(trx: Trx, workspaceId: string, id: string) {
  const row = await trx
    .selectFrom('pipelines')
    .select(['id', 'is_default'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw AppError.notFound('Pipeline', id);
  return row;
}

async function assertNameFree(trx: Trx, workspaceId: string, name: string, selfId?: string) {
  let q = trx
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .where(sql`lower(name)`, '=', name.toLowerCase());
  if (selfId) q = q.where('id', '<>', selfId);
  if (await q.executeTakeFirst()) throw AppError.invalid('name', 'is already used by another pipeline', 'already_exists');
}

async function clearDefault(trx: Trx, workspaceId: string) {
  await trx
    .updateTable('pipelines')
    .set({ is_default: false, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('is_default', '=', true)
    .execute();
}

export async function createPipeline(trx: Trx, workspaceId: string, input: CreatePipeline): Promise<Pipeline> {
  await assertNameFree(trx, workspaceId, input.name);
  const hasDefault = await trx
    .selectFrom('pipelines')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('is_default', '=', true)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  const isDefault = input.isDefault === true || !hasDefault;
  if (isDefault) await clearDefault(trx, workspaceId);
  const { next } = await trx
    .selectFrom('pipelines')
    .select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('pipelines')
    .values({ workspace_id: workspaceId, name: input.name, position: Number(next), is_default: isDefault })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stages = input.stages ?? DEFAULT_STAGES;
  await trx
    .insertInto('pipeline_stages')
    .values(
      stages.map((s, position) => ({
        workspace_id: workspaceId,
        pipeline_id: row.id,
        name: s.name,
        position,
        type: s.type,
        probability: s.probability ?? defaultProbability(s.type),
      })),
    )
    .execute();
  return (await findPipeline(trx, workspaceId, row.id))!;
}

export function defaultProbability(type: string | undefined): number {
  return type === 'won' ? 100 : type === 'lost' ? 0 : 50;
}

export async function updatePipeline(trx: Trx, workspaceId: string, id: string, input: UpdatePipeline): Promise<Pipeline> {
  await lockPipeline(trx, workspaceId, id);
  if (input.name !== undefined) await assertNameFree(trx, workspaceId, input.name, id);
  if (input.isDefault) await clearDefault(trx, workspaceId);
  await trx
    .updateTable('pipelines')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.isDefault ? { is_default: true } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  return (await findPipeline(trx, workspaceId, id))!;
}

/**
 * Archives a pipeline. Its won and lost deals stay (they are history the forecast reads); open deals
 * would be stranded off every board, so they must be moved or closed first. The default pipeline
 * cannot go: new deals land there.
 */
export async function archivePipeline(trx: Trx, workspaceId: string, id: string): Promise<void> {
  const row = await lockPipeline(trx, workspaceId, id);
  if (row.is_default) {
    throw new AppError('conflict', 'This is the default pipeline; make another pipeline the default first.', [
      { path: 'isDefault', message: 'the default pipeline cannot be deleted' },
    ]);
  }
  const open = await trx
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('pipeline_id', '=', id)
    .where('status', '=', 'open')
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(open.n) > 0) {
    throw new AppError('conflict', `${open.n} open deals are in this pipeline; move them to another pipeline or close them first.`, [
      { path: 'id', message: `has ${open.n} open deals` },
    ]);
  }
  await trx
    .updateTable('pipelines')
    .set({ archived_at: sql`now()`, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
