// The website's visitors as the tracking snippet would have reported them: browsers with sessions of
// page views (realistic paths, 30-second-to-minutes dwell), the form submissions that turned some of
// them into the demo's contacts, and the identify calls that tie a contact's browsers to them.
// A contact's story follows its lead source and stage: anonymous visits in the weeks before it came
// in, the converting visit (landing from the channel of its lead source, ending in a form at the
// moment the contact was created), then return visits in proportion to how far along it is, some of
// them from a second device that identifies itself. Most visitors never become contacts.
// Pure: plans the visits; website-sessions.ts turns them into events.
import type { LifecycleStage } from '../../db-schema.ts';
import { weightedKeys, type Rng } from '../random.ts';
import { DAY } from '../timeline.ts';
import type { LeadSource } from '../demo-fields.ts';
import type { Arrival, DemoCampaign } from './website-campaigns.ts';
import { directLanding, formOnPage, organicLanding, pickReferralSite, pickSearchReferrer, pickSocialReferrer, referralLanding, socialLanding, type FormKey } from './website-site.ts';
import { Builder, newBrowser, type Browser, type ContactFacts, type SessionSpec, type VisitorOutput, type WebsiteEnv } from './website-sessions.ts';

export type { ContactFacts, PlannedSubmission, VisitorOutput, WebsiteEnv } from './website-sessions.ts';

const HOUR = 3_600_000;

// ---- arrivals ---------------------------------------------------------------------------------

type Unpaid = 'organic' | 'direct' | 'referral' | 'social';

function unpaidArrival(rng: Rng, kind: Unpaid): Arrival {
  switch (kind) {
    case 'organic':
      return { landing: organicLanding(rng), query: [], referrer: pickSearchReferrer(rng), campaign: null };
    case 'direct':
      return { landing: directLanding(rng), query: [], referrer: null, campaign: null };
    case 'referral':
      return { landing: referralLanding(rng), query: [], referrer: pickReferralSite(rng), campaign: null };
    case 'social':
      return { landing: socialLanding(rng), query: [], referrer: pickSocialReferrer(rng), campaign: null };
  }
}

/** A campaign running at `at` whose key passes `keep`, picked by weight; undefined when none runs. */
function campaignAt(rng: Rng, campaigns: readonly DemoCampaign[], at: number, keep: (c: DemoCampaign) => boolean = () => true): DemoCampaign | undefined {
  const live = campaigns.filter((c) => c.from <= at && at <= c.to && keep(c));
  if (live.length === 0) return undefined;
  let x = rng.next() * live.reduce((s, c) => s + c.weight, 0);
  for (const c of live) if ((x -= c.weight) < 0) return c;
  return live[live.length - 1];
}

const isRetargeting = (c: DemoCampaign) => c.key === 'pricing-page-retargeting';
const isReport = (c: DemoCampaign) => c.form === 'download-report';
const isWebinars = (c: DemoCampaign) => c.key.endsWith('-webinar-series');

/** A click on the campaign's links that came through `host` (e.g. linkedin), if one turns up. */
function arrivalVia(rng: Rng, c: DemoCampaign, at: number, want: (a: Arrival) => boolean): Arrival {
  let a = c.arrive(rng, at);
  for (let i = 0; i < 10 && !want(a); i++) a = c.arrive(rng, at);
  return a;
}

const pickUnpaid = weightedKeys<Unpaid | 'campaign'>({ organic: 34, direct: 17, referral: 8, social: 7, campaign: 34 });
const pickReturn = weightedKeys<Unpaid | 'retargeting'>({ direct: 40, organic: 25, retargeting: 20, referral: 8, social: 7 });
const pickBefore = weightedKeys<Unpaid | 'brand' | 'retargeting'>({ organic: 42, direct: 16, social: 10, referral: 10, brand: 12, retargeting: 10 });
const pickAfter = weightedKeys<Unpaid | 'newsletter' | 'retargeting' | 'webinars' | 'report'>({
  direct: 30,
  newsletter: 20,
  organic: 18,
  retargeting: 8,
  webinars: 10,
  report: 6,
  referral: 4,
  social: 4,
});
const pickBeforeCount = weightedKeys<'0' | '1' | '2' | '3' | '4' | '6'>({ 0: 35, 1: 30, 2: 18, 3: 10, 4: 5, 6: 2 });
const pickWebsiteEntry = weightedKeys<Unpaid>({ organic: 50, direct: 20, referral: 15, social: 15 });

