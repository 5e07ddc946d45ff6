// Custom field definitions in settings: keys, option rules, what can and cannot change, the index
// built for each field and the clean-up after a delete (jobs run only when the test drains them).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ runWorker: false });
  ws = await createTestWorkspace(server);
  api = ws.api;
});
afterAll(async () => server?.close());

const define = (body: Record<string, unknown>) => api.post('/api/v1/custom-fields', { objectType: 'contact', type: 'text', ...body });

function errorPaths(res: { status: number; body: any }, status = 400): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

describe('defining fields', () => {
  it('derives the key from the label and lists fields per object', async () => {
    const created = await define({ label: 'Annual Revenue (USD)', type: 'number', description: 'From finance', required: false });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: 'annual_revenue_usd',
      label: 'Annual Revenue (USD)',
      type: 'number',
      options: [],
      required: false,
      description: 'From finance',
    });
    expect((await define({ label: '2nd Café Visit!' })).body.key).toBe('nd_cafe_visit');
    await api.post('/api/v1/custom-fields', { objectType: 'account', label: 'Segment', type: 'text' });

    const contactFields = await api.get('/api/v1/custom-fields?objectType=contact');
    expect(contactFields.body.data.map((f: { key: string }) => f.key)).toEqual(
      expect.arrayContaining(['annual_revenue_usd', 'nd_cafe_visit']),
    );
    expect(contactFields.body.data.every((f: { objectType: string }) => f.objectType === 'contact')).toBe(true);
    expect((await api.get(`/api/v1/custom-fields/${created.body.id}`)).body.key).toBe('annual_revenue_usd');
    expect(errorPaths(await api.get('/api/v1/custom-fields?objectType=deal'))).toEqual(['objectType']);
  });

  it('places new fields after the existing ones unless a position is given', async () => {
    const other = await createTestWorkspace(server);
    const first = await other.api.post('/api/v1/custom-fields', { objectType: 'account', label: 'First', type: 'text' });
    const second = await other.api.post('/api/v1/custom-fields', { objectType: 'account', label: 'Second', type: 'text' });
    const placed = await other.api.post('/api/v1/custom-fields', { objectType: 'account', label: 'Placed', type: 'text', position: 0 });
    expect([first.body.position, second.body.position, placed.body.position]).toEqual([0, 1, 0]);
  });

  it('keeps keys unique per object (409), whether given or derived', async () => {
    expect((await define({ key: 'region', label: 'Region' })).status).toBe(201);
    const dup = await define({ key: 'region', label: 'Another region' });
    expect(errorPaths(dup, 409)).toEqual(['key']);
    expect(dup.body.code).toBe('already_exists');
    expect(errorPaths(await define({ label: 'Region' }), 409)).toEqual(['key']);
    expect((await api.post('/api/v1/custom-fields', { objectType: 'account', key: 'region', label: 'Region', type: 'text' })).status).toBe(
      201,
    );
    expect(
      (
        await (
          await createTestWorkspace(server)
        ).api.post('/api/v1/custom-fields', { objectType: 'contact', key: 'region', label: 'Region', type: 'text' })
      ).status,
    ).toBe(201);
  });

  it('enforces the option rules and key format', async () => {
    expect(errorPaths(await define({ label: 'Plan', type: 'select' }))).toEqual(['options']);
    expect(errorPaths(await define({ label: 'Plans', type: 'multi_select', options: [] }))).toEqual(['options']);
    expect(errorPaths(await define({ label: 'Note', type: 'text', options: [{ value: 'a', label: 'A' }] }))).toEqual(['options']);
    expect(
      errorPaths(
        await define({
          label: 'Size',
          type: 'select',
          options: [
            { value: 's', label: 'S' },
            { value: 's', label: 'Small' },
          ],
        }),
      ),
    ).toEqual(['options']);
    expect(errorPaths(await define({ label: 'Size', type: 'select', options: [{ value: '', label: 'S' }] }))).toEqual(['options.0.value']);
    expect(errorPaths(await define({ label: 'Bad key', key: 'Bad Key' }))).toEqual(['key']);
    expect(errorPaths(await define({ label: 'Bad key', key: '1st' }))).toEqual(['key']);
    expect(errorPaths(await define({ label: 'Money', type: 'currency' }))).toEqual(['type']);
    expect(errorPaths(await define({ label: '' }))).toEqual(['label']);
    expect(errorPaths(await define({ label: 'X', colour: 'red' }))).toEqual(['colour']);
    const ok = await define({
      label: 'Size',
      type: 'select',
      options: [
        { value: 's', label: 'Small' },
        { value: 'm', label: 'Medium' },
      ],
    });
    expect(ok.body.options).toEqual([
      { value: 's', label: 'Small' },
      { value: 'm', label: 'Medium' },
    ]);
  });
});

