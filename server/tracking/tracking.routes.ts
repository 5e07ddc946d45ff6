// Reading tracked data: GET /api/v1/events and /api/v1/touches. Events arrive through /v1/* and are
// processed in the background, so these lists trail ingestion by about a second.
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { errors, listEnvelope } from '../platform/openapi.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import { eventSchema, touchSchema } from './tracking.schemas.ts';
import { eventListSpec, listEvents, listTouches, takeAccountFilter, touchListSpec } from './tracking-lists.store.ts';

const query = listQuerySchema.omit({ q: true, includeTotal: true });

export function trackingRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/events', {
    schema: {
      tags: ['Events'],
      summary: 'List tracked events',
      description:
        'Newest first. Filter with `filter[contactId]`, `filter[accountId]`, `filter[type]` (track, identify, page, ' +
        'screen, group, alias), `filter[event]` (the track event name), `filter[sourceId]`, `filter[anonymousId]`, ' +
        '`filter[userId]`, and a time range with `filter[occurredAt][gte]=…&filter[occurredAt][lt]=…`.',
      querystring: query,
      response: { 200: listEnvelope(eventSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const { rest, accountId } = takeAccountFilter({ ...req.query, includeTotal: false });
      return listEvents(db, req.principal!.workspaceId, compileList(eventListSpec, rest, []), accountId);
    },
  });

  app.get('/api/v1/touches', {
    schema: {
      tags: ['Events'],
      summary: 'List marketing touches',
      description:
        'Visits (first page view of each visit), ad clicks, form submissions and email clicks with their channel ' +
        'and campaign. Newest first. Filter with `filter[contactId]`, `filter[accountId]`, `filter[kind]`, ' +
        '`filter[channel]`, `filter[campaignId]`, `filter[campaign]`, `filter[source]`, `filter[medium]` and ' +
        '`filter[occurredAt][gte|lt]`.',
      querystring: query,
      response: { 200: listEnvelope(touchSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const { rest, accountId } = takeAccountFilter({ ...req.query, includeTotal: false });
      return listTouches(db, req.principal!.workspaceId, compileList(touchListSpec, rest, []), accountId);
    },
  });
}
