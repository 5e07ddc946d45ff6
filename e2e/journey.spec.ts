// The first hour of a new team: onboarding → create a contact → import a CSV → search → open the
// contact → sign out and back in. Real server, real Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startTandem, type RunningTandem } from './support.ts';

let tandem: RunningTandem;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  tandem = await startTandem();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await tandem?.stop();
});

describe('a new workspace, end to end', () => {
  it('onboards the first admin', async () => {
    await page.goto(tandem.url);
    await page.waitForURL(/\/onboarding$/);
    await screenshot(page, 'onboarding');
    await page.getByLabel('Workspace name').fill('Acme Robotics');
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await page.getByLabel('Work email').fill('ada@acme-robotics.test');
    await page.getByLabel('Password', { exact: true }).fill('analytical engine');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(`${tandem.url}/`);
    await expect.poll(() => page.getByTestId('workspace-name').textContent()).toContain('Acme Robotics');
  });

  it('creates a contact', async () => {
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByTestId('contacts-empty').waitFor();
    await page.getByRole('button', { name: 'New contact' }).click();
    await page.getByRole('textbox', { name: 'First name' }).fill('Marge');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Simpson');
    await page.getByRole('textbox', { name: 'Email' }).fill('marge@springfield.test');
    await page.getByTestId('contact-form').getByRole('button', { name: 'Create contact' }).click();
    await page.getByRole('link', { name: 'Marge Simpson' }).waitFor();
  });

  it('imports a CSV (HubSpot headers) and reports the bad row', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-csv-')), 'hubspot-contacts.csv');
    fs.writeFileSync(
      file,
      'First Name,Last Name,Email,Job Title,Lifecycle Stage,Company Name\n' +
        'Homer,Simpson,homer@springfield.test,Safety Inspector,Lead,Springfield Nuclear\n' +
        'Ned,Flanders,ned@leftorium.test,Owner,Customer,Leftorium\n' +
        'Moe,Szyslak,moe@moes.test,Bartender,Subscriber,\n' +
        'Broken,Row,not-an-email,,,\n' +
        'Marge,Simpson,marge@springfield.test,Homemaker,,\n',
    );
    await page.getByRole('link', { name: 'Import CSV' }).first().click();
    await page.setInputFiles('[data-testid=import-dropzone] input[type=file]', file);
    await page.getByTestId('mapping-table').waitFor();
    // the HubSpot headers were recognised
    await expect.poll(() => page.getByRole('combobox', { name: 'Import column Email into' }).inputValue()).toMatch(/email/i);
    await screenshot(page, 'import-mapping');
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.locator('[data-testid=import-run][data-status=completed]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-created').textContent()).toContain('3');
    expect(await page.getByTestId('import-updated').textContent()).toContain('1');
    expect(await page.getByTestId('import-failed').textContent()).toContain('1');
    await screenshot(page, 'import-done');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download error report' }).click()]);
    const report = fs.readFileSync((await download.path())!, 'utf8');
    expect(report).toContain('not-an-email');
    await page.getByRole('link', { name: 'View contacts' }).click();
    await page.getByTestId('contacts-table').waitFor();
    await expect.poll(() => page.getByTestId('list-range').textContent()).toContain('of 4');
  });

  it('searches and opens the contact, with the fields the import filled in', async () => {
    await page.getByRole('textbox', { name: 'Search contacts' }).fill('flanders');
    await page.waitForURL(/q=flanders/);
    await expect.poll(() => page.getByTestId('list-range').textContent()).toContain('of 1');
    await page.getByRole('link', { name: 'Ned Flanders' }).click();
    await expect.poll(() => page.getByTestId('contact-name').textContent()).toContain('Ned Flanders');
    await page.getByText('Leftorium').first().waitFor();
    await page.getByText('Owner').first().waitFor();
    await screenshot(page, 'contact-detail-new');
  });

  it('signs out, refuses a wrong password, and signs back in', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill('ada@acme-robotics.test');
    await page.getByLabel('Password', { exact: true }).fill('difference engine');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Wrong email or password');
    await page.getByLabel('Password', { exact: true }).fill('analytical engine');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => page.getByTestId('workspace-name').textContent()).toContain('Acme Robotics');
  });
});
