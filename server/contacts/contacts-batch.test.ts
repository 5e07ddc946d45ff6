// Many contacts at once: batch upsert by email (all or nothing, idempotent retries), bulk actions on a
// selection or on every match of a filter, CSV export of a list view, and who may do any of it.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
  for (const f of [
    { key: 'seats', label: 'Seats', type: 'number' },
    {
      key: 'plan',
      label: 'Plan',
      type: 'select',
      options: [
        { value: 'free', label: 'Free' },
        { value: 'pro', label: 'Pro' },
      ],
    },
  ]) {
    expect((await api.post('/api/v1/custom-fields', { objectType: 'contact', ...f })).status).toBe(201);
  }
});
afterAll(async () => server?.close());

async function count(query = ''): Promise<number> {
  const res = await api.get(`/api/v1/contacts?limit=1&includeTotal=true&${query}`);
  expect(res.status).toBe(200);
  return res.body.totalCount;
}

async function byEmail(email: string) {
  const res = await api.get(`/api/v1/contacts?filter[email]=${encodeURIComponent(email)}`);
  return res.body.data[0];
}

const upsert = (records: unknown[], headers?: Record<string, string>) => api.post('/api/v1/contacts/batch/upsert', { records }, headers);

describe('batch upsert', () => {
  it('creates new emails and updates only the given fields of known ones', async () => {
    const first = await upsert([
      { email: 'ann@batch.test', firstName: 'Ann', title: 'CEO', tags: ['a'], customFields: { seats: 3, plan: 'pro' } },
      { email: 'bob@batch.test', firstName: 'Bob' },
    ]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 0 });
    expect(first.body.data.map((d: { email: string; status: string }) => [d.email, d.status])).toEqual([
      ['ann@batch.test', 'created'],
      ['bob@batch.test', 'created'],
    ]);

    const second = await upsert([
      { email: 'ANN@batch.test', title: 'Chair', customFields: { seats: 4 } },
      { email: 'cyd@batch.test', lastName: 'New' },
    ]);
    expect(second.body).toMatchObject({ created: 1, updated: 1 });
    expect(second.body.data[0]).toMatchObject({ email: 'ann@batch.test', status: 'updated', id: first.body.data[0].id });

    const ann = await byEmail('ann@batch.test');
    expect(ann).toMatchObject({ firstName: 'Ann', title: 'Chair', tags: ['a'], customFields: { seats: 4, plan: 'pro' } });
    expect((await byEmail('cyd@batch.test')).lastName).toBe('New');
  });

  it('clears fields given as null', async () => {
    await upsert([{ email: 'clear@batch.test', firstName: 'Clear', title: 'CTO', customFields: { seats: 1, plan: 'free' } }]);
    await upsert([{ email: 'clear@batch.test', title: null, customFields: { plan: null } }]);
    expect(await byEmail('clear@batch.test')).toMatchObject({ firstName: 'Clear', title: null, customFields: { seats: 1 } });
  });

  it('leaves a contact untouched (same updatedAt) when an upsert changes none of its values', async () => {
    const record = { email: 'same@batch.test', firstName: 'Same', tags: ['a'], customFields: { seats: 3 } };
    await upsert([record]);
    const before = await byEmail('same@batch.test');
    await new Promise((r) => setTimeout(r, 20));
    const again = await upsert([{ ...record, email: 'SAME@batch.test' }]);
    expect(again.body).toMatchObject({ created: 0, updated: 1 });
    expect((await byEmail('same@batch.test')).updatedAt).toBe(before.updatedAt);
    await upsert([{ ...record, customFields: { seats: 4 } }]);
    const after = await byEmail('same@batch.test');
    expect(after.customFields).toEqual({ seats: 4 });
    expect(after.updatedAt > before.updatedAt).toBe(true);
  });

  it('merges records for the same email within one batch', async () => {
    const res = await upsert([
      { email: 'twice@batch.test', firstName: 'First', customFields: { seats: 1 } },
      { email: 'Twice@Batch.test', title: 'Second', customFields: { plan: 'pro' } },
    ]);
    expect(res.body).toMatchObject({ created: 1, updated: 0 });
    expect(await count('filter[email]=twice@batch.test')).toBe(1);
    expect(await byEmail('twice@batch.test')).toMatchObject({
      firstName: 'First',
      title: 'Second',
      customFields: { seats: 1, plan: 'pro' },
    });
  });

  it('links new and unlinked contacts to the account of their email domain', async () => {
    const acme = await api.post('/api/v1/accounts', { name: 'Acme', domain: 'acme-batch.com' });
    const other = await api.post('/api/v1/accounts', { name: 'Other' });
    const unlinked = await api.post('/api/v1/contacts', { email: 'road@acme-batch.com', accountId: null });
    await api.post('/api/v1/contacts', { email: 'coyote@acme-batch.com', accountId: other.body.id });
    expect(unlinked.body.accountId).toBeNull();
    const res = await upsert([
      { email: 'wile@acme-batch.com' },
      { email: 'free@gmail.com' },
      { email: 'road@acme-batch.com', title: 'Runner' },
      { email: 'coyote@acme-batch.com', title: 'Genius' },
      { email: 'chosen@acme-batch.com', accountId: other.body.id },
    ]);
    expect(res.status).toBe(200);
    expect((await byEmail('wile@acme-batch.com')).accountId).toBe(acme.body.id);
    expect((await byEmail('free@gmail.com')).accountId).toBeNull();
    expect((await byEmail('road@acme-batch.com')).accountId).toBe(acme.body.id);
    expect((await byEmail('coyote@acme-batch.com')).accountId).toBe(other.body.id);
    expect((await byEmail('chosen@acme-batch.com')).accountId).toBe(other.body.id);
  });

  it('accepts 1,000 records and refuses 1,001', async () => {
    const before = await count();
    const records = Array.from({ length: 1000 }, (_, i) => ({ email: `bulk${i}@thousand.test`, firstName: `N${i}`, tags: ['t'] }));
    const ok = await upsert(records);
    expect(ok.status).toBe(200);
    expect(ok.body.created).toBe(1000);
    expect(await count()).toBe(before + 1000);

    const tooMany = await upsert([...records, { email: 'one-more@thousand.test' }]);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors.map((e: { path: string }) => e.path)).toContain('records');
    expect(await count()).toBe(before + 1000);
    expect((await upsert([])).status).toBe(400);
  });

  it('writes nothing when one record is invalid, and names every bad record and field', async () => {
    const before = await count();
    const shape = await upsert([
      { email: 'fine@batch.test' },
      { email: 'nope' },
      { email: 'x@batch.test', shoeSize: 9 },
      { firstName: 'No email' },
    ]);
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['records.1.email', 'records.2.shoeSize', 'records.3.email']),
    );

    const existing = await byEmail('ann@batch.test');
    const rules = await upsert([
      { email: 'fine@batch.test', firstName: 'Fine' },
      { email: 'ann@batch.test', title: 'Should not stick' },
      { email: 'bad-seats@batch.test', customFields: { seats: 'many' } },
      { email: 'bad-account@batch.test', accountId: '00000000-0000-4000-8000-000000000009' },
      { email: 'bad-plan@batch.test', customFields: { plan: 'gold', unknown: 1 } },
    ]);
    expect(rules.status).toBe(400);
    expect(rules.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'records.2.customFields.seats',
      'records.3.accountId',
      'records.4.customFields.plan',
      'records.4.customFields.unknown',
    ]);
    expect(await count()).toBe(before);
    expect(await byEmail('fine@batch.test')).toBeUndefined();
    expect((await byEmail('ann@batch.test')).title).toBe(existing.title);
  });

  it('replays a retried request with the same Idempotency-Key instead of writing twice', async () => {
    const records = [{ email: 'idem@batch.test', firstName: 'Idem' }];
    const first = await upsert(records, { 'idempotency-key': 'batch-key-1' });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const before = await byEmail('idem@batch.test');

    const retry = await upsert(records, { 'idempotency-key': 'batch-key-1' });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.body.created).toBe(1);
    const after = await byEmail('idem@batch.test');
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(await count('filter[email]=idem@batch.test')).toBe(1);

    const different = await upsert([{ email: 'other@batch.test' }], { 'idempotency-key': 'batch-key-1' });
    expect(different.status).toBe(422);
    expect(different.body.code).toBe('idempotency_key_reused');
    expect(await byEmail('other@batch.test')).toBeUndefined();

    // a failed request stores nothing under its key: the corrected retry runs
    const failed = await upsert([{ email: 'late@batch.test', customFields: { seats: 'x' } }], { 'idempotency-key': 'batch-key-2' });
    expect(failed.status).toBe(400);
    const fixed = await upsert([{ email: 'late@batch.test', customFields: { seats: 2 } }], { 'idempotency-key': 'batch-key-2' });
    expect(fixed.status).toBe(200);
    expect(fixed.body.created).toBe(1);
  });

  it('honours Idempotency-Key on single creates too', async () => {
    const body = { email: 'single-idem@batch.test' };
    const first = await api.post('/api/v1/contacts', body, { 'idempotency-key': 'single-1' });
    const retry = await api.post('/api/v1/contacts', body, { 'idempotency-key': 'single-1' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    // keys belong to a workspace: another workspace's identical key is a different request
    const other = await createTestWorkspace(server);
    const elsewhere = await other.api.post('/api/v1/contacts', body, { 'idempotency-key': 'single-1' });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.body.id);
  });
});

