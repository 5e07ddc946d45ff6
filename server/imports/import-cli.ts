// `tandem import contacts|accounts|deals FILE`: the same pipeline as the web wizard, run in this
// process with a progress bar, the suggested mapping (overridable with --map) and a summary at the end.
// Deals: stage names and owners that match nothing must be mapped by flags (--map-stage, --map-owner,
// --create-owners); otherwise they are listed and nothing is written.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { ImportObjectType } from '../db-schema.ts';
import { listPipelines } from '../pipelines/pipelines.store.ts';
import { createImport, importCustomFields, validateMapping } from './create-import.ts';
import { importTargets, normaliseHeader, suggestMapping } from './suggest-mapping.ts';
import { runImport, type ImportProgress } from './run-import.ts';
import { prepareDealValueMapping, resolveImportPipeline, scanDealValues } from './deal-values.ts';
import { memberLookup } from './write-deals.ts';

interface CliImport {
  objectType: ImportObjectType;
  file: string;
  workspaceId: string;
  overrides: string[];
  errorsFile?: string;
  dataDir: string;
  /** deals: pipeline name (default: the default pipeline) */
  pipeline?: string;
  /** deals: "CSV stage=Stage name" */
  mapStages?: string[];
  /** deals: "CSV owner=member email or name|create|unassigned" */
  mapOwners?: string[];
  /** deals: every unknown owner becomes an inactive user */
  createOwners?: boolean;
}

function splitPair(flag: string, pair: string): [string, string] {
  const at = pair.lastIndexOf('=');
  if (at < 1) throw AppError.invalid(flag, `"${pair}" is not CSV_VALUE=target`);
  return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
}

