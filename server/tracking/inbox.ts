// The ingest inbox: how an acknowledged event is made durable fast, and processed later.
//
// Why an inbox: an ingest request must be cheap (the goal is 20,000 events/s on two cores) and an
// acknowledged event must survive kill -9. So the request validates, then writes its valid events in
// ONE autocommitted statement, as ONE row holding them as a JSON array, and answers; identity
// resolution, visits, touches
// and campaigns run afterwards in a job, set-based over thousands of events per transaction. Reads
// (events, touches, timelines) are therefore eventually consistent, normally within a second; tests
// call processTrackingInbox() to wait for them.
//
// One processing job per workspace is "armed" (queued or running with dedupe key inbox:<ws>). The same
// statement that stores a request's events arms it, unless it already is. To never strand events,
// the request holds a shared advisory lock from before its arm attempt until it commits, and the job
// disarms (clears its dedupe key) under the exclusive lock, then drains once more: every request that
// saw the job armed has committed by then, and every later request arms a new job.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import { forgetEventPartitions } from './event-partitions.ts';
import { processEvents } from './process-events.ts';
import type { TrackedEvent } from './tracked-event.ts';

export const PROCESS_INBOX_JOB = 'tracking.process-inbox';
const ARM_LOCK = sql`hashtext('tandem.tracking.arm')`;
const PROCESS_LOCK = sql`hashtext('tandem.tracking.process')`;
/** Lets a burst of requests collect before the job runs (fewer, larger batches). */
const ARM_DELAY_MS = 200;
export const PROCESS_MAX_ATTEMPTS = 10;

export const dedupeKeyFor = (workspaceId: string) => `inbox:${workspaceId}`;

/** Stores validated events durably and arms the processing job: one statement, one row, one round trip. */
export async function acceptEvents(
  db: Db,
  workspaceId: string,
  sourceId: string,
  events: TrackedEvent[],
  receivedAt = new Date(),
): Promise<void> {
  if (events.length === 0) return;
  await sql`
    WITH arm_lock AS (SELECT pg_advisory_xact_lock_shared(${ARM_LOCK}, hashtext(${workspaceId}))),
    arm AS (
      INSERT INTO jobs (workspace_id, name, payload, dedupe_key, max_attempts, run_at)
      SELECT ${workspaceId}, ${PROCESS_INBOX_JOB}, ${JSON.stringify({ workspaceId })}::jsonb, ${dedupeKeyFor(workspaceId)},
        ${PROCESS_MAX_ATTEMPTS}, now() + make_interval(secs => ${ARM_DELAY_MS / 1000})
      FROM arm_lock
      ON CONFLICT (name, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
    )
    INSERT INTO tracking_inbox (workspace_id, source_id, received_at, event_count, payload)
    VALUES (${workspaceId}, ${sourceId}, ${receivedAt}, ${events.length}, ${JSON.stringify(events)})`.execute(db);
}

