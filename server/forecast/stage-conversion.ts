// Historical stage-to-won conversion, from stage history. For each stage S:
//   reachedClosed(S) = live deals with at least one history row entering S (from any stage, or created
//                      in S) whose status is now won or lost;
//   reachedWon(S)    = those of them that are won.
// The rate won ÷ closed is computed by forecast-math.ts. Still-open deals are left out (their outcome
// is unknown); a deal that entered S twice counts once; a deal that skipped S does not count for S.
// Rates are team-wide even when the forecast is filtered to one rep: per-rep samples are too small.
//
// The count reads all of a workspace's stage history (2M rows take about a second), so it is cached
// per workspace in stage_conversion_cache and recomputed only when a deal changed since, and then no
// more often than RECOMPUTE_SHARE allows: a computation that took 1 s is reused for at least 50 s, one
// that took 5 ms for 0.25 s. A cache older than MAX_AGE is recomputed regardless (deletes and other
// changes that leave updated_at alone). While one request recomputes, the others use the old counts.
// "Changed" is a live deal updated, or a deal deleted, after the counts were computed.
import { sql } from 'kysely';
import type { Db, DbOrTrx } from '../platform/db.ts';
import type { StageReach } from './forecast-math.ts';

/** Recompute at most so often that recomputing takes this share of the time between recomputations. */
const RECOMPUTE_SHARE = 0.02;
const MAX_AGE_SECONDS = 15 * 60;

export interface StageConversion {
  reach: StageReach[];
  computedAt: Date;
}

interface Cached {
  stages: StageReach[];
  computed_at: Date;
  fresh: boolean;
}

async function readCache(db: DbOrTrx, workspaceId: string): Promise<Cached | undefined> {
  const { rows } = await sql<Cached>`
    SELECT c.stages, c.computed_at,
      (c.computed_at > now() - make_interval(secs => ${MAX_AGE_SECONDS}) AND (
        c.computed_at > now() - make_interval(secs => c.compute_ms / 1000.0 / ${RECOMPUTE_SHARE})
        -- max() over the partial indexes: two index probes (a NOT EXISTS here was planned as a scan)
        OR coalesce(greatest(
          (SELECT max(updated_at) FROM deals WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL),
          (SELECT max(deleted_at) FROM deals WHERE workspace_id = ${workspaceId} AND deleted_at IS NOT NULL)
        ), '-infinity') <= c.computed_at
      )) AS fresh
    FROM stage_conversion_cache c
    WHERE c.workspace_id = ${workspaceId}`.execute(db);
  return rows[0];
}

/** The counts straight from stage history: one set-based statement. */
export async function countStageReach(db: DbOrTrx, workspaceId: string): Promise<StageReach[]> {
  const { rows } = await sql<StageReach>`
    SELECT h.to_stage_id AS "stageId", count(*)::int AS "reachedClosed", count(*) FILTER (WHERE d.status = 'won')::int AS "reachedWon"
    FROM (SELECT DISTINCT deal_id, to_stage_id FROM deal_stage_history WHERE workspace_id = ${workspaceId}) h
    JOIN deals d ON d.workspace_id = ${workspaceId} AND d.id = h.deal_id
    WHERE d.deleted_at IS NULL AND d.status <> 'open'
    GROUP BY h.to_stage_id`.execute(db);
  return rows;
}

export async function stageConversion(db: Db, workspaceId: string): Promise<StageConversion> {
  const cached = await readCache(db, workspaceId);
  if (cached?.fresh) return { reach: cached.stages, computedAt: cached.computed_at };
  return db.transaction().execute(async (trx) => {
    const lock = sql`hashtext(${`stage-conversion:${workspaceId}`})`;
    if (cached) {
      const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(${lock}) AS locked`.execute(trx);
      // someone else is recomputing: the counts of a moment ago will do
      if (!rows[0].locked) return { reach: cached.stages, computedAt: cached.computed_at };
    } else {
      await sql`SELECT pg_advisory_xact_lock(${lock})`.execute(trx);
    }
    const again = await readCache(trx, workspaceId);
    if (again?.fresh) return { reach: again.stages, computedAt: again.computed_at };

    const started = performance.now();
    const reach = await countStageReach(trx, workspaceId);
    const computeMs = Math.round(performance.now() - started);
    const { rows } = await sql<{ computed_at: Date }>`
      INSERT INTO stage_conversion_cache (workspace_id, stages, computed_at, compute_ms)
      VALUES (${workspaceId}, ${JSON.stringify(reach)}::jsonb, now(), ${computeMs})
      ON CONFLICT (workspace_id) DO UPDATE SET stages = excluded.stages, computed_at = excluded.computed_at, compute_ms = excluded.compute_ms
      RETURNING computed_at`.execute(trx);
    return { reach, computedAt: rows[0].computed_at };
  });
}
