// Sales metrics over a date range and per month or quarter in it, from rows the database aggregated.
// Pure: no I/O. Definitions (all on deals closed or created in the range, by UTC day):
// - win rate: won ÷ (won + lost) among deals closed in the range.
// - average deal size: amount won ÷ deals won.
// - sales cycle: days from a won deal's creation to its close (UTC calendar days); median and mean.
//   The database sends a histogram (days → deals), so the median is exact without shipping every deal.
// - pipeline velocity: open deals × win rate × average deal size ÷ mean cycle days = money per day.
//   The range's velocity uses the deals open now; a period's uses the deals open when it started.
//   A mean cycle under one day counts as one day (deals won the day they were created).
// - new pipeline: deals created in the range (count and today's amount), won or lost since or not.

export interface HistogramBin {
  value: number;
  count: number;
}

/** Won or lost deals closed in one period; won rows come one per cycle length in days. */
export interface ClosedGroup {
  period: string;
  status: 'won' | 'lost';
  /** Whole days created → closed (won rows); null for lost rows. */
  cycleDays: number | null;
  count: number;
  amount: number;
}

export interface CreatedGroup {
  period: string;
  count: number;
  amount: number;
}

export interface MetricsInput {
  /** Period keys in order; every group's period is one of them. */
  periods: string[];
  closed: ClosedGroup[];
  created: CreatedGroup[];
  /** Deals open at the start of the range: created before it, minus those closed before it. */
  openAtStart: number;
  /** Deals open now. */
  openNow: { count: number; amount: number };
}

export interface MetricFigures {
  won: { count: number; amount: number };
  lost: { count: number; amount: number };
  winRate: number | null;
  averageDealSize: number | null;
  medianCycleDays: number | null;
  meanCycleDays: number | null;
  newPipeline: { count: number; amount: number };
  /** Money per day; null without a won deal. */
  velocity: number | null;
}

export interface PeriodMetrics extends MetricFigures {
  period: string;
  /** Deals open when the period started (the velocity's open deals). */
  openAtStart: number;
}

export interface SalesMetrics {
  summary: MetricFigures & { openDeals: { count: number; amount: number } };
  series: PeriodMetrics[];
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function winRate(won: number, lost: number): number | null {
  return won + lost > 0 ? won / (won + lost) : null;
}

export function averageDealSize(amountWon: number, dealsWon: number): number | null {
  return dealsWon > 0 ? amountWon / dealsWon : null;
}

/** The median of a histogram, the mean of the two middle values when the count is even (as percentile_cont(0.5)). */
export function histogramMedian(bins: HistogramBin[]): number | null {
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((n, b) => n + b.count, 0);
  if (total === 0) return null;
  // 0-based ranks of the middle value(s)
  const lowRank = Math.floor((total - 1) / 2);
  const highRank = Math.floor(total / 2);
  let seen = 0;
  let low: number | undefined;
  for (const b of sorted) {
    if (low === undefined && lowRank < seen + b.count) low = b.value;
    if (highRank < seen + b.count) return ((low ?? b.value) + b.value) / 2;
    seen += b.count;
  }
  return null;
}

export function histogramMean(bins: HistogramBin[]): number | null {
  const total = bins.reduce((n, b) => n + b.count, 0);
  return total > 0 ? bins.reduce((s, b) => s + b.value * b.count, 0) / total : null;
}

export function pipelineVelocity(openDeals: number, rate: number | null, averageSize: number | null, meanCycleDays: number | null): number | null {
  if (rate === null || averageSize === null || meanCycleDays === null) return null;
  return (openDeals * rate * averageSize) / Math.max(1, meanCycleDays);
}

function figures(closed: ClosedGroup[], created: CreatedGroup[], openDeals: number): MetricFigures {
  const won = { count: 0, amount: 0 };
  const lost = { count: 0, amount: 0 };
  const cycles: HistogramBin[] = [];
  for (const g of closed) {
    const into = g.status === 'won' ? won : lost;
    into.count += g.count;
    into.amount += g.amount;
    if (g.status === 'won' && g.cycleDays !== null) cycles.push({ value: g.cycleDays, count: g.count });
  }
  const newPipeline = created.reduce((t, g) => ({ count: t.count + g.count, amount: t.amount + g.amount }), { count: 0, amount: 0 });
  const rate = winRate(won.count, lost.count);
  const size = averageDealSize(won.amount, won.count);
  const mean = histogramMean(cycles);
  const velocity = pipelineVelocity(openDeals, rate, size, mean);
  return {
    won: { count: won.count, amount: round(won.amount, 2) },
    lost: { count: lost.count, amount: round(lost.amount, 2) },
    winRate: rate === null ? null : round(rate, 4),
    averageDealSize: size === null ? null : round(size, 2),
    medianCycleDays: histogramMedian(cycles),
    meanCycleDays: mean === null ? null : round(mean, 1),
    newPipeline: { count: newPipeline.count, amount: round(newPipeline.amount, 2) },
    velocity: velocity === null ? null : round(velocity, 2),
  };
}

export function buildSalesMetrics(input: MetricsInput): SalesMetrics {
  let openAtStart = input.openAtStart;
  const series = input.periods.map((period) => {
    const closed = input.closed.filter((g) => g.period === period);
    const created = input.created.filter((g) => g.period === period);
    const row: PeriodMetrics = { period, openAtStart, ...figures(closed, created, openAtStart) };
    // open at the next period's start: this one's opened deals in, its closed deals out
    openAtStart += row.newPipeline.count - row.won.count - row.lost.count;
    return row;
  });
  return {
    summary: { ...figures(input.closed, input.created, input.openNow.count), openDeals: { count: input.openNow.count, amount: round(input.openNow.amount, 2) } },
    series,
  };
}
