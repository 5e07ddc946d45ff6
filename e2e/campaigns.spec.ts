// Marketing's setup screens in a real browser: plan a campaign, build a tagged link for it, then
// teach the channel rules a new channel and check a sample URL lands in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startTandem, type RunningTandem } from './support.ts';

let tandem: RunningTandem;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  tandem = await startTandem({
    setup: [['init', '--workspace', 'Acme Robotics', '--email', 'mia@acme-robotics.test', '--password', 'marketing rocks']],
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await tandem?.stop();
});

describe('campaigns and channels', () => {
  it('signs in and finds no campaigns yet', async () => {
    await page.goto(`${tandem.url}/login`);
    await page.getByLabel('Email').fill('mia@acme-robotics.test');
    await page.getByLabel('Password', { exact: true }).fill('marketing rocks');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Campaigns' }).click();
    await page.getByText('No campaigns yet').waitFor();
  });

  it('plans a campaign, with inline validation', async () => {
    await page.getByRole('button', { name: 'New campaign' }).click();
    const form = page.getByTestId('campaign-form');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await form.getByText('Name is required').waitFor();
    await form.getByRole('textbox', { name: 'Name' }).fill('Spring Launch 2026');
    await form.getByRole('textbox', { name: 'Description' }).fill('LinkedIn push for the new robot arm');
    await form.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'Paid Social' }).click();
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByTestId('campaign-name').waitFor();
    expect(await page.getByTestId('campaign-name').textContent()).toBe('Spring Launch 2026');
    expect(await page.getByTestId('copy-value').first().textContent()).toBe('spring launch 2026');
  });

  it('builds a tagged link and says which channel it counts as', async () => {
    await page.getByRole('textbox', { name: 'Page URL' }).fill('https://acme-robotics.test/arm');
    await page.getByRole('textbox', { name: 'Source' }).fill('linkedin');
    await page.getByRole('textbox', { name: 'Medium' }).fill('cpc');
    await expect
      .poll(() => page.getByTestId('copy-value').nth(1).textContent())
      .toBe('https://acme-robotics.test/arm?utm_source=linkedin&utm_medium=cpc&utm_campaign=spring+launch+2026');
    await page.getByText('Counts as').locator('..').getByText('Paid Social').waitFor();
    await screenshot(page, 'campaign-detail');
  });

  it('lists it with its channel, and finds it by search', async () => {
    await page.getByRole('link', { name: 'Campaigns' }).first().click();
    await page.getByTestId('campaigns-table').getByRole('link', { name: 'Spring Launch 2026' }).waitFor();
    await page.getByRole('textbox', { name: 'Search campaigns' }).fill('nothing like this');
    await page.getByText('No campaigns match').waitFor();
    await page.getByRole('textbox', { name: 'Search campaigns' }).fill('spring');
    await page.getByTestId('campaigns-table').getByText('Paid Social').waitFor();
    await screenshot(page, 'campaigns');
  });

  it('adds a channel rule, tests it before saving, and saves it', async () => {
    await page.goto(`${tandem.url}/settings/channels`);
    await page.getByText('Default rules', { exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Landing URL' }).fill('https://acme-robotics.test/?utm_source=hardware-fm&utm_medium=audio');
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect.poll(() => page.getByTestId('channel-test-result').textContent()).toContain('no rule matched');

    await page.getByRole('button', { name: 'Add rule' }).click();
    const form = page.getByTestId('channel-rule-form');
    await form.getByRole('combobox', { name: 'Channel' }).fill('Podcasts');
    await form.getByText('When all of these hold').click();
    await form.getByRole('combobox', { name: 'Patterns' }).fill('audio');
    await form.getByRole('combobox', { name: 'Patterns' }).press('Enter');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await page.getByText('Unsaved changes').waitFor();

    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await expect.poll(() => page.getByTestId('channel-test-result').textContent()).toContain('Podcastsrule 1 matched');
    await page.getByRole('heading', { name: 'Settings' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-channels');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByText('Channel rules saved').waitFor();

    await page.reload();
    await page.getByTestId('channel-rule-row').first().getByText('Podcasts').waitFor();
    expect(await page.getByText('Default rules', { exact: true }).count()).toBe(0);
  });

  it('resets to the default rules', async () => {
    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    await page.getByTestId('confirm-button').click();
    await page.getByText('Default rules', { exact: true }).waitFor();
    expect(await page.getByTestId('channel-rule-row').first().textContent()).toContain('Email');
  });
});
