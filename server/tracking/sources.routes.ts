// Sources: where events come from ("Website", "App"), each with the write key its events are sent with.
import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { deletedSchema, errors, idParams, listEnvelope } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import { createSourceSchema, sourceSchema, updateSourceSchema } from './sources.schemas.ts';
import { findSource, insertSource, listSources, newWriteKey, sourceListSpec, updateSourceRow } from './sources.store.ts';
import { writeKeysFor } from './write-keys.ts';

const tags = ['Sources'];

export function sourceRoutes(app: App, ctx: AppContext): void {
  const { db, config } = ctx;
  const writeKeys = writeKeysFor(ctx);
  // the install tag points at this server as the admin reaches it, unless PUBLIC_URL says otherwise
  const baseUrl = (req: FastifyRequest) => (config.publicUrlFromEnv ? config.publicUrl : `${req.protocol}://${req.host}`);

  app.get('/api/v1/sources', {
    schema: {
      tags,
      summary: 'List sources',
      querystring: listQuerySchema.omit({ q: true, includeTotal: true, filter: true }),
      response: { 200: listEnvelope(sourceSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) =>
      listSources(db, req.principal!.workspaceId, compileList(sourceListSpec, { ...req.query, includeTotal: false }, []), baseUrl(req)),
  });

  app.post('/api/v1/sources', {
    schema: { tags, summary: 'Create a source and its write key', body: createSourceSchema, response: { 201: sourceSchema, ...errors() } },
    config: { permission: 'marketing:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 201, async (trx) => {
        const ws = req.principal!.workspaceId;
        const id = await insertSource(trx, ws, req.body.name);
        return (await findSource(trx, ws, id, baseUrl(req)))!;
      }),
  });

  app.get('/api/v1/sources/:id', {
    schema: { tags, summary: 'Get a source', params: idParams, response: { 200: sourceSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const source = await findSource(db, req.principal!.workspaceId, req.params.id, baseUrl(req));
      if (!source) throw AppError.notFound('Source', req.params.id);
      return source;
    },
  });

  app.patch('/api/v1/sources/:id', {
    schema: {
      tags,
      summary: 'Rename a source',
      params: idParams,
      body: updateSourceSchema,
      response: { 200: sourceSchema, ...errors(404) },
    },
    config: { permission: 'marketing:write' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      if (!(await updateSourceRow(db, ws, req.params.id, { name: req.body.name }))) throw AppError.notFound('Source', req.params.id);
      return (await findSource(db, ws, req.params.id, baseUrl(req)))!;
    },
  });

  app.post('/api/v1/sources/:id/rotate-key', {
    schema: {
      tags,
      summary: 'Replace the write key',
      description: 'The old key stops working at once (within seconds on other servers); update the snippet or SDKs that use it.',
      params: idParams,
      response: { 200: sourceSchema, ...errors(404) },
    },
    config: { permission: 'marketing:write' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const old = await updateSourceRow(db, ws, req.params.id, { write_key: newWriteKey() });
      if (!old) throw AppError.notFound('Source', req.params.id);
      writeKeys.forget(old);
      return (await findSource(db, ws, req.params.id, baseUrl(req)))!;
    },
  });

  app.delete('/api/v1/sources/:id', {
    schema: {
      tags,
      summary: 'Delete a source',
      description: 'Its write key stops working; the events it sent are kept.',
      params: idParams,
      response: { 200: deletedSchema, ...errors(404) },
    },
    config: { permission: 'marketing:write' },
    handler: async (req) => {
      const old = await updateSourceRow(db, req.principal!.workspaceId, req.params.id, { deleted_at: new Date() });
      if (!old) throw AppError.notFound('Source', req.params.id);
      writeKeys.forget(old);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