describe('bulk actions', () => {
  const bulk = (body: unknown) => api.post('/api/v1/contacts/bulk', body);
  let ids: string[] = [];

  beforeAll(async () => {
    const res = await upsert(
      Array.from({ length: 6 }, (_, i) => ({ email: `bulk-${i}@bulk.test`, lastName: i < 3 ? 'Alpha' : 'Beta', tags: ['zeta', 'keep'] })),
    );
    ids = res.body.data.map((d: { id: string }) => d.id);
  });

  it('adds tags by ids, once each and after the existing ones', async () => {
    const res = await bulk({ action: 'addTags', ids: ids.slice(0, 2), tags: ['keep', 'new', 'alpha', 'new'] });
    expect(res.body).toEqual({ affected: 2, skipped: 0 });
    expect((await byEmail('bulk-0@bulk.test')).tags).toEqual(['zeta', 'keep', 'new', 'alpha']);
    expect((await byEmail('bulk-2@bulk.test')).tags).toEqual(['zeta', 'keep']);
  });

  it('removes tags from every contact matching a filter', async () => {
    const res = await bulk({ action: 'removeTags', where: { filter: { lastName: 'Beta' } }, tags: ['zeta'] });
    expect(res.body.affected).toBe(3);
    expect((await byEmail('bulk-4@bulk.test')).tags).toEqual(['keep']);
    expect((await byEmail('bulk-1@bulk.test')).tags).toContain('zeta');
  });

  it('deletes and restores by filter and by ids', async () => {
    const deleted = await bulk({ action: 'delete', where: { q: 'alpha', filter: { email: { contains: 'bulk.test' } } } });
    expect(deleted.body.affected).toBe(3);
    expect(await count('filter[lastName]=Alpha')).toBe(0);
    const restoredOne = await bulk({ action: 'restore', ids: [ids[0]] });
    expect(restoredOne.body).toEqual({ affected: 1, skipped: 0 });
    const restoredRest = await bulk({ action: 'restore', where: { filter: { lastName: 'Alpha' } } });
    expect(restoredRest.body).toEqual({ affected: 2, skipped: 0 });
    expect(await count('filter[lastName]=Alpha')).toBe(3);
  });

  it('skips a contact whose email was reused while it was deleted', async () => {
    await bulk({ action: 'delete', ids: [ids[3], ids[4]] });
    await api.post('/api/v1/contacts', { email: 'bulk-3@bulk.test', firstName: 'Newcomer' });
    const res = await bulk({ action: 'restore', ids: [ids[3], ids[4]] });
    expect(res.body).toMatchObject({ affected: 1, skipped: 1 });
    expect((await byEmail('bulk-3@bulk.test')).firstName).toBe('Newcomer');
    expect((await byEmail('bulk-4@bulk.test')).id).toBe(ids[4]);
  });

  it('restores only the most recently deleted of two deleted contacts with one email', async () => {
    const older = await api.post('/api/v1/contacts', { email: 'same@bulk.test', firstName: 'Older' });
    await api.delete(`/api/v1/contacts/${older.body.id}`);
    const newer = await api.post('/api/v1/contacts', { email: 'same@bulk.test', firstName: 'Newer' });
    await api.delete(`/api/v1/contacts/${newer.body.id}`);
    const res = await bulk({ action: 'restore', ids: [older.body.id, newer.body.id] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ affected: 1, skipped: 1 });
    expect((await byEmail('same@bulk.test')).firstName).toBe('Newer');
  });

  it('undoes exactly one delete with its deletedAt, leaving earlier deletions in the trash', async () => {
    await upsert([{ email: 'undo-1@undo.test' }, { email: 'undo-2@undo.test' }, { email: 'undo-3@undo.test' }]);
    const earlier = await bulk({ action: 'delete', where: { filter: { email: 'undo-3@undo.test' } } });
    expect(earlier.body.affected).toBe(1);
    const del = await bulk({ action: 'delete', where: { filter: { 'email': { contains: 'undo.test' } } } });
    expect(del.body).toMatchObject({ affected: 2, deletedAt: expect.stringMatching(/Z$/) });
    const undo = await bulk({ action: 'restore', deletedAt: del.body.deletedAt });
    expect(undo.body).toMatchObject({ affected: 2, skipped: 0 });
    expect(await count('filter[email][contains]=undo.test')).toBe(2);
    expect((await bulk({ action: 'delete', ids, deletedAt: del.body.deletedAt })).body.errors[0].path).toBe('deletedAt');
  });

  it('does not touch another workspace', async () => {
    const other = await createTestWorkspace(server);
    const res = await other.api.post('/api/v1/contacts/bulk', { action: 'delete', ids });
    expect(res.body.affected).toBe(0);
    const all = await other.api.post('/api/v1/contacts/bulk', { action: 'addTags', where: {}, tags: ['x'] });
    expect(all.body.affected).toBe(0);
    expect((await byEmail('bulk-0@bulk.test')).tags).not.toContain('x');
  });

  it('refuses unclear requests naming the field', async () => {
    const paths = async (body: unknown) => ((await bulk(body)).body.errors ?? []).map((e: { path: string }) => e.path);
    expect(await paths({ action: 'addTags', ids })).toContain('tags');
    expect(await paths({ action: 'delete' })).toContain('ids');
    expect(await paths({ action: 'delete', ids, where: {} })).toContain('ids');
    expect(await paths({ action: 'archive', ids })).toContain('action');
    expect(await paths({ action: 'delete', where: { filter: { shoeSize: '9' } } })).toContain('filter[shoeSize]');
    expect(await count('filter[email][contains]=bulk.test')).toBeGreaterThan(0);
  });
});

