import path from 'node:path';
import { openDatabase } from '../../server/platform/db.ts';
import { migrateToLatest } from '../../server/platform/migrate.ts';
import { runIngestBench } from '../ingest-bench.ts';
const dir = '/tmp/tandem-scratch/ing';
const dbDir = path.join(dir, 'data');
const open = () => openDatabase({ dataDir: dbDir, command: 'bench' });
const first = await open(); await migrateToLatest(first.db); await first.close();
const s = await runIngestBench({ engine: 'pglite', dataDir: path.join(dir, 'data'), async withDb(fn) { const d = await open(); try { return await fn(d); } finally { await d.close(); } } },
  { events: 500, clients: 2, batch: 50, crashEvents: 0, killAfterSeconds: 60, port: 41999, logLevel: 'info', outputDir: dir, copyBaseline: false, catchUpTimeoutSeconds: 20, finishProcessing: true });
console.log(JSON.stringify(s, null, 1));
