// HTTP details shared by the visitor-facing form routes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { parseQueryString } from '../platform/querystring.ts';

/** Any site may embed a form: no credentials travel, so a wildcard origin is safe. */
export function corsHeaders(reply: FastifyReply): void {
  reply.header('access-control-allow-origin', '*').header('access-control-expose-headers', 'retry-after');
}

/** Where links in emails point: PUBLIC_URL, or the host the visitor's request came to. */
export function baseUrlOf(ctx: AppContext, req: FastifyRequest): string {
  return ctx.config.publicUrlFromEnv ? ctx.config.publicUrl : `${req.protocol}://${req.host}`;
}

/** Form-encoded bodies as records (repeated keys become arrays), for the hosted page's POST. */
export function acceptFormEncoded(app: App): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, parseQueryString(body as string));
  });
}

export type RateLimitCheck = (formId: string, req: FastifyRequest, reply: FastifyReply) => void;