/** Median return visits over a contact's life, by stage: customers keep coming back (docs, pricing). */
const RETURNS: Record<LifecycleStage | 'none', number> = {
  subscriber: 1.5,
  lead: 2,
  mql: 3,
  sql: 4,
  opportunity: 5,
  customer: 7,
  evangelist: 9,
  other: 1.5,
  none: 1.5,
};

/** Share of contacts with any web history, by lead source. */
const ON_THE_WEB: Record<LeadSource | 'none', number> = {
  Website: 1,
  'Paid search': 1,
  LinkedIn: 1,
  Webinar: 0.95,
  Referral: 0.9,
  Partner: 0.7,
  Event: 0.55,
  Outbound: 0.35,
  none: 0.6,
};

/** Lead sources whose contact was created by a form on the website. */
const CONVERTS_ON_SITE = new Set<LeadSource>(['Website', 'Paid search', 'LinkedIn', 'Webinar', 'Referral', 'Partner']);

/** The visit that created the contact: its arrival follows the lead source, and it ends in a form. */
function conversion(rng: Rng, c: ContactFacts, campaigns: readonly DemoCampaign[]): { arrival: Arrival; form: FormKey; page: string } {
  const at = c.createdAt;
  const reportAt = campaignAt(rng, campaigns, at, isReport);
  const reportPage = (r: DemoCampaign) => r.arrive(rng, at).landing;
  const find = (keep: (x: DemoCampaign) => boolean) => campaignAt(rng, campaigns, at, keep);
  switch (c.leadSource) {
    case 'Paid search': {
      const paid = find((x) => x.channel === 'Paid Search');
      if (paid) return { arrival: arrivalVia(rng, paid, at, (a) => a.landing !== '/pricing' || rng.chance(0.5)), form: 'contact-sales', page: '/demo' };
      break;
    }
    case 'LinkedIn': {
      const social = find((x) => isReport(x) || isWebinars(x) || isRetargeting(x));
      if (social) {
        const arrival = arrivalVia(rng, social, at, (a) => a.referrer?.includes('linkedin') === true);
        const form = social.form ?? 'contact-sales';
        return { arrival, form, page: form === 'contact-sales' ? '/demo' : arrival.landing };
      }
      break;
    }
    case 'Webinar': {
      const series = find(isWebinars) ?? campaigns.filter(isWebinars).sort((x, y) => Math.abs(x.to - at) - Math.abs(y.to - at))[0];
      if (series) {
        const arrival = series.arrive(rng, Math.min(at, series.to));
        return { arrival, form: 'webinar-registration', page: arrival.landing };
      }
      break;
    }
    case 'Partner': {
      const partner = find((x) => x.channel === 'Affiliates');
      if (partner) return { arrival: partner.arrive(rng, at), form: 'contact-sales', page: '/demo' };
      break;
    }
    case 'Referral':
      return { arrival: unpaidArrival(rng, 'referral'), form: 'contact-sales', page: '/demo' };
    default:
      break;
  }
  const arrival = unpaidArrival(rng, pickWebsiteEntry(rng));
  if (reportAt && rng.chance(0.65)) return { arrival, form: 'download-report', page: reportPage(reportAt) };
  return { arrival, form: 'contact-sales', page: '/demo' };
}

