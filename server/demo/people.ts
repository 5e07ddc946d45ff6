// The people in Northwind's CRM. Most work at an account and use its domain (in the company's own
// address pattern); some signed up with a free mailbox; a few are names from a business card.
// A contact's lifecycle stage follows its company's standing (customers' people are customers, cold
// prospects' people are subscribers and leads), and everything else follows the stage: how long ago
// they arrived, who owns them, how they came in, their tags. Pure: drafts only.
import type { LifecycleStage } from '../db-schema.ts';
import { weighted, weightedKeys, type Rng } from './random.ts';
import { DAY, type Timeline } from './timeline.ts';
import { phoneNumber } from './phones.ts';
import { latestEvent, someEvent, type MarketingEvent } from './marketing-calendar.ts';
import { isSenior, pickInterests, pickPersona, pickTitle, type Persona } from './personas.ts';
import type { LeadSource } from './demo-fields.ts';
import type { AccountDraft, AccountStatus, Territory } from './companies.ts';
import type { Staffing } from './team.ts';
import { companyEmail, freeMailEmail, personName } from './identities.ts';
import { COUNTRIES } from './word-lists/company-words.ts';

export interface ContactDraft {
  email: string | null;
  firstName: string;
  lastName: string;
  phone: string | null;
  title: string | null;
  stage: LifecycleStage | null;
  persona: Persona;
  leadSource: LeadSource | null;
  ownerId: string | null;
  /** Which team works them: the account's territory, or the person's region. */
  territory: Territory;
  tags: string[];
  customFields: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export interface PeopleEnv {
  timeline: Timeline;
  calendar: readonly MarketingEvent[];
  staffing: Staffing;
}

type Stage = LifecycleStage | null;

/** 'none': the stage was never set (cards from events, old imports). */
type StageKey = LifecycleStage | 'none';

const STAGES_BY_STATUS: Record<AccountStatus | 'free-mail' | 'no-email', (rng: Rng) => StageKey> = {
  // people at a customer: its users, plus newcomers marketing has not met yet
  customer: weightedKeys<StageKey>({ customer: 46, evangelist: 7, lead: 18, subscriber: 17, mql: 7, other: 5 }),
  opportunity: weightedKeys<StageKey>({ opportunity: 38, sql: 22, mql: 14, lead: 16, subscriber: 10 }),
  free: weightedKeys<StageKey>({ lead: 34, mql: 30, sql: 10, subscriber: 22, other: 4 }),
  prospect: weightedKeys<StageKey>({ subscriber: 42, lead: 36, mql: 15, sql: 5, other: 2 }),
  churned: weightedKeys<StageKey>({ other: 60, subscriber: 20, lead: 20 }),
  'free-mail': weightedKeys<StageKey>({ subscriber: 66, lead: 28, mql: 5, other: 1 }),
  'no-email': weightedKeys<StageKey>({ lead: 50, other: 25, none: 25 }),
};

const fromKey = (key: StageKey): Stage => (key === 'none' ? null : key);

/** The person who brought the account in is as far along as the account itself. */
function buyerStage(rng: Rng, status: AccountStatus): Stage {
  switch (status) {
    case 'customer':
      return rng.chance(0.2) ? 'evangelist' : 'customer';
    case 'opportunity':
      return 'opportunity';
    case 'churned':
      return 'other';
    case 'free':
      return rng.chance(0.5) ? 'mql' : 'lead';
    default:
      return fromKey(STAGES_BY_STATUS.prospect(rng));
  }
}

/** Days a contact must have existed to reach a stage, and how strongly its date leans to the past. */
const STAGE_AGE: Record<string, { minDays: number; bias: number; updateRecency: number; phone: number }> = {
  subscriber: { minDays: 0, bias: 1, updateRecency: 3, phone: 0.25 },
  lead: { minDays: 0, bias: 1, updateRecency: 2, phone: 0.45 },
  mql: { minDays: 3, bias: 1, updateRecency: 1.2, phone: 0.6 },
  sql: { minDays: 10, bias: 1.1, updateRecency: 0.8, phone: 0.85 },
  opportunity: { minDays: 20, bias: 1.15, updateRecency: 0.5, phone: 0.9 },
  customer: { minDays: 45, bias: 1.6, updateRecency: 0.7, phone: 0.85 },
  evangelist: { minDays: 120, bias: 1.9, updateRecency: 0.6, phone: 0.9 },
  other: { minDays: 30, bias: 1.3, updateRecency: 1.5, phone: 0.4 },
  none: { minDays: 0, bias: 1, updateRecency: 3, phone: 0.8 },
};

const SOURCES = {
  general: weightedKeys<LeadSource>({
    Website: 24,
    Webinar: 13,
    'Paid search': 12,
    LinkedIn: 12,
    Referral: 8,
    Event: 10,
    Partner: 6,
    Outbound: 15,
  }),
  subscriber: weightedKeys<LeadSource>({ Website: 46, Webinar: 18, LinkedIn: 14, 'Paid search': 10, Event: 8, Referral: 4 }),
  free: weightedKeys<LeadSource>({ Website: 48, 'Paid search': 22, LinkedIn: 10, Webinar: 8, Referral: 7, Partner: 5 }),
  card: weightedKeys<LeadSource>({ Event: 50, Referral: 20, Outbound: 20, Partner: 10 }),
};

const BUYER_PERSONAS = weightedKeys<Persona>({ 'Data leader': 40, Executive: 25, Analyst: 14, Engineer: 10, Finance: 6, Marketing: 5 });

const pickCountry = weighted(Object.entries(COUNTRIES).map(([code, c]) => [code, c.weight] as const));

function ownerFor(rng: Rng, stage: Stage, ae: string, sdr: string): string | null {
  switch (stage) {
    case 'subscriber':
      return rng.chance(0.1) ? sdr : null;
    case 'lead':
      return rng.chance(0.45) ? sdr : null;
    case 'mql':
      return rng.chance(0.9) ? sdr : null;
    case 'sql':
      return rng.chance(0.65) ? ae : sdr;
    case 'opportunity':
    case 'customer':
    case 'evangelist':
      return ae;
    case 'other':
      return rng.chance(0.5) ? ae : null;
    default:
      return null;
  }
}

interface Person {
  first: string;
  last: string;
  email: string | null;
  stage: Stage;
  persona: Persona;
  title: string | null;
  phone: string | null;
  countryCode: string;
  territory: Territory;
  employees: number;
  status: AccountStatus | 'free-mail' | 'no-email';
  /** Earliest possible creation time; `exactly` pins it (the contact that created the account). */
  from: number;
  exactly?: number;
  ae: string;
  isBuyer?: boolean;
}

/** When and how they came in: the lead source, the event that brought them (dated just after it). */
function arrival(rng: Rng, p: Person, env: PeopleEnv): { createdAt: number; leadSource: LeadSource | null; event?: MarketingEvent } {
  const { timeline, calendar } = env;
  const { end } = timeline;
  const age = STAGE_AGE[p.stage ?? 'none'];
  const to = Math.max(p.from, end - age.minDays * DAY);
  let createdAt = p.exactly ?? timeline.sample(rng, { from: p.from, to, bias: age.bias });
  const sources =
    p.status === 'no-email'
      ? SOURCES.card
      : p.stage === 'subscriber'
        ? SOURCES.subscriber
        : p.status === 'free'
          ? SOURCES.free
          : SOURCES.general;
  // 5% were imported long ago and nobody knows where they came from
  let leadSource: LeadSource | null = rng.chance(0.05) ? null : sources(rng);
  let event: MarketingEvent | undefined;
  if (leadSource === 'Webinar' || leadSource === 'Event') {
    const kind = leadSource === 'Webinar' ? 'webinar' : 'trade-show';
    if (p.exactly !== undefined) {
      event = latestEvent(calendar, kind, p.exactly - 3 * DAY, p.exactly);
    } else {
      // attendee lists arrive a day or two after the event: date the contact then
      event = latestEvent(calendar, kind, p.from, createdAt) ?? latestEvent(calendar, kind, p.from, to);
      if (event) createdAt = event.at + rng.int(2, 40) * 3_600_000;
    }
    if (!event) leadSource = 'Website';
  } else if (p.email && rng.chance(p.stage === 'subscriber' || p.stage === 'lead' ? 0.1 : 0.25)) {
    event = someEvent(rng, calendar, createdAt, end); // came in otherwise, attended one later
  }
  return { createdAt: Math.min(createdAt, end), leadSource, event };
}

function tagsFor(
  rng: Rng,
  p: Person,
  leadSource: LeadSource | null,
  event: MarketingEvent | undefined,
  optIn: boolean | undefined,
): string[] {
  const tags: string[] = [];
  if (event) tags.push(event.tag);
  if (optIn) tags.push('newsletter');
  const engaged = p.status === 'customer' || p.status === 'opportunity' || p.employees >= 1000;
  if (p.title && isSenior(p.title) && engaged && rng.chance(0.6)) tags.push('vip');
  const champion =
    p.stage === 'evangelist'
      ? rng.chance(0.7)
      : (p.isBuyer || p.stage === 'opportunity') && p.persona === 'Data leader' && rng.chance(0.35);
  if (champion) tags.push('champion');
  if (leadSource === 'Partner') tags.push('partner-referral');
  if (p.stage === 'customer' && rng.chance(0.06)) tags.push('beta-program');
  if (rng.chance(0.015)) tags.push('do-not-call');
  return tags;
}

function finish(rng: Rng, p: Person, env: PeopleEnv): ContactDraft {
  const { end } = env.timeline;
  const age = STAGE_AGE[p.stage ?? 'none'];
  const { createdAt, leadSource, event } = arrival(rng, p, env);
  const optIn = p.email ? rng.chance(p.stage === 'subscriber' ? 0.92 : 0.4) : undefined;
  const tags = tagsFor(rng, p, leadSource, event, optIn);

  // fields are as sparse as in a real CRM: not every form asked everything
  const customFields: Record<string, unknown> = {};
  if (leadSource) customFields.lead_source = leadSource;
  if (rng.chance(0.88)) customFields.persona = p.persona;
  if (optIn !== undefined && rng.chance(0.9)) customFields.newsletter_opt_in = optIn;
  if (event) customFields.last_event_attended = event.date;
  const interests = rng.chance(0.7) ? pickInterests(rng, p.persona) : [];
  if (interests.length) customFields.interests = interests;

  return {
    email: p.email,
    firstName: p.first,
    lastName: p.last,
    phone: p.phone,
    title: p.title,
    stage: p.stage,
    persona: p.persona,
    leadSource,
    ownerId: ownerFor(rng, p.stage, p.ae, env.staffing.sdr(p.territory).id),
    territory: p.territory,
    tags,
    customFields,
    createdAt,
    updatedAt: createdAt + Math.floor((end - createdAt) * Math.pow(rng.next(), age.updateRecency)),
  };
}

/**
 * Two streams: `who` draws the person (stage, name, email, persona, title, phone) a fixed way, `story`
 * draws what depends on dates. So the same seed gives the same people on any day the demo is run.
 */
export interface PeopleRng {
  who: Rng;
  story: Rng;
}

function identity(who: Rng, stage: Stage, persona: Persona, countryCode: string, employees: number) {
  const title = who.chance(0.93) ? pickTitle(who, persona, employees) : null;
  const phone = who.chance(STAGE_AGE[stage ?? 'none'].phone) ? phoneNumber(who, countryCode) : null;
  return { title, phone };
}

/** `count` people at one account, all on its domain. The first is the one who brought the account in. */
export function generateCompanyContacts(
  { who, story }: PeopleRng,
  account: AccountDraft & { ownerId: string },
  count: number,
  env: PeopleEnv,
): ContactDraft[] {
  const used = new Set<string>();
  const out: ContactDraft[] = [];
  for (let i = 0; i < count; i++) {
    const isBuyer = i === 0;
    const stage = isBuyer ? buyerStage(who, account.status) : fromKey(STAGES_BY_STATUS[account.status](who));
    const { first, last } = personName(who, account.countryCode);
    const persona = isBuyer && account.status !== 'prospect' ? BUYER_PERSONAS(who) : pickPersona(who, account.employees);
    const person: Person = {
      first,
      last,
      email: companyEmail(account.emailPattern, first, last, account.domain, used),
      stage,
      persona,
      ...identity(who, stage, persona, account.countryCode, account.employees),
      countryCode: account.countryCode,
      territory: account.territory,
      employees: account.employees,
      status: account.status,
      from: account.createdAt,
      exactly: isBuyer ? Math.min(env.timeline.end, account.createdAt + story.int(0, 20) * 60_000) : undefined,
      ae: account.ownerId,
      isBuyer,
    };
    out.push(finish(story, person, env));
  }
  return out;
}

/** Someone with no account: a free mailbox (`usedEmails` keeps those unique) or no email at all. */
export function generateIndependentContact(
  { who, story }: PeopleRng,
  kind: 'free-mail' | 'no-email',
  env: PeopleEnv,
  usedEmails: Set<string>,
): ContactDraft {
  const countryCode = pickCountry(who);
  const { first, last } = personName(who, countryCode);
  const email = kind === 'free-mail' ? freeMailEmail(who, first, last, countryCode, usedEmails) : null;
  const stage = fromKey(STAGES_BY_STATUS[kind](who));
  const persona = pickPersona(who, 50);
  const territory: Territory = COUNTRIES[countryCode].region === 'emea' ? 'emea' : 'north_america';
  const person: Person = {
    first,
    last,
    email,
    stage,
    persona,
    ...identity(who, stage, persona, countryCode, 50),
    countryCode,
    territory,
    employees: 50,
    status: kind,
    from: env.timeline.start,
    ae: env.staffing.accountExecutive(territory).id,
  };
  return finish(story, person, env);
}
