// A rep's pipeline in a real browser: create a deal with the form (inline validation first), drag
// deals across the board; a drop on "Closed lost" that is cancelled moves nothing, a drop on
// "Closed won" asks for the reason, and the column totals follow; the deal page shows the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, startTandem, type RunningTandem } from './support.ts';

/** Polls wait for the server and the re-rendered board; CI machines are slow and busy. */
const SLOW = { timeout: 20_000, interval: 200 };

let tandem: RunningTandem;
let browser: Browser;
let page: Page;

/** Calls the API as the signed-in user (the page's cookie, the session's CSRF token). */
async function apiPost(path: string, data: unknown): Promise<any> {
  const session = await (await page.request.get(`${tandem.url}/api/v1/session`)).json();
  const res = await page.request.post(`${tandem.url}${path}`, { data, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

const column = (stage: string) => page.locator(`[data-testid=board-column][data-stage="${stage}"]`);
const count = (stage: string) => column(stage).getByTestId('column-count').textContent();
const amount = (stage: string) => column(stage).getByTestId('column-amount').textContent();

/** Drags with real pointer events, in steps, as a person would (dnd-kit needs movement to start). */
async function drag(card: Locator, target: Locator): Promise<void> {
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 16 });
  await page.mouse.up();
}

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

describe('deals board', () => {
  it('signs in and creates a deal with the form', async () => {
    await page.goto(`${tandem.url}/login`);
    await page.getByLabel('Email').fill('bill@initech.test');
    await page.getByLabel('Password', { exact: true }).fill('tps reports');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deals' }).click();
    await page.getByTestId('deal-board').waitFor();

    await page.getByRole('button', { name: 'New deal' }).click();
    const form = page.getByTestId('deal-form');
    await form.getByRole('button', { name: 'Create deal' }).click();
    await form.getByText('Name the deal').waitFor(); // inline, nothing sent
    await form.getByRole('textbox', { name: 'Deal name' }).fill('Penetrode rollout');
    await form.getByRole('textbox', { name: 'Amount' }).fill('12000');
    await form.getByRole('button', { name: 'Create deal' }).click();
    await expect.poll(() => page.getByTestId('deal-name').textContent(), SLOW).toContain('Penetrode rollout');
    await expect.poll(() => page.getByTestId('deal-amount').textContent(), SLOW).toContain('$12,000');
  });

  it('a drop on a lost stage asks why; cancelling leaves the deal where it was', async () => {
    await apiPost('/api/v1/deals', { name: 'Chotchkie’s POS', amount: 3000 });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Deals' }).click();
    await page.getByTestId('deal-board').waitFor();
    await expect.poll(() => count('Qualification'), SLOW).toBe('2 deals');
    await expect.poll(() => amount('Qualification'), SLOW).toBe('$15K');

    await drag(page.locator('[data-testid=deal-card][data-deal-name="Chotchkie’s POS"]'), column('Closed lost'));
    const modal = page.getByRole('dialog');
    await modal.getByText('Why was it lost?').waitFor();
    await modal.getByRole('button', { name: 'Cancel' }).click();
    await modal.waitFor({ state: 'hidden' });
    expect(await count('Qualification')).toBe('2 deals');
    expect(await count('Closed lost')).toBe('0 deals');
  });

  it('drags a deal to Closed won, picks a reason, and the column totals change', async () => {
    await drag(page.locator('[data-testid=deal-card][data-deal-name="Penetrode rollout"]'), column('Closed won'));
    const modal = page.getByRole('dialog');
    await modal.getByText('What won it?').waitFor();
    await modal.getByRole('button', { name: 'Mark as won' }).click();
    await modal.getByText('Pick why this deal was won').waitFor(); // the reason is required
    await modal.getByRole('radio', { name: 'Price and value' }).check();
    await modal.getByRole('button', { name: 'Mark as won' }).click();

    await expect.poll(() => count('Closed won'), SLOW).toBe('1 deal');
    await expect.poll(() => amount('Closed won'), SLOW).toBe('$12K');
    await expect.poll(() => count('Qualification'), SLOW).toBe('1 deal');
    await expect.poll(() => amount('Qualification'), SLOW).toBe('$3K');
    await column('Closed won').getByText('Penetrode rollout').waitFor();
    // the server agrees once the board reloads
    await page.reload();
    await expect.poll(() => count('Closed won'), SLOW).toBe('1 deal');
    await screenshot(page, 'deals-board');
  });

  it('the deal page shows the win, its reason and the stage history', async () => {
    await column('Closed won').getByRole('link', { name: 'Penetrode rollout' }).click();
    await page.getByText('Price and value').first().waitFor();
    const history = page.getByTestId('deal-history');
    await history.getByText('Qualification → Closed won').waitFor();
    await history.getByText('Created in Qualification').waitFor();
    await page.getByTestId('deal-timeline').getByText('Moved from Qualification to Closed won').waitFor();
    await screenshot(page, 'deal-detail');
  });

  it('deleting the deal from its page can be undone, back to the same page', async () => {
    const dealUrl = page.url();
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete deal' }).click();
    await page.getByRole('dialog').getByText('You can undo right after deleting').waitFor();
    await page.getByTestId('confirm-button').click();
    await page.getByText('Penetrode rollout deleted').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/deals');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Deal restored').waitFor();
    await expect.poll(() => page.url()).toBe(dealUrl);
    await page.getByTestId('deal-history').getByText('Qualification → Closed won').waitFor();
  });

  it('lists the same deals, sortable', async () => {
    await page.goto(`${tandem.url}/deals?view=list&sort=-amount`);
    const rows = page.getByTestId('deals-table').locator('tbody tr');
    await page.getByTestId('deals-table').getByRole('link', { name: 'Chotchkie’s POS' }).waitFor();
    await expect.poll(() => rows.count(), SLOW).toBe(2);
    expect(await rows.first().textContent()).toContain('Penetrode rollout');
    await screenshot(page, 'deals-list');
  });

  it('deleting a stage that holds a deal asks where it goes, and the board follows', async () => {
    await page.goto(`${tandem.url}/settings/pipelines`);
    await page.getByTestId('stage-row').first().waitFor();
    await page.getByText('1 deal', { exact: true }).first().waitFor(); // counts loaded
    await expect.poll(() => page.getByTestId('stage-row').count(), SLOW).toBe(6);
    await screenshot(page, 'settings-pipelines');
    await page.getByRole('button', { name: 'Delete Qualification' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByRole('button', { name: 'Delete stage' }).click();
    await modal.getByText('Pick where the deals go').waitFor();
    await modal.getByRole('combobox', { name: 'Move deals to' }).click();
    await page.getByRole('option', { name: 'Discovery' }).click();
    await modal.getByRole('button', { name: 'Delete stage' }).click();
    await expect.poll(() => page.getByTestId('stage-row').count(), SLOW).toBe(5);
    await page.goto(`${tandem.url}/deals`);
    await expect.poll(() => count('Discovery'), SLOW).toBe('1 deal');
    expect(await column('Qualification').count()).toBe(0);
  });
});
