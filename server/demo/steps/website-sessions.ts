// One browser's visits as the tracking snippet reports them: page views along a path with realistic
// dwell times (always inside the 30-minute visit rule), the identify call that names the visitor, and
// a form submission with the `Form Submitted` event recordFormSubmitted would write for it. Pure: it
// produces TrackedEvents (the tracking pipeline's own shape), planned submissions and form views.
import crypto from 'node:crypto';
import type { LifecycleStage } from '../../db-schema.ts';
import type { TrackedEvent } from '../../tracking/tracked-event.ts';
import type { Rng } from '../random.ts';
import type { Timeline } from '../timeline.ts';
import type { LeadSource } from '../demo-fields.ts';
import { rngUuid, type Arrival, type CampaignPlan } from './website-campaigns.ts';
import { DEMO_FORMS, SITE, formOnPage, nextPage, pickLocale, pickUserAgent, titleOf, type FormKey } from './website-site.ts';

const MINUTE = 60_000;

export interface ContactFacts {
  index: number;
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  title: string | null;
  company: string | null;
  createdAt: number;
  stage: LifecycleStage | null;
  leadSource: LeadSource | null;
}

export interface PlannedSubmission {
  id: string;
  form: FormKey;
  contactId: string;
  anonymousId: string;
  at: number;
  pageUrl: string;
  referrer: string | null;
  utm: Record<string, string>;
  ip: string;
  userAgent: string;
  values: Record<string, string>;
}

export interface VisitorOutput {
  events: TrackedEvent[];
  submissions: PlannedSubmission[];
  /** (form, time) of every view of a page carrying a form. */
  formViews: Array<{ form: FormKey; at: number }>;
}

export interface WebsiteEnv {
  timeline: Timeline;
  plan: CampaignPlan;
  sourceId: string;
  /** Form ids by key (the step creates the forms first). */
  formIds: Record<FormKey, string>;
}

export interface Browser {
  anonymousId: string;
  userAgent: string;
  locale: string;
  ip: string;
}

export interface SessionSpec {
  at: number;
  arrival: Arrival;
  customer: boolean;
  /** Identify on the first page (a second device, or a tracked link that names the person). */
  identifyFirst?: ContactFacts;
  /** End the visit by submitting this form at exactly `at` (the page views come before it). */
  submit?: { form: FormKey; page: string; contact: ContactFacts };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function newBrowser(rng: Rng): Browser {
  const net = rng.pick(['198.51.100', '203.0.113', '192.0.2']);
  return { anonymousId: rngUuid(rng), userAgent: pickUserAgent(rng), locale: pickLocale(rng), ip: `${net}.${rng.int(1, 254)}` };
}

/** Seconds on a page: mostly under a minute, sometimes a long read; always inside the 30-minute rule. */
const dwell = (rng: Rng) => Math.min(20 * MINUTE, Math.max(4000, Math.round(rng.logNormal(45_000, 0.9))));

const queryString = (q: Array<[string, string]>) => (q.length ? `?${new URLSearchParams(q).toString()}` : '');

function campaignContext(query: Array<[string, string]>): Record<string, string> | undefined {
  const names: Record<string, string> = { utm_source: 'source', utm_medium: 'medium', utm_campaign: 'name', utm_content: 'content', utm_term: 'term' };
  const out: Record<string, string> = {};
  for (const [k, v] of query) out[names[k] ?? k] = v;
  return Object.keys(out).length ? out : undefined;
}

export class Builder {
  readonly out: VisitorOutput = { events: [], submissions: [], formViews: [] };
  constructor(
    private readonly rng: Rng,
    private readonly env: WebsiteEnv,
  ) {}

  private base(b: Browser, at: number): Pick<TrackedEvent, 'messageId' | 'timestamp' | 'receivedAt' | 'anonymousId' | 'userId' | 'groupId' | 'previousId' | 'traits'> {
    return {
      messageId: crypto.randomUUID(),
      timestamp: iso(at),
      // the snippet batches for up to a few seconds before sending
      receivedAt: iso(at + this.rng.int(80, 4000)),
      anonymousId: b.anonymousId,
      userId: null,
      groupId: null,
      previousId: null,
      traits: {},
    };
  }

  private page(b: Browser, at: number, path: string, query: Array<[string, string]>, referrer: string | null): string {
    const search = queryString(query);
    const url = `${SITE}${path}${search}`;
    const clickIds = Object.fromEntries(query.filter(([k]) => !k.startsWith('utm_')));
    const campaign = campaignContext(query);
    const properties = { url, path, referrer: referrer ?? '', title: titleOf(path, this.env.plan.pageTitles), search, ...clickIds };
    this.out.events.push({
      ...this.base(b, at),
      type: 'page',
      sourceId: this.env.sourceId,
      event: null,
      properties,
      context: {
        ...(campaign ? { campaign } : {}),
        userAgent: b.userAgent,
        locale: b.locale,
        ip: b.ip,
        library: { name: 'tandem.js', version: '1.0.0' },
      },
    });
    const form = formOnPage(path);
    if (form) this.out.formViews.push({ form, at });
    return url;
  }

