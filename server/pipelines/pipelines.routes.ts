import { z } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { deletedSchema, errors, idParams } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import {
  createPipelineSchema,
  createStageSchema,
  deleteStageQuerySchema,
  pipelineSchema,
  reorderStagesSchema,
  stageParams,
  updatePipelineSchema,
  updateStageSchema,
} from './pipelines.schemas.ts';
import { findPipeline, listPipelines } from './pipelines.store.ts';
import { archivePipeline, createPipeline, updatePipeline } from './write-pipelines.ts';
import { createStage, deleteStage, reorderStages, updateStage } from './write-stages.ts';

const tags = ['Pipelines'];

export function pipelineRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/pipelines', {
    schema: {
      tags,
      summary: 'List pipelines with their stages',
      response: { 200: z.object({ data: z.array(pipelineSchema) }), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => ({ data: await listPipelines(db, req.principal!.workspaceId) }),
  });

  app.get('/api/v1/pipelines/:id', {
    schema: { tags, summary: 'Get a pipeline', params: idParams, response: { 200: pipelineSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const pipeline = await findPipeline(db, req.principal!.workspaceId, req.params.id);
      if (!pipeline) throw AppError.notFound('Pipeline', req.params.id);
      return pipeline;
    },
  });

  app.post('/api/v1/pipelines', {
    schema: {
      tags,
      summary: 'Create a pipeline',
      description: 'Stages in board order; without `stages`, the default ones. The first pipeline becomes the default.',
      body: createPipelineSchema,
      response: { 201: pipelineSchema, ...errors(409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req, reply) => runIdempotent(db, req, reply, 201, (trx) => createPipeline(trx, req.principal!.workspaceId, req.body)),
  });

  app.patch('/api/v1/pipelines/:id', {
    schema: {
      tags,
      summary: 'Rename, re-order or make default',
      params: idParams,
      body: updatePipelineSchema,
      response: { 200: pipelineSchema, ...errors(404, 409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => db.transaction().execute((trx) => updatePipeline(trx, req.principal!.workspaceId, req.params.id, req.body)),
  });

  app.delete('/api/v1/pipelines/:id', {
    schema: {
      tags,
      summary: 'Delete (archive) a pipeline',
      description: 'Refused for the default pipeline and while open deals are in it; its won and lost deals stay.',
      params: idParams,
      response: { 200: deletedSchema, ...errors(404, 409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      await db.transaction().execute((trx) => archivePipeline(trx, req.principal!.workspaceId, req.params.id));
      return { id: req.params.id, deleted: true as const };
    },
  });

  app.post('/api/v1/pipelines/:id/stages', {
    schema: {
      tags,
      summary: 'Add a stage',
      params: idParams,
      body: createStageSchema,
      response: { 201: pipelineSchema, ...errors(404, 409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 201, (trx) => createStage(trx, req.principal!.workspaceId, req.params.id, req.body)),
  });

  app.patch('/api/v1/pipelines/:id/stages/:stageId', {
    schema: {
      tags,
      summary: 'Rename a stage or change its probability or type',
      description: 'The type changes only while the stage holds no deals.',
      params: stageParams,
      body: updateStageSchema,
      response: { 200: pipelineSchema, ...errors(404, 409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) =>
      db.transaction().execute((trx) => updateStage(trx, req.principal!.workspaceId, req.params.id, req.params.stageId, req.body)),
  });

  app.put('/api/v1/pipelines/:id/stage-order', {
    schema: {
      tags,
      summary: 'Re-order the stages',
      params: idParams,
      body: reorderStagesSchema,
      response: { 200: pipelineSchema, ...errors(404) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) =>
      db.transaction().execute((trx) => reorderStages(trx, req.principal!.workspaceId, req.params.id, req.body.stageIds)),
  });

  app.delete('/api/v1/pipelines/:id/stages/:stageId', {
    schema: {
      tags,
      summary: 'Delete a stage',
      description:
        'A stage holding deals needs `moveDealsTo`: an open stage, or a stage of the same kind. Each moved deal gets a stage-history row. ' +
        'Without it the answer is 409 naming `moveDealsTo`.',
      params: stageParams,
      querystring: deleteStageQuerySchema,
      response: { 200: z.object({ id: z.uuid(), deleted: z.literal(true), movedDeals: z.number().int() }), ...errors(404, 409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const { workspaceId, userId } = req.principal!;
      const { movedDeals } = await db
        .transaction()
        .execute((trx) => deleteStage(trx, workspaceId, req.params.id, req.params.stageId, req.query.moveDealsTo, userId));
      return { id: req.params.stageId, deleted: true as const, movedDeals };
    },
  });
}
