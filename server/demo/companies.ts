// The companies in Northwind's CRM: firmographics (industry, a long-tailed size distribution, revenue
// that follows size and industry, country), where each stands with Northwind (prospect, free plan, open
// opportunity, customer, churned) and what follows from that: dates, plan, ARR, renewal, owner
// territory. Pure: drafts only, the accounts step gives them ids and writes them.
import { weighted, weightedKeys, type Rng } from './random.ts';
import { DAY, isoDate, type Timeline } from './timeline.ts';
import { inventCompany } from './company-names.ts';
import { COUNTRIES, INDUSTRIES, INDUSTRY_PROFILE, type Industry } from './word-lists/company-words.ts';

export type AccountStatus = 'prospect' | 'free' | 'opportunity' | 'customer' | 'churned';
export type Territory = 'enterprise' | 'north_america' | 'emea';
export type EmailPattern = 'first.last' | 'first' | 'flast' | 'firstl' | 'f.last' | 'first_last';
export const PLANS = ['Free', 'Starter', 'Growth', 'Enterprise'] as const;
export type Plan = (typeof PLANS)[number];
export const TECH_STACK = [
  'Snowflake',
  'BigQuery',
  'Redshift',
  'Databricks',
  'PostgreSQL',
  'SQL Server',
  'AWS',
  'Azure',
  'Google Cloud',
  'Salesforce',
  'HubSpot',
  'dbt',
  'Tableau',
  'Power BI',
  'Looker',
] as const;

export interface AccountDraft {
  name: string;
  domain: string;
  industry: Industry;
  employees: number;
  annualRevenue: number;
  countryCode: string;
  country: string;
  territory: Territory;
  status: AccountStatus;
  createdAt: number;
  updatedAt: number;
  /** When the first contract started (customers and churned accounts). */
  customerSince?: number;
  churnedAt?: number;
  plan?: Plan;
  arr?: number;
  renewalDate?: string;
  techStack: string[];
  /** How this company spells its email addresses. */
  emailPattern: EmailPattern;
}

const pickCountry = weighted(Object.entries(COUNTRIES).map(([code, c]) => [code, c.weight] as const));
const pickIndustry = weighted(INDUSTRIES.map((i) => [i, INDUSTRY_PROFILE[i].weight] as const));

/** [min, max, weight]: most companies are small, a few are huge (log-uniform inside a bucket). */
const SIZE_BUCKETS: ReadonlyArray<readonly [number, number, number]> = [
  [2, 10, 10],
  [11, 50, 27],
  [51, 200, 28],
  [201, 500, 14],
  [501, 1000, 9],
  [1001, 5000, 8],
  [5001, 10000, 2.5],
  [10001, 60000, 1.5],
];
const pickBucket = weighted(SIZE_BUCKETS.map((b) => [b, b[2]] as const));

export function employeeCount(rng: Rng): number {
  const [min, max] = pickBucket(rng);
  const n = Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min)));
  // companies report round numbers once they are large
  const step = n < 100 ? 1 : n < 1000 ? 5 : n < 10000 ? 50 : 500;
  return Math.max(min, Math.round(n / step) * step);
}

function roundSignificant(n: number, digits: number): number {
  if (n <= 0) return 0;
  const scale = Math.pow(10, Math.floor(Math.log10(n)) - digits + 1);
  return Math.round(n / scale) * scale;
}

const STATUS_BY_SIZE: Record<'small' | 'mid' | 'large', (rng: Rng) => AccountStatus> = {
  small: weightedKeys({ prospect: 68, free: 14, opportunity: 6, customer: 9, churned: 3 }),
  mid: weightedKeys({ prospect: 61, free: 8, opportunity: 11, customer: 16, churned: 4 }),
  large: weightedKeys({ prospect: 63, free: 3, opportunity: 14, customer: 17, churned: 3 }),
};

const EMAIL_PATTERNS = weightedKeys<EmailPattern>({ 'first.last': 56, flast: 15, 'f.last': 10, first: 8, firstl: 5, first_last: 6 });
const WAREHOUSES = weightedKeys({ Snowflake: 30, BigQuery: 18, Redshift: 14, Databricks: 12, PostgreSQL: 17, 'SQL Server': 9 });
const CLOUDS = weightedKeys({ AWS: 55, Azure: 30, 'Google Cloud': 15 });
const BI_TOOLS = weightedKeys({ 'Power BI': 35, Tableau: 30, Looker: 20, '': 15 });

function techStack(rng: Rng, employees: number): string[] {
  const warehouse = WAREHOUSES(rng);
  const cloud =
    warehouse === 'BigQuery' ? 'Google Cloud' : warehouse === 'Redshift' ? 'AWS' : warehouse === 'SQL Server' ? 'Azure' : CLOUDS(rng);
  const stack = new Set<string>([warehouse, cloud]);
  const crm = rng.next() < (employees < 200 ? 0.55 : 0.3) ? 'HubSpot' : rng.chance(0.8) ? 'Salesforce' : '';
  if (crm) stack.add(crm);
  const bi = BI_TOOLS(rng);
  if (bi) stack.add(bi);
  if (warehouse !== 'PostgreSQL' && rng.chance(0.4)) stack.add('dbt');
  return TECH_STACK.filter((t) => stack.has(t));
}

