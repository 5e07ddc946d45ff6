// Visits (30-minute rule) and touches: each visit's entry, ad clicks, email clicks and form
// submissions, classified into channels and matched to campaigns; the touches list and its filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { createSource, pageView, processTracking, sendTracking, type TestSource } from './tracking-test-kit.ts';

let server: TestServer;
let ws: TestWorkspace;
let source: TestSource;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  source = await createSource(ws);
});
afterAll(async () => server?.close());

const at = (minute: number) => new Date(Date.UTC(2026, 10, 10, 9, 0) + minute * 60_000);
async function sendAll(batch: object[]) {
  const res = await sendTracking(server, source.writeKey, 'batch', { batch });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await processTracking(server, ws);
}
type TouchOut = {
  id: string;
  kind: string;
  channel: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  campaignId: string | null;
  landingPage: string;
  clickIdType: string | null;
  occurredAt: string;
  contactId: string | null;
};
const touches = async (query: string) => (await ws.api.get(`/api/v1/touches?limit=100&${query}`)).body.data as TouchOut[];

describe('visits and touches', () => {
  it('opens a new visit after 30 minutes of inactivity, one touch per visit, in any arrival order', async () => {
    // sent out of order, and across two requests
    await sendAll([
      pageView('v1', 'https://site.example/c', at(25)),
      pageView('v1', 'https://site.example/a?utm_source=google&utm_medium=cpc&utm_campaign=Brand', at(0)),
    ]);
    await sendAll([
      pageView('v1', 'https://site.example/b', at(10)),
      pageView('v1', 'https://site.example/d', at(56)),
      pageView('v1', 'https://site.example/e', at(80)),
    ]);
    const list = await touches('filter[anonymousId]=v1&sort=occurredAt');
    // 0,10,25 → visit 1; 56 (31 min after 25) → visit 2; 80 (24 min after 56) → still visit 2
    expect(list.map((t) => [t.kind, t.landingPage, t.channel])).toEqual([
      ['visit', 'https://site.example/a?utm_source=google&utm_medium=cpc&utm_campaign=Brand', 'Paid Search'],
      ['visit', 'https://site.example/d', 'Direct'],
    ]);
    const pages = (await ws.api.get('/api/v1/events?filter[anonymousId]=v1&sort=occurredAt')).body.data as Array<{ visitId: string }>;
    const visits = pages.map((p) => p.visitId);
    expect(visits[0]).toBe(visits[1]);
    expect(visits[1]).toBe(visits[2]);
    expect(visits[3]).not.toBe(visits[2]);
    expect(visits[4]).toBe(visits[3]);
  });

  it('records ad clicks by click id, with the channel their network implies', async () => {
    await sendAll([
      pageView('v2', 'https://site.example/landing?gclid=abc123', at(0)),
      pageView('v2', 'https://site.example/next', at(2)),
      // a second ad click inside the same visit is a touch of its own
      pageView('v2', 'https://site.example/offer?fbclid=fb-1', at(5)),
      pageView('v3', 'https://site.example/?li_fat_id=li-9', at(0), { referrer: 'https://www.linkedin.com/' }),
    ]);
    expect((await touches('filter[anonymousId]=v2&sort=occurredAt')).map((t) => [t.kind, t.clickIdType, t.channel])).toEqual([
      ['ad_click', 'gclid', 'Paid Search'],
      ['ad_click', 'fbclid', 'Paid Social'],
    ]);
    expect((await touches('filter[anonymousId]=v3')).map((t) => [t.kind, t.clickIdType, t.source, t.channel])).toEqual([
      ['ad_click', 'li_fat_id', 'linkedin', 'Paid Social'],
    ]);
  });

  it('records email clicks and form submissions sent as track events', async () => {
    await sendAll([
      {
        type: 'track',
        anonymousId: 'v4',
        event: 'Email Link Clicked',
        properties: { url: 'https://site.example/webinar?utm_campaign=Webinar%20Nov&utm_source=newsletter&utm_medium=email' },
        timestamp: at(0).toISOString(),
      },
      {
        type: 'track',
        anonymousId: 'v4',
        event: 'Form Submitted',
        properties: { formName: 'Webinar signup' },
        context: {
          page: { url: 'https://site.example/webinar' },
          campaign: { name: 'webinar nov', source: 'newsletter', medium: 'email' },
        },
        timestamp: at(3).toISOString(),
      },
      { type: 'track', anonymousId: 'v4', event: 'Video Played', timestamp: at(4).toISOString() },
    ]);
    const list = await touches('filter[anonymousId]=v4&sort=occurredAt');
    expect(list.map((t) => [t.kind, t.channel, t.campaign])).toEqual([
      ['email_click', 'Email', 'Webinar Nov'],
      ['form', 'Email', 'webinar nov'],
    ]);
    // one campaign, whatever the case of utm_campaign
    expect(list[0].campaignId).not.toBeNull();
    expect(list[1].campaignId).toBe(list[0].campaignId);
    const campaign = (await ws.api.get(`/api/v1/campaigns/${list[0].campaignId}`)).body;
    expect(campaign.name).toBe('Webinar Nov');
  });

  it('filters and pages the touches list', async () => {
    const paid = await touches('filter[channel]=Paid Social');
    expect(paid.length).toBe(2);
    expect(paid.every((t) => t.channel === 'Paid Social')).toBe(true);
    expect((await touches('filter[kind]=form')).length).toBe(1);
    const window = await touches(`filter[occurredAt][gte]=${at(1).toISOString()}&filter[occurredAt][lt]=${at(6).toISOString()}`);
    expect(window.map((t) => t.occurredAt).every((o) => o >= at(1).toISOString() && o < at(6).toISOString())).toBe(true);
    expect(window.map((t) => t.kind).sort()).toEqual(['ad_click', 'form']);
    const bad = await ws.api.get('/api/v1/touches?filter[kind]=billboard');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('filter[kind]');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: TouchOut[]; nextCursor: string | null } = (
        await ws.api.get(`/api/v1/touches?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      seen.push(...page.data.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = await touches('');
    expect(seen).toEqual(all.map((t) => t.id));
    expect(new Set(seen).size).toBe(all.length);
  });

  it('refuses events older than the retention period', async () => {
    const old = new Date(Date.now() - 40 * 31 * 24 * 3600 * 1000);
    const res = await sendTracking(server, source.writeKey, 'track', { userId: 'u', event: 'Ancient', timestamp: old.toISOString() });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ path: 'timestamp', message: expect.stringMatching(/retention/) });
  });
});
