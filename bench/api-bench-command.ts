// `npm run bench -- api`: fills bench_api with the generated contacts through Tandem's import, starts
// the server in its own process on it, runs the API benchmark against it and stops it again.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { defaultPoolSize } from '../server/platform/config.ts';
import { PreparingClient } from '../server/platform/prepared-statements.ts';
import type { OpenDatabase } from '../server/platform/db.ts';
import type { ContactsCsv } from './lib/contacts-csv.ts';
import { existingBenchDatabase, freshBenchDatabase, serverSettings } from './lib/bench-database.ts';
import { countContacts, createBenchWorkspace, importContactsCsv } from './lib/tandem-workspace.ts';
import { childPeakRssMb, log, round } from './lib/measure.ts';
import { cursorAfter } from './api/scenarios.ts';
import { startServerProcess } from './api/server-process.ts';
import { runApiBench } from './api-bench.ts';

const DATABASE = 'bench_api';
/** The server's pool size (DATABASE_POOL_SIZE or its default): the direct baseline gets as many connections. */
const SERVER_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? defaultPoolSize());

export interface ApiCommandOptions {
  durationSeconds: number;
  keepData: boolean;
  port: number;
  outputDir: string;
  logLevel: string;
}

interface State {
  workspaceId: string;
  apiKey: string;
  csv: string;
}

async function prepare(
  csv: ContactsCsv,
  opts: ApiCommandOptions,
): Promise<{ database: OpenDatabase; url: string; state: State; loadSeconds?: number }> {
  const stateFile = path.join(opts.outputDir, 'api-state.json');
  if (opts.keepData && fs.existsSync(stateFile)) {
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as State;
    const existing = state.csv === csv.file ? await existingBenchDatabase(DATABASE, 4) : undefined;
    if (existing && (await countContacts(existing.database, state.workspaceId)) === csv.distinctEmails) {
      log(`reusing ${DATABASE} (--keep-data)`);
      return { ...existing, state };
    }
    await existing?.database.close();
  }
  fs.rmSync(stateFile, { force: true });
  const { database, url } = await freshBenchDatabase(DATABASE, 4);
  const dataDir = path.join(opts.outputDir, 'api-data');
  const ws = await createBenchWorkspace(database, dataDir);
  log(`loading ${csv.rows.toLocaleString('en-US')} rows through Tandem's import`);
  const run = await importContactsCsv(database, ws.workspaceId, csv.file, dataDir);
  // Autovacuum would analyze after a load like this one; but it is off on some servers (this
  // machine's) and absent on PGlite, and without statistics a search here takes minutes, not ms.
  log(`loaded in ${run.seconds.toFixed(0)}s; VACUUM ANALYZE (what autovacuum would have done by now)`);
  await database.pool.query('VACUUM ANALYZE contacts');
  await database.pool.query('VACUUM ANALYZE accounts');
  const state: State = { workspaceId: ws.workspaceId, apiKey: ws.apiKey, csv: csv.file };
  fs.writeFileSync(stateFile, JSON.stringify(state));
  return { database, url, state, loadSeconds: round(run.seconds, 1) };
}

/** Cursors positioned at fixed depths of the whole sorted table, for deep-page samples. */
async function depthCursors(database: OpenDatabase, workspaceId: string, total: number): Promise<string[]> {
  const cursors: string[] = [];
  for (const depth of [0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
    const { rows } = await database.pool.query<{ created: string; id: string }>(
      `SELECT created_at::text AS created, id FROM contacts WHERE workspace_id = $1 AND deleted_at IS NULL
       ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [workspaceId, Math.floor(total * depth)],
    );
    if (rows[0]) cursors.push(cursorAfter(rows[0].created, rows[0].id));
  }
  return cursors;
}

export async function runApiBenchCommand(csv: ContactsCsv, opts: ApiCommandOptions) {
  const { database, url, state, loadSeconds } = await prepare(csv, opts);
  const contacts = await countContacts(database, state.workspaceId);
  const postgres = await serverSettings(database);
  const deepCursors = await depthCursors(database, state.workspaceId, contacts);
  const explainFile = path.join(opts.outputDir, 'api-explain.txt');
  fs.writeFileSync(explainFile, '');

  const server = await startServerProcess({
    databaseUrl: url,
    port: opts.port,
    dataDir: path.join(opts.outputDir, 'api-data'),
    logFile: path.join(opts.outputDir, 'api-server.log'),
    logLevel: opts.logLevel,
  });
  const sqlPool = new pg.Pool({ connectionString: url, max: SERVER_POOL_SIZE, Client: PreparingClient });
  try {
    const result = await runApiBench({ baseUrl: server.baseUrl, apiKey: state.apiKey }, sqlPool, state.workspaceId, {
      listPages: 200,
      otherPages: 20,
      deepCursors,
      searchTerms: csv.searchTerms,
      durationSeconds: opts.durationSeconds,
      connections: [10, 100],
      warmupSeconds: 2,
      serialSeconds: 5,
      sqlPoolSize: SERVER_POOL_SIZE,
      cpu: { serverPid: server.pid },
      explain: (name, text) => fs.appendFileSync(explainFile, `==== ${name}\n${text}\n`),
    });
    return {
      benchmark: 'api',
      contacts,
      loadSeconds: loadSeconds ?? null,
      server: {
        process: 'node --import tsx server/main.ts serve (own process)',
        logLevel: opts.logLevel,
        poolSize: SERVER_POOL_SIZE,
        peakRssMb: childPeakRssMb(server.pid) ?? null,
      },
      postgres,
      explainFile,
      ...result,
    };
  } finally {
    await server.stop();
    await sqlPool.end();
    await database.close();
  }
}
