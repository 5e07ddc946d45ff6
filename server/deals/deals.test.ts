// Deals through the API: creation lands in the right stage and writes history; moves are recorded
// with who and when; won/lost need a reason of that kind; winning makes the account's people
// customers; reopening clears the close; viewers read, sales write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;
let pipeline: { id: string; stages: Array<{ id: string; name: string; type: string; probability: number }> };
let reasons: Array<{ id: string; kind: string; label: string }>;
const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!.id;
const reason = (kind: string) => reasons.find((r) => r.kind === kind)!.id;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
  pipeline = (await api.get('/api/v1/pipelines')).body.data[0];
  reasons = (await api.get('/api/v1/close-reasons')).body.data;
});
afterAll(async () => server?.close());

function errorPaths(res: { status: number; body: any }, status = 400): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.status).toBe(status);
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

describe('creating deals', () => {
  it('lands in the first stage of the default pipeline, owned by the caller, with a creation row in history', async () => {
    const res = await api.post('/api/v1/deals', { name: 'Acme expansion', amount: 12000.5, expectedCloseDate: '2026-12-31' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Acme expansion',
      pipelineId: pipeline.id,
      stage: { name: 'Qualification', type: 'open', probability: 10 },
      status: 'open',
      amount: 12000.5,
      weightedAmount: 1200.05,
      currency: 'USD',
      expectedCloseDate: '2026-12-31',
      ownerId: ws.adminId,
      forecastCategory: 'pipeline',
      closedAt: null,
      dealType: 'new',
    });
    const history = (await api.get(`/api/v1/deals/${res.body.id}/history`)).body.data;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      fromStage: null,
      toStage: { name: 'Qualification' },
      changedBy: { id: ws.adminId },
      amount: 12000.5,
    });
  });

  it('names every bad field, and writes nothing', async () => {
    const before = (await api.get('/api/v1/deals?includeTotal=true')).body.totalCount;
    const paths = errorPaths(
      await api.post('/api/v1/deals', {
        name: '  ',
        amount: -5,
        currency: 'dollars',
        expectedCloseDate: '2026-02-30',
        forecastCategory: 'closed',
        stageId: 'nope',
        colour: 'red',
      }),
    );
    expect(paths.sort()).toEqual(['amount', 'colour', 'currency', 'expectedCloseDate', 'forecastCategory', 'name', 'stageId'].sort());
    expect(errorPaths(await api.post('/api/v1/deals', { name: 'x', amount: 10.123 }))).toEqual(['amount']);
    const refs = await api.post('/api/v1/deals', {
      name: 'Foreign',
      stageId: '00000000-0000-4000-8000-000000000000',
      accountId: '00000000-0000-4000-8000-000000000001',
      ownerId: '00000000-0000-4000-8000-000000000002',
      contacts: [{ contactId: '00000000-0000-4000-8000-000000000003', role: 'champion' }],
    });
    expect(errorPaths(refs).sort()).toEqual(['accountId', 'contacts.0.contactId', 'ownerId', 'stageId']);
    expect((await api.get('/api/v1/deals?includeTotal=true')).body.totalCount).toBe(before);
  });

  it('needs a close reason when created straight into a won stage', async () => {
    expect(errorPaths(await api.post('/api/v1/deals', { name: 'Signed', stageId: stage('Closed won') }))).toEqual(['closeReasonId']);
    const ok = await api.post('/api/v1/deals', { name: 'Signed', stageId: stage('Closed won'), closeReason: 'price and value' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ status: 'won', forecastCategory: 'closed', closeReasonLabel: 'Price and value' });
    expect(ok.body.closedAt).not.toBeNull();
  });

  it('replays a retried POST with the same Idempotency-Key without a second deal', async () => {
    const headers = { 'idempotency-key': 'deal-retry-1' };
    const first = await api.post('/api/v1/deals', { name: 'Retried deal' }, headers);
    const second = await api.post('/api/v1/deals', { name: 'Retried deal' }, headers);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect((await api.get('/api/v1/deals?q=retried')).body.data).toHaveLength(1);
  });
});