describe('changing fields', () => {
  it('changes label, options and required, but never type or key', async () => {
    const field = await define({ key: 'stage2', label: 'Stage', type: 'select', options: [{ value: 'a', label: 'A' }] });
    const id = field.body.id;
    const patched = await api.patch(`/api/v1/custom-fields/${id}`, {
      label: 'Deal stage',
      options: [
        { value: 'a', label: 'Alpha' },
        { value: 'b', label: 'Beta' },
      ],
      required: true,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      key: 'stage2',
      type: 'select',
      label: 'Deal stage',
      required: true,
      options: [
        { value: 'a', label: 'Alpha' },
        { value: 'b', label: 'Beta' },
      ],
    });

    expect(await errorPaths(await api.patch(`/api/v1/custom-fields/${id}`, { type: 'text' }))).toEqual(['type']);
    expect((await api.patch(`/api/v1/custom-fields/${id}`, { key: 'other' })).body.errors[0]).toEqual({
      path: 'key',
      message: 'is not a known field',
    });
    expect(errorPaths(await api.patch(`/api/v1/custom-fields/${id}`, { options: [] }))).toEqual(['options']);
    expect(
      errorPaths(
        await api.patch(`/api/v1/custom-fields/${id}`, {
          options: [
            { value: 'a', label: 'A' },
            { value: 'a', label: 'B' },
          ],
        }),
      ),
    ).toEqual(['options']);
    const text = await define({ key: 'plain', label: 'Plain' });
    expect(errorPaths(await api.patch(`/api/v1/custom-fields/${text.body.id}`, { options: [{ value: 'a', label: 'A' }] }))).toEqual([
      'options',
    ]);
    expect((await api.patch('/api/v1/custom-fields/00000000-0000-4000-8000-000000000000', { label: 'x' })).status).toBe(404);
    expect((await api.get(`/api/v1/custom-fields/${id}`)).body.label).toBe('Deal stage');

    // the new option is accepted on records right away, and the new requirement applies to new records
    expect(errorPaths(await api.post('/api/v1/contacts', { email: 'stage@cf.test' }))).toContain('customFields.stage2');
    const contact = await api.post('/api/v1/contacts', { email: 'stage@cf.test', customFields: { stage2: 'b' } });
    expect(contact.body.customFields.stage2).toBe('b');
    await api.patch(`/api/v1/custom-fields/${id}`, { required: false });
  });

  it('builds an index for each field so sorting and filtering stay fast', async () => {
    await define({ key: 'indexed_score', label: 'Indexed score', type: 'number' });
    await api.post('/api/v1/custom-fields', { objectType: 'account', key: 'indexed_tier', label: 'Tier', type: 'text' });
    await server.drainJobs();
    const { rows } = await sql<{
      indexname: string;
    }>`SELECT indexname FROM pg_indexes WHERE indexname IN ('contacts_cf_indexed_score', 'accounts_cf_indexed_tier')`.execute(
      server.database.db,
    );
    expect(rows.map((r) => r.indexname).sort()).toEqual(['accounts_cf_indexed_tier', 'contacts_cf_indexed_score']);
  });
});

