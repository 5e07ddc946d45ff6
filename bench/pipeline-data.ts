// The pipeline benchmark's data, generated set-based in SQL (generate_series, a handful of INSERT …
// SELECT statements) into a workspace made by `tandem init`: reps, a second pipeline, deals spread over
// the last N months and their stage history, quotas. Deterministic for a given size and run date:
// every random choice is a hash of the deal number (md5), never random().
//
// Shape: a deal is created at a uniform moment of the last `months` months and closes `cycle` days
// later (5–155); if that is still in the future it is open (its expected close date), else won (30%)
// or lost. 5% of older deals never closed (open, overdue). Open deals get a forecast category; 20%
// of deals are renewals. History: `historyPerDeal` rows per deal, the first when it was created, the
// last entering its current stage, the ones between bouncing through the first m open stages (a won
// deal went through all of them, others through 1–4), so later stages convert better, as in life.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/db-schema.ts';

export interface PipelineDataOptions {
  deals: number;
  historyPerDeal: number;
  reps: number;
  months: number;
}

export interface PipelineData {
  workspaceId: string;
  reps: string[];
  pipelines: string[];
  deals: number;
  history: number;
  openDeals: number;
  quotas: number;
}

/** u(i, salt): a uniform number in [0, 1) from the deal number, the same on every run. */
const u = (salt: string) => sql.raw(`(('x' || substr(md5(g.i::text || ':${salt}'), 1, 8))::bit(32)::bigint / 4294967296.0)`);

