// Accounts: one per ten contacts (at least 20), owned by the account executive of their territory.
import crypto from 'node:crypto';
import { insertRows, iso } from '../insert-rows.ts';
import { allocate } from '../random.ts';
import { accountCustomFields, contactWeight, generateAccount, placeInTime } from '../companies.ts';
import { companyContactCount } from './seed-contacts.ts';
import { progressLogger, type DemoAccount, type SeedContext, type SeedStep } from '../seed-context.ts';
import { WriteQueue } from '../write-queue.ts';

export function accountCountFor(contacts: number): number {
  return Math.max(20, Math.round(contacts / 10));
}

async function writeAccounts(ctx: SeedContext, batch: DemoAccount[]): Promise<void> {
  await ctx.db.transaction().execute((trx) =>
    insertRows(trx, 'accounts', ctx.workspaceId, [
      { name: 'id', type: 'uuid', values: batch.map((a) => a.id) },
      { name: 'name', type: 'text', values: batch.map((a) => a.name) },
      { name: 'domain', type: 'text', values: batch.map((a) => a.domain) },
      { name: 'industry', type: 'text', values: batch.map((a) => a.industry) },
      { name: 'employee_count', type: 'int', values: batch.map((a) => a.employees) },
      { name: 'annual_revenue', type: 'numeric', values: batch.map((a) => a.annualRevenue) },
      { name: 'country', type: 'text', values: batch.map((a) => a.country) },
      { name: 'owner_id', type: 'uuid', values: batch.map((a) => a.ownerId) },
      { name: 'custom_fields', type: 'jsonb', values: batch.map((a) => JSON.stringify(accountCustomFields(a))) },
      { name: 'created_at', type: 'timestamptz', values: batch.map((a) => iso(a.createdAt)) },
      { name: 'updated_at', type: 'timestamptz', values: batch.map((a) => iso(a.updatedAt)) },
    ]),
  );
}

export const accountsStep: SeedStep = {
  name: 'accounts',
  async run(ctx) {
    const rng = ctx.rng('accounts');
    const total = accountCountFor(ctx.settings.contacts);
    const used = { domains: new Set<string>(), names: new Set<string>() };
    const drafts = Array.from({ length: total }, () => generateAccount(rng, used));
    // how many people each company will have decides how old it is (it dates from its first contact)
    const counts = allocate(
      companyContactCount(ctx.settings.contacts),
      drafts.map((a) => contactWeight(rng, a)),
      drafts.map((a) => Math.max(1, Math.floor(a.employees * 0.5))),
    );
    const progress = progressLogger(ctx.log, 'accounts', total);
    const queue = new WriteQueue();
    let written = 0;
    for (let from = 0; from < total; from += ctx.settings.batchSize) {
      const batch = drafts.slice(from, from + ctx.settings.batchSize).map((draft, i): DemoAccount => {
        placeInTime(rng, draft, ctx.timeline, counts[from + i]);
        return {
          ...draft,
          id: crypto.randomUUID(),
          ownerId: ctx.staffing.accountExecutive(draft.territory).id,
          contactCount: counts[from + i],
        };
      });
      ctx.accounts.push(...batch);
      await queue.push(async () => {
        await writeAccounts(ctx, batch);
        written += batch.length;
        progress(written);
      });
    }
    await queue.drain();
  },
};
