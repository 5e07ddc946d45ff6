// What Northwind sells and how its deals are priced: the product catalogue (platform tiers per editor
// seat, add-ons, services; list prices in USD a year), the Renewals pipeline next to the default
// "New business" one, and the line items of a deal built from a target amount. Pure.
import type { Plan } from './companies.ts';
import type { Rng } from './random.ts';
import type { StageType } from '../db-schema.ts';

export type PaidPlan = Exclude<Plan, 'Free'>;
export type ProductKind = 'platform' | 'add-on' | 'service';

export interface CatalogProduct {
  sku: string;
  name: string;
  description: string;
  unitPrice: number;
  kind: ProductKind;
  /** Subscriptions renew; services are billed once. */
  recurring: boolean;
  active: boolean;
}

export const CATALOG: readonly CatalogProduct[] = [
  {
    sku: 'NW-PLT-STARTER',
    name: 'Northwind Starter — editor seat (annual)',
    description: 'Dashboards and scheduled reports on one warehouse connection; unlimited viewers up to 50.',
    unitPrice: 480,
    kind: 'platform',
    recurring: true,
    active: true,
  },
  {
    sku: 'NW-PLT-GROWTH',
    name: 'Northwind Growth — editor seat (annual)',
    description: 'Semantic layer, unlimited connections and viewers, row-level permissions, alerts.',
    unitPrice: 960,
    kind: 'platform',
    recurring: true,
    active: true,
  },
  {
    sku: 'NW-PLT-ENT',
    name: 'Northwind Enterprise — editor seat (annual)',
    description: 'Everything in Growth plus SSO/SCIM, audit logs, EU or US data residency and a 99.9% SLA.',
    unitPrice: 1560,
    kind: 'platform',
    recurring: true,
    active: true,
  },
  {
    sku: 'NW-ADD-AI',
    name: 'AI insights add-on (annual)',
    description: 'Natural-language questions, anomaly detection and automated commentary on dashboards.',
    unitPrice: 6000,
    kind: 'add-on',
    recurring: true,
    active: true,
  },
  {
    sku: 'NW-ADD-EMBED',
    name: 'Embedded analytics add-on (annual)',
    description: 'White-label dashboards in your own product, with per-tenant row-level security.',
    unitPrice: 18000,
    kind: 'add-on',
    recurring: true,
    active: true,
  },
  {
    sku: 'NW-ADD-GOV',
    name: 'Data governance pack (annual)',
    description: 'Metric certification, lineage, data catalogue sync and approval workflows.',
    unitPrice: 9600,
    kind: 'add-on',
    recurring: true,
    active: true,
  },
  {
    sku: 'NW-ADD-CONN',
    name: 'Premium connectors (annual)',
    description: 'SAP, NetSuite, Salesforce change-data-capture and mainframe connectors.',
    unitPrice: 4800,
    kind: 'add-on',
    recurring: true,
    active: true,
  },
  {
    sku: 'NW-SUP-PREM',
    name: 'Premium support (annual)',
    description: '24/7 support with a one-hour response time and a named customer success manager.',
    unitPrice: 12000,
    kind: 'add-on',
    recurring: true,
    active: true,
  },
  {
    sku: 'NW-SVC-ONB',
    name: 'Onboarding package',
    description: 'Fixed-fee onboarding: warehouse connection, first ten dashboards, admin training.',
    unitPrice: 3500,
    kind: 'service',
    recurring: false,
    active: true,
  },
  {
    sku: 'NW-SVC-IMPL',
    name: 'Implementation services (per day)',
    description: 'A solutions engineer on your project: data modelling, migration, custom integrations.',
    unitPrice: 1800,
    kind: 'service',
    recurring: false,
    active: true,
  },
  {
    sku: 'NW-SVC-MIGR',
    name: 'Dashboard migration (per 25 dashboards)',
    description: 'We rebuild existing Tableau, Power BI or Looker dashboards on Northwind.',
    unitPrice: 5000,
    kind: 'service',
    recurring: false,
    active: true,
  },
  {
    sku: 'NW-SVC-TRAIN',
    name: 'Training workshop (half day)',
    description: 'Remote or on-site workshop for up to 15 analysts or business users.',
    unitPrice: 2400,
    kind: 'service',
    recurring: false,
    active: true,
  },
  {
    sku: 'NW-PLT-CLASSIC',
    name: 'Northwind Classic — team licence (annual, retired)',
    description: 'The pre-2025 flat team licence; existing contracts only.',
    unitPrice: 4200,
    kind: 'platform',
    recurring: true,
    active: false,
  },
];

export const PLAN_SKU: Record<PaidPlan, string> = { Starter: 'NW-PLT-STARTER', Growth: 'NW-PLT-GROWTH', Enterprise: 'NW-PLT-ENT' };
const MIN_SEATS: Record<PaidPlan, number> = { Starter: 3, Growth: 5, Enterprise: 15 };
/** Extras a deal of each plan may carry, with the chance of each; quantities follow. */
const EXTRAS: Record<PaidPlan, ReadonlyArray<readonly [string, number]>> = {
  Starter: [
    ['NW-SVC-ONB', 0.3],
    ['NW-ADD-AI', 0.1],
    ['NW-SVC-TRAIN', 0.1],
  ],
  Growth: [
    ['NW-SVC-ONB', 0.35],
    ['NW-ADD-AI', 0.25],
    ['NW-ADD-CONN', 0.15],
    ['NW-SVC-MIGR', 0.15],
    ['NW-SVC-TRAIN', 0.15],
  ],
  Enterprise: [
    ['NW-SUP-PREM', 0.45],
    ['NW-ADD-GOV', 0.35],
    ['NW-SVC-IMPL', 0.35],
    ['NW-ADD-EMBED', 0.15],
    ['NW-ADD-AI', 0.25],
    ['NW-SVC-MIGR', 0.2],
  ],
};

