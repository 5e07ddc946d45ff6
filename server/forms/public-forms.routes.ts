// What visitors reach, without signing in: the hosted page /f/{id} (HTML, form-encoded POST), the
// double opt-in link, the embed script, and the JSON endpoints the embed calls from any origin (CORS).
// Submissions are rate limited per form and IP address.
import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams } from '../platform/openapi.ts';
import { UUID } from '../platform/list-query.ts';
import { publicFormSchema, submissionInputSchema, submissionResultSchema } from './forms.schemas.ts';
import { loadPublicForm } from './public-form.ts';
import { countFormView } from './form-analytics.ts';
import { submitForm } from './submit-form.ts';
import { RateLimiter } from './rate-limit.ts';
import { hostedPageRoutes } from './hosted-page.routes.ts';
import { baseUrlOf, corsHeaders } from './public-http.ts';

const tags = ['Forms'];
const EMBED_JS = new URL('./embed/embed.js', import.meta.url);

export function publicFormRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;
  const limiter = new RateLimiter(() => ctx.config.formRateLimit);

  /** Counts the request against the form's per-IP limit; throws 429 (with Retry-After) when over. */
  const rateLimit = (formId: string, req: FastifyRequest, reply: FastifyReply) => {
    const hit = limiter.hit(`${formId.toLowerCase()}|${req.ip}`);
    if (!hit.allowed) {
      reply.header('retry-after', String(hit.retryAfter));
      throw new AppError('rate_limited', `Too many submissions from your network. Try again in ${hit.retryAfter} seconds.`);
    }
  };

  hostedPageRoutes(app, ctx, rateLimit);

  let embedSource: string | undefined;
  app.get('/forms/embed.js', { schema: { hide: true } }, async (_req, reply) => {
    embedSource ??= fs.readFileSync(EMBED_JS, 'utf8');
    corsHeaders(reply);
    return reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(embedSource);
  });

  const preflight = async (_req: FastifyRequest, reply: FastifyReply) => {
    corsHeaders(reply);
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '86400')
      .send();
  };
  app.options('/api/v1/forms/:id/public', { schema: { hide: true }, config: { public: true } }, preflight);
  app.options('/api/v1/forms/:id/submissions', { schema: { hide: true }, config: { public: true } }, preflight);

  app.get('/api/v1/forms/:id/public', {
    schema: {
      tags,
      summary: 'A form as visitors see it (public, CORS)',
      description: 'What the embed script renders: fields with their options, consent wording, submit label. Counts a view.',
      params: idParams,
      response: { 200: publicFormSchema, ...errors(404) },
    },
    config: { public: true },
    onRequest: async (_req, reply) => corsHeaders(reply),
    handler: async (req, reply) => {
      const loaded = await loadPublicForm(db, req.params.id);
      if (!loaded || loaded.row.status !== 'active') throw AppError.notFound('Form', req.params.id);
      await countFormView(db, loaded.row.workspace_id, loaded.row.id);
      reply.header('cache-control', 'no-store');
      return loaded.form;
    },
  });

  app.post('/api/v1/forms/:id/submissions', {
    schema: {
      tags,
      summary: 'Submit a form (public, CORS)',
      description:
        'For the embed and custom-built forms. The contact is created or updated by email. Invalid values return 400 with ' +
        '`errors[].path` = `fields.<property>` or `consent`. At most `FORM_RATE_LIMIT` (default 10) submissions per minute ' +
        'per form and IP address (429 with Retry-After).',
      params: idParams,
      body: submissionInputSchema,
      response: { 201: submissionResultSchema, ...errors(404, 409, 429) },
    },
    bodyLimit: 64 * 1024,
    config: { public: true },
    onRequest: async (req, reply) => {
      corsHeaders(reply);
      const id = (req.params as { id?: string }).id ?? '';
      if (UUID.test(id)) rateLimit(id, req, reply);
    },
    handler: async (req, reply) => {
      const loaded = await loadPublicForm(db, req.params.id);
      if (!loaded) throw AppError.notFound('Form', req.params.id);
      const result = await submitForm(ctx, loaded.row, req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        baseUrl: baseUrlOf(ctx, req),
      });
      ctx.worker.poke();
      return reply.code(201).send(result);
    },
  });
}
