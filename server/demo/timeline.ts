// When things happen in the demo's 18 months: a daily intensity with growth (the company is growing,
// so recent months see more sign-ups), B2B seasonality (busy Feb–Apr and Sep–Nov, a summer dip, a
// December lull), quiet weekends and office hours. Every date in the demo is drawn from it. Pure.
import type { Rng } from './random.ts';

export const DAY = 86_400_000;

/** Relative activity per calendar month, January first. */
export const SEASONALITY = [0.9, 1.15, 1.25, 1.15, 1.0, 0.85, 0.7, 0.62, 1.15, 1.3, 1.2, 0.55] as const;
/** Growth over the window: the last day is this many times busier than the first (seasonality aside). */
export const GROWTH = 2.6;
const WEEKEND = 0.22;
/** Share of a day's activity per UTC hour: office hours across Europe and North America. */
const HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 2, 4, 6, 6.5, 6, 5, 6, 7, 7.5, 7, 6, 4.5, 3.5, 3, 2.5, 2, 1.5];

export interface SampleOptions {
  /** Earliest time (ms), default the start of the window. */
  from?: number;
  /** Latest time (ms), default now. */
  to?: number;
  /**
   * >1 favours the early part of the range (e.g. customers signed up long ago), <1 the late part;
   * 1 follows the timeline's own intensity.
   */
  bias?: number;
  /**
   * The earliest of this many draws (one draw from the minimum's distribution). An account is as old
   * as the first of its contacts, so it is dated this way; its other contacts then follow the
   * timeline after it, and all contacts together follow the timeline.
   */
  firstOf?: number;
}

export interface Timeline {
  /** Start of the window (ms, midnight UTC). */
  start: number;
  /** Now (ms): nothing is dated after it. */
  end: number;
  sample(rng: Rng, opts?: SampleOptions): number;
  /** Relative intensity of the day containing `ms` (for tests and other steps' own volumes). */
  intensity(ms: number): number;
}

const hourCdf = (() => {
  const total = HOURS.reduce((a, b) => a + b, 0);
  let acc = 0;
  return [0, ...HOURS.map((h) => (acc += h) / total)];
})();

/** Position within a day [0,1) → fraction of the day, following office hours (monotonic). */
function timeOfDay(frac: number): number {
  let h = 0;
  while (h < 23 && hourCdf[h + 1] <= frac) h++;
  const within = (frac - hourCdf[h]) / (hourCdf[h + 1] - hourCdf[h]);
  return (h + within) / 24;
}

export function createTimeline(now: Date, months = 18): Timeline {
  const end = now.getTime();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const startDate = new Date(today);
  startDate.setUTCMonth(startDate.getUTCMonth() - months);
  const start = startDate.getTime();
  const days = Math.round((today - start) / DAY) + 1; // the last day is today, partly elapsed
  const weights = new Float64Array(days);
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * DAY);
    const t = d / Math.max(1, days - 1);
    const weekday = date.getUTCDay();
    let w = Math.pow(GROWTH, t) * SEASONALITY[date.getUTCMonth()] * (weekday === 0 || weekday === 6 ? WEEKEND : 1);
    if (d === days - 1) w *= (end - today) / DAY;
    weights[d] = w;
  }
  const cdf = new Float64Array(days + 1);
  for (let d = 0; d < days; d++) cdf[d + 1] = cdf[d] + weights[d];
  const total = cdf[days];

  // cumulative intensity at a time; linear within a day, so it inverts exactly below
  const cdfAt = (ms: number) => {
    if (ms <= start) return 0;
    if (ms >= end) return total;
    const pos = (ms - start) / DAY;
    const d = Math.floor(pos);
    return cdf[d] + weights[d] * (pos - d);
  };

  return {
    start,
    end,
    intensity: (ms) => {
      const d = Math.floor((ms - start) / DAY);
      return d >= 0 && d < days ? weights[d] : 0;
    },
    sample(rng, opts = {}) {
      const from = Math.max(start, opts.from ?? start);
      const to = Math.min(end, opts.to ?? end);
      if (to <= from) return Math.min(Math.max(from, start), end);
      const lo = cdfAt(from);
      const hi = cdfAt(to);
      let r = opts.bias && opts.bias !== 1 ? Math.pow(rng.next(), opts.bias) : rng.next();
      if (opts.firstOf && opts.firstOf > 1) r = 1 - Math.pow(1 - r, 1 / opts.firstOf);
      const u = lo + (hi - lo) * r;
      let a = 0;
      let b = days - 1;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (cdf[mid + 1] > u) b = mid;
        else a = mid + 1;
      }
      const frac = weights[a] > 0 ? (u - cdf[a]) / weights[a] : 0;
      const dayStart = start + a * DAY;
      // today is partly over: spread its events over the hours elapsed so far
      const ms = a === days - 1 ? dayStart + frac * (end - today) : dayStart + timeOfDay(Math.min(frac, 0.999999)) * DAY;
      return Math.min(to, Math.max(from, Math.round(ms)));
    },
  };
}

/** YYYY-MM-DD (UTC) of a time in ms, the format date custom fields store. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
