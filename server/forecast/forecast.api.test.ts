// GET /forecast on the fixture's hand-computed history (see forecast-fixture.ts for the deals).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { seedSalesHistory, type Fixture } from './forecast-fixture.ts';
import { createDeal } from '../deals/create-deal.ts';

let server: TestServer;
let ws: TestWorkspace;
let fx: Fixture;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  fx = await seedSalesHistory(server.database.db, ws);
  // alice: a quarter quota; bob: monthly ones that make up his quarter
  for (const q of [
    { ownerId: fx.alice, period: '2025-Q4', amount: 30000 },
    { ownerId: fx.bob, period: '2025-10', amount: 5000 },
    { ownerId: fx.bob, period: '2025-11', amount: 5000 },
    { ownerId: fx.bob, period: '2025-12', amount: 5000 },
  ]) {
    expect((await ws.api.post('/api/v1/quotas', q)).status).toBe(201);
  }
});
afterAll(async () => server?.close());

const get = async (query: string) => {
  const res = await ws.api.get(`/api/v1/forecast?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('forecast of a quarter', () => {
  it('buckets closed won by close date and open deals by expected close date and category', async () => {
    const f = await get('period=2025-Q4');
    expect(f.period).toEqual({ key: '2025-Q4', kind: 'quarter', start: '2025-10-01', end: '2025-12-31' });
    expect(f.team).toMatchObject({
      // W1 10000 + W2 5000 + R1 2500; not W3 (won in September though expected in October), not D1 (deleted)
      closedWon: { count: 3, amount: 17500 },
      commit: { count: 1, amount: 20000 }, // O1; O6 closes in January, O7 has no date
      bestCase: { count: 1, amount: 4000 }, // O2
      pipeline: { count: 2, amount: 7000 }, // O3 6000 + O4 1000
      omitted: { count: 1, amount: 50000 }, // O5
      commitForecast: 37500,
      bestCaseForecast: 41500,
    });
  });

  it('weights open deals by stage probability and by historical conversion', async () => {
    const f = await get('period=2025-Q4');
    // O1 20000×.75 + O2 4000×.50 + O3 6000×.20 + O4 1000×.10
    expect(f.team.weightedByProbability).toBe(18300);
    // closed deals that reached each stage: Qualification W1 W2 W3 L1 L2 → 3/5; Discovery W1 W3 L1 → 2/3;
    // Proposal W1 W2 L1 → 2/3; Negotiation none → its 75%.
    // O1 20000×.75 + O2 4000×2/3 + O3 6000×2/3 + O4 1000×.6 = 15000 + 2666.67 + 4000 + 600
    expect(f.team.weightedByHistory).toBe(22266.67);
    const byName = Object.fromEntries(f.stages.map((s: { name: string }) => [s.name, s]));
    expect(f.stages.map((s: { name: string }) => s.name)).toEqual(['Qualification', 'Discovery', 'Proposal', 'Negotiation', 'Renewal due']);
    expect(byName.Qualification).toMatchObject({ pipelineName: 'New business', probability: 10, historicalRate: 0.6, historySample: 5, historySource: 'history', open: { count: 1, amount: 1000 } });
    expect(byName.Discovery.historicalRate).toBeCloseTo(2 / 3, 10);
    expect(byName.Discovery).toMatchObject({ historySample: 3, weightedByProbability: 1200, weightedByHistory: 4000 });
    expect(byName.Proposal).toMatchObject({ historySample: 3, weightedByHistory: 2666.67 });
    expect(byName.Negotiation).toMatchObject({ historicalRate: null, historySample: 0, historySource: 'probability', weightedByHistory: 15000 });
    // R1 is the only closed deal that was due for renewal, and it renewed
    expect(byName['Renewal due']).toMatchObject({ pipelineName: 'Renewals', historicalRate: 1, historySample: 1, open: { count: 0, amount: 0 } });
    expect(new Date(f.historyAsOf).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('gives attainment per rep and for the team, named, unassigned last', async () => {
    const f = await get('period=2025-Q4');
    expect(f.reps.map((r: { name: string }) => r.name)).toEqual(['Alice Able', 'Bob Baker', 'Unassigned']);
    const [alice, bob, unassigned] = f.reps;
    expect(alice).toMatchObject({
      ownerId: fx.alice,
      closedWon: { count: 1, amount: 10000 },
      commit: { amount: 20000 },
      omitted: { amount: 50000 },
      weightedByProbability: 15000,
      quota: 30000,
    });
    expect(alice.attainment).toBeCloseTo(1 / 3, 10);
    // W2 5000 + R1 2500 against 3 × 5000 of monthly quotas
    expect(bob).toMatchObject({ closedWon: { count: 2, amount: 7500 }, bestCase: { amount: 4000 }, pipeline: { amount: 6000 }, quota: 15000, attainment: 0.5 });
    expect(bob.weightedByHistory).toBe(6666.67);
    expect(unassigned).toMatchObject({ ownerId: null, pipeline: { count: 1, amount: 1000 }, quota: null, attainment: null });
    // no team quota: the reps' 30000 + 15000
    expect(f.team).toMatchObject({ quota: 45000, quotaSource: 'sum_of_reps' });
    expect(f.team.attainment).toBeCloseTo(17500 / 45000, 10);

    const team = await ws.api.post('/api/v1/quotas', { period: '2025-Q4', amount: 50000 });
    expect(team.status).toBe(201);
    expect((await get('period=2025-Q4')).team).toMatchObject({ quota: 50000, quotaSource: 'team', attainment: 0.35 });
    await ws.api.delete(`/api/v1/quotas/${team.body.id}`);
  });

  it('filters by pipeline and by rep', async () => {
    const nb = await get(`period=2025-Q4&pipelineId=${fx.newBusiness}`);
    expect(nb.pipelineId).toBe(fx.newBusiness);
    expect(nb.team.closedWon).toEqual({ count: 2, amount: 15000 }); // R1 is a renewal
    expect(nb.stages.map((s: { name: string }) => s.name)).toEqual(['Qualification', 'Discovery', 'Proposal', 'Negotiation']);

    const bob = await get(`period=2025-Q4&ownerId=${fx.bob}`);
    expect(bob.reps.map((r: { ownerId: string }) => r.ownerId)).toEqual([fx.bob]);
    expect(bob.team).toMatchObject({ closedWon: { amount: 7500 }, quota: 15000, quotaSource: 'sum_of_reps', attainment: 0.5, weightedByProbability: 3200 });
  });

  it('forecasts a month with that month’s quotas only', async () => {
    const nov = await get('period=2025-11');
    expect(nov.period).toMatchObject({ kind: 'month', start: '2025-11-01', end: '2025-11-30' });
    expect(nov.team).toMatchObject({ closedWon: { count: 1, amount: 5000 }, commit: { amount: 20000 }, omitted: { amount: 50000 }, pipeline: { count: 0 } });
    const [alice, bob] = nov.reps;
    expect(alice).toMatchObject({ name: 'Alice Able', quota: null, attainment: null }); // a quarter quota is not split
    expect(bob).toMatchObject({ name: 'Bob Baker', closedWon: { amount: 5000 }, quota: 5000, attainment: 1 });
  });

  it('is empty, not an error, for a period without deals', async () => {
    const f = await get('period=2031-02');
    expect(f.reps).toEqual([]);
    expect(f.team).toMatchObject({ closedWon: { count: 0, amount: 0 }, commit: { count: 0 }, quota: null, quotaSource: 'none', attainment: null });
  });
});

describe('forecast input', () => {
  const paths = async (query: string) => {
    const res = await ws.api.get(`/api/v1/forecast${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return res.body.errors.map((e: { path: string }) => e.path);
  };

  it('names the field at fault', async () => {
    expect(await paths('')).toEqual(['period']);
    for (const bad of ['2025-13', '2025-Q5', '2025-q4', 'Q4', '2025-11-01']) expect(await paths(`?period=${bad}`)).toEqual(['period']);
    expect(await paths('?period=2025-Q4&pipelineId=nope')).toEqual(['pipelineId']);
    expect(await paths('?period=2025-Q4&pipelineId=00000000-0000-4000-8000-000000000000')).toEqual(['pipelineId']);
    expect(await paths('?period=2025-Q4&ownerId=00000000-0000-4000-8000-000000000000')).toEqual(['ownerId']);
    expect(await paths('?period=2025-Q4&quarter=4')).toEqual(['quarter']);
  });

  it("refuses another workspace's pipeline and rep", async () => {
    const other = await createTestWorkspace(server);
    const theirPipeline = (await server.database.db.selectFrom('pipelines').select('id').where('workspace_id', '=', other.workspaceId).executeTakeFirstOrThrow()).id;
    expect(await paths(`?period=2025-Q4&pipelineId=${theirPipeline}`)).toEqual(['pipelineId']);
    expect(await paths(`?period=2025-Q4&ownerId=${other.adminId}`)).toEqual(['ownerId']);
    // and sees none of this workspace's deals
    const theirs = await other.api.get('/api/v1/forecast?period=2025-Q4');
    expect(theirs.body.team.closedWon).toEqual({ count: 0, amount: 0 });
    expect(theirs.body.reps).toEqual([]);
  });

  it('is readable by every role, not anonymously', async () => {
    const viewer = await ws.as('viewer');
    expect((await viewer.get('/api/v1/forecast?period=2025-Q4')).body.team.closedWon.amount).toBe(17500);
    const anonymous = await fetch(`${server.url}/api/v1/forecast?period=2025-Q4`);
    expect(anonymous.status).toBe(401);
  });
});

