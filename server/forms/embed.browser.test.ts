// The embed script in real Chromium, on a customer's page served from another origin (a plain
// node:http server): the form renders, a bad email is flagged next to its field, a corrected
// submission shows the thank-you message, and the contact exists in Tandem with the visit's context.
import fs from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../e2e/support.ts';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../test/harness.ts';

const hasChromium = fs.existsSync('/usr/bin/chromium');
if (!hasChromium) console.warn('form embed browser test skipped: /usr/bin/chromium is missing (apt-get install chromium)');

describe.skipIf(!hasChromium)('form embed in Chromium', () => {
  let tandem: TestServer;
  let ws: TestWorkspace;
  let site: http.Server;
  let siteUrl: string;
  let browser: Browser;
  let formId: string;

  beforeAll(async () => {
    [tandem, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    ws = await createTestWorkspace(tandem);
    const form = await ws.api.post('/api/v1/forms', {
      name: 'Book a demo',
      fields: [
        { property: 'email', label: 'Work email' },
        { property: 'firstName', label: 'First name', required: true },
        { property: 'company', label: 'Company' },
      ],
      consent: { text: 'Email me about Acme products.', required: true },
      submitLabel: 'Book my demo',
      thankYouMessage: 'Thanks! We will email you a time.',
    });
    formId = form.body.id;
    // the customer's site: the visitor already has the tracking snippet's id in a first-party cookie
    site = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html><head><title>Acme – Book a demo</title><script>document.cookie = 'tandem_aid=visitor-7; path=/';</script></head>
<body><h1>Acme</h1><div data-tandem-form="${formId}"></div>
<script src="${tandem.url}/forms/embed.js" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), tandem?.close(), new Promise((r) => site?.close(r))]);
  });

  it('shows a field error inline, then the thank-you message, and the contact exists in Tandem', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${siteUrl}/demo?utm_source=google&utm_medium=cpc&utm_campaign=brand`);
    expect(new URL(siteUrl).port).not.toBe(new URL(tandem.url).port);

    await page.getByLabel('Work email').fill('ada@lovelace');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Company').fill('Lovelace Labs');
    await page.getByLabel('Email me about Acme products.').check();
    await page.getByRole('button', { name: 'Book my demo' }).click();

    const error = page.locator('[data-field="email"] .tdm-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toBe('Work email is not a valid email address');
    expect(await page.getByLabel('Work email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('First name').getAttribute('aria-invalid')).toBeNull();

    await page.getByLabel('Work email').fill('ada@lovelace-labs.test');
    await page.getByRole('button', { name: 'Book my demo' }).click();
    const thanks = page.getByRole('status');
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain('Thanks! We will email you a time.');
    expect(await page.locator('form.tdm-form').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();

    const contact = (await ws.api.get('/api/v1/contacts?filter[email]=ada@lovelace-labs.test')).body.data[0];
    expect(contact).toMatchObject({ firstName: 'Ada', lifecycleStage: 'lead', account: { name: 'Lovelace Labs' } });
    const [submission] = (await ws.api.get(`/api/v1/forms/${formId}/submissions`)).body.data;
    expect(submission).toMatchObject({
      contact: { id: contact.id },
      anonymousId: 'visitor-7',
      utm: { source: 'google', medium: 'cpc', campaign: 'brand' },
    });
    expect(submission.pageUrl).toBe(`${siteUrl}/demo?utm_source=google&utm_medium=cpc&utm_campaign=brand`);
    const form = (await ws.api.get(`/api/v1/forms/${formId}`)).body;
    expect(form.stats).toEqual({ views: 1, submissions: 1, conversionRate: 1 });
  });
});
