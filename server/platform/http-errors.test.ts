// Bad input of every kind gets a 4xx problem+json naming the problem, never a 500 or a partial write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
});
afterAll(async () => server?.close());

async function raw(method: string, path: string, body: string | undefined, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { method, body, headers: { authorization: `Bearer ${ws.apiKey}`, ...headers } });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: text.startsWith('{') ? JSON.parse(text) : text };
}

async function contactCount() {
  const r = await ws.api.get('/api/v1/contacts?includeTotal=true&limit=1');
  return r.body.totalCount as number;
}

describe('problem+json errors', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    const r = await raw('POST', '/api/v1/contacts', '{"email": "x@y.z",', { 'content-type': 'application/json' });
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status: 400, code: 'invalid_json' });
  });

  it('unknown fields, wrong types, over-long strings and bad emails are each named', async () => {
    const before = await contactCount();
    const r = await ws.api.post('/api/v1/contacts', { email: 'not-an-email', firstName: 'x'.repeat(101), tags: 'vip', favouriteColour: 'blue' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation_failed');
    const paths = r.body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['email', 'favouriteColour', 'firstName', 'tags']);
    expect(r.body.errors.find((e: { path: string }) => e.path === 'favouriteColour').message).toBe('is not a known field');
    expect(r.body.detail).toContain('Invalid body');
    expect(await contactCount()).toBe(before);
  });

  it('bad ids in the path → 400 naming the parameter; unknown ids → 404', async () => {
    const bad = await ws.api.get('/api/v1/contacts/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'id' });
    const unknown = await ws.api.get('/api/v1/contacts/3f1c2b9e-8a7d-4c6b-9e5f-1a2b3c4d5e6f');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
  });

  it('oversized bodies → 413, and a batch over the record limit → 400', async () => {
    const big = JSON.stringify({ email: 'big@example.com', title: 'x'.repeat(1_100_000) });
    const r = await raw('POST', '/api/v1/contacts', big, { 'content-type': 'application/json' });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('payload_too_large');
    const records = Array.from({ length: 1001 }, (_, i) => ({ email: `r${i}@example.com` }));
    const batch = await ws.api.post('/api/v1/contacts/batch/upsert', { records });
    expect(batch.status).toBe(400);
    expect(batch.body.errors[0]).toMatchObject({ path: 'records' });
  });

  it('unsupported content types → 415; unknown routes → 404 problem', async () => {
    const r = await raw('POST', '/api/v1/contacts', 'email=x@y.z', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(415);
    expect(r.type).toContain('application/problem+json');
    const missing = await ws.api.get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });

  it('bad list parameters → 400 naming them', async () => {
    const r = await ws.api.get('/api/v1/contacts?limit=0&sort=favouriteColour');
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('limit');
    const sort = await ws.api.get('/api/v1/contacts?sort=favouriteColour');
    expect(sort.status).toBe(400);
    expect(sort.body.errors[0].path).toBe('sort');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response for a retried POST and never writes twice', async () => {
    const before = await contactCount();
    const headers = { 'idempotency-key': 'create-jane-1' };
    const first = await ws.api.post('/api/v1/contacts', { email: 'idem@example.com' }, headers);
    const retry = await ws.api.post('/api/v1/contacts', { email: 'idem@example.com' }, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await contactCount()).toBe(before + 1);
    const reused = await ws.api.post('/api/v1/contacts', { email: 'other@example.com' }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
  });

  it('runs concurrent retries once', async () => {
    const before = await contactCount();
    const headers = { 'idempotency-key': 'race-1' };
    const results = await Promise.all(Array.from({ length: 5 }, () => ws.api.post('/api/v1/contacts', { email: 'race@example.com' }, headers)));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(await contactCount()).toBe(before + 1);
  });

  it('does not store a failed request: fixing the body and retrying with the key works', async () => {
    const headers = { 'idempotency-key': 'fix-then-retry' };
    expect((await ws.api.post('/api/v1/contacts', { email: 'bad' }, headers)).status).toBe(400);
    const fixed = await ws.api.post('/api/v1/contacts', { email: 'bad-then-good@example.com' }, headers);
    expect(fixed.status).toBe(201);
  });
});

describe('health and docs', () => {
  it('serves /healthz, /readyz, the OpenAPI document and the docs page', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toMatchObject({ status: 'ok' });
    const spec = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/v1/contacts/batch/upsert');
    const docs = await fetch(`${server.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});
