// Northwind's marketing events in the demo window: two webinars a quarter and the trade shows it
// exhibits at. Contacts who came from an event are dated just after it, carry its tag and its date in
// "Last event attended", so lead volume visibly spikes around events. Later steps (campaigns, touches)
// can read the same calendar from the seed context. Pure.
import { isoDate } from './timeline.ts';
import type { Rng } from './random.ts';

export interface MarketingEvent {
  kind: 'webinar' | 'trade-show';
  name: string;
  /** Start time (ms). */
  at: number;
  /** Tag given to contacts who attended: webinar-2026-q1, trade-show. */
  tag: string;
  date: string;
}

const WEBINARS = [
  'Self-serve BI without the chaos',
  'From spreadsheets to live dashboards',
  'Forecasting that finance trusts',
  'One set of metrics for every team',
  'Embedded analytics in your product',
  'AI-assisted insights: what works today',
  'Marketing attribution on your warehouse',
  'The modern data stack in 60 minutes',
] as const;

/** Month (0-based), day and name of the yearly shows. */
const TRADE_SHOWS: ReadonlyArray<readonly [number, number, string]> = [
  [2, 18, 'Analytics Leaders Expo, Austin'],
  [4, 20, 'Retail Insights Week, London'],
  [5, 11, 'Data Platform Summit, Berlin'],
  [8, 24, 'FinTech Data Summit, New York'],
  [9, 15, 'Analytics Leaders Expo, Amsterdam'],
  [10, 12, 'Nordic Data Days, Stockholm'],
];

/** The n-th given weekday (0 = Sunday) of a month, at hour h UTC. */
function nthWeekday(year: number, month: number, weekday: number, n: number, hour: number): number {
  const first = new Date(Date.UTC(year, month, 1));
  const offset = (weekday - first.getUTCDay() + 7) % 7;
  return Date.UTC(year, month, 1 + offset + 7 * (n - 1), hour);
}

export function marketingCalendar(start: number, end: number): MarketingEvent[] {
  const events: MarketingEvent[] = [];
  const from = new Date(start).getUTCFullYear();
  const to = new Date(end).getUTCFullYear();
  let webinarIndex = 0;
  for (let year = from; year <= to; year++) {
    for (let quarter = 0; quarter < 4; quarter++) {
      // second Tuesday of the quarter's first month, third Thursday of its second, 16:00 UTC
      const slots = [nthWeekday(year, quarter * 3, 2, 2, 16), nthWeekday(year, quarter * 3 + 1, 4, 3, 16)];
      for (const at of slots) {
        const name = `Webinar: ${WEBINARS[webinarIndex++ % WEBINARS.length]}`;
        events.push({ kind: 'webinar', name, at, tag: `webinar-${year}-q${quarter + 1}`, date: isoDate(at) });
      }
    }
    for (const [month, day, name] of TRADE_SHOWS) {
      const at = Date.UTC(year, month, day, 9);
      events.push({ kind: 'trade-show', name, at, tag: 'trade-show', date: isoDate(at) });
    }
  }
  return events.filter((e) => e.at >= start && e.at <= end).sort((a, b) => a.at - b.at);
}

/** The latest event of a kind in [from, to], or undefined. */
export function latestEvent(
  events: readonly MarketingEvent[],
  kind: MarketingEvent['kind'],
  from: number,
  to: number,
): MarketingEvent | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.at > to) continue;
    if (e.at < from) return undefined;
    if (e.kind === kind) return e;
  }
  return undefined;
}

/** One of the events in [from, to] at random (mostly webinars: there are more of them), or undefined. */
export function someEvent(rng: Rng, events: readonly MarketingEvent[], from: number, to: number): MarketingEvent | undefined {
  const inRange = events.filter((e) => e.at >= from && e.at <= to);
  return inRange.length ? rng.pick(inRange) : undefined;
}