describe('CSV export', () => {
  beforeAll(async () => {
    await upsert([
      { email: 'x1@export.test', firstName: '=cmd()', lastName: 'Zulu', tags: ['exp', 'vip'], customFields: { seats: 10, plan: 'pro' } },
      { email: 'x2@export.test', firstName: 'Plain', lastName: 'Alpha', tags: ['exp'], customFields: { seats: 2 } },
      { email: 'x3@export.test', firstName: '@SUM(A1)', lastName: 'Mike', tags: ['=HYPERLINK("x")', 'other'], phone: '+44 20 7946 0958' },
    ]);
  });

  async function exportCsv(query: string, client = api): Promise<Array<Record<string, string>>> {
    const res = await client.get(`/api/v1/contacts/export?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('contacts.csv');
    return parse(res.body as string, { columns: true });
  }

  it('exports the filtered, searched and sorted list with custom field columns', async () => {
    const rows = await exportCsv('filter[tags]=exp&sort=lastName');
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining(['id', 'email', 'first_name', 'last_name', 'tags', 'seats', 'plan', 'created_at']),
    );
    expect(rows.map((r) => r.email)).toEqual(['x2@export.test', 'x1@export.test']);
    expect(rows[1]).toMatchObject({ seats: '10', plan: 'pro', tags: 'exp;vip' });
    expect((await exportCsv('q=mike')).map((r) => r.email)).toEqual(['x3@export.test']);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const rows = await exportCsv('filter[email][contains]=export.test&sort=email');
    expect(rows.map((r) => r.first_name)).toEqual(["'=cmd()", 'Plain', "'@SUM(A1)"]);
    expect(rows[2].tags).toBe(`'=HYPERLINK("x");other`);
    // a phone number is not a formula: it keeps its plus sign
    expect(rows[2].phone).toBe('+44 20 7946 0958');
  });

  it('streams every match beyond one page', async () => {
    const rows = await exportCsv('filter[email][contains]=thousand.test');
    expect(rows.length).toBe(1000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1000);
  });

  it('refuses a bad filter before streaming', async () => {
    const res = await api.get('/api/v1/contacts/export?filter[nope]=1');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('filter[nope]');
  });
});

