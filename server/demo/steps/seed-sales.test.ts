// The demo's sales story, read back through the app's own API where a user would see it: two
// pipelines with deals spread over their boards, a plausible win rate and sales cycle, consistent
// stage history, a forecast for this quarter against quotas, renewals coming up, the team's
// activities and everyone's "My work".
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../../test/harness.ts';
import { formatDay, nextPeriod, periodOfDay } from '../../forecast/period.ts';
import { seedDemo } from '../seed-demo.ts';
import { TEAMMATES } from '../team.ts';

const CONTACTS = 600;
const DAY = 86_400_000;

let server: TestServer;
let ws: string;
let adminId: string;
let api: ApiClient;
const logs: string[] = [];

/** Every count in a row of violation counts is zero (PostgreSQL's bigint counts arrive as strings). */
function expectNone(row: Record<string, unknown>): void {
  expect(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]))).toEqual(
    Object.fromEntries(Object.keys(row).map((k) => [k, 0])),
  );
}

async function rows<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(server.database.db)).rows;
}

beforeAll(async () => {
  server = await startTestServer();
  const ids = await seedDemo(server.database.db, {
    contacts: CONTACTS,
    workspace: 'Northwind Analytics (demo)',
    email: 'demo@tandem.local',
    password: 'tandem-demo',
    seed: 7,
    log: (m) => logs.push(m),
  });
  ws = ids.workspaceId;
  adminId = ids.userId;
  api = new ApiClient(server.url, { apiKey: ids.apiKey });
}, 300_000);
afterAll(async () => server?.close());

