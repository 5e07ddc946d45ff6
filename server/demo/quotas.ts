// Quotas for the account executives: per month and per quarter from the first month of the demo to
// two quarters ahead. Set the way a sales leader would, from what each rep closes: mostly their own
// run rate at the time (the quarters around, smoothed, so one large deal does not set a quarter's
// bar), partly their long-run average, stretched ~12%; the coming quarters a few percent above the current
// one. Attainment then lands between ~60% and ~150% and varies quarter to quarter. A quarter's quota
// is the sum of its months'. Pure.
import { formatDay, monthsOf, nextPeriod, periodOfDay, type Period } from '../forecast/period.ts';

export interface QuotaDraft {
  ownerId: string;
  period: string;
  amount: number;
}

const STRETCH = 1.12;
const GROWTH_PER_QUARTER = 1.04;
/** A rep who closed nothing yet (a tiny demo) still carries a quota. */
const FLOOR_PER_MONTH = 15_000;

const round = (n: number) => (n >= 100_000 ? Math.round(n / 5_000) * 5_000 : Math.max(1_000, Math.round(n / 1_000) * 1_000));
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * `won`: every closed-won deal (owner, closed at, amount). Months from the one containing `start` to the end of the second quarter after `end`'s.
 */
export function planQuotas(
  reps: readonly string[],
  won: ReadonlyArray<{ ownerId: string; closedAt: number; amount: number }>,
  start: number,
  end: number,
): QuotaDraft[] {
  const current = periodOfDay(formatDay(new Date(end)), 'quarter');
  const quarters: Period[] = [];
  for (let q = periodOfDay(formatDay(new Date(start)), 'quarter'); q.start <= current.start; q = nextPeriod(q)) quarters.push(q);
  const past = quarters.slice(0, -1);
  // the share of each past quarter the demo covers (the first one starts mid-way)
  const covered = past.map((q) => Math.max(0.05, (ms(q.endExclusive) - Math.max(start, ms(q.start))) / (ms(q.endExclusive) - ms(q.start))));
  const quarterOf = (at: number) => past.findIndex((q) => at >= ms(q.start) && at < ms(q.endExclusive));

  const runRate = new Map<string, number[]>();
  for (const rep of reps)
    runRate.set(
      rep,
      past.map(() => 0),
    );
  for (const w of won) {
    const i = quarterOf(w.closedAt);
    if (i >= 0 && runRate.has(w.ownerId)) runRate.get(w.ownerId)![i] += w.amount / covered[i];
  }
  const average = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  // a rep who has not closed anything yet is measured against the team's average rep
  const teamRates = past.map((_, i) => average([...runRate.values()].map((r) => r[i])));
  for (const [rep, rates] of runRate) if (rates.every((x) => x === 0)) runRate.set(rep, teamRates);

  const out: QuotaDraft[] = [];
  const put = (rep: string, q: Period, perQuarter: number) => {
    const month = round(Math.max(FLOOR_PER_MONTH, perQuarter / 3));
    for (const m of monthsOf(q)) out.push({ ownerId: rep, period: m.key, amount: month });
    out.push({ ownerId: rep, period: q.key, amount: month * 3 });
  };
  for (const rep of reps) {
    const rates = runRate.get(rep)!;
    const longRun = average(rates);
    const smoothed = (i: number) => {
      // quarters i-1, i, i+1 weighted 1, 2, 1 (those that exist and have passed)
      const parts = [
        [i - 1, 1],
        [i, 2],
        [i + 1, 1],
      ].filter(([k]) => k >= 0 && k < rates.length);
      return parts.reduce((s, [k, w]) => s + rates[k] * w, 0) / parts.reduce((s, [, w]) => s + w, 0);
    };
    past.forEach((q, i) => put(rep, q, STRETCH * (0.65 * smoothed(i) + 0.35 * longRun) * covered[i]));
    // this quarter and the next two: from the last three quarters, growing a little
    const recent = average(rates.slice(-3)) || longRun;
    let q = current;
    for (let k = 0; k < 3; k++, q = nextPeriod(q))
      put(rep, q, STRETCH * (0.5 * recent + 0.5 * longRun) * Math.pow(GROWTH_PER_QUARTER, k + 1));
  }
  return out;
}
