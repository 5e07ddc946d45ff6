// Timeline items from stage history: the row written at creation is `deal_created`, every other
// row a `stage_change`.
import { sql } from 'kysely';
import { beforePoint, sortAt, type DealTimelineSource } from './deal-timeline.ts';

const kindExpr = sql<string>`CASE WHEN h.from_stage_id IS NULL THEN 'deal_created' ELSE 'stage_change' END`;

export const stageHistorySource: DealTimelineSource = {
  kinds: ['deal_created', 'stage_change'],
  async list(db, workspaceId, dealId, { before, limit, kinds }) {
    let q = db
      .selectFrom('deal_stage_history as h')
      .innerJoin('pipeline_stages as ts', (j) => j.onRef('ts.workspace_id', '=', 'h.workspace_id').onRef('ts.id', '=', 'h.to_stage_id'))
      .leftJoin('pipeline_stages as fs', (j) => j.onRef('fs.workspace_id', '=', 'h.workspace_id').onRef('fs.id', '=', 'h.from_stage_id'))
      .leftJoin('users as u', 'u.id', 'h.changed_by')
      .select([
        'h.id',
        kindExpr.as('kind'),
        'h.changed_at',
        sortAt(sql.ref('h.changed_at')).as('sort_at'),
        'h.from_stage_id',
        'fs.name as from_name',
        'fs.type as from_type',
        'h.to_stage_id',
        'ts.name as to_name',
        'ts.type as to_type',
        'h.changed_by',
        'u.name as changed_by_name',
        'h.amount',
      ])
      .where('h.workspace_id', '=', workspaceId)
      .where('h.deal_id', '=', dealId)
      .where(beforePoint(sql.ref('h.changed_at'), sql`${kindExpr} || ':' || h.id::text`, before))
      .orderBy('h.changed_at', 'desc')
      .orderBy(sql`(${kindExpr} || ':' || h.id::text) COLLATE "C"`, 'desc')
      .limit(limit);
    if (kinds) q = q.where(kindExpr, 'in', [...kinds]);
    const rows = await q.execute();
    return rows.map((r) => {
      const toStage = { id: r.to_stage_id, name: r.to_name, type: r.to_type };
      const actor = r.changed_by ? { id: r.changed_by, name: r.changed_by_name ?? 'Unknown' } : null;
      if (r.kind === 'deal_created') {
        return {
          id: r.id,
          kind: r.kind,
          occurredAt: r.changed_at,
          sortAt: r.sort_at,
          title: `Deal created in ${r.to_name}`,
          actor,
          data: { stage: toStage, amount: Number(r.amount) },
        };
      }
      const fromStage = r.from_stage_id ? { id: r.from_stage_id, name: r.from_name, type: r.from_type } : null;
      return {
        id: r.id,
        kind: r.kind,
        occurredAt: r.changed_at,
        sortAt: r.sort_at,
        title: `Moved from ${r.from_name ?? 'another stage'} to ${r.to_name}`,
        actor,
        data: { fromStage, toStage, amount: Number(r.amount) },
      };
    });
  },
};
