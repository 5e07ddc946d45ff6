// `npm run bench -- <import|api> [options]`: runs one benchmark on the PostgreSQL server (DATABASE_URL's
// server, or the local one) in its own bench_* database, prints progress on stderr and one JSON
// summary on stdout. See bench/README.md for the options and how to read the numbers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultCsvPath, writeContactsCsv } from './lib/contacts-csv.ts';
import { freshBenchDatabase, serverSettings } from './lib/bench-database.ts';
import { log, processPeakRssMb, round, timed } from './lib/measure.ts';
import { runImportBench } from './import-bench.ts';

const OUTPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output');

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
    'duplicate-share': { type: 'string', default: '0.05' },
    'no-update-run': { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    'keep-data': { type: 'boolean', default: false },
    port: { type: 'string', default: '3201' },
    'log-level': { type: 'string', default: 'info' },
    events: { type: 'string', default: '1000000' },
    clients: { type: 'string', default: '8' },
    batch: { type: 'string', default: '100' },
    'crash-events': { type: 'string', default: '200000' },
    'kill-after': { type: 'string', default: '3' },
    deals: { type: 'string', default: '200000' },
    'history-per-deal': { type: 'string', default: '10' },
    reps: { type: 'string', default: '40' },
    connections: { type: 'string', default: '10' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const usage = `Usage: npm run bench -- <import|api|ingest|pipeline> [options]
  import   1M-row contacts CSV: Tandem import vs raw COPY, then a re-import (all updates)
  api      1M contacts: list / custom-field filter / search latency and throughput over HTTP
  ingest   1M events through /v1/batch vs raw COPY, then kill -9 of the server mid-run (nothing acknowledged may be lost)
  pipeline 200k deals, 2M stage-history rows: forecast and sales metrics latency over HTTP vs the same SQL direct
Options:
  --rows N              rows in the generated CSV (default 1000000)
  --seed N              data seed (default 42)
  --duplicate-share X   share of rows repeating an earlier email (default 0.05)
  --no-update-run       import: skip the re-import into the filled workspace
  --duration S          api: seconds per load measurement (default 10)
  --keep-data           api: reuse bench_api when it already holds the contacts (faster reruns)
  --port N              api: port of the server under test (default 3201)
  --log-level L         api: the server's LOG_LEVEL (default info, what \`tandem serve\` runs with)
  --events N            ingest: events sent (default 1000000)
  --clients N           ingest: concurrent keep-alive clients (default 8)
  --batch N             ingest: events per /v1/batch request (default 100)
  --crash-events N      ingest: events of the crash run, 0 to skip it (default 200000)
  --kill-after S        ingest: seconds into the crash run when the server is killed (default 3)
  --deals N             pipeline: deals generated (default 200000)
  --history-per-deal N  pipeline: stage-history rows per deal (default 10)
  --reps N              pipeline: sales reps (default 40)
  --connections N       pipeline: concurrent connections of the latency measurement (default 10)
Database: the server DATABASE_URL points to (its database name is replaced by bench_import / bench_api / bench_ingest / bench_pipeline),
else postgres://postgres@127.0.0.1:5432. Output: JSON on stdout, progress on stderr.`;

const which = positionals[0];
if (values.help || (which !== 'import' && which !== 'api' && which !== 'ingest' && which !== 'pipeline')) {
  console.error(usage);
  process.exit(values.help ? 0 : 1);
}

const rows = Number(values.rows);
const csvOptions = { rows, duplicateShare: Number(values['duplicate-share']), seed: Number(values.seed) };
const machine = {
  cpus: os.cpus().length,
  memoryGb: round(os.totalmem() / 2 ** 30, 0),
  node: process.version,
  loadAverage: os.loadavg().map((n) => round(n, 2)),
};

async function generateCsv() {
  log(`generating ${rows.toLocaleString('en-US')}-row contacts CSV in ${OUTPUT}`);
  const { result, seconds } = await timed(() => writeContactsCsv(defaultCsvPath(OUTPUT, csvOptions), csvOptions));
  log(
    `CSV ready: ${(result.bytes / 1048576).toFixed(0)} MB, ${result.distinctEmails.toLocaleString('en-US')} distinct emails (${seconds.toFixed(1)}s)`,
  );
  return result;
}

/** The summary on stdout, and a copy in bench/output/ (`npm run` without -s prints its own banner on stdout). */
function report(name: string, summary: Record<string, unknown>) {
  const json = JSON.stringify(summary, null, 2);
  const file = path.join(OUTPUT, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, json);
  console.log(json);
  log(`summary saved to ${file}`);
}

async function main() {
  const startedAt = new Date().toISOString();
  // git ignores it, so a fresh clone has none
  fs.mkdirSync(OUTPUT, { recursive: true });
  if (which === 'pipeline') {
    const { runPipelineBenchCommand } = await import('./pipeline-command.ts');
    const summary = await runPipelineBenchCommand({
      deals: Number(values.deals),
      historyPerDeal: Number(values['history-per-deal']),
      reps: Number(values.reps),
      months: 36,
      durationSeconds: Number(values.duration),
      connections: Number(values.connections),
      keepData: values['keep-data'],
      port: Number(values.port),
      outputDir: OUTPUT,
      logLevel: values['log-level'],
    });
    report('pipeline', { ...summary, startedAt, machine, machineAfter: { loadAverage: os.loadavg().map((n) => round(n, 2)) }, processPeakRssMb: processPeakRssMb() });
    return;
  }
  if (which === 'ingest') {
    const { runIngestBenchCommand } = await import('./ingest-bench-command.ts');
    const summary = await runIngestBenchCommand({
      events: Number(values.events),
      clients: Number(values.clients),
      batch: Number(values.batch),
      crashEvents: Number(values['crash-events']),
      killAfterSeconds: Number(values['kill-after']),
      port: Number(values.port),
      logLevel: values['log-level'],
      outputDir: OUTPUT,
    });
    report('ingest', { ...summary, startedAt, machine, machineAfter: { loadAverage: os.loadavg().map((n) => round(n, 2)) }, processPeakRssMb: processPeakRssMb() });
    return;
  }
  const csv = await generateCsv();
  if (which === 'import') {
    const dataDir = path.join(OUTPUT, 'import-data');
    fs.rmSync(dataDir, { recursive: true, force: true });
    // pool of 4, as `tandem import` opens it
    const { database } = await freshBenchDatabase('bench_import', 4);
    try {
      const settings = await serverSettings(database);
      const summary = await runImportBench(database, dataDir, csv, { updateRun: !values['no-update-run'], copyBaseline: true });
      report('import', { ...summary, startedAt, machine, postgres: settings, processPeakRssMb: processPeakRssMb() });
    } finally {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    return;
  }
  const { runApiBenchCommand } = await import('./api-bench-command.ts');
  const summary = await runApiBenchCommand(csv, {
    durationSeconds: Number(values.duration),
    keepData: values['keep-data'],
    port: Number(values.port),
    outputDir: OUTPUT,
    logLevel: values['log-level'],
  });
  report('api', {
    ...summary,
    startedAt,
    machine,
    machineAfter: { loadAverage: os.loadavg().map((n) => round(n, 2)) },
    processPeakRssMb: processPeakRssMb(),
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
