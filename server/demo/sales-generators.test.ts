// The demo's sales generators on their own (no database): deals planned over generated accounts and
// people, their activities, line items and quotas.
import { describe, expect, it } from 'vitest';
import { createRng } from './random.ts';
import { createTimeline, DAY } from './timeline.ts';
import { generateAccount, placeInTime } from './companies.ts';
import { generateCompanyContacts } from './people.ts';
import { marketingCalendar } from './marketing-calendar.ts';
import { Staffing, TEAMMATES } from './team.ts';
import { DemoContacts, type DemoAccount } from './seed-context.ts';
import { createDealPlanner, customersMadeBy, type DealDraft, type PipelineRef } from './deals.ts';
import { createDealActivities } from './deal-activities.ts';
import { createTeamActivities } from './team-activities.ts';
import { CATALOG, linesTotal, newDealLines, productOf, renewalLines } from './sales-catalog.ts';
import { planQuotas } from './quotas.ts';
import { DEFAULT_CLOSE_REASONS } from '../pipelines/default-pipeline.ts';

const NOW = new Date('2026-11-20T15:00:00Z');
const timeline = createTimeline(NOW);
const ADMIN = '00000000-0000-4000-8000-0000000000ad';
const staffing = new Staffing([
  { id: ADMIN, name: 'Alex Morgan', email: '', role: 'admin', job: 'admin', title: 'Head of Revenue Operations' },
  ...TEAMMATES.map((t, i) => ({ ...t, id: `00000000-0000-4000-8000-00000000000${i}` })),
]);

function pipeline(name: string, open: string[]): PipelineRef {
  const stage = (n: string, type: 'open' | 'won' | 'lost') => ({ id: `${name}:${n}`, name: n, type });
  return { id: name, open: open.map((n) => stage(n, 'open')), won: stage('won', 'won'), lost: stage('lost', 'lost') };
}

