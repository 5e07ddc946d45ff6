// The forecast math on plain inputs; every expected figure is worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { bucketOf, buildForecast, historicalRates, quotaFor, type ForecastInput, type StageInfo } from './forecast-math.ts';

const P = 'pipeline-1';
const stage = (id: string, position: number, probability: number, type: StageInfo['type'] = 'open'): StageInfo => ({
  id,
  name: id[0].toUpperCase() + id.slice(1),
  pipelineId: P,
  position,
  probability,
  type,
});
const STAGES = [
  stage('won', 4, 100, 'won'),
  stage('qualification', 0, 10),
  stage('discovery', 1, 20),
  stage('proposal', 2, 50),
  stage('negotiation', 3, 75),
  stage('lost', 5, 0, 'lost'),
];

const input: ForecastInput = {
  period: '2026-Q4',
  monthKeys: ['2026-10', '2026-11', '2026-12'],
  stages: STAGES,
  // qualification 2/10 = 0.2, discovery 2/8 = 0.25, proposal 2/4 = 0.5, negotiation: none closed yet
  reach: [
    { stageId: 'qualification', reachedClosed: 10, reachedWon: 2 },
    { stageId: 'discovery', reachedClosed: 8, reachedWon: 2 },
    { stageId: 'proposal', reachedClosed: 4, reachedWon: 2 },
    { stageId: 'negotiation', reachedClosed: 0, reachedWon: 0 },
  ],
  open: [
    { ownerId: 'alice', stageId: 'qualification', category: 'pipeline', count: 2, amount: 1000 },
    { ownerId: 'alice', stageId: 'proposal', category: 'commit', count: 1, amount: 4000 },
    { ownerId: 'bob', stageId: 'discovery', category: 'best_case', count: 1, amount: 2000 },
    { ownerId: 'bob', stageId: 'negotiation', category: 'commit', count: 1, amount: 3000 },
    { ownerId: 'bob', stageId: 'qualification', category: 'omitted', count: 1, amount: 9999 },
    // open but still marked closed: counts as commit
    { ownerId: null, stageId: 'proposal', category: 'closed', count: 1, amount: 500 },
  ],
  won: [
    { ownerId: 'alice', count: 1, amount: 5000 },
    { ownerId: 'bob', count: 2, amount: 2500 },
  ],
  quotas: [
    { ownerId: 'alice', period: '2026-Q4', amount: 10000 },
    // bob has monthly quotas only: Q4 = 2000 + 2000 (December unset)
    { ownerId: 'bob', period: '2026-10', amount: 2000 },
    { ownerId: 'bob', period: '2026-11', amount: 2000 },
    { ownerId: 'carol', period: '2026-Q4', amount: 3000 },
    // another quarter's quota lists nobody
    { ownerId: 'dave', period: '2026-Q3', amount: 8000 },
  ],
};

