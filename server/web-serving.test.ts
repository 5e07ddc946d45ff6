// The server serves the built web app: pages fall back to index.html (client-side routes survive a
// reload), hashed assets are cached for good, and API paths never get HTML.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadConfig } from './platform/config.ts';
import { openTestDatabase } from './test/harness.ts';
import type { App } from './platform/http.ts';

let app: App;
let close: () => Promise<void>;
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-web-'));

beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Tandem</title>');
  fs.writeFileSync(path.join(dist, 'assets', 'app-3f9a1c.js'), 'console.log(1)');
  const { database, drop } = await openTestDatabase();
  ({ app } = await buildApp({ config: loadConfig({}), database, logger: false, webDist: dist }));
  close = async () => {
    await app.close();
    await database.close();
    await drop();
  };
});
afterAll(async () => {
  await close?.();
  fs.rmSync(dist, { recursive: true, force: true });
});

const page = (url: string) => app.inject({ url, headers: { accept: 'text/html' } });

describe('serving the web app', () => {
  it('serves index.html at / and for client-side routes, revalidated on every visit', async () => {
    for (const url of ['/', '/contacts/123', '/settings/api-keys?tab=x']) {
      const r = await page(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain('<title>Tandem</title>');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });

  it('caches hashed assets forever, and serves assets built after the server started', async () => {
    const r = await app.inject({ url: '/assets/app-3f9a1c.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    fs.writeFileSync(path.join(dist, 'assets', 'app-new.js'), 'console.log(2)');
    expect((await app.inject({ url: '/assets/app-new.js' })).statusCode).toBe(200);
    const missing = await app.inject({ url: '/assets/gone.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('answers unknown API paths with a 404 problem, even from a browser', async () => {
    const r = await page('/api/v1/nope');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ code: 'not_found' });
  });
});
