// API keys: shown once at creation, stored as SHA-256, revocable, with a last-used time.
import { z } from 'zod';
import { sql } from 'kysely';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { roleSchema } from '../users/users.schemas.ts';
import { createApiKey } from './create-api-key.ts';

const tags = ['API keys'];

export const apiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: roleSchema,
    prefix: z.string().describe('The first characters of the key, to recognise it.'),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  })
  .meta({ id: 'ApiKey' });

export function apiKeyRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;
  const toApiKey = (r: { id: string; name: string; role: z.infer<typeof roleSchema>; prefix: string; created_by: string | null; created_at: Date; last_used_at: Date | null; revoked_at: Date | null }) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    prefix: r.prefix,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  });

  app.get('/api/v1/api-keys', {
    schema: { tags, summary: 'List API keys', response: { 200: z.object({ data: z.array(apiKeySchema) }), ...errors() } },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const rows = await db.selectFrom('api_keys').selectAll().where('workspace_id', '=', req.principal!.workspaceId).orderBy(sql`revoked_at IS NOT NULL`).orderBy('created_at', 'desc').execute();
      return { data: rows.map(toApiKey) };
    },
  });

  app.get('/api/v1/api-keys/:id', {
    schema: { tags, summary: 'Get an API key (without its secret)', params: idParams, response: { 200: apiKeySchema, ...errors(404) } },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const row = await db.selectFrom('api_keys').selectAll().where('workspace_id', '=', req.principal!.workspaceId).where('id', '=', req.params.id).executeTakeFirst();
      if (!row) throw AppError.notFound('API key', req.params.id);
      return toApiKey(row);
    },
  });

  app.post('/api/v1/api-keys', {
    schema: {
      tags,
      summary: 'Create an API key',
      description: 'The response carries `key`, the secret; it is shown this once and cannot be read again.',
      body: z.strictObject({ name: z.string().trim().min(1, 'must not be empty').max(100), role: roleSchema.default('admin') }),
      response: { 201: apiKeySchema.extend({ key: z.string() }), ...errors() },
    },
    config: { permission: 'settings:manage' },
    handler: async (req, reply) =>
      runIdempotent(db, req, reply, 201, async (trx) => {
        const { workspaceId, userId } = req.principal!;
        const { row, key } = await createApiKey(trx, workspaceId, { name: req.body.name, role: req.body.role, createdBy: userId });
        return { ...toApiKey(row), key };
      }),
  });

  app.delete('/api/v1/api-keys/:id', {
    schema: { tags, summary: 'Revoke an API key', params: idParams, response: { 200: apiKeySchema, ...errors(404) } },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const row = await db
        .updateTable('api_keys')
        .set({ revoked_at: sql`coalesce(revoked_at, now())` })
        .where('workspace_id', '=', req.principal!.workspaceId)
        .where('id', '=', req.params.id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw AppError.notFound('API key', req.params.id);
      ctx.principals.forget(row.id);
      return toApiKey(row);
    },
  });
}
