// Merging two contacts: the survivor keeps its values, fills its blanks, and takes all of the other's
// history; the other is deleted with a pointer; later events of the other's visitor land on the survivor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { createSource, pageView, processTracking, sendTracking, type TestSource } from '../tracking/tracking-test-kit.ts';

let server: TestServer;
let ws: TestWorkspace;
let source: TestSource;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  source = await createSource(ws);
  await ws.api.post('/api/v1/custom-fields', { objectType: 'contact', label: 'Plan', type: 'text' });
  await ws.api.post('/api/v1/custom-fields', { objectType: 'contact', label: 'Seats', type: 'number' });
});
afterAll(async () => server?.close());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

async function track(batch: object[]) {
  const res = await sendTracking(server, source.writeKey, 'batch', { batch });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await processTracking(server, ws);
}

describe('POST /api/v1/contacts/{id}/merge', () => {
  it('keeps the survivor, fills its blanks and moves all history of the other', async () => {
    const keep = (
      await ws.api.post('/api/v1/contacts', { email: 'ada@work.example', firstName: 'Ada', tags: ['vip'], customFields: { plan: 'team' } })
    ).body;
    // the same person, known from a personal address with a browser history
    await track([
      pageView('anon-personal', 'https://site.example/?utm_source=twitter&utm_medium=social', minutesAgo(90)),
      {
        type: 'identify',
        anonymousId: 'anon-personal',
        userId: 'u-ada-personal',
        traits: { email: 'ada@personal.example', lastName: 'Lovelace', phone: '+1 555 0100' },
        timestamp: minutesAgo(89).toISOString(),
      },
    ]);
    const other = (await ws.api.get('/api/v1/contacts?filter[email]=ada@personal.example')).body.data[0];
    await ws.api.patch(`/api/v1/contacts/${other.id}`, { tags: ['newsletter', 'vip'], customFields: { plan: 'free', seats: 3 } });
    await ws.api.post('/api/v1/notes', { contactId: other.id, body: 'Met at the conference' });

    const res = await ws.api.post(`/api/v1/contacts/${keep.id}/merge`, { otherId: other.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.mergedId).toBe(other.id);
    expect(res.body.contact).toMatchObject({
      id: keep.id,
      email: 'ada@work.example',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '+1 555 0100',
      tags: ['vip', 'newsletter'],
      customFields: { plan: 'team', seats: 3 },
    });
    expect(res.body.moved).toMatchObject({ events: 2, touches: 1, visits: 1, notes: 1, identities: 2 });

    expect((await ws.api.get(`/api/v1/contacts/${other.id}`)).status).toBe(404);
    const pointer = await sql<{ merged_into_id: string; deleted_at: Date | null }>`
      SELECT merged_into_id, deleted_at FROM contacts WHERE workspace_id = ${ws.workspaceId} AND id = ${other.id}`.execute(
      server.database.db,
    );
    expect(pointer.rows[0]).toMatchObject({ merged_into_id: keep.id, deleted_at: expect.any(Date) });

    const timeline = (await ws.api.get(`/api/v1/contacts/${keep.id}/timeline`)).body.data as Array<{ kind: string; title: string }>;
    expect(timeline.map((i) => i.kind).sort()).toEqual(['identify', 'note', 'session', 'touch']);
    expect((await ws.api.get(`/api/v1/notes?filter[contactId]=${keep.id}`)).body.data.map((n: { body: string }) => n.body)).toEqual([
      'Met at the conference',
    ]);

    // the other's browser and user id now lead to the survivor
    await track([
      pageView('anon-personal', 'https://site.example/pricing', minutesAgo(1)),
      { type: 'track', userId: 'u-ada-personal', event: 'Upgraded' },
    ]);
    const events = (await ws.api.get(`/api/v1/events?filter[contactId]=${keep.id}`)).body.data as Array<{
      event: string | null;
      type: string;
    }>;
    expect(events.map((e) => e.type).sort()).toEqual(['identify', 'page', 'page', 'track']);
    // the personal address is free again: a new contact can use it
    expect((await ws.api.post('/api/v1/contacts', { email: 'ada@personal.example' })).status).toBe(201);
  });

  it('takes the other email when the survivor has none', async () => {
    const keep = (await ws.api.post('/api/v1/contacts', { firstName: 'Nameless' })).body;
    const other = (await ws.api.post('/api/v1/contacts', { email: 'found@later.example' })).body;
    const res = await ws.api.post(`/api/v1/contacts/${keep.id}/merge`, { otherId: other.id });
    expect(res.body.contact).toMatchObject({ email: 'found@later.example', firstName: 'Nameless' });
  });

  it('refuses bad requests without changing anything', async () => {
    const a = (await ws.api.post('/api/v1/contacts', { email: 'a@refuse.example' })).body;
    const same = await ws.api.post(`/api/v1/contacts/${a.id}/merge`, { otherId: a.id });
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual([{ path: 'otherId', message: 'must be a different contact than the one kept' }]);
    const missing = await ws.api.post(`/api/v1/contacts/${a.id}/merge`, { otherId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe('otherId');
    expect((await ws.api.post(`/api/v1/contacts/${a.id}/merge`, { otherId: 'nope' })).body.errors[0].path).toBe('otherId');
    expect((await ws.api.post('/api/v1/contacts/00000000-0000-4000-8000-000000000000/merge', { otherId: a.id })).status).toBe(404);
    const viewer = await ws.as('viewer');
    const b = (await ws.api.post('/api/v1/contacts', { email: 'b@refuse.example' })).body;
    expect((await viewer.post(`/api/v1/contacts/${a.id}/merge`, { otherId: b.id })).status).toBe(403);
    expect((await ws.api.get(`/api/v1/contacts/${b.id}`)).status).toBe(200);
  });
  it("moves the other's deals and activities to the survivor, once each, and cannot be undone by a restore", async () => {
    const keep = (await ws.api.post('/api/v1/contacts', { email: 'keep@sales.example' })).body;
    const other = (await ws.api.post('/api/v1/contacts', { email: 'other@sales.example' })).body;
    const both = await ws.api.post('/api/v1/deals', { name: 'Both on it', contacts: [{ contactId: keep.id, role: 'champion' }, { contactId: other.id }] });
    expect(both.status, JSON.stringify(both.body)).toBe(201);
    const only = await ws.api.post('/api/v1/deals', { name: 'Other only', contacts: [{ contactId: other.id, role: 'decision_maker' }] });
    expect(only.status, JSON.stringify(only.body)).toBe(201);
    const call = await ws.api.post('/api/v1/activities', { type: 'call', contactId: other.id, subject: 'Intro call' });
    expect(call.status, JSON.stringify(call.body)).toBe(201);

    expect((await ws.api.post(`/api/v1/contacts/${keep.id}/merge`, { otherId: other.id })).status).toBe(200);

    const links = await sql<{ deal_id: string; role: string | null }>`
      SELECT deal_id, role FROM deal_contacts WHERE workspace_id = ${ws.workspaceId} AND contact_id = ${keep.id}`.execute(server.ctx.db);
    expect(new Map(links.rows.map((r) => [r.deal_id, r.role]))).toEqual(new Map([[both.body.id, 'champion'], [only.body.id, 'decision_maker']]));
    expect((await ws.api.get(`/api/v1/activities/${call.body.id}`)).body.contactId).toBe(keep.id);

    const restore = await ws.api.post(`/api/v1/contacts/${other.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.detail).toContain('merged into');
    expect((await ws.api.get(`/api/v1/contacts/${other.id}`)).body.mergedIntoId).toBe(keep.id);
  });
});
