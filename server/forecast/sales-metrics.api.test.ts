// GET /metrics/sales on the fixture's hand-computed history (see forecast-fixture.ts for the deals).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { seedSalesHistory, type Fixture } from './forecast-fixture.ts';

let server: TestServer;
let ws: TestWorkspace;
let fx: Fixture;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  fx = await seedSalesHistory(server.database.db, ws);
});
afterAll(async () => server?.close());

const get = async (query: string) => {
  const res = await ws.api.get(`/api/v1/metrics/sales?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('sales metrics, July to December 2025', () => {
  it('summarises the range', async () => {
    const m = await get('from=2025-07-01&to=2025-12-31');
    expect(m).toMatchObject({ from: '2025-07-01', to: '2025-12-31', interval: 'month', pipelineId: null, ownerId: null });
    expect(m.summary).toEqual({
      // closed in range: W3 W1 W2 R1 won, L1 L2 lost (D1 deleted)
      won: { count: 4, amount: 24500 },
      lost: { count: 2, amount: 11000 },
      winRate: 0.6667,
      averageDealSize: 6125,
      // cycles 19 (R1), 40 (W2), 75 (W1), 111 (W3)
      medianCycleDays: 57.5,
      meanCycleDays: 61.3,
      // created in range: W1 W2 L1 L2 R1 O1–O6
      newPipeline: { count: 11, amount: 209499 },
      // 7 open now × 4/6 × 6125 ÷ 61.25 days
      velocity: 466.67,
      openDeals: { count: 7, amount: 193344 },
    });
  });

  it('gives a series per month, velocity from the deals open when each began', async () => {
    const m = await get('from=2025-07-01&to=2025-12-31');
    expect(m.series.map((s: { period: string }) => s.period)).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    const [jul, aug, sep, oct, nov, dec] = m.series;
    // open on July 1st: W3 and O7, created before and still open then
    expect(jul).toMatchObject({ start: '2025-07-01', end: '2025-07-31', openAtStart: 2, newPipeline: { count: 1, amount: 8000 }, winRate: null, velocity: null });
    expect(aug).toMatchObject({ openAtStart: 3, newPipeline: { count: 1, amount: 10000 } });
    // W3 won: 4 open × 1 × 7000 ÷ 111 days
    expect(sep).toMatchObject({ openAtStart: 4, won: { count: 1, amount: 7000 }, winRate: 1, medianCycleDays: 111, velocity: 252.25, newPipeline: { count: 2, amount: 23000 } });
    // W1 won, L1 lost: 5 × .5 × 10000 ÷ 75
    expect(oct).toMatchObject({ openAtStart: 5, winRate: 0.5, averageDealSize: 10000, medianCycleDays: 75, velocity: 333.33 });
    expect(nov).toMatchObject({ openAtStart: 5, won: { count: 1, amount: 5000 }, velocity: 625 });
    // R1 won, L2 lost: 6 × .5 × 2500 ÷ 19
    expect(dec).toMatchObject({ end: '2025-12-31', openAtStart: 6, winRate: 0.5, medianCycleDays: 19, velocity: 394.74, newPipeline: { count: 3, amount: 103499 } });
  });

  it('groups by quarter and cuts the first and last periods to the range', async () => {
    const m = await get('from=2025-08-15&to=2025-11-15&interval=quarter');
    expect(m.series.map((s: { period: string; start: string; end: string }) => [s.period, s.start, s.end])).toEqual([
      ['2025-Q3', '2025-08-15', '2025-09-30'],
      ['2025-Q4', '2025-10-01', '2025-11-15'],
    ]);
    // Q3 part: W3 won; Q4 part: W1 W2 won, L1 lost
    expect(m.series[0]).toMatchObject({ won: { count: 1 }, lost: { count: 0 }, openAtStart: 4 });
    expect(m.series[1]).toMatchObject({ won: { count: 2, amount: 15000 }, lost: { count: 1 }, openAtStart: 5 });
  });

  it('filters by rep and by pipeline', async () => {
    const alice = await get(`from=2025-07-01&to=2025-12-31&ownerId=${fx.alice}`);
    // W3 W1 won, L2 lost
    expect(alice.summary).toMatchObject({ won: { count: 2, amount: 17000 }, lost: { count: 1 }, winRate: 0.6667, averageDealSize: 8500, medianCycleDays: 93 });
    const renewals = await get(`from=2025-07-01&to=2025-12-31&pipelineId=${fx.renewals}`);
    expect(renewals.summary).toMatchObject({ won: { count: 1, amount: 2500 }, lost: { count: 0 }, winRate: 1, medianCycleDays: 19, openDeals: { count: 0 } });
  });
});

describe('sales metrics input', () => {
  const paths = async (query: string) => {
    const res = await ws.api.get(`/api/v1/metrics/sales?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return res.body.errors.map((e: { path: string }) => e.path).sort();
  };

  it('names the field at fault', async () => {
    expect(await paths('')).toEqual(['from', 'to']);
    expect(await paths('from=2025-02-30&to=2025-03-01')).toEqual(['from']);
    expect(await paths('from=2025-01-01&to=tomorrow')).toEqual(['to']);
    expect(await paths('from=2025-06-01&to=2025-05-31')).toEqual(['to']);
    expect(await paths('from=2020-01-01&to=2025-12-31')).toEqual(['to']);
    expect(await paths('from=2025-01-01&to=2025-12-31&interval=week')).toEqual(['interval']);
    expect(await paths('from=2025-01-01&to=2025-12-31&ownerId=00000000-0000-4000-8000-000000000000')).toEqual(['ownerId']);
    expect(await paths('from=2025-01-01&to=2025-12-31&limit=5')).toEqual(['limit']);
  });

  it("shows another workspace none of this one's deals", async () => {
    const other = await createTestWorkspace(server);
    const theirs = await other.api.get('/api/v1/metrics/sales?from=2025-07-01&to=2025-12-31');
    expect(theirs.body.summary).toMatchObject({ won: { count: 0 }, lost: { count: 0 }, winRate: null, openDeals: { count: 0 }, newPipeline: { count: 0 } });
    expect((await (await ws.as('viewer')).get('/api/v1/metrics/sales?from=2025-07-01&to=2025-12-31')).status).toBe(200);
  });
});
