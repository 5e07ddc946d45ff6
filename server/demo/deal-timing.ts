// When a deal's stage moves happened: time in each New business stage (longer for bigger plans),
// the path a deal took, and office-hours move times strictly in order between its creation and its
// close (or now). Pure.
import type { Rng } from './random.ts';
import type { PaidPlan } from './sales-catalog.ts';
import { DAY, type Timeline } from './timeline.ts';

/** Median days a deal spends in each New business open stage, for a Growth-sized deal. */
export const STAGE_DAYS = [9, 15, 17, 13];
/** How much longer than that a deal of each plan takes: enterprise buying committees move slowly. */
export const PLAN_PACE: Record<PaidPlan, number> = { Starter: 0.8, Growth: 1.2, Enterprise: 2.2 };

/** Office-hours times strictly inside (from, to), sorted, splitting the span in proportion to `weights` (one per stint). */
export function moveTimes(rng: Rng, timeline: Timeline, weights: number[], from: number, to: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const out: number[] = [];
  let acc = 0;
  for (let i = 0; i < weights.length - 1; i++) {
    acc += weights[i];
    const ideal = from + ((to - from) * acc) / total;
    const t = timeline.sample(rng, { from: Math.max(from + 60_000, ideal - DAY), to: Math.min(to - 60_000, ideal + DAY / 2) });
    out.push(Math.min(to - 60_000, Math.max(from + 60_000, t)));
  }
  out.sort((a, b) => a - b);
  // strictly after one another (and after the creation), so history reads in order
  for (let i = 0; i < out.length; i++) out[i] = Math.max(out[i], (i ? out[i - 1] : from) + 1000);
  return out;
}

/** Days in each of the given stages, around their medians. */
export function stageWeights(rng: Rng, stageIndexes: number[], pace: number): number[] {
  return stageIndexes.map((s) => STAGE_DAYS[s] * pace * rng.logNormal(1, 0.45));
}

/** Stage indexes a deal went through up to `last`: most start in Qualification, inbound demo requests in Discovery. */
export function pathTo(rng: Rng, last: number): number[] {
  const first = last >= 1 && rng.chance(0.2) ? 1 : 0;
  const path: number[] = [];
  for (let s = first; s <= last; s++) path.push(s);
  return path;
}

/** An index drawn with the given shares (summing to 1). */
export function pickIndex(rng: Rng, shares: readonly number[]): number {
  let x = rng.next();
  for (let i = 0; i < shares.length - 1; i++) if ((x -= shares[i]) < 0) return i;
  return shares.length - 1;
}

export function addYears(ms: number, years: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** Last day of the month of a day: reps like to forecast month ends. */
export function monthEnd(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0, 12);
}
