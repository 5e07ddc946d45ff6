import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams, listEnvelope, deletedSchema } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { compileList, listQuerySchema, type ListQuery } from '../platform/list-query.ts';
import { allPages, sendCsv } from '../platform/csv-export.ts';
import {
  batchUpsertContactsSchema,
  batchUpsertResultSchema,
  bulkContactsResultSchema,
  bulkContactsSchema,
  contactSchema,
  createContactSchema,
  updateContactSchema,
  type Contact,
} from './contacts.schemas.ts';
import { contactListSpec, countContacts, findContact, listContacts, listContactsAsJson, softDeleteContacts } from './contacts.store.ts';
import { sendJsonPage } from '../platform/json-page.ts';
import { batchUpsertContacts, createContact, updateContact } from './write-contacts.ts';
import { bulkUpdateContacts } from './bulk-contacts.ts';

const tags = ['Contacts'];

export function contactRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  /** Not found; for a contact merged into another, the problem names the survivor (`mergedIntoId`). */
  async function contactNotFound(workspaceId: string, id: string): Promise<AppError> {
    const row = await db.selectFrom('contacts').select('merged_into_id').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row?.merged_into_id) return AppError.notFound('Contact', id);
    const error = new AppError('not_found', `Contact ${id} was merged into contact ${row.merged_into_id}.`);
    error.extensions.mergedIntoId = row.merged_into_id;
    return error;
  }

  async function page(workspaceId: string, query: ListQuery, reply: FastifyReply): Promise<void> {
    const fields = await ctx.customFields.get(db, workspaceId, 'contact');
    const list = compileList(contactListSpec, query, fields);
    const result = await listContactsAsJson(db, workspaceId, list);
    sendJsonPage(reply, result, query.includeTotal ? await countContacts(db, workspaceId, list) : undefined);
  }

  app.get('/api/v1/contacts', {
    schema: {
      tags,
      summary: 'List contacts',
      description:
        'Sort by any field (`sort=-createdAt`, `sort=customFields.plan`), filter with `filter[field]` or ' +
        '`filter[field][op]`, search with `q`. Page with `cursor`.',
      querystring: listQuerySchema,
      response: { 200: listEnvelope(contactSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req, reply) => {
      await page(req.principal!.workspaceId, req.query, reply);
    },
  });

  app.get('/api/v1/contacts/tags', {
    schema: {
      tags,
      summary: 'Tags in use, most used first',
      description: 'For tag pickers and filters; `q` keeps tags that start with it.',
      querystring: z.strictObject({ q: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: z.object({ data: z.array(z.object({ tag: z.string(), count: z.number().int() })) }), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const prefix = req.query.q ? `${req.query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%';
      const { rows } = await sql<{ tag: string; count: number }>`
        SELECT t AS tag, count(*)::int AS count FROM contacts c, unnest(c.tags) t
        WHERE c.workspace_id = ${req.principal!.workspaceId} AND c.deleted_at IS NULL AND t ILIKE ${prefix}
        GROUP BY t ORDER BY count(*) DESC, t LIMIT ${req.query.limit}`.execute(db);
      return { data: rows };
    },
  });

  app.get('/api/v1/contacts/export', {
    schema: {
      tags,
      summary: 'Export contacts as CSV',
      description: 'Takes the same `sort`, `filter` and `q` as the list and streams every match.',
      querystring: listQuerySchema.omit({ limit: true, cursor: true, includeTotal: true }),
      response: { 200: z.string().describe('text/csv'), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req, reply) => {
      const ws = req.principal!.workspaceId;
      const fields = await ctx.customFields.get(db, ws, 'contact');
      // validate before streaming starts, so a bad filter is a 400 rather than a broken download
      compileList(contactListSpec, { ...req.query, limit: 1, includeTotal: false }, fields);
      const pages = allPages((cursor) =>
        listContacts(db, ws, compileList(contactListSpec, { ...req.query, limit: 1000, cursor, includeTotal: false }, fields)),
      );
      return sendCsv<Contact>(reply, 'contacts.csv', [
        { header: 'id', value: (c) => c.id },
        { header: 'email', value: (c) => c.email },
        { header: 'first_name', value: (c) => c.firstName },
        { header: 'last_name', value: (c) => c.lastName },
        { header: 'phone', value: (c) => c.phone },
        { header: 'title', value: (c) => c.title },
        { header: 'account_id', value: (c) => c.accountId },
        { header: 'account_name', value: (c) => c.account?.name },
        { header: 'account_domain', value: (c) => c.account?.domain },
        { header: 'owner_id', value: (c) => c.ownerId },
        { header: 'lifecycle_stage', value: (c) => c.lifecycleStage },
        { header: 'tags', value: (c) => c.tags },
        ...fields.map((f) => ({ header: f.key, value: (c: Contact) => c.customFields[f.key] })),
        { header: 'created_at', value: (c) => c.createdAt },
        { header: 'updated_at', value: (c) => c.updatedAt },
      ], pages);
    },
  });

  app.get('/api/v1/contacts/:id', {
    schema: {
      tags,
      summary: 'Get a contact',
      description: 'A contact merged into another answers 404 with `mergedIntoId`, the contact that absorbed it.',
      params: idParams,
      response: { 200: contactSchema, ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const contact = await findContact(db, req.principal!.workspaceId, req.params.id);
      if (!contact) throw await contactNotFound(req.principal!.workspaceId, req.params.id);
      return contact;
    },
  });

  app.post('/api/v1/contacts', {
    schema: {
      tags,
      summary: 'Create a contact',
      description: 'A contact whose email is at a company domain is linked to the account with that domain.',
      body: createContactSchema,
      response: { 201: contactSchema, ...errors(409) },
    },
    config: { permission: 'crm:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 201, (trx) => createContact(trx, req.principal!.workspaceId, req.body)),
  });

  app.patch('/api/v1/contacts/:id', {
    schema: { tags, summary: 'Update a contact', params: idParams, body: updateContactSchema, response: { 200: contactSchema, ...errors(404, 409) } },
    config: { permission: 'crm:write' },
    handler: async (req) =>
      db.transaction().execute((trx) => updateContact(trx, req.principal!.workspaceId, req.params.id, req.body)),
  });

  app.delete('/api/v1/contacts/:id', {
    schema: {
      tags,
      summary: 'Delete a contact',
      description: 'Moves the contact to the trash; `POST /contacts/bulk` with `action: restore` brings it back.',
      params: idParams,
      response: { 200: deletedSchema, ...errors(404) },
    },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const n = await softDeleteContacts(db, req.principal!.workspaceId, [req.params.id]);
      if (n === 0) throw AppError.notFound('Contact', req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  });

  app.post('/api/v1/contacts/batch/upsert', {
    schema: {
      tags,
      summary: 'Create or update up to 1,000 contacts by email',
      description:
        'Each record is matched by email: new emails create contacts, known ones update only the fields given. ' +
        'If any record is invalid, nothing is written and every problem is listed in `errors`.',
      body: batchUpsertContactsSchema,
      response: { 200: batchUpsertResultSchema, ...errors(413) },
    },
    bodyLimit: 10 * 1024 * 1024,
    config: { permission: 'crm:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 200, async (trx) => {
        const data = await batchUpsertContacts(trx, req.principal!.workspaceId, req.body.records);
        return {
          data,
          created: data.filter((d) => d.status === 'created').length,
          updated: data.filter((d) => d.status === 'updated').length,
        };
      }),
  });

  app.post('/api/v1/contacts/bulk', {
    schema: {
      tags,
      summary: 'Tag, untag, delete or restore many contacts',
      description: 'Acts on the given `ids`, or on every contact matching `where` (the list filters).',
      body: bulkContactsSchema,
      response: { 200: bulkContactsResultSchema, ...errors() },
    },
    config: { permission: 'crm:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 200, async (trx) => {
        const ws = req.principal!.workspaceId;
        const fields = await ctx.customFields.get(trx, ws, 'contact');
        const where = req.body.where
          ? compileList(contactListSpec, { ...req.body.where, limit: 1, includeTotal: false }, fields).where
          : undefined;
        return bulkUpdateContacts(trx, ws, { ...req.body, where });
      }),
  });

  // restoring one contact from its page after "Delete" (the undo in the web app uses bulk restore)
  app.post('/api/v1/contacts/:id/restore', {
    schema: { tags, summary: 'Restore a deleted contact', params: idParams, response: { 200: contactSchema, ...errors(404, 409) } },
    config: { permission: 'crm:write' },
    handler: async (req) =>
      db.transaction().execute(async (trx) => {
        const ws = req.principal!.workspaceId;
        const { affected } = await bulkUpdateContacts(trx, ws, { action: 'restore', ids: [req.params.id] });
        if (affected === 0) {
          const row = await trx.selectFrom('contacts').select(['deleted_at', 'email', 'merged_into_id']).where('workspace_id', '=', ws).where('id', '=', req.params.id).executeTakeFirst();
          if (!row) throw AppError.notFound('Contact', req.params.id);
          if (row.merged_into_id) {
            throw new AppError('conflict', `This contact was merged into contact ${row.merged_into_id}, which holds its history; it cannot be restored.`);
          }
          if (row.deleted_at) throw AppError.invalid('email', `is now used by another contact (${row.email})`, 'conflict');
        }
        return (await findContact(trx, ws, req.params.id))!;
      }),
  });

}
