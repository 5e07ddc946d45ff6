// Single contacts through the API: the life cycle, every validation a form or an API client can trip
// over, account linking by email domain, and custom field values of every type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
});
afterAll(async () => server?.close());

async function createAccount(body: Record<string, unknown>) {
  const res = await api.post('/api/v1/accounts', body);
  expect(res.status).toBe(201);
  return res.body as { id: string; domain: string | null };
}

/** Expects a 400 problem+json whose errors name `path` (and returns the message for it). */
function expectFieldError(res: { status: number; body: any; headers: Headers }, path: string, status = 400): string {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const error = (res.body.errors ?? []).find((e: { path: string }) => e.path === path);
  expect(error, `an error for ${path} in ${JSON.stringify(res.body)}`).toBeDefined();
  return error.message as string;
}

describe('contact life cycle', () => {
  it('creates, reads, updates, deletes and restores a contact', async () => {
    const created = await api.post('/api/v1/contacts', {
      email: '  Jane.Doe@Example.com ',
      firstName: ' Jane ',
      lastName: 'Doe',
      tags: ['vip', 'vip', 'event'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'jane.doe@example.com',
      firstName: 'Jane',
      tags: ['vip', 'event'],
      lifecycleStage: null,
      customFields: {},
    });

    const got = await api.get(`/api/v1/contacts/${created.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.email).toBe('jane.doe@example.com');

    const patched = await api.patch(`/api/v1/contacts/${created.body.id}`, { title: 'CTO', lifecycleStage: 'lead', phone: '' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'CTO', lifecycleStage: 'lead', firstName: 'Jane', phone: null });
    expect(new Date(patched.body.updatedAt).getTime()).toBeGreaterThan(new Date(created.body.updatedAt).getTime());

    const deleted = await api.delete(`/api/v1/contacts/${created.body.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: created.body.id, deleted: true });
    expect((await api.get(`/api/v1/contacts/${created.body.id}`)).status).toBe(404);
    expect((await api.patch(`/api/v1/contacts/${created.body.id}`, { title: 'x' })).status).toBe(404);
    expect((await api.delete(`/api/v1/contacts/${created.body.id}`)).status).toBe(404);
    const list = await api.get('/api/v1/contacts?filter[email]=jane.doe@example.com');
    expect(list.body.data).toEqual([]);

    const restored = await api.post(`/api/v1/contacts/${created.body.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: created.body.id, title: 'CTO', email: 'jane.doe@example.com' });
  });

  it('answers 404 for ids that do not exist and 400 for ids that are not ids', async () => {
    const missing = await api.get('/api/v1/contacts/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    expectFieldError(await api.get('/api/v1/contacts/not-an-id'), 'id');
    expect((await api.post('/api/v1/contacts/00000000-0000-4000-8000-000000000000/restore')).status).toBe(404);
  });

  it('creates a contact with only a name, but not with nothing', async () => {
    const named = await api.post('/api/v1/contacts', { firstName: 'Nameless' });
    expect(named.status).toBe(201);
    expect(named.body.email).toBeNull();
    expectFieldError(await api.post('/api/v1/contacts', { phone: '+1 555' }), 'email');
    expectFieldError(await api.post('/api/v1/contacts', { email: '', firstName: '  ' }), 'email');
  });

  it('refuses a change that would leave a contact with neither an email nor a name', async () => {
    const c = await api.post('/api/v1/contacts', { email: 'only-email@example.com' });
    expectFieldError(await api.patch(`/api/v1/contacts/${c.body.id}`, { email: null }), 'email');
    const renamed = await api.patch(`/api/v1/contacts/${c.body.id}`, { email: null, lastName: 'Kept' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ email: null, lastName: 'Kept' });
  });
});

describe('contact validation', () => {
  it('names the field in a 400 problem for bad emails, long strings, wrong types and unknown fields', async () => {
    expect(await expectFieldError(await api.post('/api/v1/contacts', { email: 'not-an-email' }), 'email')).toMatch(/valid email/);
    expectFieldError(await api.post('/api/v1/contacts', { email: `${'a'.repeat(250)}@example.com` }), 'email');
    expect(
      expectFieldError(await api.post('/api/v1/contacts', { email: 'long@example.com', firstName: 'x'.repeat(101) }), 'firstName'),
    ).toMatch(/100/);
    expectFieldError(await api.post('/api/v1/contacts', { email: 'long@example.com', title: 'x'.repeat(201) }), 'title');
    expectFieldError(await api.post('/api/v1/contacts', { email: 'types@example.com', firstName: 42 }), 'firstName');
    expectFieldError(await api.post('/api/v1/contacts', { email: 'types@example.com', tags: 'vip' }), 'tags');
    expectFieldError(await api.post('/api/v1/contacts', { email: 'types@example.com', tags: ['ok', ''] }), 'tags.1');
    expectFieldError(await api.post('/api/v1/contacts', { email: 'types@example.com', customFields: [] }), 'customFields');
    const unknown = await api.post('/api/v1/contacts', { email: 'unknown@example.com', favouriteColour: 'blue' });
    expect(expectFieldError(unknown, 'favouriteColour')).toBe('is not a known field');
    expect(expectFieldError(await api.patch(`/api/v1/contacts/00000000-0000-4000-8000-000000000000`, { nickname: 'x' }), 'nickname')).toBe(
      'is not a known field',
    );
    expect(unknown.body).toMatchObject({ status: 400, code: 'validation_failed', title: 'Bad Request' });
    // none of these left a contact behind
    const list = await api.get(
      '/api/v1/contacts?q=example.com&includeTotal=true&filter[email][in]=types@example.com,long@example.com,unknown@example.com',
    );
    expect(list.body.totalCount).toBe(0);
  });

  it('refuses malformed JSON with 400 invalid_json', async () => {
    const res = await api.request('POST', '/api/v1/contacts', '{"email": ', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_json');
  });

  it('refuses unknown account and owner ids, and ids from another workspace, naming the field', async () => {
    const unknownId = '00000000-0000-4000-8000-000000000001';
    expect(expectFieldError(await api.post('/api/v1/contacts', { email: 'ref@example.com', accountId: unknownId }), 'accountId')).toMatch(
      /no such account/,
    );
    expectFieldError(await api.post('/api/v1/contacts', { email: 'ref@example.com', ownerId: unknownId }), 'ownerId');
    expectFieldError(await api.post('/api/v1/contacts', { email: 'ref@example.com', accountId: 'acme' }), 'accountId');

    const other = await createTestWorkspace(server);
    const foreign = await other.api.post('/api/v1/accounts', { name: 'Foreign Ltd', domain: 'foreign-ltd.com' });
    const foreignUser = await other.addUser('sales');
    expectFieldError(await api.post('/api/v1/contacts', { email: 'ref@example.com', accountId: foreign.body.id }), 'accountId');
    expectFieldError(await api.post('/api/v1/contacts', { email: 'ref@example.com', ownerId: foreignUser }), 'ownerId');
    const mine = await api.post('/api/v1/contacts', { email: 'ref@example.com' });
    expectFieldError(await api.patch(`/api/v1/contacts/${mine.body.id}`, { accountId: foreign.body.id }), 'accountId');
    // and another workspace cannot read, change or delete it
    expect((await other.api.get(`/api/v1/contacts/${mine.body.id}`)).status).toBe(404);
    expect((await other.api.patch(`/api/v1/contacts/${mine.body.id}`, { title: 'x' })).status).toBe(404);
    expect((await other.api.delete(`/api/v1/contacts/${mine.body.id}`)).status).toBe(404);
    expect((await api.get(`/api/v1/contacts/${mine.body.id}`)).body.title).toBeNull();
  });

  it('accepts an owner who is an active member of the workspace', async () => {
    const owner = await ws.addUser('sales');
    const res = await api.post('/api/v1/contacts', { email: 'owned@example.com', ownerId: owner });
    expect(res.status).toBe(201);
    expect(res.body.ownerId).toBe(owner);
  });

  it('keeps emails unique per workspace regardless of case (409), but not across workspaces', async () => {
    const first = await api.post('/api/v1/contacts', { email: 'dup@example.com' });
    const again = await api.post('/api/v1/contacts', { email: 'DUP@Example.com' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body.code).toBe('already_exists');
    expect(again.body.errors[0]).toMatchObject({ path: 'email' });

    const second = await api.post('/api/v1/contacts', { email: 'dup2@example.com' });
    const clash = await api.patch(`/api/v1/contacts/${second.body.id}`, { email: 'Dup@example.com' });
    expect(clash.status).toBe(409);
    expect((await api.patch(`/api/v1/contacts/${first.body.id}`, { email: 'dup@example.com', title: 'same' })).status).toBe(200);

    const other = await createTestWorkspace(server);
    expect((await other.api.post('/api/v1/contacts', { email: 'dup@example.com' })).status).toBe(201);
  });

  it('frees the email of a deleted contact', async () => {
    const old = await api.post('/api/v1/contacts', { email: 'reuse@example.com' });
    await api.delete(`/api/v1/contacts/${old.body.id}`);
    const fresh = await api.post('/api/v1/contacts', { email: 'reuse@example.com' });
    expect(fresh.status).toBe(201);
    const restore = await api.post(`/api/v1/contacts/${old.body.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.errors[0].path).toBe('email');
  });

  it('accepts only the known lifecycle stages', async () => {
    expectFieldError(await api.post('/api/v1/contacts', { email: 'stage@example.com', lifecycleStage: 'hot' }), 'lifecycleStage');
    const ok = await api.post('/api/v1/contacts', { email: 'stage@example.com', lifecycleStage: 'mql' });
    expect(ok.body.lifecycleStage).toBe('mql');
    expect((await api.patch(`/api/v1/contacts/${ok.body.id}`, { lifecycleStage: null })).body.lifecycleStage).toBeNull();
  });

  it('removes duplicate and blank-padded tags', async () => {
    const c = await api.post('/api/v1/contacts', { email: 'tags@example.com', tags: [' a', 'b', 'a ', 'b'] });
    expect(c.body.tags).toEqual(['a', 'b']);
    expect((await api.patch(`/api/v1/contacts/${c.body.id}`, { tags: ['c', 'c'] })).body.tags).toEqual(['c']);
  });
});

describe('account linking by email domain', () => {
  it('links a new contact to the account of its company email domain, not for free mail providers', async () => {
    const acme = await createAccount({ name: 'Acme', domain: 'acme-link.com' });
    const gmailAccount = await createAccount({ name: 'Google mail', domain: 'gmail.com' });
    const linked = await api.post('/api/v1/contacts', { email: 'Wile@Acme-Link.com' });
    expect(linked.body.accountId).toBe(acme.id);
    expect(linked.body.account).toEqual({ id: acme.id, name: 'Acme', domain: 'acme-link.com' });

    const free = await api.post('/api/v1/contacts', { email: 'someone@gmail.com' });
    expect(free.body.accountId).toBeNull();
    expect(gmailAccount.id).toBeDefined();

    const chosen = await createAccount({ name: 'Chosen' });
    const explicit = await api.post('/api/v1/contacts', { email: 'road@acme-link.com', accountId: chosen.id });
    expect(explicit.body.accountId).toBe(chosen.id);
    const none = await api.post('/api/v1/contacts', { email: 'runner@acme-link.com', accountId: null });
    expect(none.body.accountId).toBeNull();
  });

  it('relinks on an email change only when the contact has no account', async () => {
    const globex = await createAccount({ name: 'Globex', domain: 'globex-link.com' });
    const initech = await createAccount({ name: 'Initech', domain: 'initech-link.com' });
    const loose = await api.post('/api/v1/contacts', { email: 'hank@gmail.com' });
    const moved = await api.patch(`/api/v1/contacts/${loose.body.id}`, { email: 'hank@globex-link.com' });
    expect(moved.body.accountId).toBe(globex.id);

    const stays = await api.patch(`/api/v1/contacts/${loose.body.id}`, { email: 'hank@initech-link.com' });
    expect(stays.body.accountId).toBe(globex.id);

    const unlinked = await api.patch(`/api/v1/contacts/${loose.body.id}`, { accountId: null });
    expect(unlinked.body.accountId).toBeNull();
    const relinked = await api.patch(`/api/v1/contacts/${loose.body.id}`, { email: 'hank2@initech-link.com' });
    expect(relinked.body.accountId).toBe(initech.id);
  });

  it('shows no account once the account is deleted, and relinks on the next email change', async () => {
    const gone = await createAccount({ name: 'Gone', domain: 'gone-link.com' });
    const next = await createAccount({ name: 'Next', domain: 'next-link.com' });
    const c = await api.post('/api/v1/contacts', { email: 'left@gone-link.com' });
    expect(c.body.accountId).toBe(gone.id);
    await api.delete(`/api/v1/accounts/${gone.id}`);
    expect((await api.get(`/api/v1/contacts/${c.body.id}`)).body).toMatchObject({ accountId: null, account: null });
    expect((await api.patch(`/api/v1/contacts/${c.body.id}`, { email: 'left@next-link.com' })).body.accountId).toBe(next.id);
  });
});

describe('custom field values on contacts', () => {
  beforeAll(async () => {
    const fields = [
      {
        key: 'plan',
        label: 'Plan',
        type: 'select',
        options: [
          { value: 'free', label: 'Free' },
          { value: 'pro', label: 'Pro' },
        ],
      },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'renewal', label: 'Renewal', type: 'date' },
      { key: 'beta', label: 'Beta', type: 'boolean' },
      { key: 'nickname', label: 'Nickname', type: 'text' },
      {
        key: 'channels',
        label: 'Channels',
        type: 'multi_select',
        options: [
          { value: 'email', label: 'Email' },
          { value: 'phone', label: 'Phone' },
        ],
      },
      { key: 'region', label: 'Region', type: 'text', required: true },
    ];
    for (const f of fields) expect((await api.post('/api/v1/custom-fields', { objectType: 'contact', ...f })).status).toBe(201);
  });

  it('stores valid values of every type and returns them as given', async () => {
    const values = {
      plan: 'pro',
      seats: 12.5,
      renewal: '2027-02-28',
      beta: false,
      nickname: 'JJ',
      channels: ['phone', 'email', 'phone'],
      region: 'EMEA',
    };
    const c = await api.post('/api/v1/contacts', { email: 'cf@example.com', customFields: values });
    expect(c.status).toBe(201);
    expect(c.body.customFields).toEqual({ ...values, channels: ['phone', 'email'] });
    expect((await api.get(`/api/v1/contacts/${c.body.id}`)).body.customFields).toEqual(c.body.customFields);
  });

  it('enforces required fields on create, not on partial updates', async () => {
    const missing = await api.post('/api/v1/contacts', { email: 'req@example.com' });
    expect(expectFieldError(missing, 'customFields.region')).toMatch(/required/);
    expectFieldError(await api.post('/api/v1/contacts', { email: 'req@example.com', customFields: { region: '' } }), 'customFields.region');
    const ok = await api.post('/api/v1/contacts', { email: 'req@example.com', customFields: { region: 'APAC' } });
    expect(ok.status).toBe(201);
    expect((await api.patch(`/api/v1/contacts/${ok.body.id}`, { title: 'Boss' })).status).toBe(200);
    expectFieldError(await api.patch(`/api/v1/contacts/${ok.body.id}`, { customFields: { region: null } }), 'customFields.region');
  });

  it('refuses values of the wrong type with the custom field path', async () => {
    const bad: Array<[string, unknown]> = [
      ['seats', '12'],
      ['seats', 'many'],
      ['renewal', '2027-02-30'],
      ['renewal', '28/02/2027'],
      ['renewal', '2027-02-28 and then some'],
      ['renewal', 20270228],
      ['beta', 'yes'],
      ['plan', 'enterprise'],
      ['plan', 'Pro'],
      ['channels', 'email'],
      ['channels', ['email', 'fax']],
      ['nickname', 7],
      ['nickname', 'x'.repeat(2001)],
      ['unknownKey', 'x'],
    ];
    for (const [key, value] of bad) {
      const res = await api.post('/api/v1/contacts', { email: `bad-${key}@example.com`, customFields: { region: 'EMEA', [key]: value } });
      expectFieldError(res, `customFields.${key}`);
    }
    const several = await api.post('/api/v1/contacts', {
      email: 'several@example.com',
      customFields: { region: 'EMEA', seats: 'x', beta: 1 },
    });
    expect(several.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['customFields.beta', 'customFields.seats']);
  });

  it('merges custom values on update, and null clears one', async () => {
    const c = await api.post('/api/v1/contacts', { email: 'merge@example.com', customFields: { region: 'EMEA', seats: 3, plan: 'free' } });
    const updated = await api.patch(`/api/v1/contacts/${c.body.id}`, { customFields: { seats: 4, plan: null } });
    expect(updated.status).toBe(200);
    expect(updated.body.customFields).toEqual({ region: 'EMEA', seats: 4 });
    const cleared = await api.patch(`/api/v1/contacts/${c.body.id}`, { customFields: { nickname: '', channels: [] } });
    expect(cleared.body.customFields).toEqual({ region: 'EMEA', seats: 4 });
    const filtered = await api.get(
      `/api/v1/contacts?filter[email]=merge@example.com&filter[customFields.channels][exists]=false&filter[customFields.plan][exists]=false`,
    );
    expect(filtered.body.data.map((x: { id: string }) => x.id)).toEqual([c.body.id]);
  });
});
