// Building forms through the API: what a form holds, what is refused (with the field named and
// nothing written), editing, the trash, lists, and who may change forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type ApiResponse, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  ws = await createTestWorkspace(server);
  api = ws.api;
  await api.post('/api/v1/custom-fields', { objectType: 'contact', key: 'seats', label: 'Seats', type: 'number' });
  await api.post('/api/v1/custom-fields', { objectType: 'account', key: 'tier', label: 'Tier', type: 'text' });
});
afterAll(async () => server?.close());

export const newsletter = (overrides: Record<string, unknown> = {}) => ({
  name: 'Newsletter',
  fields: [
    { property: 'email', label: 'Work email' },
    { property: 'firstName', label: 'First name', required: true },
  ],
  ...overrides,
});

function errorPaths(res: ApiResponse): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (res.body.errors ?? []).map((e: { path: string }) => e.path);
}

describe('forms API', () => {
  it('creates a form with sensible defaults and reads it back', async () => {
    const res = await api.post(
      '/api/v1/forms',
      newsletter({
        fields: [
          { property: 'email', label: 'Work email', placeholder: 'you@company.com' },
          { property: 'customFields.seats', label: 'Team size', helpText: 'Roughly' },
          { property: 'phone', label: 'Phone', type: 'text' },
        ],
        consent: { text: 'Send me product news. I can unsubscribe at any time.' },
        notificationEmails: ['Sales@Acme.test', 'sales@acme.test'],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Newsletter',
      status: 'active',
      fields: [
        { property: 'email', label: 'Work email', type: 'email', required: true, placeholder: 'you@company.com', helpText: null },
        { property: 'customFields.seats', label: 'Team size', type: 'number', required: false, helpText: 'Roughly' },
        { property: 'phone', type: 'text' },
      ],
      consent: { text: 'Send me product news. I can unsubscribe at any time.', required: true },
      submitLabel: 'Submit',
      thankYouMessage: "Thanks! We'll be in touch soon.",
      redirectUrl: null,
      doubleOptIn: false,
      notificationEmails: ['sales@acme.test'],
      stats: { views: 0, submissions: 0, conversionRate: null },
    });
    expect((await api.get(`/api/v1/forms/${res.body.id}`)).body).toEqual(res.body);
  });

  it('refuses a bad form, names each field at fault, and writes nothing', async () => {
    const before = (await api.get('/api/v1/forms?limit=500')).body.data.length;
    expect(errorPaths(await api.post('/api/v1/forms', newsletter({ fields: [{ property: 'firstName', label: 'Name' }] })))).toEqual(['fields']);
    expect(errorPaths(await api.post('/api/v1/forms', newsletter({ fields: [{ property: 'email', label: 'Email', required: false }] })))).toEqual([
      'fields.0.required',
    ]);
    const bad = await api.post(
      '/api/v1/forms',
      newsletter({
        name: '  ',
        fields: [
          { property: 'email', label: 'Email' },
          { property: 'customFields.tier', label: 'Tier' }, // an account field, not a contact one
          { property: 'customFields.seats', label: 'Seats', type: 'textarea' },
          { property: 'email', label: 'Again' },
          { property: 'password', label: 'Password' },
        ],
        redirectUrl: 'javascript:alert(1)',
        notificationEmails: ['not-an-email'],
        colour: 'red',
      }),
    );
    expect(errorPaths(bad).sort()).toEqual(['colour', 'fields.4.property', 'name', 'notificationEmails.0', 'redirectUrl'].sort());
    const mapped = await api.post(
      '/api/v1/forms',
      newsletter({
        fields: [
          { property: 'email', label: 'Email' },
          { property: 'customFields.tier', label: 'Tier' },
          { property: 'customFields.seats', label: 'Seats', type: 'textarea' },
          { property: 'email', label: 'Again' },
        ],
      }),
    );
    expect(errorPaths(mapped)).toEqual(['fields.1.property', 'fields.2.type', 'fields.3.property']);
    expect((await api.get('/api/v1/forms?limit=500')).body.data.length).toBe(before);
  });

  it('edits only what is sent', async () => {
    const form = (await api.post('/api/v1/forms', newsletter({ consent: { text: 'Yes please', required: false } }))).body;
    const edited = await api.patch(`/api/v1/forms/${form.id}`, { name: 'Webinar sign-up', redirectUrl: 'https://acme.test/thanks', status: 'paused' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Webinar sign-up',
      redirectUrl: 'https://acme.test/thanks',
      status: 'paused',
      fields: form.fields,
      consent: { text: 'Yes please', required: false },
    });
    expect(new Date(edited.body.updatedAt).getTime()).toBeGreaterThan(new Date(form.updatedAt).getTime());
    const cleared = await api.patch(`/api/v1/forms/${form.id}`, { consent: null, redirectUrl: '' });
    expect(cleared.body).toMatchObject({ consent: null, redirectUrl: null, name: 'Webinar sign-up' });
    expect(errorPaths(await api.patch(`/api/v1/forms/${form.id}`, { fields: [] }))).toEqual(['fields']);
    expect((await api.patch('/api/v1/forms/00000000-0000-4000-8000-000000000000', { name: 'x' })).status).toBe(404);
  });

  it('moves a deleted form to the trash and restores it', async () => {
    const form = (await api.post('/api/v1/forms', newsletter({ name: 'Short-lived' }))).body;
    expect((await api.delete(`/api/v1/forms/${form.id}`)).body).toEqual({ id: form.id, deleted: true });
    expect((await api.get(`/api/v1/forms/${form.id}`)).status).toBe(404);
    expect((await api.delete(`/api/v1/forms/${form.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/f/${form.id}`)).status).toBe(404);
    expect((await api.get('/api/v1/forms?limit=500')).body.data.map((f: { id: string }) => f.id)).not.toContain(form.id);
    const restored = await api.post(`/api/v1/forms/${form.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: form.id, name: 'Short-lived' });
    expect((await fetch(`${server.url}/f/${form.id}`)).status).toBe(200);
  });

  it('lists forms page by page, sorted and searched', async () => {
    const other = await createTestWorkspace(server);
    for (const name of ['Gamma demo', 'Alpha trial', 'Beta webinar']) await other.api.post('/api/v1/forms', newsletter({ name }));
    const byName = await other.api.get('/api/v1/forms?sort=name&limit=2');
    expect(byName.body.data.map((f: { name: string }) => f.name)).toEqual(['Alpha trial', 'Beta webinar']);
    const next = await other.api.get(`/api/v1/forms?sort=name&limit=2&cursor=${encodeURIComponent(byName.body.nextCursor)}`);
    expect(next.body.data.map((f: { name: string }) => f.name)).toEqual(['Gamma demo']);
    expect(next.body.nextCursor).toBeNull();
    expect((await other.api.get('/api/v1/forms?q=webin')).body.data.map((f: { name: string }) => f.name)).toEqual(['Beta webinar']);
    expect((await other.api.get('/api/v1/forms?filter[status]=paused')).body.data).toEqual([]);
    expect(errorPaths(await other.api.get('/api/v1/forms?sort=views'))).toEqual(['sort']);
  });

  it('lets everyone read forms, and only admins and marketing change them', async () => {
    const form = (await api.post('/api/v1/forms', newsletter({ name: 'Roles' }))).body;
    for (const role of ['viewer', 'sales'] as const) {
      const client = await ws.as(role);
      expect((await client.get(`/api/v1/forms/${form.id}`)).status).toBe(200);
      expect((await client.get(`/api/v1/forms/${form.id}/submissions`)).status).toBe(200);
      expect((await client.get(`/api/v1/forms/${form.id}/analytics`)).status).toBe(200);
      for (const res of await Promise.all([
        client.post('/api/v1/forms', newsletter()),
        client.patch(`/api/v1/forms/${form.id}`, { name: 'Mine now' }),
        client.delete(`/api/v1/forms/${form.id}`),
        client.post(`/api/v1/forms/${form.id}/restore`),
      ])) {
        expect(res.status).toBe(403);
      }
    }
    const marketing = await ws.as('marketing');
    expect((await marketing.patch(`/api/v1/forms/${form.id}`, { name: 'Renamed by marketing' })).status).toBe(200);
    expect((await marketing.post('/api/v1/forms', newsletter())).status).toBe(201);
    expect((await api.get(`/api/v1/forms/${form.id}`)).body.name).toBe('Renamed by marketing');
  });

  it("keeps one workspace's forms away from another", async () => {
    const form = (await api.post('/api/v1/forms', newsletter({ name: 'Private' }))).body;
    const other = await createTestWorkspace(server);
    expect((await other.api.get(`/api/v1/forms/${form.id}`)).status).toBe(404);
    expect((await other.api.patch(`/api/v1/forms/${form.id}`, { name: 'Hijacked' })).status).toBe(404);
    expect((await other.api.get(`/api/v1/forms/${form.id}/submissions`)).status).toBe(404);
    expect((await other.api.get(`/api/v1/forms/${form.id}/analytics`)).status).toBe(404);
    expect((await other.api.get('/api/v1/forms')).body.data).toEqual([]);
    expect((await api.get(`/api/v1/forms/${form.id}`)).body.name).toBe('Private');
  });
});
