// The building blocks of the demo's logged sales work: an activity draft (the columns of an
// `activities` row plus its attendees) and helpers that make a call, email, task or meeting the way
// the app would file it — on a contact, account and deal, never before the contact was in the CRM,
// past work on working hours, meetings on the half hour. Pure.
import type { ActivityDirection, ActivityPriority, ActivityType, CallOutcome } from '../db-schema.ts';
import type { DealDraft } from './deals.ts';
import { weightedKeys, type Rng } from './random.ts';
import type { DemoAccount, DemoContacts } from './seed-context.ts';
import type { Staffing } from './team.ts';
import { DAY, type Timeline } from './timeline.ts';

export interface ActivityDraft {
  id: string;
  type: ActivityType;
  subject: string | null;
  body: string | null;
  contactIndex: number | null;
  accountIndex: number | null;
  dealId: string | null;
  assigneeId: string | null;
  createdBy: string | null;
  dueAt: number | null;
  priority: ActivityPriority | null;
  doneAt: number | null;
  outcome: CallOutcome | null;
  durationSeconds: number | null;
  direction: ActivityDirection | null;
  startsAt: number | null;
  endsAt: number | null;
  location: string | null;
  fromAddress: string | null;
  toAddresses: string[] | null;
  occurredAt: number | null;
  createdAt: number;
  updatedAt: number;
  attendeeContacts: number[];
  attendeeUsers: string[];
}

export interface ActivityEnv {
  timeline: Timeline;
  accounts: readonly DemoAccount[];
  contacts: DemoContacts;
  contactsByAccount: readonly number[][];
  staffing: Staffing;
  adminId: string;
  newId(): string;
}

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

const OUTCOMES = weightedKeys<CallOutcome>({ connected: 58, left_voicemail: 18, no_answer: 15, busy: 3, gatekeeper: 5, wrong_number: 1 });
function callSeconds(rng: Rng, outcome: CallOutcome): number {
  switch (outcome) {
    case 'connected':
      return Math.round(Math.min(5400, Math.max(90, rng.logNormal(840, 0.55))));
    case 'left_voicemail':
      return rng.int(25, 90);
    case 'gatekeeper':
      return rng.int(40, 240);
    case 'wrong_number':
      return rng.int(10, 45);
    default:
      return rng.int(5, 35);
  }
}

/** A time in [from, to] on a weekday between 08:00 and 17:00 UTC, on the half hour. */
export function businessSlot(rng: Rng, from: number, to: number): number {
  for (let attempt = 0; attempt < 6; attempt++) {
    const day = new Date(from + rng.next() * Math.max(0, to - from));
    const weekday = day.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const t = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), rng.int(8, 16), rng.chance(0.5) ? 0 : 30);
    if (t >= from && t <= to) return t;
  }
  return Math.ceil(from / (30 * MINUTE)) * 30 * MINUTE;
}

const LOCATIONS = weightedKeys({ Zoom: 45, 'Google Meet': 25, 'Microsoft Teams': 30 });

/** Who logs the activity and what it is filed on. */
export interface On {
  by: string;
  contact: number | null;
  account: number | null;
  deal: string | null;
}

export type ActivityKit = ReturnType<typeof createActivityKit>;

