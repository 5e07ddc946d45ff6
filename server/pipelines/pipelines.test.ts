// Pipeline settings: a new workspace starts with "New business" and the usual close reasons;
// stages are added, renamed, re-ordered and re-typed; a stage holding deals is deleted only when
// told where its deals go, and each moved deal gets a history row. Close reasons CRUD.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
});
afterAll(async () => server?.close());

function errorPaths(res: { status: number; body: any }, status = 400): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

const names = (p: { stages: Array<{ name: string }> }) => p.stages.map((s) => s.name);

describe('defaults', () => {
  it('a new workspace has the New business pipeline and won/lost reasons', async () => {
    const { data } = (await api.get('/api/v1/pipelines')).body;
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ name: 'New business', isDefault: true });
    expect(data[0].stages.map((s: any) => [s.name, s.probability, s.type])).toEqual([
      ['Qualification', 10, 'open'],
      ['Discovery', 20, 'open'],
      ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Closed won', 100, 'won'],
      ['Closed lost', 0, 'lost'],
    ]);
    const reasons = (await api.get('/api/v1/close-reasons')).body.data;
    expect(reasons.filter((r: any) => r.kind === 'won').length).toBeGreaterThan(0);
    expect((await api.get('/api/v1/close-reasons?kind=lost')).body.data.every((r: any) => r.kind === 'lost')).toBe(true);
  });
});

