// Accounts (companies): normalised unique domains, contacts that join their company's account, the
// trash, batch upsert by domain, and who may write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
  expect(
    (
      await api.post('/api/v1/custom-fields', {
        objectType: 'account',
        key: 'tier',
        label: 'Tier',
        type: 'select',
        options: [
          { value: 'gold', label: 'Gold' },
          { value: 'silver', label: 'Silver' },
        ],
      })
    ).status,
  ).toBe(201);
  expect(
    (await api.post('/api/v1/custom-fields', { objectType: 'account', key: 'arr', label: 'ARR', type: 'number', required: true })).status,
  ).toBe(201);
});
afterAll(async () => server?.close());

function errorPaths(res: { status: number; body: any }, status = 400): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

const create = (body: Record<string, unknown>) => api.post('/api/v1/accounts', { customFields: { arr: 1 }, ...body });
const byDomain = async (domain: string) => (await api.get(`/api/v1/accounts?filter[domain]=${domain}`)).body.data[0];

describe('account life cycle', () => {
  it('creates with a normalised domain, reads, updates, deletes and restores', async () => {
    const created = await create({
      name: ' Acme Corp ',
      domain: 'https://www.Acme-Life.com/about',
      industry: 'Software',
      employeeCount: 120,
      annualRevenue: 1250000.5,
      country: 'DE',
      customFields: { arr: 5000, tier: 'gold' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Acme Corp',
      domain: 'acme-life.com',
      employeeCount: 120,
      annualRevenue: 1250000.5,
      contactCount: 0,
      customFields: { arr: 5000, tier: 'gold' },
    });
    const id = created.body.id;
    expect((await api.get(`/api/v1/accounts/${id}`)).body.domain).toBe('acme-life.com');

    const patched = await api.patch(`/api/v1/accounts/${id}`, { industry: null, employeeCount: 130, customFields: { tier: null } });
    expect(patched.body).toMatchObject({ name: 'Acme Corp', industry: null, employeeCount: 130, customFields: { arr: 5000 } });

    expect((await api.delete(`/api/v1/accounts/${id}`)).body).toEqual({ id, deleted: true });
    expect((await api.get(`/api/v1/accounts/${id}`)).status).toBe(404);
    expect((await api.patch(`/api/v1/accounts/${id}`, { name: 'x' })).status).toBe(404);
    expect(await byDomain('acme-life.com')).toBeUndefined();
    const restored = await api.post(`/api/v1/accounts/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id, domain: 'acme-life.com', employeeCount: 130 });
  });

  it('normalises every way people write a domain', async () => {
    const cases: Array<[string, string]> = [
      ['ACME-N1.COM', 'acme-n1.com'],
      ['http://acme-n2.com', 'acme-n2.com'],
      ['www.acme-n3.co.uk/', 'acme-n3.co.uk'],
      ['https://WWW.acme-n4.io:8443/path?q=1#x', 'acme-n4.io'],
      ['sales@acme-n5.com', 'acme-n5.com'],
      ['  acme-n6.com.  ', 'acme-n6.com'],
    ];
    for (const [input, domain] of cases) expect((await create({ name: input, domain: input })).body.domain, input).toBe(domain);
    for (const bad of ['not a domain', 'localhost', 'acme', 'http://', '-acme.com']) {
      expect(errorPaths(await create({ name: 'Bad', domain: bad })), bad).toEqual(['domain']);
    }
    expect((await create({ name: 'No domain', domain: null })).body.domain).toBeNull();
  });

  it('keeps domains unique per workspace (409), whatever their spelling', async () => {
    const first = await create({ name: 'Unique', domain: 'unique-co.com' });
    const again = await create({ name: 'Copy', domain: 'https://www.UNIQUE-co.com' });
    expect(errorPaths(again, 409)).toEqual(['domain']);
    expect(again.body.code).toBe('already_exists');
    const second = await create({ name: 'Second', domain: 'second-co.com' });
    expect(errorPaths(await api.patch(`/api/v1/accounts/${second.body.id}`, { domain: 'unique-co.com' }), 409)).toEqual(['domain']);
    expect((await api.patch(`/api/v1/accounts/${first.body.id}`, { domain: 'UNIQUE-CO.com', name: 'Unique 2' })).status).toBe(200);
    expect(
      (await (await createTestWorkspace(server)).api.post('/api/v1/accounts', { name: 'Elsewhere', domain: 'unique-co.com' })).status,
    ).toBe(201);
  });

  it('names each invalid field', async () => {
    expect(errorPaths(await api.post('/api/v1/accounts', { domain: 'noname.com', customFields: { arr: 1 } }))).toEqual(['name']);
    expect(errorPaths(await create({ name: '' }))).toEqual(['name']);
    expect(errorPaths(await create({ name: 'x'.repeat(201) }))).toEqual(['name']);
    expect(errorPaths(await create({ name: 'X', employeeCount: 1.5 }))).toEqual(['employeeCount']);
    expect(errorPaths(await create({ name: 'X', employeeCount: '12' }))).toEqual(['employeeCount']);
    expect(errorPaths(await create({ name: 'X', annualRevenue: -1 }))).toEqual(['annualRevenue']);
    expect(errorPaths(await create({ name: 'X', website: 'x.com' }))).toEqual(['website']);
    expect(errorPaths(await create({ name: 'X', ownerId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['ownerId']);
    expect(errorPaths(await create({ name: 'X', customFields: { arr: 1, tier: 'bronze' } }))).toEqual(['customFields.tier']);
    expect(errorPaths(await api.post('/api/v1/accounts', { name: 'No ARR' }))).toEqual(['customFields.arr']);
  });
});

describe('contacts joining their account', () => {
  it("links existing unlinked contacts at the new account's domain and counts them", async () => {
    const other = await create({ name: 'Other' });
    const waiting = await api.post('/api/v1/contacts', { email: 'a@linkme.com' });
    await api.post('/api/v1/contacts', { email: 'b@LinkMe.com' });
    const elsewhere = await api.post('/api/v1/contacts', { email: 'c@linkme.com', accountId: other.body.id });
    const trashed = await api.post('/api/v1/contacts', { email: 'd@linkme.com' });
    await api.delete(`/api/v1/contacts/${trashed.body.id}`);
    await api.post('/api/v1/contacts', { email: 'e@notlinkme.com' });
    expect(waiting.body.accountId).toBeNull();

    const account = await create({ name: 'Link Me', domain: 'linkme.com' });
    expect(account.body.contactCount).toBe(2);
    expect((await api.get(`/api/v1/contacts/${waiting.body.id}`)).body.account).toMatchObject({ id: account.body.id, name: 'Link Me' });
    expect((await api.get(`/api/v1/contacts/${elsewhere.body.id}`)).body.accountId).toBe(other.body.id);
    const members = await api.get(`/api/v1/contacts?filter[accountId]=${account.body.id}`);
    expect(members.body.data.map((c: { email: string }) => c.email).sort()).toEqual(['a@linkme.com', 'b@linkme.com']);

    await api.delete(`/api/v1/contacts/${waiting.body.id}`);
    expect((await api.get(`/api/v1/accounts/${account.body.id}`)).body.contactCount).toBe(1);
  });

  it('links contacts when an account gains a domain, but never for free mail domains', async () => {
    await api.post('/api/v1/contacts', { email: 'x@later-domain.com' });
    const account = await create({ name: 'Later' });
    const updated = await api.patch(`/api/v1/accounts/${account.body.id}`, { domain: 'later-domain.com' });
    expect(updated.body.contactCount).toBe(1);

    await api.post('/api/v1/contacts', { email: 'someone@gmail.com' });
    const gmail = await create({ name: 'Gmail', domain: 'gmail.com' });
    expect(gmail.body.contactCount).toBe(0);
  });

  it('refuses to restore an account whose domain was taken meanwhile', async () => {
    const old = await create({ name: 'Old', domain: 'reused-domain.com' });
    await api.delete(`/api/v1/accounts/${old.body.id}`);
    const fresh = await create({ name: 'Fresh', domain: 'reused-domain.com' });
    expect(fresh.status).toBe(201);
    const restore = await api.post(`/api/v1/accounts/${old.body.id}/restore`);
    expect(errorPaths(restore, 409)).toEqual(['domain']);
    expect(await byDomain('reused-domain.com')).toMatchObject({ id: fresh.body.id });
  });

  it('gives a re-created account the contacts of the deleted one (API and batch upsert)', async () => {
    const old = await create({ name: 'Phoenix', domain: 'phoenix.test' });
    const contact = await api.post('/api/v1/contacts', { email: 'ash@phoenix.test' });
    expect(contact.body.accountId).toBe(old.body.id);
    await api.delete(`/api/v1/accounts/${old.body.id}`);
    expect((await api.get(`/api/v1/contacts/${contact.body.id}`)).body.account).toBeNull();
    const reborn = await create({ name: 'Phoenix again', domain: 'phoenix.test' });
    expect(reborn.body.contactCount).toBe(1);
    expect((await api.get(`/api/v1/contacts/${contact.body.id}`)).body.account.name).toBe('Phoenix again');

    await api.delete(`/api/v1/accounts/${reborn.body.id}`);
    const batch = await api.post('/api/v1/accounts/batch/upsert', { records: [{ domain: 'phoenix.test', name: 'Phoenix III' }] });
    expect(batch.body.created).toBe(1);
    expect((await api.get(`/api/v1/contacts/${contact.body.id}`)).body.account.name).toBe('Phoenix III');
  });
});

describe('batch upsert by domain', () => {
  const upsert = (records: unknown[], headers?: Record<string, string>) => api.post('/api/v1/accounts/batch/upsert', { records }, headers);
  const total = async () => (await api.get('/api/v1/accounts?limit=1&includeTotal=true')).body.totalCount as number;

  it('creates and updates by normalised domain, changing only the given fields', async () => {
    const first = await upsert([
      { domain: 'https://batch-a.com', name: 'Batch A', industry: 'Retail', employeeCount: 5, customFields: { arr: 10, tier: 'gold' } },
      { domain: 'batch-b.com' },
    ]);
    expect(first.body).toMatchObject({ created: 2, updated: 0 });
    expect(first.body.data.map((d: { domain: string }) => d.domain)).toEqual(['batch-a.com', 'batch-b.com']);
    expect(await byDomain('batch-b.com')).toMatchObject({ name: 'batch-b.com' });

    const second = await upsert([
      { domain: 'WWW.BATCH-A.COM', employeeCount: 6, industry: null, customFields: { tier: null } },
      { domain: 'batch-c.com', name: 'C' },
    ]);
    expect(second.body).toMatchObject({ created: 1, updated: 1 });
    expect(await byDomain('batch-a.com')).toMatchObject({ name: 'Batch A', industry: null, employeeCount: 6, customFields: { arr: 10 } });
  });

  it('merges duplicates within a batch, and new accounts pick up their contacts', async () => {
    await api.post('/api/v1/contacts', { email: 'pick@batch-d.com' });
    const res = await upsert([
      { domain: 'batch-d.com', name: 'D' },
      { domain: 'batch-d.com', industry: 'Media' },
    ]);
    expect(res.body).toMatchObject({ created: 1, updated: 0 });
    expect(await byDomain('batch-d.com')).toMatchObject({ name: 'D', industry: 'Media', contactCount: 1 });
  });

  it('accepts 1,000 records, refuses 1,001, and writes nothing when a record is invalid', async () => {
    const before = await total();
    const records = Array.from({ length: 1000 }, (_, i) => ({ domain: `thousand-${i}.test`, name: `T${i}` }));
    expect((await upsert(records)).body.created).toBe(1000);
    expect(errorPaths(await upsert([...records, { domain: 'one-more.test' }]))).toContain('records');
    expect(await total()).toBe(before + 1000);

    expect(errorPaths(await upsert([{ domain: 'ok-1.test' }, { domain: 'not a domain' }, { name: 'no domain' }]))).toEqual(
      expect.arrayContaining(['records.1.domain', 'records.2.domain']),
    );
    const rules = await upsert([
      { domain: 'ok-2.test' },
      { domain: 'thousand-1.test', name: 'Changed' },
      { domain: 'ok-3.test', customFields: { tier: 'tin' } },
      { domain: 'ok-4.test', ownerId: '00000000-0000-4000-8000-000000000000' },
    ]);
    expect(errorPaths(rules).sort()).toEqual(['records.2.customFields.tier', 'records.3.ownerId']);
    expect(await total()).toBe(before + 1000);
    expect((await byDomain('thousand-1.test')).name).toBe('T1');
  });

  it('replays a retry with the same Idempotency-Key and refuses the key for another body', async () => {
    const first = await upsert([{ domain: 'idem-acc.test', name: 'Idem' }], { 'idempotency-key': 'acc-1' });
    const retry = await upsert([{ domain: 'idem-acc.test', name: 'Idem' }], { 'idempotency-key': 'acc-1' });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await upsert([{ domain: 'idem-acc.test', name: 'Other' }], { 'idempotency-key': 'acc-1' })).status).toBe(422);
    expect((await byDomain('idem-acc.test')).name).toBe('Idem');
  });
});

describe('roles', () => {
  it('lets viewers read but not write accounts, and marketing and sales write them', async () => {
    const account = await create({ name: 'Roles', domain: 'roles-acc.com' });
    const id = account.body.id;
    const viewer = await ws.as('viewer');
    expect((await viewer.get(`/api/v1/accounts/${id}`)).status).toBe(200);
    expect((await viewer.get('/api/v1/accounts/export')).status).toBe(200);
    const writes = await Promise.all([
      viewer.post('/api/v1/accounts', { name: 'V', customFields: { arr: 1 } }),
      viewer.patch(`/api/v1/accounts/${id}`, { name: 'Viewer was here' }),
      viewer.delete(`/api/v1/accounts/${id}`),
      viewer.post(`/api/v1/accounts/${id}/restore`),
      viewer.post('/api/v1/accounts/batch/upsert', { records: [{ domain: 'viewer.test' }] }),
    ]);
    for (const res of writes) expect(res.status).toBe(403);
    expect((await api.get(`/api/v1/accounts/${id}`)).body.name).toBe('Roles');

    for (const role of ['marketing', 'sales'] as const) {
      const client = await ws.as(role);
      const made = await client.post('/api/v1/accounts', { name: role, customFields: { arr: 2 } });
      expect(made.status).toBe(201);
      expect((await client.patch(`/api/v1/accounts/${made.body.id}`, { industry: role })).status).toBe(200);
      expect((await client.delete(`/api/v1/accounts/${made.body.id}`)).status).toBe(200);
    }
  });

  it('hides accounts from other workspaces', async () => {
    const account = await create({ name: 'Private', domain: 'private-acc.com' });
    const other = await createTestWorkspace(server);
    expect((await other.api.get(`/api/v1/accounts/${account.body.id}`)).status).toBe(404);
    expect((await other.api.patch(`/api/v1/accounts/${account.body.id}`, { name: 'x' })).status).toBe(404);
    expect((await other.api.delete(`/api/v1/accounts/${account.body.id}`)).status).toBe(404);
    expect((await other.api.post(`/api/v1/accounts/${account.body.id}/restore`)).status).toBe(404);
    expect((await other.api.get('/api/v1/accounts?q=private')).body.data).toEqual([]);
  });
});