describe('roles', () => {
  it('lets viewers read and export but not write', async () => {
    const viewer = await ws.as('viewer');
    const id = (await byEmail('ann@batch.test')).id;
    expect((await viewer.get('/api/v1/contacts')).status).toBe(200);
    expect((await viewer.get(`/api/v1/contacts/${id}`)).status).toBe(200);
    expect((await viewer.get('/api/v1/contacts/export')).status).toBe(200);
    const writes = [
      viewer.post('/api/v1/contacts', { email: 'viewer@roles.test' }),
      viewer.patch(`/api/v1/contacts/${id}`, { title: 'Viewer was here' }),
      viewer.delete(`/api/v1/contacts/${id}`),
      viewer.post(`/api/v1/contacts/${id}/restore`),
      viewer.post('/api/v1/contacts/batch/upsert', { records: [{ email: 'viewer@roles.test' }] }),
      viewer.post('/api/v1/contacts/bulk', { action: 'addTags', ids: [id], tags: ['viewer'] }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
    expect(await byEmail('viewer@roles.test')).toBeUndefined();
    expect((await byEmail('ann@batch.test')).title).not.toBe('Viewer was here');
  });

  it('lets marketing and sales write contacts', async () => {
    for (const role of ['marketing', 'sales'] as const) {
      const client = await ws.as(role);
      const created = await client.post('/api/v1/contacts', { email: `${role}@roles.test` });
      expect(created.status).toBe(201);
      expect((await client.patch(`/api/v1/contacts/${created.body.id}`, { title: role })).status).toBe(200);
      expect((await client.post('/api/v1/contacts/batch/upsert', { records: [{ email: `${role}2@roles.test` }] })).status).toBe(200);
      expect((await client.post('/api/v1/contacts/bulk', { action: 'delete', ids: [created.body.id] })).body.affected).toBe(1);
    }
  });
});

describe('tags in use', () => {
  it('lists tags with their counts, most used first, filtered by prefix', async () => {
    const other = await createTestWorkspace(server);
    await other.api.post('/api/v1/contacts/batch/upsert', {
      records: [
        { email: 't1@tags.test', tags: ['vip', 'webinar-2026'] },
        { email: 't2@tags.test', tags: ['vip'] },
        { email: 't3@tags.test', tags: ['vip', 'Webinar-2025'] },
      ],
    });
    const all = await other.api.get('/api/v1/contacts/tags');
    expect(all.body.data).toEqual([
      { tag: 'vip', count: 3 },
      { tag: 'Webinar-2025', count: 1 },
      { tag: 'webinar-2026', count: 1 },
    ]);
    const prefixed = await other.api.get('/api/v1/contacts/tags?q=web');
    expect(prefixed.body.data.map((t: { tag: string }) => t.tag)).toEqual(['Webinar-2025', 'webinar-2026']);
  });
});
