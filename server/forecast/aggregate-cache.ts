// The deal aggregates behind the forecast and the sales metrics, reused while a workspace's deals are
// unchanged. A dashboard asks the same question over and over (every rep opening the forecast), and
// aggregating a quarter of a large pipeline costs tens of milliseconds of database time; checking that
// nothing changed costs two index probes.
//
// The version of a workspace's deals is the latest updated_at of a live deal and the latest
// deleted_at: every write path stamps updated_at = now() (create, edit, move, line items, delete,
// restore), so any committed change moves it and the next request recomputes. It is read before the
// aggregates, so a change committed during a computation is never hidden behind it. One gap, closed
// by MAX_AGE_MS: a write whose updated_at is older than the newest one (a long transaction committing
// after a later one), which leaves the version where it was. (Deals created with historical dates
// still get updated_at = now().) Per process, so several servers each keep their own, all checked against the same database.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';

const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 500;

interface Entry {
  version: string;
  at: number;
  value: Promise<unknown>;
}

const entries = new Map<string, Entry>();

export async function dealsVersion(db: DbOrTrx, workspaceId: string): Promise<string> {
  const { rows } = await sql<{ version: string }>`
    SELECT concat_ws('|',
      (SELECT max(updated_at) FROM deals WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL),
      (SELECT max(deleted_at) FROM deals WHERE workspace_id = ${workspaceId} AND deleted_at IS NOT NULL)) AS version`.execute(db);
  return rows[0].version;
}

/**
 * `compute()` once per (workspace, key) and deals version; concurrent callers share one computation.
 * `version` null computes without the cache (the benchmark's uncached baseline).
 */
export function cachedAggregate<T>(workspaceId: string, version: string | null, key: unknown[], compute: () => Promise<T>): Promise<T> {
  if (version === null) return compute();
  const id = JSON.stringify([workspaceId, ...key]);
  const hit = entries.get(id);
  const now = Date.now();
  if (hit && hit.version === version && now - hit.at < MAX_AGE_MS) return hit.value as Promise<T>;
  const value = compute();
  entries.delete(id);
  entries.set(id, { version, at: now, value });
  value.catch(() => entries.get(id)?.value === value && entries.delete(id));
  // oldest first in a Map: drop beyond the limit
  for (const k of entries.keys()) {
    if (entries.size <= MAX_ENTRIES) break;
    entries.delete(k);
  }
  return value;
}