  private identify(b: Browser, at: number, c: ContactFacts, url: string): void {
    this.out.events.push({
      ...this.base(b, at),
      type: 'identify',
      sourceId: this.env.sourceId,
      // what the snippet's identify() resolves by email; given directly so no lookup can miss
      contactId: c.id,
      event: null,
      traits: { email: c.email, firstName: c.firstName, lastName: c.lastName },
      properties: {},
      context: { page: { url }, userAgent: b.userAgent, locale: b.locale, ip: b.ip, library: { name: 'tandem.js', version: '1.0.0' } },
    });
  }

  /** One visit: its page views, and the identify call and form submission it may hold. */
  session(b: Browser, s: SessionSpec): void {
    const { rng } = this;
    const end = this.env.timeline.end;
    const stay = s.customer ? 0.62 : 0.55;
    const paths = [s.arrival.landing];
    if (s.submit && formOnPage(s.arrival.landing) !== s.submit.form) {
      // browse a little, then go to the form
      for (let p = nextPage(rng, paths[0], { customer: false, stay: 0.5 }); p && paths.length < 4; p = nextPage(rng, p, { customer: false, stay: 0.4 })) paths.push(p);
      paths.push(s.submit.page);
    } else if (!s.submit) {
      for (let p = nextPage(rng, paths[0], { customer: s.customer, stay }); p && paths.length < 10; p = nextPage(rng, p, { customer: s.customer, stay })) paths.push(p);
    }
    const gaps = paths.map(() => dwell(rng));
    // a submission happens at `at` (when the contact was created): its visit's page views lead up to it
    let t = Math.max(this.env.timeline.start, s.submit ? s.at - gaps.reduce((a, g) => a + g, 0) : s.at);
    const urls: string[] = [];
    let lastAt = t;
    for (let i = 0; i < paths.length; i++) {
      if (t > end) return;
      const url = this.page(b, t, paths[i], i === 0 ? s.arrival.query : [], i === 0 ? s.arrival.referrer : urls[i - 1]);
      if (i === 0 && s.identifyFirst) this.identify(b, Math.min(end, t + 1500), s.identifyFirst, url);
      urls.push(url);
      lastAt = t;
      t += gaps[i];
    }
    if (!s.submit) return;
    const url = urls[urls.length - 1];
    const at = Math.min(end, Math.max(s.at, lastAt + 3000));
    this.submit(b, at, s.submit.form, s.submit.contact, url, urls.length > 1 ? urls[urls.length - 2] : s.arrival.referrer);
    // the snippet identifies the visitor with the email just entered
    this.identify(b, Math.min(end, at + 1200), s.submit.contact, url);
    // some look around a little more
    if (rng.chance(0.3) && at + 2 * MINUTE < end) {
      this.page(b, at + rng.int(20, 120) * 1000, nextPage(rng, paths[paths.length - 1], { customer: false, stay: 1 }) ?? '/', [], url);
    }
  }

  private submit(b: Browser, at: number, form: FormKey, c: ContactFacts, pageUrl: string, referrer: string | null): void {
    const def = DEMO_FORMS.find((f) => f.key === form)!;
    const id = crypto.randomUUID();
    const properties = new Set(def.fields.map((f) => f.property));
    const values: Record<string, string> = { email: c.email, firstName: c.firstName };
    if (properties.has('lastName')) values.lastName = c.lastName;
    if (properties.has('company') && c.company) values.company = c.company;
    if (properties.has('title') && c.title) values.title = c.title;
    const query = new URL(pageUrl).searchParams;
    const utm: Record<string, string> = {};
    for (const k of ['source', 'medium', 'campaign', 'content', 'term']) {
      const v = query.get(`utm_${k}`);
      if (v) utm[k] = v;
    }
    this.out.submissions.push({ id, form, contactId: c.id, anonymousId: b.anonymousId, at, pageUrl, referrer, utm, ip: b.ip, userAgent: b.userAgent, values });
    // the event recordFormSubmitted writes for it (server-side: no source, tandem-server library)
    const campaign: Record<string, string> = {};
    if (utm.source) campaign.source = utm.source;
    if (utm.medium) campaign.medium = utm.medium;
    if (utm.campaign) campaign.name = utm.campaign;
    if (utm.content) campaign.content = utm.content;
    if (utm.term) campaign.term = utm.term;
    this.out.events.push({
      type: 'track',
      messageId: `form-submission-${id}`,
      timestamp: iso(at),
      receivedAt: iso(at),
      sourceId: null,
      anonymousId: b.anonymousId,
      userId: null,
      contactId: c.id,
      event: 'Form Submitted',
      properties: { formId: this.env.formIds[form], formName: def.name, submissionId: id },
      traits: {},
      context: {
        page: { url: pageUrl, ...(referrer ? { referrer } : {}) },
        ...(Object.keys(campaign).length ? { campaign } : {}),
        ip: b.ip,
        userAgent: b.userAgent,
        library: { name: 'tandem-server' },
      },
      groupId: null,
      previousId: null,
    });
  }
}
