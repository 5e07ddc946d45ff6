// The product catalogue: unique SKUs, prices as numbers, currency codes, search, sort and filters;
// deleting removes a product from the catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer } from '../test/harness.ts';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = (await createTestWorkspace(server)).api;
});
afterAll(async () => server?.close());

function errorPaths(res: { status: number; body: any }, status = 400): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

describe('products', () => {
  it('keeps a catalogue with unique SKUs, prices as numbers, search and sort', async () => {
    const a = await api.post('/api/v1/products', { name: 'Platform licence', sku: 'PLT-1', unitPrice: 1200, currency: 'usd' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({ sku: 'PLT-1', unitPrice: 1200, currency: 'USD', active: true });
    await api.post('/api/v1/products', { name: 'Onboarding', unitPrice: 499.99 });
    expect(errorPaths(await api.post('/api/v1/products', { name: 'Dup', sku: 'plt-1', unitPrice: 1 }), 409)).toEqual(['sku']);
    expect(errorPaths(await api.post('/api/v1/products', { name: '', unitPrice: -1, currency: 'EURO' })).sort()).toEqual([
      'currency',
      'name',
      'unitPrice',
    ]);
    expect((await api.get('/api/v1/products?sort=-unitPrice')).body.data.map((p: any) => p.name)).toEqual([
      'Platform licence',
      'Onboarding',
    ]);
    expect((await api.get('/api/v1/products?q=plt')).body.data.map((p: any) => p.name)).toEqual(['Platform licence']);
    expect((await api.patch(`/api/v1/products/${a.body.id}`, { active: false, unitPrice: 1300 })).body).toMatchObject({
      active: false,
      unitPrice: 1300,
    });
    expect((await api.get('/api/v1/products?filter[active]=true')).body.data.map((p: any) => p.name)).toEqual(['Onboarding']);
    expect((await api.delete(`/api/v1/products/${a.body.id}`)).status).toBe(200);
    expect((await api.get(`/api/v1/products/${a.body.id}`)).status).toBe(404);
  });
});
