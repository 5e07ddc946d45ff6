// A deal's stage history, oldest first: every move with who made it and when, and the deal's
// amount at the time. Read through the list machinery so a long history pages like any list.
import type { DbOrTrx } from '../platform/db.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import type { HistoryItem } from './deals.schemas.ts';

export const historyListSpec: ListSpec = {
  alias: 'h',
  defaultSort: 'changedAt',
  fields: {
    changedAt: { column: 'changed_at', kind: 'date', sortable: true },
    toStageId: { column: 'to_stage_id', kind: 'uuid' },
    fromStageId: { column: 'from_stage_id', kind: 'uuid', nullable: true },
    changedBy: { column: 'changed_by', kind: 'uuid', nullable: true },
  },
};

export async function listDealHistory(db: DbOrTrx, workspaceId: string, dealId: string, list: CompiledList) {
  let q = db
    .selectFrom('deal_stage_history as h')
    .innerJoin('pipeline_stages as ts', (j) => j.onRef('ts.workspace_id', '=', 'h.workspace_id').onRef('ts.id', '=', 'h.to_stage_id'))
    .leftJoin('pipeline_stages as fs', (j) => j.onRef('fs.workspace_id', '=', 'h.workspace_id').onRef('fs.id', '=', 'h.from_stage_id'))
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.pipeline_id',
      'h.from_stage_id',
      'fs.name as from_name',
      'fs.type as from_type',
      'h.to_stage_id',
      'ts.name as to_name',
      'ts.type as to_type',
      'h.changed_at',
      'h.changed_by',
      'u.name as changed_by_name',
      'h.amount',
      list.sortValue.as('_sort'),
    ])
    .where('h.workspace_id', '=', workspaceId)
    .where('h.deal_id', '=', dealId);
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  const data: HistoryItem[] = rows.slice(0, list.limit).map((r) => ({
    id: r.id,
    pipelineId: r.pipeline_id,
    fromStage: r.from_stage_id && r.from_name && r.from_type ? { id: r.from_stage_id, name: r.from_name, type: r.from_type } : null,
    toStage: { id: r.to_stage_id, name: r.to_name, type: r.to_type },
    changedAt: r.changed_at,
    changedBy: r.changed_by ? { id: r.changed_by, name: r.changed_by_name ?? 'Unknown' } : null,
    amount: Number(r.amount),
  }));
  return { data, nextCursor: list.nextCursor(rows) };
}
