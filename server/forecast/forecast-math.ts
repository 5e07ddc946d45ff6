// The forecast of one period, from rows the database already aggregated (GROUP BY owner, stage and
// forecast category): buckets, weighted pipeline two ways, attainment against quota. Pure: no I/O.
//
// What counts where:
// - closed won: deals won (status `won`) whose closed_at falls in the period. The actual close date
//   is used, not the expected one, so a deal won early counts in the period it was won.
// - commit / best case / pipeline / omitted: open deals whose expected close date falls in the period,
//   by forecast category. An open deal still marked `closed` (not moved yet) counts as commit: the rep
//   has called it. Omitted deals are reported but left out of every total and weighting.
// - weighted by probability: Σ open amount × the stage's probability.
// - weighted by history: Σ open amount × the stage's historical win rate (see historicalRates); a stage
//   no closed deal ever passed through falls back to its probability, and says so.
import type { ForecastCategory, StageType } from '../db-schema.ts';

export interface Amount {
  count: number;
  amount: number;
}

export interface OpenDealGroup {
  ownerId: string | null;
  stageId: string;
  category: ForecastCategory;
  count: number;
  amount: number;
}

export interface WonDealGroup {
  ownerId: string | null;
  count: number;
  amount: number;
}

export interface StageInfo {
  id: string;
  name: string;
  pipelineId: string;
  pipelineName?: string;
  position: number;
  probability: number;
  type: StageType;
}

/** Of the deals that ever entered the stage and are closed now, how many, and how many of them won. */
export interface StageReach {
  stageId: string;
  reachedClosed: number;
  reachedWon: number;
}

export interface QuotaAmount {
  /** null: the team quota. */
  ownerId: string | null;
  period: string;
  amount: number;
}

export type OpenBucket = 'commit' | 'bestCase' | 'pipeline' | 'omitted';

export interface Buckets {
  closedWon: Amount;
  commit: Amount;
  bestCase: Amount;
  pipeline: Amount;
  omitted: Amount;
}

export interface StageRate {
  /** Won ÷ closed among deals that reached the stage; null when none of them has closed yet. */
  rate: number | null;
  /** Closed deals the rate is computed from. */
  sample: number;
}

export interface StageWeighting {
  stageId: string;
  name: string;
  pipelineId: string;
  pipelineName: string;
  probability: number;
  historicalRate: number | null;
  historySample: number;
  /** The rate used for `weightedByHistory`: the stage's history, or its probability when it has none. */
  historySource: 'history' | 'probability';
  open: Amount;
  weightedByProbability: number;
  weightedByHistory: number;
}

export interface ForecastFigures extends Buckets {
  weightedByProbability: number;
  weightedByHistory: number;
  /** closed won + commit: what the team is confident of. */
  commitForecast: number;
  /** closed won + commit + best case. */
  bestCaseForecast: number;
  quota: number | null;
  /** closed won ÷ quota (1 = 100%); null without a quota above zero. */
  attainment: number | null;
}

export interface RepForecast extends ForecastFigures {
  ownerId: string | null;
}

export interface TeamForecast extends ForecastFigures {
  quotaSource: 'team' | 'sum_of_reps' | 'none';
}

export interface Forecast {
  stages: StageWeighting[];
  reps: RepForecast[];
  team: TeamForecast;
}

export const roundMoney = (n: number): number => Math.round(n * 100) / 100;

export function bucketOf(category: ForecastCategory): OpenBucket {
  switch (category) {
    case 'commit':
    case 'closed':
      return 'commit';
    case 'best_case':
      return 'bestCase';
    case 'omitted':
      return 'omitted';
    default:
      return 'pipeline';
  }
}

export function historicalRates(reach: StageReach[]): Map<string, StageRate> {
  return new Map(
    reach.map((r) => [r.stageId, { rate: r.reachedClosed > 0 ? r.reachedWon / r.reachedClosed : null, sample: r.reachedClosed }]),
  );
}

/**
 * The quota of `period` from quota rows of one owner (or of the team): the period's own quota, or for a
 * quarter without one, the sum of its months' quotas when any is set. A month without its own quota
 * has none (a quarter's quota is not split into guessed months).
 */
export function quotaFor(period: string, monthKeys: string[], quotas: Array<{ period: string; amount: number }>): number | null {
  const own = quotas.find((q) => q.period === period);
  if (own) return own.amount;
  if (monthKeys.length <= 1) return null;
  const months = quotas.filter((q) => q.period !== period && monthKeys.includes(q.period));
  return months.length ? roundMoney(months.reduce((s, q) => s + q.amount, 0)) : null;
}

export function attainment(closedWon: number, quota: number | null): number | null {
  return quota !== null && quota > 0 ? closedWon / quota : null;
}

const emptyAmount = (): Amount => ({ count: 0, amount: 0 });

interface Tally {
  buckets: Buckets;
  byProbability: number;
  byHistory: number;
}

const emptyTally = (): Tally => ({
  buckets: { closedWon: emptyAmount(), commit: emptyAmount(), bestCase: emptyAmount(), pipeline: emptyAmount(), omitted: emptyAmount() },
  byProbability: 0,
  byHistory: 0,
});

