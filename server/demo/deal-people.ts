// Who is on a deal and what became of them: 1–4 of the account's people in buying roles (the person
// who brought the account in champions it, the most senior decides), and the contacts a won deal
// made customers. Pure.
import type { DealContactRole, LifecycleStage } from '../db-schema.ts';
import { isSenior } from './personas.ts';
import type { Rng } from './random.ts';
import type { DealContactDraft, DealDraft, DealEnv } from './deals.ts';

const ENGAGEMENT: Record<LifecycleStage, number> = {
  customer: 4,
  evangelist: 4,
  opportunity: 5,
  sql: 4,
  mql: 2,
  lead: 1,
  subscriber: 0.5,
  other: 1,
};

/** How many people a deal of a company this size has on it. */
export function contactCount(rng: Rng, employees: number): number {
  return [rng.int(1, 2), rng.int(1, 3), rng.int(2, 4)][employees < 200 ? 0 : employees < 1000 ? 1 : 2];
}

/** `count` of the account's people who existed `before` (the buyer first), with their roles. */
export function pickDealContacts(
  rng: Rng,
  env: Pick<DealEnv, 'contacts' | 'contactsByAccount'>,
  accountIndex: number,
  before: number,
  count: number,
  addedAt: number,
): DealContactDraft[] {
  const { contacts } = env;
  const people = env.contactsByAccount[accountIndex];
  const buyer = people[0];
  const candidates = people.filter((c) => contacts.createdAt[c] <= before && c !== buyer);
  const chosen: number[] = [buyer];
  const weights = candidates.map(
    (c) => (contacts.stages[c] ? ENGAGEMENT[contacts.stages[c]!] : 0.5) * (isSenior(contacts.titles[c] ?? '') ? 1.5 : 1),
  );
  while (chosen.length < count && candidates.length) {
    const total = weights.reduce((s, w) => s + w, 0);
    let x = rng.next() * total;
    let k = 0;
    while (k < candidates.length - 1 && (x -= weights[k]) > 0) k++;
    chosen.push(candidates[k]);
    candidates.splice(k, 1);
    weights.splice(k, 1);
  }
  // the most senior decides; the person who brought the account in champions it
  const seniority = (c: number) => (contacts.personas[c] === 'Executive' ? 2 : isSenior(contacts.titles[c] ?? '') ? 1 : 0);
  const decider = chosen.reduce((best, c) => (seniority(c) > seniority(best) ? c : best), chosen[0]);
  return chosen.map((c) => {
    let role: DealContactRole | null;
    if (c === decider) role = 'decision_maker';
    else if (c === buyer || contacts.personas[c] === 'Data leader') role = 'champion';
    else if (contacts.personas[c] === 'Analyst' || contacts.personas[c] === 'Engineer') role = rng.chance(0.8) ? 'user' : 'influencer';
    else if (contacts.personas[c] === 'Finance') role = rng.chance(0.3) ? 'blocker' : 'influencer';
    else role = 'influencer';
    if (c !== decider && rng.chance(0.08)) role = null;
    return { index: c, role, addedAt: Math.max(addedAt, contacts.createdAt[c]) };
  });
}

/**
 * The contacts the won deals made customers, as moveDeal does (markDealContactsCustomers): the people on
 * every won deal, and the account's people who existed when its first deal was won. (People who came
 * later keep the stage marketing gave them: the "newcomers" of a customer account in people.ts.)
 * Churned accounts' people were set back since (they are `other` now), so only current customers
 * count. Returns contact index → when it happened.
 */
export function customersMadeBy(
  deals: readonly DealDraft[],
  env: Pick<DealEnv, 'accounts' | 'contacts' | 'contactsByAccount'>,
): Map<number, number> {
  const made = new Map<number, number>();
  const mark = (c: number, at: number) => {
    const stage = env.contacts.stages[c];
    if (stage === 'customer' || stage === 'evangelist') return;
    const prev = made.get(c);
    if (prev === undefined || at < prev) made.set(c, at);
  };
  for (const d of deals) {
    if (d.status !== 'won' || env.accounts[d.accountIndex].status !== 'customer') continue;
    const at = d.closedAt!;
    if (d.type === 'new') for (const c of env.contactsByAccount[d.accountIndex]) if (env.contacts.createdAt[c] <= at) mark(c, at);
    for (const dc of d.contacts) mark(dc.index, at);
  }
  return made;
}