/** Resolves the deal flags, lists what is still unknown, and queues the import (or throws, writing nothing). */
async function prepareDeals(db: Db, opts: CliImport, importId: string, mapping: Record<string, string>, filePath: string) {
  const ws = opts.workspaceId;
  const pipelines = await listPipelines(db, ws);
  let pipelineId: string;
  if (opts.pipeline) {
    const p = pipelines.find((x) => x.name.toLowerCase() === opts.pipeline!.trim().toLowerCase());
    if (!p) throw AppError.invalid('--pipeline', `no pipeline named "${opts.pipeline}" (there are: ${pipelines.map((x) => x.name).join(', ')})`);
    pipelineId = p.id;
  } else pipelineId = await resolveImportPipeline(db, ws, null);
  const pipeline = pipelines.find((p) => p.id === pipelineId)!;

  const stages: Record<string, string> = {};
  for (const pair of opts.mapStages ?? []) {
    const [value, name] = splitPair('--map-stage', pair);
    const inPipeline = pipeline.stages.find((s) => normaliseHeader(s.name) === normaliseHeader(name));
    const anywhere = pipelines.flatMap((p) => p.stages).filter((s) => normaliseHeader(s.name) === normaliseHeader(name));
    const stage = inPipeline ?? (anywhere.length === 1 ? anywhere[0] : undefined);
    if (!stage) throw AppError.invalid('--map-stage', `"${name}" is not a stage of the pipeline "${pipeline.name}" (${pipeline.stages.map((s) => s.name).join(', ')})`);
    stages[value] = stage.id;
  }
  const users = await memberLookup(db, ws);
  const owners: Record<string, string> = {};
  for (const pair of opts.mapOwners ?? []) {
    const [value, target] = splitPair('--map-owner', pair);
    if (target === 'create' || target === 'unassigned') owners[value] = target;
    else {
      const id = users.get(target.toLowerCase());
      if (!id) throw AppError.invalid('--map-owner', `"${target}" is not a user of this workspace (give an email or name, "create" or "unassigned")`);
      owners[value] = id;
    }
  }

  const values = await scanDealValues(db, ws, filePath, mapping, pipelineId);
  const mappedStages = new Set(Object.keys(stages).map((k) => k.toLowerCase()));
  const mappedOwners = new Set(Object.keys(owners).map((k) => k.toLowerCase()));
  const stagesLeft = values.unknownStages.filter((v) => !mappedStages.has(v.value.toLowerCase()));
  const ownersLeft = values.unknownOwners.filter((v) => !mappedOwners.has(v.value.toLowerCase()));
  if (opts.createOwners) for (const o of ownersLeft.splice(0)) owners[o.value] = 'create';
  if (stagesLeft.length || ownersLeft.length) {
    const problems = [
      ...stagesLeft.map((v) => ({ path: '--map-stage', message: `"${v.value}" (${v.rows} rows) is not a stage of "${pipelines.find((p) => p.id === v.pipelineId)?.name}"` })),
      ...ownersLeft.map((v) => ({ path: '--map-owner', message: `"${v.value}" (${v.rows} rows) is not a user of this workspace` })),
    ];
    // the problems go in the message itself: the CLI prints a single field error only as the detail
    throw new AppError(
      'validation_failed',
      `Nothing was imported: ${problems.length} value(s) of the file match nothing. Map them with ` +
        `--map-stage "CSV=Stage" and --map-owner "CSV=email|create|unassigned" (or --create-owners).\n` +
        problems.map((p) => `  ${p.path}: ${p.message}`).join('\n'),
    );
  }
  for (const v of values.unknownPipelines) console.error(`  pipeline "${v.value}" is unknown: its ${v.rows} rows will fail`);
  await db.transaction().execute(async (trx) => {
    const valueMapping = await prepareDealValueMapping(trx, ws, { stages, owners });
    await trx
      .updateTable('imports')
      .set({ mapping: JSON.stringify(mapping), pipeline_id: pipelineId, value_mapping: JSON.stringify(valueMapping), status: 'queued' })
      .where('workspace_id', '=', ws)
      .where('id', '=', importId)
      .execute();
  });
  const created = Object.entries(owners).filter(([, t]) => t === 'create').map(([v]) => v);
  if (created.length) console.error(`  created inactive users: ${created.join(', ')}`);
  console.error(`  pipeline: ${pipeline.name}`);
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
  const row = await db.selectFrom('imports').select(['headers', 'file_path']).where('workspace_id', '=', opts.workspaceId).where('id', '=', id).executeTakeFirstOrThrow();
  const fields = await importCustomFields(db, opts.workspaceId, opts.objectType);
  const mapping = suggestMapping(opts.objectType, row.headers, fields);
  for (const o of opts.overrides) {
    const at = o.lastIndexOf('=');
    if (at < 1) throw AppError.invalid('--map', `"${o}" is not HEADER=field`);
    mapping[o.slice(0, at)] = o.slice(at + 1);
  }
  const mapped = Object.entries(mapping).filter(([, t]) => t);
  const skipped = Object.entries(mapping).filter(([, t]) => !t).map(([h]) => h);
  console.error(`Importing ${opts.file} as ${opts.objectType}s`);
  for (const [h, t] of mapped) console.error(`  ${h} → ${t}`);
  if (skipped.length) console.error(`  skipped columns: ${skipped.join(', ')}`);
  try {
    validateMapping(opts.objectType, row.headers, importTargets(opts.objectType, fields), mapping);
    if (opts.objectType === 'deal') await prepareDeals(db, opts, id, mapping, row.file_path);
    else await db.updateTable('imports').set({ mapping: JSON.stringify(mapping), status: 'queued' }).where('workspace_id', '=', opts.workspaceId).where('id', '=', id).execute();
  } catch (err) {
    // nothing was written: leave no half-set-up import behind
    await db.deleteFrom('imports').where('workspace_id', '=', opts.workspaceId).where('id', '=', id).execute();
    fs.rmSync(row.file_path, { force: true });
    throw err;
  }

  const started = Date.now();
  const bar = progressBar();
  const result = await runImport(db, opts.workspaceId, id, { onProgress: (p) => bar.update(p, started) });
  bar.done();
  if (!result) return;
  if (opts.objectType === 'deal') console.error('Deals have no natural key: importing this file again would create its deals again.');
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