describe('moving deals', () => {
  it('records each move with who and when, and needs a won reason to win', async () => {
    const samId = await ws.addUser('sales', 'sam@deals.test', 'Sam Sales');
    const samApi = new ApiClient(server.url);
    await samApi.post('/api/v1/session', { email: 'sam@deals.test', password: 'correct horse battery' });
    const deal = (await samApi.post('/api/v1/deals', { name: 'Globex', amount: 5000 })).body;
    expect(deal.ownerId).toBe(samId);

    const moved = await samApi.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Proposal') });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ stage: { name: 'Proposal' }, weightedAmount: 2500 });

    const noReason = await samApi.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Closed won') });
    expect(errorPaths(noReason)).toEqual(['closeReasonId']);
    expect(noReason.headers.get('content-type')).toContain('application/problem+json');
    expect(
      errorPaths(await samApi.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Closed won'), closeReasonId: reason('lost') })),
    ).toEqual(['closeReasonId']);
    expect(
      errorPaths(await samApi.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Closed won'), closeReason: 'Because' })),
    ).toEqual(['closeReason']);
    expect((await api.get(`/api/v1/deals/${deal.id}`)).body.stage.name).toBe('Proposal');

    const won = await samApi.post(`/api/v1/deals/${deal.id}/move`, {
      stageId: stage('Closed won'),
      closeReasonId: reason('won'),
      closeNote: 'Signed on the call',
    });
    expect(won.body).toMatchObject({
      status: 'won',
      forecastCategory: 'closed',
      closeReasonId: reason('won'),
      closeNote: 'Signed on the call',
    });
    expect(Date.now() - new Date(won.body.closedAt).getTime()).toBeLessThan(60_000);

    const history = (await api.get(`/api/v1/deals/${deal.id}/history`)).body.data;
    expect(history.map((h: any) => [h.fromStage?.name ?? null, h.toStage.name, h.changedBy?.name])).toEqual([
      [null, 'Qualification', 'Sam Sales'],
      ['Qualification', 'Proposal', 'Sam Sales'],
      ['Proposal', 'Closed won', 'Sam Sales'],
    ]);
    const newestFirst = (await api.get(`/api/v1/deals/${deal.id}/history?sort=-changedAt&limit=1`)).body;
    expect(newestFirst.data[0].toStage.name).toBe('Closed won');
    expect(newestFirst.nextCursor).toBeTruthy();
  });

  it('reopening clears closedAt, the reason and the closed forecast category', async () => {
    const deal = (await api.post('/api/v1/deals', { name: 'Initech', stageId: stage('Closed lost'), closeReasonId: reason('lost') })).body;
    expect(deal).toMatchObject({ status: 'lost', forecastCategory: 'closed' });
    const reopened = (await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Negotiation') })).body;
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, closeReasonId: null, closeNote: null, forecastCategory: 'pipeline' });
  });

  it('moving to the stage it is in records nothing', async () => {
    const deal = (await api.post('/api/v1/deals', { name: 'Stay put' })).body;
    await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: deal.stageId });
    expect((await api.get(`/api/v1/deals/${deal.id}/history`)).body.data).toHaveLength(1);
  });

  it('PATCH with a stageId goes through the same move (history, reason required)', async () => {
    const deal = (await api.post('/api/v1/deals', { name: 'Patched', amount: 100 })).body;
    expect(errorPaths(await api.patch(`/api/v1/deals/${deal.id}`, { stageId: stage('Closed lost'), amount: 200 }))).toEqual([
      'closeReasonId',
    ]);
    expect((await api.get(`/api/v1/deals/${deal.id}`)).body.amount).toBe(100); // nothing of the refused PATCH applied
    const res = await api.patch(`/api/v1/deals/${deal.id}`, { stageId: stage('Discovery'), amount: 300, forecastCategory: 'commit' });
    expect(res.body).toMatchObject({ stage: { name: 'Discovery' }, amount: 300, forecastCategory: 'commit' });
    const history = (await api.get(`/api/v1/deals/${deal.id}/history`)).body.data;
    expect(history.at(-1)).toMatchObject({ fromStage: { name: 'Qualification' }, toStage: { name: 'Discovery' }, amount: 300 });
    expect(
      errorPaths(
        await api.patch(`/api/v1/deals/${deal.id}`, {
          stageId: stage('Closed won'),
          closeReasonId: reason('won'),
          forecastCategory: 'commit',
        }),
      ),
    ).toEqual(['forecastCategory']);
  });

  it('moves to a stage of another pipeline, and refuses unknown stages', async () => {
    const renewals = (await api.post('/api/v1/pipelines', { name: 'Renewals' })).body;
    const deal = (await api.post('/api/v1/deals', { name: 'Cross pipeline' })).body;
    const moved = (await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: renewals.stages[1].id })).body;
    expect(moved).toMatchObject({ pipelineId: renewals.id, stageId: renewals.stages[1].id });
    expect(errorPaths(await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: '00000000-0000-4000-8000-000000000000' }))).toEqual([
      'stageId',
    ]);
    expect((await api.post('/api/v1/deals/00000000-0000-4000-8000-000000000000/move', { stageId: stage('Discovery') })).status).toBe(404);
  });
});

