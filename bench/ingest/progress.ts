// Watching a run from outside, the way an operator would: how many events the source has stored (the
// processing job counts them in the same transaction as it inserts them), polled over HTTP so it works
// on the embedded database too; and the CPU a phase cost, when PostgreSQL's backends can be found.
import os from 'node:os';
import type pg from 'pg';
import { withCpuShare, type CpuShare } from '../api/cpu.ts';
import { log, round } from '../lib/measure.ts';
import type { IngestServer } from './server.ts';

export interface BenchWorkspace {
  workspaceId: string;
  apiKey: string;
  sourceId: string;
  writeKey: string;
}

/** Events stored for the source so far (the processing job counts them in the same transaction). */
export async function storedSoFar(server: IngestServer, ws: BenchWorkspace): Promise<number | null> {
  try {
    const res = await fetch(`${server.baseUrl}/api/v1/sources/${ws.sourceId}`, {
      headers: { authorization: `Bearer ${ws.apiKey}` },
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) return null;
    return ((await res.json()) as { eventCount: number }).eventCount;
  } catch {
    return null; // the server is down (crash test) or busy: try again
  }
}

/** Polls until `expected` events are stored; returns when that happened (ms since epoch) or null on timeout. */
export async function waitUntilStored(server: IngestServer, ws: BenchWorkspace, expected: number, deadline: number, label: string): Promise<number | null> {
  let lastLog = 0;
  if (expected === 0) return Date.now();
  for (;;) {
    const n = await storedSoFar(server, ws);
    if (n !== null && n >= expected) return Date.now();
    if (Date.now() > deadline) return null;
    if (Date.now() - lastLog > 5000) {
      lastLog = Date.now();
      log(`  ${label}: ${n?.toLocaleString('en-US') ?? '?'} / ${expected.toLocaleString('en-US')} events stored`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Samples the stored count while `fn` runs (for the backlog at the end of the load). */
export async function sampled<T>(server: IngestServer, ws: BenchWorkspace, fn: () => Promise<T>): Promise<{ result: T; storedAtEnd: number | null }> {
  let done = false;
  let last: number | null = null;
  const poller = (async () => {
    while (!done) {
      last = (await storedSoFar(server, ws)) ?? last;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  try {
    const result = await fn();
    done = true;
    const atEnd = await storedSoFar(server, ws);
    return { result, storedAtEnd: atEnd ?? last };
  } finally {
    done = true;
    await poller;
  }
}

/** `fn` measured with withCpuShare when there is a pool to find PostgreSQL's backends by; `units` divides it. */
export async function cpuWindow<T>(pool: pg.Pool | undefined, server: IngestServer, fn: () => Promise<T>, units: (r: T) => number): Promise<{ result: T; cpu: CpuShare | null }> {
  if (!pool) return { result: await fn(), cpu: null };
  let result!: T;
  const { cpu } = await withCpuShare(pool, server.pid(), async () => {
    result = await fn();
    return { requests: Math.max(1, units(result)) };
  });
  return { result, cpu };
}

export const loadAverage = () => os.loadavg().map((n) => round(n, 2));

/** Events in the acknowledged batches (1 per batch in `acked`). */
export const ackedEvents = (acked: Uint8Array, batch: number, total: number) => {
  let n = 0;
  for (let b = 0; b < acked.length; b++) if (acked[b]) n += Math.min(batch, total - b * batch);
  return n;
};
