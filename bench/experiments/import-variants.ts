// EXPERIMENT driver: imports the benchmark CSV under several variants of the pipeline and schema, each
// in a fresh bench_import_exp database, then re-imports it (all updates). Samples the server's wait
// events during each phase, to tell CPU from I/O waits. Usage:
//   npx tsx bench/experiments/import-variants.ts --rows 300000 server baseline skip-unchanged lean-indexes ...
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { defaultCsvPath, writeContactsCsv } from '../lib/contacts-csv.ts';
import { databaseUrl, freshBenchDatabase } from '../lib/bench-database.ts';
import { openDatabase } from '../../server/platform/db.ts';
import { countContacts, createBenchWorkspace, importContactsCsv } from '../lib/tandem-workspace.ts';
import { listCustomFields } from '../../server/custom-fields/custom-fields.store.ts';
import { suggestMapping } from '../../server/imports/suggest-mapping.ts';
import { CSV_HEADERS } from '../lib/contacts-csv.ts';
import { runVariantImport, type VariantOptions } from './variant-import.ts';

const DB = 'bench_import_exp';

interface Variant {
  /** `server` runs the real runImport; the others the experimental runner. */
  runner: 'server' | VariantOptions;
  ddl?: string[];
  /** Run ANALYZE when autovacuum would (this server has autovacuum off; PGlite has no autovacuum). */
  autoanalyze?: boolean;
}

const leanIndexes = [
  'DROP INDEX contacts_custom',
  'DROP INDEX contacts_cf_plan',
  'DROP INDEX contacts_cf_seats',
  `CREATE INDEX contacts_cf_plan ON contacts (workspace_id, (custom_fields->'plan'), id) WHERE deleted_at IS NULL AND custom_fields ? 'plan'`,
  `CREATE INDEX contacts_cf_seats ON contacts (workspace_id, (custom_fields->'seats'), id) WHERE deleted_at IS NULL AND custom_fields ? 'seats'`,
];
// time-ordered ids (UUIDv7 layout): new primary-key entries land on the index's rightmost pages
const uuidV7 = [
  `CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
     SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING
       substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid $$`,
  'ALTER TABLE contacts ALTER COLUMN id SET DEFAULT uuid_v7()',
];

const VARIANTS: Record<string, Variant> = {
  server: { runner: 'server' },
  'server-autoanalyze': { runner: 'server', autoanalyze: true },
  // what `SET LOCAL enable_hashjoin = off` in the import's batch transactions would do
  'server-no-hashjoin': {
    runner: 'server',
    ddl: [`ALTER DATABASE ${DB} SET enable_hashjoin = off`, `ALTER DATABASE ${DB} SET enable_mergejoin = off`],
  },
  baseline: { runner: { writers: 1, skipUnchanged: false } },
  'skip-unchanged': { runner: { writers: 1, skipUnchanged: true } },
  'two-writers': { runner: { writers: 2, skipUnchanged: false } },
  'lean-indexes': { runner: { writers: 1, skipUnchanged: false }, ddl: leanIndexes },
  'uuid-v7': { runner: { writers: 1, skipUnchanged: false }, ddl: uuidV7 },
  'wal-compression': { runner: { writers: 1, skipUnchanged: false }, ddl: [`ALTER DATABASE ${DB} SET wal_compression = on`] },
  'no-search-index': { runner: { writers: 1, skipUnchanged: false }, ddl: ['DROP INDEX contacts_search'] },
  'v7-two-writers': { runner: { writers: 2, skipUnchanged: false }, ddl: uuidV7 },
  combined: { runner: { writers: 2, skipUnchanged: true }, ddl: [...leanIndexes, ...uuidV7] },
};

/**
 * Autovacuum's analyze rule (50 rows + 10% of the table changed since the last analyze), checked every
 * 15 s instead of autovacuum_naptime's 60 s.
 */
function autoanalyze(pool: pg.Pool) {
  let running = true;
  let runs = 0;
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 15_000));
      const { rows } = await pool.query<{ due: boolean }>(
        `SELECT n_mod_since_analyze > 50 + 0.1 * greatest(reltuples, 0) AS due FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'contacts'`,
      );
      if (running && rows[0]?.due) {
        await pool.query('ANALYZE contacts');
        runs++;
      }
    }
  })();
  return async () => {
    running = false;
    await loop;
    return runs;
  };
}

