// Visitors submitting forms as JSON (what the embed and custom-built forms do): the contact it makes,
// the consent it records, the errors it names, spam it drops, emails it queues, and analytics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer, type TestWorkspace } from '../test/harness.ts';

let server: TestServer;
let ws: TestWorkspace;
let api: ApiClient;
const LIMIT = 5;

beforeAll(async () => {
  server = await startTestServer({ formRateLimit: LIMIT });
  ws = await createTestWorkspace(server);
  api = ws.api;
  await api.post('/api/v1/custom-fields', { objectType: 'contact', key: 'seats', label: 'Seats', type: 'number' });
  await api.post('/api/v1/custom-fields', {
    objectType: 'contact',
    key: 'interests',
    label: 'Interests',
    type: 'multi_select',
    options: [
      { value: 'crm', label: 'CRM' },
      { value: 'email', label: 'Email' },
    ],
  });
});
afterAll(async () => server?.close());

const CONSENT = 'Email me about Acme products. I can unsubscribe at any time.';

async function makeForm(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/api/v1/forms', {
    name: 'Demo request',
    fields: [
      { property: 'email', label: 'Work email' },
      { property: 'firstName', label: 'First name', required: true },
      { property: 'lastName', label: 'Last name' },
      { property: 'phone', label: 'Phone' },
      { property: 'company', label: 'Company' },
      { property: 'customFields.seats', label: 'Seats' },
      { property: 'customFields.interests', label: 'Interests' },
    ],
    consent: { text: CONSENT, required: true },
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** A visitor's browser: no API key, just JSON to the public endpoint. */
async function submit(formId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/v1/forms/${formId}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://www.acme.test', 'user-agent': 'Mozilla/5.0 (test)', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function contactByEmail(email: string) {
  const list = await api.get(`/api/v1/contacts?filter[email]=${encodeURIComponent(email)}`);
  return list.body.data[0];
}

const paths = (res: { body: any }) => (res.body.errors ?? []).map((e: { path: string }) => e.path).sort();

describe('submitting a form (JSON)', () => {
  it('creates the contact as a lead with its company, and records consent, submission and UTMs', async () => {
    const formId = await makeForm();
    const res = await submit(formId, {
      fields: {
        email: ' Ada@Lovelace-Labs.test ',
        firstName: 'Ada',
        lastName: 'Lovelace',
        company: 'Lovelace Labs',
        'customFields.seats': '25',
        'customFields.interests': ['crm', 'email'],
        phone: '',
      },
      consent: true,
      anonymousId: 'anon-123',
      pageUrl: 'https://www.acme.test/demo?utm_source=newsletter&utm_medium=email&utm_campaign=Spring%20Launch',
      referrer: 'https://mail.example.com/',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.body).toMatchObject({ status: 'confirmed', confirmationRequired: false, thankYouMessage: "Thanks! We'll be in touch soon.", redirectUrl: null });

    const contact = await contactByEmail('ada@lovelace-labs.test');
    expect(contact).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: null,
      lifecycleStage: 'lead',
      customFields: { seats: 25, interests: ['crm', 'email'] },
      account: { name: 'Lovelace Labs', domain: 'lovelace-labs.test' },
    });

    const submissions = await api.get(`/api/v1/forms/${formId}/submissions`);
    expect(submissions.body.data).toHaveLength(1);
    expect(submissions.body.data[0]).toMatchObject({
      id: res.body.id,
      status: 'confirmed',
      contact: { id: contact.id, email: 'ada@lovelace-labs.test' },
      values: { email: 'ada@lovelace-labs.test', firstName: 'Ada', company: 'Lovelace Labs', 'customFields.seats': 25 },
      anonymousId: 'anon-123',
      referrer: 'https://mail.example.com/',
      utm: { source: 'newsletter', medium: 'email', campaign: 'Spring Launch' },
      ip: '127.0.0.1',
      userAgent: 'Mozilla/5.0 (test)',
    });
    expect(submissions.body.data[0].values).not.toHaveProperty('phone');

    const consents = await server.database.db.selectFrom('consents').selectAll().where('workspace_id', '=', ws.workspaceId).where('contact_id', '=', contact.id).execute();
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      kind: 'marketing_email',
      granted: true,
      text: CONSENT,
      source_type: 'form',
      source_id: formId,
      source_url: 'https://www.acme.test/demo?utm_source=newsletter&utm_medium=email&utm_campaign=Spring%20Launch',
      submission_id: res.body.id,
      ip: '127.0.0.1',
      double_opt_in: false,
    });
    expect(consents[0].confirmed_at).toBeInstanceOf(Date);

    // the tracking domain got a `Form Submitted` event and a form touch carrying the page's UTMs
    const events = await sql<{ event: string; anonymous_id: string; properties: { formId: string } }>`
      SELECT event, anonymous_id, properties FROM events WHERE workspace_id = ${ws.workspaceId} AND contact_id = ${contact.id}`.execute(server.database.db);
    expect(events.rows).toEqual([{ event: 'Form Submitted', anonymous_id: 'anon-123', properties: expect.objectContaining({ formId, submissionId: res.body.id }) }]);
    const touches = await sql`
      SELECT kind, channel, source, medium, campaign FROM touches WHERE workspace_id = ${ws.workspaceId} AND contact_id = ${contact.id}`.execute(server.database.db);
    expect(touches.rows).toEqual([{ kind: 'form', channel: expect.stringMatching(/^email$/i), source: 'newsletter', medium: 'email', campaign: 'Spring Launch' }]);
  });

  it('never lowers a later lifecycle stage, raises a subscriber, and never erases with blanks', async () => {
    const formId = await makeForm({ consent: null });
    const customer = await api.post('/api/v1/contacts', { email: 'cust@bigco.test', phone: '+1 555 0100', lifecycleStage: 'customer' });
    const subscriber = await api.post('/api/v1/contacts', { email: 'sub@bigco.test', lifecycleStage: 'subscriber' });
    expect((await submit(formId, { fields: { email: 'cust@bigco.test', firstName: 'Carla', phone: '  ' } })).status).toBe(201);
    expect((await submit(formId, { fields: { email: 'SUB@bigco.test', firstName: 'Sam' } })).status).toBe(201);
    expect((await api.get(`/api/v1/contacts/${customer.body.id}`)).body).toMatchObject({ lifecycleStage: 'customer', firstName: 'Carla', phone: '+1 555 0100' });
    expect((await api.get(`/api/v1/contacts/${subscriber.body.id}`)).body).toMatchObject({ lifecycleStage: 'lead', firstName: 'Sam' });
    // the same person again is one contact with two submissions
    expect((await submit(formId, { fields: { email: 'cust@bigco.test', firstName: 'Carla' } })).status).toBe(201);
    expect((await api.get(`/api/v1/contacts?filter[email]=cust@bigco.test`)).body.data).toHaveLength(1);
    expect((await api.get(`/api/v1/forms/${formId}/submissions?filter[contactId]=${customer.body.id}`)).body.data).toHaveLength(2);
  });

  it('names every invalid field, readable cross-origin, and writes nothing', async () => {
    const formId = await makeForm();
    const res = await submit(formId, {
      fields: { email: 'not-an-email', firstName: '', 'customFields.seats': 'many', 'customFields.interests': ['crm', 'golf'], nickname: 'x' },
      consent: false,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(paths(res)).toEqual(['consent', 'fields.customFields.interests', 'fields.customFields.seats', 'fields.email', 'fields.firstName', 'fields.nickname']);
    expect(res.body.errors.find((e: { path: string }) => e.path === 'fields.email').message).toBe('is not a valid email address');

    const missing = await submit(formId, { fields: { firstName: 'Ada' }, consent: true });
    expect(paths(missing)).toEqual(['fields.email']);
    expect(paths(await submit(formId, { fields: {}, colour: 'red' }))).toEqual(['colour']);
    expect((await api.get(`/api/v1/forms/${formId}/submissions`)).body.data).toEqual([]);
    expect(await contactByEmail('not-an-email')).toBeUndefined();
  });

  it('answers a preflight so any site can post JSON', async () => {
    const formId = await makeForm();
    const res = await fetch(`${server.url}/api/v1/forms/${formId}/submissions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.acme.test', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('accepts a filled honeypot as if all went well, and keeps nothing', async () => {
    const formId = await makeForm();
    const res = await submit(formId, { fields: { email: 'bot@spam.test', firstName: 'Bot' }, consent: true, honeypot: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect(res.body.thankYouMessage).toBe("Thanks! We'll be in touch soon.");
    expect(await contactByEmail('bot@spam.test')).toBeUndefined();
    expect((await api.get(`/api/v1/forms/${formId}/submissions`)).body.data).toEqual([]);
  });

  it(`refuses more than ${LIMIT} submissions a minute from one address to one form (429, Retry-After)`, async () => {
    const formId = await makeForm({ consent: null });
    const otherForm = await makeForm({ consent: null });
    for (let i = 0; i < LIMIT; i++) {
      // invalid submissions count too: a bot cannot probe without limit
      const body = i === 0 ? { fields: { email: 'bad' } } : { fields: { email: `rl${i}@flood.test`, firstName: 'R' } };
      expect((await submit(formId, body)).status).toBe(i === 0 ? 400 : 201);
    }
    const limited = await submit(formId, { fields: { email: 'late@flood.test', firstName: 'Late' } });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(limited.headers.get('access-control-allow-origin')).toBe('*');
    expect(await contactByEmail('late@flood.test')).toBeUndefined();
    // the limit is per form
    expect((await submit(otherForm, { fields: { email: 'other@flood.test', firstName: 'O' } })).status).toBe(201);
  });

  it('emails the notification recipients through the outbox', async () => {
    const formId = await makeForm({ consent: null, notificationEmails: ['sales@acme.test', 'marketing@acme.test'] });
    await submit(formId, { fields: { email: 'grace@hopper.test', firstName: 'Grace', 'customFields.seats': 3 }, pageUrl: 'https://www.acme.test/pricing' });
    const outbox = (await api.get('/api/v1/outbox?filter[kind]=form_notification')).body.data;
    const mine = outbox.filter((m: { text: string }) => m.text.includes('grace@hopper.test'));
    expect(mine.map((m: { to: string }) => m.to).sort()).toEqual(['marketing@acme.test', 'sales@acme.test']);
    expect(mine[0]).toMatchObject({ subject: 'New submission: Demo request', status: 'outbox_only' });
    expect(mine[0].text).toContain('First name: Grace');
    expect(mine[0].text).toContain('Seats: 3');
    expect(mine[0].text).toContain('Page: https://www.acme.test/pricing');
    const contact = await contactByEmail('grace@hopper.test');
    expect(mine[0].text).toContain(`/contacts/${contact.id}`);
  });

  it('with double opt-in: emails a confirmation link that confirms the submission and the consent once', async () => {
    const formId = await makeForm({ doubleOptIn: true, thankYouMessage: 'Almost done!' });
    const res = await submit(formId, { fields: { email: 'linus@opt.test', firstName: 'Linus' }, consent: true });
    expect(res.body).toMatchObject({ status: 'pending_confirmation', confirmationRequired: true, thankYouMessage: 'Almost done!' });
    const contact = await contactByEmail('linus@opt.test');
    const consent = () =>
      server.database.db.selectFrom('consents').selectAll().where('workspace_id', '=', ws.workspaceId).where('contact_id', '=', contact.id).executeTakeFirstOrThrow();
    expect(await consent()).toMatchObject({ double_opt_in: true, confirmed_at: null, granted: true });

    const emails = (await api.get('/api/v1/outbox?filter[kind]=form_confirmation')).body.data.filter((m: { to: string }) => m.to === 'linus@opt.test');
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain(`confirm your email`);
    const link = /(http\S+\/f\/confirm\/\S+)/.exec(emails[0].text)![1];
    // only the token's hash is stored
    const token = link.split('/').pop()!;
    const stored = await server.database.db.selectFrom('form_submissions').select('confirm_token_hash').where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(stored.confirm_token_hash).not.toContain(token);

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Email confirmed');
    const confirmedAt = (await consent()).confirmed_at;
    expect(confirmedAt).toBeInstanceOf(Date);
    const list = (await api.get(`/api/v1/forms/${formId}/submissions?filter[status]=confirmed`)).body.data;
    expect(list.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
    expect(list[0].confirmedAt).not.toBeNull();

    const again = await fetch(link);
    expect(await again.text()).toContain('Already confirmed');
    expect((await consent()).confirmed_at).toEqual(confirmedAt);
    expect((await fetch(`${server.url}/f/confirm/${'x'.repeat(32)}`)).status).toBe(404);
  });

  it('refuses submissions to paused, deleted and unknown forms', async () => {
    const formId = await makeForm({ consent: null });
    await api.patch(`/api/v1/forms/${formId}`, { status: 'paused' });
    const paused = await submit(formId, { fields: { email: 'p@paused.test', firstName: 'P' } });
    expect(paused.status).toBe(409);
    expect((await fetch(`${server.url}/api/v1/forms/${formId}/public`)).status).toBe(404);
    await api.delete(`/api/v1/forms/${formId}`);
    expect((await submit(formId, { fields: { email: 'p@paused.test' } })).status).toBe(404);
    expect((await submit('00000000-0000-4000-8000-000000000000', { fields: { email: 'p@paused.test' } })).status).toBe(404);
    expect((await submit('not-a-uuid', { fields: {} })).status).toBe(400);
    expect(await contactByEmail('p@paused.test')).toBeUndefined();
  });
});

describe('form analytics', () => {
  it('counts views of the hosted page and the embed, submissions and the conversion rate per day', async () => {
    const formId = await makeForm({ consent: null });
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/f/${formId}`)).status).toBe(200);
    const embed = await fetch(`${server.url}/api/v1/forms/${formId}/public`, { headers: { origin: 'https://www.acme.test' } });
    expect(embed.headers.get('access-control-allow-origin')).toBe('*');
    expect(await embed.json()).toMatchObject({ id: formId, name: 'Demo request', consent: null, submitLabel: 'Submit' });
    await submit(formId, { fields: { email: 'conv@rate.test', firstName: 'C' } });

    const today = new Date().toISOString().slice(0, 10);
    const res = await api.get(`/api/v1/forms/${formId}/analytics`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ to: today, views: 4, submissions: 1, conversionRate: 0.25 });
    expect(res.body.days).toHaveLength(30);
    expect(res.body.days.at(-1)).toEqual({ date: today, views: 4, submissions: 1 });
    expect(res.body.days[0]).toMatchObject({ views: 0, submissions: 0 });

    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const past = await api.get(`/api/v1/forms/${formId}/analytics?from=2026-01-01&to=${yesterday}`);
    expect(past.body).toMatchObject({ views: 0, submissions: 0, conversionRate: null });
    const reversed = await api.get(`/api/v1/forms/${formId}/analytics?from=2026-02-01&to=2026-01-01`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].path).toBe('from');
    expect((await api.get(`/api/v1/forms/${formId}/analytics?from=2026-02-30`)).body.errors[0].path).toBe('from');

    const listed = (await api.get('/api/v1/forms?limit=500')).body.data.find((f: { id: string }) => f.id === formId);
    expect(listed.stats).toEqual({ views: 4, submissions: 1, conversionRate: 0.25 });
  });
});
