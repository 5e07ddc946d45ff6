// EXPERIMENT: the processing job's events INSERT (a third of processing's SQL time, measured with
// bench/ingest/profile-pipeline.ts) as it is — one jsonb parameter through jsonb_to_recordset — against
// one array parameter per column through unnest. Same 2,000-event batches, alternating, into the
// events table of a fresh database; prints ms per event of each.
//   node --import tsx bench/experiments/events-insert-variants.ts [batches=20]
// Measured 2026-11-26 (quiet, 40k events each): jsonb_to_recordset 0.061 ms/event, unnest 0.068: the
// cost is the table and its five indexes, not how the rows travel; insertEvents stays as it is.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { freshBenchDatabase } from '../lib/bench-database.ts';
import { insertEvents, type EventRow } from '../../server/tracking/events.store.ts';
import { ensureEventPartitions } from '../../server/tracking/event-partitions.ts';
import { parseSegmentEvent } from '../../server/tracking/segment-payload.ts';
import type { TrackedEvent } from '../../server/tracking/tracked-event.ts';
import type { DbOrTrx } from '../../server/platform/db.ts';
import { batchBody, visitorsFor } from '../ingest/events.ts';

const batches = Number(process.argv[2] ?? 20);
const size = 2000;
const { database } = await freshBenchDatabase('bench_events_insert', 2);
const db = database.db;
const ws = crypto.randomUUID();
const total = batches * size * 2;
const visitors = visitorsFor(total);

function batchOf(n: number): EventRow[] {
  const events: TrackedEvent[] = [];
  for (let r = 0; r < size / 100; r++) {
    const body = JSON.parse(batchBody(5, n * (size / 100) + r, 100, total, visitors)) as { batch: unknown[] };
    for (const item of body.batch) {
      const p = parseSegmentEvent(item, undefined, { sourceId: crypto.randomUUID(), receivedAt: new Date(), oldestAllowed: null });
      if (p.ok) events.push(p.event);
    }
  }
  return events.map((event) => ({ id: crypto.randomUUID(), event, contactId: null, visitId: null }));
}

async function insertByArrays(db: DbOrTrx, ws: string, rows: EventRow[]) {
  const col = <T>(f: (r: EventRow) => T) => rows.map(f);
  await sql`
    INSERT INTO events (workspace_id, id, occurred_at, received_at, type, event, message_id, source_id, anonymous_id,
      user_id, contact_id, visit_id, group_id, previous_id, properties, traits, context)
    SELECT ${ws}, x.* FROM unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.event.timestamp)}::timestamptz[],
      ${col((r) => r.event.receivedAt)}::timestamptz[], ${col((r) => r.event.type)}::text[], ${col((r) => r.event.event)}::text[],
      ${col((r) => r.event.messageId)}::text[], ${col((r) => r.event.sourceId)}::uuid[], ${col((r) => r.event.anonymousId)}::text[],
      ${col((r) => r.event.userId)}::text[], ${col((r) => r.contactId)}::uuid[], ${col((r) => r.visitId)}::uuid[],
      ${col((r) => r.event.groupId)}::text[], ${col((r) => r.event.previousId)}::text[],
      ${col((r) => JSON.stringify(r.event.properties))}::jsonb[], ${col((r) => JSON.stringify(r.event.traits))}::jsonb[],
      ${col((r) => JSON.stringify(r.event.context))}::jsonb[]) AS x`.execute(db);
}

const variants = { jsonbRecordset: insertEvents, unnestArrays: insertByArrays } as const;
const ms: Record<string, number> = { jsonbRecordset: 0, unnestArrays: 0 };
await ensureEventPartitions(db, [new Date()]);
for (let b = 0; b < batches * 2; b++) {
  const rows = batchOf(b);
  const name = (b % 2 === 0) === (Math.floor(b / 2) % 2 === 0) ? 'jsonbRecordset' : 'unnestArrays';
  const t0 = performance.now();
  await db.transaction().execute((trx) => variants[name as keyof typeof variants](trx, ws, rows));
  ms[name] += performance.now() - t0;
}
console.log(JSON.stringify(Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Math.round((v / (batches * size)) * 10000) / 10000]))));
await database.close();
