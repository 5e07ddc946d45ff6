// The crash test: a run into its own workspace during which the server gets kill -9 and is started
// again on the same database. Clients resend what got no answer once it is back. What was acknowledged
// at the instant of the kill is kept apart: it must be stored without any resend.
import { log, round } from '../lib/measure.ts';
import { batchBody, visitorsFor } from './events.ts';
import { runLoad } from './load.ts';
import type { IngestServer } from './server.ts';
import { ackedEvents, loadAverage, storedSoFar, waitUntilStored, type BenchWorkspace } from './progress.ts';
import type { IngestBenchOptions } from '../ingest-bench.ts';

export async function crashRun(server: IngestServer, ws: BenchWorkspace, opts: IngestBenchOptions) {
  const events = opts.crashEvents;
  const batches = Math.ceil(events / opts.batch);
  const visitors = visitorsFor(events);
  const acked = new Uint8Array(batches);
  let up: Promise<void> = Promise.resolve();
  let crash: Promise<void> | undefined;
  const result = {
    killed: false,
    killedAfterSeconds: 0,
    acknowledgedBeforeKill: 0,
    restartSeconds: 0,
    ackedAtKill: new Uint8Array(batches),
    restartedAt: 0,
    /** When the stored count first moved after the restart (processing resumed). */
    resumedAt: null as number | null,
  };
  // after the restart, watch for the first event the new process stores
  const watchResume = async () => {
    const base = await storedSoFar(server, ws);
    while (result.resumedAt === null && Date.now() - result.restartedAt < opts.catchUpTimeoutSeconds * 1000) {
      const n = await storedSoFar(server, ws);
      if (n !== null && base !== null && n > base) result.resumedAt = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  let watching: Promise<void> = Promise.resolve();
  const started = Date.now();
  const kill = () => {
    if (crash) return;
    let markUp!: () => void;
    up = new Promise((resolve) => (markUp = resolve));
    // what was acknowledged at the instant of the kill; requests in flight get no answer
    result.ackedAtKill = acked.slice();
    result.acknowledgedBeforeKill = ackedEvents(result.ackedAtKill, opts.batch, events);
    result.killedAfterSeconds = round((Date.now() - started) / 1000, 2);
    result.killed = true;
    log(`crash: kill -9 of server pid ${server.pid()} after ${result.killedAfterSeconds}s, ${result.acknowledgedBeforeKill.toLocaleString('en-US')} events acknowledged`);
    crash = (async () => {
      await server.kill();
      result.restartSeconds = round(await server.start(), 2);
      result.restartedAt = Date.now();
      log(`crash: server restarted in ${result.restartSeconds}s; clients resend what got no answer`);
      watching = watchResume();
      markUp();
    })();
  };
  log(`crash: ${events.toLocaleString('en-US')} events into a second workspace; kill -9 after ${opts.killAfterSeconds}s${opts.killAfterBatches ? ` or ${opts.killAfterBatches} acknowledged requests` : ''}`);
  const loadAvgBefore = loadAverage();
  const timer = setTimeout(kill, opts.killAfterSeconds * 1000);
  const load = await runLoad({
    baseUrl: server.baseUrl,
    writeKey: ws.writeKey,
    batches,
    clients: opts.clients,
    acked,
    body: (b) => batchBody(2, b, opts.batch, events, visitors),
    retry: { waitForServer: () => up },
    onAck: (n) => {
      if (opts.killAfterBatches && n >= opts.killAfterBatches) kill();
    },
  });
  clearTimeout(timer);
  // the run ended before the kill: kill now all the same (nothing is in flight then)
  if (!crash) kill();
  await crash;
  const acknowledged = ackedEvents(acked, opts.batch, events);
  const runEndedAt = Date.now();
  const caughtUpAt = await waitUntilStored(server, ws, acknowledged, Date.now() + opts.catchUpTimeoutSeconds * 1000, 'crash recovery');
  await watching;
  return {
    acked,
    ackedAtKill: result.ackedAtKill,
    summary: {
      events,
      killed: result.killed,
      killedAfterSeconds: result.killedAfterSeconds,
      acknowledgedBeforeKill: result.acknowledgedBeforeKill,
      restartSeconds: result.restartSeconds,
      acknowledged,
      resentBatches: load.resent,
      connectionErrors: load.connectionErrors,
      non200: load.non200,
      ingestSeconds: round(load.seconds, 2),
      caughtUp: caughtUpAt !== null,
      /** From the restart until the new process stored its first event (a crashed job holds its lease until then). */
      processingResumedSecondsAfterRestart: result.resumedAt === null ? null : round((result.resumedAt - result.restartedAt) / 1000, 2),
      /** From the end of the run (after the restart) until every acknowledged event was stored. */
      catchUpSecondsAfterRun: caughtUpAt === null ? null : round((caughtUpAt - runEndedAt) / 1000, 2),
      loadAverage: { before: loadAvgBefore, after: loadAverage() },
    },
  };
}

