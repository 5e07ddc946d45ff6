// The Segment-compatible HTTP tracking API: POST /v1/track|identify|page|screen|group|alias|batch.
// Registered as its own plugin: it authenticates by write key (HTTP Basic username or `writeKey` in
// the body) rather than by API key, answers browsers on any origin (CORS, including sendBeacon's
// text/plain bodies), and validates events itself so a batch keeps its valid events.
import type { FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { errors } from '../platform/openapi.ts';
import type { EventType } from '../db-schema.ts';
import { acceptEvents } from './inbox.ts';
import { retentionCutoff } from './event-partitions.ts';
import { MAX_BATCH_BYTES, MAX_EVENT_BYTES, parseSegmentEvent, type ParseContext } from './segment-payload.ts';
import { writeKeysFor } from './write-keys.ts';
import { inflateBody } from './compressed-bodies.ts';
import type { TrackedEvent } from './tracked-event.ts';
import { acceptedSchema, aliasBody, batchBody, groupBody, identifyBody, pageBody, screenBody, trackBody } from './ingest.schemas.ts';

/** Bodies up to this size are read and then judged against Segment's limits (400); larger ones are 413. */
const BODY_LIMIT = 1024 * 1024;
const tags = ['Tracking API (Segment-compatible)'];
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type, Content-Encoding, Authorization',
  'access-control-max-age': '86400',
};

declare module 'fastify' {
  interface FastifyRequest {
    bodyBytes: number;
  }
}

function writeKeyOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header && /^Basic\s+/i.test(header)) {
    const user = Buffer.from(header.replace(/^Basic\s+/i, ''), 'base64')
      .toString('utf8')
      .split(':')[0];
    if (user) return user;
  }
  const body = req.body as { writeKey?: unknown } | null;
  return body && typeof body.writeKey === 'string' && body.writeKey ? body.writeKey : null;
}

export async function trackingIngestRoutes(app: App, ctx: AppContext): Promise<void> {
  const writeKeys = writeKeysFor(ctx);

  // sendBeacon can only send text/plain (or form data) without a preflight: accept JSON either way
  app.decorateRequest('bodyBytes', 0);
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string', bodyLimit: BODY_LIMIT }, (req, body, done) => {
    const text = body as string;
    req.bodyBytes = Buffer.byteLength(text);
    if (text.trim() === '') return done(new AppError('invalid_json', 'The request body is empty; send a JSON object.'), undefined);
    try {
      done(null, JSON.parse(text));
    } catch (err) {
      done(new AppError('invalid_json', `The request body is not valid JSON: ${(err as Error).message}`), undefined);
    }
  });
  // schemas here document; segment-payload.ts validates (per event, keeping a batch's valid ones)
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(CORS);
  });
  app.addHook('preParsing', async (req, _reply, payload) => inflateBody(req, payload));
  app.options('/v1/*', { schema: { hide: true } }, async (_req, reply) => reply.code(204).send());

  async function authenticate(req: FastifyRequest) {
    const key = writeKeyOf(req);
    if (!key)
      throw new AppError('unauthenticated', "Send the source's write key as the HTTP Basic username, or as `writeKey` in the body.");
    const owner = await writeKeys.resolve(key);
    if (!owner)
      throw new AppError('unauthenticated', 'The write key is not valid (or its source was deleted). Copy it from Settings → Sources.');
    return owner;
  }

  function parseContext(req: FastifyRequest, sourceId: string): ParseContext {
    return { sourceId, receivedAt: new Date(), oldestAllowed: retentionCutoff(ctx.config.eventRetentionMonths), ip: req.ip };
  }

  const single = (type: EventType, body: ZodType, summary: string) =>
    app.post(`/v1/${type}`, {
      bodyLimit: BODY_LIMIT,
      schema: { tags, summary, security: [], body, response: { 200: acceptedSchema, ...errors(413) } },
      handler: async (req) => {
        const owner = await authenticate(req);
        if (req.bodyBytes > MAX_EVENT_BYTES) {
          throw AppError.invalid('(root)', `the event is ${Math.ceil(req.bodyBytes / 1024)} KB; an event may be at most 32 KB`);
        }
        const pc = parseContext(req, owner.sourceId);
        const parsed = parseSegmentEvent(req.body, type, pc);
        if (!parsed.ok) throw new AppError('validation_failed', describe(parsed.errors), parsed.errors);
        await acceptEvents(ctx.db, owner.workspaceId, owner.sourceId, [parsed.event], pc.receivedAt);
        return { success: true as const };
      },
    });

  single('track', trackBody, 'Record an action (Segment track)');
  single('identify', identifyBody, 'Say who the visitor is (Segment identify)');
  single('page', pageBody, 'Record a page view (Segment page)');
  single('screen', screenBody, 'Record an app screen view (Segment screen)');
  single('group', groupBody, 'Link the person to a company account (Segment group)');
  single('alias', aliasBody, 'Link an earlier id to the user id (Segment alias)');

  app.post('/v1/batch', {
    bodyLimit: BODY_LIMIT,
    schema: {
      tags,
      summary: 'Send many messages at once (Segment batch)',
      description:
        'Each message is validated on its own: valid ones are stored, invalid ones are listed in `rejected`. ' +
        'Stored messages are durable once this answers 200; they appear in events, touches and timelines within ' +
        'a second or so (processing runs in the background).',
      security: [],
      body: batchBody,
      response: { 200: acceptedSchema, ...errors(413) },
    },
    handler: async (req) => {
      const owner = await authenticate(req);
      if (req.bodyBytes > MAX_BATCH_BYTES) {
        throw AppError.invalid(
          'batch',
          `the batch is ${Math.ceil(req.bodyBytes / 1024)} KB; a batch may be at most 500 KB (send fewer messages per request)`,
        );
      }
      const body = req.body as { batch?: unknown; context?: unknown; sentAt?: unknown };
      if (!Array.isArray(body?.batch) || body.batch.length === 0) throw AppError.invalid('batch', 'must be a non-empty array of messages');
      const shared =
        body.context && typeof body.context === 'object' && !Array.isArray(body.context) ? (body.context as Record<string, unknown>) : null;
      const pc = { ...parseContext(req, owner.sourceId), sentAt: body.sentAt };
      const valid: TrackedEvent[] = [];
      const rejected: Array<{ index: number; messageId: string | null; errors: FieldError[] }> = [];
      body.batch.forEach((item: unknown, index) => {
        const withContext =
          shared && item && typeof item === 'object' && !Array.isArray(item)
            ? { ...item, context: { ...shared, ...((item as { context?: object }).context ?? {}) } }
            : item;
        const parsed = parseSegmentEvent(withContext, undefined, pc, `batch.${index}`);
        if (parsed.ok) valid.push(parsed.event);
        else rejected.push({ index, messageId: parsed.messageId, errors: parsed.errors });
      });
      if (valid.length === 0) {
        const all = rejected.flatMap((r) => r.errors);
        throw new AppError('validation_failed', `No message in the batch is valid: ${describe(all)}`, all);
      }
      await acceptEvents(ctx.db, owner.workspaceId, owner.sourceId, valid, pc.receivedAt);
      return rejected.length ? { success: true as const, rejected } : { success: true as const };
    },
  });
}

function describe(errors: FieldError[]): string {
  return (
    errors
      .slice(0, 3)
      .map((e) => `${e.path} ${e.message}`)
      .join('; ') + (errors.length > 3 ? '; …' : '')
  );
}
