// "My work": one member's open tasks and meetings in three buckets. Overdue: tasks due before now.
// Today: tasks due later today and meetings starting today. Upcoming: later tasks (then tasks with
// no due date) and later meetings. One statement buckets, counts and ranks everything, reading only
// the open-task and meeting indexes; the page of each bucket is then loaded by id.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { Activity } from './activities.schemas.ts';
import { findActivities } from './activities.store.ts';

export type Bucket = 'overdue' | 'today' | 'upcoming';

export interface MyWork {
  assigneeId: string;
  overdue: Activity[];
  today: Activity[];
  upcoming: Activity[];
  counts: Record<Bucket, number>;
}

export interface MyWorkWindow {
  now: Date;
  /** Start and end of the member's today. */
  start: Date;
  end: Date;
}

export async function loadMyWork(db: DbOrTrx, workspaceId: string, userId: string, w: MyWorkWindow, limit: number): Promise<MyWork> {
  const { rows } = await sql<{ id: string; bucket: Bucket; total: number; rn: number }>`
    WITH work AS (
      SELECT a.id, a.due_at AS at,
        CASE WHEN a.due_at < ${w.now} THEN 'overdue' WHEN a.due_at < ${w.end} THEN 'today' ELSE 'upcoming' END AS bucket
      FROM activities a
      WHERE a.workspace_id = ${workspaceId} AND a.assignee_id = ${userId}
        AND a.type = 'task' AND a.done_at IS NULL AND a.deleted_at IS NULL
      UNION ALL
      SELECT a.id, a.starts_at, CASE WHEN a.starts_at < ${w.end} THEN 'today' ELSE 'upcoming' END
      FROM activities a
      WHERE a.workspace_id = ${workspaceId} AND a.assignee_id = ${userId}
        AND a.type = 'meeting' AND a.deleted_at IS NULL AND a.starts_at >= ${w.start}
      UNION ALL
      -- meetings someone else holds that this member attends
      SELECT a.id, a.starts_at, CASE WHEN a.starts_at < ${w.end} THEN 'today' ELSE 'upcoming' END
      FROM activity_attendees t
      JOIN activities a ON a.workspace_id = t.workspace_id AND a.id = t.activity_id
      WHERE t.workspace_id = ${workspaceId} AND t.user_id = ${userId}
        AND a.assignee_id IS DISTINCT FROM ${userId}
        AND a.type = 'meeting' AND a.deleted_at IS NULL AND a.starts_at >= ${w.start}
    ),
    ranked AS (
      SELECT id, bucket, row_number() OVER (PARTITION BY bucket ORDER BY at NULLS LAST, id) AS rn,
        count(*) OVER (PARTITION BY bucket)::int AS total
      FROM work
    )
    -- the first row of each bucket carries its count even when no items are wanted (limit 0)
    SELECT id, bucket, total, rn FROM ranked WHERE rn <= greatest(${limit}::int, 1) ORDER BY bucket, rn`.execute(db);

  const counts: Record<Bucket, number> = { overdue: 0, today: 0, upcoming: 0 };
  for (const r of rows) counts[r.bucket] = r.total;
  const wanted = rows.filter((r) => r.rn <= limit);
  const activities = new Map((await findActivities(db, workspaceId, wanted.map((r) => r.id))).map((a) => [a.id, a]));
  const bucket = (b: Bucket) => wanted.filter((r) => r.bucket === b).flatMap((r) => activities.get(r.id) ?? []);
  return { assigneeId: userId, overdue: bucket('overdue'), today: bucket('today'), upcoming: bucket('upcoming'), counts };
}
