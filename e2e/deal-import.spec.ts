// Bringing a pipeline from another CRM: from the deals page, import a HubSpot-style deals CSV through
// the wizard, map a stage name Tandem does not have and a former rep, and see the deals on the board.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startTandem, type RunningTandem } from './support.ts';

const SLOW = { timeout: 20_000, interval: 200 };

let tandem: RunningTandem;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  tandem = await startTandem({
    setup: [['init', '--workspace', 'Initech', '--email', 'bill@initech.test', '--password', 'tps reports']],
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await tandem?.stop();
});

const column = (stage: string) => page.locator(`[data-testid=board-column][data-stage="${stage}"]`);
const count = (stage: string) => column(stage).getByTestId('column-count').textContent();

describe('deal import', () => {
  it('imports a deals CSV with a stage-mapping step and shows the deals on the board', async () => {
    await page.goto(`${tandem.url}/login`);
    await page.getByLabel('Email').fill('bill@initech.test');
    await page.getByLabel('Password', { exact: true }).fill('tps reports');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deals' }).click();
    await page.getByTestId('deal-board').waitFor();
    await page.getByRole('link', { name: 'Import deals' }).click();
    await page.waitForURL(/objectType=deal/);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-deals-')), 'hubspot-deals.csv');
    fs.writeFileSync(
      file,
      'Deal Name,Amount,Deal Stage,Deal owner,Create Date,Close Date,Associated Company\n' +
        'Penetrode rollout,12000,Proposal,,2025-03-01,2026-09-30,Initech\n' +
        'TPS overhaul,5000,Demo Scheduled,,2025-04-01,2026-10-15,Initech\n' +
        'Jump to Conclusions,800,Closed Won,Former Rep,2025-01-10,2025-02-20,Chotchkies\n' +
        'Broken row,100,Proposal,,not a date,,\n',
    );
    await page.setInputFiles('[data-testid=import-dropzone] input[type=file]', file);
    await page.getByTestId('mapping-table').waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Import column Deal Stage into' }).inputValue()).toMatch(/Stage/);
    await page.getByRole('button', { name: 'Continue to stages and owners' }).click();

    // the stage and the rep the workspace does not know
    await page.getByTestId('values-table').waitFor(SLOW);
    await page.getByRole('combobox', { name: 'Stage for Demo Scheduled' }).click();
    await page.getByRole('option', { name: 'Discovery' }).click();
    await page.getByRole('combobox', { name: 'Owner for Former Rep' }).click();
    await page.getByRole('option', { name: 'Create as an inactive user' }).click();
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByText('Each valid row creates a').waitFor();
    await page.getByRole('button', { name: 'Start import' }).click();

    await page.locator('[data-testid=import-run][data-status=completed]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-created').textContent()).toContain('3');
    expect(await page.getByTestId('import-failed').textContent()).toContain('1');

    await page.getByRole('link', { name: 'View deals' }).click();
    await page.getByTestId('deal-board').waitFor();
    await expect.poll(() => count('Proposal'), SLOW).toBe('1 deal');
    await expect.poll(() => count('Discovery'), SLOW).toBe('1 deal');
    await page.locator('[data-testid=deal-card][data-deal-name="TPS overhaul"]').waitFor();
    await page.locator('[data-testid=deal-card][data-deal-name="Penetrode rollout"]').waitFor();
  });
});
