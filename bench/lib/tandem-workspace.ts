// Sets up what the benchmarks measure the way a user would: a workspace from `tandem init`, custom
// fields defined through the API (so their background index job runs too), and CSV imports run the
// way `tandem import` runs them (createImport, the suggested mapping, runImport in this process).
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { OpenDatabase } from '../../server/platform/db.ts';
import { loadConfig } from '../../server/platform/config.ts';
import { buildApp } from '../../server/app.ts';
import { initWorkspace } from '../../server/workspaces/init-workspace.ts';
import { listCustomFields } from '../../server/custom-fields/custom-fields.store.ts';
import { createImport, validateMapping } from '../../server/imports/create-import.ts';
import { importTargets, suggestMapping } from '../../server/imports/suggest-mapping.ts';
import { runImport, type ImportProgress } from '../../server/imports/run-import.ts';
import { BENCH_CUSTOM_FIELDS } from './contacts-csv.ts';
import { timed } from './measure.ts';

export interface BenchWorkspace {
  workspaceId: string;
  userId: string;
  apiKey: string;
}

/** A workspace with the Plan (select) and Seats (number) contact fields the generated CSV fills. */
export async function createBenchWorkspace(database: OpenDatabase, dataDir: string, email = 'bench@tandem.local'): Promise<BenchWorkspace> {
  const ids = await initWorkspace(database.db, {
    workspace: 'Benchmark',
    email,
    password: 'benchmark-password',
    name: 'Bench Admin',
  });
  const { app, ctx } = await buildApp({ config: { ...loadConfig({}), dataDir }, database, logger: false, serveWeb: false });
  try {
    for (const field of BENCH_CUSTOM_FIELDS) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/custom-fields',
        headers: { authorization: `Bearer ${ids.apiKey}` },
        payload: { objectType: 'contact', ...field },
      });
      if (res.statusCode !== 201) throw new Error(`defining custom field ${field.key} failed: ${res.statusCode} ${res.body}`);
    }
    // the index each new field gets, built now as the server's worker would right after the request
    await drainUntilIdle(database, () => ctx.worker.drain());
  } finally {
    await app.close();
  }
  return ids;
}

/**
 * Runs jobs until none is left, including retries scheduled a few seconds out (two index builds on one
 * table can deadlock each other on the PostgreSQL server; the loser is retried with backoff).
 */
async function drainUntilIdle(database: OpenDatabase, drain: () => Promise<number>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await drain();
    const { rows } = await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE status IN ('queued', 'running')`);
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error('custom field index jobs did not finish');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export interface ImportRun {
  importId: string;
  mapping: Record<string, string>;
  /** Receiving the upload (copy into the data dir, read the header): not part of rows/s. */
  uploadSeconds: number;
  /** runImport, end to end. */
  seconds: number;
  progress: ImportProgress;
}

export async function importContactsCsv(
  database: OpenDatabase,
  workspaceId: string,
  file: string,
  dataDir: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportRun> {
  const { db } = database;
  const upload = await timed(() =>
    createImport(db, {
      workspaceId,
      userId: null,
      objectType: 'contact',
      fileName: file.split('/').pop() ?? 'contacts.csv',
      body: fs.createReadStream(file) as Readable,
      dataDir,
    }),
  );
  const importId = upload.result;
  try {
    const row = await db
      .selectFrom('imports')
      .select(['headers'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', importId)
      .executeTakeFirstOrThrow();
    const fields = await listCustomFields(db, workspaceId, 'contact');
    const mapping = suggestMapping('contact', row.headers, fields);
    validateMapping('contact', row.headers, importTargets('contact', fields), mapping);
    await db
      .updateTable('imports')
      .set({ mapping: JSON.stringify(mapping), status: 'queued' })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', importId)
      .execute();

    const run = await timed(() => runImport(db, workspaceId, importId, { onProgress }));
    if (!run.result) throw new Error(`import ${importId} did not run`);
    return { importId, mapping, uploadSeconds: upload.seconds, seconds: run.seconds, progress: { ...run.result } };
  } finally {
    // the uploaded copy is as large as the file; keep the disk clean between runs
    const stored = await db.selectFrom('imports').select('file_path').where('id', '=', importId).executeTakeFirst();
    if (stored) fs.rmSync(stored.file_path, { force: true });
  }
}

export async function countContacts(database: OpenDatabase, workspaceId: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1 AND deleted_at IS NULL',
    [workspaceId],
  );
  return rows[0].n;
}