/** When the oldest event still waiting in the workspace's inbox arrived (null: none waits). */
export async function oldestWaitingEvent(db: Db, workspaceId: string): Promise<Date | null> {
  const row = await db
    .selectFrom('tracking_inbox')
    .select('received_at')
    .where('workspace_id', '=', workspaceId)
    .where('failed_at', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.received_at ?? null;
}

/** The job gives up its dedupe key, so the next request arms a new job. See the header. */
export async function disarm(db: Db, jobId: number, workspaceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${ARM_LOCK}, hashtext(${workspaceId}))`.execute(trx);
    await trx.updateTable('jobs').set({ dedupe_key: null }).where('id', '=', jobId).execute();
  });
}

const TRANSIENT = new Set(['40001', '40P01']);
const isTransient = (err: unknown) => TRANSIENT.has((err as { code?: string }).code ?? '');

/**
 * Processes the workspace's inbox until it is empty; returns how many events it took. About
 * `batchSize` events per transaction, under a per-workspace lock so two processors never interleave
 * a visitor's events. A batch that fails for a reason other than a conflict is retried row by row,
 * and a row that fails alone event by event: an event that fails on its own is set aside (failed_at,
 * error) instead of blocking the ones behind it.
 */
export async function processTrackingInbox(
  db: Db,
  workspaceId: string,
  opts: { batchSize?: number; heartbeat?: () => Promise<void>; afterBatch?: (events: number) => Promise<unknown> } = {},
): Promise<number> {
  const batchSize = opts.batchSize ?? 1000;
  let total = 0;
  for (;;) {
    let taken: number;
    try {
      taken = await processRows(db, workspaceId, batchSize);
    } catch (err) {
      forgetEventPartitions();
      if (isTransient(err)) throw err;
      taken = await processRowByRow(db, workspaceId);
    }
    if (taken === 0) return total;
    total += taken;
    await opts.afterBatch?.(taken);
    await opts.heartbeat?.();
  }
}

/** Takes the oldest rows holding about `batchSize` events (at least one row), or just row `onlyId`. */
async function processRows(db: Db, ws: string, batchSize: number, onlyId?: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${PROCESS_LOCK}, hashtext(${ws}))`.execute(trx);
    const pick =
      onlyId === undefined
        ? sql`SELECT id FROM (
            SELECT id, event_count, sum(event_count) OVER (ORDER BY id) AS running FROM tracking_inbox
            WHERE workspace_id = ${ws} AND failed_at IS NULL ORDER BY id LIMIT ${batchSize}) t
          WHERE running - event_count < ${batchSize}`
        : sql`SELECT ${onlyId}::bigint`;
    // = ANY(ARRAY(…)): the pick runs once, whatever the planner believes about the inbox. A queue's
    // statistics are always stale; with `IN (…)` and an estimate of one row, PostgreSQL re-ran the
    // pick for every inbox row (a nested loop: 8 s per batch with 1,700 rows waiting, measured).
    const { rows } = await sql<{ id: number; payload: string }>`
      DELETE FROM tracking_inbox WHERE workspace_id = ${ws} AND failed_at IS NULL AND id = ANY(ARRAY(${pick}))
      RETURNING id, payload`.execute(trx);
    if (rows.length === 0) return 0;
    rows.sort((a, b) => a.id - b.id);
    const events = rows.flatMap((r) => JSON.parse(r.payload) as TrackedEvent[]);
    await processEvents(trx, ws, events);
    return events.length;
  });
}

async function processRowByRow(db: Db, ws: string): Promise<number> {
  const rows = await db
    .selectFrom('tracking_inbox')
    .select(['id', 'source_id', 'received_at'])
    .where('workspace_id', '=', ws)
    .where('failed_at', 'is', null)
    .orderBy('id')
    .limit(20)
    .execute();
  let taken = 0;
  for (const row of rows) {
    try {
      taken += await processRows(db, ws, 0, row.id);
    } catch (err) {
      forgetEventPartitions();
      if (isTransient(err)) throw err;
      taken += await processEventByEvent(db, ws, row);
    }
  }
  return taken;
}

/**
 * The last resort for a row that fails as a whole: each event in its own transaction. Events stored
 * before a crash here are not stored twice when the row is taken again (messageId receipts).
 */
async function processEventByEvent(db: Db, ws: string, row: { id: number; source_id: string | null; received_at: Date }): Promise<number> {
  const found = await db
    .selectFrom('tracking_inbox')
    .select('payload')
    .where('workspace_id', '=', ws)
    .where('id', '=', row.id)
    .executeTakeFirst();
  if (!found) return 0;
  const events = JSON.parse(found.payload) as TrackedEvent[];
  const failed: TrackedEvent[] = [];
  let error = '';
  for (const event of events) {
    try {
      await db.transaction().execute((trx) => processEvents(trx, ws, [event]));
    } catch (err) {
      forgetEventPartitions();
      if (isTransient(err)) throw err;
      failed.push(event);
      error ||= (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    }
  }
  await db.transaction().execute(async (trx) => {
    const taken = await trx.deleteFrom('tracking_inbox').where('workspace_id', '=', ws).where('id', '=', row.id).returning('id').execute();
    // another processor went through the same row meanwhile (a job overlapping the next one, or a direct
    // call) and set its failures aside already; receipts kept the events themselves from being stored twice
    if (taken.length === 0) return;
    if (failed.length) {
      await trx
        .insertInto('tracking_inbox')
        .values({
          workspace_id: ws,
          source_id: row.source_id,
          received_at: row.received_at,
          event_count: failed.length,
          payload: JSON.stringify(failed),
          failed_at: new Date(),
          error,
        })
        .execute();
    }
  });
  return events.length;
}
