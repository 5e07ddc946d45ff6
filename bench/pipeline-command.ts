// `npm run bench -- pipeline`: fills bench_pipeline with generated deals and stage history (set-based
// SQL), starts the server in its own process on it, runs the pipeline benchmark and stops it again.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { defaultPoolSize } from '../server/platform/config.ts';
import type { OpenDatabase } from '../server/platform/db.ts';
import { initWorkspace } from '../server/workspaces/init-workspace.ts';
import { existingBenchDatabase, freshBenchDatabase, serverSettings } from './lib/bench-database.ts';
import { childPeakRssMb, log, round, timed } from './lib/measure.ts';
import { startServerProcess } from './api/server-process.ts';
import { generatePipelineData, type PipelineData, type PipelineDataOptions } from './pipeline-data.ts';
import { runPipelineBench } from './pipeline-bench.ts';

const DATABASE = 'bench_pipeline';
/** The server's pool size (DATABASE_POOL_SIZE or its default): the direct baseline gets as many connections. */
const SERVER_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? defaultPoolSize());

export interface PipelineCommandOptions extends PipelineDataOptions {
  durationSeconds: number;
  connections: number;
  keepData: boolean;
  port: number;
  outputDir: string;
  logLevel: string;
}

interface State {
  data: PipelineData;
  apiKey: string;
  options: PipelineDataOptions;
  generatedOn: string;
}

async function prepare(opts: PipelineCommandOptions): Promise<{ database: OpenDatabase; url: string; state: State; generateSeconds?: number }> {
  const stateFile = path.join(opts.outputDir, 'pipeline-state.json');
  const wanted: PipelineDataOptions = { deals: opts.deals, historyPerDeal: opts.historyPerDeal, reps: opts.reps, months: opts.months };
  const today = new Date().toISOString().slice(0, 10);
  if (opts.keepData && fs.existsSync(stateFile)) {
    const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as State;
    // the data is relative to the day it was made (this quarter's deals): reuse it on that day only
    if (JSON.stringify(state.options) === JSON.stringify(wanted) && state.generatedOn === today) {
      const existing = await existingBenchDatabase(DATABASE, 4);
      if (existing) {
        log(`reusing ${DATABASE} (--keep-data)`);
        return { ...existing, state };
      }
    }
  }
  fs.rmSync(stateFile, { force: true });
  const { database, url } = await freshBenchDatabase(DATABASE, 4);
  const ids = await initWorkspace(database.db, { workspace: 'Pipeline benchmark', email: 'bench@tandem.local', password: 'benchmark-password', name: 'Bench Admin' });
  log(`generating ${opts.deals.toLocaleString('en-US')} deals × ${opts.historyPerDeal} stage-history rows in SQL`);
  const { result: data, seconds } = await timed(() => generatePipelineData(database.db, ids.workspaceId, wanted));
  log(`generated in ${seconds.toFixed(0)}s: ${JSON.stringify({ deals: data.deals, history: data.history, open: data.openDeals, quotas: data.quotas })}`);
  // what autovacuum would have done after a load like this (and what makes index-only scans possible)
  for (const table of ['deals', 'deal_stage_history', 'quotas']) await database.pool.query(`VACUUM ANALYZE ${table}`);
  const state: State = { data, apiKey: ids.apiKey, options: wanted, generatedOn: today };
  fs.writeFileSync(stateFile, JSON.stringify(state));
  return { database, url, state, generateSeconds: round(seconds, 1) };
}

export async function runPipelineBenchCommand(opts: PipelineCommandOptions) {
  const { database, url, state, generateSeconds } = await prepare(opts);
  const postgres = await serverSettings(database);
  const explainFile = path.join(opts.outputDir, 'pipeline-explain.txt');
  fs.writeFileSync(explainFile, '');
  const server = await startServerProcess({
    databaseUrl: url,
    port: opts.port,
    dataDir: path.join(opts.outputDir, 'pipeline-data'),
    logFile: path.join(opts.outputDir, 'pipeline-server.log'),
    logLevel: opts.logLevel,
  });
  const sqlPool = new pg.Pool({ connectionString: url, max: SERVER_POOL_SIZE });
  try {
    const result = await runPipelineBench({ baseUrl: server.baseUrl, apiKey: state.apiKey }, sqlPool, state.data, {
      durationSeconds: opts.durationSeconds,
      warmupSeconds: 2,
      serialSeconds: 5,
      connections: opts.connections,
      explain: (name, text) => fs.appendFileSync(explainFile, `==== ${name}\n${text}\n`),
    });
    return {
      benchmark: 'pipeline',
      data: { deals: state.data.deals, stageHistory: state.data.history, openDeals: state.data.openDeals, reps: state.data.reps.length, quotas: state.data.quotas, months: opts.months },
      generateSeconds: generateSeconds ?? null,
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
