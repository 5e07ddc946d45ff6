// Runs a CSV import: streams the file (any size), maps and validates each row, upserts valid rows in
// set-based batches, and records the others with their problems for the error report. Each batch
// commits together with the import's progress counters, so a crashed import resumes exactly where it
// stopped, with nothing applied twice. Used by the job queue (web imports) and `tandem import`.
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { sql } from 'kysely';
import type { Db, Trx } from '../platform/db.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { listCustomFields } from '../custom-fields/custom-fields.store.ts';
import { upsertContacts } from '../contacts/upsert-contacts.ts';
import { upsertAccounts } from '../accounts/upsert-accounts.ts';
import { ensureAccountsByDomain, ensureAccountsByName } from '../accounts/ensure-accounts.ts';
import { TableStatistics } from './table-statistics.ts';
import { mapAccountRow, mapContactRow, type MappedAccount, type MappedContact, type RowContext } from './map-row.ts';
import { loadDealRowContext, writeDealRows } from './write-deals.ts';
import type { DealRowContext } from './map-deal-row.ts';

export const IMPORT_BATCH_SIZE = 5000;
/** Deals are written one by one (through createDeal), so their batches are smaller: progress stays live. */
export const DEAL_BATCH_SIZE = 500;

export interface ImportProgress {
  processedRows: number;
  processedBytes: number;
  fileSize: number;
  created: number;
  updated: number;
  failed: number;
}

interface Batch {
  rows: Array<Record<string, string>>;
  firstRowNumber: number;
  bytes: number;
}

export async function loadRowContext(db: Db, workspaceId: string, objectType: 'contact' | 'account', mapping: Record<string, string>): Promise<RowContext> {
  const customFields = await listCustomFields(db, workspaceId, objectType);
  const members = await db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name'])
    .where('m.workspace_id', '=', workspaceId)
    .execute();
  const users = new Map<string, string>();
  for (const m of members) {
    users.set(m.email.toLowerCase(), m.id);
    if (!users.has(m.name.toLowerCase())) users.set(m.name.toLowerCase(), m.id);
  }
  return { mapping, customFields, users };
}

