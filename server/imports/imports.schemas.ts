import { z } from 'zod';

export const importSchema = z
  .object({
    id: z.uuid(),
    objectType: z.enum(['contact', 'account']),
    status: z.enum(['uploaded', 'queued', 'running', 'completed', 'failed', 'cancelled']),
    fileName: z.string(),
    fileSize: z.number().int(),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string()).nullable().describe('CSV header → Tandem field ("" = skip the column).'),
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

export const startImportSchema = z.strictObject({
  mapping: z.record(z.string(), z.string()).describe('CSV header → Tandem field, "" to skip a column.'),
});

export type Import = z.output<typeof importSchema>;
