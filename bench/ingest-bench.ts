// `npm run bench -- ingest`: events through the Segment-compatible /v1/batch endpoint of a server in
// its own process, then the crash test. See bench/README.md for how to read the numbers.
//
// 1. Throughput: `events` events in batches of `batch`, sent by `clients` closed-loop keep-alive
//    clients. Measured: events/s acknowledged (200) and request latency; how long until processing
//    (the inbox job: identities, visits, touches) has stored every event in the events table; the
//    CPU each event cost the server, PostgreSQL, the load generator and the rest of the machine.
// 2. Crash: another run into another workspace; the server is killed with SIGKILL mid-run and
//    started again; clients resend what got no answer (as Segment's libraries do). Every messageId
//    acknowledged before the kill, and after it, must end up stored exactly once.
import path from 'node:path';
import type pg from 'pg';
import type { OpenDatabase } from '../server/platform/db.ts';
import { initWorkspace } from '../server/workspaces/init-workspace.ts';
import { insertSource } from '../server/tracking/sources.store.ts';
import { processTrackingInbox } from '../server/tracking/inbox.ts';
import { log, round, summarizeLatencies, type LatencySummary } from './lib/measure.ts';
import { batchBody, visitorsFor } from './ingest/events.ts';
import { runLoad, type LoadResult } from './ingest/load.ts';
import { ingestServer, type IngestServer } from './ingest/server.ts';
import { ackedEvents, cpuWindow, loadAverage, sampled, storedSoFar, waitUntilStored, type BenchWorkspace } from './ingest/progress.ts';
import { crashRun } from './ingest/crash-run.ts';
import { countStored, type StoredCounts } from './ingest/count-stored.ts';
import { copyEvents, writeEventsFile, type CopyRun } from './ingest/copy-events.ts';

export interface IngestTarget {
  engine: 'postgres' | 'pglite';
  /** The server process's DATABASE_URL; unset: the embedded database in `dataDir`. */
  databaseUrl?: string;
  /** The server's data directory (the embedded database lives here when there is no databaseUrl). */
  dataDir: string;
  /** Runs `fn` with the database; with the embedded database only while no server process runs. */
  withDb<T>(fn: (database: OpenDatabase) => Promise<T>): Promise<T>;
  /** PostgreSQL: a pool on the benchmark database, to attribute CPU to its backends. */
  pool?: pg.Pool;
}

export interface IngestBenchOptions {
  events: number;
  clients: number;
  batch: number;
  /** Events of the crash run (0: no crash test). */
  crashEvents: number;
  /** Kill the server this many seconds into the crash run … */
  killAfterSeconds: number;
  /** … or once this many batches are acknowledged, whichever comes first. */
  killAfterBatches?: number;
  port: number;
  logLevel: string;
  outputDir: string;
  /** PostgreSQL only: COPY the same events into a bare table before and after the run. */
  copyBaseline: boolean;
  /** Give up waiting for processing to catch up after this long (it is reported, not thrown). */
  catchUpTimeoutSeconds: number;
  /**
   * After stopping the server, process what is left in the inbox in this process before counting
   * (the machinery test: it cannot wait out a crashed job's lease). Reported as processedAfterStop.
   */
  finishProcessing?: boolean;
}

async function createIngestWorkspace(database: OpenDatabase, name: string): Promise<BenchWorkspace> {
  const ids = await initWorkspace(database.db, { workspace: name, email: `${name.toLowerCase()}@bench.tandem.local`, password: 'benchmark-password' });
  const sourceId = await insertSource(database.db, ids.workspaceId, 'Website');
  const { write_key } = await database.db.selectFrom('sources').select('write_key').where('id', '=', sourceId).executeTakeFirstOrThrow();
  return { workspaceId: ids.workspaceId, apiKey: ids.apiKey, sourceId, writeKey: write_key };
}


function describeLoad(load: LoadResult, events: number) {
  return {
    seconds: round(load.seconds, 2),
    requests: load.requests,
    acknowledgedEvents: events,
    eventsPerSecond: Math.round(events / load.seconds),
    latency: summarizeLatencies(load.latencies) as LatencySummary,
    non200: load.non200,
    connectionErrors: load.connectionErrors,
    rejectedEvents: load.rejectedEvents,
  };
}

