// Writing touches: campaigns matched (created on first sight) by utm_campaign, then one insert.
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import { campaignKey, ensureCampaigns } from '../campaigns/ensure-campaigns.ts';
import type { TouchRow } from './derive-touches.ts';

export async function insertTouches(db: DbOrTrx, ws: string, touches: TouchRow[]): Promise<void> {
  if (touches.length === 0) return;
  const named = touches.filter((t) => t.campaign && campaignKey(t.campaign));
  const campaigns = named.length
    ? await ensureCampaigns(
        db,
        ws,
        named.map((t) => ({ name: t.campaign!, channel: t.channel, seenAt: new Date(t.occurred_at) })),
      )
    : new Map<string, string>();
  const rows = touches.map((t) => ({ ...t, campaign_id: t.campaign ? (campaigns.get(campaignKey(t.campaign)) ?? null) : null }));
  await sql`
    INSERT INTO touches (workspace_id, contact_id, anonymous_id, user_id, occurred_at, kind, channel, source, medium,
      campaign_id, campaign, content, term, landing_page, referrer, click_id_type, event_id, visit_id)
    SELECT ${ws}, x.contact_id, x.anonymous_id, x.user_id, x.occurred_at, x.kind, x.channel, x.source, x.medium,
      x.campaign_id, x.campaign, x.content, x.term, x.landing_page, x.referrer, x.click_id_type, x.event_id, x.visit_id
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(contact_id uuid, anonymous_id text, user_id text,
      occurred_at timestamptz, kind text, channel text, source text, medium text, campaign_id uuid, campaign text,
      content text, term text, landing_page text, referrer text, click_id_type text, event_id uuid, visit_id uuid)`.execute(db);
}
