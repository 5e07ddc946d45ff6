// New contacts and accounts get time-ordered ids (UUIDv7 layout, migration 2026-11-26-0010): large
// imports then append to their primary-key indexes instead of writing all over them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
});
afterAll(async () => server?.close());

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** The Unix milliseconds in a UUIDv7's first 48 bits. */
const millisOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

describe('time-ordered ids', () => {
  it('gives new contacts (one by one and in batches) and accounts UUIDv7 ids carrying their creation time, in creation order', async () => {
    const before = Date.now();
    const first = await ws.api.post('/api/v1/contacts', { email: 'first@ids.example' });
    expect(first.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const batch = await ws.api.post('/api/v1/contacts/batch/upsert', {
      records: [{ email: 'second@ids.example' }, { email: 'third@ids.example' }],
    });
    expect(batch.status).toBe(200);
    const account = await ws.api.post('/api/v1/accounts', { name: 'Ids Inc', domain: 'ids-inc.example' });
    expect(account.status).toBe(201);
    const after = Date.now();

    const contacts = (await ws.api.get('/api/v1/contacts?sort=createdAt&limit=10')).body.data as Array<{ id: string; email: string }>;
    const ids = [first.body.id, ...contacts.filter((c) => c.email !== 'first@ids.example').map((c) => c.id), account.body.id];
    for (const id of ids) {
      expect(id).toMatch(V7);
      expect(millisOf(id)).toBeGreaterThanOrEqual(before - 1000); // the database's clock, allowed a little skew
      expect(millisOf(id)).toBeLessThanOrEqual(after + 1000);
    }
    // created 5 ms apart: the later contacts' ids sort after the first one's
    for (const c of contacts.filter((c) => c.email !== 'first@ids.example')) expect(c.id > first.body.id).toBe(true);
  });
});