export async function generatePipelineData(db: Kysely<Database>, workspaceId: string, opts: PipelineDataOptions): Promise<PipelineData> {
  if (opts.historyPerDeal < 2) throw new Error('historyPerDeal must be at least 2 (created, then the current stage)');
  await sql`
    WITH u AS (
      INSERT INTO users (email, name)
      SELECT 'rep-' || n || '@bench.tandem.local', 'Rep ' || lpad(n::text, 3, '0') FROM generate_series(1, ${opts.reps}) n
      RETURNING id
    )
    INSERT INTO members (workspace_id, user_id, role) SELECT ${workspaceId}, id, 'sales' FROM u`.execute(db);
  const renewals = await db
    .insertInto('pipelines')
    .values({ workspace_id: workspaceId, name: 'Renewals', position: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('pipeline_stages')
    .values(
      [
        ['Renewal due', 0, 40, 'open'],
        ['Negotiating renewal', 1, 70, 'open'],
        ['Renewed', 2, 100, 'won'],
        ['Churned', 3, 0, 'lost'],
      ].map(([name, position, probability, type]) => ({
        workspace_id: workspaceId,
        pipeline_id: renewals.id,
        name: name as string,
        position: position as number,
        probability: probability as number,
        type: type as 'open' | 'won' | 'lost',
      })),
    )
    .execute();

  await sql`
    WITH stages AS (
      SELECT p.position AS pipeline_index, s.pipeline_id,
        array_agg(s.id ORDER BY s.position) FILTER (WHERE s.type = 'open') AS open_ids,
        (array_agg(s.id) FILTER (WHERE s.type = 'won'))[1] AS won_id,
        (array_agg(s.id) FILTER (WHERE s.type = 'lost'))[1] AS lost_id
      FROM pipeline_stages s JOIN pipelines p ON p.workspace_id = s.workspace_id AND p.id = s.pipeline_id
      WHERE s.workspace_id = ${workspaceId}
      GROUP BY p.position, s.pipeline_id
    ),
    reps AS (SELECT array_agg(user_id ORDER BY user_id) AS ids FROM members WHERE workspace_id = ${workspaceId} AND role = 'sales'),
    g AS (
      SELECT g.i, ${u('created')} AS uc, ${u('cycle')} AS ucy, ${u('status')} AS us, ${u('owner')} AS uo,
        ${u('amount')} AS ua, ${u('stage')} AS ust, ${u('category')} AS ucat, ${u('pipeline')} AS up, ${u('overdue')} AS ue
      FROM generate_series(1, ${opts.deals}) AS g(i)
    ),
    d AS (
      SELECT g.*, now() - make_interval(secs => floor(uc * ${opts.months} * 30.44 * 86400)::int) AS created,
        (5 + floor(ucy * 150))::int AS cycle
      FROM g
    ),
    o AS (
      SELECT d.*, CASE
          WHEN d.created + make_interval(days => d.cycle) > now() OR us >= 0.95 THEN 'open'
          WHEN us < 0.30 THEN 'won' ELSE 'lost' END AS status
      FROM d
    )
    INSERT INTO deals (workspace_id, pipeline_id, stage_id, status, name, amount, expected_close_date, owner_id, forecast_category,
      closed_at, stage_changed_at, deal_type, created_at, updated_at)
    SELECT ${workspaceId}, s.pipeline_id,
      CASE o.status WHEN 'won' THEN s.won_id WHEN 'lost' THEN s.lost_id
        ELSE s.open_ids[1 + floor(o.ust * array_length(s.open_ids, 1))::int] END,
      o.status, 'Deal ' || o.i, round((1000 + o.ua * o.ua * 150000)::numeric, 2),
      CASE WHEN o.status <> 'open' OR o.created + make_interval(days => o.cycle) > now()
        THEN (o.created + make_interval(days => o.cycle))::date
        ELSE current_date - floor(o.ue * 60)::int END,
      CASE WHEN o.uo < 0.03 THEN NULL ELSE r.ids[1 + floor((o.uo - 0.03) / 0.97 * array_length(r.ids, 1))::int] END,
      CASE WHEN o.status <> 'open' THEN 'closed' WHEN o.ucat < 0.2 THEN 'commit' WHEN o.ucat < 0.45 THEN 'best_case'
        WHEN o.ucat < 0.9 THEN 'pipeline' ELSE 'omitted' END,
      CASE WHEN o.status <> 'open' THEN o.created + make_interval(days => o.cycle) END,
      CASE WHEN o.status <> 'open' THEN o.created + make_interval(days => o.cycle) ELSE o.created END,
      CASE WHEN s.pipeline_index = 0 THEN 'new' ELSE 'renewal' END,
      o.created, coalesce(CASE WHEN o.status <> 'open' THEN o.created + make_interval(days => o.cycle) END, o.created)
    FROM o
    CROSS JOIN reps r
    JOIN stages s ON s.pipeline_index = CASE WHEN o.up < 0.2 THEN 1 ELSE 0 END`.execute(db);

  await sql`
    WITH stages AS (
      SELECT pipeline_id, array_agg(id ORDER BY position) FILTER (WHERE type = 'open') AS open_ids
      FROM pipeline_stages WHERE workspace_id = ${workspaceId} GROUP BY pipeline_id
    ),
    d AS (
      SELECT d.id, d.pipeline_id, d.stage_id, d.amount, d.created_at,
        coalesce(d.closed_at, d.created_at + (now() - d.created_at) * 0.9) AS last_at,
        s.open_ids,
        -- how many open stages the deal went through: all for a winner
        CASE WHEN d.status = 'won' THEN array_length(s.open_ids, 1)
          ELSE 1 + abs(hashtext(d.id::text)) % array_length(s.open_ids, 1) END AS visited
      FROM deals d JOIN stages s ON s.pipeline_id = d.pipeline_id
      WHERE d.workspace_id = ${workspaceId}
    )
    INSERT INTO deal_stage_history (workspace_id, deal_id, pipeline_id, from_stage_id, to_stage_id, changed_at, amount)
    SELECT ${workspaceId}, d.id, d.pipeline_id,
      CASE WHEN k = 0 THEN NULL ELSE d.open_ids[1 + (k - 1) % d.visited] END,
      CASE WHEN k = ${opts.historyPerDeal - 1} THEN d.stage_id ELSE d.open_ids[1 + k % d.visited] END,
      d.created_at + (d.last_at - d.created_at) * (k::float8 / ${opts.historyPerDeal - 1}),
      d.amount
    FROM d CROSS JOIN generate_series(0, ${opts.historyPerDeal - 1}) AS k`.execute(db);

  // a quota per rep and quarter, two years back and one ahead
  await sql`
    INSERT INTO quotas (workspace_id, owner_id, period, amount)
    SELECT ${workspaceId}, m.user_id, to_char(q, 'YYYY-"Q"Q'), 250000 + (abs(hashtext(m.user_id::text || q::text)) % 100) * 2500
    FROM members m
    CROSS JOIN generate_series(date_trunc('quarter', now()) - interval '2 years', date_trunc('quarter', now()) + interval '3 months', interval '3 months') AS q
    WHERE m.workspace_id = ${workspaceId} AND m.role = 'sales'`.execute(db);

  const counts = await sql<{ deals: number; open: number; history: number; quotas: number }>`
    SELECT (SELECT count(*)::int FROM deals WHERE workspace_id = ${workspaceId}) AS deals,
      (SELECT count(*)::int FROM deals WHERE workspace_id = ${workspaceId} AND status = 'open') AS open,
      (SELECT count(*)::int FROM deal_stage_history WHERE workspace_id = ${workspaceId}) AS history,
      (SELECT count(*)::int FROM quotas WHERE workspace_id = ${workspaceId}) AS quotas`.execute(db);
  const reps = await db.selectFrom('members').select('user_id').where('workspace_id', '=', workspaceId).where('role', '=', 'sales').orderBy('user_id').execute();
  const pipelines = await db.selectFrom('pipelines').select('id').where('workspace_id', '=', workspaceId).orderBy('position').execute();
  const c = counts.rows[0];
  return {
    workspaceId,
    reps: reps.map((r) => r.user_id),
    pipelines: pipelines.map((p) => p.id),
    deals: c.deals,
    history: c.history,
    openDeals: c.open,
    quotas: c.quotas,
  };
}
