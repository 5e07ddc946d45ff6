// Which records have notes, what they say, who wrote them and when. Notes follow the record's story:
// a lead gets an SDR's call log, an opportunity gets discovery → demo → proposal from its account
// executive, a customer gets check-ins after the contract started. Every note is dated after its record
// and not after today. Pure: the notes step writes what this plans.
import type { LifecycleStage } from '../db-schema.ts';
import type { Rng } from './random.ts';
import { DAY, isoDate, type Timeline } from './timeline.ts';
import { noteBody, type NoteKind, type NoteSlots } from './note-texts.ts';
import { INTERESTS } from './personas.ts';
import type { DemoAccount, DemoContacts } from './seed-context.ts';
import type { Staffing } from './team.ts';

export interface NoteDraft {
  contactIndex?: number;
  accountIndex?: number;
  authorId: string;
  body: string;
  createdAt: number;
}

type Author = 'sdr' | 'ae' | 'marketing';
const AUTHOR: Record<NoteKind, Author> = {
  'event-followup': 'marketing',
  'content-followup': 'marketing',
  'sdr-voicemail': 'sdr',
  'sdr-connect': 'sdr',
  discovery: 'ae',
  demo: 'ae',
  proposal: 'ae',
  'security-review': 'ae',
  kickoff: 'ae',
  'check-in': 'ae',
  expansion: 'ae',
  reference: 'ae',
  'churn-exit': 'ae',
  'account-plan': 'ae',
  qbr: 'ae',
  renewal: 'ae',
  'deal-update': 'ae',
  'churn-postmortem': 'ae',
  'free-usage': 'sdr',
  research: 'ae',
};

interface Journey {
  /** Share of records at this stage that have notes. */
  share: number;
  /** Kinds in story order, each with the chance it happened. */
  steps: ReadonlyArray<readonly [NoteKind, number]>;
  /** The story unfolds within this many days of the record's creation (default: until today). */
  spanDays?: number;
}

const CONTACT_JOURNEYS: Partial<Record<LifecycleStage, Journey>> = {
  subscriber: { share: 0.01, steps: [['event-followup', 1]] },
  lead: {
    share: 0.05,
    steps: [
      ['event-followup', 0.5],
      ['sdr-voicemail', 0.7],
    ],
    spanDays: 60,
  },
  mql: {
    share: 0.2,
    steps: [
      ['event-followup', 0.3],
      ['sdr-voicemail', 0.5],
      ['sdr-connect', 0.8],
    ],
    spanDays: 45,
  },
  sql: {
    share: 0.45,
    steps: [
      ['sdr-connect', 0.9],
      ['discovery', 0.8],
    ],
    spanDays: 60,
  },
  opportunity: {
    share: 0.75,
    steps: [
      ['sdr-connect', 0.6],
      ['discovery', 0.95],
      ['demo', 0.8],
      ['security-review', 0.3],
      ['proposal', 0.6],
    ],
    spanDays: 120,
  },
  customer: {
    share: 0.3,
    steps: [
      ['kickoff', 0.4],
      ['check-in', 0.9],
      ['expansion', 0.2],
    ],
  },
  evangelist: {
    share: 0.6,
    steps: [
      ['check-in', 0.8],
      ['reference', 0.9],
    ],
  },
  other: { share: 0.04, steps: [['churn-exit', 1]] },
};

const ACCOUNT_JOURNEYS: Record<DemoAccount['status'], Journey> = {
  customer: {
    share: 0.7,
    steps: [
      ['account-plan', 0.5],
      ['qbr', 0.8],
      ['renewal', 0.3],
    ],
  },
  opportunity: { share: 0.6, steps: [['deal-update', 1]] },
  churned: { share: 0.8, steps: [['churn-postmortem', 1]] },
  free: { share: 0.1, steps: [['free-usage', 1]] },
  prospect: { share: 0.04, steps: [['research', 1]] },
};

const HOUR = 3_600_000;

/** `count` sorted times in [from + 1h, to], on working days and hours like everything else. */
function storyTimes(rng: Rng, timeline: Timeline, count: number, from: number, to: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(timeline.sample(rng, { from: from + HOUR, to }));
  return times.sort((a, b) => a - b);
}

export interface NotePlanner {
  contactNotes(rng: Rng, index: number): NoteDraft[];
  accountNotes(rng: Rng, index: number): NoteDraft[];
}

