// Northwind's marketing campaigns over the demo window, with the tagged links they put out: always-on
// paid search and retargeting, a webinar series per quarter (from the marketing calendar), a yearly
// research report and an ebook with launch bursts, the monthly newsletter, a campaign per trade show
// and the partner program. Each campaign says when its traffic comes (bursts around launches and
// webinars) and what a click on one of its links looks like; the utm_campaign values match the
// campaign records the step writes. Pure.
import type { Rng } from '../random.ts';
import { DAY, isoDate, type Timeline } from '../timeline.ts';
import type { MarketingEvent } from '../marketing-calendar.ts';
import { eventPage, formOnPage, newsletterLanding, type FormKey } from './website-site.ts';

/** How a visit starts: the landing page, the query its link carried, and the referrer. */
export interface Arrival {
  landing: string;
  query: Array<[string, string]>;
  referrer: string | null;
  campaign: DemoCampaign | null;
}

export interface DemoCampaign {
  /** The utm_campaign value (already lower-case): the campaign record's name_key. */
  key: string;
  name: string;
  channel: string;
  description: string;
  status: 'active' | 'completed';
  startDate: string;
  endDate: string | null;
  /** Its traffic falls in [from, to] (ms). */
  from: number;
  to: number;
  /** Relative number of visits it brings over its life. */
  weight: number;
  /** When one of its clicks happens. */
  sampleTime(rng: Rng): number;
  /** A click on one of its links at `at`. */
  arrive(rng: Rng, at: number): Arrival;
  /** The form its main landing page carries. */
  form: FormKey | null;
}

const HOUR = 3_600_000;

const gclid = (rng: Rng) => `Cj0KCQiA${randomToken(rng, 40)}`;
const liFatId = (rng: Rng) => rngUuid(rng);
const msclkid = (rng: Rng) => randomToken(rng, 32, '0123456789abcdef');

const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function randomToken(rng: Rng, length: number, alphabet = TOKEN): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rng.next() * alphabet.length)];
  return s;
}