export function createActivityKit(env: ActivityEnv) {
  const { timeline, accounts, contacts, staffing } = env;
  const now = timeline.end;
  const emailOf = (userId: string) => staffing.byId(userId)?.email || null;

  function blank(type: ActivityType, at: number, by: string): ActivityDraft {
    return {
      id: env.newId(),
      type,
      subject: null,
      body: null,
      contactIndex: null,
      accountIndex: null,
      dealId: null,
      assigneeId: by,
      createdBy: by,
      dueAt: null,
      priority: null,
      doneAt: null,
      outcome: null,
      durationSeconds: null,
      direction: null,
      startsAt: null,
      endsAt: null,
      location: null,
      fromAddress: null,
      toAddresses: null,
      occurredAt: null,
      createdAt: Math.min(at, now),
      updatedAt: Math.min(at, now),
      attendeeContacts: [],
      attendeeUsers: [],
    };
  }

  /** Files the activity on its records; nothing is logged with someone before they were in the CRM. */
  const attach = (a: ActivityDraft, on: On): ActivityDraft => {
    const since = on.contact === null ? -Infinity : contacts.createdAt[on.contact];
    const createdAt = Math.min(now, Math.max(a.createdAt, since));
    return {
      ...a,
      contactIndex: on.contact,
      accountIndex: on.account,
      dealId: on.deal,
      createdAt,
      updatedAt: Math.max(a.updatedAt, createdAt),
      occurredAt: a.occurredAt === null ? null : Math.max(a.occurredAt, since),
    };
  };

  function call(
    rng: Rng,
    at: number,
    on: On,
    subject: string,
    body: (connected: boolean) => string | null,
    outcomes = OUTCOMES,
  ): ActivityDraft {
    const outcome = outcomes(rng);
    const a = blank('call', at, on.by);
    const inbound = outcome === 'connected' && rng.chance(0.12);
    return attach(
      {
        ...a,
        subject,
        body: body(outcome === 'connected'),
        outcome,
        durationSeconds: callSeconds(rng, outcome),
        direction: inbound ? 'inbound' : 'outbound',
        occurredAt: a.createdAt,
      },
      on,
    );
  }

  function email(at: number, on: On, direction: ActivityDirection, subject: string, body: string): ActivityDraft | null {
    const them = on.contact === null ? null : contacts.emails[on.contact];
    if (!them) return null;
    const us = emailOf(on.by);
    const a = blank('email', at, on.by);
    return attach(
      {
        ...a,
        subject,
        body,
        direction,
        fromAddress: direction === 'outbound' ? us : them,
        toAddresses: direction === 'outbound' ? [them] : us ? [us] : [],
        occurredAt: a.createdAt,
      },
      on,
    );
  }

  /** A task created at `at`, due a few days later, done when it was done (open if that is still ahead). */
  function task(
    rng: Rng,
    at: number,
    on: On,
    subject: string,
    opts: { dueInDays?: [number, number]; priority?: ActivityPriority; assignee?: string } = {},
  ): ActivityDraft {
    const [lo, hi] = opts.dueInDays ?? [1, 5];
    const due = businessSlot(rng, at + lo * DAY, at + hi * DAY);
    const done = at + (due - at) * (0.2 + rng.next() * 1.1);
    const a = blank('task', at, on.by);
    return attach(
      {
        ...a,
        assigneeId: opts.assignee ?? on.by,
        subject,
        dueAt: due,
        priority: opts.priority ?? (rng.chance(0.15) ? 'high' : rng.chance(0.1) ? 'low' : 'normal'),
        doneAt: done <= now ? done : null,
        updatedAt: Math.min(now, done <= now ? done : a.createdAt),
      },
      on,
    );
  }

  /** An open next step due around now: overdue, later today or in the coming days. */
  function nextStep(rng: Rng, on: On, since: number, subject: string, assignee?: string): ActivityDraft {
    const r = rng.next();
    const endOfDay = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + 1) - MINUTE;
    const due =
      r < 0.35
        ? now - rng.int(2, 9 * 24) * HOUR
        : r < 0.5
          ? Math.min(endOfDay, now + rng.int(10, 300) * MINUTE)
          : businessSlot(rng, now + DAY, now + 12 * DAY);
    const created = Math.max(since, Math.min(now, due) - rng.int(1, 6) * DAY);
    const a = blank('task', Math.min(now, Math.max(created, since)), on.by);
    return attach({ ...a, assigneeId: assignee ?? on.by, subject, dueAt: due, priority: rng.chance(0.3) ? 'high' : 'normal' }, on);
  }

  /** A meeting at `start`, booked a few days before (not before `since`). */
  function meeting(
    rng: Rng,
    on: On,
    start: number,
    minutes: number,
    subject: string,
    body: string | null,
    people: number[],
    users: string[],
    since = start - 8 * DAY,
  ): ActivityDraft | null {
    if (people.length === 0) return null; // a meeting with nobody from the customer is not a sales meeting
    const booked = Math.min(now, start, Math.max(since, start - rng.int(1, 8) * DAY));
    const a = blank('meeting', booked, on.by);
    return attach(
      {
        ...a,
        subject,
        body: start <= now ? body : null,
        startsAt: start,
        endsAt: start + minutes * MINUTE,
        location: LOCATIONS(rng),
        attendeeContacts: people,
        attendeeUsers: users.filter((u) => u !== on.by),
        updatedAt: Math.min(now, Math.max(booked, start + minutes * MINUTE)),
      },
      on,
    );
  }

  function slots(deal: DealDraft) {
    const account = accounts[deal.accountIndex];
    const stack = account.techStack;
    return {
      company: account.name,
      warehouse:
        stack.find((t) => ['Snowflake', 'BigQuery', 'Redshift', 'Databricks', 'PostgreSQL', 'SQL Server'].includes(t)) ?? 'their database',
      bi: stack.find((t) => ['Tableau', 'Power BI', 'Looker'].includes(t)) ?? 'spreadsheets',
      amount: `$${Math.round(deal.amount / 1000)}k`,
      seats: deal.lines[0]?.quantity ?? 10,
      discount: deal.lines[0]?.discountPercent ?? 0,
      sdr: staffing.sdr(account.territory).id,
    };
  }

  /** Deal contacts who existed at `at` (the champion first). */
  const peopleAt = (deal: DealDraft, at: number) => deal.contacts.filter((c) => contacts.createdAt[c.index] <= at).map((c) => c.index);
  const firstOf = (c: number | null) => (c === null ? 'the team' : contacts.firstNames[c]);

  return { now, blank, attach, call, email, task, nextStep, meeting, slots, peopleAt, firstOf };
}
