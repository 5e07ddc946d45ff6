import { z } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { deletedSchema, errors, idParams } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { closeReasonSchema, closeReasonsQuerySchema, createCloseReasonSchema, updateCloseReasonSchema } from './close-reasons.schemas.ts';
import { archiveCloseReason, createCloseReason, findCloseReason, listCloseReasons, updateCloseReason } from './close-reasons.store.ts';

const tags = ['Close reasons'];

export function closeReasonRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/close-reasons', {
    schema: {
      tags,
      summary: 'List win and loss reasons',
      description: 'Moving a deal to a won or lost stage requires one of these (of that kind).',
      querystring: closeReasonsQuerySchema,
      response: { 200: z.object({ data: z.array(closeReasonSchema) }), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => ({ data: await listCloseReasons(db, req.principal!.workspaceId, req.query.kind) }),
  });

  app.get('/api/v1/close-reasons/:id', {
    schema: { tags, summary: 'Get a close reason', params: idParams, response: { 200: closeReasonSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const reason = await findCloseReason(db, req.principal!.workspaceId, req.params.id);
      if (!reason) throw AppError.notFound('Close reason', req.params.id);
      return reason;
    },
  });

  app.post('/api/v1/close-reasons', {
    schema: { tags, summary: 'Add a close reason', body: createCloseReasonSchema, response: { 201: closeReasonSchema, ...errors(409) } },
    config: { permission: 'settings:manage' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 201, (trx) => createCloseReason(trx, req.principal!.workspaceId, req.body)),
  });

  app.patch('/api/v1/close-reasons/:id', {
    schema: {
      tags,
      summary: 'Rename or re-order a close reason',
      params: idParams,
      body: updateCloseReasonSchema,
      response: { 200: closeReasonSchema, ...errors(404, 409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => db.transaction().execute((trx) => updateCloseReason(trx, req.principal!.workspaceId, req.params.id, req.body)),
  });

  app.delete('/api/v1/close-reasons/:id', {
    schema: {
      tags,
      summary: 'Delete a close reason',
      description: 'It is no longer offered; deals closed with it keep it.',
      params: idParams,
      response: { 200: deletedSchema, ...errors(404) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      await archiveCloseReason(db, req.principal!.workspaceId, req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
