// `tandem import contacts|accounts FILE`: the same pipeline as the web wizard, run in this process
// with a progress bar, the suggested mapping (overridable with --map) and a summary at the end.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { listCustomFields } from '../custom-fields/custom-fields.store.ts';
import { createImport, validateMapping } from './create-import.ts';
import { importTargets, suggestMapping } from './suggest-mapping.ts';
import { runImport, type ImportProgress } from './run-import.ts';

interface CliImport {
  objectType: 'contact' | 'account';
  file: string;
  workspaceId: string;
  overrides: string[];
  errorsFile?: string;
  dataDir: string;
}

export async function importFromCli(db: Db, opts: CliImport): Promise<void> {
  if (!fs.existsSync(opts.file)) throw AppError.invalid('file', `${opts.file} does not exist`);
  const ws = await db.selectFrom('workspaces').select('id').where('id', '=', opts.workspaceId).executeTakeFirst().catch(() => undefined);
  if (!ws) throw AppError.invalid('--workspace', `no workspace with id ${opts.workspaceId}`);

  const id = await createImport(db, {
    workspaceId: opts.workspaceId,
    userId: null,
    objectType: opts.objectType,
    fileName: opts.file.split('/').pop() ?? 'import.csv',
    body: fs.createReadStream(opts.file) as Readable,
    dataDir: opts.dataDir,
  });
  const row = await db.selectFrom('imports').select(['headers']).where('workspace_id', '=', opts.workspaceId).where('id', '=', id).executeTakeFirstOrThrow();
  const fields = await listCustomFields(db, opts.workspaceId, opts.objectType);
  const mapping = suggestMapping(opts.objectType, row.headers, fields);
  for (const o of opts.overrides) {
    const at = o.lastIndexOf('=');
    if (at < 1) throw AppError.invalid('--map', `"${o}" is not HEADER=field`);
    mapping[o.slice(0, at)] = o.slice(at + 1);
  }
  validateMapping(opts.objectType, row.headers, importTargets(opts.objectType, fields), mapping);
  await db.updateTable('imports').set({ mapping: JSON.stringify(mapping), status: 'queued' }).where('workspace_id', '=', opts.workspaceId).where('id', '=', id).execute();

  const mapped = Object.entries(mapping).filter(([, t]) => t);
  const skipped = Object.entries(mapping).filter(([, t]) => !t).map(([h]) => h);
  console.error(`Importing ${opts.file} as ${opts.objectType}s`);
  for (const [h, t] of mapped) console.error(`  ${h} → ${t}`);
  if (skipped.length) console.error(`  skipped columns: ${skipped.join(', ')}`);

  const started = Date.now();
  const bar = progressBar();
  const result = await runImport(db, opts.workspaceId, id, { onProgress: (p) => bar.update(p, started) });
  bar.done();
  if (!result) return;
  const seconds = (Date.now() - started) / 1000;
  console.error(
    `Done in ${seconds.toFixed(1)}s: ${result.processedRows.toLocaleString('en-US')} rows, ` +
      `${result.created.toLocaleString('en-US')} created, ${result.updated.toLocaleString('en-US')} updated, ` +
      `${result.failed.toLocaleString('en-US')} failed (${Math.round(result.processedRows / Math.max(seconds, 0.001)).toLocaleString('en-US')} rows/s).`,
  );
  if (result.failed > 0) {
    const target = opts.errorsFile ?? opts.file.replace(/(\.csv)?$/i, '-errors.csv');
    await writeErrors(db, opts.workspaceId, id, row.headers, target);
    console.error(`Rows that failed, with their problems: ${target}`);
    process.exitCode = 2;
  }
  console.log(JSON.stringify({ importId: id, rows: result.processedRows, created: result.created, updated: result.updated, failed: result.failed }));
}

async function writeErrors(db: Db, workspaceId: string, importId: string, headers: string[], target: string) {
  const { stringify } = await import('csv-stringify/sync');
  const out = fs.createWriteStream(target);
  out.write(stringify([['row', 'problems', ...headers]]));
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('import_row_errors')
      .select(['row_number', 'errors', 'row'])
      .where('workspace_id', '=', workspaceId)
      .where('import_id', '=', importId)
      .where('row_number', '>', after)
      .orderBy('row_number')
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    out.write(stringify(rows.map((r) => [r.row_number, r.errors.map((e) => `${e.path}: ${e.message}`).join('; '), ...headers.map((h) => r.row[h] ?? '')])));
    after = rows[rows.length - 1].row_number;
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

function progressBar() {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  return {
    update(p: ImportProgress, started: number) {
      const ratio = p.fileSize ? Math.min(1, p.processedBytes / p.fileSize) : 0;
      const rate = Math.round(p.processedRows / Math.max((Date.now() - started) / 1000, 0.001));
      const line = `${(ratio * 100).toFixed(0).padStart(3)}% ${p.processedRows.toLocaleString('en-US')} rows · ${p.created.toLocaleString('en-US')} created · ${p.updated.toLocaleString('en-US')} updated · ${p.failed.toLocaleString('en-US')} failed · ${rate.toLocaleString('en-US')} rows/s`;
      if (tty) {
        const width = 30;
        const filled = Math.round(ratio * width);
        process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${line}`);
      } else if (Math.floor(ratio * 10) > lastDecile) {
        lastDecile = Math.floor(ratio * 10);
        process.stderr.write(`${line}\n`);
      }
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
