import type { Readable } from 'node:stream';
import { z } from 'zod';
import { sql } from 'kysely';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams } from '../platform/openapi.ts';
import { enqueue } from '../platform/jobs.ts';
import { rememberUpload, replayUpload } from '../platform/idempotency.ts';
import { sendCsv } from '../platform/csv-export.ts';
import { IMPORT_OBJECT_TYPES, dealValuesQuerySchema, dealValuesSchema, importSchema, startImportSchema } from './imports.schemas.ts';
import { createImport, describeImport, importCustomFields, validateMapping } from './create-import.ts';
import { prepareDealValueMapping, resolveImportPipeline, scanDealValues } from './deal-values.ts';
import { importTargets } from './suggest-mapping.ts';
import { runImport } from './imports.jobs.ts';

const tags = ['Imports'];

export function importRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  // CSV bodies stay a stream: the route writes them to disk as they arrive, whatever their size
  app.addContentTypeParser(['text/csv', 'application/csv', 'application/octet-stream'], (_req, payload, done) => done(null, payload));

  const load = async (workspaceId: string, id: string) => {
    const row = await db.selectFrom('imports').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    if (!row) throw AppError.notFound('Import', id);
    return row;
  };

  app.post('/api/v1/imports', {
    schema: {
      tags,
      summary: 'Upload a CSV file to import',
      description:
        'Send the file as the raw request body (`Content-Type: text/csv`), any size. The response shows the columns, ' +
        'the first rows and a suggested mapping (HubSpot and Salesforce export headers are recognised). Then call /start.',
      querystring: z.strictObject({
        objectType: z.enum(IMPORT_OBJECT_TYPES),
        fileName: z.string().min(1).max(255).default('import.csv'),
      }),
      response: { 201: importSchema, ...errors(415) },
    },
    bodyLimit: Number.MAX_SAFE_INTEGER,
    config: { permission: 'crm:write' },
    handler: async (req, reply) => {
      const body = req.body as Readable | undefined;
      if (!body || typeof (body as Readable).pipe !== 'function') {
        throw new AppError('unsupported_media_type', 'Send the CSV file as the request body with Content-Type: text/csv.');
      }
      if (await replayUpload(db, req, reply)) {
        body.resume(); // the retried upload's bytes are not needed
        return reply;
      }
      const { workspaceId, userId } = req.principal!;
      const id = await createImport(db, { workspaceId, userId, objectType: req.query.objectType, fileName: req.query.fileName, body, dataDir: ctx.config.dataDir });
      const created = await describeImport(db, await load(workspaceId, id));
      await rememberUpload(db, req, 201, created);
      reply.code(201);
      return created;
    },
  });

  app.get('/api/v1/imports', {
    schema: { tags, summary: 'Recent imports', response: { 200: z.object({ data: z.array(importSchema) }), ...errors() } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const rows = await db.selectFrom('imports').selectAll().where('workspace_id', '=', req.principal!.workspaceId).orderBy('created_at', 'desc').limit(50).execute();
      return { data: await Promise.all(rows.map((r) => describeImport(db, r))) };
    },
  });

  app.get('/api/v1/imports/:id', {
    schema: { tags, summary: 'An import and its progress', params: idParams, response: { 200: importSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => describeImport(db, await load(req.principal!.workspaceId, req.params.id)),
  });

  app.post('/api/v1/imports/:id/start', {
    schema: {
      tags,
      summary: 'Start an uploaded import with a column mapping',
      description:
        'Rows are upserted by email (contacts) or domain (accounts); blank cells leave stored values unchanged. ' +
        'Deals have no natural key: every valid row creates a deal, so importing the same file twice creates its deals twice. ' +
        'For deals, give the pipeline and the value mapping (see /values); owners mapped to "create" become inactive users.',
      params: idParams,
      body: startImportSchema,
      response: { 200: importSchema, ...errors(404, 409) },
    },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const row = await load(ws, req.params.id);
      if (row.status !== 'uploaded') throw new AppError('conflict', `This import is already ${row.status}.`);
      const fields = await importCustomFields(db, ws, row.object_type);
      validateMapping(row.object_type, row.headers, importTargets(row.object_type, fields), req.body.mapping);
      if (row.object_type !== 'deal' && (req.body.pipelineId || req.body.valueMapping)) {
        throw AppError.invalid('pipelineId', 'and valueMapping are for deal imports only');
      }
      await db.transaction().execute(async (trx) => {
        const deal =
          row.object_type === 'deal'
            ? {
                pipeline_id: await resolveImportPipeline(trx, ws, req.body.pipelineId),
                value_mapping: JSON.stringify(await prepareDealValueMapping(trx, ws, req.body.valueMapping)),
              }
            : {};
        await trx
          .updateTable('imports')
          .set({ status: 'queued', mapping: JSON.stringify(req.body.mapping), ...deal })
          .where('workspace_id', '=', ws)
          .where('id', '=', row.id)
          .execute();
        await enqueue(trx, runImport, { importId: row.id }, { workspaceId: ws, dedupeKey: row.id });
      });
      ctx.worker.poke();
      return describeImport(db, await load(ws, row.id));
    },
  });

  app.post('/api/v1/imports/:id/values', {
    schema: {
      tags,
      summary: 'Deal imports: list the stage names and owners of the file that match nothing',
      description:
        'Reads the whole file with the column mapping you mean to start with. Stage names are matched to the stages of each ' +
        "row's pipeline (case and punctuation ignored), owners to members by email or name. Say what the unknown ones stand " +
        'for in /start (`valueMapping`); rows with an unknown value left unmapped fail, naming it.',
      params: idParams,
      body: dealValuesQuerySchema,
      response: { 200: dealValuesSchema, ...errors(404, 409) },
    },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const row = await load(ws, req.params.id);
      if (row.object_type !== 'deal') throw new AppError('conflict', 'Values are checked for deal imports only.');
      if (row.status !== 'uploaded') throw new AppError('conflict', `This import is already ${row.status}.`);
      validateMapping(row.object_type, row.headers, importTargets(row.object_type, []), req.body.mapping);
      const pipelineId = await resolveImportPipeline(db, ws, req.body.pipelineId);
      return scanDealValues(db, ws, row.file_path, req.body.mapping, pipelineId);
    },
  });

  app.post('/api/v1/imports/:id/cancel', {
    schema: {
      tags,
      summary: 'Cancel an import',
      description: 'Rows already imported stay; the batch in progress is rolled back.',
      params: idParams,
      response: { 200: importSchema, ...errors(404, 409) },
    },
    config: { permission: 'crm:write' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const r = await db
        .updateTable('imports')
        .set({ status: 'cancelled', finished_at: sql`now()` })
        .where('workspace_id', '=', ws)
        .where('id', '=', req.params.id)
        .where('status', 'in', ['uploaded', 'queued', 'running'])
        .executeTakeFirst();
      const row = await load(ws, req.params.id);
      if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict', `This import is already ${row.status}.`);
      return describeImport(db, row);
    },
  });

  app.get('/api/v1/imports/:id/errors', {
    schema: {
      tags,
      summary: 'Download the rows that could not be imported, with their problems (CSV)',
      params: idParams,
      response: { 200: z.string().describe('text/csv'), ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req, reply) => {
      const ws = req.principal!.workspaceId;
      const imp = await load(ws, req.params.id);
      async function* pages() {
        let after = 0;
        for (;;) {
          const rows = await db
            .selectFrom('import_row_errors')
            .select(['row_number', 'errors', 'row'])
            .where('workspace_id', '=', ws)
            .where('import_id', '=', imp.id)
            .where('row_number', '>', after)
            .orderBy('row_number')
            .limit(2000)
            .execute();
          if (rows.length === 0) return;
          yield rows;
          after = rows[rows.length - 1].row_number;
        }
      }
      type ErrorRow = { row_number: number; errors: Array<{ path: string; message: string }>; row: Record<string, string> };
      return sendCsv<ErrorRow>(
        reply,
        `${imp.file_name.replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_')}-errors.csv`,
        [
          { header: 'row', value: (r) => r.row_number },
          { header: 'problems', value: (r) => r.errors.map((e) => `${e.path}: ${e.message}`).join('; ') },
          ...imp.headers.map((h) => ({ header: h, value: (r: ErrorRow) => r.row[h] })),
        ],
        pages(),
      );
    },
  });
}
