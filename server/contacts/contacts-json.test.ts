// The contacts list sends JSON that PostgreSQL built (`contactJson`), while a single contact goes
// through `toContact` and JSON.stringify. Both must give clients the same contact, field for field,
// whatever the contact holds: no account, a linked or deleted account, text that needs escaping,
// custom fields of every type, tags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer } from '../test/harness.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import { contactListSpec, listContactsAsJson } from './contacts.store.ts';

let server: TestServer;
let api: ApiClient;
let workspaceId: string;
const ids: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  ({ api, workspaceId } = await createTestWorkspace(server));
  const fields = [
    { key: 'seats', label: 'Seats', type: 'number' },
    { key: 'plan', label: 'Plan', type: 'select', options: [{ value: 'pro', label: 'Pro' }] },
    { key: 'since', label: 'Since', type: 'date' },
    { key: 'active', label: 'Active', type: 'boolean' },
    { key: 'motto', label: 'Motto', type: 'text' },
    { key: 'channels', label: 'Channels', type: 'multi_select', options: [{ value: 'email', label: 'Email' }, { value: 'sms', label: 'SMS' }] },
  ];
  for (const f of fields) expect((await api.post('/api/v1/custom-fields', { objectType: 'contact', ...f })).status).toBe(201);
  const acme = await api.post('/api/v1/accounts', { name: 'Acme "Rockets" & Co', domain: 'acme.test' });
  const gone = await api.post('/api/v1/accounts', { name: 'Gone Ltd', domain: 'gone.test' });
  expect([acme.status, gone.status]).toEqual([201, 201]);

  const contacts = [
    { email: 'plain@gmail.test' },
    { email: 'ada@acme.test', firstName: 'Ada', lastName: 'Lovelace', phone: '+44 20 7946 0000', title: 'VP "Growth"', lifecycleStage: 'mql', tags: ['vip', 'event'] },
    { email: 'zoe@gone.test', firstName: 'Zoë', lastName: 'Ørsted\\Ñ', tags: ['ünïcode', 'a"b'] },
    { email: null, firstName: 'Line\nbreak\ttab', lastName: '</script><b>', accountId: acme.body.id },
    {
      email: 'custom@acme.test',
      customFields: { seats: 1234.5, plan: 'pro', since: '2024-02-29', active: false, motto: 'Say "hi"\n\\ 😀', channels: ['sms', 'email'] },
    },
    { email: 'big@acme.test', customFields: { seats: 0, active: true, channels: [] } },
  ];
  for (const c of contacts) {
    const res = await api.post('/api/v1/contacts', c);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.id);
  }
  // a deleted account leaves its contacts without one
  expect((await api.delete(`/api/v1/accounts/${gone.body.id}`)).status).toBe(200);
  // an update makes updatedAt differ from createdAt
  expect((await api.patch(`/api/v1/contacts/${ids[0]}`, { title: 'Edited' })).status).toBe(200);
});

afterAll(async () => {
  await server?.close();
});

describe('contacts list JSON', () => {
  it('gives each contact exactly as GET /contacts/{id} does', async () => {
    const list = await api.get(`/api/v1/contacts?limit=100&filter[id][in]=${ids.join(',')}`);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(list.body.data).toHaveLength(ids.length);
    for (const id of ids) {
      const one = await api.get(`/api/v1/contacts/${id}`);
      expect(one.status).toBe(200);
      expect(list.body.data.find((c: { id: string }) => c.id === id)).toStrictEqual(one.body);
    }
  });

  it('links, unlinks and escapes as the stored contact says', async () => {
    const list = await api.get(`/api/v1/contacts?limit=100&sort=createdAt&filter[id][in]=${ids.join(',')}`);
    const [plain, ada, zoe, noEmail, custom] = list.body.data;
    expect(plain).toMatchObject({ email: 'plain@gmail.test', accountId: null, account: null, title: 'Edited', tags: [], customFields: {} });
    expect(plain.updatedAt > plain.createdAt).toBe(true);
    expect(plain.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(ada.account).toEqual({ id: ada.accountId, name: 'Acme "Rockets" & Co', domain: 'acme.test' });
    expect(ada.title).toBe('VP "Growth"');
    expect(zoe).toMatchObject({ accountId: null, account: null, lastName: 'Ørsted\\Ñ', tags: ['ünïcode', 'a"b'] });
    expect(noEmail).toMatchObject({ email: null, firstName: 'Line\nbreak\ttab', lastName: '</script><b>' });
    expect(custom.customFields).toEqual({ seats: 1234.5, plan: 'pro', since: '2024-02-29', active: false, motto: 'Say "hi"\n\\ 😀', channels: ['sms', 'email'] });
  });

  it('keeps the envelope: nextCursor pages on, totalCount when asked', async () => {
    const first = await api.get(`/api/v1/contacts?limit=4&includeTotal=true`);
    expect(first.body).toMatchObject({ nextCursor: expect.any(String), totalCount: ids.length });
    expect(first.body.data).toHaveLength(4);
    const rest = await api.get(`/api/v1/contacts?limit=4&cursor=${first.body.nextCursor}`);
    expect(rest.body.data).toHaveLength(2);
    expect(rest.body.nextCursor).toBeNull();
    expect(Object.keys(rest.body)).toEqual(['data', 'nextCursor']);
    const empty = await api.get(`/api/v1/contacts?q=nobodyatall`);
    expect(empty.body).toEqual({ data: [], nextCursor: null });
  });

  it('runs a sorted page as a prepared statement that stops being planned, and a search unprepared', async () => {
    const statements = await server.database.db.transaction().execute(async (trx) => {
      const page = (params: Record<string, string>) => listContactsAsJson(trx, workspaceId, compileList(contactListSpec, listQuerySchema.parse(params), []));
      let cursor: string | null = null;
      for (let i = 0; i < 12; i++) {
        // page through with a cursor: every call has other parameter values
        const result = await page(cursor ? { limit: '1', cursor } : { limit: '1' });
        expect(result.items).toHaveLength(1);
        cursor = result.nextCursor ?? null;
      }
      await page({ limit: '1', q: 'ada' });
      const { rows } = await sql<{ statement: string; generic_plans: number }>`
        SELECT statement, generic_plans::int FROM pg_prepared_statements WHERE statement LIKE '%json_build_object%'`.execute(trx);
      // this test's pages (limit 1, so "limit 2" in the text); PGlite's one session also holds the other tests'
      return rows.filter((r) => /limit 2$/.test(r.statement));
    });
    // one text without a cursor, one with; after five calls PostgreSQL plans the second once, generically
    expect(statements).toHaveLength(2);
    expect(Math.max(...statements.map((s) => s.generic_plans))).toBeGreaterThanOrEqual(2);
    expect(statements.some((s) => s.statement.includes(' LIKE '))).toBe(false);
  });
});