/** A v4-shaped UUID drawn from the seeded stream (the same seed gives the same visitors). */
export function rngUuid(rng: Rng): string {
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Math.floor(rng.next() * 256);
  bytes[6] = (bytes[6] & 15) | 64;
  bytes[8] = (bytes[8] & 63) | 128;
  const hex = Buffer.from(bytes).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const utm = (source: string, medium: string, campaign: string, extra: Array<[string, string]> = []): Array<[string, string]> => [
  ['utm_source', source],
  ['utm_medium', medium],
  ['utm_campaign', campaign],
  ...extra,
];

interface Window {
  from: number;
  to: number;
}

function campaignBase(key: string, name: string, channel: string, description: string, w: Window, now: number, weight: number, form: FormKey | null) {
  return {
    key,
    name,
    channel,
    description,
    status: w.to < now - DAY ? ('completed' as const) : ('active' as const),
    startDate: isoDate(w.from),
    endDate: w.to < now - DAY ? isoDate(w.to) : null,
    from: w.from,
    to: w.to,
    weight,
    form,
  };
}

export interface CampaignPlan {
  campaigns: DemoCampaign[];
  /** Titles of the pages campaigns link to (webinars, events, reports). */
  pageTitles: Map<string, string>;
}

export function planCampaigns(timeline: Timeline, calendar: readonly MarketingEvent[]): CampaignPlan {
  const { start, end } = timeline;
  const campaigns: DemoCampaign[] = [];
  const pageTitles = new Map<string, string>();
  const whole = { from: start, to: end };

  // always-on paid search on the brand
  campaigns.push({
    ...campaignBase('brand-search', 'Brand search', 'Paid Search', 'Google and Microsoft Ads on "Northwind" searches.', whole, end, 9, 'contact-sales'),
    sampleTime: (rng) => timeline.sample(rng),
    arrive(rng) {
      const term = rng.pick(['northwind analytics', 'northwind bi', 'northwind pricing', 'northwind analytics demo']);
      const landing = term.endsWith('pricing') ? '/pricing' : term.endsWith('demo') ? '/demo' : rng.chance(0.7) ? '/' : '/demo';
      if (rng.chance(0.15)) {
        return { landing, query: [...utm('bing', 'cpc', 'brand-search', [['utm_term', term]]), ['msclkid', msclkid(rng)]], referrer: 'https://www.bing.com/', campaign: this };
      }
      return { landing, query: [...utm('google', 'cpc', 'brand-search', [['utm_term', term]]), ['gclid', gclid(rng)]], referrer: 'https://www.google.com/', campaign: this };
    },
  });

  // competitor terms, started five months in
  const competitorFrom = start + 150 * DAY;
  if (competitorFrom < end - 30 * DAY) {
    const w = { from: competitorFrom, to: end };
    campaigns.push({
      ...campaignBase('competitor-search', 'Competitor search', 'Paid Search', 'Search ads on "Looker / Power BI / Tableau alternative".', w, end, 4, 'contact-sales'),
      sampleTime: (rng) => timeline.sample(rng, { from: w.from }),
      arrive(rng) {
        const [term, landing] = rng.pick([
          ['looker alternative', '/compare/looker-alternative'],
          ['power bi alternative', '/compare/power-bi-alternative'],
          ['tableau alternative', '/compare/tableau-alternative'],
        ] as const);
        return { landing, query: [...utm('google', 'cpc', 'competitor-search', [['utm_term', term]]), ['gclid', gclid(rng)]], referrer: 'https://www.google.com/', campaign: this };
      },
    });
  }

  // retargeting people who saw the pricing page: LinkedIn and Google display
  campaigns.push({
    ...campaignBase('pricing-page-retargeting', 'Pricing page retargeting', 'Paid Social', 'LinkedIn and display ads shown to visitors of the pricing page.', whole, end, 6, null),
    sampleTime: (rng) => timeline.sample(rng),
    arrive(rng) {
      if (rng.chance(0.6)) {
        return { landing: '/pricing', query: [...utm('linkedin', 'retargeting', 'pricing-page-retargeting', [['utm_content', rng.pick(['roi-carousel', 'customer-quote'])]]), ['li_fat_id', liFatId(rng)]], referrer: 'https://www.linkedin.com/', campaign: this };
      }
      return { landing: rng.chance(0.7) ? '/pricing' : '/customers', query: utm('google', 'display', 'pricing-page-retargeting', [['utm_content', rng.pick(['banner-300x250', 'banner-728x90'])]]), referrer: 'https://www.forbes.com/', campaign: this };
    },
  });

  // the yearly research report: the latest March launch at least six weeks before now
  for (let year = new Date(end).getUTCFullYear(); year >= new Date(start).getUTCFullYear(); year--) {
    const launch = Date.UTC(year, 2, 10, 14);
    if (launch < start || launch > end - 45 * DAY) continue;
    const key = `state-of-analytics-${year}`;
    const page = `/resources/${key}`;
    pageTitles.set(page, `State of Analytics ${year} — the report`);
    const w = { from: launch, to: end };
    campaigns.push({
      ...campaignBase(key, `State of Analytics ${year} report`, 'Paid Social', `Our yearly survey of 1,200 data leaders: launch ads, newsletter and search.`, w, end, 7, 'download-report'),
      sampleTime: (rng) => (rng.chance(0.55) ? timeline.sample(rng, { from: launch, to: Math.min(end, launch + 45 * DAY), bias: 2 }) : timeline.sample(rng, { from: launch })),
      arrive(rng) {
        const r = rng.next();
        if (r < 0.35) return { landing: page, query: [...utm('google', 'cpc', key, [['utm_term', `analytics report ${year}`]]), ['gclid', gclid(rng)]], referrer: 'https://www.google.com/', campaign: this };
        if (r < 0.75) return { landing: page, query: [...utm('linkedin', 'paid_social', key, [['utm_content', rng.pick(['key-findings', 'exec-summary'])]]), ['li_fat_id', liFatId(rng)]], referrer: 'https://www.linkedin.com/', campaign: this };
        if (r < 0.9) return { landing: page, query: utm('newsletter', 'email', key, [['utm_content', 'report-launch']]), referrer: null, campaign: this };
        return { landing: page, query: utm('linkedin', 'social', key), referrer: 'https://www.linkedin.com/', campaign: this };
      },
    });
    break;
  }

  // an ebook promoted for eight months
  const guideLaunch = start + 100 * DAY;
  if (guideLaunch < end - 30 * DAY) {
    const w = { from: guideLaunch, to: Math.min(end, guideLaunch + 240 * DAY) };
    const page = '/resources/dashboard-design-guide';
    pageTitles.set(page, 'The dashboard design guide (ebook)');
    campaigns.push({
      ...campaignBase('dashboard-design-guide', 'Dashboard design guide (ebook)', 'Paid Social', 'Gated ebook promoted on LinkedIn and Google.', w, end, 4, 'download-report'),
      sampleTime: (rng) => (rng.chance(0.4) ? timeline.sample(rng, { from: w.from, to: w.from + 30 * DAY, bias: 1.5 }) : timeline.sample(rng, { from: w.from, to: w.to })),
      arrive(rng) {
        const r = rng.next();
        if (r < 0.6) return { landing: page, query: [...utm('linkedin', 'paid_social', 'dashboard-design-guide'), ['li_fat_id', liFatId(rng)]], referrer: 'https://www.linkedin.com/', campaign: this };
        if (r < 0.85) return { landing: page, query: [...utm('google', 'cpc', 'dashboard-design-guide', [['utm_term', 'dashboard design']]), ['gclid', gclid(rng)]], referrer: 'https://www.google.com/', campaign: this };
        return { landing: page, query: utm('linkedin', 'social', 'dashboard-design-guide'), referrer: 'https://www.linkedin.com/', campaign: this };
      },
    });
  }

  // a webinar series per quarter: invitations in the two weeks before each webinar
  const byQuarter = new Map<string, MarketingEvent[]>();
  for (const e of calendar) {
    if (e.kind !== 'webinar') continue;
    const d = new Date(e.at);
    const q = `q${Math.floor(d.getUTCMonth() / 3) + 1}-${d.getUTCFullYear()}`;
    byQuarter.set(q, [...(byQuarter.get(q) ?? []), e]);
  }
  for (const [q, webinars] of byQuarter) {
    const key = `${q}-webinar-series`;
    const [quarter, year] = q.split('-');
    // attendees of the last webinar register for its recording for a few days after it
    const w = { from: Math.max(start, webinars[0].at - 14 * DAY), to: Math.min(end, webinars[webinars.length - 1].at + 3 * DAY) };
    for (const e of webinars) pageTitles.set(eventPage(e), `${e.name} — live on ${e.date}`);
    const upcoming = (at: number) => webinars.find((e) => e.at >= at) ?? webinars[webinars.length - 1];
    campaigns.push({
      ...campaignBase(key, `${quarter.toUpperCase()} ${year} webinar series`, 'Email', `Webinars this quarter: ${webinars.map((e) => e.name.replace(/^Webinar:\s*/, '')).join('; ')}.`, w, end, 2.5 * webinars.length, 'webinar-registration'),
      sampleTime(rng) {
        const e = rng.pick(webinars);
        return timeline.sample(rng, { from: Math.max(start, e.at - 14 * DAY), to: Math.min(end, e.at), bias: 0.5 });
      },
      arrive(rng, at) {
        const landing = eventPage(upcoming(at));
        const r = rng.next();
        if (r < 0.55) return { landing, query: utm('newsletter', 'email', key, [['utm_content', rng.pick(['invite-1', 'invite-2', 'reminder'])]]), referrer: null, campaign: this };
        if (r < 0.85) return { landing, query: [...utm('linkedin', 'paid_social', key), ['li_fat_id', liFatId(rng)]], referrer: 'https://www.linkedin.com/', campaign: this };
        return { landing, query: utm('linkedin', 'social', key), referrer: 'https://www.linkedin.com/', campaign: this };
      },
    });
  }

  // the monthly newsletter: sent the first Tuesday at 15:00 UTC, clicked over the next days
  const sends: number[] = [];
  for (let m = new Date(start); m.getTime() <= end; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const first = Date.UTC(m.getUTCFullYear(), m.getUTCMonth(), 1);
    const offset = (2 - new Date(first).getUTCDay() + 7) % 7;
    const send = first + offset * DAY + 15 * HOUR;
    if (send >= start && send < end) sends.push(send);
  }
  if (sends.length) {
    campaigns.push({
      ...campaignBase('monthly-newsletter', 'Monthly newsletter', 'Email', 'Product news and the best of the blog, first Tuesday of the month.', whole, end, 4, null),
      sampleTime: (rng) => Math.min(end, rng.pick(sends) + Math.round(-Math.log(1 - rng.next()) * 20 * HOUR)),
      arrive(rng, at) {
        return { landing: newsletterLanding(rng), query: utm('newsletter', 'email', 'monthly-newsletter', [['utm_content', isoDate(at).slice(0, 7)]]), referrer: null, campaign: this };
      },
    });
  }

  // each trade show: QR codes at the booth during the show, a follow-up email after it
  for (const e of calendar) {
    if (e.kind !== 'trade-show') continue;
    const year = e.date.slice(0, 4);
    const page = eventPage(e);
    const key = `${page.split('/')[2]}`;
    pageTitles.set(page, `Meet us at ${e.name} ${year}`);
    const w = { from: e.at, to: Math.min(end, e.at + 12 * DAY) };
    campaigns.push({
      ...campaignBase(key, `${e.name} ${year}`, 'Events', `Booth at ${e.name}: badge scans, QR codes and the follow-up email.`, w, end, 1.2, 'contact-sales'),
      sampleTime: (rng) => (rng.chance(0.65) ? timeline.sample(rng, { from: e.at, to: Math.min(end, e.at + 3 * DAY) }) : timeline.sample(rng, { from: Math.min(end, e.at + 2 * DAY), to: w.to })),
      arrive(rng, at) {
        if (at < e.at + 3 * DAY) return { landing: page, query: utm('booth-qr', 'event', key), referrer: null, campaign: this };
        return { landing: rng.chance(0.6) ? page : '/demo', query: utm('newsletter', 'email', key, [['utm_content', 'follow-up']]), referrer: null, campaign: this };
      },
    });
  }

  // partners' directories and co-marketing pages
  campaigns.push({
    ...campaignBase('partner-program', 'Partner program', 'Affiliates', 'Listings and co-marketing with Snowflake and dbt partners.', whole, end, 2, 'contact-sales'),
    sampleTime: (rng) => timeline.sample(rng),
    arrive(rng) {
      const snowflake = rng.chance(0.6);
      return {
        landing: snowflake ? '/integrations/snowflake' : rng.pick(['/integrations/dbt', '/partners']),
        query: utm(snowflake ? 'snowflake-partner-network' : 'dbt-partner-directory', 'partner', 'partner-program'),
        referrer: snowflake ? 'https://www.snowflake.com/en/data-cloud/partner-connect/' : 'https://www.getdbt.com/partners',
        campaign: this,
      };
    },
  });

  return { campaigns, pageTitles };
}

/** The campaign's own landing page for a form conversion (a brand search for a demo lands on /demo). */
export function conversionArrival(rng: Rng, c: DemoCampaign, at: number, form: FormKey): Arrival {
  for (let i = 0; i < 8; i++) {
    const a = c.arrive(rng, at);
    if (formOnPage(a.landing) === form) return a;
  }
  const a = c.arrive(rng, at);
  return { ...a, landing: form === 'contact-sales' ? '/demo' : a.landing };
}
