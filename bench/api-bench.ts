// The API benchmark proper, given a running server and a workspace full of contacts: walks and checks
// the scenarios' pages, then for each scenario measures latency at low concurrency and throughput at
// high concurrency over HTTP, and the same SQL sent straight to PostgreSQL at the same concurrency.
import type pg from 'pg';
import { log, round } from './lib/measure.ts';
import { loadHttp, type LoadResult } from './api/load-http.ts';
import { captureListSql, loadSql, type CapturedQuery } from './api/load-sql.ts';
import { buildScenarios, getJson, type ApiTarget, type ScenarioOptions, type WalkCheck } from './api/scenarios.ts';
import { explainQuery, type PlanSummary } from './api/explain.ts';
import { withCpuShare, type CpuShare } from './api/cpu.ts';

export const API_GOALS = { p95MsAtLow: 15, reqPerSecAtHigh: 2000 };

export interface ApiBenchOptions extends ScenarioOptions {
  durationSeconds: number;
  /** Latency is judged at the first, throughput at the second (the issue: 10 and 100). */
  connections: [low: number, high: number];
  /** Seconds of one-connection load per scenario: the unqueued service time (0 skips it). */
  serialSeconds: number;
  /** Warm-up seconds before each scenario's measurements (caches, JIT). */
  warmupSeconds: number;
  /** Pool size of the direct-SQL baseline: the server's DATABASE_POOL_SIZE. */
  sqlPoolSize: number;
  /** Attribute CPU per request to server, PostgreSQL, client and the rest of the machine (Linux, PostgreSQL server). */
  cpu?: { serverPid: number | undefined };
  /** Where full EXPLAIN output goes; undefined skips EXPLAIN. */
  explain?: (name: string, text: string) => void;
}

type Measured = LoadResult & { cpu?: CpuShare };

export interface ScenarioResult {
  description: string;
  distinctPaths: number;
  /** Matches for the first page's query (totalCount), when the list supports it. */
  totalMatches?: number;
  http: { serial?: Measured; low: Measured; high: Measured };
  sql?: { low: Measured; high: Measured };
  /** HTTP p50 minus direct-SQL p50 at low concurrency: what the app adds per request. */
  appOverheadP50Ms?: number;
  plan?: PlanSummary;
  goals?: { p95Met: boolean; throughputMet: boolean };
}

export interface ApiBenchResult {
  checks: Record<string, WalkCheck>;
  correct: boolean;
  scenarios: Record<string, ScenarioResult>;
  goals: { p95MsAt10: number; reqPerSecAt100: number; allMet: boolean };
}

export async function runApiBench(
  target: ApiTarget,
  sqlPool: pg.Pool,
  workspaceId: string,
  opts: ApiBenchOptions,
): Promise<ApiBenchResult> {
  log('walking pages and checking results');
  const { scenarios, checks } = await buildScenarios(target, opts);
  for (const [name, c] of Object.entries(checks))
    log(`  ${name}: ${c.pages} pages, ${c.rows} rows, ${c.ok ? 'ok' : 'WRONG'} ${JSON.stringify(c)}`);

  const headers = { authorization: `Bearer ${target.apiKey}` };
  const cpu = opts.cpu;
  const withCpu = (serverPid: number | undefined, fn: () => Promise<LoadResult>): Promise<Measured> =>
    cpu ? withCpuShare(sqlPool, serverPid, fn) : fn();
  const [low, high] = opts.connections;
  const results: Record<string, ScenarioResult> = {};
  for (const scenario of scenarios) {
    const http = async (connections: number, durationSeconds: number) =>
      withCpu(cpu?.serverPid, () => loadHttp({ baseUrl: target.baseUrl, paths: scenario.paths, headers, connections, durationSeconds }));
    log(`${scenario.name}: ${scenario.description}`);
    if (opts.warmupSeconds > 0) await http(low, opts.warmupSeconds);
    const serial = opts.serialSeconds > 0 ? await http(1, opts.serialSeconds) : undefined;
    const httpLow = await http(low, opts.durationSeconds);
    const httpHigh = await http(high, opts.durationSeconds);
    if (serial) log(`  HTTP  1 conn: p50 ${serial.p50Ms} ms, p95 ${serial.p95Ms} ms`);
    log(
      `  HTTP  ${low} conns: p50 ${httpLow.p50Ms} ms, p95 ${httpLow.p95Ms} ms, p99 ${httpLow.p99Ms} ms | ${high} conns: ${httpHigh.reqPerSec} req/s`,
    );
    if (httpHigh.cpu) log(`        CPU ms/request at ${high}: ${JSON.stringify(httpHigh.cpu)}`);
    const result: ScenarioResult = {
      description: scenario.description,
      distinctPaths: scenario.paths.length,
      http: { serial, low: httpLow, high: httpHigh },
    };

    if (scenario.name !== 'healthz') {
      const first = scenario.paths[0];
      const counted = await getJson<{ totalCount?: number }>(target, `${first}&includeTotal=true`);
      result.totalMatches = counted.totalCount;
      const queries: CapturedQuery[] = [];
      for (const path of scenario.paths) queries.push(await captureListSql(sqlPool, workspaceId, path));
      const sqlLow = await withCpu(undefined, () => loadSql(sqlPool, queries, low, opts.durationSeconds));
      const sqlHigh = await withCpu(undefined, () => loadSql(sqlPool, queries, high, opts.durationSeconds));
      log(`  SQL   ${low} conns: p50 ${sqlLow.p50Ms} ms, p95 ${sqlLow.p95Ms} ms | ${high} conns: ${sqlHigh.reqPerSec} q/s`);
      result.sql = { low: sqlLow, high: sqlHigh };
      result.appOverheadP50Ms = round(httpLow.p50Ms - sqlLow.p50Ms, 2);
      if (opts.explain) result.plan = await explainQuery(sqlPool, queries[0], (text) => opts.explain!(scenario.name, text));
      result.goals = { p95Met: httpLow.p95Ms <= API_GOALS.p95MsAtLow, throughputMet: httpHigh.reqPerSec >= API_GOALS.reqPerSecAtHigh };
    }
    results[scenario.name] = result;
  }

  const measured = Object.values(results).filter((r) => r.goals);
  return {
    checks,
    correct: Object.values(checks).every((c) => c.ok),
    scenarios: results,
    goals: {
      p95MsAt10: API_GOALS.p95MsAtLow,
      reqPerSecAt100: API_GOALS.reqPerSecAtHigh,
      allMet: measured.every((r) => r.goals!.p95Met && r.goals!.throughputMet),
    },
  };
}
