// What a run left in the database: events stored, distinct messageIds among them (a difference is a
// duplicate), and which acknowledged messageIds are missing. An event still waiting in the inbox is
// not lost (processing was cut short by a timeout); one the job set aside as failed, or simply absent,
// is. The acknowledged ids go into a temporary table, so one anti-join answers per set.
import { sql } from 'kysely';
import type { OpenDatabase } from '../../server/platform/db.ts';
import { messageIdOf } from './events.ts';

export interface AckedSet {
  run: number;
  /** 1 per acknowledged batch. */
  acked: Uint8Array;
  batch: number;
  total: number;
  label: string;
}

export interface StoredCounts {
  acknowledged: Record<string, number>;
  lost: Record<string, number>;
  stored: number;
  distinct: number;
  pendingInInbox: number;
  failedInInbox: number;
}

const CHUNK = 20_000;

export async function countStored(database: OpenDatabase, workspaceId: string, sets: AckedSet[]): Promise<StoredCounts> {
  return database.db.transaction().execute(async (trx) => {
    await sql`CREATE TEMP TABLE bench_acked (message_id text NOT NULL, label text NOT NULL) ON COMMIT DROP`.execute(trx);
    const acknowledged: Record<string, number> = {};
    for (const set of sets) {
      let ids: string[] = [];
      acknowledged[set.label] = 0;
      const flush = async () => {
        if (ids.length) await sql`INSERT INTO bench_acked SELECT m, ${set.label} FROM unnest(${ids}::text[]) AS m`.execute(trx);
        ids = [];
      };
      for (let b = 0; b < set.acked.length; b++) {
        if (!set.acked[b]) continue;
        for (let i = b * set.batch; i < Math.min(set.total, (b + 1) * set.batch); i++) ids.push(messageIdOf(set.run, i));
        if (ids.length >= CHUNK) await flush();
      }
      await flush();
    }
    // what still waits in the inbox, one row per message (a row holds a request's events, or one event)
    await sql`
      CREATE TEMP TABLE bench_inbox ON COMMIT DROP AS
      SELECT e->>'messageId' AS message_id, i.failed_at IS NOT NULL AS failed
      FROM tracking_inbox i CROSS JOIN LATERAL json_array_elements(
        CASE WHEN json_typeof(i.payload::json) = 'array' THEN i.payload::json ELSE json_build_array(i.payload::json) END) e
      WHERE i.workspace_id = ${workspaceId}`.execute(trx);
    await sql`ANALYZE bench_acked`.execute(trx);
    await sql`ANALYZE bench_inbox`.execute(trx);
    // hash anti-joins: a correlated NOT EXISTS would scan the events once per acknowledged id
    const { rows: labels } = await sql<{ label: string; acknowledged: number; lost: number }>`
      SELECT a.label, count(*)::int AS acknowledged, count(*) FILTER (WHERE e.message_id IS NULL AND p.message_id IS NULL)::int AS lost
      FROM bench_acked a
      LEFT JOIN (SELECT DISTINCT message_id FROM events WHERE workspace_id = ${workspaceId}) e ON e.message_id = a.message_id
      LEFT JOIN (SELECT DISTINCT message_id FROM bench_inbox WHERE NOT failed) p ON p.message_id = a.message_id
      GROUP BY a.label`.execute(trx);
    const lost: Record<string, number> = {};
    for (const set of sets) lost[set.label] = 0;
    for (const r of labels) {
      acknowledged[r.label] = r.acknowledged;
      lost[r.label] = r.lost;
    }
    const { rows: [stored] } = await sql<{ stored: number; distinct_ids: number }>`
      SELECT count(*)::int AS stored, count(DISTINCT message_id)::int AS distinct_ids FROM events WHERE workspace_id = ${workspaceId}`.execute(trx);
    const { rows: [inbox] } = await sql<{ pending: number; failed: number }>`
      SELECT count(*) FILTER (WHERE NOT failed)::int AS pending, count(*) FILTER (WHERE failed)::int AS failed FROM bench_inbox`.execute(trx);
    return { acknowledged, lost, stored: stored.stored, distinct: stored.distinct_ids, pendingInInbox: inbox.pending, failedInInbox: inbox.failed };
  });
}
