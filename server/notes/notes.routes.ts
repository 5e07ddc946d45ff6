import { sql } from 'kysely';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams, listEnvelope, deletedSchema } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import { checkReferences } from '../platform/references.ts';
import { createNoteSchema, noteSchema, updateNoteSchema } from './notes.schemas.ts';
import { findNote, listNotes, noteListSpec } from './notes.store.ts';

const tags = ['Notes'];

export function noteRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/notes', {
    schema: {
      tags,
      summary: 'List notes',
      description: 'Usually filtered to one record: `filter[contactId]=…` or `filter[accountId]=…`. Newest first.',
      querystring: listQuerySchema.omit({ q: true, includeTotal: true }),
      response: { 200: listEnvelope(noteSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => listNotes(db, req.principal!.workspaceId, compileList(noteListSpec, { ...req.query, includeTotal: false }, [])),
  });

  app.get('/api/v1/notes/:id', {
    schema: { tags, summary: 'Get a note', params: idParams, response: { 200: noteSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const note = await findNote(db, req.principal!.workspaceId, req.params.id);
      if (!note) throw AppError.notFound('Note', req.params.id);
      return note;
    },
  });

  app.post('/api/v1/notes', {
    schema: { tags, summary: 'Add a note to a contact, an account or a deal', body: createNoteSchema, response: { 201: noteSchema, ...errors() } },
    config: { permission: 'crm:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 201, async (trx) => {
        const { workspaceId, userId } = req.principal!;
        const problems = await checkReferences(trx, workspaceId, {
          contactIds: [{ path: 'contactId', id: req.body.contactId }],
          accountIds: [{ path: 'accountId', id: req.body.accountId }],
        });
        if (req.body.dealId) {
          const deal = await trx.selectFrom('deals').select('id').where('workspace_id', '=', workspaceId).where('id', '=', req.body.dealId).where('deleted_at', 'is', null).executeTakeFirst();
          if (!deal) problems.push({ path: 'dealId', message: 'no such deal in this workspace' });
        }
        if (problems.length) throw new AppError('validation_failed', problems.map((p) => `${p.path} ${p.message}`).join('; '), problems);
        const author = userId
          ? await trx.selectFrom('members').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst()
          : undefined;
        const row = await trx
          .insertInto('notes')
          .values({
            workspace_id: workspaceId,
            contact_id: req.body.contactId ?? null,
            account_id: req.body.accountId ?? null,
            deal_id: req.body.dealId ?? null,
            body: req.body.body,
            author_id: author?.user_id ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return (await findNote(trx, workspaceId, row.id))!;
      }),
  });

  app.patch('/api/v1/notes/:id', {
    schema: { tags, summary: 'Edit a note', params: idParams, body: updateNoteSchema, response: { 200: noteSchema, ...errors(404) } },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const r = await db
        .updateTable('notes')
        .set({ body: req.body.body, updated_at: sql`now()` })
        .where('workspace_id', '=', ws)
        .where('id', '=', req.params.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw AppError.notFound('Note', req.params.id);
      return (await findNote(db, ws, req.params.id))!;
    },
  });

  app.delete('/api/v1/notes/:id', {
    schema: { tags, summary: 'Delete a note', params: idParams, response: { 200: deletedSchema, ...errors(404) } },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const r = await db
        .updateTable('notes')
        .set({ deleted_at: sql`now()` })
        .where('workspace_id', '=', req.principal!.workspaceId)
        .where('id', '=', req.params.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw AppError.notFound('Note', req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  });

  app.post('/api/v1/notes/:id/restore', {
    schema: { tags, summary: 'Restore a deleted note (the undo of DELETE)', params: idParams, response: { 200: noteSchema, ...errors(404) } },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      await db.updateTable('notes').set({ deleted_at: null }).where('workspace_id', '=', ws).where('id', '=', req.params.id).execute();
      const note = await findNote(db, ws, req.params.id);
      if (!note) throw AppError.notFound('Note', req.params.id);
      return note;
    },
  });
}
