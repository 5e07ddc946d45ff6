// `npm run bench -- ingest` on the PostgreSQL server: a fresh bench_ingest database, the server in its
// own process on it, the COPY baseline through a pool in this process.
import fs from 'node:fs';
import path from 'node:path';
import { freshBenchDatabase, serverSettings } from './lib/bench-database.ts';
import { runIngestBench, type IngestBenchOptions } from './ingest-bench.ts';

export async function runIngestBenchCommand(opts: Omit<IngestBenchOptions, 'copyBaseline' | 'catchUpTimeoutSeconds'>) {
  const dataDir = path.join(opts.outputDir, 'ingest-data');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const { database, url } = await freshBenchDatabase('bench_ingest', 4);
  try {
    const postgres = await serverSettings(database);
    const summary = await runIngestBench(
      { engine: 'postgres', databaseUrl: url, dataDir, withDb: (fn) => fn(database), pool: database.pool },
      // a crashed processing job keeps its lease (5 minutes) before another worker takes it over
      { ...opts, copyBaseline: true, catchUpTimeoutSeconds: 900 },
    );
    return { ...summary, postgres };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