/** A small CRM as the accounts and contacts steps would leave it, and every deal and activity planned on it. */
function world(seed: number, accountCount = 600) {
  const rng = createRng(seed, 'accounts');
  const used = { domains: new Set<string>(), names: new Set<string>() };
  const env = { timeline, calendar: marketingCalendar(timeline.start, timeline.end), staffing };
  const accounts: DemoAccount[] = [];
  const contacts = new DemoContacts();
  const contactsByAccount: number[][] = [];
  const people = { who: createRng(seed, 'who'), story: createRng(seed, 'story') };
  for (let a = 0; a < accountCount; a++) {
    const draft = generateAccount(rng, used);
    const count = rng.int(1, 12);
    placeInTime(rng, draft, timeline, count);
    const account: DemoAccount = {
      ...draft,
      id: `account-${a}`,
      ownerId: staffing.accountExecutive(draft.territory).id,
      contactCount: count,
    };
    accounts.push(account);
    contactsByAccount.push([]);
    for (const c of generateCompanyContacts(people, account, count, env)) {
      contactsByAccount[a].push(contacts.count);
      contacts.ids.push(`contact-${contacts.count}`);
      contacts.emails.push(c.email);
      contacts.firstNames.push(c.firstName);
      contacts.lastNames.push(c.lastName);
      contacts.titles.push(c.title);
      contacts.stages.push(c.stage);
      contacts.personas.push(c.persona);
      contacts.leadSources.push(c.leadSource);
      contacts.ownerIds.push(c.ownerId);
      contacts.territories.push(c.territory);
      contacts.accountIndex.push(a);
      contacts.createdAt.push(c.createdAt);
      contacts.lastEvent.push('');
    }
  }
  let id = 0;
  const newId = () => `id-${++id}`;
  const reasons = DEFAULT_CLOSE_REASONS.map((r) => ({ ...r, id: `reason:${r.label}` }));
  const base = { timeline, accounts, contacts, contactsByAccount, newId };
  const planner = createDealPlanner({
    ...base,
    newBusiness: pipeline('new', ['Qualification', 'Discovery', 'Proposal', 'Negotiation']),
    renewals: pipeline('renewals', ['Upcoming', 'Renewal discussion', 'Verbally committed']),
    reasons,
  });
  const dealRng = createRng(seed, 'deals');
  const deals = accounts.flatMap((_, a) => planner.accountDeals(dealRng, a));
  const dealWork = createDealActivities({ ...base, staffing, adminId: ADMIN });
  const teamWork = createTeamActivities({ ...base, staffing, adminId: ADMIN });
  const workRng = createRng(seed, 'activities');
  const acts = [
    ...deals.flatMap((d) => dealWork.dealActivities(workRng, d)),
    ...accounts.flatMap((_, a) => teamWork.accountActivities(workRng, a)),
    ...contacts.ids.flatMap((_, c) => teamWork.contactActivities(workRng, c)),
    ...dealWork.adminWork(
      workRng,
      deals.filter((d) => d.status === 'open'),
    ),
  ];
  return { accounts, contacts, contactsByAccount, deals, acts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('deals', () => {
  const w = world(7);
  const now = timeline.end;
  const byId = new Map(w.deals.map((d) => [d.id, d]));

  it('moves every deal forward through its stages, in time, ending where its status says', () => {
    for (const d of w.deals) {
      const times = d.moves.map((m) => m.at);
      for (let i = 1; i < times.length; i++) expect(times[i], d.name).toBeGreaterThan(times[i - 1]);
      expect(times[0]).toBeGreaterThanOrEqual(w.accounts[d.accountIndex].createdAt);
      expect(times[times.length - 1]).toBeLessThanOrEqual(now);
      const last = d.moves[d.moves.length - 1].stage;
      expect(last.type).toBe(d.status);
      expect(d.moves.slice(0, -1).every((m) => m.stage.type === 'open')).toBe(true);
      expect(d.closedAt).toBe(d.status === 'open' ? null : times[times.length - 1]);
      expect(d.forecastCategory === 'closed').toBe(d.status !== 'open');
      expect(d.closeReasonId === null).toBe(d.status === 'open');
      if (d.closeReasonId) expect(d.closeReasonId.startsWith('reason:')).toBe(true);
      expect(d.amount).toBe(linesTotal(d.lines));
      expect(d.lines.length).toBeGreaterThanOrEqual(1);
      expect(d.lines.length).toBeLessThanOrEqual(3);
      expect(d.contacts.length).toBeGreaterThanOrEqual(1);
      expect(d.contacts.length).toBeLessThanOrEqual(5);
      for (const c of d.contacts) expect(w.contacts.accountIndex[c.index]).toBe(d.accountIndex);
      expect(d.board === 'renewals').toBe(d.type === 'renewal');
      if (d.parentId) {
        const parent = byId.get(d.parentId)!;
        expect(parent.status).toBe('won');
        expect(parent.closedAt!).toBeLessThan(d.moves[0].at);
      } else expect(d.type).toBe('new');
    }
  });

  it('wins about a quarter of closed new business after one to three months, and keeps customers renewing', () => {
    const fresh = w.deals.filter((d) => d.type === 'new' && d.status !== 'open');
    const won = fresh.filter((d) => d.status === 'won');
    expect(won.length / fresh.length).toBeGreaterThan(0.13);
    expect(won.length / fresh.length).toBeLessThan(0.32);
    const cycle = median(won.map((d) => (d.closedAt! - d.moves[0].at) / DAY));
    expect(cycle).toBeGreaterThan(35);
    expect(cycle).toBeLessThan(90);
    // every customer won once, at the start of its contract, for about its ARR
    for (const [i, a] of w.accounts.entries()) {
      if (a.status !== 'customer') continue;
      const first = w.deals.find((d) => d.accountIndex === i && d.type === 'new' && d.status === 'won');
      expect(first?.closedAt, a.name).toBe(a.customerSince);
      expect(first!.amount / a.arr!).toBeGreaterThan(0.6);
      expect(first!.amount / a.arr!).toBeLessThan(1.6);
    }
    const renewals = w.deals.filter((d) => d.type === 'renewal' && d.status !== 'open');
    expect(renewals.filter((d) => d.status === 'won').length / renewals.length).toBeGreaterThan(0.6);
  });

  it('leaves open deals across the stages, expected to close in the coming months', () => {
    const open = w.deals.filter((d) => d.status === 'open' && d.board === 'new');
    const stages = new Set(open.map((d) => d.moves[d.moves.length - 1].stage.name));
    expect(stages.size).toBe(4);
    const ahead = open.filter((d) => Date.parse(d.expectedCloseDate) >= now - DAY && Date.parse(d.expectedCloseDate) < now + 200 * DAY);
    expect(ahead.length / open.length).toBeGreaterThan(0.85);
    const late = open.filter((d) => d.moves[d.moves.length - 1].stage.name === 'Negotiation');
    expect(late.every((d) => d.forecastCategory === 'commit' || d.forecastCategory === 'best_case')).toBe(true);
  });

  it('plans the same deals for the same seed', () => {
    const again = world(7);
    const shape = (ds: DealDraft[]) => ds.map((d) => [d.name, d.status, d.amount, d.moves.map((m) => m.at).join()]);
    expect(shape(again.deals)).toEqual(shape(w.deals));
    expect(shape(world(8).deals)).not.toEqual(shape(w.deals));
  });

  it('makes the people of won deals customers, and those of churned accounts not', () => {
    const made = customersMadeBy(w.deals, w);
    expect(made.size).toBeGreaterThan(0);
    for (const [c, at] of made) {
      expect(w.accounts[w.contacts.accountIndex[c]].status).toBe('customer');
      expect(w.contacts.createdAt[c]).toBeLessThanOrEqual(at);
    }
  });
});

describe('activities', () => {
  const w = world(3, 300);
  const now = timeline.end;
  const deals = new Map(w.deals.map((d) => [d.id, d]));

  it('logs each kind of work, on records that existed, with the fields of its type', () => {
    const types = new Set(w.acts.map((a) => a.type));
    expect([...types].sort()).toEqual(['call', 'email', 'meeting', 'task']);
    for (const a of w.acts) {
      expect(a.createdAt).toBeLessThanOrEqual(now);
      if (a.contactIndex !== null) expect(a.createdAt).toBeGreaterThanOrEqual(w.contacts.createdAt[a.contactIndex]);
      if (a.dealId) {
        const d = deals.get(a.dealId)!;
        expect(a.accountIndex).toBe(d.accountIndex);
        expect(a.startsAt ?? a.occurredAt ?? a.createdAt).toBeGreaterThanOrEqual(d.moves[0].at);
        if (d.status !== 'open' && a.startsAt) expect(a.startsAt).toBeLessThanOrEqual(now);
      }
      if (a.type === 'call') expect(a.outcome && a.durationSeconds !== null && a.direction).toBeTruthy();
      if (a.type === 'email') expect(a.fromAddress && a.toAddresses?.length).toBeTruthy();
      if (a.type === 'meeting') {
        expect(a.endsAt!).toBeGreaterThan(a.startsAt!);
        expect(a.attendeeContacts.length).toBeGreaterThan(0);
      }
      if (a.type === 'task') expect(a.dueAt).not.toBeNull();
      if (a.doneAt !== null) expect(a.doneAt).toBeLessThanOrEqual(now);
    }
  });

  it('gives the admin and every account executive overdue and upcoming work', () => {
    const openTasks = w.acts.filter((a) => a.type === 'task' && a.doneAt === null);
    const aes = staffing.members.filter((m) => m.job === 'ae').map((m) => m.id);
    for (const who of [ADMIN, ...aes]) {
      const mine = openTasks.filter((t) => t.assigneeId === who);
      expect(
        mine.some((t) => t.dueAt! < now),
        who,
      ).toBe(true);
      expect(
        mine.some((t) => t.dueAt! > now),
        who,
      ).toBe(true);
    }
    expect(w.acts.some((a) => a.type === 'meeting' && a.startsAt! > now && a.attendeeUsers.includes(ADMIN))).toBe(true);
  });
});

describe('catalogue and quotas', () => {
  it('prices new deals near their target, and renews only what recurs', () => {
    const rng = createRng(1, 'lines');
    for (const [plan, target] of [
      ['Starter', 9_000],
      ['Growth', 40_000],
      ['Enterprise', 220_000],
    ] as const) {
      for (let i = 0; i < 50; i++) {
        const lines = newDealLines(rng, plan, target);
        expect(linesTotal(lines) / target).toBeGreaterThan(0.75);
        expect(linesTotal(lines) / target).toBeLessThan(1.35);
        const renewed = renewalLines(rng, lines);
        expect(renewed.every((l) => productOf(l.sku).recurring)).toBe(true);
      }
    }
    expect(new Set(CATALOG.map((p) => p.sku)).size).toBe(CATALOG.length);
  });

  it('sets monthly and quarterly quotas per rep through two quarters ahead, quarters the sum of their months', () => {
    const reps = ['a', 'b', 'c'];
    const won = Array.from({ length: 60 }, (_, i) => ({ ownerId: reps[i % 2], closedAt: timeline.start + i * 8 * DAY, amount: 30_000 }));
    const quotas = planQuotas(reps, won, timeline.start, timeline.end);
    const of = (rep: string) => quotas.filter((q) => q.ownerId === rep);
    for (const rep of reps) {
      const quarters = of(rep).filter((q) => q.period.includes('Q'));
      expect(quarters.map((q) => q.period)).toEqual([
        '2025-Q2',
        '2025-Q3',
        '2025-Q4',
        '2026-Q1',
        '2026-Q2',
        '2026-Q3',
        '2026-Q4',
        '2027-Q1',
        '2027-Q2',
      ]);
      for (const q of quarters) {
        const [year, n] = q.period.split('-Q').map(Number);
        const months = [1, 2, 3].map((k) => `${year}-${String((n - 1) * 3 + k).padStart(2, '0')}`);
        expect(
          of(rep)
            .filter((m) => months.includes(m.period))
            .reduce((s, m) => s + m.amount, 0),
        ).toBe(q.amount);
        expect(q.amount).toBeGreaterThan(0);
      }
    }
    // a rep without a win carries the team's average, not nothing
    const total = (rep: string) => of(rep).filter((q) => q.period === '2026-Q3')[0].amount;
    expect(total('c')).toBeGreaterThan(total('a') * 0.3);
    // about what they close: 30k every 16 days ≈ 170k a quarter, stretched a little
    expect(total('a')).toBeGreaterThan(150_000);
    expect(total('a')).toBeLessThan(300_000);
  });
});
