import { sql } from 'kysely';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import type { Principal } from '../platform/auth/principal.ts';
import type { DbOrTrx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams, listEnvelope, deletedSchema } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import {
  activitySchema,
  createActivitySchema,
  myWorkCountsSchema,
  myWorkQuerySchema,
  myWorkSchema,
  updateActivitySchema,
} from './activities.schemas.ts';
import { activityListSpec, findActivity, listActivities } from './activities.store.ts';
import { createActivity, updateActivity } from './write-activities.ts';
import { loadMyWork } from './my-work.ts';
import { dayBounds, isTimeZone } from './day-bounds.ts';

const tags = ['Activities'];

export function activityRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/activities', {
    schema: {
      tags,
      summary: 'List activities',
      description:
        'Tasks, calls, meetings and logged emails. Filter with `filter[type]`, `filter[contactId]`, `filter[accountId]`, ' +
        '`filter[dealId]`, `filter[assigneeId]`, `filter[done]`, `filter[dueAt][gte]`/`[lt]`…; sort by `occurredAt` ' +
        '(default, newest first), `dueAt`, `startsAt`, `doneAt`, `createdAt`, `updatedAt`.',
      querystring: listQuerySchema.omit({ q: true, includeTotal: true }),
      response: { 200: listEnvelope(activitySchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => listActivities(db, req.principal!.workspaceId, compileList(activityListSpec, { ...req.query, includeTotal: false }, [])),
  });

  app.get('/api/v1/activities/:id', {
    schema: { tags, summary: 'Get an activity', params: idParams, response: { 200: activitySchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const activity = await findActivity(db, req.principal!.workspaceId, req.params.id);
      if (!activity) throw AppError.notFound('Activity', req.params.id);
      return activity;
    },
  });

  app.post('/api/v1/activities', {
    schema: {
      tags,
      summary: 'Add a task, log a call or an email, or schedule a meeting',
      description:
        'Attach it to at least one of a contact, an account and a deal. Logged on a contact or a deal without an ' +
        'account, it is also filed on their account. The assignee defaults to the caller.',
      body: createActivitySchema,
      response: { 201: activitySchema, ...errors() },
    },
    config: { permission: 'crm:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 201, (trx) => createActivity(trx, req.principal!.workspaceId, req.principal!.userId, req.body)),
  });

  app.patch('/api/v1/activities/:id', {
    schema: {
      tags,
      summary: 'Edit an activity',
      description: 'Send the fields to change; fields of another type (e.g. `outcome` on a task) are refused. The type cannot change.',
      params: idParams,
      body: updateActivitySchema,
      response: { 200: activitySchema, ...errors(404) },
    },
    config: { permission: 'crm:write' },
    handler: async (req) => db.transaction().execute((trx) => updateActivity(trx, req.principal!.workspaceId, req.params.id, req.body)),
  });

  app.delete('/api/v1/activities/:id', {
    schema: { tags, summary: 'Delete an activity', params: idParams, response: { 200: deletedSchema, ...errors(404) } },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const r = await db
        .updateTable('activities')
        .set({ deleted_at: sql`now()` })
        .where('workspace_id', '=', req.principal!.workspaceId)
        .where('id', '=', req.params.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw AppError.notFound('Activity', req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  });

  app.post('/api/v1/activities/:id/restore', {
    schema: { tags, summary: 'Restore a deleted activity (the undo of DELETE)', params: idParams, response: { 200: activitySchema, ...errors(404) } },
    config: { permission: 'crm:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 200, async (trx) => {
        const ws = req.principal!.workspaceId;
        await trx.updateTable('activities').set({ deleted_at: null }).where('workspace_id', '=', ws).where('id', '=', req.params.id).execute();
        const activity = await findActivity(trx, ws, req.params.id);
        if (!activity) throw AppError.notFound('Activity', req.params.id);
        return activity;
      }),
  });

  // done/undone: only tasks have a done state; completing twice keeps the first completion time
  for (const action of ['complete', 'reopen'] as const) {
    app.post(`/api/v1/activities/:id/${action}`, {
      schema: {
        tags,
        summary: action === 'complete' ? 'Mark a task done' : 'Mark a done task as not done (the undo of complete)',
        params: idParams,
        response: { 200: activitySchema, ...errors(404, 409) },
      },
      config: { permission: 'crm:write' },
      handler: async (req, reply) =>
        runIdempotent(db, req, reply, 200, async (trx) => {
          const ws = req.principal!.workspaceId;
          const current = await findActivity(trx, ws, req.params.id);
          if (!current) throw AppError.notFound('Activity', req.params.id);
          if (current.type !== 'task') throw new AppError('conflict', `Only tasks can be marked done; this activity is a ${current.type}.`);
          await trx
            .updateTable('activities')
            .set(action === 'complete' ? { done_at: sql`coalesce(done_at, now())`, updated_at: sql`now()` } : { done_at: null, updated_at: sql`now()` })
            .where('workspace_id', '=', ws)
            .where('id', '=', req.params.id)
            .execute();
          return (await findActivity(trx, ws, req.params.id))!;
        }),
    });
  }

  /** Whose work the caller may see: their own, or anyone's for an admin. */
  async function resolveAssignee(principal: Principal, requested: string | undefined, handle: DbOrTrx): Promise<string> {
    const userId = requested ?? principal.userId;
    if (!userId) throw AppError.invalid('assigneeId', 'is required: this API key belongs to no user');
    if (userId !== principal.userId && principal.role !== 'admin') {
      throw new AppError('forbidden', "Only admins can see another member's work.");
    }
    // deactivated members included: an admin looks for their overdue tasks to hand them over
    const member = await handle
      .selectFrom('members')
      .select('user_id')
      .where('workspace_id', '=', principal.workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!member) throw AppError.invalid('assigneeId', 'no such user in this workspace');
    return userId;
  }

  function window(q: { tz: string; now?: string }) {
    if (!isTimeZone(q.tz)) throw AppError.invalid('tz', `"${q.tz}" is not a known time zone (use an IANA name such as Europe/Berlin)`);
    const now = q.now ? new Date(q.now) : new Date();
    return { now, ...dayBounds(now, q.tz) };
  }

  app.get('/api/v1/my-work', {
    schema: {
      tags,
      summary: 'Overdue, today and upcoming tasks and meetings of one member',
      description: "The caller's own work by default; admins may pass `assigneeId` to see another member's.",
      querystring: myWorkQuerySchema,
      response: { 200: myWorkSchema, ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const assigneeId = await resolveAssignee(req.principal!, req.query.assigneeId, db);
      return loadMyWork(db, req.principal!.workspaceId, assigneeId, window(req.query), req.query.limit);
    },
  });

  app.get('/api/v1/my-work/counts', {
    schema: {
      tags,
      summary: 'How many overdue, today and upcoming items one member has',
      description: 'The numbers of `GET /my-work` without the items (the navigation badge).',
      querystring: myWorkQuerySchema.omit({ limit: true }),
      response: { 200: myWorkCountsSchema, ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const assigneeId = await resolveAssignee(req.principal!, req.query.assigneeId, db);
      return (await loadMyWork(db, req.principal!.workspaceId, assigneeId, window(req.query), 0)).counts;
    },
  });
}
