// tandem.js in real Chromium: pages on another origin install the snippet served by a real Tandem
// server; what the visitor does must arrive at Tandem (read back through GET /api/v1/events), and
// without consent nothing may reach it.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support.ts';
import { createTestWorkspace, startTestServer, type TestServer, type TestWorkspace } from '../server/test/harness.ts';
import { processTrackingInbox } from '../server/tracking/inbox.ts';
import { STUB, startTestSite, type PageOptions, type TestSite } from './test-site.ts';
import { startNetworkSwitch } from './network-switch.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`tandem.js browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium)`);

/** Longer than the snippet's batching delay (~1 s): anything it would send has been sent by then. */
const SETTLE_MS = 2500;

// The page's globals, as page.evaluate callbacks see them (this file is type-checked without DOM types).
type BrowserStorage = { getItem(key: string): string | null };
declare const window: { tandem: Record<'identify' | 'track' | 'page' | 'consent' | 'reset', (...args: unknown[]) => void> };
declare const localStorage: BrowserStorage;
declare const sessionStorage: BrowserStorage;
declare const document: { cookie: string };
declare const location: { assign(url: string): void };

/** An event as GET /api/v1/events returns it. */
interface StoredEvent {
  type: string;
  event: string | null;
  messageId: string;
  anonymousId: string | null;
  userId: string | null;
  occurredAt: string;
  properties: Record<string, any>;
  traits: Record<string, any>;
  context: Record<string, any>;
}

it('the README shows the queue stub these tests paste into their pages', () => {
  expect(fs.readFileSync(new URL('README.md', import.meta.url), 'utf8')).toContain(STUB);
});

