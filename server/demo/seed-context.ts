// What the demo's seed steps share: the database, the workspace, the timeline and calendar, a random
// stream per step, and what earlier steps made (team, accounts, contacts) so later ones can build on
// it — deals on accounts, touches on contacts. Contacts are kept column-wise because there can be a
// million of them.
import type { Db } from '../platform/db.ts';
import type { LifecycleStage } from '../db-schema.ts';
import { createRng, type Rng } from './random.ts';
import type { Timeline } from './timeline.ts';
import type { MarketingEvent } from './marketing-calendar.ts';
import type { AccountDraft, Territory } from './companies.ts';
import type { LeadSource } from './demo-fields.ts';
import type { Persona } from './personas.ts';
import { Staffing } from './team.ts';

export interface DemoAccount extends AccountDraft {
  id: string;
  ownerId: string;
  contactCount: number;
}

/** One entry per contact, in insertion order; index i of every column is the same contact. */
export class DemoContacts {
  readonly ids: string[] = [];
  readonly emails: Array<string | null> = [];
  readonly firstNames: string[] = [];
  readonly lastNames: string[] = [];
  readonly titles: Array<string | null> = [];
  readonly stages: Array<LifecycleStage | null> = [];
  readonly personas: Persona[] = [];
  readonly leadSources: Array<LeadSource | null> = [];
  readonly ownerIds: Array<string | null> = [];
  readonly territories: Territory[] = [];
  /** Index into ctx.accounts, or -1. */
  readonly accountIndex: number[] = [];
  /** ms since the epoch. */
  readonly createdAt: number[] = [];
  /** Name of the last webinar or trade show they attended ('' if none). */
  readonly lastEvent: string[] = [];

  get count(): number {
    return this.ids.length;
  }
}

export interface SeedSettings {
  contacts: number;
  seed: number;
  /** Rows per INSERT statement (and per transaction). */
  batchSize: number;
  /** Every demo teammate signs in with it. */
  password: string;
}

export interface SeedContext {
  readonly db: Db;
  readonly settings: SeedSettings;
  readonly workspaceId: string;
  readonly adminId: string;
  readonly timeline: Timeline;
  readonly calendar: readonly MarketingEvent[];
  log(message: string): void;
  /** The random stream of a step: independent of every other step's draws. */
  rng(step: string): Rng;
  staffing: Staffing;
  accounts: DemoAccount[];
  contacts: DemoContacts;
}

/**
 * A unit of demo data. Steps run in order; a later issue adds its own (e.g. deals after contacts)
 * to DEMO_STEPS in seed-demo.ts and reads what it needs from the context.
 */
export interface SeedStep {
  name: string;
  run(ctx: SeedContext): Promise<void>;
  /** When seeding fails: removes what the step wrote in tables that do not cascade from the workspace. */
  undo?(db: Db, workspaceId: string): Promise<void>;
}

export function createSeedContext(init: {
  db: Db;
  settings: SeedSettings;
  workspaceId: string;
  adminId: string;
  timeline: Timeline;
  calendar: readonly MarketingEvent[];
  log(message: string): void;
}): SeedContext {
  return {
    ...init,
    rng: (step) => createRng(init.settings.seed, step),
    staffing: new Staffing([]),
    accounts: [],
    contacts: new DemoContacts(),
  };
}

/** Logs "label: done/total" at most every ~2 seconds, and always at the end. */
export function progressLogger(log: (message: string) => void, label: string, total: number): (done: number) => void {
  const started = Date.now();
  let last = started;
  return (done) => {
    const now = Date.now();
    if (done < total && now - last < 2000) return;
    last = now;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? ` (${Math.round(done / seconds).toLocaleString('en-US')}/s)` : '';
    log(`  ${label}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}${rate}`);
  };
}
