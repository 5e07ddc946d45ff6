// Channel rules over HTTP: the defaults until someone edits them, whole-list replacement with field
// errors, the tester, reset, the channel list, and who may change them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer, type TestWorkspace } from '../test/harness.ts';
import { DEFAULT_CHANNEL_RULES } from './classify-channel.ts';
import { loadChannelRules } from './channel-rules.store.ts';

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
  expect(res.body.code).toBeTruthy();
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

const partnerRule = { channel: 'Partners', conditions: [{ field: 'source', operator: 'matches', values: ['partner-*'] }] };

describe('channel rules', () => {
  it('starts with the documented defaults', async () => {
    const res = await api.get('/api/v1/channel-rules');
    expect(res.status).toBe(200);
    expect(res.body.isDefault).toBe(true);
    expect(res.body.data).toEqual(DEFAULT_CHANNEL_RULES);
  });

  it('tests a sample URL against the saved rules and says which rule matched', async () => {
    const res = await api.post('/api/v1/channel-rules/test', {
      landingUrl: 'https://acme.com/pricing?utm_source=linkedin&utm_medium=cpc&utm_campaign=Q4-ABM',
      referrer: 'https://www.linkedin.com/',
    });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({ channel: 'Paid Social', source: 'linkedin', medium: 'cpc', campaign: 'Q4-ABM' });
    expect(res.body.matchedRule.rule.channel).toBe('Paid Social');
    expect(DEFAULT_CHANNEL_RULES[res.body.matchedRule.position]!.channel).toBe('Paid Social');
    expect(res.body.fields).toMatchObject({ source_category: 'social', referrer_domain: 'linkedin.com' });

    const organic = await api.post('/api/v1/channel-rules/test', { landingUrl: 'https://acme.com/', referrer: 'https://www.google.de/' });
    expect(organic.body.result.channel).toBe('Organic Search');
  });

  it('tests unsaved rules when given, and refuses an empty sample', async () => {
    const res = await api.post('/api/v1/channel-rules/test', {
      landingUrl: 'https://acme.com/?utm_source=partner-x',
      rules: [partnerRule],
    });
    expect(res.body.result.channel).toBe('Partners');
    const none = await api.post('/api/v1/channel-rules/test', { landingUrl: 'https://acme.com/', rules: [partnerRule] });
    expect(none.body).toMatchObject({ result: { channel: 'Other' }, matchedRule: null });
    expect(errorPaths(await api.post('/api/v1/channel-rules/test', {}))).toEqual(['landingUrl']);
  });

  it('replaces the rule list in order and classifies with it at once', async () => {
    const rules = [partnerRule, ...DEFAULT_CHANNEL_RULES];
    const put = await api.request('PUT', '/api/v1/channel-rules', { rules });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ data: rules, isDefault: false });
    expect((await api.get('/api/v1/channel-rules')).body).toEqual({ data: rules, isDefault: false });
    expect(await loadChannelRules(server.database.db, ws.workspaceId)).toEqual(rules);
    const res = await api.post('/api/v1/channel-rules/test', { landingUrl: 'https://acme.com/?utm_source=partner-acme&utm_medium=cpc' });
    expect(res.body).toMatchObject({ result: { channel: 'Partners' }, matchedRule: { position: 0 } });
  });

  it('lists custom channels after the built-in ones', async () => {
    const res = await api.get('/api/v1/channels');
    expect(res.status).toBe(200);
    const names = res.body.data.map((c: { name: string }) => c.name);
    expect(names.slice(0, 3)).toEqual(['Direct', 'Paid Search', 'Paid Social']);
    expect(res.body.data.at(-1)).toEqual({ name: 'Partners', builtIn: false, description: null });
  });

  it('names the field of every invalid rule and keeps the saved rules', async () => {
    const before = (await api.get('/api/v1/channel-rules')).body;
    const bad = await api.request('PUT', '/api/v1/channel-rules', {
      rules: [
        { channel: '  ', conditions: [] },
        { channel: 'X', conditions: [{ field: 'colour', operator: 'matches', values: ['red'] }] },
        { channel: 'Y', conditions: [{ field: 'source', operator: 'matches', values: [] }] },
        { channel: 'Z', conditions: [{ field: 'source', operator: 'is_set', values: ['x'] }] },
        { channel: 'W', conditions: [], extra: true },
      ],
    });
    expect(errorPaths(bad)).toEqual([
      'rules.0.channel',
      'rules.1.conditions.0.field',
      'rules.2.conditions.0.values',
      'rules.3.conditions.0.values',
      'rules.4.extra',
    ]);
    expect(errorPaths(await api.request('PUT', '/api/v1/channel-rules', { rules: [] }))).toEqual(['rules']);
    expect(errorPaths(await api.request('PUT', '/api/v1/channel-rules', {}))).toEqual(['rules']);
    expect((await api.get('/api/v1/channel-rules')).body).toEqual(before);
  });

  it('resets to the defaults', async () => {
    const res = await api.post('/api/v1/channel-rules/reset');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: DEFAULT_CHANNEL_RULES, isDefault: true });
    expect(await loadChannelRules(server.database.db, ws.workspaceId)).toEqual(DEFAULT_CHANNEL_RULES);
  });

  it('lets viewers and sales read and test the rules but only admins and marketing change them', async () => {
    const rules = { rules: [partnerRule] };
    for (const role of ['viewer', 'sales'] as const) {
      const client = await ws.as(role);
      expect((await client.get('/api/v1/channel-rules')).status).toBe(200);
      expect((await client.get('/api/v1/channels')).status).toBe(200);
      expect((await client.post('/api/v1/channel-rules/test', { landingUrl: 'https://a.com/' })).status).toBe(200);
      expect((await client.request('PUT', '/api/v1/channel-rules', rules)).status, role).toBe(403);
      expect((await client.post('/api/v1/channel-rules/reset')).status, role).toBe(403);
    }
    const marketing = await ws.as('marketing');
    expect((await marketing.request('PUT', '/api/v1/channel-rules', rules)).status).toBe(200);
    expect((await marketing.post('/api/v1/channel-rules/reset')).status).toBe(200);
  });

  it('reclassifies touches already recorded when the rules change, and back on reset', async () => {
    const own = await createTestWorkspace(server);
    const db = server.database.db;
    const touches: Array<[string, string | null, string | null, string | null, string]> = [
      // [kind, source, medium, referrer, channel as recorded with the defaults]
      ['visit', 'partner-acme', 'referral', null, 'Referral'],
      ['visit', 'google', 'cpc', null, 'Paid Search'],
      ['visit', 'g2.com', 'referral', 'https://www.g2.com/products/x', 'Referral'],
      ['visit', null, null, null, 'Direct'],
    ];
    await sql`
      INSERT INTO touches (workspace_id, occurred_at, kind, source, medium, referrer, landing_page, channel)
      SELECT ${own.workspaceId}::uuid, now(), k, s, m, r, 'https://acme.com/', c
      FROM unnest(${touches.map((t) => t[0])}::text[], ${touches.map((t) => t[1])}::text[], ${touches.map((t) => t[2])}::text[],
                  ${touches.map((t) => t[3])}::text[], ${touches.map((t) => t[4])}::text[]) AS x(k, s, m, r, c)`.execute(db);
    const channels = async () =>
      (
        await sql<{
          source: string | null;
          channel: string;
        }>`SELECT source, channel FROM touches WHERE workspace_id = ${own.workspaceId} ORDER BY source`.execute(db)
      ).rows.map((r) => `${r.source}:${r.channel}`);

    const reviewSites = { channel: 'Review sites', conditions: [{ field: 'referrer_domain', operator: 'matches', values: ['g2.com'] }] };
    expect(
      (await own.api.request('PUT', '/api/v1/channel-rules', { rules: [partnerRule, reviewSites, ...DEFAULT_CHANNEL_RULES] })).status,
    ).toBe(200);
    await server.drainJobs();
    expect(await channels()).toEqual(['g2.com:Review sites', 'google:Paid Search', 'partner-acme:Partners', 'null:Direct']);

    await own.api.post('/api/v1/channel-rules/reset');
    await server.drainJobs();
    expect(await channels()).toEqual(['g2.com:Referral', 'google:Paid Search', 'partner-acme:Referral', 'null:Direct']);
  });

  it("keeps each workspace's rules to itself", async () => {
    const other = await createTestWorkspace(server);
    await api.request('PUT', '/api/v1/channel-rules', { rules: [partnerRule] });
    expect((await other.api.get('/api/v1/channel-rules')).body.isDefault).toBe(true);
    const names = (await other.api.get('/api/v1/channels')).body.data.map((c: { name: string }) => c.name);
    expect(names).not.toContain('Partners');
  });
});
