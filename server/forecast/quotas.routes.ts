import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { deletedSchema, errors, idParams, listEnvelope } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import { createQuotaSchema, quotaSchema, updateQuotaSchema } from './quotas.schemas.ts';
import { createQuota, deleteQuota, findQuota, listQuotas, quotaListSpec, updateQuota } from './quotas.store.ts';

const tags = ['Quotas'];

export function quotaRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/quotas', {
    schema: {
      tags,
      summary: 'List quotas',
      description:
        'Quotas per rep and period (`2026-11` or `2026-Q4`); `ownerId` null is the team quota. ' +
        'Filter with `filter[period]=2026-Q4`, `filter[period][in]=2026-10,2026-11` or `filter[ownerId]=…`.',
      querystring: listQuerySchema.omit({ q: true, includeTotal: true }),
      response: { 200: listEnvelope(quotaSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => listQuotas(db, req.principal!.workspaceId, compileList(quotaListSpec, { ...req.query, includeTotal: false }, [])),
  });

  app.get('/api/v1/quotas/:id', {
    schema: { tags, summary: 'Get a quota', params: idParams, response: { 200: quotaSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const quota = await findQuota(db, req.principal!.workspaceId, req.params.id);
      if (!quota) throw AppError.notFound('Quota', req.params.id);
      return quota;
    },
  });

  app.post('/api/v1/quotas', {
    schema: {
      tags,
      summary: 'Set a quota',
      description:
        'One quota per rep and period, and one team quota per period: a second one is a 409 naming the first. ' +
        "A quarter without its own quota counts its months' quotas; without a team quota the team's is the sum of its reps'.",
      body: createQuotaSchema,
      response: { 201: quotaSchema, ...errors(409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req, reply) => runIdempotent(db, req, reply, 201, (trx) => createQuota(trx, req.principal!.workspaceId, req.body)),
  });

  app.patch('/api/v1/quotas/:id', {
    schema: { tags, summary: 'Change a quota', params: idParams, body: updateQuotaSchema, response: { 200: quotaSchema, ...errors(404, 409) } },
    config: { permission: 'settings:manage' },
    handler: async (req) => db.transaction().execute((trx) => updateQuota(trx, req.principal!.workspaceId, req.params.id, req.body)),
  });

  app.delete('/api/v1/quotas/:id', {
    schema: { tags, summary: 'Delete a quota', params: idParams, response: { 200: deletedSchema, ...errors(404) } },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      if (!(await deleteQuota(db, req.principal!.workspaceId, req.params.id))) throw AppError.notFound('Quota', req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
