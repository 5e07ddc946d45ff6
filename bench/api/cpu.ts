// Where the CPU went during a load run (Linux /proc): the server process, the PostgreSQL backends
// serving the benchmark database, this process (the load generator or SQL client), and everything
// else on the machine. Divided by the requests served, it says what one request costs each party and
// how much of the machine other work took, which on a shared 2-core box decides the ceiling.
import fs from 'node:fs';
import os from 'node:os';
import type pg from 'pg';
import { round } from '../lib/measure.ts';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function processTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const [line] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = v[3] + (v[4] ?? 0);
    const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

export interface CpuShare {
  /** CPU milliseconds per request. */
  serverMs: number | null;
  postgresMs: number;
  clientMs: number;
  otherMs: number | null;
  /** Share of the machine's cores busy during the run, 0..1. */
  machineBusy: number | null;
}

async function backendPids(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
  );
  return rows.map((r) => r.pid);
}

/**
 * The CPU ticks of the benchmark database's backends since `start()`, sampled every `everyMs`: a
 * backend that ends mid-run (a pool closing an idle connection) keeps the ticks it was last seen with.
 */
function backendTicks(pool: pg.Pool, everyMs = 500) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = async () => {
    for (const pid of await backendPids(pool)) {
      const ticks = processTicks(pid);
      // a backend that started during the run counts from zero
      if (!first.has(pid)) first.set(pid, started ? 0 : ticks);
      last.set(pid, ticks);
    }
  };
  let started = false;
  let timer: NodeJS.Timeout | undefined;
  return {
    async start() {
      await sample();
      started = true;
      timer = setInterval(() => void sample().catch(() => {}), everyMs);
    },
    async stop(): Promise<number> {
      clearInterval(timer);
      await sample();
      let ticks = 0;
      for (const [pid, t] of last) ticks += Math.max(0, t - (first.get(pid) ?? 0));
      return ticks;
    },
  };
}

/** Measures `fn` (which returns the number of requests it served). Postgres pids are read from `pool`. */
export async function withCpuShare<T extends { requests: number }>(
  pool: pg.Pool,
  serverPid: number | undefined,
  fn: () => Promise<T>,
): Promise<T & { cpu: CpuShare }> {
  const backends = backendTicks(pool);
  await backends.start();
  const serverBefore = serverPid ? processTicks(serverPid) : 0;
  const machineBefore = machineTicks();
  const clientBefore = process.cpuUsage();

  const result = await fn();

  const client = process.cpuUsage(clientBefore);
  const machineAfter = machineTicks();
  const serverMsTotal = serverPid ? (processTicks(serverPid) - serverBefore) * TICK_MS : null;
  const pgTicks = await backends.stop();
  const n = Math.max(result.requests, 1);
  const clientMsTotal = (client.user + client.system) / 1000;
  const machineBusyMs = machineBefore && machineAfter ? (machineAfter.busy - machineBefore.busy) * TICK_MS : null;
  const cores = os.cpus().length;
  const ours = (serverMsTotal ?? 0) + pgTicks * TICK_MS + clientMsTotal;
  return {
    ...result,
    cpu: {
      serverMs: serverMsTotal === null ? null : round(serverMsTotal / n, 3),
      postgresMs: round((pgTicks * TICK_MS) / n, 3),
      clientMs: round(clientMsTotal / n, 3),
      otherMs: machineBusyMs === null ? null : round(Math.max(0, machineBusyMs - ours) / n, 3),
      machineBusy:
        machineBefore && machineAfter
          ? round((machineAfter.busy - machineBefore.busy) / Math.max(1, machineAfter.total - machineBefore.total), 2)
          : null,
    },
  };
}

export const CPU_CORES = os.cpus().length;
