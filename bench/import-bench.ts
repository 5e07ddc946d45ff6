// `npm run bench -- import`: a generated contacts CSV imported by Tandem (as `tandem import` runs it)
// and, in the same run on the same server, COPYed raw into a bare table. Then the same file again
// into the workspace that now holds every contact (all updates). Prints what it measured as JSON.
import type { OpenDatabase } from '../server/platform/db.ts';
import { IMPORT_BATCH_SIZE } from '../server/imports/run-import.ts';
import type { ContactsCsv } from './lib/contacts-csv.ts';
import { copyIntoBareTable, type CopyRun } from './lib/copy-baseline.ts';
import { countContacts, createBenchWorkspace, importContactsCsv, type ImportRun } from './lib/tandem-workspace.ts';
import { log, round, withPeakRss } from './lib/measure.ts';

export const IMPORT_GOAL_ROWS_PER_SECOND = 50_000;

export interface ImportBenchOptions {
  /** Also import the file a second time into the filled workspace (every row an update). */
  updateRun: boolean;
  /** Run the COPY baseline (needs a PostgreSQL server: pg-copy-streams speaks its wire protocol). */
  copyBaseline: boolean;
}

export interface ImportPhase {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  created: number;
  updated: number;
  failed: number;
  uploadSeconds: number;
  contactsAfter: number;
  expectedContacts: number;
  countsCorrect: boolean;
  walMb: number | null;
  /** Temporary files the server wrote for this database during the phase (queries spilling past work_mem). */
  tempFileMb: number | null;
  /** Checkpoints the server ran during the phase (each makes later page writes log full pages again). */
  checkpoints: number | null;
  peakRssMb: number;
}

export interface ImportBenchSummary {
  benchmark: 'import';
  batchSize: number;
  file: { rows: number; bytes: number; distinctEmails: number; duplicateRows: number };
  tandem: ImportPhase;
  copyBaseline: { runs: CopyRun[]; rowsPerSecond: number; walMb: number | null } | null;
  /** Tandem's rows/s as a share of COPY's. */
  ratioToCopy: number | null;
  updateRun: ImportPhase | null;
  goal: { rowsPerSecond: number; met: boolean };
  accountsCreated: number;
  tableSizeMb: { contacts: number; contactsIndexes: number } | null;
  /** Every index an imported contact row maintains (the main cost next to COPY). */
  contactIndexes: string[];
}

async function walPosition(database: OpenDatabase): Promise<string | null> {
  if (database.engine !== 'postgres') return null;
  const { rows } = await database.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  return rows[0].lsn;
}

async function walMbSince(database: OpenDatabase, from: string | null): Promise<number | null> {
  if (!from) return null;
  const { rows } = await database.pool.query<{ bytes: number }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::float8 AS bytes', [
    from,
  ]);
  return round(rows[0].bytes / 1024 / 1024, 0);
}

async function tempFileBytes(database: OpenDatabase): Promise<number | null> {
  if (database.engine !== 'postgres') return null;
  // backends report file statistics about a second after going idle
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const { rows } = await database.pool.query<{ bytes: number }>(
    'SELECT temp_bytes::float8 AS bytes FROM pg_stat_database WHERE datname = current_database()',
  );
  return rows[0].bytes;
}

async function checkpointCount(database: OpenDatabase): Promise<number | null> {
  if (database.engine !== 'postgres') return null;
  const { rows } = await database.pool.query<{ n: number }>('SELECT (checkpoints_timed + checkpoints_req)::int AS n FROM pg_stat_bgwriter');
  return rows[0].n;
}

/** Flushes dirty pages between phases so one phase's checkpoint does not land in the next one's timing. */
async function settle(database: OpenDatabase) {
  if (database.engine === 'postgres') await database.pool.query('CHECKPOINT');
}