describe('customers after the sale', () => {
  it("winning makes the account's contacts and the deal's contacts customers, and leaves everyone else", async () => {
    const account = (await api.post('/api/v1/accounts', { name: 'Umbrella', domain: 'umbrella.test' })).body;
    const atAccount = (await api.post('/api/v1/contacts', { email: 'alice@umbrella.test', lifecycleStage: 'sql' })).body;
    const evangelist = (await api.post('/api/v1/contacts', { email: 'eve@umbrella.test', lifecycleStage: 'evangelist' })).body;
    const consultant = (await api.post('/api/v1/contacts', { email: 'carl@consult.test', lifecycleStage: 'lead' })).body;
    const bystander = (await api.post('/api/v1/contacts', { email: 'bob@elsewhere.test', lifecycleStage: 'lead' })).body;
    expect(atAccount.accountId).toBe(account.id);
    const deal = (
      await api.post('/api/v1/deals', {
        name: 'Umbrella deal',
        accountId: account.id,
        contacts: [{ contactId: consultant.id, role: 'influencer' }],
      })
    ).body;
    await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Negotiation') });
    expect((await api.get(`/api/v1/contacts/${atAccount.id}`)).body.lifecycleStage).toBe('sql');

    await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Closed won'), closeReasonId: reason('won') });
    const stageOf = async (id: string) => (await api.get(`/api/v1/contacts/${id}`)).body.lifecycleStage;
    expect(await stageOf(atAccount.id)).toBe('customer');
    expect(await stageOf(consultant.id)).toBe('customer');
    expect(await stageOf(evangelist.id)).toBe('evangelist');
    expect(await stageOf(bystander.id)).toBe('lead');
  });

  it('renewals list won deals renewing in the range; expansions link to their original', async () => {
    const original = (
      await api.post('/api/v1/deals', {
        name: 'Hooli year 1',
        stageId: stage('Closed won'),
        closeReasonId: reason('won'),
        renewalDate: '2027-03-01',
      })
    ).body;
    await api.post('/api/v1/deals', { name: 'Hooli open', renewalDate: '2027-03-02' }); // open: not a renewal yet
    await api.post('/api/v1/deals', {
      name: 'Pied Piper',
      stageId: stage('Closed won'),
      closeReasonId: reason('won'),
      renewalDate: '2027-06-01',
    });
    const expansion = (await api.post('/api/v1/deals', { name: 'Hooli upsell', parentDealId: original.id })).body;
    expect(expansion).toMatchObject({ parentDealId: original.id, dealType: 'expansion' });
    const march = (await api.get('/api/v1/renewals?from=2027-01-01&to=2027-03-31')).body.data;
    expect(march.map((d: any) => d.name)).toEqual(['Hooli year 1']);
    const both = (await api.get('/api/v1/renewals?from=2027-01-01&to=2027-12-31')).body.data;
    expect(both.map((d: any) => d.name)).toEqual(['Hooli year 1', 'Pied Piper']);
    expect(errorPaths(await api.get('/api/v1/renewals?from=2027-05-01&to=2027-01-01'))).toEqual(['to']);
    expect(errorPaths(await api.get('/api/v1/renewals?from=soon&to=2027-01-01'))).toEqual(['from']);
    expect((await api.get(`/api/v1/deals?filter[parentDealId]=${original.id}`)).body.data.map((d: any) => d.name)).toEqual([
      'Hooli upsell',
    ]);
    expect(errorPaths(await api.patch(`/api/v1/deals/${original.id}`, { parentDealId: original.id }))).toEqual(['parentDealId']);
  });
});

describe('roles', () => {
  it('viewers read deals but change nothing; sales write deals but not pipeline settings', async () => {
    const viewer = await ws.as('viewer');
    const sales = await ws.as('sales');
    const deal = (await api.post('/api/v1/deals', { name: 'Role check' })).body;
    expect((await viewer.get(`/api/v1/deals/${deal.id}`)).status).toBe(200);
    expect((await viewer.get(`/api/v1/pipelines/${pipeline.id}/board`)).status).toBe(200);
    expect((await viewer.post('/api/v1/deals', { name: 'Nope' })).status).toBe(403);
    expect((await viewer.patch(`/api/v1/deals/${deal.id}`, { name: 'Nope' })).status).toBe(403);
    expect((await viewer.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Discovery') })).status).toBe(403);
    expect((await viewer.delete(`/api/v1/deals/${deal.id}`)).status).toBe(403);
    expect((await viewer.request('PUT', `/api/v1/deals/${deal.id}/contacts`, { contacts: [] })).status).toBe(403);
    expect((await sales.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Discovery') })).status).toBe(200);
    expect((await sales.post('/api/v1/pipelines', { name: 'Sales made' })).status).toBe(403);
    expect((await sales.post('/api/v1/products', { name: 'X', unitPrice: 1 })).status).toBe(403);
    expect((await sales.post('/api/v1/close-reasons', { kind: 'won', label: 'X' })).status).toBe(403);
    expect((await viewer.get('/api/v1/products')).status).toBe(200);
  });

  it('deletes to the trash and restores', async () => {
    const deal = (await api.post('/api/v1/deals', { name: 'Trash me' })).body;
    expect((await api.delete(`/api/v1/deals/${deal.id}`)).status).toBe(200);
    expect((await api.get(`/api/v1/deals/${deal.id}`)).status).toBe(404);
    expect((await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Discovery') })).status).toBe(404);
    expect((await api.post(`/api/v1/deals/${deal.id}/restore`)).body.name).toBe('Trash me');
  });
});
