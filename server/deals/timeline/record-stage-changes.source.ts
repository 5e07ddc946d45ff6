// Deal creation and stage changes on the contact and account timelines (server/tracking/timeline.ts):
// an account sees the moves of its deals, a contact those of the deals they are on.
import { sql } from 'kysely';
import { before, sortAtOf, type TimelineSource } from '../../tracking/timeline.ts';

const ref = sql.ref;
const kindOf = sql<string>`CASE WHEN h.from_stage_id IS NULL THEN 'deal_created' ELSE 'stage_change' END`;

export const recordStageChangesSource: TimelineSource = {
  kinds: ['deal_created', 'stage_change'],
  async fetch(db, scope, opts) {
    const ofAccount = scope.accountId ? sql<boolean>`d.account_id = ${scope.accountId}::uuid` : sql<boolean>`false`;
    const kinds = ['deal_created', 'stage_change'].filter((k) => opts.kinds.has(k));
    const { rows } = await sql<{
      id: string;
      kind: string;
      changed_at: Date;
      sort_at: string;
      deal_id: string;
      deal_name: string;
      from_id: string | null;
      from_name: string | null;
      to_id: string;
      to_name: string;
      to_type: string;
      amount: number;
      changed_by: string | null;
      changed_by_name: string | null;
    }>`
      SELECT h.id, ${kindOf} AS kind, h.changed_at, ${sortAtOf(ref('h.changed_at'))} AS sort_at, d.id AS deal_id, d.name AS deal_name,
        fs.id AS from_id, fs.name AS from_name, ts.id AS to_id, ts.name AS to_name, ts.type AS to_type, h.amount,
        h.changed_by, u.name AS changed_by_name
      FROM deals d
      JOIN deal_stage_history h ON h.workspace_id = d.workspace_id AND h.deal_id = d.id
      JOIN pipeline_stages ts ON ts.workspace_id = h.workspace_id AND ts.id = h.to_stage_id
      LEFT JOIN pipeline_stages fs ON fs.workspace_id = h.workspace_id AND fs.id = h.from_stage_id
      LEFT JOIN users u ON u.id = h.changed_by
      WHERE d.workspace_id = ${scope.workspaceId} AND d.deleted_at IS NULL
        AND (${ofAccount} OR EXISTS (
          SELECT 1 FROM deal_contacts dc WHERE dc.workspace_id = d.workspace_id AND dc.deal_id = d.id AND ${scope.contacts(ref('dc.contact_id'))}))
        AND ${kindOf} = ANY(${kinds}::text[])
        AND ${before(ref('h.changed_at'), ref('h.id'), opts.before)}
      ORDER BY h.changed_at DESC, h.id DESC LIMIT ${opts.limit}`.execute(db);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      occurredAt: r.changed_at,
      sortAt: r.sort_at,
      contactId: null,
      title:
        r.kind === 'deal_created'
          ? `Deal created: ${r.deal_name}`
          : `${r.deal_name} moved from ${r.from_name ?? 'another stage'} to ${r.to_name}`,
      data: {
        dealId: r.deal_id,
        dealName: r.deal_name,
        fromStage: r.from_id ? { id: r.from_id, name: r.from_name } : null,
        toStage: { id: r.to_id, name: r.to_name, type: r.to_type },
        amount: Number(r.amount),
        changedBy: r.changed_by ? { id: r.changed_by, name: r.changed_by_name ?? 'Unknown' } : null,
      },
    }));
  },
};
