// The pipeline benchmark's machinery at a tiny scale (PGlite, or the PostgreSQL server when
// TEST_DATABASE_URL is set): the generated data has the asked shape, and every scenario is checked and
// measured over HTTP and direct. Asserts counts and shapes, never timings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, createTestWorkspace, type TestServer, type TestWorkspace } from '../server/test/harness.ts';
import { generatePipelineData, type PipelineData } from './pipeline-data.ts';
import { runPipelineBench } from './pipeline-bench.ts';

let server: TestServer;
let ws: TestWorkspace;
let data: PipelineData;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  data = await generatePipelineData(server.database.db, ws.workspaceId, { deals: 600, historyPerDeal: 5, reps: 4, months: 36 });
});
afterAll(async () => server?.close());

describe('pipeline benchmark data', () => {
  it('has the asked number of deals, history rows, reps and quotas', () => {
    expect(data).toMatchObject({ deals: 600, history: 3000, reps: expect.any(Array), pipelines: expect.any(Array) });
    expect(data.reps).toHaveLength(4);
    expect(data.pipelines).toHaveLength(2);
    expect(data.openDeals).toBeGreaterThan(0);
    expect(data.openDeals).toBeLessThan(600);
    expect(data.quotas).toBe(4 * 10); // two years back and one quarter ahead: 10 quarters
  });

  it('is consistent: statuses, categories, close times and history ending in the current stage', async () => {
    const { rows } = await sql<Record<string, number>>`
      SELECT
        count(*) FILTER (WHERE d.status <> s.type)::int AS status_mismatch,
        count(*) FILTER (WHERE (d.status = 'open') <> (d.forecast_category <> 'closed'))::int AS category_mismatch,
        count(*) FILTER (WHERE d.closed_at < d.created_at)::int AS closed_before_created,
        count(*) FILTER (WHERE last.to_stage_id <> d.stage_id)::int AS history_not_current,
        count(*) FILTER (WHERE d.status = 'won')::int AS won,
        count(*) FILTER (WHERE d.status = 'lost')::int AS lost
      FROM deals d
      JOIN pipeline_stages s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
      JOIN LATERAL (
        SELECT to_stage_id FROM deal_stage_history h WHERE h.workspace_id = d.workspace_id AND h.deal_id = d.id ORDER BY changed_at DESC LIMIT 1
      ) last ON true
      WHERE d.workspace_id = ${ws.workspaceId}`.execute(server.database.db);
    expect(rows[0]).toMatchObject({ status_mismatch: 0, category_mismatch: 0, closed_before_created: 0, history_not_current: 0 });
    expect(rows[0].won).toBeGreaterThan(0);
    const owners = await sql<{ n: number }>`SELECT count(DISTINCT owner_id)::int AS n FROM deals WHERE workspace_id = ${ws.workspaceId}`.execute(server.database.db);
    expect(owners.rows[0].n).toBe(4); // every rep sells
    expect(rows[0].lost).toBeGreaterThan(rows[0].won);
  });
});

describe('pipeline benchmark', () => {
  it('checks and measures every scenario over HTTP and direct', async () => {
    const result = await runPipelineBench({ baseUrl: server.url, apiKey: ws.apiKey }, server.database.pool, data, {
      // long enough for a few answers from a slow embedded database on a busy machine
      durationSeconds: 2,
      warmupSeconds: 0,
      serialSeconds: 0,
      connections: 2,
    });
    expect(result.checks).toMatchObject({ forecastQuarter: true, forecastRep: true, metrics12Months: true, closedWonCount: true, stagesWithHistory: true });
    expect(result.correct).toBe(true);
    expect(Object.keys(result.scenarios)).toEqual(['forecastQuarter', 'forecastRep', 'forecastMonthPipeline', 'metrics12Months', 'metricsRep24Months']);
    for (const [name, s] of Object.entries(result.scenarios)) {
      expect(s.http.requests, name).toBeGreaterThan(0);
      expect(s.http.non2xx + s.http.errors, name).toBe(0);
      expect(s.direct.requests, name).toBeGreaterThan(0);
      expect(s.direct.errors, name).toBe(0);
      expect(s.directUncached.requests, name).toBeGreaterThan(0);
      expect(s.directUncached.errors, name).toBe(0);
      expect(s.http.p95Ms, name).toBeGreaterThanOrEqual(s.http.p50Ms);
      expect(s.plans.length, name).toBeGreaterThan(1);
    }
    expect(result.scenarios.forecastRep.distinctRequests).toBe(4);
    expect(result.coldForecastMs).toBeGreaterThan(0);
  });
});
