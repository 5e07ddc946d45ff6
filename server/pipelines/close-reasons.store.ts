// The configurable win/loss reasons. Deleting archives: closed deals keep pointing at their reason.
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { CloseReason, CreateCloseReason, UpdateCloseReason } from './close-reasons.schemas.ts';

function selectReasons(db: DbOrTrx, workspaceId: string) {
  return db
    .selectFrom('close_reasons')
    .select(['id', 'kind', 'label', 'position'])
    .where('workspace_id', '=', workspaceId)
    .where('archived_at', 'is', null)
    .orderBy('kind', 'desc') // won first
    .orderBy('position')
    .orderBy('label');
}

export async function listCloseReasons(db: DbOrTrx, workspaceId: string, kind?: 'won' | 'lost'): Promise<CloseReason[]> {
  let q = selectReasons(db, workspaceId);
  if (kind) q = q.where('kind', '=', kind);
  return q.execute();
}

export async function findCloseReason(db: DbOrTrx, workspaceId: string, id: string): Promise<CloseReason | undefined> {
  return selectReasons(db, workspaceId).where('id', '=', id).executeTakeFirst();
}

async function assertLabelFree(trx: Trx, workspaceId: string, kind: string, label: string, selfId?: string) {
  let q = trx
    .selectFrom('close_reasons')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind as 'won' | 'lost')
    .where('archived_at', 'is', null)
    .where(sql`lower(label)`, '=', label.toLowerCase());
  if (selfId) q = q.where('id', '<>', selfId);
  if (await q.executeTakeFirst()) throw AppError.invalid('label', `is already a ${kind} reason`, 'already_exists');
}

export async function createCloseReason(trx: Trx, workspaceId: string, input: CreateCloseReason): Promise<CloseReason> {
  await assertLabelFree(trx, workspaceId, input.kind, input.label);
  const { next } = await trx
    .selectFrom('close_reasons')
    .select(sql<number>`coalesce(max(position) + 1, 0)`.as('next'))
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', input.kind)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('close_reasons')
    .values({ workspace_id: workspaceId, kind: input.kind, label: input.label, position: input.position ?? Number(next) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findCloseReason(trx, workspaceId, row.id))!;
}

export async function updateCloseReason(trx: Trx, workspaceId: string, id: string, input: UpdateCloseReason): Promise<CloseReason> {
  const current = await findCloseReason(trx, workspaceId, id);
  if (!current) throw AppError.notFound('Close reason', id);
  if (input.label !== undefined) await assertLabelFree(trx, workspaceId, current.kind, input.label, id);
  await trx
    .updateTable('close_reasons')
    .set({
      ...(input.label !== undefined ? { label: input.label } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  return (await findCloseReason(trx, workspaceId, id))!;
}

export async function archiveCloseReason(db: DbOrTrx, workspaceId: string, id: string): Promise<void> {
  const r = await db
    .updateTable('close_reasons')
    .set({ archived_at: sql`now()`, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw AppError.notFound('Close reason', id);
}
