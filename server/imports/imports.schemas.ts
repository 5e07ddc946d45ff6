import { z } from 'zod';

export const IMPORT_OBJECT_TYPES = ['contact', 'account', 'deal'] as const;

const valueMappingSchema = z
  .object({
    stages: z.record(z.string(), z.string()).describe('CSV stage name (lowercased) → stage id.'),
    owners: z.record(z.string(), z.string()).describe('CSV owner (lowercased) → user id, or "unassigned".'),
  })
  .meta({ id: 'ImportValueMapping' });

export const importSchema = z
  .object({
    id: z.uuid(),
    objectType: z.enum(IMPORT_OBJECT_TYPES),
    status: z.enum(['uploaded', 'queued', 'running', 'completed', 'failed', 'cancelled']),
    fileName: z.string(),
    fileSize: z.number().int(),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string()).nullable().describe('CSV header → Tandem field ("" = skip the column).'),
    pipelineId: z.uuid().nullable().describe('Deal imports: the pipeline of rows without a pipeline column.'),
    valueMapping: valueMappingSchema.nullable().describe('Deal imports: what CSV stages and owners that matched nothing stand for.'),
    suggestedMapping: z.record(z.string(), z.string()),
    targets: z.array(z.string()).describe('Fields a column can be mapped to.'),
    preview: z.array(z.record(z.string(), z.string())).describe('The first rows of the file.'),
    progress: z.number().min(0).max(1),
    processedRows: z.number().int(),
    totalRows: z.number().int().nullable(),
    created: z.number().int(),
    updated: z.number().int(),
    failed: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'Import' });

const csvValues = z.record(z.string().max(500), z.string());

export const startImportSchema = z.strictObject({
  mapping: z.record(z.string(), z.string()).describe('CSV header → Tandem field, "" to skip a column.'),
  pipelineId: z.uuid({ message: 'must be a valid pipeline id' }).optional().describe('Deal imports: the pipeline of rows without a pipeline column (default: the default pipeline).'),
  valueMapping: z
    .strictObject({
      stages: csvValues.default({}).describe('CSV stage name → stage id, for names that are not stages of the row’s pipeline.'),
      owners: csvValues
        .default({})
        .describe('CSV owner → user id of a member, "create" (a new inactive user of that name or email) or "unassigned".'),
    })
    .optional()
    .describe('Deal imports: what CSV values that matched nothing stand for (see POST /imports/{id}/values). Keys match case-insensitively.'),
});

export const dealValuesQuerySchema = z.strictObject({
  mapping: z.record(z.string(), z.string()).describe('The column mapping you mean to start with.'),
  pipelineId: z.uuid({ message: 'must be a valid pipeline id' }).optional().describe('Default: the default pipeline.'),
});

const unknownValue = z.object({ value: z.string(), rows: z.number().int().describe('Rows holding it.') });

export const dealValuesSchema = z
  .object({
    pipelineId: z.uuid().describe('The pipeline rows without a pipeline column go to.'),
    rows: z.number().int().describe('Rows read.'),
    unknownStages: z.array(unknownValue.extend({ pipelineId: z.uuid().describe('The pipeline it was looked for in.') })),
    unknownOwners: z.array(unknownValue),
    unknownPipelines: z.array(unknownValue).describe('Pipeline names that match no pipeline: those rows will fail.'),
    truncated: z.boolean().describe('More than 1,000 distinct unknown values in a column: only the first are listed.'),
  })
  .meta({ id: 'ImportDealValues' });

export type Import = z.output<typeof importSchema>;
export type StartImport = z.output<typeof startImportSchema>;
export type DealValues = z.output<typeof dealValuesSchema>;
