// The inbox and its job: acknowledged events get processed by the background worker on its own,
// a bad event is set aside without blocking the others, and partitions follow the retention setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { createSource, pageView, processTracking, sendTracking, type TestSource } from './tracking-test-kit.ts';
import { PROCESS_INBOX_JOB, processTrackingInbox } from './inbox.ts';
import { maintainEventPartitions } from './event-partitions.ts';
import { recordServerEvents } from './record-events.ts';

let server: TestServer;
let ws: TestWorkspace;
let source: TestSource;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  source = await createSource(ws);
});
afterAll(async () => server?.close());

const db = () => server.database.db;

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A page view as the inbox holds it (a TrackedEvent), for rows written straight into the inbox. */
function inboxPageView(anonymousId: string, messageId: string, at: Date, sourceId: string | null, timestamp = at.toISOString()) {
  const view = pageView(anonymousId, 'https://site.example/ok', at);
  return {
    type: 'page',
    messageId,
    timestamp,
    receivedAt: at.toISOString(),
    sourceId,
    anonymousId,
    userId: null,
    event: null,
    traits: {},
    groupId: null,
    previousId: null,
    properties: view.properties,
    context: view.context,
  };
}

describe('inbox processing', () => {
  it('processes acknowledged events in the background, and re-arms for the next request', async () => {
    const countEvents = async () => (await ws.api.get('/api/v1/events?filter[anonymousId]=bg')).body.data.length as number;
    expect(
      (await sendTracking(server, source.writeKey, 'batch', { batch: [pageView('bg', 'https://site.example/1', new Date())] })).status,
    ).toBe(200);
    expect(await waitFor(countEvents, (n) => n === 1)).toBe(1);
    const jobs = async () =>
      (
        await sql<{
          status: string;
          dedupe_key: string | null;
        }>`SELECT status, dedupe_key FROM jobs WHERE name = ${PROCESS_INBOX_JOB} ORDER BY id`.execute(db())
      ).rows;
    // the finished job gave up its key, so the next request arms a new one
    expect(await waitFor(jobs, (rows) => rows.every((r) => r.status === 'done'))).toEqual([{ status: 'done', dedupe_key: null }]);
    expect(
      (await sendTracking(server, source.writeKey, 'batch', { batch: [pageView('bg', 'https://site.example/2', new Date())] })).status,
    ).toBe(200);
    expect(await waitFor(countEvents, (n) => n === 2)).toBe(2);
    expect((await jobs()).length).toBe(2);
  });

  it('sets an event that cannot be processed aside and stores the rest', async () => {
    const good = pageView('poison', 'https://site.example/ok', new Date());
    const bad = inboxPageView('poison', 'poison-1', new Date(), source.id, 'not a time');
    const fine = inboxPageView('poison', 'poison-2', new Date(), source.id);
    await sql`INSERT INTO tracking_inbox (workspace_id, source_id, event_count, payload) VALUES
      (${ws.workspaceId}, ${source.id}, 2, ${JSON.stringify([bad, fine])})`.execute(db());
    expect((await sendTracking(server, source.writeKey, 'batch', { batch: [{ ...good, messageId: 'poison-ok' }] })).status).toBe(200);
    await processTracking(server, ws);
    const stored = (await ws.api.get('/api/v1/events?filter[anonymousId]=poison')).body.data.map((e: { messageId: string }) => e.messageId);
    expect(stored.sort()).toEqual(['poison-2', 'poison-ok']);
    const failed = await sql<{ error: string; payload: string }>`
      SELECT error, payload FROM tracking_inbox WHERE workspace_id = ${ws.workspaceId} AND failed_at IS NOT NULL`.execute(db());
    expect(failed.rows).toHaveLength(1);
    expect((JSON.parse(failed.rows[0].payload) as Array<{ messageId: string }>).map((e) => e.messageId)).toEqual(['poison-1']);
    expect(failed.rows[0].error).toMatch(/time/i);
    // the source says so, for an operator to look at
    expect((await ws.api.get(`/api/v1/sources/${source.id}`)).body.processing).toMatchObject({ failedEvents: 1, waitingEvents: 0 });
  });

  it('sets a bad event aside once when two processors go through the same row together', async () => {
    const events = [inboxPageView('twice', 'twice-bad', new Date(), null, 'not a time'), inboxPageView('twice', 'twice-ok', new Date(), null)];
    await sql`INSERT INTO tracking_inbox (workspace_id, event_count, payload) VALUES (${ws.workspaceId}, 2, ${JSON.stringify(events)})`.execute(db());
    // what the job overlapping its successor (or a direct call beside the job) does
    await Promise.all([processTrackingInbox(db(), ws.workspaceId), processTrackingInbox(db(), ws.workspaceId)]);
    const failed = await sql<{ payload: string }>`
      SELECT payload FROM tracking_inbox WHERE workspace_id = ${ws.workspaceId} AND failed_at IS NOT NULL AND payload LIKE '%twice-bad%'`.execute(db());
    expect(failed.rows).toHaveLength(1);
    expect((await ws.api.get('/api/v1/events?filter[anonymousId]=twice')).body.data.map((e: { messageId: string }) => e.messageId)).toEqual(['twice-ok']);
  });

  it("shows on its source how many events wait for processing and since when, until they are processed", async () => {
    const app = await createSource(ws, 'App');
    const arrived = new Date(Date.now() - 5_000);
    const events = ['w-1', 'w-2', 'w-3'].map((messageId) => inboxPageView('waiting', messageId, arrived, app.id));
    // stored as a request stores them, without arming the job, so they stay waiting until processed here
    await sql`INSERT INTO tracking_inbox (workspace_id, source_id, received_at, event_count, payload) VALUES
      (${ws.workspaceId}, ${app.id}, ${arrived}, 3, ${JSON.stringify(events)})`.execute(db());
    const waiting = (await ws.api.get(`/api/v1/sources/${app.id}`)).body.processing;
    expect(waiting).toEqual({ waitingEvents: 3, oldestWaitingAt: arrived.toISOString(), failedEvents: 0 });
    const listed = (await ws.api.get('/api/v1/sources')).body.data.find((s: { id: string }) => s.id === app.id);
    expect(listed.processing.waitingEvents).toBe(3);

    await processTracking(server, ws);
    expect((await ws.api.get(`/api/v1/sources/${app.id}`)).body.processing).toEqual({ waitingEvents: 0, oldestWaitingAt: null, failedEvents: 0 });
    expect((await ws.api.get('/api/v1/events?filter[anonymousId]=waiting')).body.data).toHaveLength(3);
  });
});

