// A first look at a populated workspace (`tandem demo`): every main screen renders real data. Also
// takes the README's screenshots, so they always show the current app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startTandem, type RunningTandem } from './support.ts';

let tandem: RunningTandem;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  tandem = await startTandem({ setup: [['demo', '--contacts', '2000']] });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${tandem.url}/login`);
  await page.getByLabel('Email').fill('demo@tandem.local');
  await page.getByLabel('Password', { exact: true }).fill('tandem-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
});
afterAll(async () => {
  await browser?.close();
  await tandem?.stop();
});

describe('demo workspace tour', () => {
  it('dashboard', async () => {
    await page.goto(tandem.url);
    await page.getByText('Contacts by lifecycle stage').waitFor();
    await expect.poll(() => page.locator('body').textContent()).toContain('2,000');
    await page.waitForTimeout(500);
    await screenshot(page, 'dashboard');
  });

  it('contacts list, filtered by stage', async () => {
    await page.goto(`${tandem.url}/contacts`);
    await page.getByTestId('contacts-table').waitFor();
    await expect.poll(() => page.getByTestId('list-range').textContent()).toContain('of 2,000');
    await screenshot(page, 'contacts');
    await page.goto(`${tandem.url}/contacts?filter[lifecycleStage][eq]=customer`);
    await expect.poll(async () => page.getByTestId('list-range').textContent()).not.toContain('of 2,000');
  });

  it('contact detail with custom fields and notes', async () => {
    await page.goto(`${tandem.url}/contacts?filter[lifecycleStage][eq]=customer`);
    await page.getByTestId('contacts-table').locator('tbody tr a').first().click();
    await page.getByTestId('contact-name').waitFor();
    await page.getByText('Custom fields').waitFor();
    await screenshot(page, 'contact-detail');
  });

  it('accounts and an account with its contacts', async () => {
    await page.goto(`${tandem.url}/accounts`);
    await page.locator('tbody tr').first().waitFor();
    await screenshot(page, 'accounts');
    // the biggest customer has the most to show
    await page.goto(`${tandem.url}/accounts?sort=-customFields.arr`);
    await page.locator('tbody tr a').first().click();
    await page.getByText('Contacts', { exact: false }).first().waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'account-detail');
  });

  it('settings: users, custom fields, API keys', async () => {
    await page.goto(`${tandem.url}/settings/users`);
    await page.getByTestId('members-table').waitFor();
    await screenshot(page, 'settings-users');
    await page.goto(`${tandem.url}/settings/custom-fields`);
    await page.getByTestId('custom-fields-table').waitFor();
    await screenshot(page, 'settings-custom-fields');
  });
});
