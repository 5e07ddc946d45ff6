// Sales metrics on plain inputs; expected figures worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { averageDealSize, buildSalesMetrics, histogramMean, histogramMedian, pipelineVelocity, winRate } from './sales-metrics-math.ts';

describe('sales metric formulas', () => {
  it('win rate is won ÷ (won + lost), none without closed deals', () => {
    expect(winRate(3, 1)).toBe(0.75);
    expect(winRate(0, 4)).toBe(0);
    expect(winRate(0, 0)).toBeNull();
  });

  it('average deal size is amount won ÷ deals won', () => {
    expect(averageDealSize(9000, 4)).toBe(2250);
    expect(averageDealSize(0, 0)).toBeNull();
  });

  it('median and mean of a histogram', () => {
    // 1, 1, 5 → 1
    expect(histogramMedian([{ value: 5, count: 1 }, { value: 1, count: 2 }])).toBe(1);
    // 1, 2, 3, 10 → (2 + 3) / 2
    expect(histogramMedian([1, 2, 3, 10].map((value) => ({ value, count: 1 })))).toBe(2.5);
    // 4 × 7 and 4 × 9: the middle pair straddles the two bins → 8
    expect(histogramMedian([{ value: 9, count: 4 }, { value: 7, count: 4 }])).toBe(8);
    expect(histogramMedian([])).toBeNull();
    expect(histogramMedian([{ value: 7, count: 0 }])).toBeNull();
    // (1×2 + 5×1) / 3
    expect(histogramMean([{ value: 5, count: 1 }, { value: 1, count: 2 }])).toBeCloseTo(7 / 3, 10);
    expect(histogramMean([])).toBeNull();
  });

  it('pipeline velocity is open × win rate × deal size ÷ cycle days, a same-day cycle counting as one day', () => {
    expect(pipelineVelocity(10, 0.5, 2000, 20)).toBe(500);
    expect(pipelineVelocity(4, 0.5, 100, 0)).toBe(200);
    expect(pipelineVelocity(4, null, 100, 10)).toBeNull();
    expect(pipelineVelocity(4, 0.5, null, 10)).toBeNull();
  });
});

describe('sales metrics over a range', () => {
  const metrics = buildSalesMetrics({
    periods: ['2026-01', '2026-02', '2026-03'],
    closed: [
      { period: '2026-01', status: 'won', cycleDays: 10, count: 1, amount: 1000 },
      { period: '2026-01', status: 'won', cycleDays: 30, count: 1, amount: 3000 },
      { period: '2026-01', status: 'lost', cycleDays: null, count: 2, amount: 500 },
      { period: '2026-02', status: 'won', cycleDays: 20, count: 2, amount: 4000 },
      { period: '2026-02', status: 'lost', cycleDays: null, count: 2, amount: 800 },
    ],
    created: [
      { period: '2026-01', count: 5, amount: 10000 },
      { period: '2026-02', count: 3, amount: 6000 },
      { period: '2026-03', count: 4, amount: 2000 },
    ],
    openAtStart: 10,
    openNow: { count: 12, amount: 50000 },
  });

  it('summarises the range', () => {
    expect(metrics.summary).toEqual({
      won: { count: 4, amount: 8000 },
      lost: { count: 4, amount: 1300 },
      winRate: 0.5,
      averageDealSize: 2000,
      // cycles 10, 20, 20, 30
      medianCycleDays: 20,
      meanCycleDays: 20,
      newPipeline: { count: 12, amount: 18000 },
      // 12 open now × 0.5 × 2000 ÷ 20 days
      velocity: 600,
      openDeals: { count: 12, amount: 50000 },
    });
  });

  it('gives each period its own figures, velocity from the deals open when it started', () => {
    const [jan, feb, mar] = metrics.series;
    // January: 10 open at the start; 10 × 0.5 × 2000 ÷ 20
    expect(jan).toMatchObject({ period: '2026-01', openAtStart: 10, winRate: 0.5, averageDealSize: 2000, medianCycleDays: 20, velocity: 500 });
    // February: 10 + 5 created − 4 closed = 11 open; 11 × 0.5 × 2000 ÷ 20
    expect(feb).toMatchObject({ openAtStart: 11, won: { count: 2, amount: 4000 }, lost: { count: 2, amount: 800 }, velocity: 550 });
    // March: 11 + 3 − 4 = 10 open, nothing closed
    expect(mar).toMatchObject({
      openAtStart: 10,
      winRate: null,
      averageDealSize: null,
      medianCycleDays: null,
      velocity: null,
      newPipeline: { count: 4, amount: 2000 },
    });
  });
});
