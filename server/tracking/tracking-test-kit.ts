// Helpers for tests that send events the way websites and SDKs do (real HTTP to /v1) and then wait
// for the background processing, so they can read events, touches and timelines. Other domains'
// tests and the demo seeder may use them too.
import type { TestServer, TestWorkspace } from '../test/harness.ts';
import { processTrackingInbox } from './inbox.ts';

export interface TestSource {
  id: string;
  writeKey: string;
}

export async function createSource(ws: TestWorkspace, name = 'Website'): Promise<TestSource> {
  const res = await ws.api.post('/api/v1/sources', { name });
  if (res.status !== 201) throw new Error(`creating a source failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, writeKey: res.body.writeKey };
}

export interface SendResult {
  status: number;
  body: any; // any: the JSON of a success or a problem response
  headers: Headers;
}

/** POSTs to /v1/<path> with the write key as HTTP Basic username (as Segment's libraries do). */
export async function sendTracking(
  server: TestServer,
  writeKey: string | null,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<SendResult> {
  const res = await fetch(`${server.url}/v1/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(writeKey ? { authorization: `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}` } : {}),
      ...headers,
    },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text,
    headers: res.headers,
  };
}

/** Waits until every event acknowledged so far is processed (events, identities, visits, touches). */
export async function processTracking(server: TestServer, ws: TestWorkspace): Promise<number> {
  return processTrackingInbox(server.database.db, ws.workspaceId);
}

let seq = 0;
/** A page view as analytics.js sends it. */
export function pageView(
  anonymousId: string,
  url: string,
  at: Date,
  extra: { referrer?: string; userId?: string; messageId?: string } = {},
) {
  const u = new URL(url);
  return {
    type: 'page',
    anonymousId,
    ...(extra.userId ? { userId: extra.userId } : {}),
    messageId: extra.messageId ?? `msg-${process.pid}-${++seq}`,
    timestamp: at.toISOString(),
    properties: { url, path: u.pathname, referrer: extra.referrer ?? '', title: 'A page', search: u.search },
    context: { page: { url, path: u.pathname, referrer: extra.referrer ?? '' }, userAgent: 'test' },
  };
}
