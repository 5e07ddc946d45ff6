// `tandem demo`: a workspace for "Northwind Analytics", a B2B SaaS company selling a data analytics
// product, with 18 months of history ending today — team, custom fields, companies, people, notes,
// website traffic and campaigns, and sales (products, pipelines, deals, activities, quotas).
// The data comes from seeded generators (pure, see the files next to this one) and is written by an
// ordered list of steps sharing one context; later features append their own step to DEMO_STEPS
// (before `indexes`) and read the team, accounts and contacts that earlier steps left in the context.
// Set-based throughout: each batch is one INSERT … SELECT FROM unnest(…) in its own transaction.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { initWorkspace } from '../workspaces/init-workspace.ts';
import { createTimeline } from './timeline.ts';
import { marketingCalendar } from './marketing-calendar.ts';
import { createSeedContext, type SeedStep } from './seed-context.ts';
import { ADMIN_NAME } from './team.ts';
import { teamStep } from './steps/seed-team.ts';
import { customFieldsStep } from './steps/seed-custom-fields.ts';
import { accountsStep } from './steps/seed-accounts.ts';
import { contactsStep } from './steps/seed-contacts.ts';
import { notesStep } from './steps/seed-notes.ts';
import { websiteStep } from './steps/seed-website.ts';
import { salesStep } from './steps/seed-sales.ts';
import { indexesStep } from './steps/seed-indexes.ts';

export interface DemoOptions {
  contacts: number;
  workspace: string;
  email: string;
  password: string;
  seed: number;
  log(message: string): void;
  /** End of the demo's history (default: now). Tests pin it. */
  now?: Date;
  /** Rows per statement and transaction (default 5,000). */
  batchSize?: number;
  /** The steps to run (default DEMO_STEPS). */
  steps?: readonly SeedStep[];
}

export const DEMO_STEPS: readonly SeedStep[] = [teamStep, customFieldsStep, accountsStep, contactsStep, notesStep, websiteStep, salesStep, indexesStep];

export async function seedDemo(db: Db, opts: DemoOptions): Promise<{ workspaceId: string; userId: string; apiKey: string }> {
  // commander hands over an option's default unparsed ('5000'), so coerce here
  const contacts = Number(opts.contacts);
  const seed = Number(opts.seed);
  if (!Number.isInteger(contacts) || contacts < 0) throw AppError.invalid('contacts', `must be a whole number ≥ 0 (got ${opts.contacts})`);
  if (!Number.isFinite(seed)) throw AppError.invalid('seed', `must be a number (got ${opts.seed})`);
  const started = Date.now();
  const ids = await initWorkspace(db, { workspace: opts.workspace, email: opts.email, password: opts.password, name: ADMIN_NAME });
  opts.log(
    `Seeding demo workspace "${opts.workspace}" (${ids.workspaceId}) with ${contacts.toLocaleString('en-US')} contacts, seed ${seed}`,
  );

  const timeline = createTimeline(opts.now ?? new Date());
  const ctx = createSeedContext({
    db,
    settings: { contacts, seed, batchSize: opts.batchSize ?? 5000, password: opts.password },
    workspaceId: ids.workspaceId,
    adminId: ids.userId,
    timeline,
    calendar: marketingCalendar(timeline.start, timeline.end),
    log: opts.log,
  });

  try {
    for (const step of opts.steps ?? DEMO_STEPS) {
      const t0 = Date.now();
      opts.log(`- ${step.name}`);
      await step.run(ctx);
      opts.log(`  ${step.name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } catch (err) {
    // a half-seeded demo is worse than none; tenant tables cascade from the workspace, except those a
    // step undoes itself (tracking's events have no foreign keys)
    opts.log(`Seeding failed; removing the partial workspace ${ids.workspaceId}`);
    for (const step of [...(opts.steps ?? DEMO_STEPS)].reverse()) await step.undo?.(db, ids.workspaceId).catch(() => undefined);
    await db
      .deleteFrom('workspaces')
      .where('id', '=', ids.workspaceId)
      .execute()
      .catch(() => undefined);
    throw err;
  }
  opts.log(`Demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ids;
}
