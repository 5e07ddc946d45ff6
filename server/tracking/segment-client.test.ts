// Segment's own Node.js library (@segment/analytics-node), pointed at Tandem, delivers every call:
// the API is compatible with the clients people already use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analytics } from '@segment/analytics-node';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { createSource, processTracking, type TestSource } from './tracking-test-kit.ts';

let server: TestServer;
let ws: TestWorkspace;
let source: TestSource;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  source = await createSource(ws, 'Backend');
});
afterAll(async () => server?.close());

describe('@segment/analytics-node against Tandem', () => {
  it('delivers every call, and Tandem stores each message once', async () => {
    const analytics = new Analytics({
      writeKey: source.writeKey,
      host: server.url,
      path: '/v1/batch',
      maxEventsInBatch: 7,
      flushInterval: 50,
    });
    const sent: string[] = [];
    const failures: unknown[] = [];
    const done = (err?: unknown, ctx?: { event: { messageId?: string } }) => {
      if (err) failures.push(err);
      else sent.push(ctx!.event.messageId!);
    };
    const anonymousId = 'seg-anon-1';
    for (let i = 0; i < 20; i++) {
      analytics.page({ anonymousId, name: `Docs ${i}`, properties: { url: `https://app.example/docs/${i}`, title: `Docs ${i}` } }, done);
    }
    analytics.identify(
      {
        userId: 'seg-user-1',
        anonymousId,
        traits: { email: 'Ada@Analytical.example', firstName: 'Ada', lastName: 'Lovelace', title: 'CTO' },
      },
      done,
    );
    analytics.group(
      { userId: 'seg-user-1', groupId: 'org_42', traits: { name: 'Analytical Engines', domain: 'analytical.example' } },
      done,
    );
    analytics.track({ userId: 'seg-user-1', event: 'Report Exported', properties: { format: 'csv', rows: 1200 } }, done);
    analytics.screen({ userId: 'seg-user-1', name: 'Dashboard' }, done);
    analytics.alias({ userId: 'seg-user-1', previousId: 'legacy-7' }, done);
    await analytics.closeAndFlush({ timeout: 20_000 });

    expect(failures).toEqual([]);
    expect(sent).toHaveLength(25);
    await processTracking(server, ws);

    const stored = (await ws.api.get(`/api/v1/events?limit=100&filter[sourceId]=${source.id}`)).body.data as Array<{
      messageId: string;
      contactId: string | null;
      type: string;
    }>;
    expect(stored.map((e) => e.messageId).sort()).toEqual([...sent].sort());

    // identity: one contact (email lower-cased), every event attached, account linked by the group call
    const contacts = (await ws.api.get('/api/v1/contacts?filter[email]=ada@analytical.example')).body.data;
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      title: 'CTO',
      account: { name: 'Analytical Engines', domain: 'analytical.example' },
    });
    expect(new Set(stored.map((e) => e.contactId))).toEqual(new Set([contacts[0].id]));

    const source2 = (await ws.api.get(`/api/v1/sources/${source.id}`)).body;
    expect(source2.eventCount).toBe(25);
  });
});
