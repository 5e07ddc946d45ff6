// Northwind's deals, account by account, following each company's standing (companies.ts): customers
// won a new-business deal when their contract started (amount ≈ their ARR) and renewed it every year
// on the Renewals board, some bought more (expansions); churned accounts won once and lost the
// renewal; open opportunities sit somewhere in the pipeline now; prospects and free-plan companies
// mostly hold lost attempts (so about a quarter of closed new business is won). Every deal moves
// forward through its pipeline's stages with plausible time in each, and carries 1–4 of the account's
// people in buying roles and 1–3 line items. Pure: the sales step gives it stage, reason and id
// sources and writes what it returns.
import type { DealContactRole, DealType, ForecastCategory, StageType } from '../db-schema.ts';
import { arrFor, planFor } from './companies.ts';
import { contactCount, pickDealContacts } from './deal-people.ts';
import { CHURN_REASONS, closeNote, LOST_REASONS_EARLY, LOST_REASONS_LATE, LOST_REASONS_MID, WON_REASONS } from './deal-reasons.ts';
import { addYears, monthEnd, moveTimes, pathTo, pickIndex, PLAN_PACE, STAGE_DAYS, stageWeights } from './deal-timing.ts';
import { weightedKeys, type Rng } from './random.ts';
import { expansionLines, linesTotal, newDealLines, productOf, renewalLines, type LineDraft, type PaidPlan } from './sales-catalog.ts';
import type { DemoAccount, DemoContacts } from './seed-context.ts';
import { DAY, isoDate, type Timeline } from './timeline.ts';

export { customersMadeBy } from './deal-people.ts';

export interface StageRef {
  id: string;
  name: string;
  type: StageType;
}

export interface PipelineRef {
  id: string;
  /** Open stages in board order. */
  open: StageRef[];
  won: StageRef;
  lost: StageRef;
}

export interface CloseReasonRef {
  id: string;
  kind: 'won' | 'lost';
  label: string;
}

export interface DealEnv {
  timeline: Timeline;
  accounts: readonly DemoAccount[];
  contacts: DemoContacts;
  /** Contact indexes of each account in insertion order: the first brought the account in. */
  contactsByAccount: readonly number[][];
  newBusiness: PipelineRef;
  renewals: PipelineRef;
  reasons: readonly CloseReasonRef[];
  newId(): string;
}

export interface Move {
  stage: StageRef;
  at: number;
}

export interface DealContactDraft {
  index: number;
  role: DealContactRole | null;
  addedAt: number;
}

export interface DealDraft {
  id: string;
  accountIndex: number;
  pipelineId: string;
  /** The New business pipeline or the Renewals one. */
  board: 'new' | 'renewals';
  type: DealType;
  parentId: string | null;
  name: string;
  ownerId: string;
  plan: PaidPlan;
  /** moves[0] is the creation (history from null); the last is the current stage. */
  moves: Move[];
  status: StageType;
  closedAt: number | null;
  closeReasonId: string | null;
  closeNote: string | null;
  expectedCloseDate: string;
  forecastCategory: ForecastCategory;
  renewalDate: string | null;
  lines: LineDraft[];
  amount: number;
  contacts: DealContactDraft[];
  updatedAt: number;
}

export const createdAt = (d: DealDraft) => d.moves[0].at;
export const stageChangedAt = (d: DealDraft) => d.moves[d.moves.length - 1].at;

/** Of the open deals now, where they sit. */
const OPEN_STAGE = [0.3, 0.28, 0.24, 0.18];
/** How far a lost deal got before it was lost. */
const LOST_AT = [0.36, 0.3, 0.21, 0.13];
/** Mean lost attempts per account, by standing and size (small < 200 < mid < 1000 < large). */
const LOST_ATTEMPTS: Record<DemoAccount['status'], [number, number, number]> = {
  prospect: [0.75, 1.45, 2.4],
  free: [1.15, 1.6, 2],
  opportunity: [0.45, 0.7, 1],
  customer: [0, 0, 0],
  churned: [0, 0, 0],
};
const OPEN_ATTEMPT: Record<DemoAccount['status'], [number, number, number]> = {
  prospect: [0.03, 0.06, 0.1],
  free: [0.12, 0.14, 0.16],
  opportunity: [1, 1, 1],
  customer: [0, 0, 0],
  churned: [0, 0, 0],
};
const EXPANSION_CHANCE: [number, number, number] = [0.15, 0.3, 0.45];

