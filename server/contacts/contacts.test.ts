import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
});
afterAll(async () => server?.close());

describe('contacts', () => {
  it('creates, reads, updates and deletes a contact', async () => {
    const created = await ws.api.post('/api/v1/contacts', { email: '  Jane.Doe@Example.com ', firstName: 'Jane', lastName: 'Doe', tags: ['vip', 'vip', 'event'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'jane.doe@example.com', firstName: 'Jane', tags: ['vip', 'event'], lifecycleStage: null });

    const got = await ws.api.get(`/api/v1/contacts/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.email).toBe('jane.doe@example.com');

    const patched = await ws.api.patch(`/api/v1/contacts/${created.body.id}`, { title: 'CTO', lifecycleStage: 'lead' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'CTO', lifecycleStage: 'lead', firstName: 'Jane' });

    const deleted = await ws.api.delete(`/api/v1/contacts/${created.body.id}`);
    expect(deleted.status).toBe(200);
    expect((await ws.api.get(`/api/v1/contacts/${created.body.id}`)).status).toBe(404);

    const restored = await ws.api.post(`/api/v1/contacts/${created.body.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.title).toBe('CTO');
  });

  it('rejects a duplicate email case-insensitively with 409 naming the field', async () => {
    await ws.api.post('/api/v1/contacts', { email: 'dup@example.com' });
    const again = await ws.api.post('/api/v1/contacts', { email: 'DUP@example.com' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body.code).toBe('already_exists');
    expect(again.body.errors[0].path).toBe('email');
  });
});