const MID_MARKET_PLANS = weightedKeys<Plan>({ Starter: 20, Growth: 65, Enterprise: 15 });

/** The paid plan a company of this size buys (deals in the sales step use it too). */
export function planFor(rng: Rng, employees: number): Plan {
  if (employees < 100) return rng.chance(0.7) ? 'Starter' : 'Growth';
  if (employees < 1000) return MID_MARKET_PLANS(rng);
  return rng.chance(0.65) ? 'Enterprise' : 'Growth';
}

/** Annual contract value: seat-based tiers that grow with company size. */
export function arrFor(rng: Rng, plan: Plan, employees: number): number {
  const sizeFactor = Math.log10(Math.max(10, employees)); // 1 (10 people) … 4.8 (60k)
  const base =
    plan === 'Starter' ? 4_000 + 2_500 * sizeFactor : plan === 'Growth' ? 9_000 + 11_000 * sizeFactor : 40_000 + 55_000 * sizeFactor;
  return Math.round(rng.logNormal(base, 0.3) / 500) * 500;
}

function nextRenewal(customerSince: number, now: number): number {
  const d = new Date(customerSince);
  while (d.getTime() <= now) d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.getTime();
}

/** A company and its standing with Northwind; dates come later (placeInTime), once its size in contacts is known. */
export function generateAccount(rng: Rng, used: { domains: Set<string>; names: Set<string> }): AccountDraft {
  const countryCode = pickCountry(rng);
  const country = COUNTRIES[countryCode];
  const industry = pickIndustry(rng);
  const employees = employeeCount(rng);
  const { name, domain } = inventCompany(rng, { industry, countryCode, usedDomains: used.domains, usedNames: used.names });
  const annualRevenue = roundSignificant(employees * INDUSTRY_PROFILE[industry].revenuePerEmployee * rng.logNormal(1, 0.35), 2);
  const status = STATUS_BY_SIZE[employees < 50 ? 'small' : employees < 1000 ? 'mid' : 'large'](rng);
  const draft: AccountDraft = {
    name: rng.chance(0.22) ? `${name} ${rng.pick(country.legalForms)}` : name,
    domain,
    industry,
    employees,
    annualRevenue,
    countryCode,
    country: country.name,
    territory: employees >= 1000 ? 'enterprise' : country.region === 'emea' ? 'emea' : 'north_america',
    status,
    createdAt: 0,
    updatedAt: 0,
    techStack: status === 'customer' || rng.chance(0.72) ? techStack(rng, employees) : [],
    emailPattern: employees < 30 && rng.chance(0.5) ? 'first' : EMAIL_PATTERNS(rng),
  };
  if (status === 'customer') {
    draft.plan = planFor(rng, employees);
    draft.arr = arrFor(rng, draft.plan, employees);
  } else if (status === 'free') {
    draft.plan = 'Free';
  }
  return draft;
}

/**
 * Dates an account: created with its first contact (the earliest of `contacts` draws from the
 * timeline), customers early enough for a sales cycle before today, churned ones a year's contract
 * before today. Sets customerSince, churnedAt and the renewal date that follow.
 */
export function placeInTime(rng: Rng, draft: AccountDraft, timeline: Timeline, contacts: number): void {
  const { end } = timeline;
  const firstOf = Math.max(1, contacts);
  switch (draft.status) {
    case 'customer': {
      draft.createdAt = timeline.sample(rng, { to: end - 60 * DAY, bias: 1.5, firstOf });
      const cycle = Math.min(Math.max(rng.logNormal(55, 0.5), 14), 200) * DAY;
      draft.customerSince = Math.min(draft.createdAt + cycle, end - 10 * DAY);
      draft.renewalDate = isoDate(nextRenewal(draft.customerSince, end));
      break;
    }
    case 'churned':
      draft.createdAt = timeline.sample(rng, { to: end - 430 * DAY, firstOf });
      draft.customerSince = draft.createdAt + rng.int(20, 60) * DAY;
      draft.churnedAt = Math.min(draft.customerSince + 365 * DAY, end - DAY);
      break;
    case 'opportunity':
      draft.createdAt = timeline.sample(rng, { to: end - 21 * DAY, firstOf });
      break;
    default:
      draft.createdAt = timeline.sample(rng, { firstOf });
  }
  // engaged accounts were touched recently; cold prospects mostly where they were created
  const recency = draft.status === 'prospect' ? 2.5 : draft.status === 'churned' ? 1.5 : 0.5;
  draft.updatedAt = draft.createdAt + Math.floor((end - draft.createdAt) * Math.pow(rng.next(), recency));
}

/** Custom field values of an account, keyed like the definitions in demo-fields.ts. */
export function accountCustomFields(a: AccountDraft): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (a.plan) values.plan = a.plan;
  if (a.arr !== undefined) values.arr = a.arr;
  if (a.renewalDate) values.renewal_date = a.renewalDate;
  if (a.techStack.length) values.tech_stack = a.techStack;
  return values;
}

/** How many contacts a company contributes, before allocation: more for large and engaged accounts. */
export function contactWeight(rng: Rng, a: AccountDraft): number {
  const engagement = { customer: 1.8, opportunity: 1.8, free: 1.3, churned: 1.1, prospect: 1 }[a.status];
  return Math.pow(a.employees, 0.45) * engagement * rng.logNormal(1, 0.5);
}
