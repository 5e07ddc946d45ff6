// Creating and editing activities. Ids a client sends are checked against the caller's workspace
// (a 400 naming the field, never a foreign key error); an activity logged on a contact or a deal is
// also filed on their account, so the account's timeline shows its people's calls and meetings.
import { sql } from 'kysely';
import type { Trx } from '../platform/db.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { checkReferences } from '../platform/references.ts';
import { parseOrThrow } from '../platform/http.ts';
import { CREATE_SCHEMAS, TYPE_FIELDS, type Activity, type ActivityInput, type ActivityPatch } from './activities.schemas.ts';
import { findActivity } from './activities.store.ts';
import type { ActivitiesTable, ActivityType } from '../db-schema.ts';
import type { Insertable } from 'kysely';

type Refs = Pick<ActivityPatch, 'contactId' | 'accountId' | 'dealId' | 'assigneeId' | 'attendeeContactIds' | 'attendeeUserIds'>;

async function checkActivityReferences(trx: Trx, workspaceId: string, refs: Refs): Promise<void> {
  const problems: FieldError[] = await checkReferences(trx, workspaceId, {
    contactIds: [
      { path: 'contactId', id: refs.contactId },
      ...(refs.attendeeContactIds ?? []).map((id, i) => ({ path: `attendeeContactIds.${i}`, id })),
    ],
    accountIds: [{ path: 'accountId', id: refs.accountId }],
    ownerIds: [
      { path: 'assigneeId', id: refs.assigneeId },
      ...(refs.attendeeUserIds ?? []).map((id, i) => ({ path: `attendeeUserIds.${i}`, id })),
    ],
  });
  if (refs.dealId) {
    const deal = await trx
      .selectFrom('deals')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', refs.dealId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!deal) problems.push({ path: 'dealId', message: 'no such deal in this workspace' });
  }
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
}

/** The account of the contact (or else of the deal), when the client named none. */
async function inferAccount(trx: Trx, workspaceId: string, a: { contactId?: string | null; dealId?: string | null }): Promise<string | null> {
  if (a.contactId) {
    const c = await trx.selectFrom('contacts').select('account_id').where('workspace_id', '=', workspaceId).where('id', '=', a.contactId).executeTakeFirst();
    if (c?.account_id) return c.account_id;
  }
  if (a.dealId) {
    const d = await trx.selectFrom('deals').select('account_id').where('workspace_id', '=', workspaceId).where('id', '=', a.dealId).executeTakeFirst();
    if (d?.account_id) return d.account_id;
  }
  return null;
}

/** Column values for one validated input; fields of other types are null so a CHECK never trips. */
function toColumns(input: ActivityInput): Omit<Insertable<ActivitiesTable>, 'workspace_id' | 'created_by'> {
  const none = {
    due_at: null, priority: null, done_at: undefined, outcome: null, duration_seconds: null, direction: null,
    starts_at: null, ends_at: null, location: null, from_address: null, to_addresses: null, occurred_at: null,
  };
  const base = {
    ...none,
    type: input.type,
    subject: input.subject ?? null,
    body: input.body ?? null,
    contact_id: input.contactId ?? null,
    account_id: input.accountId ?? null,
    deal_id: input.dealId ?? null,
    assignee_id: input.assigneeId ?? null,
  };
  switch (input.type) {
    case 'task':
      return { ...base, due_at: input.dueAt ?? null, priority: input.priority ?? 'normal' };
    case 'call':
      return {
        ...base,
        outcome: input.outcome ?? null,
        duration_seconds: input.durationSeconds ?? null,
        direction: input.direction ?? 'outbound',
        occurred_at: input.occurredAt ?? new Date(),
      };
    case 'meeting':
      return { ...base, starts_at: input.startsAt, ends_at: input.endsAt ?? null, location: input.location ?? null };
    case 'email':
      return {
        ...base,
        direction: input.direction ?? 'outbound',
        from_address: input.fromAddress ?? null,
        to_addresses: input.toAddresses ?? [],
        occurred_at: input.occurredAt ?? new Date(),
      };
  }
}

async function replaceAttendees(trx: Trx, workspaceId: string, activityId: string, contactIds: string[] | undefined, userIds: string[] | undefined) {
  if (contactIds) {
    await trx.deleteFrom('activity_attendees').where('workspace_id', '=', workspaceId).where('activity_id', '=', activityId).where('contact_id', 'is not', null).execute();
    const unique = [...new Set(contactIds)];
    if (unique.length) {
      await trx.insertInto('activity_attendees').values(unique.map((contact_id) => ({ workspace_id: workspaceId, activity_id: activityId, contact_id, user_id: null }))).execute();
    }
  }
  if (userIds) {
    await trx.deleteFrom('activity_attendees').where('workspace_id', '=', workspaceId).where('activity_id', '=', activityId).where('user_id', 'is not', null).execute();
    const unique = [...new Set(userIds)];
    if (unique.length) {
      await trx.insertInto('activity_attendees').values(unique.map((user_id) => ({ workspace_id: workspaceId, activity_id: activityId, contact_id: null, user_id }))).execute();
    }
  }
}

