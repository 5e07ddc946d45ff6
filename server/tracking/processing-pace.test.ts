import { describe, expect, it } from 'vitest';
import { paceProcessing, processingPacer, realClock, type PaceClock } from './processing-pace.ts';

/** A clock whose time moves only by sleeping, and whose loop is as busy as `load(t)` says at time t. */
function fakeClock(load: (t: number) => number): PaceClock & { waits: number } {
  let t = 0;
  const clock = {
    waits: 0,
    now: () => t,
    async sleep(ms: number) {
      t += ms;
      clock.waits++;
    },
    async utilisationDuring(fn: () => Promise<void>) {
      const from = t;
      await fn();
      return load(from);
    },
  };
  return clock;
}

const arrived = (msAgo: number, clock: PaceClock) => async () => new Date(clock.now() - msAgo);

describe('processing pace (intake first)', () => {
  it('goes on at once when processing has no backlog, without probing', async () => {
    const clock = fakeClock(() => 1);
    const out = await paceProcessing(false, arrived(0, clock), { maxLagSeconds: 60 }, clock);
    expect(out).toEqual({ deferredMs: 0, reason: 'no-backlog' });
    expect(clock.waits).toBe(0);
  });

  it('goes on after a short probe when requests leave the loop mostly idle', async () => {
    const clock = fakeClock(() => 0.2);
    const out = await paceProcessing(true, arrived(0, clock), { maxLagSeconds: 60, probeMs: 50 }, clock);
    expect(out).toEqual({ deferredMs: 50, reason: 'not-busy' });
  });

  it('waits while a burst keeps the loop busy, and resumes when it calms down', async () => {
    const clock = fakeClock((t) => (t < 3000 ? 0.9 : 0.1));
    const out = await paceProcessing(true, arrived(0, clock), { maxLagSeconds: 60, probeMs: 50, stepMs: 250 }, clock);
    expect(out.reason).toBe('not-busy');
    expect(out.deferredMs).toBeGreaterThanOrEqual(3000);
    expect(out.deferredMs).toBeLessThanOrEqual(3300);
  });

  it('never lets the oldest waiting event get older than the bound, however long the burst', async () => {
    const clock = fakeClock(() => 1);
    // the oldest event arrived 50 s before pacing began: it resumes when that event is 60 s old
    const out = await paceProcessing(true, async () => new Date(-50_000), { maxLagSeconds: 60, probeMs: 50, stepMs: 250 }, clock);
    expect(out.reason).toBe('max-lag');
    expect(clock.now()).toBe(10_000);
  });

  it('goes on without probing once the oldest waiting event is past the bound (a steady overload)', async () => {
    const clock = fakeClock(() => 1);
    const out = await paceProcessing(true, async () => new Date(-61_000), { maxLagSeconds: 60 }, clock);
    expect(out).toEqual({ deferredMs: 0, reason: 'max-lag' });
    expect(clock.waits).toBe(0);
  });

  it('heartbeats while it waits, and does not defer at all when switched off', async () => {
    const clock = fakeClock(() => 1);
    let beats = 0;
    await paceProcessing(true, arrived(59_000, clock), { maxLagSeconds: 60, stepMs: 250, onWait: async () => void beats++ }, clock);
    expect(beats).toBeGreaterThanOrEqual(3);
    expect(await paceProcessing(true, arrived(0, clock), { maxLagSeconds: 0 }, clock)).toEqual({ deferredMs: 0, reason: 'disabled' });
  });

  it('after a calm probe, lets the next second of batches go without probing', async () => {
    const clock = fakeClock(() => 0.1);
    const pace = processingPacer({ maxLagSeconds: 60, probeMs: 50, recheckMs: 1000 }, clock);
    expect((await pace(true, arrived(0, clock))).reason).toBe('not-busy');
    const probes = clock.waits;
    await clock.sleep(900);
    expect((await pace(true, arrived(0, clock))).reason).toBe('recently-calm');
    expect(clock.waits).toBe(probes + 1); // only the test's own sleep
    await clock.sleep(200);
    expect((await pace(true, arrived(0, clock))).reason).toBe('not-busy');
  });

  it('measures the real event loop: busy while synchronous work runs, idle while it sleeps', async () => {
    const idle = await realClock.utilisationDuring(() => realClock.sleep(50));
    const busy = await realClock.utilisationDuring(async () => {
      const end = Date.now() + 50;
      while (Date.now() < end);
    });
    expect(idle).toBeLessThan(0.5);
    expect(busy).toBeGreaterThan(0.5);
  });
});
