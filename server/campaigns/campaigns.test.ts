// Campaigns as marketing manages them: created by hand or on first sight of a utm_campaign, edited
// without losing their tagged traffic, listed with touch and contact counts, deleted to a trash.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { campaignKey, ensureCampaigns } from './ensure-campaigns.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
});
afterAll(async () => server?.close());

function errorPaths(res: { status: number; body: any; headers: Headers }, status = 400): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

async function insertTouches(workspaceId: string, campaignId: string, contactIds: Array<string | null>, at = new Date()) {
  await sql`
    INSERT INTO touches (workspace_id, id, contact_id, anonymous_id, occurred_at, kind, channel, campaign_id, campaign)
    SELECT ${workspaceId}::uuid, gen_random_uuid(), c, CASE WHEN c IS NULL THEN 'anon' END, ${at.toISOString()}::timestamptz,
           'visit', 'Email', ${campaignId}::uuid, 'x'
    FROM unnest(${contactIds}::uuid[]) AS c`.execute(server.database.db);
}

describe('campaigns', () => {
  it('creates, reads, updates, deletes and restores a campaign', async () => {
    const created = await api.post('/api/v1/campaigns', {
      name: '  Spring Launch 2026 ',
      channel: 'Paid Social',
      startDate: '2026-03-01',
      endDate: '2026-04-30',
      description: 'LinkedIn + Meta push for the new plan',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Spring Launch 2026',
      utmCampaign: 'spring launch 2026',
      channel: 'Paid Social',
      status: 'active',
      startDate: '2026-03-01',
      endDate: '2026-04-30',
      touchCount: 0,
      contactCount: 0,
      firstSeenAt: null,
      deletedAt: null,
    });
    const id = created.body.id;
    expect((await api.get(`/api/v1/campaigns/${id}`)).body).toEqual(created.body);

    const renamed = await api.patch(`/api/v1/campaigns/${id}`, { name: 'Spring launch', status: 'paused', endDate: null });
    expect(renamed.status).toBe(200);
    // renaming keeps the utm_campaign key, so already tagged links keep counting
    expect(renamed.body).toMatchObject({ name: 'Spring launch', utmCampaign: 'spring launch 2026', status: 'paused', endDate: null });

    expect((await api.delete(`/api/v1/campaigns/${id}`)).body).toEqual({ id, deleted: true });
    expect((await api.get('/api/v1/campaigns')).body.data.map((c: { id: string }) => c.id)).not.toContain(id);
    const trash = await api.get('/api/v1/campaigns?deleted=true');
    expect(trash.body.data.map((c: { id: string }) => c.id)).toContain(id);
    expect((await api.get(`/api/v1/campaigns/${id}`)).body.deletedAt).not.toBeNull();
    expect((await api.delete(`/api/v1/campaigns/${id}`)).status).toBe(404);
    expect((await api.patch(`/api/v1/campaigns/${id}`, { name: 'x' })).status).toBe(404);

    const restored = await api.post(`/api/v1/campaigns/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id, deletedAt: null, name: 'Spring launch' });
  });

  it('names the field of bad input, and writes nothing', async () => {
    const before = (await api.get('/api/v1/campaigns?includeTotal=true')).body.totalCount;
    expect(errorPaths(await api.post('/api/v1/campaigns', {}))).toEqual(['name']);
    expect(errorPaths(await api.post('/api/v1/campaigns', { name: '   ' }))).toEqual(['name']);
    expect(errorPaths(await api.post('/api/v1/campaigns', { name: 'x'.repeat(201) }))).toEqual(['name']);
    expect(errorPaths(await api.post('/api/v1/campaigns', { name: 'A', startDate: '2026-02-30' }))).toEqual(['startDate']);
    expect(errorPaths(await api.post('/api/v1/campaigns', { name: 'A', endDate: 'tomorrow' }))).toEqual(['endDate']);
    expect(errorPaths(await api.post('/api/v1/campaigns', { name: 'A', startDate: '2026-05-01', endDate: '2026-04-01' }))).toEqual([
      'endDate',
    ]);
    expect(errorPaths(await api.post('/api/v1/campaigns', { name: 'A', status: 'running' }))).toEqual(['status']);
    expect(errorPaths(await api.post('/api/v1/campaigns', { name: 'A', channel: '' }))).toEqual(['channel']);
    expect(errorPaths(await api.post('/api/v1/campaigns', { name: 'A', budget: 100 }))).toEqual(['budget']);
    expect(errorPaths(await api.post('/api/v1/campaigns', '{"name":', { 'content-type': 'application/json' }))).toEqual([]);
    expect((await api.get('/api/v1/campaigns?includeTotal=true')).body.totalCount).toBe(before);

    // a one-sided date change is checked against the stored other date
    const c = (await api.post('/api/v1/campaigns', { name: 'Dated', startDate: '2026-06-01', endDate: '2026-06-30' })).body;
    expect(errorPaths(await api.patch(`/api/v1/campaigns/${c.id}`, { endDate: '2026-05-01' }))).toEqual(['endDate']);
    expect(errorPaths(await api.patch(`/api/v1/campaigns/${c.id}`, { startDate: '2026-07-01' }))).toEqual(['startDate']);
    expect((await api.get(`/api/v1/campaigns/${c.id}`)).body).toMatchObject({ startDate: '2026-06-01', endDate: '2026-06-30' });
    expect((await api.get('/api/v1/campaigns/not-an-id')).status).toBe(400);
    expect((await api.get('/api/v1/campaigns/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('keeps utm_campaign keys unique per workspace, deleted campaigns included (409 naming the field)', async () => {
    const first = (await api.post('/api/v1/campaigns', { name: 'Webinar Q1', utmCampaign: 'WEBINAR-Q1' })).body;
    expect(first.utmCampaign).toBe('webinar-q1');
    const dupe = await api.post('/api/v1/campaigns', { name: 'Other name', utmCampaign: 'webinar-q1 ' });
    expect(errorPaths(dupe, 409)).toEqual(['utmCampaign']);
    expect(dupe.body.detail).toContain('Webinar Q1');
    expect(errorPaths(await api.post('/api/v1/campaigns', { name: 'webinar-q1' }), 409)).toEqual(['name']);

    await api.delete(`/api/v1/campaigns/${first.id}`);
    const again = await api.post('/api/v1/campaigns', { name: 'webinar-q1' });
    expect(errorPaths(again, 409)).toEqual(['name']);
    expect(again.body.detail).toContain('trash');

    const other = (await api.post('/api/v1/campaigns', { name: 'Webinar Q2' })).body;
    expect(errorPaths(await api.patch(`/api/v1/campaigns/${other.id}`, { utmCampaign: 'webinar-q1' }), 409)).toEqual(['utmCampaign']);
    expect((await api.patch(`/api/v1/campaigns/${other.id}`, { utmCampaign: 'webinar-q2-2026' })).body.utmCampaign).toBe('webinar-q2-2026');

    const elsewhere = await createTestWorkspace(server);
    expect((await elsewhere.api.post('/api/v1/campaigns', { name: 'webinar-q1' })).status).toBe(201);
  });

  it('replays a POST with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'campaign-create-1' };
    const a = await api.post('/api/v1/campaigns', { name: 'Idempotent' }, headers);
    const b = await api.post('/api/v1/campaigns', { name: 'Idempotent' }, headers);
    expect(a.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
  });

  it('lets viewers and sales read campaigns but not change them', async () => {
    const id = (await api.post('/api/v1/campaigns', { name: 'Read only' })).body.id;
    for (const role of ['viewer', 'sales'] as const) {
      const client = await ws.as(role);
      expect((await client.get('/api/v1/campaigns')).status).toBe(200);
      expect((await client.get(`/api/v1/campaigns/${id}`)).status).toBe(200);
      expect((await client.post('/api/v1/campaigns', { name: `By ${role}` })).status, role).toBe(403);
      expect((await client.patch(`/api/v1/campaigns/${id}`, { name: 'x' })).status, role).toBe(403);
      expect((await client.delete(`/api/v1/campaigns/${id}`)).status, role).toBe(403);
      expect((await client.post(`/api/v1/campaigns/${id}/restore`)).status, role).toBe(403);
    }
    const marketing = await ws.as('marketing');
    expect((await marketing.patch(`/api/v1/campaigns/${id}`, { channel: 'Email' })).status).toBe(200);
  });
});

describe('ensureCampaigns', () => {
  it('creates each new campaign once, named and channelled by its first sighting, and finds existing ones', async () => {
    const db = server.database.db;
    const own = await createTestWorkspace(server);
    const existing = (await own.api.post('/api/v1/campaigns', { name: 'Black Friday', channel: 'Email' })).body;
    const ids = await ensureCampaigns(db, own.workspaceId, [
      { name: 'black friday', channel: 'Paid Search', seenAt: new Date('2026-11-20T10:00:00Z') },
      { name: 'Retargeting_Nov', channel: 'Paid Social', seenAt: new Date('2026-11-21T10:00:00Z') },
      { name: ' retargeting_nov ', channel: 'Display', seenAt: new Date('2026-11-19T08:00:00Z') },
      { name: '   ', channel: null, seenAt: new Date() },
    ]);
    expect([...ids.keys()].sort()).toEqual(['black friday', 'retargeting_nov']);
    expect(ids.get('black friday')).toBe(existing.id);
    const created = (await own.api.get(`/api/v1/campaigns/${ids.get(campaignKey('RETARGETING_NOV'))}`)).body;
    expect(created).toMatchObject({
      name: 'retargeting_nov',
      channel: 'Display',
      status: 'active',
      firstSeenAt: '2026-11-19T08:00:00.000Z',
    });
    // a manually created campaign keeps its channel, and learns when its traffic started
    expect((await own.api.get(`/api/v1/campaigns/${existing.id}`)).body).toMatchObject({
      channel: 'Email',
      firstSeenAt: '2026-11-20T10:00:00.000Z',
    });

    // later sightings change nothing; an earlier (late-arriving) one moves firstSeenAt back
    const again = await ensureCampaigns(db, own.workspaceId, [
      { name: 'Retargeting_Nov', channel: 'Email', seenAt: new Date('2026-12-01T00:00:00Z') },
      { name: 'Black Friday', channel: null, seenAt: new Date('2026-11-01T00:00:00Z') },
    ]);
    expect(again).toEqual(ids);
    expect((await own.api.get(`/api/v1/campaigns/${ids.get('retargeting_nov')}`)).body).toMatchObject({
      channel: 'Display',
      firstSeenAt: '2026-11-19T08:00:00.000Z',
    });
    expect((await own.api.get(`/api/v1/campaigns/${existing.id}`)).body.firstSeenAt).toBe('2026-11-01T00:00:00.000Z');
    expect(await ensureCampaigns(db, own.workspaceId, [])).toEqual(new Map());
  });

  it('ends with one campaign when concurrent batches see the same new name', async () => {
    const own = await createTestWorkspace(server);
    const seen = [{ name: 'Launch Week', channel: 'Email', seenAt: new Date() }];
    const results = await Promise.all(
      Array.from({ length: 6 }, () => server.database.db.transaction().execute((trx) => ensureCampaigns(trx, own.workspaceId, seen))),
    );
    const ids = new Set(results.map((r) => r.get('launch week')));
    expect(ids.size).toBe(1);
    expect((await own.api.get('/api/v1/campaigns?includeTotal=true')).body.totalCount).toBe(1);
  });

  it('links traffic for a deleted campaign to it rather than creating another', async () => {
    const own = await createTestWorkspace(server);
    const c = (await own.api.post('/api/v1/campaigns', { name: 'Old promo' })).body;
    await own.api.delete(`/api/v1/campaigns/${c.id}`);
    const ids = await ensureCampaigns(server.database.db, own.workspaceId, [{ name: 'OLD PROMO', channel: null, seenAt: new Date() }]);
    expect(ids.get('old promo')).toBe(c.id);
    expect((await own.api.get('/api/v1/campaigns')).body.data).toEqual([]);
  });
});

describe('campaign list', () => {
  let own: TestWorkspace;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    own = await createTestWorkspace(server);
    const specs = [
      { name: 'Alpha webinar', channel: 'Events', status: 'completed', startDate: '2026-01-10' },
      { name: 'Beta newsletter', channel: 'Email', startDate: '2026-02-01' },
      { name: 'Gamma search', channel: 'Paid Search', startDate: '2026-03-15' },
      { name: 'Delta social', channel: 'Paid Social' },
      { name: 'Epsilon planned', status: 'planned', startDate: '2026-12-01' },
    ];
    for (const s of specs) ids[s.name] = (await own.api.post('/api/v1/campaigns', s)).body.id;
  });

  it('pages through every campaign once with a cursor, in any sort', async () => {
    for (const sort of ['name', '-name', 'startDate', '-startDate', 'createdAt', '-updatedAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/campaigns?limit=2&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = await own.api.get(url);
        expect(page.status, `${sort}: ${JSON.stringify(page.body)}`).toBe(200);
        seen.push(...page.body.data.map((c: { name: string }) => c.name));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.sort(), sort).toEqual(Object.keys(ids).sort());
    }
    const byStart = (await own.api.get('/api/v1/campaigns?sort=startDate')).body.data.map((c: { name: string }) => c.name);
    expect(byStart).toEqual(['Alpha webinar', 'Beta newsletter', 'Gamma search', 'Epsilon planned', 'Delta social']);
  });

  it('filters by channel, status and dates, and searches names', async () => {
    const names = async (query: string) =>
      (await own.api.get(`/api/v1/campaigns?${query}`)).body.data.map((c: { name: string }) => c.name).sort();
    expect(await names('filter[channel]=Email')).toEqual(['Beta newsletter']);
    expect(await names('filter[channel][in]=Paid Search,Paid Social')).toEqual(['Delta social', 'Gamma search']);
    expect(await names('filter[status]=planned')).toEqual(['Epsilon planned']);
    expect(await names('filter[startDate][gte]=2026-02-01&filter[startDate][lt]=2026-12-01')).toEqual(['Beta newsletter', 'Gamma search']);
    expect(await names('filter[channel][exists]=false')).toEqual(['Epsilon planned']);
    expect(await names('q=NEWS')).toEqual(['Beta newsletter']);
    expect(await names('q=alpha web')).toEqual(['Alpha webinar']);
    expect(errorPaths(await own.api.get('/api/v1/campaigns?filter[status]=running'))).toEqual(['filter[status]']);
    expect(errorPaths(await own.api.get('/api/v1/campaigns?sort=budget'))).toEqual(['sort']);
    expect(errorPaths(await own.api.get('/api/v1/campaigns?cursor=garbage'))).toEqual(['cursor']);
  });

  it('counts touches and distinct contacts per campaign', async () => {
    const a = (await own.api.post('/api/v1/contacts', { email: 'a@counts.test' })).body.id;
    const b = (await own.api.post('/api/v1/contacts', { email: 'b@counts.test' })).body.id;
    await insertTouches(own.workspaceId, ids['Beta newsletter']!, [a, a, b, null], new Date('2026-02-03T09:00:00Z'));
    await insertTouches(own.workspaceId, ids['Gamma search']!, [b]);
    const list = (await own.api.get('/api/v1/campaigns?sort=name')).body.data;
    const counts = Object.fromEntries(list.map((c: any) => [c.name, [c.touchCount, c.contactCount]]));
    expect(counts).toEqual({
      'Alpha webinar': [0, 0],
      'Beta newsletter': [4, 2],
      'Gamma search': [1, 1],
      'Delta social': [0, 0],
      'Epsilon planned': [0, 0],
    });
    const detail = (await own.api.get(`/api/v1/campaigns/${ids['Beta newsletter']}`)).body;
    expect(detail).toMatchObject({ touchCount: 4, contactCount: 2, lastTouchAt: '2026-02-03T09:00:00.000Z' });
  });
});
