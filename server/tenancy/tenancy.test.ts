// Walks EVERY route as an admin of workspace B against workspace A's ids and asserts B can neither
// read nor change A's data. The table must name every route the server has: a new route without a
// row here fails the test, so tenancy is considered for each one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let a: TestWorkspace;
let b: TestWorkspace;
const ids: Record<string, string> = {};

interface Case {
  url: string;
  body?: unknown;
  /** Statuses that prove B got nothing of A's. */
  expect: number[];
  contentType?: string;
}

const json = (v: unknown) => JSON.stringify(v);

// `:x` placeholders are replaced with A's ids
const CASES: Record<string, Case> = {
  'GET /api/v1/session': { url: '/api/v1/session', expect: [200] },
  'POST /api/v1/session': { url: '/api/v1/session', body: { email: 'admin-a@example.com', password: 'wrong password', workspaceId: ':workspace' }, expect: [401] },
  'DELETE /api/v1/session': { url: '/api/v1/session', expect: [200] },
  'POST /api/v1/session/workspace': { url: '/api/v1/session/workspace', body: { workspaceId: ':workspace' }, expect: [403] },
  'POST /api/v1/onboarding': { url: '/api/v1/onboarding', body: { workspaceName: 'X', name: 'X', email: 'x@example.com', password: 'password123' }, expect: [409] },
  'GET /api/v1/invitations/lookup': { url: '/api/v1/invitations/lookup?token=not-a-real-token', expect: [404] },
  'POST /api/v1/invitations/accept': { url: '/api/v1/invitations/accept', body: { token: 'not-a-real-token', password: 'password123', name: 'X' }, expect: [404] },
  'GET /api/v1/workspace': { url: '/api/v1/workspace', expect: [200] },
  'PATCH /api/v1/workspace': { url: '/api/v1/workspace', body: { name: 'B renamed' }, expect: [200] },
  'GET /api/v1/users': { url: '/api/v1/users', expect: [200] },
  'POST /api/v1/users': { url: '/api/v1/users', body: { email: 'sales-a@example.com', role: 'viewer' }, expect: [201] },
  'GET /api/v1/users/{id}': { url: '/api/v1/users/:user', expect: [404] },
  'PATCH /api/v1/users/{id}': { url: '/api/v1/users/:user', body: { role: 'viewer' }, expect: [404] },
  'DELETE /api/v1/users/{id}': { url: '/api/v1/users/:user', expect: [404] },
  'GET /api/v1/invitations': { url: '/api/v1/invitations', expect: [200] },
  'DELETE /api/v1/invitations/{id}': { url: '/api/v1/invitations/:invitation', expect: [404] },
  'GET /api/v1/api-keys': { url: '/api/v1/api-keys', expect: [200] },
  'POST /api/v1/api-keys': { url: '/api/v1/api-keys', body: { name: 'b key' }, expect: [201] },
  'GET /api/v1/api-keys/{id}': { url: '/api/v1/api-keys/:apiKey', expect: [404] },
  'DELETE /api/v1/api-keys/{id}': { url: '/api/v1/api-keys/:apiKey', expect: [404] },
  'GET /api/v1/custom-fields': { url: '/api/v1/custom-fields', expect: [200] },
  'POST /api/v1/custom-fields': { url: '/api/v1/custom-fields', body: { objectType: 'contact', label: 'Plan', type: 'text' }, expect: [201] },
  'GET /api/v1/custom-fields/{id}': { url: '/api/v1/custom-fields/:customField', expect: [404] },
  'PATCH /api/v1/custom-fields/{id}': { url: '/api/v1/custom-fields/:customField', body: { label: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/custom-fields/{id}': { url: '/api/v1/custom-fields/:customField', expect: [404] },
  'GET /api/v1/contacts': { url: '/api/v1/contacts?filter[accountId]=:account&filter[id]=:contact', expect: [200] },
  'POST /api/v1/contacts': { url: '/api/v1/contacts', body: { email: 'new@b.example', accountId: ':account' }, expect: [400] },
  'GET /api/v1/contacts/tags': { url: '/api/v1/contacts/tags?q=orig', expect: [200] },
  'GET /api/v1/contacts/export': { url: '/api/v1/contacts/export?filter[id]=:contact', expect: [200] },
  'GET /api/v1/contacts/{id}': { url: '/api/v1/contacts/:contact', expect: [404] },
  'PATCH /api/v1/contacts/{id}': { url: '/api/v1/contacts/:contact', body: { firstName: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/contacts/{id}': { url: '/api/v1/contacts/:contact', expect: [404] },
  'POST /api/v1/contacts/batch/upsert': { url: '/api/v1/contacts/batch/upsert', body: { records: [{ email: 'jane@a-corp.example', firstName: 'Hijacked' }] }, expect: [200] },
  'POST /api/v1/contacts/bulk': { url: '/api/v1/contacts/bulk', body: { action: 'addTags', tags: ['hijacked'], ids: [':contact'] }, expect: [200] },
  'POST /api/v1/contacts/{id}/restore': { url: '/api/v1/contacts/:deletedContact/restore', expect: [404] },
  'GET /api/v1/accounts': { url: '/api/v1/accounts?filter[id]=:account', expect: [200] },
  'POST /api/v1/accounts': { url: '/api/v1/accounts', body: { name: 'B', ownerId: ':user' }, expect: [400] },
  'GET /api/v1/accounts/export': { url: '/api/v1/accounts/export', expect: [200] },
  'GET /api/v1/accounts/{id}': { url: '/api/v1/accounts/:account', expect: [404] },
  'PATCH /api/v1/accounts/{id}': { url: '/api/v1/accounts/:account', body: { name: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/accounts/{id}': { url: '/api/v1/accounts/:account', expect: [404] },
  'POST /api/v1/accounts/{id}/restore': { url: '/api/v1/accounts/:deletedAccount/restore', expect: [404] },
  'POST /api/v1/accounts/batch/upsert': { url: '/api/v1/accounts/batch/upsert', body: { records: [{ domain: 'a-corp.example', name: 'Hijacked' }] }, expect: [200] },
  'GET /api/v1/notes': { url: '/api/v1/notes?filter[contactId]=:contact', expect: [200] },
  'POST /api/v1/notes': { url: '/api/v1/notes', body: { contactId: ':contact', body: 'hijack' }, expect: [400] },
  'GET /api/v1/notes/{id}': { url: '/api/v1/notes/:note', expect: [404] },
  'PATCH /api/v1/notes/{id}': { url: '/api/v1/notes/:note', body: { body: 'Hijacked' }, expect: [404] },
  'DELETE /api/v1/notes/{id}': { url: '/api/v1/notes/:note', expect: [404] },
  'POST /api/v1/notes/{id}/restore': { url: '/api/v1/notes/:deletedNote/restore', expect: [404] },
  'GET /api/v1/outbox': { url: '/api/v1/outbox', expect: [200] },
  'POST /api/v1/imports': { url: '/api/v1/imports?objectType=contact', body: 'email\nx@b.example\n', contentType: 'text/csv', expect: [201] },
  'GET /api/v1/imports': { url: '/api/v1/imports', expect: [200] },
  'GET /api/v1/imports/{id}': { url: '/api/v1/imports/:import', expect: [404] },
  'POST /api/v1/imports/{id}/start': { url: '/api/v1/imports/:import/start', body: { mapping: { email: 'email' } }, expect: [404] },
  'POST /api/v1/imports/{id}/cancel': { url: '/api/v1/imports/:import/cancel', expect: [404] },
  'GET /api/v1/imports/{id}/errors': { url: '/api/v1/imports/:import/errors', expect: [404] },
};

function fill(value: string): string {
  return value.replace(/:([a-zA-Z]+)/g, (m, key: string) => ids[key] ?? m);
}

beforeAll(async () => {
  server = await startTestServer();
  a = await createTestWorkspace(server, 'A Corp');
  b = await createTestWorkspace(server, 'B Corp');
  ids.workspace = a.workspaceId;
  ids.user = await a.addUser('sales', 'sales-a@example.com', 'Sam Sales');
  ids.account = (await a.api.post('/api/v1/accounts', { name: 'A Corp', domain: 'a-corp.example', ownerId: ids.user })).body.id;
  ids.contact = (await a.api.post('/api/v1/contacts', { email: 'jane@a-corp.example', firstName: 'Jane', tags: ['original'] })).body.id;
  ids.deletedContact = (await a.api.post('/api/v1/contacts', { email: 'gone@a-corp.example' })).body.id;
  await a.api.delete(`/api/v1/contacts/${ids.deletedContact}`);
  ids.deletedAccount = (await a.api.post('/api/v1/accounts', { name: 'Gone Ltd', domain: 'gone.example' })).body.id;
  await a.api.delete(`/api/v1/accounts/${ids.deletedAccount}`);
  ids.note = (await a.api.post('/api/v1/notes', { contactId: ids.contact, body: 'Secret note of A' })).body.id;
  ids.deletedNote = (await a.api.post('/api/v1/notes', { accountId: ids.account, body: 'Deleted note of A' })).body.id;
  await a.api.delete(`/api/v1/notes/${ids.deletedNote}`);
  ids.customField = (await a.api.post('/api/v1/custom-fields', { objectType: 'contact', label: 'Secret score', type: 'number' })).body.id;
  ids.apiKey = (await a.api.post('/api/v1/api-keys', { name: 'a key' })).body.id;
  ids.invitation = (await a.api.post('/api/v1/users', { email: 'invitee@a-corp.example', role: 'sales' })).body.id;
  const upload = await fetch(`${server.url}/api/v1/imports?objectType=contact&fileName=a.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${a.apiKey}`, 'content-type': 'text/csv' },
    body: 'email,first name\nsecret@a-corp.example,Secret\n',
  });
  ids.import = ((await upload.json()) as { id: string }).id;
  for (const [k, v] of Object.entries(ids)) expect(v, k).toMatch(/^[0-9a-f-]{36}$/);
});
afterAll(async () => server?.close());

describe('tenancy: workspace B cannot reach workspace A', () => {
  it('has a case for every route the server exposes', async () => {
    const spec = (await b.api.get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [route, c] of Object.entries(CASES)) {
    it(route, async () => {
      const method = route.split(' ')[0];
      const headers: Record<string, string> = c.contentType ? { 'content-type': c.contentType } : {};
      const body = c.body === undefined ? undefined : typeof c.body === 'string' ? c.body : JSON.parse(fill(json(c.body)));
      const res = await b.api.request(method, fill(c.url), body, headers);
      expect(c.expect, `${route} → ${res.status} ${json(res.body).slice(0, 300)}`).toContain(res.status);
      const text = typeof res.body === 'string' ? res.body : json(res.body);
      // nothing of A's leaks into B's responses (an id B itself sent may be echoed in an error)
      const sent = fill(c.url) + (body === undefined ? '' : json(body));
      for (const key of ['contact', 'account', 'note', 'customField', 'apiKey', 'invitation', 'import', 'user']) {
        if (!sent.includes(ids[key])) expect(text, `${route} leaked A's ${key}`).not.toContain(ids[key]);
      }
      expect(text).not.toContain('Secret note of A');
      expect(text).not.toContain('original');
      expect(text).not.toContain('secret@a-corp.example');
    });
  }

  it("left A's data untouched", async () => {
    const contact = await a.api.get(`/api/v1/contacts/${ids.contact}`);
    expect(contact.body).toMatchObject({ firstName: 'Jane', tags: ['original'] });
    expect((await a.api.get(`/api/v1/accounts/${ids.account}`)).body.name).toBe('A Corp');
    expect((await a.api.get(`/api/v1/notes/${ids.note}`)).body.body).toBe('Secret note of A');
    expect((await a.api.get(`/api/v1/custom-fields/${ids.customField}`)).body.label).toBe('Secret score');
    expect((await a.api.get(`/api/v1/api-keys/${ids.apiKey}`)).body.revokedAt).toBeNull();
    expect((await a.api.get(`/api/v1/users/${ids.user}`)).body).toMatchObject({ role: 'sales', status: 'active' });
    expect((await a.api.get(`/api/v1/contacts/${ids.deletedContact}`)).status).toBe(404);
    expect((await a.api.get(`/api/v1/notes/${ids.deletedNote}`)).status).toBe(404);
    expect((await a.api.get('/api/v1/workspace')).body.name).toBe('A Corp');
    const invitations = (await a.api.get('/api/v1/invitations')).body.data as Array<{ id: string; status: string }>;
    expect(invitations.find((i) => i.id === ids.invitation)?.status).toBe('pending');
    expect((await a.api.get(`/api/v1/imports/${ids.import}`)).body.status).toBe('uploaded');
  });
});
