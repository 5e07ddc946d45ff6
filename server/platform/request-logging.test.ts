// One log line per request, carrying what an operator greps for: method, URL, status and time.
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