function add(a: Amount, count: number, amount: number) {
  a.count += count;
  a.amount += amount;
}

function figures(t: Tally, quota: number | null): ForecastFigures {
  const b = t.buckets;
  const money = (a: Amount): Amount => ({ count: a.count, amount: roundMoney(a.amount) });
  return {
    closedWon: money(b.closedWon),
    commit: money(b.commit),
    bestCase: money(b.bestCase),
    pipeline: money(b.pipeline),
    omitted: money(b.omitted),
    weightedByProbability: roundMoney(t.byProbability),
    weightedByHistory: roundMoney(t.byHistory),
    commitForecast: roundMoney(b.closedWon.amount + b.commit.amount),
    bestCaseForecast: roundMoney(b.closedWon.amount + b.commit.amount + b.bestCase.amount),
    quota,
    attainment: attainment(roundMoney(b.closedWon.amount), quota),
  };
}

export interface ForecastInput {
  period: string;
  /** The period's months (a month: itself), for quarter quotas made of monthly ones. */
  monthKeys: string[];
  open: OpenDealGroup[];
  won: WonDealGroup[];
  stages: StageInfo[];
  reach: StageReach[];
  quotas: QuotaAmount[];
}

export function buildForecast(input: ForecastInput): Forecast {
  const rates = historicalRates(input.reach);
  const stageById = new Map(input.stages.map((s) => [s.id, s]));
  const rateOf = (stage: StageInfo) => rates.get(stage.id)?.rate ?? stage.probability / 100;

  const team = emptyTally();
  const reps = new Map<string | null, Tally>();
  const rep = (ownerId: string | null) => {
    let t = reps.get(ownerId);
    if (!t) reps.set(ownerId, (t = emptyTally()));
    return t;
  };
  const stageOpen = new Map<string, Amount>();

  for (const g of input.won) {
    add(team.buckets.closedWon, g.count, g.amount);
    add(rep(g.ownerId).buckets.closedWon, g.count, g.amount);
  }
  for (const g of input.open) {
    const bucket = bucketOf(g.category);
    const r = rep(g.ownerId);
    add(team.buckets[bucket], g.count, g.amount);
    add(r.buckets[bucket], g.count, g.amount);
    const stage = stageById.get(g.stageId);
    if (bucket === 'omitted' || !stage) continue;
    const byProbability = (g.amount * stage.probability) / 100;
    const byHistory = g.amount * rateOf(stage);
    team.byProbability += byProbability;
    team.byHistory += byHistory;
    r.byProbability += byProbability;
    r.byHistory += byHistory;
    const open = stageOpen.get(stage.id) ?? emptyAmount();
    add(open, g.count, g.amount);
    stageOpen.set(stage.id, open);
  }

  const quotaRows = (ownerId: string | null) => input.quotas.filter((q) => q.ownerId === ownerId);
  // a rep with a quota for the period is listed even before their first deal
  for (const ownerId of new Set(input.quotas.map((q) => q.ownerId))) {
    if (ownerId !== null && quotaFor(input.period, input.monthKeys, quotaRows(ownerId)) !== null) rep(ownerId);
  }

  const repForecasts: RepForecast[] = [...reps.entries()].map(([ownerId, t]) => ({
    ownerId,
    ...figures(t, ownerId === null ? null : quotaFor(input.period, input.monthKeys, quotaRows(ownerId))),
  }));
  repForecasts.sort((a, b) => b.closedWon.amount - a.closedWon.amount || String(a.ownerId).localeCompare(String(b.ownerId)));

  const explicitTeam = quotaFor(input.period, input.monthKeys, quotaRows(null));
  const repQuotas = repForecasts.map((r) => r.quota).filter((q): q is number => q !== null);
  const teamQuota = explicitTeam ?? (repQuotas.length ? roundMoney(repQuotas.reduce((s, q) => s + q, 0)) : null);

  const stages: StageWeighting[] = input.stages
    // open stages only (no open deal sits in a won or lost one), in the order given
    .filter((s) => s.type === 'open')
    .map((s) => {
      const open = stageOpen.get(s.id) ?? emptyAmount();
      const hist = rates.get(s.id);
      return {
        stageId: s.id,
        name: s.name,
        pipelineId: s.pipelineId,
        pipelineName: s.pipelineName ?? '',
        probability: s.probability,
        historicalRate: hist?.rate ?? null,
        historySample: hist?.sample ?? 0,
        historySource: hist?.rate == null ? 'probability' : 'history',
        open: { count: open.count, amount: roundMoney(open.amount) },
        weightedByProbability: roundMoney((open.amount * s.probability) / 100),
        weightedByHistory: roundMoney(open.amount * rateOf(s)),
      };
    });

  return {
    stages,
    reps: repForecasts,
    team: {
      ...figures(team, teamQuota),
      quotaSource: explicitTeam !== null ? 'team' : teamQuota !== null ? 'sum_of_reps' : 'none',
    },
  };
}
