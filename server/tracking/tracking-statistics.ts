// Keeps the planner's statistics in step with the tracking tables as events pour in. Processing plans
// its lookups (receipts, identities, recent visits) and the stitching UPDATEs on these statistics; when
// they describe the tables as they were at an earlier, much smaller size, the plans go wrong and
// every batch gets slower (seen in the ingest benchmark: processing fell further behind as the tables
// grew). Autovacuum would catch up eventually on a PostgreSQL server; PGlite has none, and its
// statistics counters (n_mod_since_analyze) stay at 0, so we count processed events ourselves and
// ANALYZE each time their number doubles since the last one — a cost that stays a small, constant
// share of processing.
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';

const TABLES = ['events', 'event_receipts', 'identities', 'visits', 'touches'] as const;
/** Below this, plans hardly matter and ANALYZE would run too often. */
const MIN_EVENTS_BETWEEN = 10_000;

interface Counter {
  eventsAtLastAnalyze: number;
  processedSince: number;
  running: boolean;
}

const counters = new WeakMap<Db, Counter>();

/** Called after processing; ANALYZEs the tracking tables when the events have doubled since the last time. */
export async function refreshTrackingStatistics(db: Db, processed: number): Promise<boolean> {
  let counter = counters.get(db);
  if (!counter) {
    counter = { eventsAtLastAnalyze: await storedEvents(db), processedSince: 0, running: false };
    counters.set(db, counter);
  }
  counter.processedSince += processed;
  if (counter.running || counter.processedSince < Math.max(counter.eventsAtLastAnalyze, MIN_EVENTS_BETWEEN)) return false;
  counter.running = true;
  try {
    for (const table of TABLES) await sql`ANALYZE ${sql.id(table)}`.execute(db);
    counter.eventsAtLastAnalyze += counter.processedSince;
    counter.processedSince = 0;
    return true;
  } finally {
    counter.running = false;
  }
}

/** The planner's own estimate of the events stored (the partitions' row counts): cheap, good enough. */
async function storedEvents(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::float8 AS n
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'events'::regclass`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
