// Receives an uploaded CSV: streams it to disk (no size cap; nothing is held in memory), reads its
// header and first rows for the preview, and records the import with a suggested column mapping.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Db, DbOrTrx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { listCustomFields } from '../custom-fields/custom-fields.store.ts';
import { importTargets, suggestMapping } from './suggest-mapping.ts';
import type { Import } from './imports.schemas.ts';
import type { Selectable } from 'kysely';
import type { ImportObjectType, ImportsTable } from '../db-schema.ts';
import type { CustomField } from '../custom-fields/custom-fields.schemas.ts';

/** Custom fields a column can fill (deals have none). */
export async function importCustomFields(db: DbOrTrx, workspaceId: string, objectType: ImportObjectType): Promise<CustomField[]> {
  return objectType === 'deal' ? [] : listCustomFields(db, workspaceId, objectType);
}

const PREVIEW_ROWS = 5;

export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}

export async function readPreview(filePath: string): Promise<{ headers: string[]; rows: Array<Record<string, string>> }> {
  const parser = fs.createReadStream(filePath).pipe(
    parse({ bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, to_line: PREVIEW_ROWS + 1 }),
  );
  const lines: string[][] = [];
  for await (const line of parser as AsyncIterable<string[]>) lines.push(line);
  const headers = (lines[0] ?? []).map((h) => h.trim());
  if (headers.length === 0 || headers.every((h) => !h)) throw AppError.invalid('file', 'has no header row (the first line must name the columns)');
  const dup = headers.find((h, i) => h && headers.indexOf(h) !== i);
  if (dup) throw AppError.invalid('file', `has the column "${dup}" twice; rename one`);
  const rows = lines.slice(1).map((l) => Object.fromEntries(headers.map((h, i) => [h, l[i] ?? ''])));
  return { headers, rows };
}

export async function createImport(
  db: Db,
  opts: { workspaceId: string; userId: string | null; objectType: ImportObjectType; fileName: string; body: Readable; dataDir: string },
): Promise<string> {
  const dir = uploadsDir(opts.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const filePath = path.join(dir, `${crypto.randomUUID()}.csv`);
  try {
    await pipeline(opts.body, fs.createWriteStream(filePath));
    const size = fs.statSync(filePath).size;
    if (size === 0) throw AppError.invalid('file', 'is empty');
    const { headers } = await readPreview(filePath);
    const row = await db
      .insertInto('imports')
      .values({
        workspace_id: opts.workspaceId,
        object_type: opts.objectType,
        status: 'uploaded',
        file_name: opts.fileName.slice(0, 255),
        file_path: filePath,
        file_size: size,
        headers: JSON.stringify(headers),
        created_by: opts.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (err) {
    fs.rmSync(filePath, { force: true });
    throw err;
  }
}

export async function describeImport(db: DbOrTrx, row: Selectable<ImportsTable>): Promise<Import> {
  const fields = await importCustomFields(db, row.workspace_id, row.object_type);
  const preview = fs.existsSync(row.file_path) ? (await readPreview(row.file_path)).rows : [];
  const done = row.status === 'completed';
  return {
    id: row.id,
    objectType: row.object_type,
    status: row.status,
    fileName: row.file_name,
    fileSize: row.file_size,
    headers: row.headers,
    mapping: row.mapping,
    pipelineId: row.pipeline_id,
    valueMapping: row.value_mapping,
    suggestedMapping: suggestMapping(row.object_type, row.headers, fields),
    targets: importTargets(row.object_type, fields),
    preview,
    progress: done ? 1 : row.file_size > 0 ? Math.min(1, row.processed_bytes / row.file_size) : 0,
    processedRows: row.processed_rows,
    totalRows: row.total_rows,
    created: row.created_count,
    updated: row.updated_count,
    failed: row.failed_count,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Checks a mapping names real columns and real fields, each field at most once, and the match key. */
export function validateMapping(objectType: ImportObjectType, headers: string[], targets: string[], mapping: Record<string, string>) {
  const errors: Array<{ path: string; message: string }> = [];
  const seen = new Map<string, string>();
  for (const [header, target] of Object.entries(mapping)) {
    if (!headers.includes(header)) errors.push({ path: `mapping.${header}`, message: 'is not a column of the file' });
    if (!target) continue;
    if (!targets.includes(target)) errors.push({ path: `mapping.${header}`, message: `"${target}" is not a field you can import into` });
    if (seen.has(target)) errors.push({ path: `mapping.${header}`, message: `"${target}" is already mapped from "${seen.get(target)}"` });
    seen.set(target, header);
  }
  const values = Object.values(mapping);
  if (objectType === 'contact' && !values.some((v) => ['email', 'firstName', 'lastName'].includes(v))) {
    errors.push({ path: 'mapping', message: 'map a column to email (to match existing contacts) or at least to a name' });
  }
  if (objectType === 'account' && !values.some((v) => v === 'domain' || v === 'name')) {
    errors.push({ path: 'mapping', message: 'map a column to domain (to match existing accounts) or at least to name' });
  }
  if (objectType === 'deal' && !values.includes('name')) {
    errors.push({ path: 'mapping', message: 'map a column to name: every deal needs one' });
  }
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
}
