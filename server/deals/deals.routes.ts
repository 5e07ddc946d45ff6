import { sql } from 'kysely';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { deletedSchema, errors, idParams, listEnvelope } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import { findPipeline } from '../pipelines/pipelines.store.ts';
import { createDealSchema, dealSchema, moveDealSchema, updateDealSchema } from './deals.schemas.ts';
import { countDeals, dealListSpec, findDeal, listDeals } from './deals.store.ts';
import { createDeal } from './create-deal.ts';
import { updateDeal } from './update-deal.ts';
import { moveDeal } from './move-deal.ts';
import { boardQuerySchema, boardSchema, getBoard } from './board.ts';

const tags = ['Deals'];

export function dealRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/deals', {
    schema: {
      tags,
      summary: 'List deals',
      description:
        'Filters: `filter[pipelineId]`, `filter[stageId]`, `filter[ownerId]`, `filter[accountId]`, `filter[status]=open|won|lost`, ' +
        '`filter[forecastCategory][in]=commit,best_case`, `filter[expectedCloseDate][gte]=2026-01-01`, `filter[amount][gte]=1000`, … ' +
        'Sort by `name`, `amount`, `expectedCloseDate`, `closedAt`, `createdAt`, …; `q` searches names.',
      querystring: listQuerySchema,
      response: { 200: listEnvelope(dealSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const list = compileList(dealListSpec, req.query, []);
      const page = await listDeals(db, ws, list);
      return req.query.includeTotal ? { ...page, totalCount: await countDeals(db, ws, list) } : page;
    },
  });

  app.get('/api/v1/deals/:id', {
    schema: { tags, summary: 'Get a deal', params: idParams, response: { 200: dealSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const deal = await findDeal(db, req.principal!.workspaceId, req.params.id);
      if (!deal) throw AppError.notFound('Deal', req.params.id);
      return deal;
    },
  });

  app.post('/api/v1/deals', {
    schema: {
      tags,
      summary: 'Create a deal',
      description:
        'Lands in `stageId`, or the first open stage of `pipelineId`, or of the default pipeline. Owner defaults to the caller. ' +
        'A deal created in a won or lost stage needs `closeReasonId` (or `closeReason`, the label).',
      body: createDealSchema,
      response: { 201: dealSchema, ...errors() },
    },
    config: { permission: 'crm:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 201, (trx) => createDeal(trx, req.principal!.workspaceId, req.body, { by: req.principal!.userId })),
  });

  app.patch('/api/v1/deals/:id', {
    schema: {
      tags,
      summary: 'Update a deal',
      description: 'A new `stageId` moves the deal exactly like POST /deals/{id}/move (history, close reason).',
      params: idParams,
      body: updateDealSchema,
      response: { 200: dealSchema, ...errors(404) },
    },
    config: { permission: 'crm:write' },
    handler: async (req) =>
      db
        .transaction()
        .execute((trx) => updateDeal(trx, req.principal!.workspaceId, req.params.id, req.body, { by: req.principal!.userId })),
  });

  app.post('/api/v1/deals/:id/move', {
    schema: {
      tags,
      summary: 'Move a deal to a stage',
      description:
        'Records the move in stage history. A won or lost stage requires `closeReasonId` (or `closeReason`) of that kind, sets `closedAt` ' +
        'and the `closed` forecast category; winning makes the account’s and the deal’s contacts customers. Moving back to an open stage reopens it.',
      params: idParams,
      body: moveDealSchema,
      response: { 200: dealSchema, ...errors(404) },
    },
    config: { permission: 'crm:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 200, async (trx) => {
        const ws = req.principal!.workspaceId;
        await moveDeal(trx, ws, req.params.id, { ...req.body, by: req.principal!.userId });
        return (await findDeal(trx, ws, req.params.id))!;
      }),
  });

  app.delete('/api/v1/deals/:id', {
    schema: {
      tags,
      summary: 'Delete a deal',
      description: 'Moves it to the trash (restorable with POST /deals/{id}/restore).',
      params: idParams,
      response: { 200: deletedSchema, ...errors(404) },
    },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const r = await db
        .updateTable('deals')
        .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
        .where('workspace_id', '=', req.principal!.workspaceId)
        .where('id', '=', req.params.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw AppError.notFound('Deal', req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  });

  app.post('/api/v1/deals/:id/restore', {
    schema: { tags, summary: 'Restore a deleted deal', params: idParams, response: { 200: dealSchema, ...errors(404) } },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      await db
        .updateTable('deals')
        .set({ deleted_at: null, updated_at: sql`now()` })
        .where('workspace_id', '=', ws)
        .where('id', '=', req.params.id)
        .where('deleted_at', 'is not', null)
        .execute();
      const deal = await findDeal(db, ws, req.params.id);
      if (!deal) throw AppError.notFound('Deal', req.params.id);
      return deal;
    },
  });

  app.get('/api/v1/pipelines/:id/board', {
    schema: {
      tags,
      summary: 'Kanban board of a pipeline',
      description:
        'Per stage: count, amount and weighted amount of the deals matching the filters, and the first `limit` deals (most recently moved first). ' +
        'A column’s next page: `stageId` plus its `nextCursor`.',
      params: idParams,
      querystring: boardQuerySchema,
      response: { 200: boardSchema, ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const pipeline = await findPipeline(db, ws, req.params.id);
      if (!pipeline) throw AppError.notFound('Pipeline', req.params.id);
      if (req.query.stageId && !pipeline.stages.some((s) => s.id === req.query.stageId)) {
        throw AppError.invalid('stageId', 'is not a stage of this pipeline');
      }
      if (req.query.cursor && !req.query.stageId) throw AppError.invalid('cursor', 'needs stageId (a cursor belongs to one column)');
      return getBoard(db, ws, pipeline, req.query);
    },
  });
}
