// The demo's marketing intake tells a coherent story when read back through the app's own API:
// touches across channels and campaigns, contacts whose timelines hold sessions (including the
// anonymous visits before they came in), form submissions with consents, and form analytics.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/harness.ts';
import { BUILT_IN_CHANNELS, FALLBACK_CHANNEL } from '../../channels/default-channel-rules.ts';
import { seedDemo } from '../seed-demo.ts';
import { DEMO_FORMS } from './website-site.ts';

const CONTACTS = 300;
const DAY = 86_400_000;

let server: TestServer;
let ws: string;
let api: ApiClient;
const logs: string[] = [];

async function rows<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(server.database.db)).rows;
}

beforeAll(async () => {
  server = await startTestServer();
  const ids = await seedDemo(server.database.db, {
    contacts: CONTACTS,
    workspace: 'Northwind Analytics (demo)',
    email: 'demo@tandem.local',
    password: 'tandem-demo',
    seed: 7,
    log: (m) => logs.push(m),
  });
  ws = ids.workspaceId;
  api = new ApiClient(server.url, { apiKey: ids.apiKey });
}, 300_000);
afterAll(async () => server?.close());

describe('tandem demo: website, campaigns and forms', () => {
  it('has a Website source and plausible volumes of events, visits and touches, creating no contact', async () => {
    const sources = await api.get('/api/v1/sources');
    expect(sources.status).toBe(200);
    expect(sources.body.data.map((s: { name: string }) => s.name)).toEqual(['Website']);
    expect(sources.body.data[0].eventCount).toBeGreaterThan(CONTACTS * 10);

    const [n] = await rows<{ events: number; pages: number; visits: number; touches: number; contacts: number; identities: number; inbox: number }>(sql`
      SELECT (SELECT count(*)::int FROM events WHERE workspace_id = ${ws}) AS events,
        (SELECT count(*)::int FROM events WHERE workspace_id = ${ws} AND type = 'page') AS pages,
        (SELECT count(*)::int FROM visits WHERE workspace_id = ${ws}) AS visits,
        (SELECT count(*)::int FROM touches WHERE workspace_id = ${ws}) AS touches,
        (SELECT count(*)::int FROM contacts WHERE workspace_id = ${ws}) AS contacts,
        (SELECT count(*)::int FROM identities WHERE workspace_id = ${ws}) AS identities,
        (SELECT count(*)::int FROM tracking_inbox WHERE workspace_id = ${ws}) AS inbox`);
    // 5,000 contacts → roughly 100–300k events: 20–60 per contact
    expect(n.events).toBeGreaterThan(CONTACTS * 20);
    expect(n.events).toBeLessThan(CONTACTS * 60);
    expect(n.pages / n.visits).toBeGreaterThan(1.5); // sessions have several page views
    expect(n.touches).toBeGreaterThanOrEqual(n.visits);
    expect(n.identities).toBeGreaterThan(CONTACTS / 2);
    expect(n).toMatchObject({ contacts: CONTACTS, inbox: 0 });
    expect(logs.some((l) => /events from .* visitors/.test(l))).toBe(true);
  });

  it('spreads the traffic over 18 months with weekday peaks and none in the future', async () => {
    const [span] = await rows<{ first: Date; last: Date; weekday: number; weekend: number }>(sql`
      SELECT min(occurred_at) AS first, max(occurred_at) AS last,
        count(*) FILTER (WHERE extract(isodow FROM occurred_at) < 6)::int AS weekday,
        count(*) FILTER (WHERE extract(isodow FROM occurred_at) >= 6)::int AS weekend
      FROM events WHERE workspace_id = ${ws}`);
    expect(span.last.getTime()).toBeLessThanOrEqual(Date.now());
    expect(span.first.getTime()).toBeLessThan(Date.now() - 480 * DAY);
    expect(span.weekday / 5).toBeGreaterThan((span.weekend / 2) * 2.5);
  });

  it('classifies every touch into a known channel, across at least six channels, with ad click ids', async () => {
    const channels = await rows<{ channel: string | null; n: number }>(sql`
      SELECT channel, count(*)::int AS n FROM touches WHERE workspace_id = ${ws} GROUP BY 1 ORDER BY 2 DESC`);
    const names = channels.map((c) => c.channel);
    const known = new Set(BUILT_IN_CHANNELS.map((c) => c.name));
    for (const name of names) {
      expect(name, 'touch without a channel').toBeTruthy();
      expect(known.has(name!), String(name)).toBe(true);
    }
    expect(names).not.toContain(FALLBACK_CHANNEL);
    expect(names.length).toBeGreaterThanOrEqual(6);
    expect(names).toEqual(expect.arrayContaining(['Organic Search', 'Paid Search', 'Paid Social', 'Email', 'Referral', 'Direct', 'Events']));

    const clicks = await rows<{ click_id_type: string; kind: string; n: number }>(sql`
      SELECT click_id_type, kind, count(*)::int AS n FROM touches WHERE workspace_id = ${ws} AND click_id_type IS NOT NULL GROUP BY 1, 2`);
    expect(clicks.map((c) => c.click_id_type)).toEqual(expect.arrayContaining(['gclid', 'li_fat_id']));
    // an ad's landing page carries the click id: the visit is an ad click, a form sent from that page a form touch
    expect(clicks.every((c) => c.kind === 'ad_click' || c.kind === 'form')).toBe(true);

    // the API lists them with the same channels
    const page = await api.get('/api/v1/touches?filter[channel]=Paid%20Search&limit=5');
    expect(page.status).toBe(200);
    expect(page.body.data.length).toBeGreaterThan(0);
    for (const t of page.body.data) expect(t.channel).toBe('Paid Search');
  });

  it('matches utm_campaign values to the named campaigns, each of which brought touches', async () => {
    const res = await api.get('/api/v1/campaigns?limit=100');
    expect(res.status).toBe(200);
    const campaigns: Array<{ utmCampaign: string; name: string; touchCount: number; contactCount: number; channel: string }> = res.body.data;
    const keys = campaigns.map((c) => c.utmCampaign);
    expect(keys).toEqual(expect.arrayContaining(['brand-search', 'pricing-page-retargeting', 'monthly-newsletter', 'partner-program']));
    expect(keys.some((k) => /^state-of-analytics-\d{4}$/.test(k))).toBe(true);
    expect(keys.some((k) => /^q[1-4]-\d{4}-webinar-series$/.test(k))).toBe(true);
    // no campaign was created on the fly from an unplanned utm_campaign value
    expect(campaigns.every((c) => c.name !== c.utmCampaign)).toBe(true);
    for (const c of campaigns) expect(c.touchCount, c.utmCampaign).toBeGreaterThan(0);
    const withContacts = campaigns.filter((c) => c.contactCount > 0).map((c) => c.utmCampaign);
    expect(withContacts).toEqual(expect.arrayContaining(['brand-search', 'monthly-newsletter']));

    const [untracked] = await rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM touches WHERE workspace_id = ${ws} AND campaign IS NOT NULL AND campaign_id IS NULL`);
    expect(untracked.n).toBe(0);
  });

  it("shows a converted contact's sessions (stitched from before it came in), touches, identify and form submission", async () => {
    const [c] = await rows<{ id: string; created_at: Date }>(sql`
      SELECT c.id, c.created_at FROM contacts c
      WHERE c.workspace_id = ${ws}
        AND EXISTS (SELECT 1 FROM form_submissions s WHERE s.workspace_id = c.workspace_id AND s.contact_id = c.id)
        AND EXISTS (SELECT 1 FROM visits v WHERE v.workspace_id = c.workspace_id AND v.contact_id = c.id
                    AND v.started_at < c.created_at - interval '1 day')
      ORDER BY c.created_at LIMIT 1`);
    expect(c, 'a contact with anonymous history before its form submission').toBeDefined();

    const items: Array<{ kind: string; occurredAt: string; title: string; data: Record<string, unknown> }> = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await api.get(`/api/v1/contacts/${c.id}/timeline?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      items.push(...res.body.data);
      cursor = res.body.nextCursor;
    } while (cursor);
    const kinds = new Set(items.map((i) => i.kind));
    for (const kind of ['session', 'touch', 'identify', 'form_submission']) expect(kinds.has(kind), kind).toBe(true);
    const early = items.filter((i) => i.kind === 'session' && Date.parse(i.occurredAt) < c.created_at.getTime() - DAY);
    expect(early.length).toBeGreaterThan(0);
    const session = items.find((i) => i.kind === 'session')!;
    expect((session.data.pages as unknown[]).length).toBe(session.data.pageViews);
    const form = items.find((i) => i.kind === 'form_submission')!;
    expect(DEMO_FORMS.map((f) => `Submitted ${f.name}`)).toContain(form.title);
  });

  it('records submissions on three forms with consents, and views above submissions in the analytics', async () => {
    const list = await api.get('/api/v1/forms?limit=10');
    expect(list.status).toBe(200);
    expect(list.body.data.map((f: { name: string }) => f.name).sort()).toEqual(DEMO_FORMS.map((f) => f.name).sort());
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 365 * DAY).toISOString().slice(0, 10);
    for (const form of list.body.data as Array<{ id: string; name: string; stats: { views: number; submissions: number } }>) {
      expect(form.stats.submissions, form.name).toBeGreaterThan(0);
      expect(form.stats.views, form.name).toBeGreaterThan(form.stats.submissions);
      const analytics = await api.get(`/api/v1/forms/${form.id}/analytics?from=${from}&to=${to}`);
      expect(analytics.status).toBe(200);
      expect(analytics.body.submissions, form.name).toBeGreaterThan(0);
      expect(analytics.body.views, form.name).toBeGreaterThan(analytics.body.submissions);
      const subs = await api.get(`/api/v1/forms/${form.id}/submissions?limit=5`);
      expect(subs.body.data[0].contact).not.toBeNull();
    }

    const [check] = await rows<{ submissions: number; events: number; form_touches: number; consents: number; orphan_consents: number; early: number }>(sql`
      SELECT (SELECT count(*)::int FROM form_submissions WHERE workspace_id = ${ws}) AS submissions,
        (SELECT count(*)::int FROM events WHERE workspace_id = ${ws} AND type = 'track' AND event = 'Form Submitted') AS events,
        (SELECT count(*)::int FROM touches WHERE workspace_id = ${ws} AND kind = 'form') AS form_touches,
        (SELECT count(*)::int FROM consents WHERE workspace_id = ${ws}) AS consents,
        (SELECT count(*)::int FROM consents k WHERE k.workspace_id = ${ws} AND NOT EXISTS (
          SELECT 1 FROM form_submissions s WHERE s.workspace_id = k.workspace_id AND s.id = k.submission_id AND s.contact_id = k.contact_id)) AS orphan_consents,
        (SELECT count(*)::int FROM form_submissions s JOIN contacts c ON c.workspace_id = s.workspace_id AND c.id = s.contact_id
          WHERE s.workspace_id = ${ws} AND s.created_at < c.created_at) AS early`);
    expect(check.submissions).toBeGreaterThan(CONTACTS / 3);
    expect(check.events).toBe(check.submissions);
    expect(check.form_touches).toBe(check.submissions);
    expect(check.consents).toBeGreaterThan(0);
    expect(check.consents).toBeLessThan(check.submissions);
    expect(check).toMatchObject({ orphan_consents: 0, early: 0 });
  });
});
