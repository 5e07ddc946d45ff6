// Marketing intake end to end (issue 3's journey): a customer's website on another origin carries the
// tracking snippet and a Tandem form. A visitor arrives from a LinkedIn ad, browses, gets the email
// wrong, then submits. In the web app, the new contact shows where they came from, the visit and the
// form submission on its timeline, and the campaign exists. Then the marketer merges in a duplicate.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startTandem, type RunningTandem } from './support.ts';

const EMAIL = 'mia@acme-robotics.test';
const PASSWORD = 'marketing rocks';
const UTM = 'utm_source=linkedin&utm_medium=paid_social&utm_campaign=q4-launch';

let tandem: RunningTandem;
let browser: Browser;
let site: http.Server;
let siteUrl: string;
let apiKey: string;
let formId: string;
let contactId: string;

/** The REST API as an integration would use it (Bearer API key). */
async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${tandem.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(json)}`);
  return json as T;
}

/** An API key for the workspace's admin: sign in with the password, then create a key. */
async function createApiKey(): Promise<string> {
  const login = await fetch(`${tandem.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${tandem.url}/api/v1/api-keys`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'e2e intake' }),
  });
  return ((await res.json()) as { key: string }).key;
}

/** The customer's website: three pages on its own origin, each with the snippet; the demo form on the landing page. */
function startSite(writeKey: string): Promise<void> {
  const head = (title: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>` +
    `<script src="${tandem.url}/snippet.js" data-write-key="${writeKey}" async></script></head>`;
  const pages: Record<string, string> = {
    '/launch': `${head('Acme Arm – Q4 launch')}<body><h1>Meet the Acme Arm</h1><a href="/pricing">See pricing</a>
      <div data-tandem-form="${formId}"></div><script src="${tandem.url}/forms/embed.js" async></script></body></html>`,
    '/pricing': `${head('Pricing')}<body><h1>Pricing</h1><p>From $49,000.</p></body></html>`,
  };
  site = http.createServer((req, res) => {
    const html = pages[new URL(req.url ?? '/', 'http://site').pathname];
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
  return new Promise((resolve) =>
    site.listen(0, '127.0.0.1', () => {
      siteUrl = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
      resolve();
    }),
  );
}

const waitForBatch = (page: Page) => page.waitForResponse((r) => r.url() === `${tandem.url}/v1/batch` && r.ok(), { timeout: 15_000 });

beforeAll(async () => {
  tandem = await startTandem({ setup: [['init', '--workspace', 'Acme Robotics', '--email', EMAIL, '--password', PASSWORD]] });
  browser = await launchBrowser();
  apiKey = await createApiKey();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (site ? site.close(r) : r(undefined)));
  await tandem?.stop();
});

describe('marketing intake', () => {
  it('sets up a source and a form through the API', async () => {
    const source = await call<{ writeKey: string; installTag: string }>('POST', '/api/v1/sources', { name: 'Website' });
    expect(source.installTag).toContain(source.writeKey);
    const form = await call<{ id: string }>('POST', '/api/v1/forms', {
      name: 'Book a demo',
      fields: [
        { property: 'email', label: 'Work email', required: true },
        { property: 'firstName', label: 'First name', required: true },
        { property: 'lastName', label: 'Last name' },
        { property: 'company', label: 'Company' },
      ],
      consent: { text: 'Email me about Acme products.', required: true },
      submitLabel: 'Book my demo',
      thankYouMessage: 'Thanks! We will email you a time.',
    });
    formId = form.id;
    await startSite(source.writeKey);
    expect(new URL(siteUrl).origin).not.toBe(new URL(tandem.url).origin);
  });

  it('a visitor from a LinkedIn ad browses and fills the form, fixing a bad email', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await visitor.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    const sent = waitForBatch(page);
    await page.goto(`${siteUrl}/launch?${UTM}`, { referer: 'https://www.linkedin.com/feed/' });
    await sent;
    const sentPricing = waitForBatch(page);
    await page.getByRole('link', { name: 'See pricing' }).click();
    await sentPricing;
    await page.goBack();

    await page.getByLabel('Work email').fill('ada@lovelace');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Company').fill('Lovelace Labs');
    await page.getByLabel('Email me about Acme products.').check();
    await page.getByRole('button', { name: 'Book my demo' }).click();
    const error = page.locator('[data-field="email"] .tdm-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toBe('Work email is not a valid email address');

    await page.getByLabel('Work email').fill('ada@lovelace-labs.test');
    await page.getByRole('button', { name: 'Book my demo' }).click();
    await page.getByRole('status').getByText('Thanks! We will email you a time.').waitFor();
    expect(pageErrors).toEqual([]);
    await visitor.close();
  });

  it('tracking catches up: the contact has its touch, visit and form submission', async () => {
    // events go through the ingestion inbox and a background job: poll, bounded
    await expect
      .poll(
        async () => {
          const found = await call<{ data: Array<{ id: string }> }>('GET', '/api/v1/contacts?filter[email]=ada@lovelace-labs.test');
          if (!found.data[0]) return [];
          contactId = found.data[0].id;
          const timeline = await call<{ data: Array<{ kind: string }> }>('GET', `/api/v1/contacts/${contactId}/timeline`);
          return [...new Set(timeline.data.map((i) => i.kind))].sort();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toEqual(expect.arrayContaining(['form_submission', 'session', 'touch']));
    const touches = await call<{ data: Array<{ kind: string; channel: string; campaign: string; referrer: string }> }>(
      'GET',
      `/api/v1/touches?filter[contactId]=${contactId}&filter[kind]=visit`,
    );
    expect(touches.data[0]).toMatchObject({ channel: 'Paid Social', campaign: 'q4-launch', referrer: 'https://www.linkedin.com/feed/' });
  });

  let page: Page;

  it('the marketer sees where the contact came from and what they did', async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${tandem.url}/login`);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByTestId('contact-name').waitFor();
    expect(await page.getByTestId('original-source').textContent()).toContain('Original source: Paid Social · q4-launch');
    expect(await page.getByTestId('first-touch').textContent()).toContain('linkedin / paid_social');

    const timeline = page.getByTestId('record-timeline');
    const session = timeline.locator('[data-testid=timeline-item][data-kind=session]');
    await session.waitFor();
    expect(await session.textContent()).toMatch(/Visited \d pages, starting at \/launch/);
    expect(await session.getByTestId('touch-facts').textContent()).toMatch(/Paid Social.*q4-launch.*linkedin \/ paid_social/);
    expect(await session.getByTestId('session-pages').textContent()).toContain('/pricing');
    expect(await session.textContent()).toContain('from linkedin.com');

    const submission = timeline.locator('[data-testid=timeline-item][data-kind=form_submission]');
    expect(await submission.textContent()).toContain('Submitted Book a demo');
    await submission.getByTestId('submission-values').getByText('Work email: ada@lovelace-labs.test').waitFor();
    expect(await submission.getByTestId('touch-facts').textContent()).toContain('q4-launch');

    // filter by kind: only form submissions, then everything again
    await timeline.getByText('Form submissions', { exact: true }).click();
    await expect
      .poll(async () => [await timeline.locator('[data-testid=timeline-item][data-kind=session]').count(), await timeline.locator('[data-testid=timeline-item][data-kind=form_submission]').count()])
      .toEqual([0, 1]);
    await timeline.getByText('All', { exact: true }).click();
    await session.waitFor();
  });

  it('merges a duplicate into the contact, and the old page points at the survivor', async () => {
    const duplicate = await call<{ id: string }>('POST', '/api/v1/contacts', {
      email: 'ada.lovelace@personal.test',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '+44 20 7946 0000',
      tags: ['webinar'],
    });
    await call('POST', '/api/v1/notes', { contactId: duplicate.id, body: 'Asked about the robot arm at the booth.' });

    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Merge with…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Contact to merge with').fill('personal');
    await page.getByRole('option', { name: /ada\.lovelace@personal\.test/ }).click();
    const preview = dialog.getByTestId('merge-preview');
    await preview.waitFor();
    const phoneRow = preview.locator('tr', { hasText: 'Phone' });
    expect(await phoneRow.locator('td').last().textContent()).toBe('+44 20 7946 0000');
    const emailRow = preview.locator('tr', { hasText: 'Email' });
    expect(await emailRow.locator('td').last().textContent()).toBe('ada@lovelace-labs.test');
    await dialog.getByRole('button', { name: 'Merge contacts' }).click();

    await page.getByText('ada.lovelace@personal.test was merged into Ada Lovelace').waitFor();
    await page.waitForURL(`${tandem.url}/contacts/${contactId}`);
    const timeline = page.getByTestId('record-timeline');
    await timeline.getByText('Asked about the robot arm at the booth.').waitFor();
    await timeline.locator('[data-testid=timeline-item][data-kind=session]').waitFor();
    await page.getByText('Contacts merged').waitFor({ state: 'hidden', timeout: 15_000 });
    await timeline.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await screenshot(page, 'contact-timeline');

    // the account's timeline covers its contacts, and says whose each item is
    await page.getByRole('link', { name: 'Lovelace Labs' }).first().click();
    await page.getByTestId('account-name').waitFor();
    const accountSession = page.getByTestId('record-timeline').locator('[data-testid=timeline-item][data-kind=session]');
    await accountSession.getByRole('link', { name: 'Ada Lovelace' }).waitFor();

    await page.goto(`${tandem.url}/contacts/${duplicate.id}`);
    const notice = page.getByTestId('merged-notice');
    await notice.waitFor();
    await notice.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.waitForURL(`${tandem.url}/contacts/${contactId}`);
    await page.getByTestId('contact-name').waitFor();
  });

  it('the campaign appears on the Campaigns page', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Campaigns' }).click();
    await page.getByTestId('campaigns-table').getByRole('link', { name: 'q4-launch' }).waitFor();
  });
});
