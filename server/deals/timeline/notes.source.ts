// Timeline items from notes written on the deal.
import { sql } from 'kysely';
import { beforePoint, sortAt, type DealTimelineSource } from './deal-timeline.ts';

export const dealNotesSource: DealTimelineSource = {
  kinds: ['note'],
  async list(db, workspaceId, dealId, { before, limit }) {
    const rows = await db
      .selectFrom('notes as n')
      .leftJoin('users as u', 'u.id', 'n.author_id')
      .select(['n.id', 'n.body', 'n.created_at', sortAt(sql.ref('n.created_at')).as('sort_at'), 'n.author_id', 'u.name as author_name'])
      .where('n.workspace_id', '=', workspaceId)
      .where('n.deal_id', '=', dealId)
      .where('n.deleted_at', 'is', null)
      .where(beforePoint(sql.ref('n.created_at'), sql`'note:' || n.id::text`, before))
      .orderBy('n.created_at', 'desc')
      .orderBy(sql`('note:' || n.id::text) COLLATE "C"`, 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: 'note',
      occurredAt: r.created_at,
      sortAt: r.sort_at,
      title: 'Note',
      actor: r.author_id ? { id: r.author_id, name: r.author_name ?? 'Unknown' } : null,
      data: { body: r.body },
    }));
  },
};
