// GET /snippet.js: the tracking script any website loads with one <script> tag, so it is public,
// cross-origin readable and cached for five minutes (a new Tandem version reaches sites quickly).
import type { App } from '../platform/http.ts';
import { getSnippet } from './build-snippet.ts';

/** If-None-Match compares weakly: W/"x" and "x" name the same script. */
function isCurrent(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

export function snippetRoutes(app: App): void {
  app.get('/snippet.js', { schema: { hide: true } }, async (req, reply) => {
    const snippet = await getSnippet();
    reply
      .header('content-type', 'application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('etag', snippet.etag)
      .header('access-control-allow-origin', '*')
      // pages that isolate themselves (COEP require-corp) may still load it
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('vary', 'accept-encoding');
    if (isCurrent(req.headers['if-none-match'], snippet.etag)) return reply.code(304).send();
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      return reply.header('content-encoding', 'gzip').send(snippet.gzipped);
    }
    return reply.send(snippet.code);
  });
}
