// Channel names for pickers and filters: the built-in ones first (in their usual order), then custom
// names a workspace introduced in its rules or typed on a campaign.
import type { DbOrTrx } from '../platform/db.ts';
import { readChannelRuleSet } from './channel-rules.store.ts';
import { BUILT_IN_CHANNELS } from './default-channel-rules.ts';

export async function listChannels(db: DbOrTrx, workspaceId: string) {
  const { rules } = await readChannelRuleSet(db, workspaceId);
  const onCampaigns = await db
    .selectFrom('campaigns')
    .select('channel')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where('channel', 'is not', null)
    .execute();
  const builtIn = new Set(BUILT_IN_CHANNELS.map((c) => c.name.toLowerCase()));
  const custom = new Map<string, string>();
  for (const name of [...rules.map((r) => r.channel), ...onCampaigns.map((c) => c.channel!)]) {
    if (!builtIn.has(name.toLowerCase()) && !custom.has(name.toLowerCase())) custom.set(name.toLowerCase(), name);
  }
  return [
    ...BUILT_IN_CHANNELS.map((c) => ({ name: c.name, builtIn: true, description: c.description })),
    ...[...custom.values()].sort((a, b) => a.localeCompare(b)).map((name) => ({ name, builtIn: false, description: null })),
  ];
}
