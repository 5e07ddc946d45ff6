// The hosted page /f/{id} as a browser without JavaScript uses it: an HTML form, a form-encoded POST,
// errors shown next to their fields, then a thank-you page or the redirect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type ApiClient, type TestServer } from '../test/harness.ts';

let server: TestServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ formRateLimit: 3 });
  api = (await createTestWorkspace(server)).api;
  await api.post('/api/v1/custom-fields', {
    objectType: 'contact',
    key: 'plan',
    label: 'Plan',
    type: 'select',
    options: [
      { value: 'starter', label: 'Starter' },
      { value: 'growth', label: 'Growth <b>' },
    ],
  });
  await api.post('/api/v1/custom-fields', { objectType: 'contact', key: 'beta', label: 'Beta', type: 'boolean' });
});
afterAll(async () => server?.close());

const XSS = '<script>alert("x")</script>';

async function makeForm(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/api/v1/forms', {
    name: `Contact us ${XSS}`,
    fields: [
      { property: 'email', label: 'Email', helpText: `We reply within a day ${XSS}` },
      { property: 'firstName', label: `Name ${XSS}`, required: true },
      { property: 'customFields.plan', label: 'Plan', required: true },
      { property: 'customFields.beta', label: 'Join the beta' },
    ],
    consent: { text: `I agree to the <a href="/terms">terms</a>`, required: true },
    submitLabel: 'Send it',
    thankYouMessage: 'Thanks!\n\nWe will call you <soon>.',
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

function post(formId: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return fetch(`${server.url}/f/${formId}`, { method: 'POST', body, redirect: 'manual' });
}

describe('hosted form page', () => {
  it('renders an accessible form with every value escaped and counts the view', async () => {
    const formId = await makeForm();
    const res = await fetch(`${server.url}/f/${formId}?utm_source=linkedin&tandem_aid=aid-42`, { headers: { referer: 'https://www.linkedin.com/' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).not.toContain('<script>');
    expect(page).toContain('<title>Contact us &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>');
    expect(page).toContain('I agree to the &lt;a href=&quot;/terms&quot;&gt;terms&lt;/a&gt;');
    expect(page).toContain('Growth &lt;b&gt;');
    expect(page).toMatch(/<label for="f-email">Email<span class="req" aria-hidden="true">\*<\/span><\/label><p class="help" id="f-email-help">/);
    expect(page).toMatch(/<input type="email" id="f-email" name="email" value="" autocomplete="email" required aria-describedby="f-email-help">/);
    expect(page).toContain('<select id="f-customFields-plan" name="customFields.plan" required>');
    expect(page).toContain('<input type="checkbox" id="f-consent" name="consent" value="true" required>');
    expect(page).toContain('name="tandem_hp" tabindex="-1"');
    expect(page).toContain(`<input type="hidden" name="page_url" value="${server.url}/f/${formId}?utm_source=linkedin&amp;tandem_aid=aid-42">`);
    expect(page).toContain('<input type="hidden" name="referrer" value="https://www.linkedin.com/">');
    expect(page).toContain('<input type="hidden" name="anonymous_id" value="aid-42">');
    expect(page).toContain('<button type="submit">Send it</button>');
    expect((await api.get(`/api/v1/forms/${formId}`)).body.stats.views).toBe(1);
  });

  it('shows each error next to its field and keeps what was typed (escaped)', async () => {
    const formId = await makeForm();
    const res = await post(formId, { email: 'nope', firstName: `"><img src=x>`, 'customFields.plan': 'enterprise' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('<div class="summary" role="alert" id="error-summary" tabindex="-1" autofocus>');
    expect(page).toContain('Please fix the 3 problems below.');
    expect(page).toContain('<p class="error" id="f-email-error">Email is not a valid email address</p>');
    expect(page).toMatch(/id="f-email" name="email" value="nope"[^>]*aria-describedby="f-email-help f-email-error" aria-invalid="true"/);
    expect(page).toContain('value="&quot;&gt;&lt;img src=x&gt;"');
    expect(page).not.toContain('<img src=x>');
    expect(page).toContain('Plan must be one of: starter, growth');
    expect(page).toContain('<p class="error" id="f-consent-error">Please tick this box to continue.</p>');
    expect(page).toContain('<a href="#f-email">');
    expect((await api.get(`/api/v1/forms/${formId}/submissions`)).body.data).toEqual([]);
  });

  it('thanks the visitor and creates the contact', async () => {
    const formId = await makeForm();
    const page = await fetch(`${server.url}/f/${formId}?utm_campaign=spring`);
    const pageUrl = /name="page_url" value="([^"]+)"/.exec(await page.text())![1].replace(/&amp;/g, '&');
    const res = await post(formId, {
      email: 'mary@somerville.test',
      firstName: 'Mary',
      'customFields.plan': 'growth',
      'customFields.beta': 'true',
      consent: 'true',
      tandem_hp: '',
      page_url: pageUrl,
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Thank you!');
    expect(html).toContain('<p>Thanks!</p><p>We will call you &lt;soon&gt;.</p>');
    const contact = (await api.get('/api/v1/contacts?filter[email]=mary@somerville.test')).body.data[0];
    expect(contact).toMatchObject({ firstName: 'Mary', lifecycleStage: 'lead', customFields: { plan: 'growth', beta: true } });
    const [submission] = (await api.get(`/api/v1/forms/${formId}/submissions`)).body.data;
    expect(submission.utm).toEqual({ campaign: 'spring' });
  });

  it('sends the visitor to the redirect URL', async () => {
    const formId = await makeForm({ consent: null, redirectUrl: 'https://www.acme.test/thanks?from=form' });
    const res = await post(formId, { email: 'redirect@acme.test', firstName: 'R', 'customFields.plan': 'starter' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://www.acme.test/thanks?from=form');
  });

  it('tells visitors when a form is closed or does not exist', async () => {
    const formId = await makeForm();
    await api.patch(`/api/v1/forms/${formId}`, { status: 'paused' });
    const closed = await fetch(`${server.url}/f/${formId}`);
    expect(await closed.text()).toContain('This form is closed');
    expect((await api.get(`/api/v1/forms/${formId}`)).body.stats.views).toBe(0);
    expect((await post(formId, { email: 'x@closed.test', firstName: 'X' })).status).toBe(409);
    const missing = await fetch(`${server.url}/f/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Form not found');
    expect((await fetch(`${server.url}/f/whatever`)).status).toBe(404);
  });

  it('slows down a flood from one address with a 429 page', async () => {
    const formId = await makeForm({ consent: null });
    for (let i = 0; i < 3; i++) expect((await post(formId, { email: `f${i}@flood.test`, firstName: 'F', 'customFields.plan': 'starter' })).status).toBe(200);
    const res = await post(formId, { email: 'f9@flood.test', firstName: 'F', 'customFields.plan': 'starter' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = await res.text();
    expect(page).toContain('Too many submissions from your network');
    expect(page).toContain('value="f9@flood.test"');
  });

  it('serves the embed script to any site', async () => {
    const res = await fetch(`${server.url}/forms/embed.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/javascript');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toContain('data-tandem-form');
  });
});