describe('pipelines and stages', () => {
  it('creates a pipeline with its own stages and makes it the default on request', async () => {
    const res = await api.post('/api/v1/pipelines', {
      name: 'Partners',
      stages: [
        { name: 'Intro', type: 'open', probability: 5 },
        { name: 'Signed', type: 'won' },
        { name: 'Dropped', type: 'lost' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: 'Partners', isDefault: false });
    expect(res.body.stages.map((s: any) => s.probability)).toEqual([5, 100, 0]);
    const made = (await api.patch(`/api/v1/pipelines/${res.body.id}`, { isDefault: true })).body;
    expect(made.isDefault).toBe(true);
    const all = (await api.get('/api/v1/pipelines')).body.data;
    expect(all.filter((p: any) => p.isDefault).map((p: any) => p.name)).toEqual(['Partners']);
    // new deals land in the default pipeline
    expect((await api.post('/api/v1/deals', { name: 'Partner deal' })).body.stage.name).toBe('Intro');
    await api.patch(`/api/v1/pipelines/${all.find((p: any) => p.name === 'New business').id}`, { isDefault: true });
  });

  it('refuses pipelines without won and lost stages, duplicate names and bad probabilities', async () => {
    expect(
      errorPaths(
        await api.post('/api/v1/pipelines', {
          name: 'Open only',
          stages: [
            { name: 'A', type: 'open' },
            { name: 'B', type: 'open' },
          ],
        }),
      ),
    ).toEqual(['stages']);
    expect(errorPaths(await api.post('/api/v1/pipelines', { name: 'new BUSINESS' }), 409)).toEqual(['name']);
    const bad = await api.post('/api/v1/pipelines', {
      name: 'Bad',
      stages: [
        { name: 'W', type: 'won', probability: 101 },
        { name: 'L', type: 'lost' },
      ],
    });
    expect(errorPaths(bad)).toEqual(['stages.0.probability']);
  });

  it('adds, renames, re-orders and re-types stages', async () => {
    const p = (await api.post('/api/v1/pipelines', { name: 'Editable' })).body;
    const added = await api.post(`/api/v1/pipelines/${p.id}/stages`, { name: 'Demo', probability: 30, position: 2 });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(names(added.body)).toEqual(['Qualification', 'Discovery', 'Demo', 'Proposal', 'Negotiation', 'Closed won', 'Closed lost']);
    expect(errorPaths(await api.post(`/api/v1/pipelines/${p.id}/stages`, { name: 'demo' }), 409)).toEqual(['name']);

    const demo = added.body.stages[2];
    const renamed = (await api.patch(`/api/v1/pipelines/${p.id}/stages/${demo.id}`, { name: 'Live demo', probability: 35 })).body;
    expect(renamed.stages[2]).toMatchObject({ name: 'Live demo', probability: 35 });
    expect(errorPaths(await api.patch(`/api/v1/pipelines/${p.id}/stages/${demo.id}`, { probability: 150 }))).toEqual(['probability']);

    const reversed = [...renamed.stages].reverse().map((s: any) => s.id);
    const reordered = (await api.request('PUT', `/api/v1/pipelines/${p.id}/stage-order`, { stageIds: reversed })).body;
    expect(reordered.stages.map((s: any) => s.id)).toEqual(reversed);
    expect(errorPaths(await api.request('PUT', `/api/v1/pipelines/${p.id}/stage-order`, { stageIds: reversed.slice(1) }))).toEqual([
      'stageIds',
    ]);

    const won = renamed.stages.find((s: any) => s.type === 'won');
    expect(errorPaths(await api.patch(`/api/v1/pipelines/${p.id}/stages/${won.id}`, { type: 'open' }), 409)).toEqual(['type']);
    expect(
      (await api.patch(`/api/v1/pipelines/${p.id}/stages/${demo.id}`, { type: 'won' })).body.stages.find((s: any) => s.id === demo.id).type,
    ).toBe('won');
    const withDeal = (await api.post('/api/v1/deals', { name: 'Pinned', stageId: renamed.stages[0].id })).body;
    expect(withDeal.stageId).toBe(renamed.stages[0].id);
    expect(errorPaths(await api.patch(`/api/v1/pipelines/${p.id}/stages/${renamed.stages[0].id}`, { type: 'lost' }), 409)).toEqual([
      'type',
    ]);
  });

  it('deleting a stage that holds deals asks where they go, then moves them with history', async () => {
    const p = (await api.post('/api/v1/pipelines', { name: 'Shrinking' })).body;
    const [qualification, discovery] = p.stages;
    const won = p.stages.find((s: any) => s.type === 'won');
    const deals = await Promise.all(
      ['One', 'Two'].map(async (n) => (await api.post('/api/v1/deals', { name: n, stageId: discovery.id })).body),
    );
    const trashed = (await api.post('/api/v1/deals', { name: 'Trashed', stageId: discovery.id })).body;
    await api.delete(`/api/v1/deals/${trashed.id}`);

    const refused = await api.delete(`/api/v1/pipelines/${p.id}/stages/${discovery.id}`);
    expect(errorPaths(refused, 409)).toEqual(['moveDealsTo']);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(errorPaths(await api.delete(`/api/v1/pipelines/${p.id}/stages/${discovery.id}?moveDealsTo=${won.id}`))).toEqual(['moveDealsTo']);
    expect(errorPaths(await api.delete(`/api/v1/pipelines/${p.id}/stages/${discovery.id}?moveDealsTo=${discovery.id}`))).toEqual([
      'moveDealsTo',
    ]);
    expect((await api.get(`/api/v1/pipelines/${p.id}`)).body.stages).toHaveLength(6);

    const ok = await api.delete(`/api/v1/pipelines/${p.id}/stages/${discovery.id}?moveDealsTo=${qualification.id}`);
    expect(ok.body).toEqual({ id: discovery.id, deleted: true, movedDeals: 3 });
    expect(names((await api.get(`/api/v1/pipelines/${p.id}`)).body)).not.toContain('Discovery');
    for (const d of deals) {
      expect((await api.get(`/api/v1/deals/${d.id}`)).body.stage.name).toBe('Qualification');
      const history = (await api.get(`/api/v1/deals/${d.id}/history`)).body.data;
      expect(history.at(-1)).toMatchObject({
        fromStage: { name: 'Discovery' },
        toStage: { name: 'Qualification' },
        changedBy: { id: ws.adminId },
      });
    }
    expect((await api.post(`/api/v1/deals/${trashed.id}/restore`)).body.stage.name).toBe('Qualification');

    // the empty stage goes without asking; the last won stage never goes
    expect((await api.delete(`/api/v1/pipelines/${p.id}/stages/${p.stages[2].id}`)).status).toBe(200);
    expect(errorPaths(await api.delete(`/api/v1/pipelines/${p.id}/stages/${won.id}`), 409)).toEqual(['stageId']);
  });

  it('archives a pipeline only when no open deals are left in it, and never the default', async () => {
    const p = (await api.post('/api/v1/pipelines', { name: 'Short lived' })).body;
    const deal = (await api.post('/api/v1/deals', { name: 'Blocking', stageId: p.stages[0].id })).body;
    expect((await api.delete(`/api/v1/pipelines/${p.id}`)).status).toBe(409);
    await api.post(`/api/v1/deals/${deal.id}/move`, {
      stageId: p.stages.find((s: any) => s.type === 'lost').id,
      closeReason: 'Bad timing',
    });
    expect((await api.delete(`/api/v1/pipelines/${p.id}`)).status).toBe(200);
    expect((await api.get(`/api/v1/pipelines/${p.id}`)).status).toBe(404);
    expect((await api.get(`/api/v1/deals/${deal.id}`)).body.status).toBe('lost'); // history stays
    const def = (await api.get('/api/v1/pipelines')).body.data.find((x: any) => x.isDefault);
    expect(errorPaths(await api.delete(`/api/v1/pipelines/${def.id}`), 409)).toEqual(['isDefault']);
  });
});

describe('close reasons', () => {
  it('adds, renames and removes reasons; a removed reason is no longer accepted', async () => {
    const created = await api.post('/api/v1/close-reasons', { kind: 'lost', label: 'Legal blocked it' });
    expect(created.status).toBe(201);
    expect(errorPaths(await api.post('/api/v1/close-reasons', { kind: 'lost', label: 'legal blocked it' }), 409)).toEqual(['label']);
    expect(errorPaths(await api.post('/api/v1/close-reasons', { kind: 'maybe', label: 'x' }))).toEqual(['kind']);
    expect((await api.patch(`/api/v1/close-reasons/${created.body.id}`, { label: 'Legal said no' })).body.label).toBe('Legal said no');
    expect((await api.delete(`/api/v1/close-reasons/${created.body.id}`)).status).toBe(200);
    const deal = (await api.post('/api/v1/deals', { name: 'Reasoned' })).body;
    const lost = (await api.get('/api/v1/pipelines')).body.data[0].stages.find((s: any) => s.type === 'lost');
    expect(errorPaths(await api.post(`/api/v1/deals/${deal.id}/move`, { stageId: lost.id, closeReasonId: created.body.id }))).toEqual([
      'closeReasonId',
    ]);
  });
});