export async function createActivity(trx: Trx, workspaceId: string, callerId: string | null, input: ActivityInput): Promise<Activity> {
  // an API key's creator may since have left the workspace: then the activity has no creator and
  // no default assignee
  const caller = callerId
    ? await trx.selectFrom('members').select(['user_id', 'status']).where('workspace_id', '=', workspaceId).where('user_id', '=', callerId).executeTakeFirst()
    : undefined;
  const defaultAssignee = caller?.status === 'active' ? caller.user_id : null;
  const withDefaults: ActivityInput = { ...input, assigneeId: input.assigneeId === undefined ? defaultAssignee : input.assigneeId };
  const attendees = input.type === 'meeting' ? { contactIds: input.attendeeContactIds, userIds: input.attendeeUserIds } : {};
  await checkActivityReferences(trx, workspaceId, {
    ...withDefaults,
    attendeeContactIds: attendees.contactIds,
    attendeeUserIds: attendees.userIds,
  });
  const columns = toColumns(withDefaults);
  columns.account_id ??= await inferAccount(trx, workspaceId, withDefaults);
  const { id } = await trx
    .insertInto('activities')
    .values({ ...columns, workspace_id: workspaceId, created_by: caller?.user_id ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceAttendees(trx, workspaceId, id, attendees.contactIds, attendees.userIds);
  return (await findActivity(trx, workspaceId, id))!;
}

/** The fields a type accepts, as a client would send them. */
const FIELDS_OF: Record<ActivityType, string[]> = Object.fromEntries(
  (Object.keys(TYPE_FIELDS) as ActivityType[]).map((t) => [t, ['subject', 'body', 'contactId', 'accountId', 'dealId', 'assigneeId', ...Object.keys(TYPE_FIELDS[t])]]),
) as Record<ActivityType, string[]>;

/** The stored activity as the input its type's create schema takes. */
function asInput(a: Activity): Record<string, unknown> {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const all: Record<string, unknown> = {
    type: a.type,
    subject: a.subject,
    body: a.body,
    contactId: a.contactId,
    accountId: a.accountId,
    dealId: a.dealId,
    assigneeId: a.assigneeId,
    dueAt: iso(a.dueAt),
    priority: a.priority ?? undefined,
    outcome: a.outcome,
    durationSeconds: a.durationSeconds,
    direction: a.direction ?? undefined,
    occurredAt: a.type === 'call' || a.type === 'email' ? iso(a.occurredAt) : undefined,
    startsAt: iso(a.startsAt) ?? undefined,
    endsAt: iso(a.endsAt),
    location: a.location,
    fromAddress: a.fromAddress,
    toAddresses: a.toAddresses,
  };
  return Object.fromEntries(Object.entries(all).filter(([k, v]) => (k === 'type' || FIELDS_OF[a.type].includes(k)) && v !== undefined));
}

export async function updateActivity(trx: Trx, workspaceId: string, id: string, patch: ActivityPatch): Promise<Activity> {
  const current = await findActivity(trx, workspaceId, id);
  if (!current) throw AppError.notFound('Activity', id);
  const foreign = Object.keys(patch).filter((k) => !FIELDS_OF[current.type].includes(k));
  if (foreign.length) {
    const errors = foreign.map((path) => ({ path, message: `does not apply to a ${current.type}` }));
    throw new AppError('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
  }
  // the merged activity must pass the same rules as a new one (a task keeps its subject, a meeting
  // ends after it starts, something stays attached)
  const merged = parseOrThrow(CREATE_SCHEMAS[current.type], { ...asInput(current), ...patch }, 'body') as ActivityInput;
  await checkActivityReferences(trx, workspaceId, {
    contactId: patch.contactId,
    accountId: patch.accountId,
    dealId: patch.dealId,
    assigneeId: patch.assigneeId,
    attendeeContactIds: patch.attendeeContactIds,
    attendeeUserIds: patch.attendeeUserIds,
  });
  const { type: _type, ...columns } = toColumns(merged);
  if ((patch.contactId || patch.dealId) && patch.accountId === undefined && !current.accountId) {
    columns.account_id = await inferAccount(trx, workspaceId, merged);
  }
  await trx
    .updateTable('activities')
    .set({ ...columns, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
  await replaceAttendees(trx, workspaceId, id, patch.attendeeContactIds, patch.attendeeUserIds);
  return (await findActivity(trx, workspaceId, id))!;
}
