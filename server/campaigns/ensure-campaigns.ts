// Campaigns are created the first time a utm_campaign value is seen. Called by tracking with every
// campaign name in a batch of touches: one INSERT … ON CONFLICT for all of them, so concurrent batches
// naming the same new campaign end with one row, and both get its id.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';

/** The key a campaign is matched by: the utm_campaign value trimmed and lower-cased. */
export function campaignKey(name: string): string {
  return name.trim().toLowerCase();
}

const MAX_NAME = 200;

export async function ensureCampaigns(
  trx: DbOrTrx,
  workspaceId: string,
  seen: { name: string; channel: string | null; seenAt: Date }[],
): Promise<Map<string, string>> {
  // one row per key: the display name and channel of its earliest sighting
  const firsts = new Map<string, { name: string; channel: string | null; seenAt: Date }>();
  for (const s of seen) {
    const name = s.name.trim().slice(0, MAX_NAME);
    const key = campaignKey(name);
    if (!key) continue;
    const prev = firsts.get(key);
    if (!prev || s.seenAt < prev.seenAt) firsts.set(key, { name, channel: s.channel, seenAt: s.seenAt });
  }
  if (firsts.size === 0) return new Map();
  const keys = [...firsts.keys()];
  const rows = [...firsts.values()];
  // Writes only what is new: missing campaigns, and an earlier first_seen_at (late-arriving history).
  // The final SELECT runs on the statement's snapshot, so it returns the rows that existed before it;
  // `ins` adds the ones it created.
  const found = await sql<{ id: string; name_key: string }>`
    WITH input AS (
      SELECT * FROM unnest(${rows.map((r) => r.name)}::text[], ${keys}::text[], ${rows.map((r) => r.channel)}::text[],
                           ${rows.map((r) => r.seenAt.toISOString())}::timestamptz[]) AS t(name, name_key, channel, seen_at)
    ),
    earlier AS (
      UPDATE campaigns c SET first_seen_at = i.seen_at
      FROM input i
      WHERE c.workspace_id = ${workspaceId} AND c.name_key = i.name_key
        AND (c.first_seen_at IS NULL OR c.first_seen_at > i.seen_at)
    ),
    ins AS (
      INSERT INTO campaigns (workspace_id, name, name_key, channel, first_seen_at)
      SELECT ${workspaceId}, name, name_key, channel, seen_at FROM input ORDER BY name_key
      ON CONFLICT (workspace_id, name_key) DO NOTHING
      RETURNING id, name_key
    )
    SELECT id, name_key FROM ins
    UNION ALL
    SELECT c.id, c.name_key FROM campaigns c JOIN input i ON c.name_key = i.name_key
    WHERE c.workspace_id = ${workspaceId}
  `.execute(trx);
  const ids = new Map(found.rows.map((r) => [r.name_key, r.id]));
  // A concurrent transaction that created a key after this statement's snapshot leaves it out of both
  // halves; by now it has committed (ON CONFLICT waited for it), so a fresh read finds it.
  const missing = keys.filter((k) => !ids.has(k));
  if (missing.length) {
    const late = await trx
      .selectFrom('campaigns')
      .select(['id', 'name_key'])
      .where('workspace_id', '=', workspaceId)
      .where('name_key', 'in', missing)
      .execute();
    for (const r of late) ids.set(r.name_key, r.id);
  }
  return ids;
}
