// Monthly partitions of `events` (UTC months): created on demand when a batch holds a month that has
// none yet, dropped whole when they fall out of the retention period (no row-by-row deletes).
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';

const known = new Set<string>();
let loaded = false;

export function partitionName(monthStart: Date): string {
  return `events_p${monthStart.getUTCFullYear()}_${String(monthStart.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

function nextMonth(start: Date): Date {
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

async function listPartitions(db: DbOrTrx): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'events'::regclass`.execute(db);
  return rows.map((r) => r.name);
}

/** Makes sure every month in `times` has a partition. Runs in the caller's transaction. */
export async function ensureEventPartitions(db: DbOrTrx, times: Iterable<Date>): Promise<void> {
  const months = new Map<string, Date>();
  for (const t of times) {
    const start = monthStart(t);
    months.set(partitionName(start), start);
  }
  let missing = [...months.keys()].filter((n) => !known.has(n));
  if (missing.length === 0) return;
  if (!loaded) {
    for (const n of await listPartitions(db)) known.add(n);
    loaded = true;
    missing = missing.filter((n) => !known.has(n));
    if (missing.length === 0) return;
  }
  // two processes creating the same partition at once would collide on the catalog: take turns
  await sql`SELECT pg_advisory_xact_lock(hashtext('tandem.events.partitions'))`.execute(db);
  for (const name of missing) {
    const from = months.get(name)!;
    await sql`CREATE TABLE IF NOT EXISTS ${sql.id(name)} PARTITION OF events
      FOR VALUES FROM (${sql.lit(from.toISOString())}) TO (${sql.lit(nextMonth(from).toISOString())})`.execute(db);
  }
  // recorded after the caller commits would be exact; a rolled-back create is recreated on the next
  // failure (forgetEventPartitions), which costs one retry
  for (const name of missing) known.add(name);
}

/** After a failed insert: the cache may name a partition another process dropped. */
export function forgetEventPartitions(): void {
  known.clear();
  loaded = false;
}

/** The first instant still kept under a retention of `months` (whole months; 0 keeps everything). */
export function retentionCutoff(months: number, now = new Date()): Date | null {
  if (months <= 0) return null;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1));
}

/**
 * Creates this month's and next month's partitions and drops those entirely before the cutoff, with
 * the message receipts and visits of that time. Returns the names of the dropped partitions.
 */
export async function maintainEventPartitions(db: DbOrTrx, retentionMonths: number, now = new Date()): Promise<string[]> {
  const thisMonth = monthStart(now);
  await ensureEventPartitions(db, [thisMonth, nextMonth(thisMonth)]);
  const cutoff = retentionCutoff(retentionMonths, now);
  if (!cutoff) return [];
  const dropped: string[] = [];
  for (const name of await listPartitions(db)) {
    const m = /^events_p(\d{4})_(\d{2})$/.exec(name);
    if (!m) continue;
    const end = nextMonth(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
    if (end <= cutoff) {
      await sql`DROP TABLE ${sql.id(name)}`.execute(db);
      known.delete(name);
      dropped.push(name);
    }
  }
  await sql`DELETE FROM event_receipts WHERE received_at < ${cutoff}`.execute(db);
  await sql`DELETE FROM visits WHERE started_at < ${cutoff}`.execute(db);
  return dropped;
}
