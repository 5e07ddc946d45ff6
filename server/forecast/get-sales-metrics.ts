// GET /metrics/sales: closed, created and open-deal aggregates from SQL, combined by the pure metrics.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { buildSalesMetrics } from './sales-metrics-math.ts';
import { dealsClosedIn, dealsCreatedIn, openDealCounts } from './forecast.store.ts';
import { MAX_RANGE_DAYS, type SalesMetricsQuery, type SalesMetricsResponse } from './forecast.schemas.ts';
import { addDays, daysBetween, periodsCovering } from './period.ts';
import { checkDealFilters, type ReadOptions } from './get-forecast.ts';
import { cachedAggregate, dealsVersion } from './aggregate-cache.ts';

export async function getSalesMetrics(db: Db, workspaceId: string, q: SalesMetricsQuery, opts: ReadOptions = {}): Promise<SalesMetricsResponse> {
  if (q.to < q.from) throw AppError.invalid('to', 'must be on or after from');
  if (daysBetween(q.from, q.to) >= MAX_RANGE_DAYS) throw AppError.invalid('to', 'must be at most five years after from');
  const [f, version] = await Promise.all([checkDealFilters(db, workspaceId, q), opts.cache === false ? null : dealsVersion(db, workspaceId)]);
  const toExclusive = addDays(q.to, 1);
  // the series' periods, the first and last cut to the range
  const periods = periodsCovering(q.from, q.to, q.interval).map((p) => ({
    key: p.key,
    start: p.start < q.from ? q.from : p.start,
    endExclusive: p.endExclusive > toExclusive ? toExclusive : p.endExclusive,
  }));
  const [closed, created, open] = await Promise.all([
    cachedAggregate(workspaceId, version, ['closed', periods, f], () => dealsClosedIn(db, workspaceId, periods, f)),
    cachedAggregate(workspaceId, version, ['created', periods, f], () => dealsCreatedIn(db, workspaceId, periods, f)),
    cachedAggregate(workspaceId, version, ['openCounts', q.from, f], () => openDealCounts(db, workspaceId, q.from, f)),
  ]);
  const metrics = buildSalesMetrics({ periods: periods.map((p) => p.key), closed, created, openAtStart: open.openAtStart, openNow: open.openNow });
  return {
    from: q.from,
    to: q.to,
    interval: q.interval,
    pipelineId: f.pipelineId ?? null,
    ownerId: f.ownerId ?? null,
    summary: metrics.summary,
    series: metrics.series.map((s, i) => ({ ...s, start: periods[i].start, end: addDays(periods[i].endExclusive, -1) })),
  };
}
