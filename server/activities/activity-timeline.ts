// Activities on the contact and account timelines (kind `activity`, `data.activityType` the type).
// A contact's timeline has the activities logged on the contact and the meetings they attended; an
// account's also those logged on the account itself and on any of its contacts. Each branch pages on
// its own index (newest first, after the cursor) and the union keeps the newest `limit`.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import { before, sortAtOf, type SortableItem, type TimelineFetch, type TimelineSource } from '../tracking/timeline.ts';
import type { Activity } from './activities.schemas.ts';
import { findActivities } from './activities.store.ts';

const ref = sql.ref;

const OUTCOME_LABELS: Record<string, string> = {
  connected: 'connected',
  left_voicemail: 'left voicemail',
  no_answer: 'no answer',
  busy: 'busy',
  wrong_number: 'wrong number',
  gatekeeper: 'reached a gatekeeper',
};

export function activityTitle(a: Activity): string {
  const who = a.contact?.name ?? a.account?.name ?? a.deal?.name;
  switch (a.type) {
    case 'task':
      return `Task: ${a.subject ?? 'Untitled'}`;
    case 'call': {
      const head = a.subject ?? `${a.direction === 'inbound' ? 'Call from' : 'Call with'} ${who ?? 'someone'}`;
      return a.outcome ? `${head} (${OUTCOME_LABELS[a.outcome]})` : head;
    }
    case 'meeting':
      return `Meeting: ${a.subject ?? 'Untitled'}`;
    case 'email':
      return a.subject ?? `${a.direction === 'inbound' ? 'Email from' : 'Email to'} ${who ?? 'someone'}`;
  }
}

export function toTimelineItem(a: Activity, sortAt: string): SortableItem {
  return {
    id: a.id,
    kind: 'activity',
    occurredAt: a.occurredAt,
    sortAt,
    contactId: a.contactId,
    title: activityTitle(a),
    data: { activityType: a.type, ...a },
  };
}

/** Which activities belong to a timeline: conditions on activities `a` and on attendees `t`. */
export interface ActivityTimelineScope {
  workspaceId: string;
  /** Activities whose contact column matches, and meetings with an attendee that matches. */
  contacts: ((column: RawBuilder<unknown>) => RawBuilder<boolean>) | null;
  accountId: string | null;
  dealId: string | null;
}

/** One page of activities for a timeline, newest first, as timeline items. */
export async function fetchActivityItems(db: DbOrTrx, scope: ActivityTimelineScope, opts: Omit<TimelineFetch, 'kinds'>): Promise<SortableItem[]> {
  const ws = scope.workspaceId;
  const live = (alias: string) => sql`${ref(`${alias}.workspace_id`)} = ${ws} AND ${ref(`${alias}.deleted_at`)} IS NULL
    AND ${before(ref(`${alias}.timeline_at`), ref(`${alias}.id`), opts.before)}`;
  const page = sql`ORDER BY timeline_at DESC, id DESC LIMIT ${opts.limit}`;
  const branches: RawBuilder<unknown>[] = [];
  if (scope.contacts) {
    branches.push(sql`(SELECT a.id, a.timeline_at FROM activities a WHERE ${live('a')} AND ${scope.contacts(ref('a.contact_id'))} ${page})`);
    branches.push(sql`(SELECT a.id, a.timeline_at FROM activity_attendees t
      JOIN activities a ON a.workspace_id = t.workspace_id AND a.id = t.activity_id
      WHERE t.workspace_id = ${ws} AND ${scope.contacts(ref('t.contact_id'))} AND ${live('a')} ${page})`);
  }
  if (scope.accountId) {
    branches.push(sql`(SELECT a.id, a.timeline_at FROM activities a WHERE ${live('a')} AND a.account_id = ${scope.accountId}::uuid ${page})`);
  }
  if (scope.dealId) {
    branches.push(sql`(SELECT a.id, a.timeline_at FROM activities a WHERE ${live('a')} AND a.deal_id = ${scope.dealId}::uuid ${page})`);
  }
  if (branches.length === 0) return [];
  const { rows } = await sql<{ id: string; sort_at: string }>`
    SELECT id, ${sortAtOf(ref('u.timeline_at'))} AS sort_at
    FROM (${sql.join(branches, sql` UNION `)}) u
    ORDER BY u.timeline_at DESC, u.id DESC LIMIT ${opts.limit}`.execute(db);
  const activities = await findActivities(db, ws, rows.map((r) => r.id));
  const sortAt = new Map(rows.map((r) => [r.id, r.sort_at]));
  return activities.map((a) => toTimelineItem(a, sortAt.get(a.id)!));
}

/** The source the contact and account timelines read (server/tracking/timeline-sources.ts). */
export const activityTimelineSource: TimelineSource = {
  kinds: ['activity'],
  fetch: (db, scope, opts) => fetchActivityItems(db, { workspaceId: scope.workspaceId, contacts: scope.contacts, accountId: scope.accountId, dealId: null }, opts),
};
