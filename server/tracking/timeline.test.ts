// Contact and account timelines: sessions with their page views, touches, form submissions, other
// events, identify calls and notes, newest first, paginated and filtered by kind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { createSource, pageView, processTracking, sendTracking } from './tracking-test-kit.ts';

let server: TestServer;
let ws: TestWorkspace;
let contactId: string;
let colleagueId: string;
let accountId: string;

const at = (minute: number) => new Date(Date.UTC(2026, 10, 12, 14, 0) + minute * 60_000);
interface Item {
  id: string;
  kind: string;
  title: string;
  occurredAt: string;
  contactId: string | null;
  data: Record<string, any>; // any: per-kind payload
}

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  const source = await createSource(ws);
  accountId = (await ws.api.post('/api/v1/accounts', { name: 'Lovelace Labs', domain: 'lovelace.example' })).body.id;
  const res = await sendTracking(server, source.writeKey, 'batch', {
    batch: [
      pageView('t-anon', 'https://site.example/?utm_source=google&utm_medium=cpc&utm_campaign=Q4', at(0)),
      pageView('t-anon', 'https://site.example/pricing', at(2)),
      pageView('t-anon', 'https://site.example/demo', at(4)),
      {
        type: 'track',
        anonymousId: 't-anon',
        event: 'Form Submitted',
        properties: { formName: 'Demo request' },
        context: { page: { url: 'https://site.example/demo' } },
        timestamp: at(5).toISOString(),
      },
      {
        type: 'identify',
        anonymousId: 't-anon',
        traits: { email: 'ada@lovelace.example', firstName: 'Ada' },
        timestamp: at(6).toISOString(),
      },
      pageView('t-anon', 'https://site.example/docs', at(120)),
      { type: 'track', anonymousId: 't-anon', event: 'Trial Started', properties: { plan: 'team' }, timestamp: at(121).toISOString() },
      { type: 'identify', anonymousId: 't-colleague', traits: { email: 'charles@lovelace.example' }, timestamp: at(200).toISOString() },
      pageView('t-colleague', 'https://site.example/careers', at(201)),
    ],
  });
  expect(res.status).toBe(200);
  await processTracking(server, ws);
  contactId = (await ws.api.get('/api/v1/contacts?filter[email]=ada@lovelace.example')).body.data[0].id;
  colleagueId = (await ws.api.get('/api/v1/contacts?filter[email]=charles@lovelace.example')).body.data[0].id;
  await ws.api.post('/api/v1/notes', { contactId, body: 'Called Ada about the trial.\nShe wants SSO.' });
  await ws.api.post('/api/v1/notes', { accountId, body: 'Renewal in March' });
});
afterAll(async () => server?.close());

async function timeline(path: string): Promise<{ data: Item[]; nextCursor: string | null }> {
  const res = await ws.api.get(path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('timelines', () => {
  it("shows a contact's history newest first, page views grouped into sessions", async () => {
    const { data } = await timeline(`/api/v1/contacts/${contactId}/timeline`);
    const tracked = data.filter((i) => i.kind !== 'note');
    // items of the same moment (a visit's session and its touch) come in id order: compare as sets
    const moments: string[][] = [];
    tracked.forEach((item, i) => {
      if (i > 0 && tracked[i - 1].occurredAt === item.occurredAt) moments[moments.length - 1].push(`${item.kind}: ${item.title}`);
      else moments.push([`${item.kind}: ${item.title}`]);
    });
    expect(moments.map((m) => m.sort())).toEqual([
      ['event: Trial Started'],
      ['session: Viewed /docs', 'touch: Visit · Direct'],
      ['identify: Identified as ada@lovelace.example'],
      ['form_submission: Submitted Demo request', 'touch: Form submission · Direct'],
      ['session: Visited 3 pages, starting at /', 'touch: Visit · Paid Search · Q4'],
    ]);
    const first = data.find((i) => i.title === 'Visited 3 pages, starting at /')!;
    expect(first.data.pages.map((p: { url: string }) => p.url)).toEqual([
      'https://site.example/?utm_source=google&utm_medium=cpc&utm_campaign=Q4',
      'https://site.example/pricing',
      'https://site.example/demo',
    ]);
    expect(first.data.pageViews).toBe(3);
    expect(data.find((i) => i.kind === 'note')).toMatchObject({
      title: 'Called Ada about the trial.',
      data: { body: 'Called Ada about the trial.\nShe wants SSO.' },
    });
    expect(data.every((i) => i.contactId === contactId)).toBe(true);
  });

  it('pages through the timeline without gaps or repeats, and filters by kind', async () => {
    const all = (await timeline(`/api/v1/contacts/${contactId}/timeline?limit=100`)).data.map((i) => i.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Item[]; nextCursor: string | null } = await timeline(
        `/api/v1/contacts/${contactId}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.data.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);

    const sessions = (await timeline(`/api/v1/contacts/${contactId}/timeline?filter[kind]=session,note`)).data;
    expect(new Set(sessions.map((i) => i.kind))).toEqual(new Set(['session', 'note']));
    const bad = await ws.api.get(`/api/v1/contacts/${contactId}/timeline?filter[kind]=meeting`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('filter[kind]');
    expect((await ws.api.get(`/api/v1/contacts/${contactId}/timeline?cursor=garbage`)).status).toBe(400);
  });

  it("covers every contact of an account, and the account's own notes", async () => {
    const { data } = await timeline(`/api/v1/accounts/${accountId}/timeline`);
    const contacts = new Set(data.map((i) => i.contactId));
    expect(contacts).toEqual(new Set([contactId, colleagueId, null]));
    expect(data[0]).toMatchObject({ kind: 'note', title: 'Renewal in March', contactId: null });
    expect(data.some((i) => i.kind === 'session' && i.contactId === colleagueId)).toBe(true);
  });

  it('answers 404 for unknown contacts and accounts', async () => {
    expect((await ws.api.get('/api/v1/contacts/00000000-0000-4000-8000-000000000000/timeline')).status).toBe(404);
    expect((await ws.api.get('/api/v1/accounts/00000000-0000-4000-8000-000000000000/timeline')).status).toBe(404);
  });
});
