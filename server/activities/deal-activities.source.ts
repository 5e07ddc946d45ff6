// Activities logged on a deal, for the deal's timeline (server/deals/timeline/sources.ts). The deal
// timeline pages on (time, `kind:id` in byte order), so this source orders and filters the same way.
import { sql } from 'kysely';
import { beforePoint, sortAt, type DealTimelineSource } from '../deals/timeline/deal-timeline.ts';
import { findActivities } from './activities.store.ts';
import { activityTitle } from './activity-timeline.ts';

const key = sql`'activity:' || a.id::text`;

export const dealActivitiesSource: DealTimelineSource = {
  kinds: ['activity'],
  async list(db, workspaceId, dealId, { before, limit }) {
    const rows = await db
      .selectFrom('activities as a')
      .select(['a.id', sortAt(sql.ref('a.timeline_at')).as('sort_at')])
      .where('a.workspace_id', '=', workspaceId)
      .where('a.deal_id', '=', dealId)
      .where('a.deleted_at', 'is', null)
      .where(beforePoint(sql.ref('a.timeline_at'), key, before))
      .orderBy('a.timeline_at', 'desc')
      .orderBy(sql`(${key}) COLLATE "C"`, 'desc')
      .limit(limit)
      .execute();
    const sortAtOf = new Map(rows.map((r) => [r.id, r.sort_at]));
    return (await findActivities(db, workspaceId, rows.map((r) => r.id))).map((a) => ({
      id: a.id,
      kind: 'activity',
      occurredAt: a.occurredAt,
      sortAt: sortAtOf.get(a.id)!,
      title: activityTitle(a),
      actor: a.assignee ?? a.createdBy,
      data: { activityType: a.type, ...a },
    }));
  },
};
