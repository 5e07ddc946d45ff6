// The Segment-compatible ingestion API over real HTTP: auth by write key, limits, invalid events in a
// batch, dedupe of retried batches, browser requests (CORS, sendBeacon's text/plain).
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

async function eventsWhere(filter: string) {
  await processTracking(server, ws);
  return (await ws.api.get(`/api/v1/events?limit=500&${filter}`)).body.data as Array<Record<string, any>>;
}

describe('ingestion API', () => {
  it('stores a track call sent with the write key as Basic username', async () => {
    const res = await sendTracking(server, source.writeKey, 'track', {
      userId: 'u-1',
      event: 'Signed Up',
      properties: { plan: 'pro' },
      messageId: 'track-1',
      timestamp: '2026-11-20T10:00:00.000Z',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true });
    const [event] = await eventsWhere('filter[messageId]=track-1');
    expect(event).toMatchObject({
      type: 'track',
      event: 'Signed Up',
      userId: 'u-1',
      properties: { plan: 'pro' },
      sourceId: source.id,
      occurredAt: '2026-11-20T10:00:00.000Z',
    });
  });

  it('accepts the write key in the body, and every call type', async () => {
    const base = { writeKey: source.writeKey, anonymousId: 'anon-types' };
    const calls: Array<[string, object]> = [
      ['identify', { traits: { plan: 'x' } }],
      ['page', { name: 'Home', properties: { url: 'https://site.example/' } }],
      ['screen', { name: 'Settings' }],
      ['group', { groupId: 'types.example', traits: { name: 'Types Inc' } }],
      ['alias', { userId: 'types-user', previousId: 'anon-types' }],
    ];
    for (const [type, body] of calls) {
      const res = await sendTracking(server, null, type, { ...base, ...body, messageId: `types-${type}` });
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    const events = await eventsWhere('filter[anonymousId]=anon-types');
    expect(events.map((e) => e.type).sort()).toEqual(['alias', 'group', 'identify', 'page', 'screen']);
  });

  it('refuses missing and wrong write keys with 401 problem+json', async () => {
    const none = await sendTracking(server, null, 'track', { userId: 'u', event: 'X' });
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    expect(none.body.detail).toMatch(/write key/);
    const wrong = await sendTracking(server, 'not-a-real-key', 'track', { userId: 'u', event: 'X' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('unauthenticated');
  });

  it('names the field at fault in a single call', async () => {
    const noEvent = await sendTracking(server, source.writeKey, 'track', { userId: 'u' });
    expect(noEvent.status).toBe(400);
    expect(noEvent.body.errors).toEqual([{ path: 'event', message: 'is required for track' }]);
    const noId = await sendTracking(server, source.writeKey, 'page', { name: 'Home' });
    expect(noId.body.errors).toEqual([{ path: 'userId', message: 'userId or anonymousId is required' }]);
    const badTime = await sendTracking(server, source.writeKey, 'track', { userId: 'u', event: 'X', timestamp: 'yesterday' });
    expect(badTime.body.errors[0]).toMatchObject({ path: 'timestamp' });
    const badProps = await sendTracking(server, source.writeKey, 'track', { userId: 'u', event: 'X', properties: 'nope' });
    expect(badProps.body.errors[0]).toMatchObject({ path: 'properties', message: 'must be an object' });
    const notJson = await sendTracking(server, source.writeKey, 'track', '{"userId": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.code).toBe('invalid_json');
  });

  it('keeps the valid messages of a batch and reports the others', async () => {
    const res = await sendTracking(server, source.writeKey, 'batch', {
      batch: [
        { type: 'track', userId: 'b-1', event: 'Kept', messageId: 'batch-ok-1' },
        { type: 'track', userId: 'b-1', messageId: 'batch-bad-1' },
        { type: 'launch', userId: 'b-1', messageId: 'batch-bad-2' },
        { type: 'identify', anonymousId: 'b-anon', traits: { name: 'Bea' }, messageId: 'batch-ok-2' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      rejected: [
        { index: 1, messageId: 'batch-bad-1', errors: [{ path: 'batch.1.event', message: 'is required for track' }] },
        {
          index: 2,
          messageId: 'batch-bad-2',
          errors: [{ path: 'batch.2.type', message: 'must be one of track, identify, page, screen, group, alias' }],
        },
      ],
    });
    const stored = await eventsWhere('filter[messageId][in]=batch-ok-1,batch-ok-2,batch-bad-1,batch-bad-2');
    expect(stored.map((e) => e.messageId).sort()).toEqual(['batch-ok-1', 'batch-ok-2']);
  });

  it('answers 400 when no message of a batch is valid, and stores nothing', async () => {
    const res = await sendTracking(server, source.writeKey, 'batch', { batch: [{ type: 'track', userId: 'x', messageId: 'all-bad' }] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'batch.0.event', message: 'is required for track' }]);
    const empty = await sendTracking(server, source.writeKey, 'batch', { batch: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe('batch');
  });

  it('enforces 32 KB per event and 500 KB per batch with 400, and 413 past the body limit', async () => {
    const big = 'x'.repeat(33 * 1024);
    const single = await sendTracking(server, source.writeKey, 'track', { userId: 'u', event: 'Big', properties: { big } });
    expect(single.status).toBe(400);
    expect(single.body.detail).toMatch(/at most 32 KB/);

    const inBatch = await sendTracking(server, source.writeKey, 'batch', {
      batch: [
        { type: 'track', userId: 'u', event: 'Big', properties: { big }, messageId: 'big-1' },
        { type: 'track', userId: 'u', event: 'Small', messageId: 'small-1' },
      ],
    });
    expect(inBatch.status).toBe(200);
    expect(inBatch.body.rejected).toEqual([
      { index: 0, messageId: 'big-1', errors: [{ path: 'batch.0', message: expect.stringMatching(/at most 32 KB/) }] },
    ]);

    const chunk = 'y'.repeat(30 * 1024);
    const many = Array.from({ length: 20 }, (_, i) => ({
      type: 'track',
      userId: 'u',
      event: 'Chunk',
      properties: { chunk },
      messageId: `chunk-${i}`,
    }));
    const tooBig = await sendTracking(server, source.writeKey, 'batch', { batch: many });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.detail).toMatch(/at most 500 KB/);

    const huge = await sendTracking(server, source.writeKey, 'batch', {
      batch: [{ type: 'track', userId: 'u', event: 'X', properties: { s: 'z'.repeat(1100 * 1024) } }],
    });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
    expect(await eventsWhere('filter[event]=Chunk')).toHaveLength(0);
  });

  it('stores a retried batch once (idempotent by messageId)', async () => {
    const at = new Date('2026-11-21T09:00:00Z');
    const batch = {
      batch: [
        pageView('anon-retry', 'https://site.example/a', at, { messageId: 'retry-1' }),
        pageView('anon-retry', 'https://site.example/b', at, { messageId: 'retry-2' }),
      ],
    };
    expect((await sendTracking(server, source.writeKey, 'batch', batch)).status).toBe(200);
    await processTracking(server, ws);
    expect((await sendTracking(server, source.writeKey, 'batch', batch)).status).toBe(200);
    // and a retry racing the first attempt, before processing
    expect((await sendTracking(server, source.writeKey, 'batch', batch)).status).toBe(200);
    const events = await eventsWhere('filter[anonymousId]=anon-retry');
    expect(events.map((e) => e.messageId).sort()).toEqual(['retry-1', 'retry-2']);
  });

  it('takes sendBeacon text/plain bodies and answers browsers on any origin', async () => {
    const preflight = await fetch(`${server.url}/v1/batch`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://customer.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Content-Type/i);

    const beacon = await sendTracking(
      server,
      null,
      'batch',
      JSON.stringify({
        writeKey: source.writeKey,
        batch: [pageView('anon-beacon', 'https://customer.example/', new Date(), { messageId: 'beacon-1' })],
      }),
      { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://customer.example' },
    );
    expect(beacon.status).toBe(200);
    expect(beacon.headers.get('access-control-allow-origin')).toBe('*');
    expect(await eventsWhere('filter[messageId]=beacon-1')).toHaveLength(1);

    const refused = await sendTracking(server, 'wrong', 'batch', { batch: [] }, { origin: 'https://customer.example' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('stops accepting a rotated or deleted key at once, keeping the events', async () => {
    const other = await createSource(ws, 'App');
    const rotated = (await ws.api.post(`/api/v1/sources/${other.id}/rotate-key`)).body;
    expect(rotated.writeKey).not.toBe(other.writeKey);
    expect((await sendTracking(server, other.writeKey, 'track', { userId: 'u', event: 'X' })).status).toBe(401);
    expect((await sendTracking(server, rotated.writeKey, 'track', { userId: 'u', event: 'Rotated', messageId: 'rot-1' })).status).toBe(200);
    await processTracking(server, ws);
    const listed = (await ws.api.get(`/api/v1/sources/${other.id}`)).body;
    expect(listed).toMatchObject({
      eventCount: 1,
      installTag: `<script src="${server.url}/snippet.js" data-write-key="${rotated.writeKey}" async></script>`,
    });
    expect(listed.lastEventAt).not.toBeNull();
    expect((await ws.api.delete(`/api/v1/sources/${other.id}`)).status).toBe(200);
    expect((await sendTracking(server, rotated.writeKey, 'track', { userId: 'u', event: 'X' })).status).toBe(401);
    expect(await eventsWhere('filter[messageId]=rot-1')).toHaveLength(1);
    expect((await ws.api.get('/api/v1/sources')).body.data.map((s: { id: string }) => s.id)).toEqual([source.id]);
  });

  it('lets only marketing and admin roles manage sources', async () => {
    const sales = await ws.as('sales');
    expect((await sales.post('/api/v1/sources', { name: 'Nope' })).status).toBe(403);
    expect((await sales.get('/api/v1/sources')).status).toBe(200);
    const marketing = await ws.as('marketing');
    expect((await marketing.post('/api/v1/sources', { name: '' })).body.errors).toEqual([{ path: 'name', message: 'must not be empty' }]);
  });
});