describe('deleting fields', () => {
  it('removes the stored values from every record in the background', async () => {
    const field = await define({ key: 'legacy', label: 'Legacy', type: 'number' });
    const records = Array.from({ length: 30 }, (_, i) => ({ email: `legacy${i}@cf.test`, customFields: { legacy: i } }));
    expect((await api.post('/api/v1/contacts/batch/upsert', { records })).status).toBe(200);
    const other = await createTestWorkspace(server);
    await other.api.post('/api/v1/custom-fields', { objectType: 'contact', key: 'legacy', label: 'Legacy', type: 'number' });
    const theirs = await other.api.post('/api/v1/contacts', { email: 'theirs@cf.test', customFields: { legacy: 7 } });

    expect((await api.delete(`/api/v1/custom-fields/${field.body.id}`)).body).toEqual({ id: field.body.id, deleted: true });
    expect((await api.get(`/api/v1/custom-fields/${field.body.id}`)).status).toBe(404);
    expect(errorPaths(await api.get('/api/v1/contacts?filter[customFields.legacy]=1'))).toEqual(['filter[customFields.legacy]']);
    expect(errorPaths(await api.post('/api/v1/contacts', { email: 'after@cf.test', customFields: { legacy: 1 } }))).toEqual([
      'customFields.legacy',
    ]);

    await server.drainJobs();
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM contacts WHERE workspace_id = ${ws.workspaceId} AND custom_fields ? 'legacy'`.execute(
      server.database.db,
    );
    expect(rows[0].n).toBe(0);
    expect((await api.get('/api/v1/contacts?filter[email]=legacy3@cf.test')).body.data[0].customFields).toEqual({});
    // another workspace's field with the same key keeps its values
    expect((await other.api.get(`/api/v1/contacts/${theirs.body.id}`)).body.customFields).toEqual({ legacy: 7 });
    expect((await api.delete(`/api/v1/custom-fields/${field.body.id}`)).status).toBe(404);
  });

  it("makes a new field with a deleted field's key wait until the old values are gone", async () => {
    const old = await define({ key: 'recycled', label: 'Recycled', type: 'text' });
    await api.post('/api/v1/contacts', { email: 'recycled@cf.test', customFields: { recycled: 'old text' } });
    await api.delete(`/api/v1/custom-fields/${old.body.id}`);

    const tooSoon = await define({ key: 'recycled', label: 'Recycled', type: 'number' });
    expect(errorPaths(tooSoon, 409)).toEqual(['key']);
    await server.drainJobs();

    expect((await define({ key: 'recycled', label: 'Recycled', type: 'number' })).status).toBe(201);
    const contact = (await api.get('/api/v1/contacts?filter[email]=recycled@cf.test')).body.data[0];
    expect(contact.customFields).toEqual({});
    const updated = await api.patch(`/api/v1/contacts/${contact.id}`, { customFields: { recycled: 3 } });
    await server.drainJobs();
    expect((await api.get(`/api/v1/contacts/${contact.id}`)).body.customFields).toEqual({ recycled: 3 });
    expect(updated.status).toBe(200);
  });
});

describe('roles', () => {
  it('lets only admins change definitions; everyone reads them', async () => {
    const field = await define({ key: 'admin_only', label: 'Admin only' });
    for (const role of ['marketing', 'sales', 'viewer'] as const) {
      const client = await ws.as(role);
      expect((await client.get('/api/v1/custom-fields')).status).toBe(200);
      const attempts = await Promise.all([
        client.post('/api/v1/custom-fields', { objectType: 'contact', label: `By ${role}`, type: 'text' }),
        client.patch(`/api/v1/custom-fields/${field.body.id}`, { label: role }),
        client.delete(`/api/v1/custom-fields/${field.body.id}`),
      ]);
      for (const res of attempts) expect([role, res.status]).toEqual([role, 403]);
    }
    expect((await api.get(`/api/v1/custom-fields/${field.body.id}`)).body.label).toBe('Admin only');
  });

  it('hides definitions from other workspaces', async () => {
    const field = await define({ key: 'private_cf', label: 'Private' });
    const other = await createTestWorkspace(server);
    expect((await other.api.get(`/api/v1/custom-fields/${field.body.id}`)).status).toBe(404);
    expect((await other.api.patch(`/api/v1/custom-fields/${field.body.id}`, { label: 'x' })).status).toBe(404);
    expect((await other.api.delete(`/api/v1/custom-fields/${field.body.id}`)).status).toBe(404);
    expect((await other.api.get('/api/v1/custom-fields')).body.data).toEqual([]);
  });
});