export async function runImport(
  db: Db,
  workspaceId: string,
  importId: string,
  hooks: { onProgress?(p: ImportProgress): void; heartbeat?(): Promise<void> } = {},
): Promise<ImportProgress | undefined> {
  const imp = await db.selectFrom('imports').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', importId).executeTakeFirst();
  if (!imp) throw AppError.notFound('Import', importId);
  if (imp.status === 'completed' || imp.status === 'cancelled' || imp.status === 'failed') return undefined;
  if (!imp.mapping) throw new AppError('validation_failed', 'The import has no column mapping yet.');
  await db
    .updateTable('imports')
    .set({ status: 'running', started_at: sql`coalesce(started_at, now())` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', importId)
    .execute();

  const mapping = imp.mapping;
  let ctx: RowContext | DealRowContext;
  if (imp.object_type === 'deal') {
    if (!imp.pipeline_id) throw new AppError('validation_failed', 'The deal import has no pipeline yet.');
    ctx = await loadDealRowContext(db, workspaceId, { mapping, pipelineId: imp.pipeline_id, valueMapping: imp.value_mapping });
  } else {
    ctx = await loadRowContext(db, workspaceId, imp.object_type, mapping);
  }
  const batchSize = imp.object_type === 'deal' ? DEAL_BATCH_SIZE : IMPORT_BATCH_SIZE;
  const progress: ImportProgress = {
    processedRows: imp.processed_rows,
    processedBytes: imp.processed_bytes,
    fileSize: imp.file_size,
    created: imp.created_count,
    updated: imp.updated_count,
    failed: imp.failed_count,
  };
  const skip = imp.processed_rows;

  const parser = fs.createReadStream(imp.file_path).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, info: true }),
  );

  let batch: Batch = { rows: [], firstRowNumber: skip + 2, bytes: 0 };
  let index = 0;
  let pending: Promise<void> | undefined;
  const statistics = new TableStatistics(db, imp.object_type === 'contact' ? 'contacts' : imp.object_type === 'account' ? 'accounts' : 'deals');
  await statistics.start();
  let cancelled = false;
  let failure: unknown;

  const write = async (b: Batch) => {
    let done;
    try {
      done = await db.transaction().execute((trx) => applyBatch(trx, workspaceId, importId, imp.object_type, b, ctx));
    } catch (err) {
      if (err instanceof CancelledImport) cancelled = true;
      else failure = err;
      return;
    }
    progress.processedRows += b.rows.length;
    progress.processedBytes = b.bytes;
    progress.created += done.created;
    progress.updated += done.updated;
    progress.failed += done.failed;
    hooks.onProgress?.(progress);
    await statistics.afterWrite(done.created);
    await hooks.heartbeat?.();
  };

  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { bytes: number } }>) {
    if (index++ < skip) continue;
    batch.rows.push(record);
    batch.bytes = info.bytes;
    if (batch.rows.length >= batchSize) {
      // parse the next batch while this one is written (write() never rejects; it records failure)
      await pending;
      if (cancelled || failure) break;
      pending = write(batch);
      batch = { rows: [], firstRowNumber: index + 2, bytes: 0 };
    }
  }
  await pending;
  if (!cancelled && !failure && batch.rows.length > 0) {
    batch.bytes = imp.file_size;
    await write(batch);
  }
  if (failure) throw failure;
  if (cancelled) return progress;
  await statistics.refresh();

  await db
    .updateTable('imports')
    .set({ status: 'completed', total_rows: progress.processedRows, processed_bytes: imp.file_size, finished_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', importId)
    .where('status', '=', 'running')
    .execute();
  progress.processedBytes = imp.file_size;
  hooks.onProgress?.(progress);
  return progress;
}

/** Throws CancelledImport when the import was cancelled meanwhile (the batch is rolled back). */
async function applyBatch(
  trx: Trx,
  workspaceId: string,
  importId: string,
  objectType: 'contact' | 'account' | 'deal',
  batch: Batch,
  context: RowContext | DealRowContext,
): Promise<{ created: number; updated: number; failed: number }> {
  const failures: Array<{ row: number; errors: FieldError[]; raw: Record<string, string> }> = [];
  let outcomes: Array<{ status: 'created' | 'updated' }> = [];
  const ctx = context as RowContext;

  if (objectType === 'deal') {
    const done = await writeDealRows(trx, workspaceId, batch.rows, context as DealRowContext);
    for (const f of done.failures) failures.push({ row: batch.firstRowNumber + f.index, errors: f.errors, raw: batch.rows[f.index] });
    outcomes = Array.from({ length: done.created }, () => ({ status: 'created' as const }));
  } else if (objectType === 'contact') {
    const records: MappedContact[] = [];
    batch.rows.forEach((raw, i) => {
      const r = mapContactRow(raw, ctx);
      if (r.ok) records.push(r.record);
      else failures.push({ row: batch.firstRowNumber + i, errors: r.errors, raw });
    });
    const byDomain = await ensureAccountsByDomain(
      trx,
      workspaceId,
      records.filter((r) => r.accountDomain).map((r) => ({ domain: r.accountDomain!, name: r.accountName })),
    );
    const byName = await ensureAccountsByName(
      trx,
      workspaceId,
      records.filter((r) => r.accountName && !r.accountDomain).map((r) => r.accountName!),
    );
    outcomes = await upsertContacts(
      trx,
      workspaceId,
      records.map(({ accountDomain, accountName, ...r }) => {
        const accountId = accountDomain ? byDomain.get(accountDomain) : accountName ? byName.get(accountName.toLowerCase()) : undefined;
        return accountId ? { ...r, account_id: accountId } : r;
      }),
    );
  } else {
    const records: MappedAccount[] = [];
    batch.rows.forEach((raw, i) => {
      const r = mapAccountRow(raw, ctx);
      if (r.ok) records.push(r.record);
      else failures.push({ row: batch.firstRowNumber + i, errors: r.errors, raw });
    });
    outcomes = await upsertAccounts(trx, workspaceId, records);
  }

  if (failures.length) {
    await sql`
      INSERT INTO import_row_errors (workspace_id, import_id, row_number, errors, row)
      SELECT ${workspaceId}, ${importId}, n, e, r
      FROM unnest(${failures.map((f) => f.row)}::int[], ${failures.map((f) => JSON.stringify(f.errors))}::jsonb[],
        ${failures.map((f) => JSON.stringify(f.raw))}::jsonb[]) AS t(n, e, r)
      ON CONFLICT DO NOTHING`.execute(trx);
  }
  const created = outcomes.filter((o) => o.status === 'created').length;
  const updated = outcomes.length - created;
  // rows merged into another row of the same batch (same email) count as updates of that contact
  const merged = batch.rows.length - failures.length - outcomes.length;
  const counted = await trx
    .updateTable('imports')
    .set({
      processed_rows: sql`processed_rows + ${batch.rows.length}`,
      processed_bytes: batch.bytes,
      created_count: sql`created_count + ${created}`,
      updated_count: sql`updated_count + ${updated + merged}`,
      failed_count: sql`failed_count + ${failures.length}`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', importId)
    .where('status', '=', 'running')
    .returning('id')
    .executeTakeFirst();
  // cancelled while this batch ran: undo it
  if (!counted) throw new CancelledImport();
  return { created, updated: updated + merged, failed: failures.length };
}

class CancelledImport extends Error {}
