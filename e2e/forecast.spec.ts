// The forecast in a real browser: quotas set in the drawer, open deals of this quarter in their
// buckets; dragging a deal to "Closed won" on the board moves its amount into the forecast's closed
// won figure and the rep's attainment; the sales metrics page charts the result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot, startTandem, type RunningTandem } from './support.ts';

let tandem: RunningTandem;
let browser: Browser;
let page: Page;

async function api(method: 'GET' | 'POST', path: string, data?: unknown): Promise<any> {
  const session = await (await page.request.get(`${tandem.url}/api/v1/session`)).json();
  const res = await page.request.fetch(`${tandem.url}${path}`, { method, data, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

async function drag(card: Locator, target: Locator): Promise<void> {
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 16 });
  await page.mouse.up();
}

const nav = (name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name });
const figure = (testId: string) => page.getByTestId(`${testId}-value`).textContent();

beforeAll(async () => {
  tandem = await startTandem({
    setup: [['init', '--workspace', 'Globex', '--email', 'hank@globex.test', '--password', 'hammock district', '--name', 'Hank Scorpio']],
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
});
afterAll(async () => {
  await browser?.close();
  await tandem?.stop();
});

describe('forecast', () => {
  it('shows an empty quarter, then the deals expected to close in it', async () => {
    await page.goto(`${tandem.url}/login`);
    await page.getByLabel('Email').fill('hank@globex.test');
    await page.getByLabel('Password', { exact: true }).fill('hammock district');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));

    await nav('Forecast').click();
    await page.getByText(/Nothing is forecast for Q\d \d{4} yet/).waitFor();
    expect(await figure('closed-won')).toBe('$0');

    const today = new Date().toISOString().slice(0, 10);
    const stages = (await api('GET', '/api/v1/pipelines')).data[0].stages as Array<{ id: string; name: string }>;
    const stage = (name: string) => stages.find((s) => s.name === name)!.id;
    for (const d of [
      { name: 'Cypress Creek HQ', amount: 40000, forecastCategory: 'commit', stageId: stage('Negotiation') },
      { name: 'Doomsday device', amount: 25000, forecastCategory: 'best_case', stageId: stage('Proposal') },
      { name: 'Hammock District', amount: 8000, forecastCategory: 'pipeline', stageId: stage('Qualification') },
    ]) {
      await api('POST', '/api/v1/deals', { ...d, expectedCloseDate: today });
    }
    await page.reload();
    await expect.poll(() => figure('commit')).toBe('$40K');
    expect(await figure('best-case')).toBe('$25K');
    expect(await figure('pipeline')).toBe('$8K');
  });

  it('sets a quota in the drawer', async () => {
    await page.getByRole('button', { name: 'Set quotas' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('textbox', { name: 'Hank Scorpio' }).fill('100000');
    await drawer.getByRole('button', { name: 'Save quotas' }).click();
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('team-attainment').textContent()).toBe('0%');
  });

  it('a deal dragged to Closed won on the board lands in closed won and attainment', async () => {
    await nav('Deals').click();
    await page.getByTestId('deal-board').waitFor();
    await drag(page.locator('[data-testid=deal-card][data-deal-name="Hammock District"]'), page.locator('[data-testid=board-column][data-stage="Closed won"]'));
    const modal = page.getByRole('dialog');
    await modal.getByRole('radio', { name: 'Price and value' }).check();
    await modal.getByRole('button', { name: 'Mark as won' }).click();
    await modal.waitFor({ state: 'hidden' });

    await nav('Forecast').click();
    await expect.poll(() => figure('closed-won')).toBe('$8K');
    expect(await figure('pipeline')).toBe('$0');
    await expect.poll(() => page.getByTestId('team-attainment').textContent()).toBe('8%');
    await page.getByTestId('attainment-table').getByText('Hank Scorpio').waitFor();
    await screenshot(page, 'forecast');
  });

  it('charts the sales metrics', async () => {
    await page.getByRole('tab', { name: 'Sales metrics' }).click();
    await expect.poll(() => figure('win-rate')).toBe('100%');
    expect(await figure('average-deal')).toBe('$8K');
    expect(await figure('new-pipeline')).toBe('$73K');
    await page.getByLabel('Win rate per period').waitFor();
    await page.getByText('Deal won').waitFor({ state: 'hidden' }); // the board's toast, out of the picture
    await screenshot(page, 'sales-metrics');
  });
});
