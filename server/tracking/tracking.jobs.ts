// Tracking's background work: processing the ingest inbox (armed by ingest requests, see inbox.ts) and
// the hourly upkeep of event partitions (create ahead, drop past retention).
import { sql } from 'kysely';
import { z } from 'zod';
import { defineJob, enqueue } from '../platform/jobs.ts';
import type { Db } from '../platform/db.ts';
import { dedupeKeyFor, disarm, oldestWaitingEvent, PROCESS_INBOX_JOB, PROCESS_MAX_ATTEMPTS, processTrackingInbox } from './inbox.ts';
import { processingPacer } from './processing-pace.ts';
import { maintainEventPartitions } from './event-partitions.ts';
import { refreshTrackingStatistics } from './tracking-statistics.ts';

export const processInbox = defineJob({
  name: PROCESS_INBOX_JOB,
  payload: z.object({ workspaceId: z.uuid() }),
  maxAttempts: PROCESS_MAX_ATTEMPTS,
  // it heartbeats after every batch: a short lease lets a restarted server take over soon after a crash
  leaseSeconds: 30,
  async handler({ db, app, job, heartbeat, log }, { workspaceId }) {
    // PGlite shares one connection with the API: smaller transactions keep requests flowing
    const batchSize = app.engine === 'pglite' ? 250 : 2000;
    let lastBeat = Date.now();
    const onWait = async () => {
      if (Date.now() - lastBeat < 5000) return;
      lastBeat = Date.now();
      await heartbeat();
    };
    const pace = processingPacer({ maxLagSeconds: app.config.trackingMaxDeferSeconds, onWait });
    const afterBatch = async (events: number) => {
      // statistics follow the tables' growth batch by batch: one run can take a million events
      await refreshTrackingStatistics(db, events);
      // a full batch means a backlog: during a burst of requests, let them go first (processing-pace.ts)
      const paced = await pace(events >= batchSize, () => oldestWaitingEvent(db, workspaceId));
      if (paced.deferredMs > 1000) log.debug({ workspaceId, ...paced }, 'tracking processing deferred to requests');
    };
    let total = await processTrackingInbox(db, workspaceId, { batchSize, heartbeat, afterBatch });
    await disarm(db, job.id, workspaceId);
    total += await processTrackingInbox(db, workspaceId, { batchSize, heartbeat, afterBatch });
    // PGlite has no autovacuum: without this the inbox's deleted rows would never be reused
    if (total > 0 && app.engine === 'pglite') await sql`VACUUM tracking_inbox`.execute(db);
    log.debug({ workspaceId, events: total }, 'tracking inbox processed');
  },
});

/** Arms the processing job of every workspace with waiting events (a safety net; requests arm it). */
export async function armPendingInboxes(db: Db): Promise<number> {
  // a job that exhausted its attempts still holds its key: release it so the events get a new one
  await db
    .updateTable('jobs')
    .set({ dedupe_key: null })
    .where('name', '=', PROCESS_INBOX_JOB)
    .where('status', '=', 'failed')
    .where('dedupe_key', 'is not', null)
    .execute();
  const { rows } = await sql<{ workspace_id: string }>`
    SELECT DISTINCT workspace_id FROM tracking_inbox WHERE failed_at IS NULL`.execute(db);
  for (const r of rows)
    await enqueue(
      db,
      processInbox,
      { workspaceId: r.workspace_id },
      { workspaceId: r.workspace_id, dedupeKey: dedupeKeyFor(r.workspace_id) },
    );
  return rows.length;
}

export const maintainTracking = defineJob({
  name: 'tracking.hourly',
  payload: z.object({}),
  everySeconds: 3600,
  maxAttempts: 1,
  async handler({ db, app, log }) {
    const dropped = await maintainEventPartitions(db, app.config.eventRetentionMonths);
    const armed = await armPendingInboxes(db);
    log.info({ dropped, armed }, 'tracking upkeep done');
  },
});
