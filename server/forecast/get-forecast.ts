// GET /forecast: the period's aggregates from SQL, combined by the pure forecast math, with rep names.
import type { Db, DbOrTrx } from '../platform/db.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { buildForecast } from './forecast-math.ts';
import { dealsWonIn, forecastStages, memberNames, openDealsClosingIn, quotasOf, type DealFilters } from './forecast.store.ts';
import type { ForecastQuery, ForecastResponse, SalesMetricsQuery } from './forecast.schemas.ts';
import { monthsOf, parsePeriod } from './period.ts';
import { stageConversion } from './stage-conversion.ts';
import { cachedAggregate, dealsVersion } from './aggregate-cache.ts';

/** 400 naming pipelineId / ownerId when they are not this workspace's (any member: past reps have history). */
export async function checkDealFilters(db: DbOrTrx, workspaceId: string, q: Pick<SalesMetricsQuery, 'pipelineId' | 'ownerId'>): Promise<DealFilters> {
  const problems: FieldError[] = [];
  if (q.pipelineId) {
    const p = await db.selectFrom('pipelines').select('id').where('workspace_id', '=', workspaceId).where('id', '=', q.pipelineId).executeTakeFirst();
    if (!p) problems.push({ path: 'pipelineId', message: 'no such pipeline in this workspace' });
  }
  if (q.ownerId) {
    const m = await db.selectFrom('members').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', q.ownerId).executeTakeFirst();
    if (!m) problems.push({ path: 'ownerId', message: 'no such user in this workspace' });
  }
  if (problems.length) throw new AppError('validation_failed', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
  return { pipelineId: q.pipelineId, ownerId: q.ownerId };
}

export interface ReadOptions {
  /** false: aggregate the deals afresh even when they have not changed (the benchmark's baseline). */
  cache?: boolean;
}

export async function getForecast(db: Db, workspaceId: string, q: ForecastQuery, opts: ReadOptions = {}): Promise<ForecastResponse> {
  const period = parsePeriod(q.period)!;
  const [f, version] = await Promise.all([checkDealFilters(db, workspaceId, q), opts.cache === false ? null : dealsVersion(db, workspaceId)]);
  const monthKeys = monthsOf(period).map((m) => m.key);
  const [open, won, stages, quotas, conversion] = await Promise.all([
    cachedAggregate(workspaceId, version, ['open', period.key, f], () => openDealsClosingIn(db, workspaceId, period.start, period.end, f)),
    cachedAggregate(workspaceId, version, ['won', period.key, f], () => dealsWonIn(db, workspaceId, period.start, period.endExclusive, f)),
    forecastStages(db, workspaceId, f.pipelineId),
    quotasOf(db, workspaceId, [...new Set([period.key, ...monthKeys])], f.ownerId),
    stageConversion(db, workspaceId),
  ]);
  // archived stages and pipelines only while open deals of the period still sit in them
  const occupied = new Set(open.map((g) => g.stageId));
  const shown = stages.filter((s) => !s.archived || occupied.has(s.id));
  const forecast = buildForecast({ period: period.key, monthKeys, open, won, stages: shown, reach: conversion.reach, quotas });
  const names = await memberNames(
    db,
    workspaceId,
    forecast.reps.map((r) => r.ownerId).filter((id): id is string => id !== null),
  );
  const reps = forecast.reps
    .map((r) => ({ ...r, name: r.ownerId ? (names.get(r.ownerId) ?? 'Former member') : 'Unassigned' }))
    // by name, unassigned deals last
    .sort((a, b) => Number(a.ownerId === null) - Number(b.ownerId === null) || a.name.localeCompare(b.name));
  return {
    period: { key: period.key, kind: period.kind, start: period.start, end: period.end },
    pipelineId: f.pipelineId ?? null,
    ownerId: f.ownerId ?? null,
    team: forecast.team,
    reps,
    stages: forecast.stages,
    historyAsOf: conversion.computedAt,
  };
}
