// EXPERIMENT: the core of server/imports/run-import.ts (parse, map, resolve accounts, upsert per batch)
// without resume/cancel bookkeeping, with switches for the changes being evaluated:
// - writers: 1 as the server does, or N writers on N connections, records partitioned by email hash
//   (a given email always goes to the same writer, so "later rows win" still holds);
// - skipUnchanged: the upsert variant that does not rewrite rows whose values are already stored.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { parse } from 'csv-parse';
import type { Db } from '../../server/platform/db.ts';
import { mapContactRow, type MappedContact, type RowContext } from '../../server/imports/map-row.ts';
import { loadRowContext } from '../../server/imports/run-import.ts';
import { ensureAccountsByDomain, ensureAccountsByName } from '../../server/accounts/ensure-accounts.ts';
import { upsertContacts } from '../../server/contacts/upsert-contacts.ts';
import { upsertContacts as upsertSkippingUnchanged, type ContactUpsertRecord } from './upsert-contacts-variant.ts';

export interface VariantOptions {
  writers: number;
  skipUnchanged: boolean;
  batchSize?: number;
}

export interface VariantResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  created: number;
  updated: number;
  failed: number;
}

async function resolveAccounts(db: Db, workspaceId: string, records: MappedContact[]): Promise<ContactUpsertRecord[]> {
  return db.transaction().execute(async (trx) => {
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
    return records.map(({ accountDomain, accountName, ...r }) => {
      const accountId = accountDomain ? byDomain.get(accountDomain) : accountName ? byName.get(accountName.toLowerCase()) : undefined;
      return accountId ? { ...r, account_id: accountId } : r;
    });
  });
}

export async function runVariantImport(
  db: Db,
  workspaceId: string,
  file: string,
  mapping: Record<string, string>,
  opts: VariantOptions,
): Promise<VariantResult> {
  const ctx: RowContext = await loadRowContext(db, workspaceId, 'contact', mapping);
  const upsert = opts.skipUnchanged ? upsertSkippingUnchanged : upsertContacts;
  const batchSize = opts.batchSize ?? 5000;
  const totals = { rows: 0, created: 0, updated: 0, failed: 0 };
  const writers: Array<Promise<void>> = Array.from({ length: opts.writers }, () => Promise.resolve());
  let failure: unknown;

  const write = (index: number, records: ContactUpsertRecord[]) => {
    writers[index] = writers[index].then(async () => {
      if (failure || records.length === 0) return;
      try {
        const outcomes = await db.transaction().execute((trx) => upsert(trx, workspaceId, records));
        const created = outcomes.filter((o) => o.status === 'created').length;
        totals.created += created;
        totals.updated += records.length - created;
      } catch (err) {
        failure = err;
      }
    });
  };

  const dispatch = async (rows: Array<Record<string, string>>) => {
    const mapped: MappedContact[] = [];
    for (const raw of rows) {
      const r = mapContactRow(raw, ctx);
      if (r.ok) mapped.push(r.record);
      else totals.failed++;
    }
    const records = await resolveAccounts(db, workspaceId, mapped);
    const parts: ContactUpsertRecord[][] = Array.from({ length: opts.writers }, () => []);
    for (const r of records) {
      const part = opts.writers === 1 || !r.email ? 0 : crypto.createHash('md5').update(r.email).digest().readUInt32LE(0) % opts.writers;
      parts[part].push(r);
    }
    // at most one batch queued behind each writer: parsing stays ahead, memory stays bounded
    await Promise.all(writers);
    parts.forEach((p, i) => write(i, p));
    totals.rows += rows.length;
  };

  const started = performance.now();
  const parser = fs
    .createReadStream(file)
    .pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }));
  let batch: Array<Record<string, string>> = [];
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    batch.push(record);
    if (batch.length >= batchSize) {
      await dispatch(batch);
      batch = [];
      if (failure) break;
    }
  }
  if (!failure && batch.length) await dispatch(batch);
  await Promise.all(writers);
  if (failure) throw failure;
  const seconds = (performance.now() - started) / 1000;
  // merged duplicates inside a batch count as updates, as run-import.ts counts them
  const merged = totals.rows - totals.failed - totals.created - totals.updated;
  return {
    ...totals,
    updated: totals.updated + merged,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(totals.rows / seconds),
  };
}
