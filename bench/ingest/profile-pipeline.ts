// Where an ingested event's time goes, outside HTTP: the request path (Segment payload validation and
// the inbox insert, acceptEvents) and the processing job (processEvents, statement by statement), on
// the benchmark's own events, in this process against a fresh bench_ingest_profile database.
//   node --import tsx bench/ingest/profile-pipeline.ts [events=20000] [processBatch=2000]
// Add --cpu-prof --cpu-prof-dir=bench/output to see the JavaScript side in a profiler.
// Prints JSON: ms per event for each part, and each SQL statement's share of processing time.
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../../server/db-schema.ts';
import { freshBenchDatabase } from '../lib/bench-database.ts';
import { initWorkspace } from '../../server/workspaces/init-workspace.ts';
import { insertSource } from '../../server/tracking/sources.store.ts';
import { parseSegmentEvent } from '../../server/tracking/segment-payload.ts';
import { acceptEvents } from '../../server/tracking/inbox.ts';
import { processEvents } from '../../server/tracking/process-events.ts';
import type { TrackedEvent } from '../../server/tracking/tracked-event.ts';
import { batchBody, visitorsFor } from './events.ts';
import { round } from '../lib/measure.ts';

const events = Number(process.argv[2] ?? 20000);
const processBatch = Number(process.argv[3] ?? 2000);
const requestSize = 100;

const { database, url } = await freshBenchDatabase('bench_ingest_profile', 2);
const ids = await initWorkspace(database.db, { workspace: 'Profile', email: 'profile@bench.tandem.local', password: 'benchmark-password' });
const ws = ids.workspaceId;
const sourceId = await insertSource(database.db, ws, 'Website');

// a Kysely on its own pool that times every statement
const statements = new Map<string, { ms: number; count: number }>();
let recording = false;
const pool = new pg.Pool({ connectionString: url, max: 2 });
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log(event) {
    if (!recording || event.level !== 'query') return;
    const key = event.query.sql.replace(/\s+/g, ' ').trim().slice(0, 90);
    const s = statements.get(key) ?? { ms: 0, count: 0 };
    s.ms += event.queryDurationMillis;
    s.count++;
    statements.set(key, s);
  },
});

// 1. the request path: JSON.parse of the body, per-event validation, acceptEvents (one INSERT)
const visitors = visitorsFor(events);
const t = { parse: 0, validate: 0, accept: 0 };
for (let b = 0; b < events / requestSize; b++) {
  const body = batchBody(1, b, requestSize, events, visitors);
  let t0 = performance.now();
  const parsed = JSON.parse(body) as { batch: unknown[] };
  t.parse += performance.now() - t0;
  t0 = performance.now();
  const ctx = { sourceId, receivedAt: new Date(), oldestAllowed: null };
  const valid: TrackedEvent[] = [];
  for (const item of parsed.batch) {
    const r = parseSegmentEvent(item, undefined, ctx);
    if (r.ok) valid.push(r.event);
  }
  t.validate += performance.now() - t0;
  t0 = performance.now();
  await acceptEvents(db, ws, sourceId, valid);
  t.accept += performance.now() - t0;
}

// 2. processing, as the job does it: oldest inbox rows, about processBatch events per transaction
const tp = { fetch: 0, process: 0 };
let processed = 0;
recording = true;
for (;;) {
  const t0 = performance.now();
  const n = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ payload: string }>`
      DELETE FROM tracking_inbox WHERE workspace_id = ${ws} AND id IN (
        SELECT id FROM tracking_inbox WHERE workspace_id = ${ws} ORDER BY id LIMIT ${Math.max(1, Math.round(processBatch / requestSize))})
      RETURNING payload`.execute(trx);
    const batch = rows.flatMap((r) => JSON.parse(r.payload) as TrackedEvent[]);
    const t1 = performance.now();
    tp.fetch += t1 - t0;
    if (batch.length) await processEvents(trx, ws, batch);
    tp.process += performance.now() - t1;
    return batch.length;
  });
  if (n === 0) break;
  processed += n;
}
recording = false;

const sqlMs = [...statements.values()].reduce((a, s) => a + s.ms, 0);
const perEvent = (ms: number) => round(ms / events, 4);
console.log(
  JSON.stringify(
    {
      events,
      processed,
      requestPath: { jsonParseMs: perEvent(t.parse), validateMs: perEvent(t.validate), acceptEventsMs: perEvent(t.accept) },
      processing: {
        batch: processBatch,
        inboxFetchMs: perEvent(tp.fetch),
        processEventsMs: perEvent(tp.process),
        /** processEvents time spent waiting on SQL (the rest is JavaScript in the job). */
        sqlMs: perEvent(sqlMs),
        statements: [...statements]
          .sort((a, b) => b[1].ms - a[1].ms)
          .slice(0, 15)
          .map(([statement, s]) => ({ statement, msPerEvent: perEvent(s.ms), share: round(s.ms / sqlMs, 3), calls: s.count })),
      },
    },
    null,
    2,
  ),
);
await db.destroy();
await database.close();
