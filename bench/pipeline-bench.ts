// The pipeline benchmark proper, given a running server and a workspace full of deals: checks that
// the HTTP answers equal the use cases' (and an independent count), then per scenario measures latency
// at a fixed concurrency over HTTP and, as the baseline, the same use case's SQL sent straight through
// Kysely + node-postgres (no HTTP, auth, validation or JSON) at the same concurrency and pool size:
// with the aggregate cache (what the server sends while deals are unchanged) and without it (every
// aggregate recomputed, as right after a deal changed).
import { Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import type { Database } from '../server/db-schema.ts';
import { getForecast } from '../server/forecast/get-forecast.ts';
import { getSalesMetrics } from '../server/forecast/get-sales-metrics.ts';
import { countStageReach } from '../server/forecast/stage-conversion.ts';
import { formatDay, parsePeriod, periodOfDay } from '../server/forecast/period.ts';
import type { ForecastQuery, SalesMetricsQuery } from '../server/forecast/forecast.schemas.ts';
import { loadHttp, type LoadResult } from './api/load-http.ts';
import { explainQuery, type PlanSummary } from './api/explain.ts';
import type { CapturedQuery } from './api/load-sql.ts';
import { createRandom } from './lib/random.ts';
import { log, round, summarizeLatencies } from './lib/measure.ts';
import type { PipelineData } from './pipeline-data.ts';

export const PIPELINE_GOAL = { p95Ms: 200 };

export interface PipelineBenchOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Seconds of one-connection HTTP load per scenario: the unqueued service time (0 skips it). */
  serialSeconds: number;
  explain?: (name: string, text: string) => void;
}

type Query = { kind: 'forecast'; query: ForecastQuery } | { kind: 'metrics'; query: SalesMetricsQuery };

interface Scenario {
  name: string;
  description: string;
  queries: Query[];
}

function pathOf(q: Query): string {
  const params = new URLSearchParams(Object.entries(q.query).filter(([, v]) => v !== undefined) as Array<[string, string]>);
  return `/api/v1/${q.kind === 'forecast' ? 'forecast' : 'metrics/sales'}?${params}`;
}

function scenarios(data: PipelineData, today: Date): Scenario[] {
  const day = formatDay(today);
  const quarter = periodOfDay(day, 'quarter').key;
  const month = periodOfDay(day, 'month').key;
  const monthStart = (back: number) => formatDay(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1)));
  const reps = data.reps.slice(0, 10);
  return [
    { name: 'forecastQuarter', description: `forecast of ${quarter}, whole team`, queries: [{ kind: 'forecast', query: { period: quarter } }] },
    {
      name: 'forecastRep',
      description: `forecast of ${quarter}, one rep (${reps.length} reps in turn)`,
      queries: reps.map((ownerId) => ({ kind: 'forecast', query: { period: quarter, ownerId } })),
    },
    {
      name: 'forecastMonthPipeline',
      description: `forecast of ${month}, the default pipeline`,
      queries: [{ kind: 'forecast', query: { period: month, pipelineId: data.pipelines[0] } }],
    },
    {
      name: 'metrics12Months',
      description: 'sales metrics, last 12 months by month, whole team',
      queries: [{ kind: 'metrics', query: { from: monthStart(11), to: day, interval: 'month' } }],
    },
    {
      name: 'metricsRep24Months',
      description: `sales metrics, last 24 months by quarter, one rep (${reps.length} reps in turn)`,
      queries: reps.map((ownerId) => ({ kind: 'metrics', query: { from: monthStart(23), to: day, interval: 'quarter', ownerId } })),
    },
  ];
}

function run(db: Kysely<Database>, workspaceId: string, q: Query, cache = true) {
  return q.kind === 'forecast' ? getForecast(db, workspaceId, q.query, { cache }) : getSalesMetrics(db, workspaceId, q.query, { cache });
}

/** The use case's queries as it sends them (cache reads included; a cache refresh would show too). */
async function captureSql(pool: pg.Pool, workspaceId: string, q: Query): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => void captured.push({ sql: event.query.sql, parameters: event.query.parameters }),
  });
  await run(db, workspaceId, q, false);
  return captured;
}

/** Closed loop like the HTTP load: each of `connections` workers sends its next call when the last returned. */
async function loadDirect(calls: Array<() => Promise<unknown>>, connections: number, durationSeconds: number): Promise<LoadResult> {
  const random = createRandom(7);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        await random.pick(calls)();
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { connections, seconds: round(seconds, 2), reqPerSec: Math.round(latencies.length / seconds), ...summarizeLatencies(latencies), non2xx: 0, errors };
}

/** JSON with sorted keys and without the cache's timestamp: the HTTP body and the use case's result compare equal. */
function canonical(value: unknown): string {
  const plain: unknown = JSON.parse(JSON.stringify(value));
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'historyAsOf').sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)]))
        : v;
  return JSON.stringify(sortKeys(plain));
}

export interface PipelineScenarioResult {
  description: string;
  distinctRequests: number;
  /** One connection: the time a request takes when nothing queues. */
  httpSerial?: LoadResult;
  http: LoadResult;
  /** The use case in this process with its aggregate cache: the SQL a request sends while deals are unchanged. */
  direct: LoadResult;
  /** The same without the cache: every aggregate recomputed, as on the first request after a deal changed. */
  directUncached: LoadResult;
  /** HTTP p50 minus direct p50: what HTTP, auth, validation and JSON add per request. */
  appOverheadP50Ms: number;
  plans: Array<{ sql: string; plan: PlanSummary }>;
  p95Met: boolean;
}