describe('event partitions', () => {
  it('creates monthly partitions on demand and drops those past the retention period', async () => {
    await db()
      .transaction()
      .execute((trx) =>
        recordServerEvents(trx, ws.workspaceId, [
          { type: 'track', event: 'Old', anonymousId: 'ret', timestamp: new Date('2025-02-10T12:00:00Z'), messageId: 'ret-old' },
          { type: 'track', event: 'Kept', anonymousId: 'ret', timestamp: new Date('2025-10-10T12:00:00Z'), messageId: 'ret-kept' },
        ]),
      );
    const partitions = async () =>
      (
        await sql<{
          name: string;
        }>`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass`.execute(
          db(),
        )
      ).rows.map((r) => r.name);
    expect(await partitions()).toEqual(expect.arrayContaining(['events_p2025_02', 'events_p2025_10']));

    // a 9-month retention on 2025-11-15 keeps March 2025 onwards
    const dropped = await maintainEventPartitions(db(), 9, new Date('2025-11-15T00:00:00Z'));
    expect(dropped).toEqual(['events_p2025_02']);
    expect(await partitions()).toEqual(expect.arrayContaining(['events_p2025_10', 'events_p2025_11', 'events_p2025_12']));
    const left = (await ws.api.get('/api/v1/events?filter[anonymousId]=ret')).body.data.map((e: { event: string }) => e.event);
    expect(left).toEqual(['Kept']);
  });
});
