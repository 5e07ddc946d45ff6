// Quotas: one per rep and period, plus at most one team quota per period. A second quota for the same
// rep and period is a 409 naming the one that exists, so a client edits it instead.
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { checkReferences } from '../platform/references.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import { parsePeriod } from './period.ts';
import type { CreateQuota, Quota, UpdateQuota } from './quotas.schemas.ts';

export const quotaListSpec: ListSpec = {
  alias: 'q',
  defaultSort: 'period',
  fields: {
    ownerId: { column: 'owner_id', kind: 'uuid', nullable: true },
    period: { column: 'period', kind: 'text', sortable: true },
    amount: { column: 'amount', kind: 'number', sortable: true },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
  },
};

function selectQuotas(db: DbOrTrx, workspaceId: string) {
  return db
    .selectFrom('quotas as q')
    .leftJoin('users as u', 'u.id', 'q.owner_id')
    .select(['q.id', 'q.owner_id', 'u.name as owner_name', 'q.period', 'q.amount', 'q.created_at', 'q.updated_at'])
    .where('q.workspace_id', '=', workspaceId);
}

type QuotaRow = Awaited<ReturnType<ReturnType<typeof selectQuotas>['executeTakeFirstOrThrow']>>;

function toQuota(r: QuotaRow): Quota {
  return {
    id: r.id,
    ownerId: r.owner_id,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? 'Unknown' } : null,
    period: r.period,
    periodKind: parsePeriod(r.period)?.kind ?? 'month',
    amount: Number(r.amount),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listQuotas(db: DbOrTrx, workspaceId: string, list: CompiledList) {
  let q = selectQuotas(db, workspaceId).select(list.sortValue.as('_sort'));
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  return { data: rows.slice(0, list.limit).map(toQuota), nextCursor: list.nextCursor(rows) };
}

export async function findQuota(db: DbOrTrx, workspaceId: string, id: string): Promise<Quota | undefined> {
  const row = await selectQuotas(db, workspaceId).where('q.id', '=', id).executeTakeFirst();
  return row && toQuota(row);
}

/** The quota already set for this rep (or the team) and period, other than `exceptId`. */
async function findSameSlot(trx: Trx, workspaceId: string, ownerId: string | null, period: string, exceptId?: string) {
  let q = selectQuotas(trx, workspaceId).where('q.period', '=', period);
  q = ownerId ? q.where('q.owner_id', '=', ownerId) : q.where('q.owner_id', 'is', null);
  if (exceptId) q = q.where('q.id', '<>', exceptId);
  const row = await q.executeTakeFirst();
  return row && toQuota(row);
}

function alreadySet(existing: Quota): AppError {
  const who = existing.owner ? existing.owner.name : 'The team';
  return new AppError('already_exists', `${who} already has a quota for ${existing.period} (quota ${existing.id}); change that one instead.`, [
    { path: 'period', message: `already has a quota (${existing.id}) for ${existing.owner ? existing.owner.name : 'the team'}` },
  ]);
}

async function checkSlot(trx: Trx, workspaceId: string, ownerId: string | null, period: string, exceptId?: string) {
  if (ownerId) {
    const problems = await checkReferences(trx, workspaceId, { ownerIds: [{ path: 'ownerId', id: ownerId }] });
    if (problems.length) throw new AppError('validation_failed', problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
  }
  // the slot is locked for this transaction, so two requests cannot both find it free
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`quota:${workspaceId}:${ownerId ?? 'team'}:${period}`}))`.execute(trx);
  const existing = await findSameSlot(trx, workspaceId, ownerId, period, exceptId);
  if (existing) throw alreadySet(existing);
}

export async function createQuota(trx: Trx, workspaceId: string, input: CreateQuota): Promise<Quota> {
  const ownerId = input.ownerId ?? null;
  await checkSlot(trx, workspaceId, ownerId, input.period);
  const row = await trx
    .insertInto('quotas')
    .values({ workspace_id: workspaceId, owner_id: ownerId, period: input.period, amount: input.amount })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findQuota(trx, workspaceId, row.id))!;
}

export async function updateQuota(trx: Trx, workspaceId: string, id: string, input: UpdateQuota): Promise<Quota> {
  const current = await findQuota(trx, workspaceId, id);
  if (!current) throw AppError.notFound('Quota', id);
  const ownerId = input.ownerId !== undefined ? input.ownerId : current.ownerId;
  const period = input.period ?? current.period;
  if (ownerId !== current.ownerId || period !== current.period) await checkSlot(trx, workspaceId, ownerId, period, id);
  await trx
    .updateTable('quotas')
    .set({
      owner_id: ownerId,
      period,
      ...(input.amount !== undefined ? { amount: input.amount } : {}),
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  return (await findQuota(trx, workspaceId, id))!;
}

export async function deleteQuota(db: DbOrTrx, workspaceId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('quotas').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
