// Reading events and touches as cursor-paginated lists (newest first by default), with the filters
// every list has, plus `filter[accountId]` (the events of the account's contacts).
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { UUID, type CompiledList, type ListQuery, type ListSpec } from '../platform/list-query.ts';
import { EVENT_TYPES } from './segment-payload.ts';
import { TOUCH_KINDS, type Touch, type TrackedEventOut } from './tracking.schemas.ts';

export const eventListSpec: ListSpec = {
  alias: 'e',
  defaultSort: '-occurredAt',
  fields: {
    type: { column: 'type', kind: 'enum', values: EVENT_TYPES },
    event: { column: 'event', kind: 'text', nullable: true },
    contactId: { column: 'contact_id', kind: 'uuid', nullable: true },
    anonymousId: { column: 'anonymous_id', kind: 'text', nullable: true },
    userId: { column: 'user_id', kind: 'text', nullable: true },
    sourceId: { column: 'source_id', kind: 'uuid', nullable: true },
    visitId: { column: 'visit_id', kind: 'uuid', nullable: true },
    messageId: { column: 'message_id', kind: 'text' },
    occurredAt: { column: 'occurred_at', kind: 'date', sortable: true },
  },
};

export const touchListSpec: ListSpec = {
  alias: 't',
  defaultSort: '-occurredAt',
  fields: {
    kind: { column: 'kind', kind: 'enum', values: TOUCH_KINDS },
    channel: { column: 'channel', kind: 'text' },
    source: { column: 'source', kind: 'text', nullable: true },
    medium: { column: 'medium', kind: 'text', nullable: true },
    campaign: { column: 'campaign', kind: 'text', nullable: true },
    campaignId: { column: 'campaign_id', kind: 'uuid', nullable: true },
    contactId: { column: 'contact_id', kind: 'uuid', nullable: true },
    anonymousId: { column: 'anonymous_id', kind: 'text', nullable: true },
    eventId: { column: 'event_id', kind: 'uuid', nullable: true },
    occurredAt: { column: 'occurred_at', kind: 'date', sortable: true },
  },
};

/** Splits `filter[accountId]` off the query: it is a join, not a column of events or touches. */
export function takeAccountFilter(query: ListQuery): { rest: ListQuery; accountId: string | null } {
  const raw = query.filter?.accountId;
  if (raw === undefined) return { rest: query, accountId: null };
  const value = typeof raw === 'string' ? raw : Array.isArray(raw) ? raw[raw.length - 1] : raw.eq;
  if (typeof value !== 'string' || !UUID.test(value))
    throw AppError.invalid('filter[accountId]', 'must be an account id (only equality is supported)');
  const { accountId: _taken, ...filter } = query.filter!;
  return { rest: { ...query, filter }, accountId: value.toLowerCase() };
}

function accountContacts(alias: string, ws: string, accountId: string | null): RawBuilder<boolean>[] {
  if (!accountId) return [];
  return [
    sql<boolean>`${sql.ref(`${alias}.contact_id`)} IN (SELECT c.id FROM contacts c
      WHERE c.workspace_id = ${ws} AND c.account_id = ${accountId}::uuid AND c.deleted_at IS NULL)`,
  ];
}

export async function listEvents(db: DbOrTrx, ws: string, list: CompiledList, accountId: string | null) {
  let q = db.selectFrom('events as e').selectAll('e').select(list.sortValue.as('_sort')).where('e.workspace_id', '=', ws);
  for (const w of [...list.where, ...accountContacts('e', ws, accountId)]) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  const data: TrackedEventOut[] = rows.slice(0, list.limit).map((r) => ({
    id: r.id,
    type: r.type,
    event: r.event,
    occurredAt: r.occurred_at,
    receivedAt: r.received_at,
    messageId: r.message_id,
    sourceId: r.source_id,
    anonymousId: r.anonymous_id,
    userId: r.user_id,
    contactId: r.contact_id,
    visitId: r.visit_id,
    groupId: r.group_id,
    previousId: r.previous_id,
    properties: r.properties,
    traits: r.traits,
    context: r.context,
  }));
  return { data, nextCursor: list.nextCursor(rows) };
}

export async function listTouches(db: DbOrTrx, ws: string, list: CompiledList, accountId: string | null) {
  let q = db.selectFrom('touches as t').selectAll('t').select(list.sortValue.as('_sort')).where('t.workspace_id', '=', ws);
  for (const w of [...list.where, ...accountContacts('t', ws, accountId)]) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  const data: Touch[] = rows.slice(0, list.limit).map((r) => ({
    id: r.id,
    kind: r.kind,
    occurredAt: r.occurred_at,
    contactId: r.contact_id,
    anonymousId: r.anonymous_id,
    channel: r.channel,
    source: r.source,
    medium: r.medium,
    campaignId: r.campaign_id,
    campaign: r.campaign,
    content: r.content,
    term: r.term,
    landingPage: r.landing_page,
    referrer: r.referrer,
    clickIdType: r.click_id_type,
    eventId: r.event_id,
    visitId: r.visit_id,
  }));
  return { data, nextCursor: list.nextCursor(rows) };
}