async function throughputRun(target: IngestTarget, server: IngestServer, ws: BenchWorkspace, opts: IngestBenchOptions) {
  const batches = Math.ceil(opts.events / opts.batch);
  const visitors = visitorsFor(opts.events);
  // Bodies are built before the clock starts: real clients run on other machines, and generating
  // ~75 KB of JSON per request here took CPU from the two cores the server and PostgreSQL share.
  const bodies = Array.from({ length: batches }, (_, b) => Buffer.from(batchBody(1, b, opts.batch, opts.events, visitors)));
  log(`throughput: ${opts.events.toLocaleString('en-US')} events, ${batches.toLocaleString('en-US')} requests of ${opts.batch}, ${opts.clients} clients`);
  const loadAvgBefore = loadAverage();
  const started = Date.now();
  const during = await cpuWindow(
    target.pool,
    server,
    () =>
      sampled(server, ws, () =>
        runLoad({
          baseUrl: server.baseUrl,
          writeKey: ws.writeKey,
          batches,
          clients: opts.clients,
          body: (b) => bodies[b],
          onAck: (n) => {
            if (n % Math.max(1, Math.floor(batches / 10)) === 0) log(`  ${(n * opts.batch).toLocaleString('en-US')} events acknowledged`);
          },
        }),
      ),
    (r) => ackedEvents(r.result.acked, opts.batch, opts.events),
  );
  const load = during.result.result;
  const loadEndedAt = Date.now();
  const loadAvgAtLoadEnd = loadAverage();
  const acknowledged = ackedEvents(load.acked, opts.batch, opts.events);
  const storedAtLoadEnd = during.result.storedAtEnd;
  const drain = await cpuWindow(
    target.pool,
    server,
    () => waitUntilStored(server, ws, acknowledged, Date.now() + opts.catchUpTimeoutSeconds * 1000, 'processing'),
    () => acknowledged - (storedAtLoadEnd ?? 0),
  );
  const caughtUpAt = drain.result;
  const caughtUpSeconds = caughtUpAt === null ? null : (caughtUpAt - started) / 1000;
  // gave up waiting: what was stored by then says how fast processing went
  const givenUp = caughtUpAt === null ? { stored: await storedSoFar(server, ws), seconds: (Date.now() - started) / 1000 } : null;
  return {
    load,
    summary: {
      ingest: describeLoad(load, acknowledged),
      processing: {
        storedAtLoadEnd,
        backlogAtLoadEnd: storedAtLoadEnd === null ? null : acknowledged - storedAtLoadEnd,
        caughtUp: caughtUpSeconds !== null,
        /** From the first request until every acknowledged event was in the events table. */
        caughtUpSeconds: caughtUpSeconds === null ? null : round(caughtUpSeconds, 2),
        drainSecondsAfterLoad: caughtUpAt === null ? null : round((caughtUpAt - loadEndedAt) / 1000, 2),
        eventsPerSecond: caughtUpSeconds ? Math.round(acknowledged / caughtUpSeconds) : null,
        storedWhenGivenUp: givenUp?.stored ?? null,
        eventsPerSecondUntilGivenUp: givenUp?.stored ? Math.round(givenUp.stored / givenUp.seconds) : null,
      },
      /**
       * CPU milliseconds per event. duringLoad: per acknowledged event while the clients sent (the
       * processing job ran alongside); afterLoad: per event processed once sending stopped (processing
       * alone: the job, its queries, PostgreSQL). machineBusy near 1 with a large otherMs means other
       * work on the machine took the cores.
       */
      cpuPerEvent: target.pool ? { duringLoad: during.cpu, afterLoad: drain.cpu } : null,
      loadAverage: { before: loadAvgBefore, atLoadEnd: loadAvgAtLoadEnd, after: loadAverage() },
    },
  };
}

