// Activities on the one timeline: a contact's shows what was logged on them and the meetings they
// attended, an account's also what was logged on the account and its people; filtering by kind and
// paging work across activities and notes together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;
let accountId: string;
let hankId: string;
let margeId: string;
const ids: Record<string, string> = {};

async function add(name: string, body: Record<string, unknown>): Promise<void> {
  const res = await api.post('/api/v1/activities', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[name] = res.body.id;
}

interface Item {
  id: string;
  kind: string;
  title: string;
  occurredAt: string;
  data: Record<string, any>;
}

async function timeline(url: string): Promise<Item[]> {
  const res = await api.get(url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
  accountId = (await api.post('/api/v1/accounts', { name: 'Initech', domain: 'initech.test' })).body.id;
  hankId = (await api.post('/api/v1/contacts', { email: 'hank@initech.test', firstName: 'Hank' })).body.id;
  margeId = (await api.post('/api/v1/contacts', { email: 'marge@initech.test', firstName: 'Marge' })).body.id;
  await add('call', { type: 'call', contactId: hankId, outcome: 'no_answer', occurredAt: '2026-01-05T10:00:00Z' });
  await api.post('/api/v1/notes', { contactId: hankId, body: 'Met Hank at the fair' });
  await add('email', { type: 'email', contactId: hankId, subject: 'Pricing', occurredAt: '2026-01-06T10:00:00Z' });
  await add('meeting', {
    type: 'meeting', subject: 'Kickoff', contactId: margeId, startsAt: '2026-01-07T10:00:00Z', attendeeContactIds: [margeId, hankId],
  });
  await add('accountTask', { type: 'task', subject: 'Renewal plan', accountId });
  await add('deleted', { type: 'call', contactId: hankId, subject: 'Wrong person', occurredAt: '2026-01-08T10:00:00Z' });
  await api.delete(`/api/v1/activities/${ids.deleted}`);
});
afterAll(async () => server?.close());

describe('activities on timelines', () => {
  it('shows a contact’s calls, emails and the meetings they attended, newest first, next to notes', async () => {
    const items = await timeline(`/api/v1/contacts/${hankId}/timeline`);
    const activities = items.filter((i) => i.kind === 'activity');
    expect(activities.map((i) => i.id)).toEqual([ids.meeting, ids.email, ids.call]);
    expect(activities.map((i) => i.data.activityType)).toEqual(['meeting', 'email', 'call']);
    expect(activities.map((i) => i.title)).toEqual(['Meeting: Kickoff', 'Pricing', 'Call with Hank (no answer)']);
    expect(activities[2].occurredAt).toBe('2026-01-05T10:00:00.000Z');
    expect(activities[2].data).toMatchObject({ outcome: 'no_answer', contact: { id: hankId, name: 'Hank' } });
    expect(items.some((i) => i.kind === 'note')).toBe(true);
    const times = items.map((i) => i.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(items.map((i) => i.id)).not.toContain(ids.deleted);
  });

  it('shows an account’s own activities and those of its people', async () => {
    const items = await timeline(`/api/v1/accounts/${accountId}/timeline?filter[kind]=activity`);
    expect(items.map((i) => i.id).sort()).toEqual([ids.accountTask, ids.call, ids.email, ids.meeting].sort());
    expect(items.find((i) => i.id === ids.accountTask)).toMatchObject({ title: 'Task: Renewal plan', data: { activityType: 'task', done: false } });
  });

  it('filters by kind', async () => {
    const onlyActivities = await timeline(`/api/v1/contacts/${hankId}/timeline?filter[kind]=activity`);
    expect(onlyActivities.map((i) => i.kind)).toEqual(['activity', 'activity', 'activity']);
    const onlyNotes = await timeline(`/api/v1/contacts/${hankId}/timeline?filter[kind]=note`);
    expect(onlyNotes.map((i) => i.kind)).toEqual(['note']);
    const both = await timeline(`/api/v1/contacts/${hankId}/timeline?filter[kind]=note,activity`);
    expect(both).toHaveLength(4);
  });

  it('pages through activities and notes together without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: any } = await api.get(`/api/v1/contacts/${hankId}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((i: Item) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const all = (await timeline(`/api/v1/contacts/${hankId}/timeline`)).map((i) => i.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('reflects edits: a completed task, a meeting moved to another day', async () => {
    await api.post(`/api/v1/activities/${ids.accountTask}/complete`);
    await api.patch(`/api/v1/activities/${ids.meeting}`, { startsAt: '2026-01-04T10:00:00Z' });
    const items = await timeline(`/api/v1/accounts/${accountId}/timeline?filter[kind]=activity`);
    expect(items.find((i) => i.id === ids.accountTask)?.data.done).toBe(true);
    const hank = await timeline(`/api/v1/contacts/${hankId}/timeline?filter[kind]=activity`);
    expect(hank.map((i) => i.id)).toEqual([ids.email, ids.call, ids.meeting]);
  });

  it('shows a deal’s activities on the deal’s timeline, filed on the deal’s account too', async () => {
    const deal = await api.post('/api/v1/deals', { name: 'Initech expansion', accountId });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    await add('dealCall', { type: 'call', dealId: deal.body.id, outcome: 'connected', occurredAt: '2026-01-09T10:00:00Z' });
    const call = (await api.get(`/api/v1/activities/${ids.dealCall}`)).body;
    expect(call).toMatchObject({ dealId: deal.body.id, deal: { id: deal.body.id, name: 'Initech expansion' }, accountId });

    const items = (await api.get(`/api/v1/deals/${deal.body.id}/timeline`)).body.data as Item[];
    expect(items.map((i) => i.kind)).toContain('activity');
    const onDeal = (await api.get(`/api/v1/deals/${deal.body.id}/timeline?filter[kind]=activity`)).body.data as Item[];
    expect(onDeal.map((i) => i.id)).toEqual([ids.dealCall]);
    expect(onDeal[0]).toMatchObject({ title: 'Call with Initech (connected)', data: { activityType: 'call' } });
    const account = await timeline(`/api/v1/accounts/${accountId}/timeline?filter[kind]=activity`);
    expect(account.map((i) => i.id)).toContain(ids.dealCall);
    expect((await api.get(`/api/v1/activities?filter[dealId]=${deal.body.id}`)).body.data).toHaveLength(1);
  });

  it('shows nothing of one workspace’s activities on another’s timelines', async () => {
    const other = await createTestWorkspace(server);
    expect((await other.api.get(`/api/v1/contacts/${hankId}/timeline`)).status).toBe(404);
    const theirs = (await other.api.post('/api/v1/contacts', { email: 'hank@initech.test' })).body.id;
    expect((await other.api.get(`/api/v1/contacts/${theirs}/timeline`)).body.data).toEqual([]);
  });
});
