// Writing events: message receipts (dedupe) and the append-only insert, each one statement per batch.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { TrackedEvent } from './tracked-event.ts';

/** Records the batch's messageIds; returns those not seen before (a retry's are already there). */
export async function claimMessageIds(db: DbOrTrx, ws: string, events: TrackedEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const { rows } = await sql<{ message_id: string }>`
    INSERT INTO event_receipts (workspace_id, message_id, received_at)
    SELECT ${ws}, m, r FROM unnest(${events.map((e) => e.messageId)}::text[], ${events.map((e) => e.receivedAt)}::timestamptz[]) AS t(m, r)
    ORDER BY m
    ON CONFLICT (workspace_id, message_id) DO NOTHING
    RETURNING message_id`.execute(db);
  return new Set(rows.map((r) => r.message_id));
}

export interface EventRow {
  id: string;
  event: TrackedEvent;
  contactId: string | null;
  visitId: string | null;
}

export async function insertEvents(db: DbOrTrx, ws: string, rows: EventRow[]): Promise<void> {
  if (rows.length === 0) return;
  // one jsonb parameter: PostgreSQL parses it once, and property objects need no array-literal escaping
  const records = rows.map(({ id, event: e, contactId, visitId }) => ({
    id,
    occurred_at: e.timestamp,
    received_at: e.receivedAt,
    type: e.type,
    event: e.event,
    message_id: e.messageId,
    source_id: e.sourceId,
    anonymous_id: e.anonymousId,
    user_id: e.userId,
    contact_id: contactId,
    visit_id: visitId,
    group_id: e.groupId,
    previous_id: e.previousId,
    properties: e.properties,
    traits: e.traits,
    context: e.context,
  }));
  await sql`
    INSERT INTO events (workspace_id, id, occurred_at, received_at, type, event, message_id, source_id, anonymous_id,
      user_id, contact_id, visit_id, group_id, previous_id, properties, traits, context)
    SELECT ${ws}, x.id, x.occurred_at, x.received_at, x.type, x.event, x.message_id, x.source_id, x.anonymous_id,
      x.user_id, x.contact_id, x.visit_id, x.group_id, x.previous_id, x.properties, x.traits, x.context
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(id uuid, occurred_at timestamptz, received_at timestamptz,
      type text, event text, message_id text, source_id uuid, anonymous_id text, user_id text, contact_id uuid, visit_id uuid,
      group_id text, previous_id text, properties jsonb, traits jsonb, context jsonb)`.execute(db);
}

/** Events received per source (the Sources page shows the count and the last one's time). */
export async function countSourceEvents(db: DbOrTrx, ws: string, events: TrackedEvent[]): Promise<void> {
  const bySource = new Map<string, { n: number; last: string }>();
  for (const e of events) {
    if (!e.sourceId) continue;
    const s = bySource.get(e.sourceId) ?? { n: 0, last: e.receivedAt };
    s.n += 1;
    if (e.receivedAt > s.last) s.last = e.receivedAt;
    bySource.set(e.sourceId, s);
  }
  if (bySource.size === 0) return;
  const ids = [...bySource.keys()].sort();
  await sql`
    UPDATE sources s SET event_count = s.event_count + i.n, last_event_at = greatest(s.last_event_at, i.last)
    FROM unnest(${ids}::uuid[], ${ids.map((id) => bySource.get(id)!.n)}::int[], ${ids.map((id) => bySource.get(id)!.last)}::timestamptz[])
      AS i(id, n, last)
    WHERE s.workspace_id = ${ws} AND s.id = i.id`.execute(db);
}
