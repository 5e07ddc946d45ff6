// A workspace's channel rules. Tracking classifies every touch with them, so reads are cached per
// process for a short while; saving or resetting in this process clears the entry at once, other
// processes (a separate `tandem worker`) pick the change up within CACHE_MS.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { ChannelRule } from './channel-rules.schemas.ts';
import { DEFAULT_CHANNEL_RULES } from './default-channel-rules.ts';

const CACHE_MS = 30_000;
const cache = new Map<string, { rules: ChannelRule[]; isDefault: boolean; expires: number }>();

/** The workspace's rules in order, or the defaults when it has none saved. */
export async function loadChannelRules(db: DbOrTrx, workspaceId: string): Promise<ChannelRule[]> {
  return (await loadChannelRuleSet(db, workspaceId)).rules;
}

export async function loadChannelRuleSet(db: DbOrTrx, workspaceId: string): Promise<{ rules: ChannelRule[]; isDefault: boolean }> {
  const hit = cache.get(workspaceId);
  if (hit && hit.expires > Date.now()) return hit;
  const set = await readChannelRuleSet(db, workspaceId);
  cache.set(workspaceId, { ...set, expires: Date.now() + CACHE_MS });
  return set;
}

/** The saved rules straight from the database (no cache). */
export async function readChannelRuleSet(db: DbOrTrx, workspaceId: string): Promise<{ rules: ChannelRule[]; isDefault: boolean }> {
  const rows = await db
    .selectFrom('channel_rules')
    .select(['channel', 'conditions'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('position')
    .execute();
  const set = rows.length
    ? { rules: rows.map((r) => ({ channel: r.channel, conditions: r.conditions }) as ChannelRule), isDefault: false }
    : { rules: DEFAULT_CHANNEL_RULES, isDefault: true };
  return set;
}

/** Replaces the workspace's rules with `rules` (in order). Run it in a transaction; forget after commit. */
export async function saveChannelRules(trx: DbOrTrx, workspaceId: string, rules: ChannelRule[]): Promise<void> {
  await trx.deleteFrom('channel_rules').where('workspace_id', '=', workspaceId).execute();
  await sql`
    INSERT INTO channel_rules (workspace_id, position, channel, conditions)
    SELECT ${workspaceId}::uuid, t.position - 1, t.channel, t.conditions
    FROM unnest(${rules.map((r) => r.channel)}::text[], ${rules.map((r) => JSON.stringify(r.conditions))}::jsonb[])
      WITH ORDINALITY AS t(channel, conditions, position)
  `.execute(trx);
}

/** Back to the defaults (a workspace without saved rules uses them); forget after commit. */
export async function resetChannelRules(trx: DbOrTrx, workspaceId: string): Promise<void> {
  await trx.deleteFrom('channel_rules').where('workspace_id', '=', workspaceId).execute();
}

/** Drops the cached rules; call after the transaction that changed them commits, or a concurrent read could cache the old ones again. */
export function forgetChannelRules(workspaceId: string): void {
  cache.delete(workspaceId);
}
