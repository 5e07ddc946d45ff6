// A small sales history with known dates for the forecast and metrics API tests, written straight
// into the deals tables (the API cannot backdate a deal). Every expected figure in the tests is
// worked out by hand from this table:
//
//   deal  owner   pipeline  amount  created     now (closed at)          expected close  history (stages entered)
//   W1    alice   NB        10000   2025-08-01  won 2025-10-15           2025-10-15      Q D P won
//   W2    bob     NB         5000   2025-10-01  won 2025-11-10           2025-11-10      Q P won
//   W3    alice   NB         7000   2025-06-01  won 2025-09-20           2025-10-20      Q D won
//   L1    bob     NB         8000   2025-07-01  lost 2025-10-05          2025-10-05      Q D P lost
//   L2    alice   NB         3000   2025-09-01  lost 2025-12-01          2025-12-01      Q lost
//   R1    bob     Renewals   2500   2025-12-01  won 2025-12-20           2025-12-20      due renewed
//   D1    alice   NB        77777   2025-10-01  won 2025-11-01, DELETED  2025-11-01      Q won
//   O1    alice   NB        20000   2025-09-15  Negotiation, commit      2025-11-30      Q D P N
//   O2    bob     NB         4000   2025-10-20  Proposal, best case      2025-12-15      Q P
//   O3    bob     NB         6000   2025-11-05  Discovery, pipeline      2025-10-31      Q D
//   O4    —       NB         1000   2025-12-10  Qualification, pipeline  2025-12-31      Q
//   O5    alice   NB        50000   2025-11-20  Qualification, omitted   2025-11-01      Q
//   O6    alice   NB        99999   2025-12-05  Proposal, commit         2026-01-01      Q P
//   O7    bob     NB        12345   2025-05-01  Negotiation, commit      (none)          Q D P N
//
// NB = the default "New business" pipeline (Qualification 10%, Discovery 20%, Proposal 50%,
// Negotiation 75%); Renewals = "Renewal due" 60% → "Renewed" (won) / "Churned" (lost).
import type { Db } from '../platform/db.ts';
import type { TestWorkspace } from '../test/harness.ts';

export interface Fixture {
  alice: string;
  bob: string;
  newBusiness: string;
  renewals: string;
  stages: Record<string, string>;
  deals: Record<string, string>;
}

interface DealSpec {
  key: string;
  owner: 'alice' | 'bob' | null;
  renewal?: boolean;
  amount: number;
  created: string;
  /** Stage names entered, in order; the last is where the deal is now. */
  path: string[];
  closed?: string;
  expected: string | null;
  category?: 'pipeline' | 'best_case' | 'commit' | 'omitted';
  deleted?: boolean;
}

const DEALS: DealSpec[] = [
  { key: 'W1', owner: 'alice', amount: 10000, created: '2025-08-01', closed: '2025-10-15', expected: '2025-10-15', path: ['Qualification', 'Discovery', 'Proposal', 'Closed won'] },
  { key: 'W2', owner: 'bob', amount: 5000, created: '2025-10-01', closed: '2025-11-10', expected: '2025-11-10', path: ['Qualification', 'Proposal', 'Closed won'] },
  { key: 'W3', owner: 'alice', amount: 7000, created: '2025-06-01', closed: '2025-09-20', expected: '2025-10-20', path: ['Qualification', 'Discovery', 'Closed won'] },
  { key: 'L1', owner: 'bob', amount: 8000, created: '2025-07-01', closed: '2025-10-05', expected: '2025-10-05', path: ['Qualification', 'Discovery', 'Proposal', 'Closed lost'] },
  { key: 'L2', owner: 'alice', amount: 3000, created: '2025-09-01', closed: '2025-12-01', expected: '2025-12-01', path: ['Qualification', 'Closed lost'] },
  { key: 'R1', owner: 'bob', renewal: true, amount: 2500, created: '2025-12-01', closed: '2025-12-20', expected: '2025-12-20', path: ['Renewal due', 'Renewed'] },
  { key: 'D1', owner: 'alice', amount: 77777, created: '2025-10-01', closed: '2025-11-01', expected: '2025-11-01', path: ['Qualification', 'Closed won'], deleted: true },
  { key: 'O1', owner: 'alice', amount: 20000, created: '2025-09-15', expected: '2025-11-30', category: 'commit', path: ['Qualification', 'Discovery', 'Proposal', 'Negotiation'] },
  { key: 'O2', owner: 'bob', amount: 4000, created: '2025-10-20', expected: '2025-12-15', category: 'best_case', path: ['Qualification', 'Proposal'] },
  { key: 'O3', owner: 'bob', amount: 6000, created: '2025-11-05', expected: '2025-10-31', category: 'pipeline', path: ['Qualification', 'Discovery'] },
  { key: 'O4', owner: null, amount: 1000, created: '2025-12-10', expected: '2025-12-31', category: 'pipeline', path: ['Qualification'] },
  { key: 'O5', owner: 'alice', amount: 50000, created: '2025-11-20', expected: '2025-11-01', category: 'omitted', path: ['Qualification'] },
  { key: 'O6', owner: 'alice', amount: 99999, created: '2025-12-05', expected: '2026-01-01', category: 'commit', path: ['Qualification', 'Proposal'] },
  { key: 'O7', owner: 'bob', amount: 12345, created: '2025-05-01', expected: null, category: 'commit', path: ['Qualification', 'Discovery', 'Proposal', 'Negotiation'] },
];

