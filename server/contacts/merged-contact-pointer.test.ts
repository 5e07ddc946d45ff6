// A merged contact's URL keeps working for people who bookmarked it: its 404 names the survivor, so
// the web app can say "merged into …" with a link. Only within its own workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let other: TestWorkspace;

beforeAll(async () => {
  server = await startTestServer();
  [ws, other] = await Promise.all([createTestWorkspace(server), createTestWorkspace(server)]);
});
afterAll(async () => server?.close());

describe('GET /api/v1/contacts/{id} of a merged contact', () => {
  it('answers 404 with mergedIntoId, the survivor', async () => {
    const keep = (await ws.api.post('/api/v1/contacts', { email: 'keep@pointer.example' })).body;
    const gone = (await ws.api.post('/api/v1/contacts', { email: 'gone@pointer.example' })).body;
    expect((await ws.api.post(`/api/v1/contacts/${keep.id}/merge`, { otherId: gone.id })).status).toBe(200);

    const res = await ws.api.get(`/api/v1/contacts/${gone.id}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found', mergedIntoId: keep.id, detail: `Contact ${gone.id} was merged into contact ${keep.id}.` });
  });

  it('says nothing more for a contact that was only deleted, or for another workspace', async () => {
    const deleted = (await ws.api.post('/api/v1/contacts', { email: 'deleted@pointer.example' })).body;
    await ws.api.delete(`/api/v1/contacts/${deleted.id}`);
    const res = await ws.api.get(`/api/v1/contacts/${deleted.id}`);
    expect(res.status).toBe(404);
    expect(res.body.mergedIntoId).toBeUndefined();

    const keep = (await ws.api.post('/api/v1/contacts', { email: 'keep2@pointer.example' })).body;
    const gone = (await ws.api.post('/api/v1/contacts', { email: 'gone2@pointer.example' })).body;
    await ws.api.post(`/api/v1/contacts/${keep.id}/merge`, { otherId: gone.id });
    const foreign = await other.api.get(`/api/v1/contacts/${gone.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.mergedIntoId).toBeUndefined();
  });
});
