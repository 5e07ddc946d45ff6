import { z } from 'zod';
import { sql } from 'kysely';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams, listEnvelope, deletedSchema } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { compileList, listQuerySchema, type ListQuery } from '../platform/list-query.ts';
import { allPages, sendCsv } from '../platform/csv-export.ts';
import {
  accountSchema,
  batchUpsertAccountsResultSchema,
  batchUpsertAccountsSchema,
  createAccountSchema,
  updateAccountSchema,
  type Account,
} from './accounts.schemas.ts';
import { accountListSpec, countAccounts, findAccount, listAccounts } from './accounts.store.ts';
import { batchUpsertAccounts, createAccount, updateAccount } from './write-accounts.ts';

const tags = ['Accounts'];

export function accountRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  async function page(workspaceId: string, query: ListQuery) {
    const fields = await ctx.customFields.get(db, workspaceId, 'account');
    const list = compileList(accountListSpec, query, fields);
    const result = await listAccounts(db, workspaceId, list);
    return query.includeTotal ? { ...result, totalCount: await countAccounts(db, workspaceId, list) } : result;
  }

  app.get('/api/v1/accounts', {
    schema: {
      tags,
      summary: 'List accounts',
      description: 'Sort, filter (`filter[industry]=Software`, `filter[employeeCount][gte]=100`), search `q` over name and domain.',
      querystring: listQuerySchema,
      response: { 200: listEnvelope(accountSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => page(req.principal!.workspaceId, req.query),
  });

  app.get('/api/v1/accounts/export', {
    schema: {
      tags,
      summary: 'Export accounts as CSV',
      querystring: listQuerySchema.omit({ limit: true, cursor: true, includeTotal: true }),
      response: { 200: z.string().describe('text/csv'), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req, reply) => {
      const ws = req.principal!.workspaceId;
      const fields = await ctx.customFields.get(db, ws, 'account');
      compileList(accountListSpec, { ...req.query, limit: 1, includeTotal: false }, fields);
      const pages = allPages((cursor) =>
        listAccounts(db, ws, compileList(accountListSpec, { ...req.query, limit: 1000, cursor, includeTotal: false }, fields)),
      );
      return sendCsv<Account>(reply, 'accounts.csv', [
        { header: 'id', value: (a) => a.id },
        { header: 'name', value: (a) => a.name },
        { header: 'domain', value: (a) => a.domain },
        { header: 'industry', value: (a) => a.industry },
        { header: 'employee_count', value: (a) => a.employeeCount },
        { header: 'annual_revenue', value: (a) => a.annualRevenue },
        { header: 'country', value: (a) => a.country },
        { header: 'owner_id', value: (a) => a.ownerId },
        { header: 'contact_count', value: (a) => a.contactCount },
        ...fields.map((f) => ({ header: f.key, value: (a: Account) => a.customFields[f.key] })),
        { header: 'created_at', value: (a) => a.createdAt },
        { header: 'updated_at', value: (a) => a.updatedAt },
      ], pages);
    },
  });

  app.get('/api/v1/accounts/:id', {
    schema: { tags, summary: 'Get an account', params: idParams, response: { 200: accountSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const account = await findAccount(db, req.principal!.workspaceId, req.params.id);
      if (!account) throw AppError.notFound('Account', req.params.id);
      return account;
    },
  });

  app.post('/api/v1/accounts', {
    schema: {
      tags,
      summary: 'Create an account',
      description: 'Contacts without an account whose email is at the account\'s domain are linked to it.',
      body: createAccountSchema,
      response: { 201: accountSchema, ...errors(409) },
    },
    config: { permission: 'crm:write' },
    handler: async (req, reply) => runIdempotent(db, req, reply, 201, (trx) => createAccount(trx, req.principal!.workspaceId, req.body)),
  });

  app.patch('/api/v1/accounts/:id', {
    schema: { tags, summary: 'Update an account', params: idParams, body: updateAccountSchema, response: { 200: accountSchema, ...errors(404, 409) } },
    config: { permission: 'crm:write' },
    handler: async (req) => db.transaction().execute((trx) => updateAccount(trx, req.principal!.workspaceId, req.params.id, req.body)),
  });

  app.delete('/api/v1/accounts/:id', {
    schema: {
      tags,
      summary: 'Delete an account',
      description: 'Moves the account to the trash (restorable with POST /accounts/{id}/restore); its contacts stay.',
      params: idParams,
      response: { 200: deletedSchema, ...errors(404) },
    },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const r = await db
        .updateTable('accounts')
        .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
        .where('workspace_id', '=', req.principal!.workspaceId)
        .where('id', '=', req.params.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw AppError.notFound('Account', req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  });

  app.post('/api/v1/accounts/:id/restore', {
    schema: { tags, summary: 'Restore a deleted account', params: idParams, response: { 200: accountSchema, ...errors(404, 409) } },
    config: { permission: 'crm:write' },
    handler: async (req) =>
      db.transaction().execute(async (trx) => {
        const ws = req.principal!.workspaceId;
        const row = await trx.selectFrom('accounts').select(['domain', 'deleted_at']).where('workspace_id', '=', ws).where('id', '=', req.params.id).executeTakeFirst();
        if (!row) throw AppError.notFound('Account', req.params.id);
        if (row.deleted_at) {
          if (row.domain) {
            const taken = await trx.selectFrom('accounts').select('id').where('workspace_id', '=', ws).where('domain', '=', row.domain).where('deleted_at', 'is', null).executeTakeFirst();
            if (taken) throw AppError.invalid('domain', `is now used by account ${taken.id}`, 'conflict');
          }
          await trx.updateTable('accounts').set({ deleted_at: null, updated_at: sql`now()` }).where('workspace_id', '=', ws).where('id', '=', req.params.id).execute();
        }
        return (await findAccount(trx, ws, req.params.id))!;
      }),
  });

  app.post('/api/v1/accounts/batch/upsert', {
    schema: {
      tags,
      summary: 'Create or update up to 1,000 accounts by domain',
      description: 'Matched by normalised domain; only given fields are written. Any invalid record rejects the batch.',
      body: batchUpsertAccountsSchema,
      response: { 200: batchUpsertAccountsResultSchema, ...errors(413) },
    },
    bodyLimit: 10 * 1024 * 1024,
    config: { permission: 'crm:write' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 200, async (trx) => {
        const data = await batchUpsertAccounts(trx, req.principal!.workspaceId, req.body.records);
        return { data, created: data.filter((d) => d.status === 'created').length, updated: data.filter((d) => d.status === 'updated').length };
      }),
  });
}