describe('tandem demo: sales', () => {
  it('has a product catalogue and two pipelines with deals in several stages each', async () => {
    const products = await api.get('/api/v1/products?limit=100');
    expect(products.status).toBe(200);
    expect(products.body.data.length).toBeGreaterThanOrEqual(10);
    for (const p of products.body.data) {
      expect(p.unitPrice, p.name).toBeGreaterThan(0);
      expect(p.currency).toBe('USD');
    }

    const pipelines = await api.get('/api/v1/pipelines');
    expect(pipelines.body.data.map((p: { name: string }) => p.name)).toEqual(['New business', 'Renewals']);
    for (const pipeline of pipelines.body.data as Array<{ id: string; name: string }>) {
      const board = await api.get(`/api/v1/pipelines/${pipeline.id}/board?limit=5`);
      expect(board.status).toBe(200);
      const filled = board.body.columns.filter((c: { count: number }) => c.count > 0);
      expect(filled.length, pipeline.name).toBeGreaterThanOrEqual(4);
      const open = board.body.columns.filter((c: { stage: { type: string }; count: number }) => c.stage.type === 'open' && c.count > 0);
      expect(open.length, pipeline.name).toBeGreaterThanOrEqual(2);
    }

    const [n] = await rows<{ deals: number; accounts: number; renewals: number; expansions: number; sourced: number }>(sql`
      SELECT count(*)::int AS deals, count(DISTINCT account_id)::int AS accounts,
        count(*) FILTER (WHERE deal_type = 'renewal')::int AS renewals,
        count(*) FILTER (WHERE deal_type = 'expansion')::int AS expansions,
        count(*) FILTER (WHERE source_campaign_id IS NOT NULL)::int AS sourced
      FROM deals WHERE workspace_id = ${ws}`);
    // about one deal per account over 18 months, more on larger accounts
    expect(n.deals).toBeGreaterThan(CONTACTS / 20);
    expect(n.deals).toBeLessThan(CONTACTS / 4);
    expect(n.renewals).toBeGreaterThan(0);
    expect(n.expansions).toBeGreaterThan(0);
    expect(n.sourced).toBeGreaterThan(0);
    expect(logs.some((l) => /\d+ deals \(\d+ won, \d+ lost, \d+ open/.test(l))).toBe(true);
  });

  it('keeps every deal consistent: owner, account, people, line items and status', async () => {
    const [bad] = await rows<Record<string, number>>(sql`
      SELECT
        count(*) FILTER (WHERE d.owner_id IS DISTINCT FROM a.owner_id) AS owner,
        count(*) FILTER (WHERE d.created_at < a.created_at OR d.created_at > now() OR d.closed_at > now()) AS dates,
        count(*) FILTER (WHERE d.status <> s.type) AS status,
        count(*) FILTER (WHERE (d.status = 'open') <> (d.closed_at IS NULL)) AS closed_at,
        count(*) FILTER (WHERE (d.status <> 'open') <> (d.forecast_category = 'closed')) AS category,
        count(*) FILTER (WHERE d.status <> 'open' AND d.close_reason_id IS NULL) AS reason,
        count(*) FILTER (WHERE r.kind IS NOT NULL AND r.kind <> d.status) AS reason_kind,
        count(*) FILTER (WHERE (SELECT count(*) FROM deal_contacts dc WHERE dc.workspace_id = d.workspace_id AND dc.deal_id = d.id) NOT BETWEEN 1 AND 5) AS people,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM deal_contacts dc JOIN contacts c ON c.workspace_id = dc.workspace_id AND c.id = dc.contact_id
          WHERE dc.workspace_id = d.workspace_id AND dc.deal_id = d.id AND c.account_id IS DISTINCT FROM d.account_id)) AS strangers,
        count(*) FILTER (WHERE (SELECT count(*) FROM deal_line_items li WHERE li.workspace_id = d.workspace_id AND li.deal_id = d.id) NOT BETWEEN 1 AND 3) AS lines,
        count(*) FILTER (WHERE abs(d.amount - (SELECT sum(round(li.quantity * li.unit_price * (1 - li.discount_percent / 100), 2))
          FROM deal_line_items li WHERE li.workspace_id = d.workspace_id AND li.deal_id = d.id)) > 0.05) AS amount,
        count(*) FILTER (WHERE d.deal_type <> 'new' AND NOT EXISTS (SELECT 1 FROM deals p WHERE p.workspace_id = d.workspace_id
          AND p.id = d.parent_deal_id AND p.status = 'won' AND p.account_id = d.account_id AND p.closed_at < d.created_at)) AS parent,
        count(*) FILTER (WHERE d.status = 'won' AND d.renewal_date IS NULL) AS renewal_date
      FROM deals d
      JOIN accounts a ON a.workspace_id = d.workspace_id AND a.id = d.account_id
      JOIN pipeline_stages s ON s.workspace_id = d.workspace_id AND s.id = d.stage_id
      LEFT JOIN close_reasons r ON r.workspace_id = d.workspace_id AND r.id = d.close_reason_id
      WHERE d.workspace_id = ${ws}`);
    expectNone(bad);

    const renewals = await rows<{ pipeline: string; deal_type: string }>(sql`
      SELECT DISTINCT p.name AS pipeline, d.deal_type FROM deals d JOIN pipelines p ON p.workspace_id = d.workspace_id AND p.id = d.pipeline_id
      WHERE d.workspace_id = ${ws}`);
    for (const r of renewals) expect(r.pipeline === 'Renewals', r.deal_type).toBe(r.deal_type === 'renewal');

    // contacts on deals that were won are customers, unless their company has churned since
    const [lifecycle] = await rows<{ on_won: number; not_customers: number }>(sql`
      SELECT count(*)::int AS on_won, count(*) FILTER (WHERE c.lifecycle_stage NOT IN ('customer', 'evangelist'))::int AS not_customers
      FROM deal_contacts dc
      JOIN deals d ON d.workspace_id = dc.workspace_id AND d.id = dc.deal_id AND d.status = 'won'
      JOIN contacts c ON c.workspace_id = dc.workspace_id AND c.id = dc.contact_id
      WHERE dc.workspace_id = ${ws} AND NOT EXISTS (
        SELECT 1 FROM deals x WHERE x.workspace_id = d.workspace_id AND x.account_id = d.account_id AND x.deal_type = 'renewal' AND x.status = 'lost')`);
    expect(lifecycle.on_won).toBeGreaterThan(0);
    expect(lifecycle.not_customers).toBe(0);
  });

  it('records each deal’s stage history from its creation to its current stage', async () => {
    const [bad] = await rows<Record<string, number>>(sql`
      WITH h AS (
        SELECT h.*, row_number() OVER w AS n, count(*) OVER (PARTITION BY h.deal_id) AS total,
          lag(h.to_stage_id) OVER w AS previous_to, lag(h.changed_at) OVER w AS previous_at
        FROM deal_stage_history h WHERE h.workspace_id = ${ws}
        WINDOW w AS (PARTITION BY h.deal_id ORDER BY h.changed_at, h.id)
      )
      SELECT
        count(*) FILTER (WHERE h.n = 1 AND (h.from_stage_id IS NOT NULL OR h.changed_at <> d.created_at)) AS first_row,
        count(*) FILTER (WHERE h.n > 1 AND (h.from_stage_id IS DISTINCT FROM h.previous_to OR h.changed_at <= h.previous_at)) AS chain,
        count(*) FILTER (WHERE h.n = h.total AND (h.to_stage_id <> d.stage_id OR h.changed_at <> d.stage_changed_at)) AS last_row,
        count(*) FILTER (WHERE h.n = h.total AND d.status <> 'open' AND h.changed_at <> d.closed_at) AS closed_at,
        count(*) FILTER (WHERE h.changed_by IS DISTINCT FROM d.owner_id OR h.pipeline_id <> d.pipeline_id OR h.amount <> d.amount) AS fields,
        count(*) FILTER (WHERE h.changed_at > now()) AS future,
        count(DISTINCT d.id) FILTER (WHERE h.total < 2 AND d.status <> 'open') AS closed_without_moves
      FROM h JOIN deals d ON d.workspace_id = h.workspace_id AND d.id = h.deal_id`);
    expectNone(bad);
    const [covered] = await rows<{ without: number }>(sql`
      SELECT count(*)::int AS without FROM deals d WHERE d.workspace_id = ${ws}
        AND NOT EXISTS (SELECT 1 FROM deal_stage_history h WHERE h.workspace_id = d.workspace_id AND h.deal_id = d.id)`);
    expect(covered.without).toBe(0);

    // the API shows a won deal's path and its activities on its timeline
    const [won] = await rows<{ id: string }>(sql`
      SELECT id FROM deals WHERE workspace_id = ${ws} AND status = 'won' AND deal_type = 'new' ORDER BY amount DESC LIMIT 1`);
    const history = await api.get(`/api/v1/deals/${won.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.data.length).toBeGreaterThanOrEqual(3);
    const timeline = await api.get(`/api/v1/deals/${won.id}/timeline?limit=100`);
    const kinds = new Set(timeline.body.data.map((i: { kind: string }) => i.kind));
    for (const kind of ['deal_created', 'stage_change', 'activity']) expect(kinds.has(kind), kind).toBe(true);
  });

  it('wins about a quarter of closed new business, in a one-to-three-month cycle', async () => {
    const [closed] = await rows<{ won: number; lost: number }>(sql`
      SELECT count(*) FILTER (WHERE d.status = 'won')::int AS won, count(*) FILTER (WHERE d.status = 'lost')::int AS lost
      FROM deals d JOIN pipelines p ON p.workspace_id = d.workspace_id AND p.id = d.pipeline_id
      WHERE d.workspace_id = ${ws} AND p.name = 'New business'`);
    const rate = closed.won / (closed.won + closed.lost);
    expect(rate).toBeGreaterThan(0.12);
    expect(rate).toBeLessThan(0.4);

    const today = formatDay(new Date());
    const from = formatDay(new Date(Date.now() - 540 * DAY));
    const metrics = await api.get(`/api/v1/metrics/sales?from=${from}&to=${today}&interval=quarter`);
    expect(metrics.status).toBe(200);
    const s = metrics.body.summary;
    expect(s.won.count).toBeGreaterThan(5);
    expect(s.winRate).toBeGreaterThan(0.15);
    expect(s.winRate).toBeLessThan(0.45);
    expect(s.medianCycleDays).toBeGreaterThanOrEqual(30);
    expect(s.medianCycleDays).toBeLessThanOrEqual(100);
    expect(s.openDeals.count).toBeGreaterThan(0);
    expect(metrics.body.series.length).toBeGreaterThanOrEqual(6);
    expect(metrics.body.series.filter((p: { won: { count: number } }) => p.won.count > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('forecasts this quarter (or the next, when this one is nearly over) with open deals and quotas', async () => {
    let period = periodOfDay(formatDay(new Date()), 'quarter');
    if (Date.parse(`${period.endExclusive}T00:00:00Z`) - Date.now() < 14 * DAY) period = nextPeriod(period);
    const res = await api.get(`/api/v1/forecast?period=${period.key}`);
    expect(res.status).toBe(200);
    const team = res.body.team;
    expect(team.pipeline.count + team.bestCase.count + team.commit.count).toBeGreaterThan(0);
    expect(team.pipeline.amount + team.bestCase.amount + team.commit.amount).toBeGreaterThan(0);
    expect(team.weightedByHistory).toBeGreaterThan(0);
    expect(team.quota).toBeGreaterThan(0);
    expect(team.quotaSource).toBe('sum_of_reps');
    const aes = TEAMMATES.filter((t) => t.job === 'ae').map((t) => t.name);
    const quoted = res.body.reps.filter((r: { quota: number | null }) => (r.quota ?? 0) > 0).map((r: { name: string }) => r.name);
    expect(quoted.sort()).toEqual(aes.sort());
    // history gives the later stages a higher win rate than the first
    const stages = res.body.stages.filter(
      (st: { pipelineName: string; historicalRate: number | null }) => st.pipelineName === 'New business',
    );
    const rates = stages.map((st: { historicalRate: number | null }) => st.historicalRate);
    expect(rates[0]).not.toBeNull();
    expect(rates[3]).toBeGreaterThan(rates[0]);

    // quotas: every AE, each month and quarter from the first month to two quarters ahead
    const [q] = await rows<{ reps: number; months: number; quarters: number; mismatched: number }>(sql`
      SELECT count(DISTINCT owner_id)::int AS reps,
        count(*) FILTER (WHERE period NOT LIKE '%Q%')::int AS months,
        count(*) FILTER (WHERE period LIKE '%Q%')::int AS quarters,
        (SELECT count(*)::int FROM quotas qq WHERE qq.workspace_id = ${ws} AND qq.period LIKE '%Q%' AND qq.amount <> (
          SELECT sum(m.amount) FROM quotas m WHERE m.workspace_id = qq.workspace_id AND m.owner_id = qq.owner_id
            AND m.period IN (
              SELECT to_char(make_date(left(qq.period, 4)::int, (right(qq.period, 1)::int - 1) * 3 + k, 1), 'YYYY-MM') FROM generate_series(1, 3) k))) AS mismatched
      FROM quotas WHERE workspace_id = ${ws}`);
    expect(q.reps).toBe(3);
    expect(q.months).toBe(q.quarters * 3);
    expect(q.quarters / 3).toBeGreaterThanOrEqual(8); // ~6 quarters of history and 2 ahead
    expect(q.mismatched).toBe(0);
  });

  it('has renewals coming up on the Renewals board and in the renewals list', async () => {
    const today = formatDay(new Date());
    const inFourMonths = formatDay(new Date(Date.now() + 120 * DAY));
    const due = await api.get(`/api/v1/renewals?from=${today}&to=${inFourMonths}&limit=100`);
    expect(due.status).toBe(200);
    expect(due.body.data.length).toBeGreaterThan(0);
    for (const d of due.body.data) {
      expect(d.status).toBe('won');
      expect(d.renewalDate >= today && d.renewalDate <= inFourMonths).toBe(true);
    }
    const [r] = await rows<{ won: number; lost: number; open: number }>(sql`
      SELECT count(*) FILTER (WHERE status = 'won')::int AS won, count(*) FILTER (WHERE status = 'lost')::int AS lost,
        count(*) FILTER (WHERE status = 'open')::int AS open
      FROM deals WHERE workspace_id = ${ws} AND deal_type = 'renewal'`);
    expect(r.won).toBeGreaterThan(r.lost);
    expect(r.open + r.won + r.lost).toBeGreaterThan(2);
  });

  it('logs calls, meetings with attendees, emails and tasks along the deals, none before its record', async () => {
    const types = await rows<{ type: string; n: number; on_deals: number }>(sql`
      SELECT type, count(*)::int AS n, count(deal_id)::int AS on_deals FROM activities WHERE workspace_id = ${ws} GROUP BY 1`);
    const byType = Object.fromEntries(types.map((t) => [t.type, t]));
    for (const t of ['task', 'call', 'meeting', 'email']) expect(byType[t]?.n ?? 0, t).toBeGreaterThan(10);
    const [check] = await rows<Record<string, number>>(sql`
      SELECT
        count(*) FILTER (WHERE a.type = 'call' AND (a.outcome IS NULL OR a.duration_seconds IS NULL)) AS calls,
        count(*) FILTER (WHERE a.type = 'email' AND (a.from_address IS NULL OR cardinality(a.to_addresses) = 0)) AS emails,
        count(*) FILTER (WHERE a.type = 'meeting' AND NOT EXISTS (
          SELECT 1 FROM activity_attendees t WHERE t.workspace_id = a.workspace_id AND t.activity_id = a.id AND t.contact_id IS NOT NULL)) AS lonely_meetings,
        count(*) FILTER (WHERE a.created_at > now() OR a.occurred_at > now() OR a.done_at > now()) AS future,
        count(*) FILTER (WHERE a.created_at < c.created_at - interval '1 second' OR coalesce(a.starts_at, a.occurred_at) < c.created_at) AS before_contact,
        count(*) FILTER (WHERE a.deal_id IS NOT NULL AND coalesce(a.starts_at, a.occurred_at, a.created_at) < d.created_at) AS before_deal,
        count(*) FILTER (WHERE a.starts_at > now() AND d.status <> 'open') AS future_meeting_on_closed_deal,
        count(*) FILTER (WHERE a.deal_id IS NOT NULL AND a.account_id IS DISTINCT FROM d.account_id) AS account
      FROM activities a
      LEFT JOIN contacts c ON c.workspace_id = a.workspace_id AND c.id = a.contact_id
      LEFT JOIN deals d ON d.workspace_id = a.workspace_id AND d.id = a.deal_id
      WHERE a.workspace_id = ${ws}`);
    expectNone(check);
  });

  it('fills My work for the admin and for each account executive', async () => {
    const mine = await api.get('/api/v1/my-work?limit=20');
    expect(mine.status).toBe(200);
    expect(mine.body.assigneeId).toBe(adminId);
    expect(mine.body.counts.overdue).toBeGreaterThan(0);
    expect(mine.body.counts.upcoming).toBeGreaterThan(0);
    expect(mine.body.overdue.length + mine.body.today.length + mine.body.upcoming.length).toBeGreaterThan(3);

    const aes = await rows<{ user_id: string }>(sql`
      SELECT m.user_id FROM members m JOIN users u ON u.id = m.user_id
      WHERE m.workspace_id = ${ws} AND u.email = ANY(${TEAMMATES.filter((t) => t.job === 'ae').map((t) => t.email)}::text[])`);
    expect(aes.length).toBe(3);
    for (const ae of aes) {
      const work = await api.get(`/api/v1/my-work/counts?assigneeId=${ae.user_id}`);
      expect(work.status).toBe(200);
      expect(work.body.overdue + work.body.today + work.body.upcoming, ae.user_id).toBeGreaterThan(0);
    }
  });

});
