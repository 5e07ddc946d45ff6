// Identity resolution through the public API: anonymous visitors become contacts on identify, alias
// and group link ids and accounts, traits update contacts without erasing them, history follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { createSource, pageView, processTracking, sendTracking, type TestSource } from './tracking-test-kit.ts';

let server: TestServer;
let ws: TestWorkspace;
let source: TestSource;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  source = await createSource(ws);
});
afterAll(async () => server?.close());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const send = (body: object) => sendTracking(server, source.writeKey, 'batch', { batch: [body].flat() });
async function sendAll(batch: object[]) {
  const res = await sendTracking(server, source.writeKey, 'batch', { batch });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await processTracking(server, ws);
}
async function contactByEmail(email: string) {
  const data = (await ws.api.get(`/api/v1/contacts?filter[email]=${encodeURIComponent(email)}`)).body.data;
  expect(data.length, `contacts with ${email}`).toBeLessThanOrEqual(1);
  return data[0];
}
const eventsOf = async (filter: string) =>
  (await ws.api.get(`/api/v1/events?limit=200&${filter}`)).body.data as Array<{
    contactId: string | null;
    type: string;
    messageId: string;
  }>;
const touchesOf = async (filter: string) =>
  (await ws.api.get(`/api/v1/touches?limit=200&${filter}`)).body.data as Array<{ contactId: string | null; kind: string; channel: string }>;

describe('identity resolution', () => {
  it('turns an anonymous visitor into a contact on identify, moving earlier page views and touches', async () => {
    const account = (await ws.api.post('/api/v1/accounts', { name: 'Babbage Ltd', domain: 'babbage.example' })).body;
    await sendAll([
      pageView('anon-c1', 'https://site.example/?utm_source=newsletter&utm_medium=email&utm_campaign=launch', minutesAgo(20)),
      pageView('anon-c1', 'https://site.example/pricing', minutesAgo(18)),
    ]);
    expect((await eventsOf('filter[anonymousId]=anon-c1')).map((e) => e.contactId)).toEqual([null, null]);
    expect((await touchesOf('filter[anonymousId]=anon-c1')).map((t) => t.contactId)).toEqual([null]);

    await sendAll([
      {
        type: 'identify',
        anonymousId: 'anon-c1',
        userId: 'user-c1',
        traits: { email: ' Charles@Babbage.example ', name: 'Charles Babbage', phone: '+44 20 7946 0000' },
        timestamp: minutesAgo(17).toISOString(),
      },
    ]);
    const contact = await contactByEmail('charles@babbage.example');
    expect(contact).toMatchObject({ firstName: 'Charles', lastName: 'Babbage', phone: '+44 20 7946 0000', accountId: account.id });
    const events = await eventsOf('filter[anonymousId]=anon-c1');
    expect(events.map((e) => e.contactId)).toEqual([contact.id, contact.id, contact.id]);
    expect((await touchesOf(`filter[contactId]=${contact.id}`)).map((t) => t.channel)).toEqual(['Email']);
    expect((await eventsOf(`filter[accountId]=${account.id}`)).length).toBe(3);

    // the same user id on another device joins the same contact
    await sendAll([pageView('anon-c1-phone', 'https://site.example/docs', minutesAgo(5), { userId: 'user-c1' })]);
    expect((await eventsOf('filter[anonymousId]=anon-c1-phone'))[0].contactId).toBe(contact.id);
  });

  it('matches an existing contact by email (case-insensitive) and fills traits without erasing', async () => {
    const existing = (await ws.api.post('/api/v1/contacts', { email: 'grace@navy.example', firstName: 'Grace', title: 'Rear Admiral' }))
      .body;
    await sendAll([
      { type: 'identify', anonymousId: 'anon-g', traits: { email: 'GRACE@navy.example', firstName: '', lastName: 'Hopper', title: '   ' } },
    ]);
    const after = (await ws.api.get(`/api/v1/contacts/${existing.id}`)).body;
    expect(after).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', title: 'Rear Admiral' });
    expect((await ws.api.get('/api/v1/contacts?q=grace')).body.data).toHaveLength(1);
    // a later identify with a new title updates it
    await sendAll([{ type: 'identify', anonymousId: 'anon-g', traits: { title: 'Commodore' } }]);
    expect((await ws.api.get(`/api/v1/contacts/${existing.id}`)).body.title).toBe('Commodore');
  });

  it('links an earlier id with alias and moves its history', async () => {
    await sendAll([{ type: 'identify', userId: 'user-alan', traits: { email: 'alan@bletchley.example' } }]);
    await sendAll([pageView('anon-alan-old', 'https://site.example/blog', minutesAgo(30))]);
    await sendAll([{ type: 'alias', userId: 'user-alan', previousId: 'anon-alan-old' }]);
    const alan = await contactByEmail('alan@bletchley.example');
    expect((await eventsOf('filter[anonymousId]=anon-alan-old')).every((e) => e.contactId === alan.id)).toBe(true);
  });

  it('links the contact to an account with group, creating it when missing, and remembers the group id', async () => {
    await sendAll([
      { type: 'identify', userId: 'user-kat', traits: { email: 'katherine@gmail.com', firstName: 'Katherine' } },
      {
        type: 'group',
        userId: 'user-kat',
        groupId: 'org-nasa',
        traits: { name: 'NASA Langley', domain: 'https://www.nasa-langley.example/about' },
      },
    ]);
    const kat = await contactByEmail('katherine@gmail.com');
    expect(kat.account).toMatchObject({ name: 'NASA Langley', domain: 'nasa-langley.example' });
    await sendAll([
      { type: 'identify', userId: 'user-dorothy', traits: { email: 'dorothy@gmail.com' } },
      { type: 'group', userId: 'user-dorothy', groupId: 'org-nasa' },
    ]);
    expect((await contactByEmail('dorothy@gmail.com')).accountId).toBe(kat.accountId);
    const accounts = (await ws.api.get('/api/v1/accounts?q=langley')).body.data;
    expect(accounts).toHaveLength(1);
  });

  it('re-points a shared browser to the next person; the past stays with the first', async () => {
    await sendAll([
      { type: 'identify', anonymousId: 'anon-shared', traits: { email: 'first@shared.example' } },
      pageView('anon-shared', 'https://site.example/one', minutesAgo(60)),
    ]);
    await sendAll([
      { type: 'identify', anonymousId: 'anon-shared', traits: { email: 'second@shared.example' } },
      pageView('anon-shared', 'https://site.example/two', minutesAgo(1)),
    ]);
    const first = await contactByEmail('first@shared.example');
    const second = await contactByEmail('second@shared.example');
    const pages = (await eventsOf('filter[anonymousId]=anon-shared&filter[type]=page&sort=occurredAt')) as Array<{ contactId: string }>;
    expect(pages.map((p) => p.contactId)).toEqual([first.id, second.id]);
  });

  it('resolves identify, alias and page views of one batch in order', async () => {
    await sendAll([
      pageView('anon-batch', 'https://site.example/a', minutesAgo(3)),
      { type: 'identify', anonymousId: 'anon-batch', userId: 'user-batch', traits: { email: 'batch@order.example' } },
      pageView('anon-batch', 'https://site.example/b', minutesAgo(2)),
      { type: 'track', userId: 'user-batch', event: 'Trial Started' },
    ]);
    const contact = await contactByEmail('batch@order.example');
    const events = await eventsOf(`filter[contactId]=${contact.id}`);
    expect(events).toHaveLength(4);
  });
});
