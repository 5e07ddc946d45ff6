// SQL for activities: the one select every read goes through (with the names of linked records and
// people), the list, and attendees loaded for a whole page at once.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import { ACTIVITY_TYPES, CALL_OUTCOMES, DIRECTIONS, PRIORITIES, type Activity } from './activities.schemas.ts';

export const activityListSpec: ListSpec = {
  alias: 'a',
  defaultSort: '-occurredAt',
  fields: {
    type: { column: 'type', kind: 'enum', values: ACTIVITY_TYPES },
    contactId: { column: 'contact_id', kind: 'uuid', nullable: true },
    accountId: { column: 'account_id', kind: 'uuid', nullable: true },
    dealId: { column: 'deal_id', kind: 'uuid', nullable: true },
    assigneeId: { column: 'assignee_id', kind: 'uuid', nullable: true },
    createdById: { column: 'created_by', kind: 'uuid', nullable: true },
    done: { column: 'done', kind: 'boolean' },
    priority: { column: 'priority', kind: 'enum', values: PRIORITIES, nullable: true },
    outcome: { column: 'outcome', kind: 'enum', values: CALL_OUTCOMES, nullable: true },
    direction: { column: 'direction', kind: 'enum', values: DIRECTIONS, nullable: true },
    dueAt: { column: 'due_at', kind: 'date', sortable: true, nullable: true },
    doneAt: { column: 'done_at', kind: 'date', sortable: true, nullable: true },
    startsAt: { column: 'starts_at', kind: 'date', sortable: true, nullable: true },
    occurredAt: { column: 'timeline_at', kind: 'date', sortable: true },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
    updatedAt: { column: 'updated_at', kind: 'date', sortable: true },
  },
};

const contactName = sql<string>`coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed contact')`;

export function selectActivities(db: DbOrTrx, workspaceId: string) {
  return db
    .selectFrom('activities as a')
    .leftJoin('contacts as c', (j) => j.onRef('c.workspace_id', '=', 'a.workspace_id').onRef('c.id', '=', 'a.contact_id'))
    .leftJoin('accounts as ac', (j) => j.onRef('ac.workspace_id', '=', 'a.workspace_id').onRef('ac.id', '=', 'a.account_id'))
    .leftJoin('deals as d', (j) => j.onRef('d.workspace_id', '=', 'a.workspace_id').onRef('d.id', '=', 'a.deal_id'))
    .leftJoin('users as au', 'au.id', 'a.assignee_id')
    .leftJoin('users as cu', 'cu.id', 'a.created_by')
    .selectAll('a')
    .select([contactName.as('contact_name'), 'ac.name as account_name', 'd.name as deal_name', 'au.name as assignee_name', 'cu.name as creator_name'])
    .where('a.workspace_id', '=', workspaceId)
    .where('a.deleted_at', 'is', null);
}

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>;

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? 'Unknown' } : null);

export function toActivity(r: ActivityRow, attendees: Activity['attendees'] = []): Activity {
  return {
    id: r.id,
    type: r.type,
    subject: r.subject,
    body: r.body,
    contactId: r.contact_id,
    accountId: r.account_id,
    dealId: r.deal_id,
    contact: ref(r.contact_id, r.contact_name),
    account: ref(r.account_id, r.account_name),
    deal: ref(r.deal_id, r.deal_name),
    assigneeId: r.assignee_id,
    assignee: ref(r.assignee_id, r.assignee_name),
    createdBy: ref(r.created_by, r.creator_name),
    dueAt: r.due_at,
    priority: r.priority,
    done: r.done,
    doneAt: r.done_at,
    outcome: r.outcome,
    durationSeconds: r.duration_seconds,
    direction: r.direction,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    location: r.location,
    attendees,
    fromAddress: r.from_address,
    toAddresses: r.to_addresses ?? [],
    occurredAt: r.timeline_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Attendees of many activities in two queries (contacts, members), grouped by activity. */
export async function loadAttendees(db: DbOrTrx, workspaceId: string, activityIds: string[]): Promise<Map<string, Activity['attendees']>> {
  const byActivity = new Map<string, Activity['attendees']>();
  if (activityIds.length === 0) return byActivity;
  const rows = await db
    .selectFrom('activity_attendees as t')
    .leftJoin('contacts as c', (j) => j.onRef('c.workspace_id', '=', 't.workspace_id').onRef('c.id', '=', 't.contact_id'))
    .leftJoin('users as u', 'u.id', 't.user_id')
    .select(['t.activity_id', 't.contact_id', 't.user_id', contactName.as('contact_name'), 'c.email as contact_email', 'u.name as user_name', 'u.email as user_email'])
    .where('t.workspace_id', '=', workspaceId)
    .where('t.activity_id', 'in', activityIds)
    .orderBy('t.activity_id')
    .orderBy(sql`t.user_id IS NULL`) // members first, then contacts
    .orderBy(sql`coalesce(u.name, ${contactName})`)
    .execute();
  for (const r of rows) {
    const list = byActivity.get(r.activity_id) ?? [];
    list.push(
      r.contact_id
        ? { kind: 'contact', id: r.contact_id, name: r.contact_name, email: r.contact_email }
        : { kind: 'member', id: r.user_id!, name: r.user_name ?? 'Unknown', email: r.user_email },
    );
    byActivity.set(r.activity_id, list);
  }
  return byActivity;
}

export async function toActivities(db: DbOrTrx, workspaceId: string, rows: ActivityRow[]): Promise<Activity[]> {
  const meetings = rows.filter((r) => r.type === 'meeting').map((r) => r.id);
  const attendees = await loadAttendees(db, workspaceId, meetings);
  return rows.map((r) => toActivity(r, attendees.get(r.id)));
}

export async function listActivities(db: DbOrTrx, workspaceId: string, list: CompiledList) {
  let q = selectActivities(db, workspaceId).select(list.sortValue.as('_sort'));
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  return { data: await toActivities(db, workspaceId, rows.slice(0, list.limit)), nextCursor: list.nextCursor(rows) };
}

export async function findActivity(db: DbOrTrx, workspaceId: string, id: string): Promise<Activity | undefined> {
  const row = await selectActivities(db, workspaceId).where('a.id', '=', id).executeTakeFirst();
  return row && (await toActivities(db, workspaceId, [row]))[0];
}

/** Activities by id, in the order given. */
export async function findActivities(db: DbOrTrx, workspaceId: string, ids: string[]): Promise<Activity[]> {
  if (ids.length === 0) return [];
  const rows = await selectActivities(db, workspaceId).where('a.id', 'in', ids).execute();
  const byId = new Map((await toActivities(db, workspaceId, rows)).map((a) => [a.id, a]));
  return ids.map((id) => byId.get(id)).filter((a): a is Activity => !!a);
}
