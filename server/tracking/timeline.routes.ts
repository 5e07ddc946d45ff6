// GET /api/v1/contacts/{id}/timeline and /api/v1/accounts/{id}/timeline.
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams } from '../platform/openapi.ts';
import { timelinePageSchema, timelineQuerySchema } from './timeline.schemas.ts';
import { accountScope, contactScope, parseKinds, readTimeline } from './timeline.ts';
import { TIMELINE_SOURCES } from './timeline-sources.ts';

const description =
  'Newest first: visits with their page views (`session`), marketing touches (`touch`), form submissions, ' +
  'other tracked events (`event`), identify calls and notes. `filter[kind]=session,note` keeps some kinds. ' +
  'Tracked events appear about a second after they are sent.';

export function timelineRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/contacts/:id/timeline', {
    schema: {
      tags: ['Contacts'],
      summary: "A contact's timeline",
      description,
      params: idParams,
      querystring: timelineQuerySchema,
      response: { 200: timelinePageSchema, ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const kinds = parseKinds(TIMELINE_SOURCES, req.query.filter?.kind);
      const found = await db
        .selectFrom('contacts')
        .select('id')
        .where('workspace_id', '=', ws)
        .where('id', '=', req.params.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!found) throw AppError.notFound('Contact', req.params.id);
      return readTimeline(db, TIMELINE_SOURCES, contactScope(ws, req.params.id), {
        limit: req.query.limit,
        cursor: req.query.cursor,
        kinds,
      });
    },
  });

  app.get('/api/v1/accounts/:id/timeline', {
    schema: {
      tags: ['Accounts'],
      summary: "An account's timeline",
      description: `${description} Covers every contact of the account, and the account's own notes.`,
      params: idParams,
      querystring: timelineQuerySchema,
      response: { 200: timelinePageSchema, ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const kinds = parseKinds(TIMELINE_SOURCES, req.query.filter?.kind);
      const found = await db
        .selectFrom('accounts')
        .select('id')
        .where('workspace_id', '=', ws)
        .where('id', '=', req.params.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!found) throw AppError.notFound('Account', req.params.id);
      return readTimeline(db, TIMELINE_SOURCES, accountScope(ws, req.params.id), {
        limit: req.query.limit,
        cursor: req.query.cursor,
        kinds,
      });
    },
  });
}