describe('forecast buckets', () => {
  it('maps forecast categories to buckets', () => {
    expect(['pipeline', 'best_case', 'commit', 'closed', 'omitted'].map((c) => bucketOf(c as never))).toEqual([
      'pipeline',
      'bestCase',
      'commit',
      'commit',
      'omitted',
    ]);
  });

  it('sums the team: closed won, commit, best case, pipeline; omitted apart', () => {
    const { team } = buildForecast(input);
    expect(team).toMatchObject({
      closedWon: { count: 3, amount: 7500 },
      commit: { count: 3, amount: 7500 }, // 4000 + 3000 + 500
      bestCase: { count: 1, amount: 2000 },
      pipeline: { count: 2, amount: 1000 },
      omitted: { count: 1, amount: 9999 },
      commitForecast: 15000, // 7500 won + 7500 commit
      bestCaseForecast: 17000, // + 2000 best case
    });
  });

  it('weights open deals by stage probability and by historical conversion', () => {
    const { team, stages } = buildForecast(input);
    // probability: 1000×.10 + 4000×.50 + 2000×.20 + 3000×.75 + 500×.50 = 100 + 2000 + 400 + 2250 + 250
    expect(team.weightedByProbability).toBe(5000);
    // history: 1000×.20 + 4000×.50 + 2000×.25 + 3000×.75 (no history: probability) + 500×.50
    expect(team.weightedByHistory).toBe(5200);
    expect(stages.map((s) => s.name)).toEqual(['Qualification', 'Discovery', 'Proposal', 'Negotiation']);
    expect(stages[0]).toMatchObject({ open: { count: 2, amount: 1000 }, weightedByProbability: 100, weightedByHistory: 200, historicalRate: 0.2, historySample: 10, historySource: 'history' });
    expect(stages[1]).toMatchObject({ open: { count: 1, amount: 2000 }, weightedByProbability: 400, weightedByHistory: 500, historicalRate: 0.25 });
    expect(stages[2]).toMatchObject({ open: { count: 2, amount: 4500 }, weightedByProbability: 2250, weightedByHistory: 2250 });
    expect(stages[3]).toMatchObject({ historicalRate: null, historySample: 0, historySource: 'probability', weightedByHistory: 2250 });
  });

  it('gives each rep their figures and attainment against quota', () => {
    const { reps, team } = buildForecast(input);
    expect(reps.map((r) => r.ownerId)).toEqual(['alice', 'bob', 'carol', null]);
    const [alice, bob, carol, unassigned] = reps;
    expect(alice).toMatchObject({
      closedWon: { count: 1, amount: 5000 },
      commit: { count: 1, amount: 4000 },
      pipeline: { count: 2, amount: 1000 },
      weightedByProbability: 2100, // 100 + 2000
      weightedByHistory: 2200, // 200 + 2000
      quota: 10000,
      attainment: 0.5,
    });
    expect(bob).toMatchObject({ closedWon: { amount: 2500 }, bestCase: { amount: 2000 }, weightedByProbability: 2650, weightedByHistory: 2750, quota: 4000, attainment: 0.625 });
    expect(carol).toMatchObject({ closedWon: { count: 0, amount: 0 }, quota: 3000, attainment: 0 });
    expect(unassigned).toMatchObject({ commit: { amount: 500 }, quota: null, attainment: null });
    // no team quota: the reps' quotas add up, 10000 + 4000 + 3000
    expect(team).toMatchObject({ quota: 17000, quotaSource: 'sum_of_reps' });
    expect(team.attainment).toBeCloseTo(7500 / 17000, 10);
  });

  it('prefers an explicit team quota, made of months for a quarter when needed', () => {
    expect(buildForecast({ ...input, quotas: [...input.quotas, { ownerId: null, period: '2026-Q4', amount: 20000 }] }).team).toMatchObject({
      quota: 20000,
      quotaSource: 'team',
      attainment: 0.375,
    });
    const monthly = [
      { ownerId: null, period: '2026-10', amount: 5000 },
      { ownerId: null, period: '2026-12', amount: 5000 },
    ];
    expect(buildForecast({ ...input, quotas: monthly }).team).toMatchObject({ quota: 10000, quotaSource: 'team', attainment: 0.75 });
    expect(buildForecast({ ...input, quotas: [] }).team).toMatchObject({ quota: null, quotaSource: 'none', attainment: null });
  });

  it('a zero quota has no attainment rather than infinity', () => {
    const { reps } = buildForecast({ ...input, quotas: [{ ownerId: 'alice', period: '2026-Q4', amount: 0 }] });
    expect(reps[0]).toMatchObject({ ownerId: 'alice', quota: 0, attainment: null });
  });

  it('is all zeros for an empty period', () => {
    const f = buildForecast({ ...input, open: [], won: [], quotas: [] });
    expect(f.reps).toEqual([]);
    expect(f.team).toMatchObject({ closedWon: { count: 0, amount: 0 }, weightedByProbability: 0, weightedByHistory: 0, commitForecast: 0 });
    expect(f.stages.every((s) => s.open.count === 0)).toBe(true);
  });
});

describe('quotas of a period', () => {
  const rows = [
    { period: '2026-Q4', amount: 9000 },
    { period: '2026-10', amount: 1000 },
    { period: '2026-11', amount: 1500.5 },
  ];
  it("uses the period's own quota first", () => {
    expect(quotaFor('2026-Q4', ['2026-10', '2026-11', '2026-12'], rows)).toBe(9000);
    expect(quotaFor('2026-11', ['2026-11'], rows)).toBe(1500.5);
  });
  it('adds up the months of a quarter that has none, and never splits a quarter into months', () => {
    expect(quotaFor('2026-Q4', ['2026-10', '2026-11', '2026-12'], rows.slice(1))).toBe(2500.5);
    expect(quotaFor('2026-12', ['2026-12'], rows)).toBeNull();
    expect(quotaFor('2027-Q1', ['2027-01', '2027-02', '2027-03'], rows)).toBeNull();
  });
});

describe('historical conversion', () => {
  it('is won ÷ closed among the deals that reached a stage, none when nothing closed', () => {
    const rates = historicalRates([
      { stageId: 'a', reachedClosed: 3, reachedWon: 1 },
      { stageId: 'b', reachedClosed: 0, reachedWon: 0 },
    ]);
    expect(rates.get('a')!.rate).toBeCloseTo(1 / 3, 10);
    expect(rates.get('a')!.sample).toBe(3);
    expect(rates.get('b')).toEqual({ rate: null, sample: 0 });
  });
});
