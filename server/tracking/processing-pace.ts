// Intake first: while a burst of /v1 requests keeps this process busy, inbox processing steps aside
// for a while, up to a bounded lag.
//
// Why: acknowledging an event (validate, one inbox row) costs about a fifth of what processing it
// costs (identities, visits, touches, stitching). When both run on the same cores during a burst,
// processing takes the CPU the requests need, and clients wait or, worse, drop events when their
// queues fill. Measured with the ingest benchmark on two cores: acknowledgements ran at ~17,000
// events/s with processing alongside and ~26,000 with processing paused. The inbox is a durable
// buffer; processing later does the same work, so deferring it costs only freshness.
//
// How: only when processing has a backlog (its last batch was full) and the oldest waiting event is
// younger than the bound does it probe how busy the event loop is with requests alone, sleeping for `probeMs` and measuring event-loop utilisation meanwhile
// (processing's own work is not counted: it is paused). Above `busyShare`, it keeps waiting in steps
// of `stepMs` until the loop calms down or the oldest waiting event is `maxLagSeconds` old; past
// that, it processes at full speed whatever the load, so a steady overload cannot starve it. After a
// probe found the loop calm, the next second's batches go without probing (a probe costs its 50 ms).
import { performance } from 'node:perf_hooks';

export interface PaceOptions {
  /** The oldest waiting event may be this old before processing stops deferring (0 never defers). */
  maxLagSeconds: number;
  /** Event-loop utilisation by requests alone above which processing defers. */
  busyShare?: number;
  probeMs?: number;
  stepMs?: number;
  /** Called after each waiting step (the job heartbeats its lease here). */
  onWait?: () => Promise<void>;
}

export interface PaceClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Event-loop utilisation (0–1) while `fn` runs. */
  utilisationDuring(fn: () => Promise<void>): Promise<number>;
}

export const realClock: PaceClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  async utilisationDuring(fn) {
    const start = performance.eventLoopUtilization();
    await fn();
    return performance.eventLoopUtilization(start).utilization;
  },
};

export interface PaceOutcome {
  deferredMs: number;
  /** Why it went on: not busy, or the lag bound was reached. */
  reason: 'not-busy' | 'max-lag' | 'no-backlog' | 'disabled' | 'recently-calm';
}

/** paceProcessing with memory: after a calm probe, no probing for `recheckMs` (default 1 s). */
export function processingPacer(opts: PaceOptions & { recheckMs?: number }, clock: PaceClock = realClock) {
  let calmUntil = 0;
  return async (backlog: boolean, oldestWaiting: () => Promise<Date | null>): Promise<PaceOutcome> => {
    if (backlog && opts.maxLagSeconds > 0 && clock.now() < calmUntil) return { deferredMs: 0, reason: 'recently-calm' };
    const out = await paceProcessing(backlog, oldestWaiting, opts, clock);
    if (out.reason === 'not-busy') calmUntil = clock.now() + (opts.recheckMs ?? 1000);
    return out;
  };
}

/**
 * Called between processing batches. `oldestWaiting` reads when the oldest unprocessed event arrived
 * (null: none waits); it is asked once per deferral, not on every step.
 */
export async function paceProcessing(
  backlog: boolean,
  oldestWaiting: () => Promise<Date | null>,
  opts: PaceOptions,
  clock: PaceClock = realClock,
): Promise<PaceOutcome> {
  if (opts.maxLagSeconds <= 0) return { deferredMs: 0, reason: 'disabled' };
  if (!backlog) return { deferredMs: 0, reason: 'no-backlog' };
  const busyShare = opts.busyShare ?? 0.5;
  const probeMs = opts.probeMs ?? 50;
  const stepMs = opts.stepMs ?? 250;
  const started = clock.now();
  const busy = async (ms: number) => (await clock.utilisationDuring(() => clock.sleep(ms))) > busyShare;
  // the bound first: under a steady overload every batch comes here, and a query is cheaper than a probe
  const oldest = await oldestWaiting();
  if (!oldest) return { deferredMs: 0, reason: 'no-backlog' };
  const deadline = oldest.getTime() + opts.maxLagSeconds * 1000;
  if (clock.now() >= deadline) return { deferredMs: 0, reason: 'max-lag' };
  if (!(await busy(probeMs))) return { deferredMs: clock.now() - started, reason: 'not-busy' };
  while (clock.now() < deadline) {
    const stillBusy = await busy(Math.min(stepMs, Math.max(1, deadline - clock.now())));
    await opts.onWait?.();
    if (!stillBusy) return { deferredMs: clock.now() - started, reason: 'not-busy' };
  }
  return { deferredMs: clock.now() - started, reason: 'max-lag' };
}
