// EXPERIMENT: would two writers import faster than one? The import is CPU-bound on one PostgreSQL
// backend (13 indexes per contact row); a second connection could use the second core. Imports the
// same generated file once alone into a fresh database, then twice at the same time into two
// workspaces of another fresh database, and compares rows/s (the second figure counts both imports).
// It measures the ceiling of splitting one import across two connections, not a working design:
// that would split the file by email hash so later rows still win per email.
//   npx tsx bench/experiments/parallel-import.ts [rows=400000]
// Measured 2026-11-26 (400k rows, 2 cores, PostgreSQL 15 on the same machine): one writer 12,881 rows/s,
// two writers 18,356 rows/s together (1.43×). A real gain, and still far from 50,000.
import path from 'node:path';
import { defaultCsvPath, writeContactsCsv } from '../lib/contacts-csv.ts';
import { freshBenchDatabase } from '../lib/bench-database.ts';
import { createBenchWorkspace, importContactsCsv } from '../lib/tandem-workspace.ts';

const rows = Number(process.argv[2] ?? 400_000);
const out = path.resolve('bench/output');
const opts = { rows, duplicateShare: 0.05, seed: 42 };
const csv = await writeContactsCsv(defaultCsvPath(out, opts), opts);
const dataDir = path.join(out, 'exp-data');

const alone = await freshBenchDatabase('bench_import_exp', 4);
const ws = await createBenchWorkspace(alone.database, dataDir);
const single = await importContactsCsv(alone.database, ws.workspaceId, csv.file, dataDir);
await alone.database.close();

const shared = await freshBenchDatabase('bench_import_exp2', 4);
const a = await createBenchWorkspace(shared.database, dataDir, 'bench-a@tandem.local');
const b = await createBenchWorkspace(shared.database, dataDir, 'bench-b@tandem.local');
const started = performance.now();
await Promise.all([a, b].map((w) => importContactsCsv(shared.database, w.workspaceId, csv.file, dataDir)));
const bothSeconds = (performance.now() - started) / 1000;
await shared.database.close();

console.log(
  JSON.stringify({
    rows,
    oneWriter: { seconds: Math.round(single.seconds * 10) / 10, rowsPerSecond: Math.round(rows / single.seconds) },
    twoWriters: { seconds: Math.round(bothSeconds * 10) / 10, rowsPerSecond: Math.round((2 * rows) / bothSeconds) },
  }),
);
