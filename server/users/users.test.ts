import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestWorkspace, startTestServer, type TestServer } from '../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const admin = { workspaceName: 'Acme Inc', name: 'Ada Admin', email: 'ada@acme.test', password: 'correct horse battery' };

describe('first run and sign-in', () => {
  it('offers onboarding only while no workspace exists, and signs the new admin in', async () => {
    const anon = new ApiClient(server.url);
    expect((await anon.get('/api/v1/session')).body).toMatchObject({ authenticated: false, onboardingOpen: true });

    const created = await anon.post('/api/v1/onboarding', admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ authenticated: true, role: 'admin', workspace: { name: 'Acme Inc' }, user: { email: 'ada@acme.test' } });
    const cookie = created.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const again = await new ApiClient(server.url).post('/api/v1/onboarding', { ...admin, email: 'eve@evil.test' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('onboarding_closed');
    expect((await new ApiClient(server.url).get('/api/v1/session')).body.onboardingOpen).toBe(false);
  });

  it('signs in with the right password only, and stops guessing after 10 failures', async () => {
    const anon = new ApiClient(server.url);
    const wrong = await anon.post('/api/v1/session', { email: admin.email, password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    const unknown = await anon.post('/api/v1/session', { email: 'nobody@acme.test', password: 'nope' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe(wrong.body.detail);

    const ok = await anon.post('/api/v1/session', { email: 'ADA@acme.test', password: admin.password });
    expect(ok.status).toBe(200);
    expect(ok.body.csrfToken).toEqual(expect.any(String));
    expect((await anon.get('/api/v1/contacts')).status).toBe(200);

    const guesser = new ApiClient(server.url);
    for (let i = 0; i < 10; i++) await guesser.post('/api/v1/session', { email: 'target@acme.test', password: `guess${i}` });
    const blocked = await guesser.post('/api/v1/session', { email: 'target@acme.test', password: 'guess11' });
    expect(blocked.status).toBe(429);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const user = new ApiClient(server.url);
    const session = await user.post('/api/v1/session', { email: admin.email, password: admin.password });
    const cookie = /tandem_session=[^;]+/.exec(session.headers.get('set-cookie')!)![0];
    const noCsrf = new ApiClient(server.url, { cookie });
    const refused = await noCsrf.post('/api/v1/contacts', { email: 'csrf@acme.test' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('csrf_failed');
    const withCsrf = new ApiClient(server.url, { cookie, csrf: session.body.csrfToken });
    expect((await withCsrf.post('/api/v1/contacts', { email: 'csrf@acme.test' })).status).toBe(201);
  });

  it('signs out: the cookie no longer works', async () => {
    const user = new ApiClient(server.url);
    await user.post('/api/v1/session', { email: admin.email, password: admin.password });
    expect((await user.delete('/api/v1/session')).status).toBe(200);
    const after = await user.get('/api/v1/contacts');
    expect(after.status).toBe(401);
  });
});

describe('invitations and roles', () => {
  it('invites by email through the outbox; the invitee joins with the role and can sign in', async () => {
    const ws = await createTestWorkspace(server, 'Invites Ltd');
    const invite = await ws.api.post('/api/v1/users', { email: 'Newbie@Example.com', role: 'sales' });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ email: 'newbie@example.com', role: 'sales', status: 'pending' });

    const outbox = await ws.api.get('/api/v1/outbox');
    expect(outbox.body.smtpConfigured).toBe(false);
    const email = outbox.body.data.find((e: { to: string }) => e.to === 'newbie@example.com');
    expect(email).toMatchObject({ kind: 'invitation', status: 'outbox_only' });
    expect(email.subject).toContain('Invites Ltd');
    const token = /\/invite\/(\S+)/.exec(email.text)![1];
    expect(invite.body.acceptUrl).toContain(token);

    const anon = new ApiClient(server.url);
    expect((await anon.get(`/api/v1/invitations/lookup?token=${token}`)).body).toMatchObject({ email: 'newbie@example.com', workspaceName: 'Invites Ltd', existingUser: false });
    const noName = await anon.post('/api/v1/invitations/accept', { token, password: 'long enough pw' });
    expect(noName.status).toBe(400);
    expect(noName.body.errors[0].path).toBe('name');
    const accepted = await anon.post('/api/v1/invitations/accept', { token, name: 'Nia Newbie', password: 'long enough pw' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ authenticated: true, role: 'sales', workspace: { name: 'Invites Ltd' } });
    expect((await anon.post('/api/v1/invitations/accept', { token, name: 'Again', password: 'long enough pw' })).status).toBe(404);

    const users = (await ws.api.get('/api/v1/users')).body.data;
    expect(users.find((u: { email: string }) => u.email === 'newbie@example.com')).toMatchObject({ role: 'sales', status: 'active', name: 'Nia Newbie' });
    const invitations = (await ws.api.get('/api/v1/invitations')).body.data;
    expect(invitations[0].status).toBe('accepted');
    const relogin = await new ApiClient(server.url).post('/api/v1/session', { email: 'newbie@example.com', password: 'long enough pw' });
    expect(relogin.body.workspace.name).toBe('Invites Ltd');
  });

  it('refuses to invite an existing member, and a revoked invitation no longer opens', async () => {
    const ws = await createTestWorkspace(server);
    const member = await ws.addUser('viewer', 'vera@example.com', 'Vera');
    expect(member).toBeTruthy();
    const dup = await ws.api.post('/api/v1/users', { email: 'vera@example.com', role: 'sales' });
    expect(dup.status).toBe(409);
    const inv = await ws.api.post('/api/v1/users', { email: 'later@example.com', role: 'viewer' });
    const token = /\/invite\/(\S+)/.exec(inv.body.acceptUrl)![1];
    expect((await ws.api.delete(`/api/v1/invitations/${inv.body.id}`)).status).toBe(200);
    expect((await new ApiClient(server.url).get(`/api/v1/invitations/lookup?token=${token}`)).status).toBe(404);
  });

  it('keeps at least one admin, and deactivation ends the user\'s sessions', async () => {
    const ws = await createTestWorkspace(server);
    const lastAdmin = await ws.api.patch(`/api/v1/users/${ws.adminId}`, { role: 'viewer' });
    expect(lastAdmin.status).toBe(409);
    expect((await ws.api.delete(`/api/v1/users/${ws.adminId}`)).status).toBe(409);

    const salesId = await ws.addUser('sales', 'sally@example.com', 'Sally');
    const sally = new ApiClient(server.url);
    await sally.post('/api/v1/session', { email: 'sally@example.com', password: 'correct horse battery', workspaceId: ws.workspaceId });
    expect((await sally.get('/api/v1/contacts')).status).toBe(200);
    const deactivated = await ws.api.delete(`/api/v1/users/${salesId}`);
    expect(deactivated.body.status).toBe('deactivated');
    expect((await sally.get('/api/v1/contacts')).status).toBe(401);
    const login = await new ApiClient(server.url).post('/api/v1/session', { email: 'sally@example.com', password: 'correct horse battery', workspaceId: ws.workspaceId });
    expect(login.status).toBe(403);
    expect((await ws.api.patch(`/api/v1/users/${salesId}`, { status: 'active', role: 'marketing' })).body).toMatchObject({ status: 'active', role: 'marketing' });
  });

  it('enforces roles: viewer reads only; only admins manage settings', async () => {
    const ws = await createTestWorkspace(server);
    const viewer = await ws.as('viewer');
    const sales = await ws.as('sales');
    expect((await viewer.get('/api/v1/contacts')).status).toBe(200);
    const write = await viewer.post('/api/v1/contacts', { email: 'v@example.com' });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
    expect((await sales.post('/api/v1/contacts', { email: 's@example.com' })).status).toBe(201);
    expect((await sales.post('/api/v1/api-keys', { name: 'nope' })).status).toBe(403);
    expect((await sales.post('/api/v1/users', { email: 'x@example.com', role: 'admin' })).status).toBe(403);
    expect((await sales.get('/api/v1/outbox')).status).toBe(403);
  });

  it('switches between workspaces the user belongs to', async () => {
    const one = await createTestWorkspace(server, 'One');
    const two = await createTestWorkspace(server, 'Two');
    await one.addUser('sales', 'both@example.com', 'Bo Both');
    await server.database.db
      .insertInto('members')
      .values({ workspace_id: two.workspaceId, user_id: (await server.database.db.selectFrom('users').select('id').where('email', '=', 'both@example.com').executeTakeFirstOrThrow()).id, role: 'viewer' })
      .execute();
    const bo = new ApiClient(server.url);
    const session = await bo.post('/api/v1/session', { email: 'both@example.com', password: 'correct horse battery', workspaceId: one.workspaceId });
    expect(session.body.workspaces.map((w: { name: string }) => w.name).sort()).toEqual(['One', 'Two']);
    const switched = await bo.post('/api/v1/session/workspace', { workspaceId: two.workspaceId });
    expect(switched.body).toMatchObject({ workspace: { name: 'Two' }, role: 'viewer' });
    expect((await bo.post('/api/v1/contacts', { email: 'x@two.example' })).status).toBe(403);
  });
});

describe('API keys', () => {
  it('shows the key once, stores only its hash, records last use and stops working when revoked', async () => {
    const ws = await createTestWorkspace(server);
    const created = await ws.api.post('/api/v1/api-keys', { name: 'Zapier', role: 'marketing' });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^tdm_sk_/);
    expect(created.body.prefix).toBe(created.body.key.slice(0, 11));
    const stored = await server.database.db.selectFrom('api_keys').select('key_hash').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(stored.key_hash).not.toContain(created.body.key);
    expect(JSON.stringify((await ws.api.get(`/api/v1/api-keys/${created.body.id}`)).body)).not.toContain(created.body.key);

    const zapier = new ApiClient(server.url, { apiKey: created.body.key });
    expect((await zapier.post('/api/v1/contacts', { email: 'zap@example.com' })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 50));
    expect((await ws.api.get(`/api/v1/api-keys/${created.body.id}`)).body.lastUsedAt).not.toBeNull();

    expect((await ws.api.delete(`/api/v1/api-keys/${created.body.id}`)).body.revokedAt).not.toBeNull();
    const after = await zapier.get('/api/v1/contacts');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
  });

  it('answers 401 problem+json for a missing or malformed key', async () => {
    const anon = new ApiClient(server.url);
    const none = await anon.get('/api/v1/contacts');
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    const bad = await anon.get('/api/v1/contacts', { authorization: 'Basic abc' });
    expect(bad.status).toBe(401);
    expect((await new ApiClient(server.url, { apiKey: 'tdm_sk_not_a_key' }).get('/api/v1/contacts')).status).toBe(401);
  });
});
