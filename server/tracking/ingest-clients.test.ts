// What real SDKs send besides plain JSON: gzip-compressed batches and `sentAt` for clock-skew
// correction (Segment's and RudderStack's server libraries do both).
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { createSource, processTracking, sendTracking, type TestSource } from './tracking-test-kit.ts';

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

describe('compressed bodies', () => {
  it('stores a gzip-compressed batch', async () => {
    const body = zlib.gzipSync(
      JSON.stringify({ batch: [{ type: 'track', userId: 'gz-1', event: 'Zipped', messageId: 'gzip-1' }] }),
    );
    const res = await sendTracking(server, source.writeKey, 'batch', body, { 'content-encoding': 'gzip' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await eventsWhere('filter[messageId]=gzip-1')).toHaveLength(1);
  });

  it('stores a deflate-compressed single call', async () => {
    const body = zlib.deflateSync(JSON.stringify({ userId: 'df-1', event: 'Deflated', messageId: 'deflate-1' }));
    const res = await sendTracking(server, source.writeKey, 'track', body, { 'content-encoding': 'deflate' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await eventsWhere('filter[messageId]=deflate-1')).toHaveLength(1);
  });

  it('refuses corrupt gzip with 400, an unknown encoding with 415, and a zip bomb with 413', async () => {
    const corrupt = await sendTracking(server, source.writeKey, 'batch', Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect(corrupt.status).toBe(400);
    expect(corrupt.body.detail).toMatch(/gzip/);

    const brotli = await sendTracking(server, source.writeKey, 'batch', zlib.brotliCompressSync('{}'), { 'content-encoding': 'br' });
    expect(brotli.status).toBe(415);
    expect(brotli.body.detail).toMatch(/Content-Encoding "br"/);

    // 2 MB of spaces inside valid JSON compresses to a few KB; inflated it passes the 1 MB body limit
    const bomb = zlib.gzipSync(`{"batch":[{"type":"track","userId":"b","event":"Bomb","messageId":"bomb-1"}]${' '.repeat(2 * 1024 * 1024)}}`);
    expect(bomb.length).toBeLessThan(10 * 1024);
    const refused = await sendTracking(server, source.writeKey, 'batch', bomb, { 'content-encoding': 'gzip' });
    expect(refused.status).toBe(413);
    expect(await eventsWhere('filter[messageId]=bomb-1')).toHaveLength(0);
  });
});

describe('clock skew', () => {
  it("corrects a client's clock with sentAt as Segment does: receivedAt − (sentAt − timestamp)", async () => {
    // the client's clock runs 2 hours fast: it says it sent now+2h, and the event happened 5 minutes before that
    const skewed = Date.now() + 2 * 3600_000;
    const before = Date.now();
    const res = await sendTracking(server, source.writeKey, 'batch', {
      sentAt: new Date(skewed).toISOString(),
      batch: [
        { type: 'track', userId: 'skew', event: 'Skewed', messageId: 'skew-batch', timestamp: new Date(skewed - 5 * 60_000).toISOString() },
        // a message's own sentAt wins over the batch's: this client's clock is right
        {
          type: 'track',
          userId: 'skew',
          event: 'Own sentAt',
          messageId: 'skew-own',
          timestamp: new Date(before - 60_000).toISOString(),
          sentAt: new Date(before).toISOString(),
        },
      ],
    });
    const after = Date.now();
    expect(res.status).toBe(200);
    const [batchEvent] = await eventsWhere('filter[messageId]=skew-batch');
    const at = Date.parse(batchEvent.occurredAt);
    expect(at).toBeGreaterThanOrEqual(before - 5 * 60_000 - 1000);
    expect(at).toBeLessThanOrEqual(after - 5 * 60_000 + 1000);
    const [own] = await eventsWhere('filter[messageId]=skew-own');
    expect(Math.abs(Date.parse(own.occurredAt) - (before - 60_000))).toBeLessThan(after - before + 1000);
  });

  it('keeps a historical timestamp without sentAt as sent, and reports a malformed sentAt', async () => {
    const res = await sendTracking(server, source.writeKey, 'track', {
      userId: 'hist',
      event: 'Imported',
      messageId: 'hist-1',
      timestamp: '2026-06-01T12:00:00.000Z',
    });
    expect(res.status).toBe(200);
    expect((await eventsWhere('filter[messageId]=hist-1'))[0].occurredAt).toBe('2026-06-01T12:00:00.000Z');

    const bad = await sendTracking(server, source.writeKey, 'track', { userId: 'hist', event: 'X', sentAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'sentAt', message: 'must be an ISO 8601 date' }]);
  });
});
