// The demo's generators on their own: no database, plain inputs and outputs.
import { describe, expect, it } from 'vitest';
import { normaliseDomain } from '../accounts/domains.ts';
import { allocate, createRng } from './random.ts';
import { createTimeline, DAY, SEASONALITY } from './timeline.ts';
import { generateAccount, placeInTime, type AccountDraft } from './companies.ts';
import { generateCompanyContacts, generateIndependentContact, type PeopleEnv } from './people.ts';
import { marketingCalendar } from './marketing-calendar.ts';
import { Staffing, TEAMMATES } from './team.ts';
import { FAMOUS_NAMES } from './word-lists/company-words.ts';

const NOW = new Date('2026-11-20T15:00:00Z');
const timeline = createTimeline(NOW);
const staffing = new Staffing(TEAMMATES.map((t, i) => ({ ...t, id: `00000000-0000-4000-8000-00000000000${i}` })));
const env: PeopleEnv = { timeline, calendar: marketingCalendar(timeline.start, timeline.end), staffing };

function accounts(seed: number, n: number): Array<AccountDraft & { ownerId: string }> {
  const rng = createRng(seed, 'accounts');
  const used = { domains: new Set<string>(), names: new Set<string>() };
  return Array.from({ length: n }, () => {
    const a = generateAccount(rng, used);
    placeInTime(rng, a, timeline, 5);
    return { ...a, ownerId: staffing.accountExecutive(a.territory).id };
  });
}

describe('random', () => {
  it('repeats for the same seed and stream, and differs across streams', () => {
    const draw = (seed: number, stream: string) => Array.from({ length: 5 }, createRng(seed, stream).next);
    expect(draw(1, 'a')).toEqual(draw(1, 'a'));
    expect(draw(1, 'a')).not.toEqual(draw(1, 'b'));
    expect(draw(1, 'a')).not.toEqual(draw(2, 'a'));
  });

  it('allocates exactly the total, in proportion, within caps', () => {
    expect(allocate(10, [1, 1, 2])).toEqual([3, 2, 5]);
    const counts = allocate(100, [1, 1, 8], [50, 50, 20]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(counts[2]).toBe(20);
    expect(counts[0] + counts[1]).toBe(80);
    expect(allocate(100, [1, 1], [10, 10])).toEqual([10, 10]);
  });
});

describe('timeline', () => {
  it('covers 18 months up to now, with a December lull and an October peak', () => {
    expect(NOW.getTime() - timeline.start).toBeGreaterThan(540 * DAY);
    const rng = createRng(3, 'timeline');
    const byMonth = new Array(12).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const t = timeline.sample(rng);
      expect(t).toBeGreaterThanOrEqual(timeline.start);
      expect(t).toBeLessThanOrEqual(timeline.end);
      byMonth[new Date(t).getUTCMonth()]++;
    }
    // both years contain October and December in the window
    expect(byMonth[9]).toBeGreaterThan(byMonth[11] * 1.8);
    expect(SEASONALITY[7]).toBeLessThan(SEASONALITY[2]);
  });

  it('keeps samples inside the requested range and makes the first of many draws earlier', () => {
    const rng = createRng(4, 'range');
    const from = timeline.start + 100 * DAY;
    const to = timeline.start + 130 * DAY;
    let single = 0;
    let firstOfTen = 0;
    for (let i = 0; i < 2000; i++) {
      const t = timeline.sample(rng, { from, to });
      expect(t).toBeGreaterThanOrEqual(from);
      expect(t).toBeLessThanOrEqual(to);
      single += timeline.sample(rng) - timeline.start;
      firstOfTen += timeline.sample(rng, { firstOf: 10 }) - timeline.start;
    }
    expect(firstOfTen).toBeLessThan(single / 2);
  });
});

describe('companies', () => {
  it('invents plausible companies with unique, valid domains and no famous names', () => {
    const list = accounts(11, 3000);
    expect(new Set(list.map((a) => a.domain)).size).toBe(list.length);
    for (const a of list) {
      expect(normaliseDomain(a.domain), a.domain).toBe(a.domain);
      expect(FAMOUS_NAMES.has(a.name.split(' ')[0].toLowerCase()), a.name).toBe(false);
      expect(a.annualRevenue).toBeGreaterThan(0);
      expect(a.createdAt).toBeGreaterThanOrEqual(timeline.start);
      expect(a.updatedAt).toBeLessThanOrEqual(timeline.end);
      if (a.status === 'customer') {
        expect(a.plan).toMatch(/Starter|Growth|Enterprise/);
        expect(a.renewalDate! > NOW.toISOString().slice(0, 10)).toBe(true);
        expect(a.customerSince!).toBeGreaterThan(a.createdAt);
      }
    }
    // a long tail: many small companies, a few very large ones
    const small = list.filter((a) => a.employees <= 200).length;
    const huge = list.filter((a) => a.employees > 5000).length;
    expect(small / list.length).toBeGreaterThan(0.5);
    expect(huge).toBeGreaterThan(0);
    expect(huge / list.length).toBeLessThan(0.08);
  });
});

describe('people', () => {
  it('puts people on their company domain, in its address pattern, after the company was created', () => {
    const rng = { who: createRng(5, 'who'), story: createRng(5, 'story') };
    for (const account of accounts(12, 50)) {
      const people = generateCompanyContacts(rng, account, 12, env);
      expect(new Set(people.map((p) => p.email)).size).toBe(12);
      for (const p of people) {
        expect(p.email!.endsWith(`@${account.domain}`)).toBe(true);
        expect(p.email).toMatch(/^[a-z0-9._]+@[a-z0-9.-]+$/);
        expect(p.createdAt).toBeGreaterThanOrEqual(account.createdAt);
        expect(p.updatedAt).toBeGreaterThanOrEqual(p.createdAt);
        expect(p.updatedAt).toBeLessThanOrEqual(timeline.end);
        if (p.customFields.lead_source === 'Webinar') expect(p.tags.some((t) => t.startsWith('webinar-'))).toBe(true);
      }
      if (account.status === 'customer') expect(['customer', 'evangelist']).toContain(people[0].stage);
    }
  });

  it('gives free-mailbox people unique addresses and business-card people none', () => {
    const rng = { who: createRng(6, 'who'), story: createRng(6, 'story') };
    const used = new Set<string>();
    const free = Array.from({ length: 500 }, () => generateIndependentContact(rng, 'free-mail', env, used));
    expect(new Set(free.map((p) => p.email)).size).toBe(500);
    const cards = Array.from({ length: 20 }, () => generateIndependentContact(rng, 'no-email', env, used));
    expect(cards.every((p) => p.email === null && p.firstName && p.lastName)).toBe(true);
  });
});