export async function seedSalesHistory(db: Db, ws: TestWorkspace): Promise<Fixture> {
  const workspaceId = ws.workspaceId;
  const alice = await ws.addUser('sales', `alice-${workspaceId.slice(0, 8)}@forecast.test`, 'Alice Able');
  const bob = await ws.addUser('sales', `bob-${workspaceId.slice(0, 8)}@forecast.test`, 'Bob Baker');
  const newBusiness = (
    await db.selectFrom('pipelines').select('id').where('workspace_id', '=', workspaceId).where('is_default', '=', true).executeTakeFirstOrThrow()
  ).id;
  const renewals = (
    await db.insertInto('pipelines').values({ workspace_id: workspaceId, name: 'Renewals', position: 1 }).returning('id').executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('pipeline_stages')
    .values([
      { workspace_id: workspaceId, pipeline_id: renewals, name: 'Renewal due', position: 0, probability: 60, type: 'open' },
      { workspace_id: workspaceId, pipeline_id: renewals, name: 'Renewed', position: 1, probability: 100, type: 'won' },
      { workspace_id: workspaceId, pipeline_id: renewals, name: 'Churned', position: 2, probability: 0, type: 'lost' },
    ])
    .execute();
  const stageRows = await db.selectFrom('pipeline_stages').select(['id', 'name', 'type']).where('workspace_id', '=', workspaceId).execute();
  const stages = Object.fromEntries(stageRows.map((s) => [s.name, s.id]));
  const typeOf = Object.fromEntries(stageRows.map((s) => [s.name, s.type]));

  const owners = { alice, bob };
  const deals: Record<string, string> = {};
  for (const d of DEALS) {
    const current = d.path[d.path.length - 1];
    const status = typeOf[current] as 'open' | 'won' | 'lost';
    const pipelineId = d.renewal ? renewals : newBusiness;
    const closedAt = d.closed ? `${d.closed}T12:00:00Z` : null;
    const row = await db
      .insertInto('deals')
      .values({
        workspace_id: workspaceId,
        pipeline_id: pipelineId,
        stage_id: stages[current],
        status,
        name: `Deal ${d.key}`,
        amount: d.amount,
        expected_close_date: d.expected,
        owner_id: d.owner ? owners[d.owner] : null,
        forecast_category: status === 'open' ? (d.category ?? 'pipeline') : 'closed',
        closed_at: closedAt,
        created_at: `${d.created}T09:00:00Z`,
        updated_at: `${d.closed ?? d.created}T12:00:00Z`,
        stage_changed_at: closedAt ?? `${d.created}T09:00:00Z`,
        deleted_at: d.deleted ? '2025-12-24T00:00:00Z' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    deals[d.key] = row.id;
    // one history row per stage entered, a day apart, the last on the close day
    await db
      .insertInto('deal_stage_history')
      .values(
        d.path.map((name, i) => ({
          workspace_id: workspaceId,
          deal_id: row.id,
          pipeline_id: pipelineId,
          from_stage_id: i === 0 ? null : stages[d.path[i - 1]],
          to_stage_id: stages[name],
          changed_at: i === d.path.length - 1 && closedAt ? closedAt : `${d.created}T${String(9 + i).padStart(2, '0')}:00:00Z`,
          amount: d.amount,
        })),
      )
      .execute();
  }
  return { alice, bob, newBusiness, renewals, stages, deals };
}
