// The HTTP server itself: one log line per request, and client addresses behind a proxy.
import { expect, it } from 'vitest';
import pino from 'pino';
import { createHttpServer } from './http.ts';

it('logs each request once, when it completes, with its status and response time', async () => {
  const lines: Array<Record<string, any>> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const app = createHttpServer({ logger, validateResponses: false, publicUrl: 'http://localhost' });
  app.get('/hello', async () => ({ ok: true }));
  await app.ready();
  await app.inject({ url: '/hello?x=1' });
  await app.inject({ url: '/missing' });
  await app.close();
  const requests = lines.filter((l) => l.url);
  expect(requests.map((l) => [l.msg, l.method, l.url, l.statusCode])).toEqual([
    ['request completed', 'GET', '/hello?x=1', 200],
    ['request completed', 'GET', '/missing', 404],
  ]);
  expect(typeof requests[0]!.responseTime).toBe('number');
});

it('takes the client address from X-Forwarded-For only when told to trust the proxy', async () => {
  const seen = async (trustProxy: boolean) => {
    const app = createHttpServer({ logger: false, validateResponses: false, publicUrl: 'http://localhost', trustProxy });
    app.get('/ip', async (req) => ({ ip: req.ip }));
    const res = await app.inject({ url: '/ip', headers: { 'x-forwarded-for': '203.0.113.7' }, remoteAddress: '10.0.0.2' });
    await app.close();
    return res.json().ip;
  };
  expect(await seen(false)).toBe('10.0.0.2');
  expect(await seen(true)).toBe('203.0.113.7');
});
