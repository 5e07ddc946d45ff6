// GET /snippet.js as a website's visitors' browsers fetch it: small, cacheable, loadable cross-origin.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ runWorker: false });
});
afterAll(async () => {
  await server?.close();
});

describe('GET /snippet.js', () => {
  it('serves the script publicly, cacheable for five minutes and readable from any origin', async () => {
    const res = await fetch(`${server.url}/snippet.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('etag')).toMatch(/^W\/"[\w-]+"$/);
    const body = await res.text();
    expect(body).toMatch(/^\/\* tandem\.js \d+\.\d+\.\d+ \*\//);
    expect(body).toContain('/v1/batch');
  });

  it('is at most 6 KB gzipped', async () => {
    const body = Buffer.from(await (await fetch(`${server.url}/snippet.js`)).arrayBuffer());
    const gzipped = zlib.gzipSync(body).length;
    console.log(`snippet.js: ${body.length} bytes, ${gzipped} bytes gzipped`);
    expect(gzipped).toBeLessThanOrEqual(6 * 1024);
  });

  it('answers a revalidation with 304 and no body while the script is unchanged', async () => {
    const etag = (await fetch(`${server.url}/snippet.js`)).headers.get('etag')!;
    const res = await fetch(`${server.url}/snippet.js`, { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
    const stale = await fetch(`${server.url}/snippet.js`, { headers: { 'if-none-match': 'W/"an-older-build"' } });
    expect(stale.status).toBe(200);
  });

  it('sends the gzipped script to clients that accept gzip', async () => {
    const res = await server.app.inject({ url: '/snippet.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('accept-encoding');
    const plain = await server.app.inject({ url: '/snippet.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zlib.gunzipSync(res.rawPayload).toString()).toBe(plain.body);
  });
});
