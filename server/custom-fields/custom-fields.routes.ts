import { sql } from 'kysely';
import { z } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams, deletedSchema } from '../platform/openapi.ts';
import { runIdempotent } from '../platform/idempotency.ts';
import { enqueue } from '../platform/jobs.ts';
import {
  createCustomFieldSchema,
  customFieldObjects,
  customFieldSchema,
  updateCustomFieldSchema,
} from './custom-fields.schemas.ts';
import { findCustomField, listCustomFields, toCustomField } from './custom-fields.store.ts';
import { createCustomFieldIndex, stripCustomFieldValues, valuesStillBeingRemoved } from './custom-fields.jobs.ts';

const tags = ['Custom fields'];

function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 40);
  return key || 'field';
}

export function customFieldRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/custom-fields', {
    schema: {
      tags,
      summary: 'List custom field definitions',
      querystring: z.strictObject({ objectType: z.enum(customFieldObjects).optional() }),
      response: { 200: z.object({ data: z.array(customFieldSchema) }), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => ({ data: await listCustomFields(db, req.principal!.workspaceId, req.query.objectType) }),
  });

  app.get('/api/v1/custom-fields/:id', {
    schema: { tags, summary: 'Get a custom field definition', params: idParams, response: { 200: customFieldSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const field = await findCustomField(db, req.principal!.workspaceId, req.params.id);
      if (!field) throw AppError.notFound('Custom field', req.params.id);
      return field;
    },
  });

  app.post('/api/v1/custom-fields', {
    schema: {
      tags,
      summary: 'Define a custom field',
      description: 'Values are validated against the definition on every write, and are filterable and sortable as `customFields.<key>`.',
      body: createCustomFieldSchema,
      response: { 201: customFieldSchema, ...errors(409) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req, reply) => {
      const ws = req.principal!.workspaceId;
      const body = req.body;
      const key = body.key ?? keyFromLabel(body.label);
      const result = await runIdempotent(db, req, reply, 201, async (trx) => {
        if (await valuesStillBeingRemoved(trx, ws, body.objectType, key)) {
          throw new AppError(
            'conflict',
            `The values of a deleted ${body.objectType} field "${key}" are still being removed. Try again in a minute.`,
            [{ path: 'key', message: `"${key}" belonged to a deleted field whose values are still being removed` }],
          );
        }
        const row = await trx
          .insertInto('custom_field_definitions')
          .values({
            workspace_id: ws,
            object_type: body.objectType,
            key,
            label: body.label,
            type: body.type,
            options: JSON.stringify(body.options ?? []),
            required: body.required ?? false,
            description: body.description ?? null,
            // new fields go last unless placed
            position:
              body.position ??
              sql<number>`(SELECT coalesce(max(position) + 1, 0) FROM custom_field_definitions
                WHERE workspace_id = ${ws} AND object_type = ${body.objectType})`,
          })
          .onConflict((oc) => oc.columns(['workspace_id', 'object_type', 'key']).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!row) {
          throw AppError.invalid('key', `a ${body.objectType} field with key "${key}" already exists`, 'already_exists');
        }
        await enqueue(trx, createCustomFieldIndex, { objectType: body.objectType, key }, { workspaceId: null, dedupeKey: `${body.objectType}:${key}` });
        return toCustomField(row);
      });
      ctx.customFields.invalidate(ws);
      ctx.worker.poke();
      return result;
    },
  });

  app.patch('/api/v1/custom-fields/:id', {
    schema: { tags, summary: 'Update a custom field definition', params: idParams, body: updateCustomFieldSchema, response: { 200: customFieldSchema, ...errors(404) } },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const current = await findCustomField(db, ws, req.params.id);
      if (!current) throw AppError.notFound('Custom field', req.params.id);
      const body = req.body;
      if (body.options && current.type !== 'select' && current.type !== 'multi_select') {
        throw AppError.invalid('options', `a ${current.type} field has no options`);
      }
      if (body.options && new Set(body.options.map((o) => o.value)).size !== body.options.length) {
        throw AppError.invalid('options', 'option values must be unique');
      }
      if (body.options?.length === 0) throw AppError.invalid('options', 'a select field needs at least one option');
      const row = await db
        .updateTable('custom_field_definitions')
        .set({
          ...(body.label !== undefined && { label: body.label }),
          ...(body.options !== undefined && { options: JSON.stringify(body.options) }),
          ...(body.required !== undefined && { required: body.required }),
          ...(body.description !== undefined && { description: body.description }),
          ...(body.position !== undefined && { position: body.position }),
          updated_at: new Date(),
        })
        .where('workspace_id', '=', ws)
        .where('id', '=', req.params.id)
        .returningAll()
        .executeTakeFirst();
      // deleted between the read above and this write
      if (!row) throw AppError.notFound('Custom field', req.params.id);
      ctx.customFields.invalidate(ws);
      return toCustomField(row);
    },
  });

  app.delete('/api/v1/custom-fields/:id', {
    schema: {
      tags,
      summary: 'Delete a custom field definition',
      description: 'Stored values of the field are removed from every record in the background.',
      params: idParams,
      response: { 200: deletedSchema, ...errors(404) },
    },
    config: { permission: 'settings:manage' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .deleteFrom('custom_field_definitions')
          .where('workspace_id', '=', ws)
          .where('id', '=', req.params.id)
          .returning(['object_type', 'key'])
          .executeTakeFirst();
        if (!row) throw AppError.notFound('Custom field', req.params.id);
        await enqueue(trx, stripCustomFieldValues, { objectType: row.object_type, key: row.key }, { workspaceId: ws });
      });
      ctx.customFields.invalidate(ws);
      ctx.worker.poke();
      return { id: req.params.id, deleted: true as const };
    },
  });
}
