// A rep's day in a real browser: log a call and add a task on a contact (with inline validation),
// schedule a meeting, then work through My work: an overdue task shows in the nav badge, is done
// with one click and comes back with Undo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startTandem, type RunningTandem } from './support.ts';

let tandem: RunningTandem;
let browser: Browser;
let page: Page;
let contactId: string;

/** Calls the API as the signed-in user (the page's cookie, the session's CSRF token). */
async function apiPost(path: string, data: unknown): Promise<any> {
  const session = await (await page.request.get(`${tandem.url}/api/v1/session`)).json();
  const res = await page.request.post(`${tandem.url}${path}`, { data, headers: { 'x-csrf-token': session.csrfToken } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

beforeAll(async () => {
  tandem = await startTandem({
    setup: [['init', '--workspace', 'Globex', '--email', 'ada@globex.test', '--password', 'sell sell sell']],
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
}, 600_000); // the first start builds the web app
afterAll(async () => {
  await browser?.close();
  await tandem?.stop();
});

describe('activities and My work', () => {
  it('signs in to an empty My work', async () => {
    await page.goto(`${tandem.url}/login`);
    await page.getByLabel('Email').fill('ada@globex.test');
    await page.getByLabel('Password', { exact: true }).fill('sell sell sell');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My work' }).click();
    await page.getByTestId('my-work-empty').waitFor();
    expect(await page.getByTestId('overdue-badge').count()).toBe(0);
  });

  it('logs a call on a contact', async () => {
    const account = await apiPost('/api/v1/accounts', { name: 'Globex Corp', domain: 'globex-corp.test' });
    contactId = (await apiPost('/api/v1/contacts', { email: 'hank@globex-corp.test', firstName: 'Hank', lastName: 'Scorpio', accountId: account.id })).id;
    await page.goto(`${tandem.url}/contacts/${contactId}`);
    const panel = page.getByTestId('record-activities');
    await panel.getByTestId('activities-empty').waitFor();
    await panel.getByRole('button', { name: 'Log activity' }).click();
    const composer = panel.getByTestId('activity-composer');
    await composer.getByLabel('Outcome').first().click();
    await page.getByRole('option', { name: 'Connected' }).click();
    await composer.getByRole('textbox', { name: 'Duration' }).fill('four minutes');
    await composer.getByRole('button', { name: 'Log call' }).click();
    await composer.getByText('Use minutes (5) or m:ss (4:30)').waitFor();
    await composer.getByRole('textbox', { name: 'Duration' }).fill('4:30');
    await composer.getByRole('textbox', { name: 'Notes' }).fill('Wants pricing for 40 seats.');
    await composer.getByRole('button', { name: 'Log call' }).click();
    const logged = panel.getByTestId('activities-logged');
    await logged.getByText('Call with Hank Scorpio').waitFor();
    await logged.getByText('Call · Connected · 4:30').waitFor();
    await logged.getByText('Wants pricing for 40 seats.').waitFor();
  });

  it('adds a task, refusing one without a subject', async () => {
    const panel = page.getByTestId('record-activities');
    await panel.getByRole('button', { name: 'Log activity' }).click();
    const composer = panel.getByTestId('activity-composer');
    await composer.getByRole('radiogroup', { name: 'Activity type' }).getByText('Task', { exact: true }).click();
    await composer.getByRole('button', { name: 'Add task' }).click();
    await composer.getByText('Say what needs doing').waitFor();
    await composer.getByRole('textbox', { name: 'Subject' }).fill('Send the proposal');
    await composer.getByLabel('Due').first().click();
    await page.getByRole('button', { name: 'Tomorrow 9 AM' }).click();
    await composer.getByRole('button', { name: 'Add task' }).click();
    const ahead = panel.getByTestId('activities-ahead');
    await ahead.getByText('Send the proposal').waitFor();
    await ahead.getByText(/Tomorrow 9:00 AM/).waitFor();
  });

  it('schedules a meeting with the contact attending', async () => {
    const panel = page.getByTestId('record-activities');
    await panel.getByRole('button', { name: 'Log activity' }).click();
    const composer = panel.getByTestId('activity-composer');
    await composer.getByRole('radiogroup', { name: 'Activity type' }).getByText('Meeting', { exact: true }).click();
    await composer.getByRole('textbox', { name: 'Title' }).fill('Pricing walkthrough');
    await composer.getByRole('textbox', { name: 'Location' }).fill('Zoom');
    await composer.getByRole('button', { name: 'Schedule meeting' }).click();
    const ahead = panel.getByTestId('activities-ahead');
    await ahead.getByText('Pricing walkthrough').waitFor();
    await ahead.getByText(/Meeting · Zoom · Hank Scorpio/).waitFor();
    await screenshot(page, 'contact-activities');
  });

  it('shows an overdue task in the nav badge and in My work, done in one click and undone', async () => {
    await apiPost('/api/v1/activities', {
      type: 'task',
      subject: 'Chase the signed order form',
      contactId,
      dueAt: new Date(Date.now() - 26 * 3_600_000).toISOString(),
    });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My work' }).click();
    const overdue = page.getByTestId('my-work-overdue');
    await overdue.getByText('Chase the signed order form').waitFor();
    await overdue.getByRole('link', { name: 'Hank Scorpio' }).waitFor();
    await page.getByTestId('my-work-upcoming').getByText('Send the proposal').waitFor();
    await page.reload();
    await expect.poll(() => page.getByTestId('overdue-badge').textContent()).toBe('1');
    await overdue.getByText('Chase the signed order form').waitFor();
    await screenshot(page, 'my-work');

    await overdue.getByRole('checkbox', { name: 'Mark “Chase the signed order form” done' }).click();
    await overdue.getByText('Nothing overdue. Nice.').waitFor();
    await expect.poll(() => page.getByTestId('overdue-badge').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await overdue.getByText('Chase the signed order form').waitFor();
    await expect.poll(() => page.getByTestId('overdue-badge').textContent()).toBe('1');
  });
});