describe.skipIf(!hasChromium)('tandem.js in Chromium', { timeout: 120_000 }, () => {
  let tandem: TestServer;
  let browser: Browser;
  /** Requests that reached Tandem's /v1 endpoints: which page origin sent them, and how. */
  const hits: { origin: string | undefined; mode: string | undefined }[] = [];
  // each test: its own workspace and source, and its own site origin (so late requests of another
  // test's pages can never be counted as this one's)
  let workspace: TestWorkspace;
  let writeKey: string;
  let site: TestSite;
  let context: BrowserContext;
  let pageErrors: string[];

  beforeAll(async () => {
    [tandem, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    tandem.app.server.on('request', (req) => {
      if (req.url?.startsWith('/v1/')) hits.push({ origin: req.headers.origin, mode: req.headers['sec-fetch-mode'] as string | undefined });
    });
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), tandem?.close()]);
  });
  beforeEach(async () => {
    workspace = await createTestWorkspace(tandem);
    const source = await workspace.api.post('/api/v1/sources', { name: 'Website' });
    expect(source.status).toBe(201);
    writeKey = source.body.writeKey;
    site = await startTestSite();
    context = await browser.newContext();
    pageErrors = [];
  });
  afterEach(async () => {
    await context.close();
    await site.close();
    expect(pageErrors, 'errors on the page').toEqual([]);
  });

  /** Serves a page installing the snippet with this test's write key; returns its URL. */
  function sitePage(pathname: string, options: PageOptions = {}): string {
    site.page(pathname, tandem.url, writeKey, options);
    return site.url + pathname;
  }

  async function newPage(): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.text().startsWith('tandem.js')) pageErrors.push(message.text());
    });
    return page;
  }

  async function events(): Promise<StoredEvent[]> {
    await processTrackingInbox(tandem.database.db, workspace.workspaceId); // ingestion is processed in the background
    const res = await workspace.api.get('/api/v1/events?limit=500');
    expect(res.status).toBe(200);
    return res.body.data;
  }

  async function waitForEvent(what: string, match: (e: StoredEvent) => boolean): Promise<StoredEvent> {
    const deadline = Date.now() + 45_000; // generous: CI runs this beside the rest of the suite on two cores
    while (Date.now() < deadline) {
      const found = (await events()).find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`no event at Tandem: ${what}`);
  }
  const pageView = (path: string) => (e: StoredEvent) => e.type === 'page' && e.context.page?.path === path;

  const settle = (ms = SETTLE_MS) => new Promise((r) => setTimeout(r, ms));
  const hitsFromSite = () => hits.filter((h) => h.origin === site.url);
  const cookieNames = async () => (await context.cookies()).map((c) => c.name);

  it('sends the page view with its UTMs, click id and referrer under a first-party anonymous id', async () => {
    const page = await newPage();
    await page.goto(
      sitePage('/ad', {
        body: '<a href="/pricing?utm_source=newsletter&utm_medium=email&utm_campaign=spring-launch&utm_content=hero&utm_term=crm&gclid=G-123">Pricing</a>',
      }),
    );
    sitePage('/pricing', { title: 'Pricing', body: '<a href="/features">Features</a>' });
    await page.click('text=Pricing');
    const landing = page.url();
    const view = await waitForEvent('page view of /pricing', pageView('/pricing'));

    expect(view.context.page).toEqual({
      url: landing,
      path: '/pricing',
      referrer: `${site.url}/ad`,
      title: 'Pricing',
      search: new URL(landing).search,
    });
    expect(view.context.campaign).toEqual({
      source: 'newsletter',
      medium: 'email',
      name: 'spring-launch',
      content: 'hero',
      term: 'crm',
      gclid: 'G-123',
    });
    expect(view.properties).toMatchObject({ url: landing, path: '/pricing', referrer: `${site.url}/ad`, title: 'Pricing', gclid: 'G-123' });
    expect(view.context.library).toEqual({ name: 'tandem.js', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(view.context.userAgent).toContain('Chrome');
    expect(view.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(Date.now() - Date.parse(view.occurredAt))).toBeLessThan(60_000);
    expect(view.userId).toBeNull();
    // sent cross-origin from the site, as fetches (CORS) without credentials
    expect(hitsFromSite().length).toBeGreaterThan(0);

    // the visitor's id is a first-party cookie on the site, for a year, with a localStorage copy
    const cookie = (await context.cookies(site.url)).find((c) => c.name === 'tandem_aid');
    expect(cookie).toMatchObject({ value: view.anonymousId, sameSite: 'Lax', domain: '127.0.0.1' });
    expect(cookie!.expires * 1000 - Date.now()).toBeGreaterThan(364 * 86_400_000);
    expect(await page.evaluate(() => localStorage.getItem('tandem_aid'))).toBe(view.anonymousId);

    // the next page is the same visitor
    sitePage('/features');
    await page.click('text=Features');
    const next = await waitForEvent('page view of /features', pageView('/features'));
    expect(next.anonymousId).toBe(view.anonymousId);
    expect(next.context.page.referrer).toBe(landing);
    expect(next.context.campaign).toBeUndefined();
  });

  it('identifies the visitor and sends their track events, and remembers them on the next page', async () => {
    const page = await newPage();
    await page.goto(sitePage('/signup'));
    const view = await waitForEvent('page view', pageView('/signup'));
    await page.evaluate(() => {
      window.tandem.identify('user-42', { email: 'ada@example.com', name: 'Ada Lovelace' });
      window.tandem.track('Plan Selected', { plan: 'pro', seats: 5 });
    });
    const identify = await waitForEvent('identify', (e) => e.type === 'identify');
    expect(identify).toMatchObject({
      userId: 'user-42',
      anonymousId: view.anonymousId,
      traits: { email: 'ada@example.com', name: 'Ada Lovelace' },
    });
    const track = await waitForEvent('track', (e) => e.event === 'Plan Selected');
    expect(track).toMatchObject({ type: 'track', userId: 'user-42', anonymousId: view.anonymousId, properties: { plan: 'pro', seats: 5 } });
    expect(track.context.page.path).toBe('/signup');

    await page.reload();
    const again = await waitForEvent('page view after reload', (e) => pageView('/signup')(e) && e.messageId !== view.messageId);
    expect(again).toMatchObject({ userId: 'user-42', anonymousId: view.anonymousId });

    // reset() (signing out) forgets the user and starts a new anonymous visitor
    await page.evaluate(() => {
      window.tandem.reset();
      window.tandem.track('Signed Out');
    });
    const after = await waitForEvent('track after reset', (e) => e.event === 'Signed Out');
    expect(after.userId).toBeNull();
    expect(after.anonymousId).not.toBe(view.anonymousId);
  });

  it('refuses an event whose data is not JSON without throwing, and keeps sending the others', async () => {
    const page = await newPage();
    await page.goto(sitePage('/robust'));
    const threw = await page.evaluate(() => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      try {
        window.tandem.track('Circular', circular);
        window.tandem.track('After Circular');
        return false;
      } catch {
        return true;
      }
    });
    expect(threw).toBe(false);
    await waitForEvent('the next event', (e) => e.event === 'After Circular');
    expect((await events()).map((e) => e.event ?? e.type)).not.toContain('Circular');
    expect(pageErrors.splice(0)).toEqual(['tandem.js: track not sent: its data cannot be turned into JSON']);
  });

  it('keeps calls made before the script loaded and sends them', async () => {
    const page = await newPage();
    await page.goto(
      sitePage('/early', {
        beforeLoad: `tandem.identify('early-bird', { plan: 'trial' }); tandem.track('Hero Viewed', { variant: 'b' });`,
      }),
    );
    const track = await waitForEvent('queued track', (e) => e.event === 'Hero Viewed');
    expect(track).toMatchObject({ userId: 'early-bird', properties: { variant: 'b' } });
    const identify = await waitForEvent('queued identify', (e) => e.type === 'identify');
    expect(identify).toMatchObject({ userId: 'early-bird', traits: { plan: 'trial' } });
    // identify ran before the automatic page view, so the view is already the user's
    const view = await waitForEvent('page view', pageView('/early'));
    expect(view.userId).toBe('early-bird');
  });

  it('sends nothing after consent(false), even on later pages, until consent(true)', async () => {
    const page = await newPage();
    await page.goto(sitePage('/refused', { beforeLoad: 'tandem.consent(false);', body: '<a href="/later">Later</a>' }));
    await page.evaluate(() => {
      window.tandem.identify('refuser', { email: 'no@example.com' });
      window.tandem.track('Should Not Be Sent');
    });
    // a later page makes no consent call: the refusal was remembered
    sitePage('/later');
    await page.click('text=Later');
    await page.evaluate(() => window.tandem.track('Still Not Sent'));
    await page.goto('about:blank'); // leaving a page beacons whatever waits
    await settle();
    expect(hitsFromSite(), 'requests that reached Tandem').toEqual([]);
    expect(await cookieNames()).toEqual([]);

    await page.goto(`${site.url}/later`);
    await page.evaluate(() => {
      window.tandem.consent(true);
      window.tandem.track('Consented');
    });
    const track = await waitForEvent('track after consent(true)', (e) => e.event === 'Consented');
    expect((await context.cookies(site.url)).find((c) => c.name === 'tandem_aid')?.value).toBe(track.anonymousId);
    expect((await events()).map((e) => e.event)).toEqual(['Consented']);
  });

  it('with data-consent="pending" writes and sends nothing until consent(true), then sends the page view', async () => {
    const page = await newPage();
    await page.goto(sitePage('/pending', { attributes: 'data-consent="pending"' }));
    await settle();
    expect(hitsFromSite(), 'requests that reached Tandem').toEqual([]);
    expect(await cookieNames()).toEqual([]);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

    await page.evaluate(() => window.tandem.consent(true));
    const view = await waitForEvent('page view held until consent', pageView('/pending'));
    expect(await cookieNames()).toEqual(['tandem_aid']);
    expect(await page.evaluate(() => localStorage.getItem('tandem_aid'))).toBe(view.anonymousId);
  });

  it('in cookieless mode sets no cookie and keeps the visitor for the tab only', async () => {
    const page = await newPage();
    await page.goto(sitePage('/cookieless', { attributes: 'data-cookieless', body: '<a href="/cookieless-2">Next</a>' }));
    const view = await waitForEvent('page view', pageView('/cookieless'));
    sitePage('/cookieless-2', { attributes: 'data-cookieless' });
    await page.click('text=Next');
    const next = await waitForEvent('second page view', pageView('/cookieless-2'));
    expect(next.anonymousId).toBe(view.anonymousId);
    expect(await cookieNames()).toEqual([]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem('tandem_aid'))).toBe(view.anonymousId);

    // another tab is another visitor
    const other = await newPage();
    await other.goto(`${site.url}/cookieless`);
    const otherView = await waitForEvent('page view in a new tab', (e) => pageView('/cookieless')(e) && e.messageId !== view.messageId);
    expect(otherView.anonymousId).not.toBe(view.anonymousId);
  });

  it('sends what is waiting with sendBeacon when the visitor leaves the page', async () => {
    const page = await newPage();
    await page.goto(sitePage('/leaving'));
    await waitForEvent('page view', pageView('/leaving'));
    const before = hitsFromSite().length;
    // the batch would leave after ~1 s; the visitor is gone long before that
    await page.evaluate(() => {
      window.tandem.track('Outbound Link Clicked', { href: 'https://elsewhere.example/' });
      location.assign('about:blank');
    });
    await page.waitForURL('about:blank');
    const track = await waitForEvent('track sent on leaving', (e) => e.event === 'Outbound Link Clicked');
    expect(track.properties).toEqual({ href: 'https://elsewhere.example/' });
    // a beacon goes out in no-cors mode (the snippet's fetches are cors)
    expect(
      hitsFromSite()
        .slice(before)
        .map((h) => h.mode),
    ).toEqual(['no-cors']);
  });

  it('retries failed sends, and keeps unsent events across a reload', async () => {
    const network = await startNetworkSwitch(tandem.url);
    try {
      network.down();
      const page = await newPage();
      await page.goto(sitePage('/offline', { attributes: `data-api-host="${network.url}"` }));
      await page.evaluate(() => window.tandem.track('Sent While Offline'));
      await expect.poll(() => network.refused, { timeout: 10_000 }).toBeGreaterThanOrEqual(2); // tried again
      const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('tandem_queue') ?? '[]') as { event?: string }[]);
      expect(saved.map((e) => e.event ?? 'page view')).toEqual(['page view', 'Sent While Offline']);

      await page.reload(); // the beacon on leaving is refused too
      await settle(1000);
      expect(hitsFromSite(), 'requests that reached Tandem while offline').toEqual([]);
      network.up();
      const track = await waitForEvent('event from before the reload', (e) => e.event === 'Sent While Offline');
      const views = async () => (await events()).filter(pageView('/offline'));
      await expect.poll(async () => (await views()).length, { timeout: 15_000 }).toBe(2);
      expect((await views()).every((v) => v.anonymousId === track.anonymousId)).toBe(true);
      await expect.poll(() => page.evaluate(() => localStorage.getItem('tandem_queue'))).toBeNull();
    } finally {
      await network.close();
    }
  });

  it('works where cookies and storage are blocked (a sandboxed iframe)', async () => {
    const page = await newPage();
    sitePage('/framed', { title: 'Framed' });
    site.page('/frame-host', tandem.url, writeKey, {
      withoutSnippet: true,
      body: '<iframe sandbox="allow-scripts" src="/framed"></iframe>',
    });
    await page.goto(`${site.url}/frame-host`);
    const view = await waitForEvent('page view from the sandboxed frame', pageView('/framed'));
    expect(view.anonymousId).toMatch(/^[0-9a-f-]{36}$/);
    const frame = page.frames().find((f) => f.url().endsWith('/framed'))!;
    const cookieAccess = await frame.evaluate(() => {
      try {
        return document.cookie;
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(cookieAccess).toBe('SecurityError');
  });
});