async function measureImport(
  database: OpenDatabase,
  workspaceId: string,
  csv: ContactsCsv,
  dataDir: string,
  label: string,
  expected: { created: number; updated: number; contacts: number },
): Promise<ImportPhase> {
  await settle(database);
  const wal = await walPosition(database);
  const checkpointsBefore = await checkpointCount(database);
  const tempBefore = await tempFileBytes(database);
  let lastDecile = -1;
  const { result: run, peakRssMb } = await withPeakRss<ImportRun>(() =>
    importContactsCsv(database, workspaceId, csv.file, dataDir, (p) => {
      const decile = Math.floor((p.processedRows / csv.rows) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        log(`${label}: ${p.processedRows.toLocaleString('en-US')} rows (${p.created} created, ${p.updated} updated, ${p.failed} failed)`);
      }
    }),
  );
  const checkpointsAfter = await checkpointCount(database);
  const tempAfter = await tempFileBytes(database);
  const contactsAfter = await countContacts(database, workspaceId);
  const { created, updated, failed, processedRows } = run.progress;
  return {
    rows: processedRows,
    seconds: round(run.seconds, 2),
    rowsPerSecond: Math.round(processedRows / run.seconds),
    created,
    updated,
    failed,
    uploadSeconds: round(run.uploadSeconds, 2),
    contactsAfter,
    expectedContacts: expected.contacts,
    countsCorrect: contactsAfter === expected.contacts && created === expected.created && updated === expected.updated && failed === 0,
    walMb: await walMbSince(database, wal),
    tempFileMb: tempAfter === null || tempBefore === null ? null : round((tempAfter - tempBefore) / 1048576, 0),
    checkpoints: checkpointsAfter === null || checkpointsBefore === null ? null : checkpointsAfter - checkpointsBefore,
    peakRssMb,
  };
}

export async function runImportBench(
  database: OpenDatabase,
  dataDir: string,
  csv: ContactsCsv,
  opts: ImportBenchOptions,
): Promise<ImportBenchSummary> {
  const ws = await createBenchWorkspace(database, dataDir);
  log(`workspace ${ws.workspaceId} with custom fields plan (select) and seats (number)`);

  const copyRuns: CopyRun[] = [];
  let copyWal: number | null = null;
  const copyOnce = async () => {
    await settle(database);
    const wal = await walPosition(database);
    const run = await copyIntoBareTable(database.pool, csv.file);
    copyWal = await walMbSince(database, wal);
    log(
      `COPY baseline: ${run.rows.toLocaleString('en-US')} rows in ${run.seconds.toFixed(1)}s (${run.rowsPerSecond.toLocaleString('en-US')} rows/s)`,
    );
    copyRuns.push({ ...run, seconds: round(run.seconds, 2) });
  };
  const baseline = opts.copyBaseline && database.engine === 'postgres';

  // baseline before and after the import: the machine is shared, so one sample could be an outlier
  if (baseline) await copyOnce();
  const tandem = await measureImport(database, ws.workspaceId, csv, dataDir, 'import', {
    created: csv.distinctEmails,
    updated: csv.rows - csv.distinctEmails,
    contacts: csv.distinctEmails,
  });
  log(`Tandem import: ${tandem.rowsPerSecond.toLocaleString('en-US')} rows/s`);
  if (baseline) await copyOnce();

  const updateRun = opts.updateRun
    ? await measureImport(database, ws.workspaceId, csv, dataDir, 're-import', {
        created: 0,
        updated: csv.rows,
        contacts: csv.distinctEmails,
      })
    : null;
  if (updateRun) log(`Tandem re-import (all updates): ${updateRun.rowsPerSecond.toLocaleString('en-US')} rows/s`);

  const copyRate = copyRuns.length ? Math.round(copyRuns.reduce((s, r) => s + r.rowsPerSecond, 0) / copyRuns.length) : null;
  const accounts = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts WHERE workspace_id = $1', [
    ws.workspaceId,
  ]);
  const sizes =
    database.engine === 'postgres'
      ? (
          await database.pool.query<{ heap: number; idx: number }>(
            `SELECT pg_table_size('contacts')::float8 AS heap, pg_indexes_size('contacts')::float8 AS idx`,
          )
        ).rows[0]
      : undefined;
  const indexes = await database.pool.query<{ name: string }>(
    `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'contacts' ORDER BY 1`,
  );
  return {
    benchmark: 'import',
    batchSize: IMPORT_BATCH_SIZE,
    file: { rows: csv.rows, bytes: csv.bytes, distinctEmails: csv.distinctEmails, duplicateRows: csv.duplicateRows },
    tandem,
    copyBaseline: copyRate ? { runs: copyRuns, rowsPerSecond: copyRate, walMb: copyWal } : null,
    ratioToCopy: copyRate ? round(tandem.rowsPerSecond / copyRate, 3) : null,
    updateRun,
    goal: { rowsPerSecond: IMPORT_GOAL_ROWS_PER_SECOND, met: tandem.rowsPerSecond >= IMPORT_GOAL_ROWS_PER_SECOND },
    accountsCreated: accounts.rows[0].n,
    tableSizeMb: sizes ? { contacts: round(sizes.heap / 1048576, 0), contactsIndexes: round(sizes.idx / 1048576, 0) } : null,
    contactIndexes: indexes.rows.map((r) => r.name),
  };
}
