// Deal import: a HubSpot-style export of won, lost and open deals with their historical dates becomes
// deals whose created_at, closed_at and stage history are the file's, so sales metrics over the
// imported period come out as computed by hand below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server, 'Deal Import Co');
});
afterAll(async () => server?.close());

async function upload(csv: string, fileName = 'deals.csv') {
  const res = await fetch(`${server.url}/api/v1/imports?objectType=deal&fileName=${fileName}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ws.apiKey}`, 'content-type': 'text/csv' },
    body: csv,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function waitForEnd(id: string) {
  for (let i = 0; i < 300; i++) {
    const r = await ws.api.get(`/api/v1/imports/${id}`);
    if (['completed', 'failed', 'cancelled'].includes(r.body.status)) return r.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('import did not finish');
}

async function allDeals(): Promise<any[]> {
  return (await ws.api.get('/api/v1/deals?limit=100')).body.data;
}

const HEADER = 'Deal Name,Amount,Deal Stage,Pipeline,Deal owner,Close Date,Create Date,Associated Company,Company Domain,Product,Closed Lost Reason\n';

describe('deal import', () => {
  let stages: Record<string, string>;
  let ritaId: string;
  let globexId: string;

  beforeAll(async () => {
    const pipelines = (await ws.api.get('/api/v1/pipelines')).body.data;
    stages = Object.fromEntries(pipelines[0].stages.map((s: { name: string; id: string }) => [s.name, s.id]));
    ritaId = await ws.addUser('sales', 'rita@dealimport.test', 'Rita Rep');
    globexId = (await ws.api.post('/api/v1/accounts', { name: 'Globex', domain: 'globex.test' })).body.id;
    expect((await ws.api.post('/api/v1/contacts', { email: 'hank@globex.test', lifecycleStage: 'opportunity' })).status).toBe(201);
    expect((await ws.api.post('/api/v1/products', { name: 'Platform', sku: 'PLT-1', unitPrice: 1500 })).status).toBe(201);
  });

  it('imports won, lost and open deals with their own dates, stage history, owners, accounts and products', async () => {
    const csv =
      HEADER +
      // W1: 40 days; W2: 30 days; W3: 70 days (closedwon is HubSpot's internal stage id)
      'Alpha,"$10,000",Closed Won,New business,Rita Rep,2025-02-19,2025-01-10,Globex Corp,globex.test,,\n' +
      'Beta,5000,closed won,,rita@dealimport.test,3/3/2025,2/1/2025,Initech,,,\n' +
      'Gamma,8000.00,closedwon,,old.rep@formercrm.test,2025-05-10,2025-03-01 10:00,Globex,,,\n' +
      'Delta,4000,Closed Lost,,Ghost Person,2025-02-10,2025-01-05,,,,Price too high\n' +
      'Epsilon,3000,Closed lost,,,2025-04-01,2025-03-15,,,,\n' +
      'Zeta,12000,Proposal,,Rita Rep,2025-07-31,2025-04-01,Initech,,,\n' +
      'Eta,,Demo Scheduled,,,2025-08-15,2025-05-01,,,PLT-1,\n' +
      // rows with problems
      ',1000,Proposal,,,,2025-01-01,,,,\n' +
      'Bad amount,abc,Proposal,,,,2025-01-01,,,,\n' +
      'Bad date,100,Proposal,,,,31/31/2025,,,,\n' +
      'Mystery,100,Mystery Stage,,,,2025-01-01,,,,\n' +
      'No close date,100,Closed Won,,,,2025-01-01,,,,\n' +
      'Nobody owns it,100,Proposal,,Nobody Known,,2025-01-01,,,,\n' +
      'Unknown product,,Proposal,,,,2025-01-01,,,Widget,\n' +
      'Unknown reason,100,Closed Lost,,,2025-02-01,2025-01-01,,,,Aliens\n';
    const up = await upload(csv, 'hubspot-deals.csv');
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ objectType: 'deal', status: 'uploaded', pipelineId: null, valueMapping: null });
    expect(up.body.suggestedMapping).toEqual({
      'Deal Name': 'name',
      Amount: 'amount',
      'Deal Stage': 'stage',
      Pipeline: 'pipeline',
      'Deal owner': 'owner',
      'Close Date': 'closeDate',
      'Create Date': 'createdAt',
      'Associated Company': 'accountName',
      'Company Domain': 'accountDomain',
      Product: 'product',
      'Closed Lost Reason': 'closeReason',
    });
    const mapping = up.body.suggestedMapping;

    // the value step lists what matches nothing
    const values = await ws.api.post(`/api/v1/imports/${up.body.id}/values`, { mapping });
    expect(values.status, JSON.stringify(values.body)).toBe(200);
    expect(values.body).toMatchObject({ rows: 15, unknownPipelines: [], truncated: false });
    expect(values.body.unknownStages).toEqual([
      { value: 'Demo Scheduled', rows: 1, pipelineId: values.body.pipelineId },
      { value: 'Mystery Stage', rows: 1, pipelineId: values.body.pipelineId },
    ]);
    expect(values.body.unknownOwners.map((o: { value: string }) => o.value)).toEqual(['Ghost Person', 'Nobody Known', 'old.rep@formercrm.test']);

    const started = await ws.api.post(`/api/v1/imports/${up.body.id}/start`, {
      mapping,
      valueMapping: {
        stages: { 'demo scheduled': stages.Discovery },
        owners: { 'old.rep@formercrm.test': 'create', 'Ghost Person': 'unassigned' },
      },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.pipelineId).toBe(values.body.pipelineId);
    const done = await waitForEnd(up.body.id);
    expect(done).toMatchObject({ status: 'completed', processedRows: 15, created: 7, updated: 0, failed: 8 });

    const deals = Object.fromEntries((await allDeals()).map((d) => [d.name, d]));
    expect(Object.keys(deals).sort()).toEqual(['Alpha', 'Beta', 'Delta', 'Epsilon', 'Eta', 'Gamma', 'Zeta']);
    expect(deals.Alpha).toMatchObject({ status: 'won', amount: 10000, accountId: globexId, ownerId: ritaId, expectedCloseDate: '2025-02-19' });
    expect(new Date(deals.Alpha.createdAt).toISOString()).toBe('2025-01-10T00:00:00.000Z');
    expect(new Date(deals.Alpha.closedAt).toISOString()).toBe('2025-02-19T00:00:00.000Z');
    expect(deals.Alpha.forecastCategory).toBe('closed');
    // a won deal makes its account's contacts customers, as a win on the board does
    const hank = (await ws.api.get('/api/v1/contacts?q=hank')).body.data[0];
    expect(hank).toMatchObject({ email: 'hank@globex.test', lifecycleStage: 'customer' });
    expect(new Date(deals.Beta.closedAt).toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(deals.Beta.account.name).toBe('Initech');
    expect(deals.Zeta.accountId).toBe(deals.Beta.accountId);
    expect(deals.Gamma.accountId).toBe(globexId);
    expect(new Date(deals.Gamma.createdAt).toISOString()).toBe('2025-03-01T10:00:00.000Z');
    expect(deals.Delta).toMatchObject({ status: 'lost', ownerId: null, closeReasonLabel: 'Price too high' });
    // no reason in the file: closed without one
    expect(deals.Epsilon).toMatchObject({ status: 'lost', closeReasonId: null });
    expect(deals.Zeta).toMatchObject({ status: 'open', stage: { name: 'Proposal' }, expectedCloseDate: '2025-07-31', closedAt: null });
    expect(deals.Eta).toMatchObject({ status: 'open', stage: { name: 'Discovery' }, amount: 1500 });
    const items = (await ws.api.get(`/api/v1/deals/${deals.Eta.id}/line-items`)).body;
    expect(items.data).toMatchObject([{ name: 'Platform', quantity: 1, unitPrice: 1500 }]);

    // the unknown rep became an inactive user who owns Gamma
    const users = (await ws.api.get('/api/v1/users')).body.data;
    const oldRep = users.find((u: { email: string }) => u.email === 'old.rep@formercrm.test');
    expect(oldRep).toMatchObject({ name: 'Old Rep', status: 'deactivated', role: 'sales' });
    expect(deals.Gamma.ownerId).toBe(oldRep.id);

    // stage history: created in the first open stage at the created date, moved to won at the close date
    const history = (await ws.api.get(`/api/v1/deals/${deals.Alpha.id}/history`)).body.data;
    const moves = history
      .map((h: any) => ({ from: h.fromStage?.name ?? null, to: h.toStage.name, at: new Date(h.changedAt).toISOString(), amount: h.amount }))
      .sort((a: { at: string }, b: { at: string }) => a.at.localeCompare(b.at));
    expect(moves).toEqual([
      { from: null, to: 'Qualification', at: '2025-01-10T00:00:00.000Z', amount: 10000 },
      { from: 'Qualification', to: 'Closed won', at: '2025-02-19T00:00:00.000Z', amount: 10000 },
    ]);
    const zeta = (await ws.api.get(`/api/v1/deals/${deals.Zeta.id}/history`)).body.data;
    expect(zeta).toHaveLength(1);
    expect(zeta[0]).toMatchObject({ fromStage: null, toStage: { name: 'Proposal' } });
    expect(new Date(zeta[0].changedAt).toISOString()).toBe('2025-04-01T00:00:00.000Z');

    // every failed row is in the report with its problem
    const report = await fetch(`${server.url}/api/v1/imports/${up.body.id}/errors`, { headers: { authorization: `Bearer ${ws.apiKey}` } });
    const lines = (await report.text()).trim().split('\n');
    expect(lines[0]).toBe(`row,problems,${HEADER.trim()}`);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['9', '10', '11', '12', '13', '14', '15', '16']);
    const text = lines.join('\n');
    expect(text).toContain('name: is empty');
    expect(text).toContain('amount: ""abc"" is not an amount');
    expect(text).toContain('createdAt: ""31/31/2025"" is not a date');
    expect(text).toContain('stage: ""Mystery Stage"" is not a stage of the pipeline ""New business"" and was not mapped to one');
    expect(text).toContain('closeDate: is empty: a won deal needs the date it closed');
    expect(text).toContain('owner: ""Nobody Known"" is not a user of this workspace');
    expect(text).toContain('product: ""Widget"" is not a product of this workspace');
    expect(text).toContain('closeReason: ""Aliens"" is not one of this workspace\'s lost reasons');

    // the sales metrics over the imported half-year, by hand: won Alpha 10000 (40 d), Beta 5000 (30 d),
    // Gamma 8000 (70 d); lost Delta, Epsilon; created in range: all seven, 10000+5000+8000+4000+3000+12000+1500
    const m = (await ws.api.get('/api/v1/metrics/sales?from=2025-01-01&to=2025-06-30')).body;
    expect(m.summary).toMatchObject({
      won: { count: 3, amount: 23000 },
      lost: { count: 2, amount: 7000 },
      winRate: 0.6,
      averageDealSize: 7666.67,
      medianCycleDays: 40,
      meanCycleDays: 46.7,
      newPipeline: { count: 7, amount: 43500 },
    });
    const feb = m.series.find((s: { period: string }) => s.period === '2025-02');
    expect(feb).toMatchObject({ won: { count: 1, amount: 10000 }, lost: { count: 1, amount: 4000 }, winRate: 0.5, medianCycleDays: 40 });
  });

  it('rejects bad value mappings at start, and fails unmapped stages per row', async () => {
    const up = await upload('Opportunity Name,Stage,Created Date,Close Date\nOne,Nowhere,2025-01-01,2025-02-01\nTwo,Proposal,2025-01-01,\n');
    expect(up.body.suggestedMapping).toEqual({ 'Opportunity Name': 'name', Stage: 'stage', 'Created Date': 'createdAt', 'Close Date': 'closeDate' });
    const bad = await ws.api.post(`/api/v1/imports/${up.body.id}/start`, {
      mapping: up.body.suggestedMapping,
      valueMapping: { stages: { Nowhere: '00000000-0000-4000-8000-000000000000' }, owners: { X: 'someone' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('valueMapping.stages.Nowhere');
    const noName = await ws.api.post(`/api/v1/imports/${up.body.id}/start`, { mapping: { 'Opportunity Name': '', Stage: 'stage' } });
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0]).toMatchObject({ path: 'mapping', message: expect.stringContaining('name') });
    const badPipeline = await ws.api.post(`/api/v1/imports/${up.body.id}/start`, { mapping: up.body.suggestedMapping, pipelineId: '00000000-0000-4000-8000-000000000000' });
    expect(badPipeline.body.errors[0].path).toBe('pipelineId');

    expect((await ws.api.post(`/api/v1/imports/${up.body.id}/start`, { mapping: up.body.suggestedMapping })).status).toBe(200);
    const done = await waitForEnd(up.body.id);
    expect(done).toMatchObject({ created: 1, failed: 1 });
    // a contact import has no value step
    const contacts = await fetch(`${server.url}/api/v1/imports?objectType=contact`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.apiKey}`, 'content-type': 'text/csv' },
      body: 'email\na@b.test\n',
    }).then((r) => r.json() as Promise<{ id: string }>);
    expect((await ws.api.post(`/api/v1/imports/${contacts.id}/values`, { mapping: { email: 'email' } })).status).toBe(409);
  });

  it('imports a Salesforce opportunity export into a named pipeline column', async () => {
    const second = (
      await ws.api.post('/api/v1/pipelines', {
        name: 'Renewals',
        stages: [
          { name: 'Renewal due', type: 'open', probability: 60 },
          { name: 'Renewed', type: 'won', probability: 100 },
          { name: 'Churned', type: 'lost', probability: 0 },
        ],
      })
    ).body;
    expect(second.stages.length).toBeGreaterThan(0);
    const openStage = second.stages.find((s: { type: string }) => s.type === 'open');
    const csv =
      'Opportunity Name,Amount,Stage,Opportunity Owner,Account Name,Close Date,Created Date,Product,Type,Pipeline\n' +
      `SF renewal,900,${openStage.name},Rita Rep,Umbrella,12/31/2026,"1/15/2025, 2:30 PM",Platform,Existing Customer - Renewal,Renewals\n` +
      'SF bad pipeline,900,Proposal,,,,1/15/2025,,New Customer,Nope\n';
    const up = await upload(csv, 'salesforce.csv');
    expect(up.body.suggestedMapping).toEqual({
      'Opportunity Name': 'name',
      Amount: 'amount',
      Stage: 'stage',
      'Opportunity Owner': 'owner',
      'Account Name': 'accountName',
      'Close Date': 'closeDate',
      'Created Date': 'createdAt',
      Product: 'product',
      Type: 'dealType',
      Pipeline: 'pipeline',
    });
    const values = await ws.api.post(`/api/v1/imports/${up.body.id}/values`, { mapping: up.body.suggestedMapping });
    expect(values.body).toMatchObject({ unknownStages: [], unknownOwners: [], unknownPipelines: [{ value: 'Nope', rows: 1 }] });
    await ws.api.post(`/api/v1/imports/${up.body.id}/start`, { mapping: up.body.suggestedMapping });
    expect(await waitForEnd(up.body.id)).toMatchObject({ created: 1, failed: 1 });
    const deal = (await allDeals()).find((d) => d.name === 'SF renewal');
    expect(deal).toMatchObject({ pipelineId: second.id, stageId: openStage.id, dealType: 'renewal', amount: 900, expectedCloseDate: '2026-12-31', ownerId: ritaId });
    expect(new Date(deal.createdAt).toISOString()).toBe('2025-01-15T14:30:00.000Z');
    expect(deal.account.name).toBe('Umbrella');
  });

  it('resumes a crashed deal import without creating a batch twice', async () => {
    const rows = ['Deal Name,Amount,Deal Stage,Create Date'];
    for (let i = 0; i < 1200; i++) rows.push(`Resume ${i},${i},Proposal,2025-06-01`);
    const up = await upload(`${rows.join('\n')}\n`, 'resume-deals.csv');
    const pipelineId = (await ws.api.get('/api/v1/pipelines')).body.data[0].id;
    // a worker that committed the first two batches (2 × 500 rows) and died
    await server.database.db
      .updateTable('imports')
      .set({ mapping: JSON.stringify(up.body.suggestedMapping), pipeline_id: pipelineId, value_mapping: JSON.stringify({ stages: {}, owners: {} }), status: 'running', processed_rows: 1000, created_count: 1000 })
      .where('id', '=', up.body.id)
      .execute();
    const { runImport } = await import('./run-import.ts');
    const result = await runImport(server.database.db, ws.workspaceId, up.body.id);
    expect(result).toMatchObject({ processedRows: 1200, created: 1200 });
    const count = (await ws.api.get('/api/v1/deals?q=Resume&includeTotal=true&limit=1')).body.totalCount;
    expect(count).toBe(200);
  });
});