const sizeOf = (employees: number) => (employees < 200 ? 0 : employees < 1000 ? 1 : 2);

function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return Math.min(k, 4);
}

export function createDealPlanner(env: DealEnv) {
  const { timeline, accounts, contacts } = env;
  const now = timeline.end;
  const reasonId = (kind: 'won' | 'lost', label: string) =>
    (env.reasons.find((r) => r.kind === kind && r.label === label) ?? env.reasons.find((r) => r.kind === kind))?.id ?? null;

  /** Moves through `path` (New business open stage indexes), closing into `close` at `closedAt`. */
  function closedMoves(rng: Rng, pipeline: PipelineRef, path: number[], close: StageRef, created: number, closedAt: number): Move[] {
    const times = moveTimes(rng, timeline, [...stageWeights(rng, path, 1), 0.0001], created, closedAt);
    // the last share is ~0: the close follows the last open stage's stint
    const moves = path.map((s, i) => ({ stage: pipeline.open[s], at: i === 0 ? created : times[i - 1] }));
    moves.push({ stage: close, at: closedAt });
    return moves;
  }

  function contactCount(rng: Rng, employees: number): number {
    return [rng.int(1, 2), rng.int(1, 3), rng.int(2, 4)][sizeOf(employees)];
  }

  function base(
    rng: Rng,
    accountIndex: number,
    board: 'new' | 'renewals',
    type: DealType,
    plan: PaidPlan,
    lines: LineDraft[],
    name: string,
  ) {
    const account = accounts[accountIndex];
    return {
      id: env.newId(),
      accountIndex,
      pipelineId: (board === 'new' ? env.newBusiness : env.renewals).id,
      board,
      type,
      parentId: null as string | null,
      name,
      ownerId: account.ownerId,
      plan,
      lines,
      amount: linesTotal(lines),
    };
  }

  function closed(
    rng: Rng,
    deal: ReturnType<typeof base>,
    moves: Move[],
    kind: 'won' | 'lost',
    reason: string,
    contactTotal: number,
  ): DealDraft {
    const account = accounts[deal.accountIndex];
    const created = moves[0].at;
    const closedAt = moves[moves.length - 1].at;
    return {
      ...deal,
      moves,
      status: kind,
      closedAt,
      closeReasonId: reasonId(kind, reason),
      closeNote: closeNote(rng, account, reason),
      expectedCloseDate: isoDate(kind === 'won' ? closedAt : closedAt + rng.int(0, 40) * DAY),
      forecastCategory: 'closed',
      renewalDate: kind === 'won' ? isoDate(addYears(closedAt, 1)) : null,
      contacts: pickDealContacts(rng, env, deal.accountIndex, closedAt, contactTotal, created),
      updatedAt: Math.min(now, closedAt + rng.int(0, 3 * 24) * 3_600_000),
    };
  }

  /** A lost New business attempt in [from, to], or none when there is no room. */
  function lostAttempt(rng: Rng, accountIndex: number, from: number, to: number, type: DealType = 'new'): DealDraft | null {
    const account = accounts[accountIndex];
    const plan = planFor(rng, account.employees) as PaidPlan;
    const reached = pickIndex(rng, LOST_AT);
    const path = pathTo(rng, reached);
    // a dying deal lingers in its last stage (chased, then written off) before it is marked lost
    const days = stageWeights(rng, path, PLAN_PACE[plan]).reduce((s, d) => s + d, 0) + rng.logNormal(14, 0.6);
    let span = days * DAY;
    if (to - from < 4 * DAY) return null;
    if (from + span > to) span = (to - from) * 0.7;
    const created = timeline.sample(rng, { from, to: to - span });
    const closedAt = Math.min(now, timeline.sample(rng, { from: created + span * 0.9, to: created + span * 1.1 }));
    if (closedAt - created < DAY) return null;
    const lines = newDealLines(rng, plan, arrFor(rng, plan, account.employees));
    const deal = base(rng, accountIndex, 'new', type, plan, lines, `${account.name} — ${plan} plan`);
    const reason = (reached === 0 ? LOST_REASONS_EARLY : reached === 1 ? LOST_REASONS_MID : LOST_REASONS_LATE)(rng);
    return closed(
      rng,
      deal,
      closedMoves(rng, env.newBusiness, path, env.newBusiness.lost, created, closedAt),
      'lost',
      reason,
      contactCount(rng, account.employees),
    );
  }

  /** An open New business deal now, created at least `from`: its stage, age and expected close. */
  function openDeal(rng: Rng, accountIndex: number, from: number, type: DealType = 'new', stageShares = OPEN_STAGE): DealDraft | null {
    const account = accounts[accountIndex];
    const plan = planFor(rng, account.employees) as PaidPlan;
    const pace = PLAN_PACE[plan];
    const current = pickIndex(rng, stageShares);
    const path = pathTo(rng, current);
    const passed = stageWeights(rng, path.slice(0, -1), pace);
    const inStage = STAGE_DAYS[current] * pace * (0.1 + rng.next() * 1.3);
    let ageDays = passed.reduce((s, d) => s + d, 0) + inStage;
    const room = (now - from) / DAY;
    if (room < 1) return null;
    const scale = ageDays > room ? (room * 0.9) / ageDays : 1;
    ageDays *= scale;
    const created = Math.max(from, timeline.sample(rng, { from: now - ageDays * DAY - DAY, to: now - ageDays * DAY + DAY }));
    const times = moveTimes(rng, timeline, [...passed.map((d) => d * scale), inStage * scale], created, now);
    const moves = path.map((s, i) => ({ stage: env.newBusiness.open[s], at: i === 0 ? created : times[i - 1] }));
    const remaining = STAGE_DAYS.slice(current).reduce((s, d) => s + d, 0) * pace * rng.logNormal(0.8, 0.45) - inStage * 0.5;
    let expected = now + Math.max(3, remaining) * DAY;
    if (rng.chance(0.4)) expected = monthEnd(expected);
    if (rng.chance(0.06)) expected = now - rng.int(1, 25) * DAY; // slipped: the rep has not updated it yet
    const lines = newDealLines(rng, plan, arrFor(rng, plan, account.employees));
    const deal = base(rng, accountIndex, 'new', type, plan, lines, `${account.name} — ${plan} plan`);
    const category: ForecastCategory =
      current === 3
        ? rng.chance(0.65)
          ? 'commit'
          : 'best_case'
        : current === 2
          ? weightedKeys<ForecastCategory>({ best_case: 55, pipeline: 40, commit: 5 })(rng)
          : rng.chance(current === 0 ? 0.1 : 0.05)
            ? 'omitted'
            : current === 1 && rng.chance(0.1)
              ? 'best_case'
              : 'pipeline';
    return {
      ...deal,
      moves,
      status: 'open',
      closedAt: null,
      closeReasonId: null,
      closeNote: null,
      expectedCloseDate: isoDate(expected),
      forecastCategory: category,
      renewalDate: null,
      contacts: pickDealContacts(rng, env, accountIndex, now, contactCount(rng, account.employees), created),
      updatedAt: Math.max(moves[moves.length - 1].at, now - rng.int(0, 96) * 3_600_000),
    };
  }

  /** The new-business win that made a customer: closes when the contract started, worth its ARR. */
  function firstWin(rng: Rng, accountIndex: number): DealDraft {
    const account = accounts[accountIndex];
    const plan = (account.plan && account.plan !== 'Free' ? account.plan : planFor(rng, account.employees)) as PaidPlan;
    const closedAt = account.customerSince!;
    const cycle = STAGE_DAYS.reduce((s, d) => s + d, 0) * PLAN_PACE[plan] * rng.logNormal(1.1, 0.4) * DAY;
    const earliest = account.createdAt + rng.int(1, 4) * DAY;
    let created = Math.max(earliest, closedAt - cycle);
    if (closedAt - created < 3 * DAY) created = account.createdAt + (closedAt - account.createdAt) * 0.1;
    created = Math.min(created, closedAt - DAY);
    // small deals often sign the proposal without a negotiation
    const path = plan === 'Starter' && rng.chance(0.5) ? pathTo(rng, 2) : pathTo(rng, 3);
    const lines = newDealLines(rng, plan, account.arr ?? arrFor(rng, plan, account.employees));
    const deal = base(rng, accountIndex, 'new', 'new', plan, lines, `${account.name} — ${plan} plan`);
    return closed(
      rng,
      deal,
      closedMoves(rng, env.newBusiness, path, env.newBusiness.won, created, closedAt),
      'won',
      WON_REASONS(rng),
      contactCount(rng, account.employees) + 1,
    );
  }

  /** The renewal of `previous`'s contract at `due`: won or lost (closed by `closeBy`), or open when still ahead. */
  function renewal(rng: Rng, previous: DealDraft, due: number, outcome: 'won' | 'lost' | 'open', closeBy?: number): DealDraft {
    const account = accounts[previous.accountIndex];
    const r = env.renewals;
    const year = new Date(due).getUTCFullYear();
    // a churning customer is offered the same again; a renewing one adjusts its seats
    const lines = outcome === 'lost' ? previous.lines.filter((l) => productOf(l.sku).recurring) : renewalLines(rng, previous.lines);
    const deal = {
      ...base(rng, previous.accountIndex, 'renewals', 'renewal', previous.plan, lines, `${account.name} — renewal ${year}`),
      parentId: previous.id,
    };
    const created = Math.max(
      stageChangedAt(previous) + DAY,
      timeline.sample(rng, { from: due - rng.int(85, 100) * DAY, to: due - 75 * DAY }),
    );
    const count = contactCount(rng, account.employees);
    if (outcome === 'open') {
      const daysLeft = (due - now) / DAY;
      const current = daysLeft > 60 ? 0 : daysLeft > 30 ? 1 : rng.chance(0.55) ? 2 : 1;
      const times = moveTimes(
        rng,
        timeline,
        Array.from({ length: current + 1 }, () => rng.next() + 0.5),
        created,
        now,
      );
      const moves = Array.from({ length: current + 1 }, (_, i) => ({ stage: r.open[i], at: i === 0 ? created : times[i - 1] }));
      const category: ForecastCategory =
        current === 2
          ? 'commit'
          : current === 1
            ? weightedKeys<ForecastCategory>({ best_case: 60, commit: 20, pipeline: 20 })(rng)
            : rng.chance(0.6)
              ? 'pipeline'
              : 'best_case';
      return {
        ...deal,
        moves,
        status: 'open',
        closedAt: null,
        closeReasonId: null,
        closeNote: null,
        expectedCloseDate: isoDate(due),
        forecastCategory: category,
        renewalDate: isoDate(addYears(due, 1)),
        contacts: pickDealContacts(rng, env, deal.accountIndex, now, count, created),
        updatedAt: Math.max(moves[moves.length - 1].at, now - rng.int(0, 120) * 3_600_000),
      };
    }
    const closedAt = Math.min(
      closeBy ?? now,
      Math.max(created + 7 * DAY, timeline.sample(rng, { from: due - 25 * DAY, to: due + 3 * DAY })),
    );
    const stages = outcome === 'won' ? (rng.chance(0.7) ? [0, 1, 2] : [0, 1]) : [0, 1];
    const times = moveTimes(rng, timeline, [...stages.map(() => rng.next() + 0.5), 0.0001], created, closedAt);
    const moves = stages.map((s, i) => ({ stage: r.open[s], at: i === 0 ? created : times[i - 1] }));
    moves.push({ stage: outcome === 'won' ? r.won : r.lost, at: closedAt });
    const done = closed(rng, deal, moves, outcome, outcome === 'won' ? WON_REASONS(rng) : CHURN_REASONS(rng), count);
    return { ...done, renewalDate: outcome === 'won' ? isoDate(addYears(due, 1)) : null };
  }

  function expansion(rng: Rng, original: DealDraft, from: number): DealDraft | null {
    const account = accounts[original.accountIndex];
    if (now - from < 20 * DAY) return null;
    const { lines, what } = expansionLines(rng, original.plan, original.lines);
    const deal = {
      ...base(rng, original.accountIndex, 'new', 'expansion', original.plan, lines, `${account.name} — ${what}`),
      parentId: original.id,
    };
    const outcome = weightedKeys({ won: 40, lost: 30, open: 30 })(rng);
    if (outcome === 'open') {
      const open = openDeal(rng, original.accountIndex, from, 'expansion', [0.2, 0.35, 0.3, 0.15]);
      return open && { ...open, ...deal };
    }
    const pace = 0.6;
    const reached = outcome === 'won' ? 3 : pickIndex(rng, [0.2, 0.4, 0.25, 0.15]);
    const path = outcome === 'won' ? [1, 2, 3] : pathTo(rng, reached).filter((s) => s > 0 || reached === 0);
    const span = stageWeights(rng, path, pace).reduce((s, d) => s + d, 0) * DAY;
    if (from + span > now) return null;
    const created = timeline.sample(rng, { from, to: Math.min(now - span, from + 300 * DAY) });
    const closedAt = Math.min(now, created + span);
    const close = outcome === 'won' ? env.newBusiness.won : env.newBusiness.lost;
    const reason = outcome === 'won' ? WON_REASONS(rng) : LOST_REASONS_LATE(rng);
    return closed(
      rng,
      deal,
      closedMoves(rng, env.newBusiness, path, close, created, closedAt),
      outcome,
      reason,
      contactCount(rng, account.employees),
    );
  }

  /** Every deal of one account, oldest first (parents before the deals that grew from them). */
  function accountDeals(rng: Rng, accountIndex: number): DealDraft[] {
    const account = accounts[accountIndex];
    if (env.contactsByAccount[accountIndex].length === 0) return [];
    const size = sizeOf(account.employees);
    const deals: DealDraft[] = [];
    const start = account.createdAt + DAY;

    if (account.status === 'customer' || account.status === 'churned') {
      const won = firstWin(rng, accountIndex);
      deals.push(won);
      let contract = won;
      for (let year = 1; ; year++) {
        const due = addYears(account.customerSince!, year);
        if (account.status === 'churned') {
          deals.push(renewal(rng, contract, due, 'lost', account.churnedAt));
          break;
        }
        if (due - 75 * DAY > now) break;
        const next = renewal(rng, contract, due, due <= now ? 'won' : 'open');
        deals.push(next);
        if (next.status !== 'won') break;
        contract = next;
      }
      if (account.status === 'customer' && rng.chance(EXPANSION_CHANCE[size])) {
        const more = expansion(rng, won, won.closedAt! + rng.int(40, 120) * DAY);
        if (more) deals.push(more);
      }
      return deals;
    }

    // an opportunity's live deal is anchored at now; earlier attempts happened before it
    const open = rng.chance(OPEN_ATTEMPT[account.status][size]) ? openDeal(rng, accountIndex, start) : null;
    const limit = open ? createdAt(open) - 20 * DAY : now;
    let cursor = start;
    for (let n = poisson(rng, LOST_ATTEMPTS[account.status][size]); n > 0; n--) {
      const lost = lostAttempt(rng, accountIndex, cursor, limit);
      if (!lost) break;
      deals.push(lost);
      cursor = lost.closedAt! + rng.int(30, 120) * DAY;
    }
    if (open) deals.push(open);
    return deals;
  }

  return { accountDeals };
}
