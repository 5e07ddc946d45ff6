// Reading deals the ways the app does: the list with filters, sort and pages; the board with its
// column totals and per-column pages; a deal's contacts with roles, its line items (and the amount
// they make), and its timeline of creation, moves and notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;
let pipeline: { id: string; stages: Array<{ id: string; name: string }> };
let wonReason: string;
let repId: string;
let accountId: string;
const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!.id;

// name, stage, amount, close date, owned by the rep?
const DEALS: Array<[string, string, number, string | null, boolean]> = [
  ['Alpha', 'Qualification', 1000, '2026-12-01', false],
  ['Bravo', 'Qualification', 3000, '2027-01-15', true],
  ['Charlie', 'Discovery', 2000, '2026-12-20', true],
  ['Delta', 'Proposal', 10000, null, false],
  ['Echo', 'Proposal', 5000.5, '2027-02-01', true],
  ['Foxtrot', 'Negotiation', 8000, '2026-11-30', false],
];

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
  pipeline = (await api.get('/api/v1/pipelines')).body.data[0];
  wonReason = (await api.get('/api/v1/close-reasons?kind=won')).body.data[0].id;
  repId = await ws.addUser('sales', 'rep@views.test', 'Rita Rep');
  accountId = (await api.post('/api/v1/accounts', { name: 'Views Corp', domain: 'views.test' })).body.id;
  for (const [name, stageName, amount, closeDate, rep] of DEALS) {
    const res = await api.post('/api/v1/deals', {
      name,
      stageId: stage(stageName),
      amount,
      expectedCloseDate: closeDate,
      ownerId: rep ? repId : ws.adminId,
      accountId: name === 'Alpha' ? accountId : null,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(async () => server?.close());

const namesOf = (res: { body: { data: Array<{ name: string }> } }) => res.body.data.map((d) => d.name);

describe('deal list', () => {
  it('filters by owner, stage, status, account, close date and amount ranges, and searches names', async () => {
    expect(namesOf(await api.get(`/api/v1/deals?filter[ownerId]=${repId}&sort=name`))).toEqual(['Bravo', 'Charlie', 'Echo']);
    expect(namesOf(await api.get(`/api/v1/deals?filter[stageId]=${stage('Proposal')}&sort=name`))).toEqual(['Delta', 'Echo']);
    expect(namesOf(await api.get(`/api/v1/deals?filter[accountId]=${accountId}`))).toEqual(['Alpha']);
    expect(
      namesOf(
        await api.get(
          '/api/v1/deals?filter[expectedCloseDate][gte]=2026-12-01&filter[expectedCloseDate][lte]=2026-12-31&sort=expectedCloseDate',
        ),
      ),
    ).toEqual(['Alpha', 'Charlie']);
    expect(namesOf(await api.get('/api/v1/deals?filter[amount][gte]=5000&sort=-amount'))).toEqual(['Delta', 'Foxtrot', 'Echo']);
    expect(namesOf(await api.get('/api/v1/deals?q=ALP'))).toEqual(['Alpha']);
    expect(
      namesOf(
        await api.get(
          `/api/v1/deals?filter[pipelineId]=${pipeline.id}&filter[status]=open&filter[forecastCategory]=pipeline&sort=name&limit=2`,
        ),
      ),
    ).toEqual(['Alpha', 'Bravo']);
  });

  it('sorts by close date with undated deals last, and pages without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/deals?sort=expectedCloseDate&limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: { data: Array<{ name: string }>; nextCursor: string | null } } = await api.get(url);
      seen.push(...page.body.data.map((d) => d.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Foxtrot', 'Alpha', 'Charlie', 'Bravo', 'Echo', 'Delta']);
  });

  it('names the bad filter', async () => {
    const bad = await api.get('/api/v1/deals?filter[expectedCloseDate][gte]=next-week&filter[status]=pending&sort=colour');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['filter[expectedCloseDate][gte]', 'filter[status]', 'sort']);
  });
});

describe('board', () => {
  it('gives each column its count, total and weighted amount, and deals most recently moved first', async () => {
    const board = (await api.get(`/api/v1/pipelines/${pipeline.id}/board`)).body;
    const col = (name: string) => board.columns.find((c: any) => c.stage.name === name);
    expect(board.columns.map((c: any) => c.stage.name)).toEqual([
      'Qualification',
      'Discovery',
      'Proposal',
      'Negotiation',
      'Closed won',
      'Closed lost',
    ]);
    expect(col('Qualification')).toMatchObject({ count: 2, amount: 4000, weightedAmount: 400 });
    expect(col('Proposal')).toMatchObject({ count: 2, amount: 15000.5, weightedAmount: 7500.25 });
    expect(col('Negotiation')).toMatchObject({ count: 1, amount: 8000, weightedAmount: 6000 });
    expect(col('Closed won')).toMatchObject({ count: 0, amount: 0, deals: [] });
    expect(col('Qualification').deals.map((d: any) => d.name)).toEqual(['Bravo', 'Alpha']);
  });

  it('filters the whole board, and moving a deal moves its totals', async () => {
    const mine = (await api.get(`/api/v1/pipelines/${pipeline.id}/board?filter[ownerId]=${repId}&filter[amount][gte]=2500`)).body;
    expect(mine.columns.map((c: any) => [c.stage.name, c.count, c.amount])).toEqual([
      ['Qualification', 1, 3000],
      ['Discovery', 0, 0],
      ['Proposal', 1, 5000.5],
      ['Negotiation', 0, 0],
      ['Closed won', 0, 0],
      ['Closed lost', 0, 0],
    ]);
    const foxtrot = (await api.get('/api/v1/deals?q=foxtrot')).body.data[0];
    await api.post(`/api/v1/deals/${foxtrot.id}/move`, { stageId: stage('Closed won'), closeReasonId: wonReason });
    const after = (await api.get(`/api/v1/pipelines/${pipeline.id}/board`)).body;
    const col = (name: string) => after.columns.find((c: any) => c.stage.name === name);
    expect(col('Negotiation')).toMatchObject({ count: 0, amount: 0 });
    expect(col('Closed won')).toMatchObject({ count: 1, amount: 8000, weightedAmount: 8000 });
    await api.post(`/api/v1/deals/${foxtrot.id}/move`, { stageId: stage('Negotiation') });
  });

  it('pages one column at a time', async () => {
    const first = (await api.get(`/api/v1/pipelines/${pipeline.id}/board?limit=1`)).body;
    const qualification = first.columns[0];
    expect(qualification.deals).toHaveLength(1);
    expect(qualification.count).toBe(2);
    const next = (
      await api.get(`/api/v1/pipelines/${pipeline.id}/board?limit=1&stageId=${qualification.stage.id}&cursor=${qualification.nextCursor}`)
    ).body;
    expect(next.columns).toHaveLength(1);
    expect(next.columns[0].deals.map((d: any) => d.name)).toEqual(['Alpha']);
    expect(next.columns[0].nextCursor).toBeNull();
    expect((await api.get(`/api/v1/pipelines/${pipeline.id}/board?cursor=${qualification.nextCursor}`)).status).toBe(400);
    expect((await api.get('/api/v1/pipelines/00000000-0000-4000-8000-000000000000/board')).status).toBe(404);
  });
});

describe('contacts, products and timeline of a deal', () => {
  it('keeps contacts with roles, decision makers first', async () => {
    const deal = (await api.get('/api/v1/deals?q=alpha')).body.data[0];
    const ann = (await api.post('/api/v1/contacts', { email: 'ann@views.test', firstName: 'Ann', lastName: 'Zed' })).body;
    const ben = (await api.post('/api/v1/contacts', { email: 'ben@other.test', firstName: 'Ben', lastName: 'Abel' })).body;
    const put = await api.request('PUT', `/api/v1/deals/${deal.id}/contacts`, {
      contacts: [
        { contactId: ben.id, role: 'blocker' },
        { contactId: ann.id, role: 'decision_maker' },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.data.map((c: any) => [c.firstName, c.role])).toEqual([
      ['Ann', 'decision_maker'],
      ['Ben', 'blocker'],
    ]);
    const badRole = await api.request('PUT', `/api/v1/deals/${deal.id}/contacts`, { contacts: [{ contactId: ann.id, role: 'boss' }] });
    expect(badRole.body.errors.map((e: any) => e.path)).toEqual(['contacts.0.role']);
    const twice = await api.request('PUT', `/api/v1/deals/${deal.id}/contacts`, {
      contacts: [{ contactId: ann.id }, { contactId: ann.id }],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors.map((e: any) => e.path)).toEqual(['contacts']);
    expect((await api.get(`/api/v1/deals/${deal.id}/contacts`)).body.data).toHaveLength(2);
  });

  it('prices line items from the catalogue, and derives the amount when the deal says so', async () => {
    const licence = (await api.post('/api/v1/products', { name: 'Seat licence', unitPrice: 120 })).body;
    const euro = (await api.post('/api/v1/products', { name: 'EU support', unitPrice: 50, currency: 'EUR' })).body;
    const deal = (await api.post('/api/v1/deals', { name: 'Line items', amountFromLineItems: true })).body;
    expect(deal.amount).toBe(0);
    const put = await api.request('PUT', `/api/v1/deals/${deal.id}/line-items`, {
      items: [
        { productId: licence.id, quantity: 25, discountPercent: 10 },
        { name: 'Custom onboarding', quantity: 1, unitPrice: 999.99 },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.data.map((li: any) => [li.name, li.unitPrice, li.total])).toEqual([
      ['Seat licence', 120, 2700],
      ['Custom onboarding', 999.99, 999.99],
    ]);
    expect(put.body).toMatchObject({ total: 3699.99, dealAmount: 3699.99 });
    expect((await api.get(`/api/v1/deals/${deal.id}`)).body.amount).toBe(3699.99);
    expect((await api.patch(`/api/v1/deals/${deal.id}`, { amount: 5 })).status).toBe(400);

    const bad = await api.request('PUT', `/api/v1/deals/${deal.id}/line-items`, {
      items: [{ productId: euro.id, quantity: 1 }, { quantity: 0 }, { productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['items.1.name', 'items.1.quantity', 'items.1.unitPrice']);
    const refs = await api.request('PUT', `/api/v1/deals/${deal.id}/line-items`, {
      items: [
        { productId: euro.id, quantity: 1 },
        { productId: '00000000-0000-4000-8000-000000000000', quantity: 1 },
      ],
    });
    expect(refs.body.errors.map((e: any) => e.path)).toEqual(['items.0.unitPrice', 'items.1.productId']);
    expect((await api.get(`/api/v1/deals/${deal.id}/line-items`)).body.data).toHaveLength(2); // the refused PUTs changed nothing

    const manual = (await api.patch(`/api/v1/deals/${deal.id}`, { amountFromLineItems: false, amount: 5000 })).body;
    expect(manual.amount).toBe(5000);
  });

  it('merges creation, moves and notes newest first, filters by kind and pages', async () => {
    const deal = (await api.post('/api/v1/deals', { name: 'Timeline deal' })).body;
    await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Discovery') });
    const note = await api.post('/api/v1/notes', { dealId: deal.id, body: 'Budget confirmed for Q1.' });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    expect(note.body.dealId).toBe(deal.id);
    await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Proposal') });

    const all = (await api.get(`/api/v1/deals/${deal.id}/timeline`)).body;
    expect(all.data.map((i: any) => i.kind)).toEqual(['stage_change', 'note', 'stage_change', 'deal_created']);
    expect(all.data[0]).toMatchObject({ title: 'Moved from Discovery to Proposal', actor: { id: ws.adminId } });
    expect(all.data[1].data.body).toBe('Budget confirmed for Q1.');
    expect(all.data[3].title).toBe('Deal created in Qualification');

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/deals/${deal.id}/timeline?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { body: { data: Array<{ id: string }>; nextCursor: string | null } } = await api.get(url);
      paged.push(...page.body.data.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.data.map((i: any) => i.id));

    expect((await api.get(`/api/v1/deals/${deal.id}/timeline?filter[kind]=note`)).body.data.map((i: any) => i.kind)).toEqual(['note']);
    expect((await api.get(`/api/v1/deals/${deal.id}/timeline?filter[kind]=deal_created`)).body.data).toHaveLength(1);
    expect((await api.get(`/api/v1/deals/${deal.id}/timeline?cursor=garbage`)).status).toBe(400);
    expect((await api.get(`/api/v1/notes?filter[dealId]=${deal.id}`)).body.data).toHaveLength(1);
  });

  it("shows a deal's creation and moves on its account's and its contacts' timelines", async () => {
    const carol = (await api.post('/api/v1/contacts', { email: 'carol@elsewhere.test', firstName: 'Carol' })).body;
    const deal = (
      await api.post('/api/v1/deals', { name: 'Shared timeline', accountId, contacts: [{ contactId: carol.id, role: 'champion' }] })
    ).body;
    await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('Proposal') });
    const account = (await api.get(`/api/v1/accounts/${accountId}/timeline?filter[kind]=stage_change,deal_created`)).body.data;
    expect(account.filter((i: any) => i.data.dealId === deal.id).map((i: any) => i.title)).toEqual([
      'Shared timeline moved from Qualification to Proposal',
      'Deal created: Shared timeline',
    ]);
    const contact = (await api.get(`/api/v1/contacts/${carol.id}/timeline?filter[kind]=stage_change`)).body.data;
    expect(contact.map((i: any) => i.title)).toEqual(['Shared timeline moved from Qualification to Proposal']);
  });
});