describe('a deal moving through the board', () => {
  it('moves between buckets, and the historical rates follow once recomputed', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    const before = await get(`period=${quarter}`);
    const created = await ws.api.post('/api/v1/deals', { name: 'Live deal', amount: 1234, expectedCloseDate: today, ownerId: fx.alice, stageId: fx.stages.Qualification });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const open = await get(`period=${quarter}`);
    expect(open.team.pipeline.amount).toBe(before.team.pipeline.amount + 1234);
    expect(open.team.closedWon.amount).toBe(before.team.closedWon.amount);

    // a recomputation that took "forever" is not repeated right after a change: the counts stay
    const db = server.database.db;
    await db.updateTable('stage_conversion_cache').set({ compute_ms: 10_000_000 }).where('workspace_id', '=', ws.workspaceId).execute();
    const moved = await ws.api.post(`/api/v1/deals/${created.body.id}/move`, { stageId: fx.stages['Closed won'], closeReason: 'Price and value' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const won = await get(`period=${quarter}`);
    expect(won.team.closedWon).toEqual({ count: before.team.closedWon.count + 1, amount: before.team.closedWon.amount + 1234 });
    expect(won.team.pipeline.amount).toBe(before.team.pipeline.amount);
    expect(won.historyAsOf).toBe(open.historyAsOf);
    expect(won.stages.find((s: { name: string }) => s.name === 'Qualification').historySample).toBe(5);

    // a quick one is: the new winner now counts for Qualification, 4 won of 6 closed
    await db.updateTable('stage_conversion_cache').set({ compute_ms: 0 }).where('workspace_id', '=', ws.workspaceId).execute();
    const after = await get(`period=${quarter}`);
    expect(after.historyAsOf).not.toBe(open.historyAsOf);
    const qualification = after.stages.find((s: { name: string }) => s.name === 'Qualification');
    expect(qualification.historySample).toBe(6);
    expect(qualification.historicalRate).toBeCloseTo(4 / 6, 10);
    // and with nothing changed since, the cache is reused
    expect((await get(`period=${quarter}`)).historyAsOf).toBe(after.historyAsOf);
  });

  it('reuses its aggregates only while deals are unchanged: an edit, a delete and a restore show at once', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    const pipelineOf = async () => (await get(`period=${quarter}`)).team.pipeline.amount as number;
    const before = await pipelineOf();
    expect(await pipelineOf()).toBe(before);
    const deal = await ws.api.post('/api/v1/deals', { name: 'Cache probe', amount: 500, expectedCloseDate: today, stageId: fx.stages.Discovery });
    expect(await pipelineOf()).toBe(before + 500);
    expect((await ws.api.patch(`/api/v1/deals/${deal.body.id}`, { amount: 700 })).status).toBe(200);
    expect(await pipelineOf()).toBe(before + 700);
    expect((await ws.api.delete(`/api/v1/deals/${deal.body.id}`)).status).toBe(200);
    expect(await pipelineOf()).toBe(before);
    expect((await ws.api.post(`/api/v1/deals/${deal.body.id}/restore`)).status).toBe(200);
    expect(await pipelineOf()).toBe(before + 700);
  });

  it('shows a deal created with a historical date (as imports create them) at once', async () => {
    const closedWonOf = async () => (await get('period=2025-Q4')).team.closedWon as { count: number; amount: number };
    const before = await closedWonOf();
    expect(await closedWonOf()).toEqual(before); // cached from here on
    await server.database.db.transaction().execute((trx) =>
      createDeal(
        trx,
        ws.workspaceId,
        { name: 'Imported winner', amount: 900, ownerId: fx.alice, stageId: fx.stages['Closed won'], closeReason: 'Price and value' },
        { at: '2025-11-15T12:00:00Z' },
      ),
    );
    expect(await closedWonOf()).toEqual({ count: before.count + 1, amount: before.amount + 900 });
  });
});
