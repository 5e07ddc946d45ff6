// Experiment: where does a Tandem import spend its time? Runs the import with a Kysely logger that
// adds up time per SQL statement shape, and reports Node CPU time next to wall time.
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../../server/db-schema.ts';
import { defaultCsvPath, writeContactsCsv } from '../lib/contacts-csv.ts';
import { freshBenchDatabase } from '../lib/bench-database.ts';
import { createBenchWorkspace, importContactsCsv } from '../lib/tandem-workspace.ts';

const rows = Number(process.argv[2] ?? 100000);
const out = path.resolve('bench/output');
const opts = { rows, duplicateShare: 0.05, seed: 42 };
const csv = await writeContactsCsv(defaultCsvPath(out, opts), opts);
const { database } = await freshBenchDatabase('bench_import_exp', 4);
const ws = await createBenchWorkspace(database, path.join(out, 'exp-data'));
const totals = new Map<string, { n: number; ms: number }>();
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: database.pool }),
  log(e) {
    const key = e.query.sql.replace(/\s+/g, ' ').trim().slice(0, 70);
    const t = totals.get(key) ?? { n: 0, ms: 0 };
    t.n++;
    t.ms += e.queryDurationMillis;
    totals.set(key, t);
  },
});
const cpu0 = process.cpuUsage();
const run = await importContactsCsv({ ...database, db }, ws.workspaceId, csv.file, path.join(out, 'exp-data'));
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ seconds: run.seconds, rps: Math.round(rows / run.seconds), nodeCpuSeconds: (cpu.user + cpu.system) / 1e6 }));
for (const [k, v] of [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12))
  console.log(`${(v.ms / 1000).toFixed(2)}s  n=${v.n}  ${k}`);
await db.destroy();