export async function runIngestBench(target: IngestTarget, opts: IngestBenchOptions) {
  const { main, crashWs } = await target.withDb(async (database) => ({
    main: await createIngestWorkspace(database, 'Ingest'),
    crashWs: opts.crashEvents > 0 ? await createIngestWorkspace(database, 'Crash') : null,
  }));

  const copyRuns: CopyRun[] = [];
  let copyFile: string | null = null;
  const copyOnce = async () => {
    if (!target.pool || !copyFile) return;
    log('baseline: COPY of the same events into a bare table');
    const run = await copyEvents(target.pool, copyFile);
    log(`  ${run.rows.toLocaleString('en-US')} rows in ${run.seconds.toFixed(1)}s (${run.rowsPerSecond.toLocaleString('en-US')}/s)`);
    copyRuns.push(run);
  };
  if (opts.copyBaseline && target.pool) {
    copyFile = (await writeEventsFile(path.join(opts.outputDir, `ingest-events-${opts.events}.tsv`), opts.events)).file;
    await copyOnce();
  }

  const server = ingestServer({
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir,
    port: opts.port,
    logFile: path.join(opts.outputDir, 'ingest-server.log'),
    logLevel: opts.logLevel,
  });
  const startSeconds = await server.start();
  let throughput: Awaited<ReturnType<typeof throughputRun>>;
  let crash: Awaited<ReturnType<typeof crashRun>> | null = null;
  try {
    throughput = await throughputRun(target, server, main, opts);
    if (crashWs) crash = await crashRun(server, crashWs, opts);
  } finally {
    await server.stop();
  }
  await copyOnce();

  log('counting what was stored');
  const counts = await target.withDb(async (database) => ({
    processedAfterStop: opts.finishProcessing
      ? {
          main: await processTrackingInbox(database.db, main.workspaceId),
          crash: crashWs ? await processTrackingInbox(database.db, crashWs.workspaceId) : 0,
        }
      : null,
    main: await countStored(database, main.workspaceId, [{ run: 1, acked: throughput.load.acked, batch: opts.batch, total: opts.events, label: 'all' }]),
    crash:
      crash && crashWs
        ? await countStored(database, crashWs.workspaceId, [
            { run: 2, acked: crash.acked, batch: opts.batch, total: opts.crashEvents, label: 'all' },
            { run: 2, acked: crash.ackedAtKill, batch: opts.batch, total: opts.crashEvents, label: 'beforeKill' },
          ])
        : null,
  }));

  const copyMean = copyRuns.length ? Math.round(copyRuns.reduce((s, r) => s + r.rowsPerSecond, 0) / copyRuns.length) : null;
  const ingestRate = throughput.summary.ingest.eventsPerSecond;
  const processRate = throughput.summary.processing.eventsPerSecond;
  return {
    engine: target.engine,
    events: opts.events,
    batch: opts.batch,
    clients: opts.clients,
    serverStartSeconds: round(startSeconds, 2),
    ...throughput.summary,
    stored: summarizeCounts(counts.main),
    copyBaseline: copyMean === null ? null : { runs: copyRuns.map((r) => ({ ...r, seconds: round(r.seconds, 2) })), eventsPerSecond: copyMean },
    ratioToCopy:
      copyMean === null ? null : { acknowledged: round(ingestRate / copyMean, 3), processed: processRate === null ? null : round(processRate / copyMean, 3) },
    goal: { eventsPerSecond: 20_000, acknowledgedMeets: ingestRate >= 20_000, processedMeets: processRate !== null && processRate >= 20_000 },
    processedAfterStop: counts.processedAfterStop,
    crash: crash && counts.crash ? { ...crash.summary, stored: summarizeCounts(counts.crash), lostOfAcknowledgedBeforeKill: counts.crash.lost.beforeKill ?? null } : null,
  };
}

function summarizeCounts(c: StoredCounts) {
  return {
    acknowledged: c.acknowledged.all,
    stored: c.stored,
    distinctMessageIds: c.distinct,
    duplicates: c.stored - c.distinct,
    lost: c.lost.all,
    /** Acknowledged, not yet processed (still in the inbox), and set aside as failed. */
    pendingInInbox: c.pendingInInbox,
    failedInInbox: c.failedInInbox,
  };
}