export async function runPipelineBench(
  target: { baseUrl: string; apiKey: string },
  sqlPool: pg.Pool,
  data: PipelineData,
  opts: PipelineBenchOptions,
) {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: sqlPool }) });
  const headers = { authorization: `Bearer ${target.apiKey}` };
  const get = async (path: string): Promise<any> => {
    const res = await fetch(target.baseUrl + path, { headers });
    if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return res.json();
  };
  const today = new Date();
  const list = scenarios(data, today);

  // the stage-conversion cache: what its first computation costs, then warm for the measurements
  await sql`DELETE FROM stage_conversion_cache WHERE workspace_id = ${data.workspaceId}`.execute(db);
  const coldStarted = performance.now();
  await get(pathOf(list[0].queries[0]));
  const coldForecastMs = round(performance.now() - coldStarted, 1);
  const countStarted = performance.now();
  const reach = await countStageReach(db, data.workspaceId);
  const conversionCountMs = round(performance.now() - countStarted, 1);
  log(`cold forecast (computes the stage conversion from ${data.history.toLocaleString('en-US')} history rows): ${coldForecastMs} ms`);

  // correctness: HTTP answers what the use case answers, and closed won matches an independent count
  const checks: Record<string, boolean> = {};
  for (const s of list) {
    const q = s.queries[0];
    checks[s.name] = canonical(await get(pathOf(q))) === canonical(await run(db, data.workspaceId, q, false));
  }
  const quarter = parsePeriod(periodOfDay(formatDay(today), 'quarter').key)!;
  const won = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM deals WHERE workspace_id = ${data.workspaceId} AND deleted_at IS NULL AND status = 'won'
      AND closed_at >= ${`${quarter.start}T00:00:00Z`}::timestamptz AND closed_at < ${`${quarter.endExclusive}T00:00:00Z`}::timestamptz`.execute(db);
  const forecast = await get(pathOf(list[0].queries[0]));
  checks.closedWonCount = forecast.team.closedWon.count === won.rows[0].n;
  checks.stagesWithHistory = reach.length > 0;
  log(`checks: ${JSON.stringify(checks)}`);

  const results: Record<string, PipelineScenarioResult> = {};
  for (const s of list) {
    log(`${s.name}: ${s.description}`);
    const paths = s.queries.map(pathOf);
    const calls = s.queries.map((q) => () => run(db, data.workspaceId, q));
    const uncachedCalls = s.queries.map((q) => () => run(db, data.workspaceId, q, false));
    if (opts.warmupSeconds > 0) await loadHttp({ baseUrl: target.baseUrl, paths, headers, connections: opts.connections, durationSeconds: opts.warmupSeconds });
    const serial =
      opts.serialSeconds > 0 ? await loadHttp({ baseUrl: target.baseUrl, paths, headers, connections: 1, durationSeconds: opts.serialSeconds }) : undefined;
    const http = await loadHttp({ baseUrl: target.baseUrl, paths, headers, connections: opts.connections, durationSeconds: opts.durationSeconds });
    const direct = await loadDirect(calls, opts.connections, opts.durationSeconds);
    const directUncached = await loadDirect(uncachedCalls, opts.connections, opts.durationSeconds);
    if (serial) log(`  HTTP    1 conn:  p50 ${serial.p50Ms} ms, p95 ${serial.p95Ms} ms`);
    log(`  HTTP   ${opts.connections} conns: p50 ${http.p50Ms} ms, p95 ${http.p95Ms} ms, p99 ${http.p99Ms} ms, ${http.reqPerSec} req/s`);
    log(`  direct ${opts.connections} conns: p50 ${direct.p50Ms} ms, p95 ${direct.p95Ms} ms, p99 ${direct.p99Ms} ms`);
    log(`  direct uncached ${opts.connections} conns: p50 ${directUncached.p50Ms} ms, p95 ${directUncached.p95Ms} ms, p99 ${directUncached.p99Ms} ms`);
    const plans: PipelineScenarioResult['plans'] = [];
    // the plans of the aggregates themselves (uncached), not just of the version check
    for (const query of await captureSql(sqlPool, data.workspaceId, s.queries[0])) {
      if (!/^\s*select/i.test(query.sql)) continue;
      plans.push({
        sql: query.sql.replace(/\s+/g, ' ').slice(0, 90),
        plan: await explainQuery(sqlPool, query, opts.explain ? (text) => opts.explain!(s.name, text) : undefined),
      });
    }
    results[s.name] = {
      description: s.description,
      distinctRequests: paths.length,
      httpSerial: serial,
      http,
      direct,
      directUncached,
      appOverheadP50Ms: round(http.p50Ms - direct.p50Ms, 2),
      plans,
      p95Met: http.p95Ms <= PIPELINE_GOAL.p95Ms,
    };
  }
  const measured = Object.values(results);
  return {
    checks,
    correct: Object.values(checks).every(Boolean),
    coldForecastMs,
    conversionCountMs,
    scenarios: results,
    goal: {
      p95Ms: PIPELINE_GOAL.p95Ms,
      connections: opts.connections,
      worstP95Ms: Math.max(...measured.map((r) => r.http.p95Ms)),
      allMet: measured.every((r) => r.p95Met && r.http.non2xx === 0 && r.http.errors === 0),
    },
  };
}