export interface LineDraft {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  discountPercent: number;
}

const bySku = new Map(CATALOG.map((p) => [p.sku, p]));
export const productOf = (sku: string): CatalogProduct => bySku.get(sku)!;

const cents = (n: number) => Math.round(n * 100) / 100;

export function lineTotal(l: LineDraft): number {
  return cents(l.quantity * l.unitPrice * (1 - l.discountPercent / 100));
}

export function linesTotal(lines: readonly LineDraft[]): number {
  return cents(lines.reduce((s, l) => s + lineTotal(l), 0));
}

function line(sku: string, quantity: number, discountPercent = 0): LineDraft {
  const p = productOf(sku);
  return { sku, name: p.name, quantity, unitPrice: p.unitPrice, discountPercent };
}

function extraQuantity(rng: Rng, sku: string, target: number): number {
  if (sku === 'NW-SVC-IMPL') return Math.max(3, Math.min(40, Math.round((target * rng.next() * 0.08) / 1800)));
  if (sku === 'NW-SVC-MIGR') return rng.int(1, target > 100_000 ? 6 : 2);
  if (sku === 'NW-SVC-TRAIN') return rng.int(1, 3);
  return 1;
}

/**
 * 1–3 line items for a new deal on `plan` worth about `target` a year: editor seats of the plan (with
 * a volume discount on larger deals) and up to two extras. The seats absorb what the extras leave.
 */
export function newDealLines(rng: Rng, plan: PaidPlan, target: number): LineDraft[] {
  const extras: LineDraft[] = [];
  for (const [sku, chance] of EXTRAS[plan]) {
    if (extras.length < 2 && rng.chance(chance)) extras.push(line(sku, extraQuantity(rng, sku, target)));
  }
  // extras never take more than half the deal
  while (extras.length && linesTotal(extras) > target * 0.5) extras.pop();
  const discount = plan === 'Enterprise' ? 5 * rng.int(1, 4) : plan === 'Growth' && target > 40_000 ? 5 * rng.int(0, 2) : 0;
  const seatPrice = productOf(PLAN_SKU[plan]).unitPrice * (1 - discount / 100);
  const seats = Math.max(MIN_SEATS[plan], Math.round((target - linesTotal(extras)) / seatPrice));
  return [line(PLAN_SKU[plan], seats, discount), ...extras];
}

/** A renewal renews the recurring lines, with seats grown (or trimmed) and the same discounts. */
export function renewalLines(rng: Rng, previous: readonly LineDraft[]): LineDraft[] {
  const recurring = previous.filter((l) => productOf(l.sku).recurring);
  return recurring.map((l, i) => {
    if (i > 0 || productOf(l.sku).kind !== 'platform') return { ...l };
    const change = rng.chance(0.7) ? 1 + rng.next() * 0.25 : 1 - rng.next() * 0.1;
    return { ...l, quantity: Math.max(1, Math.round(l.quantity * change)) };
  });
}

/** An expansion: more seats for another team, or an add-on the customer did not have. */
export function expansionLines(rng: Rng, plan: PaidPlan, previous: readonly LineDraft[]): { lines: LineDraft[]; what: string } {
  const owned = new Set(previous.map((l) => l.sku));
  const addOns = ['NW-ADD-AI', 'NW-ADD-GOV', 'NW-ADD-CONN', 'NW-SUP-PREM', ...(plan === 'Starter' ? [] : ['NW-ADD-EMBED'])].filter(
    (sku) => !owned.has(sku),
  );
  if (addOns.length && rng.chance(0.45)) {
    const sku = rng.pick(addOns);
    return { lines: [line(sku, 1)], what: productOf(sku).name.replace(/ \(annual\)$/, '') };
  }
  const seats = previous.find((l) => productOf(l.sku).kind === 'platform');
  const quantity = Math.max(2, Math.round((seats?.quantity ?? MIN_SEATS[plan]) * (0.15 + rng.next() * 0.5)));
  const lines = [line(PLAN_SKU[plan], quantity, seats?.discountPercent ?? 0)];
  if (rng.chance(0.3)) lines.push(line('NW-SVC-TRAIN', 1));
  return { lines, what: `${quantity} more editor seats` };
}

export interface PipelineDefinition {
  name: string;
  stages: ReadonlyArray<{ name: string; probability: number; type: StageType }>;
}

/** Renewals are worked on their own board: most renew, the question is when and at what size. */
export const RENEWALS_PIPELINE: PipelineDefinition = {
  name: 'Renewals',
  stages: [
    { name: 'Upcoming', probability: 70, type: 'open' },
    { name: 'Renewal discussion', probability: 80, type: 'open' },
    { name: 'Verbally committed', probability: 90, type: 'open' },
    { name: 'Renewed', probability: 100, type: 'won' },
    { name: 'Churned', probability: 0, type: 'lost' },
  ],
};
