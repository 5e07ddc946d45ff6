// The hosted form page and the double opt-in link: HTML in, HTML out, no JavaScript needed. A failed
// POST re-renders the form with the visitor's values and each error next to its field.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { validationError } from '../platform/http.ts';
import { submissionInputSchema } from './forms.schemas.ts';
import { loadPublicForm } from './public-form.ts';
import { countFormView } from './form-analytics.ts';
import { submitForm } from './submit-form.ts';
import { confirmSubmission } from './confirm-submission.ts';
import { renderFormPage, renderMessagePage, type PostedValues } from './hosted-page.ts';
import { acceptFormEncoded, baseUrlOf, type RateLimitCheck } from './public-http.ts';

// the page runs no script at all: even a missed escape could not execute
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'";

function send(reply: FastifyReply, status: number, body: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', CSP)
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .send(body);
}

const notFound = (reply: FastifyReply) => send(reply, 404, renderMessagePage('Form not found', 'This form does not exist or has been removed.'));
const closed = (reply: FastifyReply, status: number) =>
  send(reply, status, renderMessagePage('This form is closed', 'It is not accepting responses right now. Please check back later.'));

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function hostedPageRoutes(app: App, ctx: AppContext, rateLimit: RateLimitCheck): void {
  const { db } = ctx;

  void app.register(async (plugin) => {
    // a child scope: form-encoded bodies are accepted here only, not by the JSON API
    const scope = plugin as unknown as App;
    acceptFormEncoded(scope);
    const params = z.object({ formId: z.string().max(100) });

    scope.get('/f/:formId', { schema: { hide: true, params } }, async (req, reply) => {
      const loaded = await loadPublicForm(db, req.params.formId);
      if (!loaded) return notFound(reply);
      if (loaded.row.status !== 'active') return closed(reply, 200);
      await countFormView(db, loaded.row.workspace_id, loaded.row.id);
      const query = req.query as Record<string, string | string[] | undefined>;
      return send(
        reply,
        200,
        renderFormPage(loaded.form, {
          hidden: {
            page_url: `${baseUrlOf(ctx, req)}${req.url}`,
            referrer: req.headers.referer,
            anonymous_id: first(query.tandem_aid),
          },
        }),
      );
    });

    scope.post('/f/:formId', { schema: { hide: true, params }, bodyLimit: 64 * 1024 }, async (req, reply) => {
      const loaded = await loadPublicForm(db, req.params.formId);
      if (!loaded) return notFound(reply);
      const posted = (req.body && typeof req.body === 'object' ? req.body : {}) as PostedValues;
      const hidden = { page_url: first(posted.page_url), referrer: first(posted.referrer), anonymous_id: first(posted.anonymous_id) };
      const again = (status: number, errors: FieldError[], notice?: string) =>
        send(reply, status, renderFormPage(loaded.form, { values: posted, errors, notice, hidden }));
      try {
        rateLimit(loaded.row.id, req, reply);
      } catch (err) {
        if (err instanceof AppError) return again(429, [], err.message);
        throw err;
      }
      if (loaded.row.status !== 'active') return closed(reply, 409);

      const fields: Record<string, string | string[]> = {};
      for (const f of loaded.form.fields) {
        const v = posted[f.property];
        if (v !== undefined) fields[f.property] = v;
      }
      const input = submissionInputSchema.safeParse({
        fields,
        consent: ['true', 'on'].includes(first(posted.consent) ?? ''),
        honeypot: first(posted.tandem_hp),
        anonymousId: hidden.anonymous_id,
        pageUrl: hidden.page_url,
        referrer: hidden.referrer,
      });
      if (!input.success) return again(400, validationError(input.error.issues).errors);
      try {
        const result = await submitForm(ctx, loaded.row, input.data, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, baseUrl: baseUrlOf(ctx, req) });
        ctx.worker.poke();
        if (result.redirectUrl) return reply.redirect(result.redirectUrl, 303);
        const message = result.thankYouMessage || 'Your response was received.';
        const confirm = result.confirmationRequired ? '\n\nWe have sent you an email: open the link in it to confirm your address.' : '';
        return send(reply, 200, renderMessagePage('Thank you!', message + confirm, { success: true }));
      } catch (err) {
        if (err instanceof AppError && err.code === 'validation_failed') return again(400, err.errors);
        if (err instanceof AppError && err.code === 'conflict') return closed(reply, 409);
        throw err;
      }
    });

    scope.get('/f/confirm/:token', { schema: { hide: true, params: z.object({ token: z.string().max(200) }) } }, async (req, reply) => {
      const outcome = await confirmSubmission(db, req.params.token);
      if (!outcome.found) {
        return send(reply, 404, renderMessagePage('Link not valid', 'This confirmation link is not valid. Copy the whole link from the email, or fill in the form again.'));
      }
      const title = outcome.alreadyConfirmed ? 'Already confirmed' : 'Email confirmed';
      return send(reply, 200, renderMessagePage(title, `Thanks! Your email address is confirmed for ${outcome.workspaceName}.`, { success: true }));
    });
  });
}
