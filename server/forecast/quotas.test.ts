// Quotas: one per rep and period (month or quarter), one team quota per period, set by admins, read by all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiResponse, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let sam: string;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  sam = await ws.addUser('sales', 'sam@quotas.test', 'Sam Seller');
});
afterAll(async () => server?.close());

function errorPaths(res: ApiResponse, status = 400): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

describe('quotas', () => {
  it("sets a rep's quarter quota and the team's", async () => {
    const rep = await ws.api.post('/api/v1/quotas', { ownerId: sam, period: '2026-Q4', amount: 120000 });
    expect(rep.status).toBe(201);
    expect(rep.body).toMatchObject({ ownerId: sam, owner: { id: sam, name: 'Sam Seller' }, period: '2026-Q4', periodKind: 'quarter', amount: 120000 });
    const team = await ws.api.post('/api/v1/quotas', { period: '2026-11', amount: 250000.5 });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ ownerId: null, owner: null, periodKind: 'month', amount: 250000.5 });
    expect((await ws.api.get(`/api/v1/quotas/${rep.body.id}`)).body.amount).toBe(120000);
  });

  it('refuses a second quota for the same rep or team and period, naming the one that exists', async () => {
    const first = await ws.api.post('/api/v1/quotas', { ownerId: sam, period: '2027-Q1', amount: 1000 });
    const again = await ws.api.post('/api/v1/quotas', { ownerId: sam, period: '2027-Q1', amount: 2000 });
    expect(errorPaths(again, 409)).toEqual(['period']);
    expect(again.body.code).toBe('already_exists');
    expect(again.body.detail).toContain('Sam Seller');
    expect(again.body.detail).toContain(first.body.id);
    const team = await ws.api.post('/api/v1/quotas', { ownerId: null, period: '2027-Q1', amount: 5000 });
    expect(team.status).toBe(201);
    expect(errorPaths(await ws.api.post('/api/v1/quotas', { period: '2027-Q1', amount: 1 }), 409)).toEqual(['period']);
    // the same rep in another period, and a month inside that quarter, are other quotas
    expect((await ws.api.post('/api/v1/quotas', { ownerId: sam, period: '2027-Q2', amount: 1000 })).status).toBe(201);
    expect((await ws.api.post('/api/v1/quotas', { ownerId: sam, period: '2027-01', amount: 300 })).status).toBe(201);
  });

  it('validates period, amount and rep', async () => {
    for (const period of ['2026-Q5', '2026-13', '2026-q4', '2026/11', '', 'Q4-2026']) {
      expect(errorPaths(await ws.api.post('/api/v1/quotas', { period, amount: 1 })), period).toEqual(['period']);
    }
    expect(errorPaths(await ws.api.post('/api/v1/quotas', { period: '2026-Q4', amount: -1 }))).toEqual(['amount']);
    expect(errorPaths(await ws.api.post('/api/v1/quotas', { period: '2026-Q4', amount: '100' }))).toEqual(['amount']);
    expect(errorPaths(await ws.api.post('/api/v1/quotas', { period: '2026-Q4' }))).toEqual(['amount']);
    expect(errorPaths(await ws.api.post('/api/v1/quotas', { ownerId: 'sam', period: '2026-Q4', amount: 1 }))).toEqual(['ownerId']);
    expect(errorPaths(await ws.api.post('/api/v1/quotas', { ownerId: '00000000-0000-4000-8000-000000000000', period: '2026-Q4', amount: 1 }))).toEqual(['ownerId']);
    const other = await createTestWorkspace(server);
    expect(errorPaths(await ws.api.post('/api/v1/quotas', { ownerId: other.adminId, period: '2026-Q4', amount: 1 }))).toEqual(['ownerId']);
    expect(errorPaths(await ws.api.post('/api/v1/quotas', { period: '2026-Q4', amount: 1, currency: 'EUR' }))).toEqual(['currency']);
  });

  it('changes and deletes a quota', async () => {
    const q = await ws.api.post('/api/v1/quotas', { ownerId: sam, period: '2028-Q1', amount: 10 });
    const changed = await ws.api.patch(`/api/v1/quotas/${q.body.id}`, { amount: 20 });
    expect(changed.body).toMatchObject({ id: q.body.id, amount: 20, period: '2028-Q1' });
    expect(errorPaths(await ws.api.patch(`/api/v1/quotas/${q.body.id}`, { period: '2027-Q1' }), 409)).toEqual(['period']);
    expect((await ws.api.patch(`/api/v1/quotas/${q.body.id}`, { period: '2028-02' })).body.periodKind).toBe('month');
    expect(errorPaths(await ws.api.patch(`/api/v1/quotas/${q.body.id}`, { amount: -5 }))).toEqual(['amount']);
    expect((await ws.api.delete(`/api/v1/quotas/${q.body.id}`)).body).toEqual({ id: q.body.id, deleted: true });
    expect((await ws.api.get(`/api/v1/quotas/${q.body.id}`)).status).toBe(404);
    expect((await ws.api.patch(`/api/v1/quotas/${q.body.id}`, { amount: 1 })).status).toBe(404);
    expect((await ws.api.delete(`/api/v1/quotas/${q.body.id}`)).status).toBe(404);
  });

  it('lists the quotas of some periods', async () => {
    const list = await ws.api.get('/api/v1/quotas?filter[period][in]=2027-Q1,2027-01&sort=period');
    expect(list.status).toBe(200);
    expect(list.body.data.map((q: { period: string; ownerId: string | null }) => [q.period, q.ownerId === null ? 'team' : 'sam'])).toEqual(
      expect.arrayContaining([
        ['2027-01', 'sam'],
        ['2027-Q1', 'sam'],
        ['2027-Q1', 'team'],
      ]),
    );
    expect(list.body.data).toHaveLength(3);
    const sams = await ws.api.get(`/api/v1/quotas?filter[ownerId]=${sam}&limit=2`);
    expect(sams.body.data).toHaveLength(2);
    expect(sams.body.nextCursor).not.toBeNull();
  });

  it('is set by admins and read by everyone', async () => {
    const sales = await ws.as('sales');
    const viewer = await ws.as('viewer');
    expect((await sales.post('/api/v1/quotas', { period: '2029-Q1', amount: 1 })).status).toBe(403);
    const q = await ws.api.post('/api/v1/quotas', { period: '2029-Q1', amount: 1 });
    expect((await sales.patch(`/api/v1/quotas/${q.body.id}`, { amount: 2 })).status).toBe(403);
    expect((await viewer.delete(`/api/v1/quotas/${q.body.id}`)).status).toBe(403);
    expect((await viewer.get('/api/v1/quotas')).status).toBe(200);
    expect((await sales.get(`/api/v1/quotas/${q.body.id}`)).body.amount).toBe(1);
  });
});