/** Everything a demo contact did on the website, with the anonymous history before it came in. */
export function contactVisits(rng: Rng, c: ContactFacts, env: WebsiteEnv): VisitorOutput {
  const { timeline } = env;
  const { campaigns } = env.plan;
  const b = new Builder(rng, env);
  if (!rng.chance(ON_THE_WEB[c.leadSource ?? 'none'])) return b.out;
  const customer = c.stage === 'customer' || c.stage === 'evangelist';
  const main = newBrowser(rng);
  const converts = c.leadSource !== null && CONVERTS_ON_SITE.has(c.leadSource) && c.createdAt > timeline.start + HOUR;

  // anonymous visits in the two months before (fewer for people who came in through an event or call)
  const before = converts ? Number(pickBeforeCount(rng)) : rng.chance(0.3) ? 1 : 0;
  const visits: Array<{ browser: Browser; spec: SessionSpec }> = [];
  for (let i = 0; i < before; i++) {
    const to = c.createdAt - 2 * HOUR;
    const from = Math.max(timeline.start, c.createdAt - 60 * DAY);
    if (to <= from) break;
    const at = timeline.sample(rng, { from, to });
    const kind = pickBefore(rng);
    let arrival: Arrival;
    if (kind === 'brand' || kind === 'retargeting') {
      const camp = campaignAt(rng, campaigns, at, (x) => (kind === 'brand' ? x.key === 'brand-search' : isRetargeting(x)));
      arrival = camp ? camp.arrive(rng, at) : unpaidArrival(rng, 'direct');
    } else arrival = unpaidArrival(rng, kind);
    visits.push({ browser: main, spec: { at, arrival, customer: false } });
  }

  const submitted = new Set<string>();
  if (converts) {
    const conv = conversion(rng, c, campaigns);
    if (conv.arrival.campaign) submitted.add(conv.arrival.campaign.key);
    visits.push({ browser: main, spec: { at: c.createdAt, arrival: conv.arrival, customer: false, submit: { form: conv.form, page: conv.page, contact: c } } });
  }

  // return visits over the rest of its life; a quarter of people also visit from a second device
  const returns = Math.min(30, Math.round(rng.logNormal(RETURNS[c.stage ?? 'none'], 0.6)));
  const second = returns >= 2 && rng.chance(0.25) ? newBrowser(rng) : null;
  let identified = converts;
  let secondIdentified = false;
  const after: SessionSpec[] = [];
  for (let i = 0; i < returns; i++) {
    const from = c.createdAt + 3 * HOUR;
    if (from >= timeline.end) break;
    const at = timeline.sample(rng, { from });
    const kind = pickAfter(rng);
    let arrival: Arrival = unpaidArrival(rng, 'direct');
    let submit: SessionSpec['submit'];
    if (kind === 'direct' || kind === 'organic' || kind === 'referral' || kind === 'social') arrival = unpaidArrival(rng, kind);
    else {
      const keep = kind === 'newsletter' ? (x: DemoCampaign) => x.key === 'monthly-newsletter' : kind === 'retargeting' ? isRetargeting : kind === 'webinars' ? isWebinars : isReport;
      const camp = kind === 'retargeting' && customer ? undefined : campaignAt(rng, campaigns, at, keep);
      if (camp) {
        arrival = camp.arrive(rng, at);
        // invitations and reports to people we know convert well; once per campaign
        const form = formOnPage(arrival.landing);
        if (form && form !== 'contact-sales' && !submitted.has(camp.key) && rng.chance(kind === 'webinars' ? 0.45 : 0.5)) {
          submitted.add(camp.key);
          submit = { form, page: arrival.landing, contact: c };
        }
      }
    }
    after.push({ at, arrival, customer, submit });
  }
  after.sort((x, y) => x.at - y.at);
  for (const spec of after) {
    const onSecond = second !== null && rng.chance(0.4);
    const browser = onSecond ? second : main;
    if (onSecond && !secondIdentified) {
      secondIdentified = true;
      spec.identifyFirst = c;
    } else if (!onSecond && !identified) {
      identified = true;
      spec.identifyFirst = c;
    }
    visits.push({ browser, spec });
  }
  for (const v of visits) b.session(v.browser, v.spec);
  return b.out;
}

/** A visitor who never became a contact: one visit mostly, a few come back within weeks. */
export function anonymousVisits(rng: Rng, env: WebsiteEnv): VisitorOutput {
  const { timeline } = env;
  const { campaigns } = env.plan;
  const b = new Builder(rng, env);
  const browser = newBrowser(rng);
  const first = pickUnpaid(rng);
  let at: number;
  let arrival: Arrival;
  if (first === 'campaign' && campaigns.length) {
    let x = rng.next() * campaigns.reduce((s, c) => s + c.weight, 0);
    const camp = campaigns.find((c) => (x -= c.weight) < 0) ?? campaigns[campaigns.length - 1];
    at = camp.sampleTime(rng);
    arrival = camp.arrive(rng, at);
  } else {
    at = timeline.sample(rng);
    arrival = unpaidArrival(rng, first === 'campaign' ? 'organic' : first);
  }
  const r = rng.next();
  const sessions = r < 0.72 ? 1 : r < 0.88 ? 2 : r < 0.95 ? 3 : rng.int(4, 6);
  b.session(browser, { at, arrival, customer: false });
  for (let i = 1; i < sessions; i++) {
    at += Math.round(-Math.log(1 - rng.next()) * 6 * DAY) + 2 * HOUR;
    if (at >= timeline.end) break;
    const kind = pickReturn(rng);
    const camp = kind === 'retargeting' ? campaignAt(rng, campaigns, at, isRetargeting) : undefined;
    b.session(browser, { at, arrival: camp ? camp.arrive(rng, at) : unpaidArrival(rng, kind === 'retargeting' ? 'direct' : kind), customer: false });
  }
  return b.out;
}
