// SQL behind the forecast and the sales metrics. Every query aggregates in the database (GROUP BY over
// deals) and returns a handful of rows per owner, stage or period for the pure math to combine. Days
// and periods are UTC: bounds are midnight UTC timestamps (`closed_at >= '2026-10-01T00:00:00Z'`).
// Indexes: deals_forecast_open / _closed / _created (migration 2026-11-26-0006) make every scan here
// an index-only range scan of the period's deals.
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { ForecastCategory, StageType } from '../db-schema.ts';
import type { OpenDealGroup, QuotaAmount, StageInfo, WonDealGroup } from './forecast-math.ts';
import type { ClosedGroup, CreatedGroup } from './sales-metrics-math.ts';

export interface DealFilters {
  pipelineId?: string;
  ownerId?: string;
}

/** Midnight UTC of a YYYY-MM-DD day, as a timestamptz parameter. */
const dayStart = (day: string) => sql`${`${day}T00:00:00Z`}::timestamptz`;

function filters(f: DealFilters): RawBuilder<unknown> {
  const parts = [
    f.pipelineId ? sql`AND pipeline_id = ${f.pipelineId}::uuid` : undefined,
    f.ownerId ? sql`AND owner_id = ${f.ownerId}::uuid` : undefined,
  ].filter((p) => p !== undefined);
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

/** Open deals expected to close in [start, end] (days), by owner, stage and forecast category. */
export async function openDealsClosingIn(db: DbOrTrx, workspaceId: string, start: string, end: string, f: DealFilters): Promise<OpenDealGroup[]> {
  const { rows } = await sql<{ ownerId: string | null; stageId: string; category: ForecastCategory; count: number; amount: number }>`
    SELECT owner_id AS "ownerId", stage_id AS "stageId", forecast_category AS category, count(*)::int AS count, sum(amount) AS amount
    FROM deals
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND status = 'open'
      AND expected_close_date BETWEEN ${start}::date AND ${end}::date ${filters(f)}
    GROUP BY owner_id, stage_id, forecast_category`.execute(db);
  return rows;
}

/** Deals won in [start, endExclusive) (days; by closed_at), by owner. */
export async function dealsWonIn(db: DbOrTrx, workspaceId: string, start: string, endExclusive: string, f: DealFilters): Promise<WonDealGroup[]> {
  const { rows } = await sql<{ ownerId: string | null; count: number; amount: number }>`
    SELECT owner_id AS "ownerId", count(*)::int AS count, sum(amount) AS amount
    FROM deals
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND closed_at IS NOT NULL
      AND closed_at >= ${dayStart(start)} AND closed_at < ${dayStart(endExclusive)} AND status = 'won' ${filters(f)}
    GROUP BY owner_id`.execute(db);
  return rows;
}

export interface ForecastStage extends StageInfo {
  pipelineName: string;
  /** The stage or its pipeline is archived (shown only while open deals still sit in it). */
  archived: boolean;
}

export async function forecastStages(db: DbOrTrx, workspaceId: string, pipelineId?: string): Promise<ForecastStage[]> {
  let q = db
    .selectFrom('pipeline_stages as s')
    .innerJoin('pipelines as p', (j) => j.onRef('p.workspace_id', '=', 's.workspace_id').onRef('p.id', '=', 's.pipeline_id'))
    .select([
      's.id',
      's.name',
      's.pipeline_id as pipelineId',
      'p.name as pipelineName',
      's.position',
      's.probability',
      's.type',
      sql<boolean>`s.archived_at IS NOT NULL OR p.archived_at IS NOT NULL`.as('archived'),
    ])
    .where('s.workspace_id', '=', workspaceId)
    .orderBy('p.position')
    .orderBy('s.position');
  if (pipelineId) q = q.where('s.pipeline_id', '=', pipelineId);
  return (await q.execute()).map((r) => ({ ...r, type: r.type as StageType }));
}

/** Quota rows of the given period keys; with `ownerId`, only that rep's (no team quota). */
export async function quotasOf(db: DbOrTrx, workspaceId: string, periods: string[], ownerId?: string): Promise<QuotaAmount[]> {
  let q = db
    .selectFrom('quotas')
    .select(['owner_id as ownerId', 'period', 'amount'])
    .where('workspace_id', '=', workspaceId)
    .where('period', 'in', periods);
  if (ownerId) q = q.where('owner_id', '=', ownerId);
  return q.execute();
}

export async function memberNames(db: DbOrTrx, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.user_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A period of the series, cut to the range: [start, endExclusive) days, UTC. */
export interface PeriodBounds {
  key: string;
  start: string;
  endExclusive: string;
}

function periodTable(periods: PeriodBounds[]) {
  return sql`unnest(${periods.map((p) => p.key)}::text[], ${periods.map((p) => `${p.start}T00:00:00Z`)}::timestamptz[],
    ${periods.map((p) => `${p.endExclusive}T00:00:00Z`)}::timestamptz[]) AS p(key, s, e)`;
}

/**
 * Deals closed in each period by status; won deals also by cycle length (whole UTC days created →
 * closed), so the median comes from a histogram rather than from every deal. One index range scan per
 * period (LATERAL), so nothing sorts or hashes a year of deals at once.
 */
export async function dealsClosedIn(db: DbOrTrx, workspaceId: string, periods: PeriodBounds[], f: DealFilters): Promise<ClosedGroup[]> {
  const { rows } = await sql<ClosedGroup>`
    SELECT p.key AS period, c.status, c."cycleDays", c.count, c.amount
    FROM ${periodTable(periods)}
    CROSS JOIN LATERAL (
      SELECT status,
        CASE WHEN status = 'won'
          THEN greatest(0, (closed_at AT TIME ZONE 'UTC')::date - (created_at AT TIME ZONE 'UTC')::date) END AS "cycleDays",
        count(*)::int AS count, sum(amount) AS amount
      FROM deals
      WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND closed_at IS NOT NULL
        AND closed_at >= p.s AND closed_at < p.e ${filters(f)}
      GROUP BY 1, 2
    ) c`.execute(db);
  return rows;
}

/** Deals created in each period: new pipeline. */
export async function dealsCreatedIn(db: DbOrTrx, workspaceId: string, periods: PeriodBounds[], f: DealFilters): Promise<CreatedGroup[]> {
  const { rows } = await sql<CreatedGroup>`
    SELECT p.key AS period, c.count, c.amount
    FROM ${periodTable(periods)}
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count, coalesce(sum(amount), 0) AS amount
      FROM deals
      WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND created_at >= p.s AND created_at < p.e ${filters(f)}
    ) c`.execute(db);
  return rows;
}

/**
 * Deals open now, and open when `from` began: created before it and either open now or closed since.
 * Both read only the open deals and the deals closed since `from`, never the whole history.
 */
export async function openDealCounts(db: DbOrTrx, workspaceId: string, from: string, f: DealFilters) {
  const { rows } = await sql<{ openNow: number; openNowAmount: number; openBefore: number; closedSince: number }>`
    SELECT count(*)::int AS "openNow", coalesce(sum(amount), 0) AS "openNowAmount",
      count(*) FILTER (WHERE created_at < ${dayStart(from)})::int AS "openBefore",
      (SELECT count(*)::int FROM deals WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND closed_at IS NOT NULL
         AND closed_at >= ${dayStart(from)} AND created_at < ${dayStart(from)} ${filters(f)}) AS "closedSince"
    FROM deals
    WHERE workspace_id = ${workspaceId} AND deleted_at IS NULL AND status = 'open' ${filters(f)}`.execute(db);
  const r = rows[0];
  return { openAtStart: r.openBefore + r.closedSince, openNow: { count: r.openNow, amount: Number(r.openNowAmount) } };
}