/** Samples what the database's active backends are doing: CPU (no wait event) or which wait. */
function sampleWaits(url: string) {
  const counts: Record<string, number> = {};
  const client = new pg.Client({ connectionString: url });
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ w: string }>(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      for (const r of rows) counts[r.w] = (counts[r.w] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.end();
  })();
  return async () => {
    running = false;
    await loop;
    const total = Object.values(counts).reduce((a, b) => a + b, 0) || 1;
    return Object.fromEntries(
      Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, v]) => [k, Math.round((v / total) * 100)]),
    );
  };
}

async function walMb<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<{ result: T; walMb: number; checkpoints: number }> {
  const q = `SELECT pg_current_wal_lsn()::text AS lsn, (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)::int AS cp`;
  const before = (await pool.query<{ lsn: string; cp: number }>(q)).rows[0];
  const result = await fn();
  const after = (
    await pool.query<{ mb: number; cp: number }>(
      `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::float8 / 1048576 AS mb, (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter)::int AS cp`,
      [before.lsn],
    )
  ).rows[0];
  return { result, walMb: Math.round(after.mb), checkpoints: after.cp - before.cp };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rows: { type: 'string', default: '300000' }, 'no-reimport': { type: 'boolean', default: false } },
});
const opts = { rows: Number(values.rows), duplicateShare: 0.05, seed: 42 };
const out = path.resolve('bench/output');
const csv = await writeContactsCsv(defaultCsvPath(out, opts), opts);
const results: Record<string, unknown> = {};
for (const name of positionals) {
  const variant = VARIANTS[name];
  if (!variant) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
  const fresh = await freshBenchDatabase(DB, 4);
  const dataDir = path.join(out, 'exp-data');
  const ws = await createBenchWorkspace(fresh.database, dataDir);
  for (const statement of variant.ddl ?? []) await fresh.database.pool.query(statement);
  await fresh.database.pool.query('CHECKPOINT');
  await fresh.database.close();
  // reopened, so database-level settings (ALTER DATABASE … SET) apply to every pooled connection
  const database = await openDatabase({ databaseUrl: databaseUrl(DB), poolSize: 4 });
  try {
    const fields = await listCustomFields(database.db, ws.workspaceId, 'contact');
    const mapping = suggestMapping('contact', CSV_HEADERS, fields);
    const phase = async () => {
      const stop = sampleWaits(databaseUrl(DB));
      const stopAnalyze = variant.autoanalyze ? autoanalyze(database.pool) : undefined;
      const measured = await walMb(database.pool, async () => {
        if (variant.runner === 'server') {
          const run = await importContactsCsv(database, ws.workspaceId, csv.file, dataDir);
          return {
            rows: run.progress.processedRows,
            seconds: run.seconds,
            rowsPerSecond: Math.round(run.progress.processedRows / run.seconds),
            created: run.progress.created,
            updated: run.progress.updated,
          };
        }
        return runVariantImport(database.db, ws.workspaceId, csv.file, mapping, variant.runner);
      });
      const analyzeRuns = stopAnalyze ? await stopAnalyze() : undefined;
      const temp = await database.pool.query<{ files: number; mb: number }>(
        `SELECT temp_files::int AS files, (temp_bytes / 1048576)::int AS mb FROM pg_stat_database WHERE datname = current_database()`,
      );
      return {
        ...measured.result,
        analyzeRuns,
        tempFilesSoFar: temp.rows[0],
        walMb: measured.walMb,
        checkpoints: measured.checkpoints,
        contacts: await countContacts(database, ws.workspaceId),
        waits: await stop(),
      };
    };
    const first = await phase();
    process.stderr.write(`${name} import: ${JSON.stringify(first)}\n`);
    await database.pool.query('CHECKPOINT');
    const again = values['no-reimport'] ? null : await phase();
    if (again) process.stderr.write(`${name} re-import: ${JSON.stringify(again)}\n`);
    results[name] = { import: first, reimport: again };
  } finally {
    await database.close();
  }
}
console.log(JSON.stringify({ rows: opts.rows, distinctEmails: csv.distinctEmails, results }, null, 2));
