import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { deletedSchema, errors, idParams, listEnvelope } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { compileList } from '../platform/list-query.ts';
import { campaignListQuerySchema, campaignSchema, createCampaignSchema, updateCampaignSchema } from './campaigns.schemas.ts';
import { campaignListSpec, countCampaigns, findCampaign, listCampaigns } from './campaigns.store.ts';
import { createCampaign, deleteCampaign, restoreCampaign, updateCampaign } from './write-campaigns.ts';

const tags = ['Campaigns'];

export function campaignRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/campaigns', {
    schema: {
      tags,
      summary: 'List campaigns',
      description:
        'With touch and contact counts. Sort by `name`, `startDate`, `endDate`, `firstSeenAt`, `createdAt`, `updatedAt`; ' +
        'filter by `channel`, `status`, dates; search name and utm_campaign with `q`. `deleted=true` lists the trash.',
      querystring: campaignListQuerySchema,
      response: { 200: listEnvelope(campaignSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const list = compileList(campaignListSpec, req.query, []);
      const page = await listCampaigns(db, ws, list, req.query.deleted);
      return req.query.includeTotal ? { ...page, totalCount: await countCampaigns(db, ws, list, req.query.deleted) } : page;
    },
  });

  app.get('/api/v1/campaigns/:id', {
    schema: {
      tags,
      summary: 'Get a campaign',
      description: 'Campaigns in the trash are returned too, with `deletedAt` set.',
      params: idParams,
      response: { 200: campaignSchema, ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const campaign = await findCampaign(db, req.principal!.workspaceId, req.params.id, true);
      if (!campaign) throw AppError.notFound('Campaign', req.params.id);
      return campaign;
    },
  });

  app.post('/api/v1/campaigns', {
    schema: {
      tags,
      summary: 'Create a campaign',
      description:
        'Campaigns are also created automatically the first time a touch carries a new `utm_campaign`. ' +
        '`utmCampaign` defaults to the name, lower-cased; it must not belong to another campaign.',
      body: createCampaignSchema,
      response: { 201: campaignSchema, ...errors(409) },
    },
    config: { permission: 'marketing:write' },
    handler: async (req, reply) => runIdempotent(db, req, reply, 201, (trx) => createCampaign(trx, req.principal!.workspaceId, req.body)),
  });

  app.patch('/api/v1/campaigns/:id', {
    schema: {
      tags,
      summary: 'Update a campaign',
      description: 'Renaming keeps `utmCampaign`, so links already tagged keep counting; change it explicitly if you must.',
      params: idParams,
      body: updateCampaignSchema,
      response: { 200: campaignSchema, ...errors(404, 409) },
    },
    config: { permission: 'marketing:write' },
    handler: async (req) => db.transaction().execute((trx) => updateCampaign(trx, req.principal!.workspaceId, req.params.id, req.body)),
  });

  app.delete('/api/v1/campaigns/:id', {
    schema: {
      tags,
      summary: 'Delete a campaign',
      description: 'Moves it to the trash; its touches keep it, and `POST /campaigns/{id}/restore` brings it back.',
      params: idParams,
      response: { 200: deletedSchema, ...errors(404) },
    },
    config: { permission: 'marketing:write' },
    handler: async (req) => {
      if (!(await deleteCampaign(db, req.principal!.workspaceId, req.params.id))) throw AppError.notFound('Campaign', req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  });

  app.post('/api/v1/campaigns/:id/restore', {
    schema: { tags, summary: 'Restore a deleted campaign', params: idParams, response: { 200: campaignSchema, ...errors(404) } },
    config: { permission: 'marketing:write' },
    handler: async (req) => restoreCampaign(db, req.principal!.workspaceId, req.params.id),
  });
}
