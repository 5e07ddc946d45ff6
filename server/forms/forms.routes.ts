// The forms API for the team: build and edit forms, read their submissions and analytics.
// Visitors' endpoints (hosted page, embed, public submissions) are in public-forms.routes.ts.
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { deletedSchema, errors, idParams, listEnvelope } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import { analyticsQuerySchema, analyticsSchema, createFormSchema, formSchema, submissionSchema, updateFormSchema } from './forms.schemas.ts';
import { findForm, formListSpec, listForms, restoreForm, softDeleteForm } from './forms.store.ts';
import { createForm, updateForm } from './write-forms.ts';
import { listSubmissions, submissionListSpec } from './submissions.store.ts';
import { analyticsRange, formAnalytics } from './form-analytics.ts';
import { publicFormRoutes } from './public-forms.routes.ts';

const tags = ['Forms'];

/** Everything of the forms domain: the team's API and what visitors reach. */
export function formRoutes(app: App, ctx: AppContext): void {
  formApiRoutes(app, ctx);
  publicFormRoutes(app, ctx);
}

export function formApiRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  async function existing(workspaceId: string, id: string) {
    const form = await findForm(db, workspaceId, id);
    if (!form) throw AppError.notFound('Form', id);
    return form;
  }

  app.get('/api/v1/forms', {
    schema: {
      tags,
      summary: 'List forms',
      description: 'Each form carries its all-time `stats` (views, submissions, conversion rate). Search names with `q`.',
      querystring: listQuerySchema.omit({ includeTotal: true }),
      response: { 200: listEnvelope(formSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => listForms(db, req.principal!.workspaceId, compileList(formListSpec, { ...req.query, includeTotal: false }, [])),
  });

  app.post('/api/v1/forms', {
    schema: {
      tags,
      summary: 'Create a form',
      description: 'Fields map to contact properties or contact custom fields (`customFields.<key>`); the email field is required.',
      body: createFormSchema,
      response: { 201: formSchema, ...errors() },
    },
    config: { permission: 'marketing:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 201, (trx) => createForm(trx, req.principal!.workspaceId, req.principal!.userId, req.body)),
  });

  app.get('/api/v1/forms/:id', {
    schema: { tags, summary: 'Get a form', params: idParams, response: { 200: formSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => existing(req.principal!.workspaceId, req.params.id),
  });

  app.patch('/api/v1/forms/:id', {
    schema: { tags, summary: 'Edit a form', params: idParams, body: updateFormSchema, response: { 200: formSchema, ...errors(404) } },
    config: { permission: 'marketing:write' },
    handler: async (req) => db.transaction().execute((trx) => updateForm(trx, req.principal!.workspaceId, req.params.id, req.body)),
  });

  app.delete('/api/v1/forms/:id', {
    schema: {
      tags,
      summary: 'Delete a form',
      description: 'The hosted page and embed stop working; submissions are kept. `POST /forms/{id}/restore` undoes it.',
      params: idParams,
      response: { 200: deletedSchema, ...errors(404) },
    },
    config: { permission: 'marketing:write' },
    handler: async (req) => {
      if (!(await softDeleteForm(db, req.principal!.workspaceId, req.params.id))) throw AppError.notFound('Form', req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  });

  app.post('/api/v1/forms/:id/restore', {
    schema: { tags, summary: 'Restore a deleted form', params: idParams, response: { 200: formSchema, ...errors(404) } },
    config: { permission: 'marketing:write' },
    handler: async (req) => {
      await restoreForm(db, req.principal!.workspaceId, req.params.id);
      return existing(req.principal!.workspaceId, req.params.id);
    },
  });

  app.get('/api/v1/forms/:id/submissions', {
    schema: {
      tags,
      summary: "List a form's submissions",
      description: 'Newest first; filter by `status` or `contactId`.',
      params: idParams,
      querystring: listQuerySchema.omit({ q: true, includeTotal: true }),
      response: { 200: listEnvelope(submissionSchema), ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const list = compileList(submissionListSpec, { ...req.query, includeTotal: false }, []);
      await existing(ws, req.params.id);
      return listSubmissions(db, ws, req.params.id, list);
    },
  });

  app.get('/api/v1/forms/:id/analytics', {
    schema: {
      tags,
      summary: 'Views, submissions and conversion rate of a form, per day',
      description: 'Days are UTC. Default range: the last 30 days.',
      params: idParams,
      querystring: analyticsQuerySchema,
      response: { 200: analyticsSchema, ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const range = analyticsRange(req.query.from, req.query.to);
      await existing(ws, req.params.id);
      return formAnalytics(db, ws, req.params.id, range);
    },
  });
}