export function createNotePlanner(opts: {
  accounts: readonly DemoAccount[];
  contacts: DemoContacts;
  staffing: Staffing;
  timeline: Timeline;
}): NotePlanner {
  const { accounts, contacts, staffing, timeline } = opts;
  const now = timeline.end;
  const firstName = (id: string) => staffing.byId(id)?.name.split(' ')[0] ?? 'the team';

  const slotsFor = (
    rng: Rng,
    account: DemoAccount | undefined,
    contact?: { first: string; title: string | null; event: string },
  ): NoteSlots => {
    const stack = account?.techStack ?? [];
    const territory = account?.territory ?? 'north_america';
    return {
      first: contact?.first ?? 'the champion',
      title: contact?.title ?? null,
      company: account?.name ?? 'their company',
      industry: account?.industry ?? 'Software',
      employees: account?.employees ?? 50,
      warehouse:
        stack.find((t) => ['Snowflake', 'BigQuery', 'Redshift', 'Databricks', 'PostgreSQL', 'SQL Server'].includes(t)) ??
        'a mix of databases',
      biTool: stack.find((t) => ['Tableau', 'Power BI', 'Looker'].includes(t)) ?? 'spreadsheets',
      interest: rng.pick(INTERESTS),
      eventName: contact?.event ?? '',
      ae: firstName(account?.ownerId ?? staffing.accountExecutive(territory).id),
      sdr: firstName(staffing.sdr(territory).id),
      plan: account?.plan && account.plan !== 'Free' ? account.plan : 'Growth',
      arr: account?.arr ?? 24_000,
      renewalDate: account?.renewalDate ?? isoDate(now + 200 * DAY),
      at: 0,
    };
  };

  const authorOf = (rng: Rng, kind: NoteKind, territory: DemoAccount['territory'], owner: string | null, accountOwner?: string) => {
    const role = AUTHOR[kind];
    if (role === 'marketing') return rng.pick(staffing.marketers()).id;
    const ownerJob = staffing.byId(owner)?.job;
    if (role === 'sdr') return ownerJob === 'sdr' ? owner! : staffing.sdr(territory).id;
    return ownerJob === 'ae' ? owner! : (accountOwner ?? staffing.accountExecutive(territory).id);
  };

  const write = (
    rng: Rng,
    journey: Journey,
    from: number,
    slots: NoteSlots,
    author: (kind: NoteKind) => string,
    target: Partial<NoteDraft>,
  ) => {
    const kinds = journey.steps
      .filter(([, p]) => rng.chance(p))
      .map(([k]) => (k === 'event-followup' && !slots.eventName ? 'content-followup' : k));
    const to = journey.spanDays ? Math.min(now, from + journey.spanDays * DAY) : now;
    if (to < from + 2 * HOUR) return []; // too recent for anyone to have written it up
    const times = storyTimes(rng, timeline, kinds.length, from, to);
    return kinds.map((kind, i): NoteDraft => ({
      ...target,
      authorId: author(kind),
      body: noteBody(rng, kind, { ...slots, at: times[i] }),
      createdAt: times[i],
    }));
  };

  return {
    contactNotes(rng, i) {
      const stage = contacts.stages[i];
      const journey = stage ? CONTACT_JOURNEYS[stage] : undefined;
      if (!journey || !rng.chance(journey.share)) return [];
      const account = contacts.accountIndex[i] >= 0 ? accounts[contacts.accountIndex[i]] : undefined;
      // the churn exit call only makes sense at a company that left
      if (stage === 'other' && account?.status !== 'churned') return [];
      let from = contacts.createdAt[i];
      if ((stage === 'customer' || stage === 'evangelist') && account?.customerSince) from = Math.max(from, account.customerSince);
      if (stage === 'other' && account?.churnedAt) from = Math.max(from, account.churnedAt - 20 * DAY);
      const slots = slotsFor(rng, account, { first: contacts.firstNames[i], title: contacts.titles[i], event: contacts.lastEvent[i] });
      const territory = contacts.territories[i];
      return write(rng, journey, from, slots, (kind) => authorOf(rng, kind, territory, contacts.ownerIds[i], account?.ownerId), {
        contactIndex: i,
      });
    },

    accountNotes(rng, i) {
      const account = accounts[i];
      const journey = ACCOUNT_JOURNEYS[account.status];
      if (!rng.chance(journey.share)) return [];
      const from = account.status === 'churned' ? account.churnedAt! - DAY : (account.customerSince ?? account.createdAt);
      const slots = slotsFor(rng, account);
      if (account.status === 'churned') slots.arr = account.arr ?? Math.round(rng.logNormal(30_000, 0.6) / 500) * 500;
      return write(rng, journey, from, slots, (kind) => authorOf(rng, kind, account.territory, account.ownerId, account.ownerId), {
        accountIndex: i,
      });
    },
  };
}
