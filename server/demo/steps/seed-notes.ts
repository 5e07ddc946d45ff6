// Notes on contacts and accounts, as planned by notes.ts, written in batches after the records exist.
import { insertRows, iso } from '../insert-rows.ts';
import { createNotePlanner, type NoteDraft } from '../notes.ts';
import type { SeedContext, SeedStep } from '../seed-context.ts';
import { WriteQueue } from '../write-queue.ts';

async function writeNotes(ctx: SeedContext, batch: NoteDraft[]): Promise<void> {
  const contactIds = batch.map((n) => (n.contactIndex !== undefined ? ctx.contacts.ids[n.contactIndex] : null));
  const accountIds = batch.map((n) => (n.accountIndex !== undefined ? ctx.accounts[n.accountIndex].id : null));
  const times = batch.map((n) => iso(n.createdAt));
  await ctx.db.transaction().execute((trx) =>
    insertRows(trx, 'notes', ctx.workspaceId, [
      { name: 'contact_id', type: 'uuid', values: contactIds },
      { name: 'account_id', type: 'uuid', values: accountIds },
      { name: 'body', type: 'text', values: batch.map((n) => n.body) },
      { name: 'author_id', type: 'uuid', values: batch.map((n) => n.authorId) },
      { name: 'created_at', type: 'timestamptz', values: times },
      { name: 'updated_at', type: 'timestamptz', values: times },
    ]),
  );
}

export const notesStep: SeedStep = {
  name: 'notes',
  async run(ctx) {
    const rng = ctx.rng('notes');
    const planner = createNotePlanner({ accounts: ctx.accounts, contacts: ctx.contacts, staffing: ctx.staffing, timeline: ctx.timeline });
    let batch: NoteDraft[] = [];
    let onContacts = 0;
    let onAccounts = 0;
    const queue = new WriteQueue();
    const flush = async () => {
      const rows = batch;
      batch = [];
      await queue.push(() => writeNotes(ctx, rows));
    };
    for (let i = 0; i < ctx.contacts.count; i++) {
      const notes = planner.contactNotes(rng, i);
      onContacts += notes.length;
      batch.push(...notes);
      if (batch.length >= ctx.settings.batchSize) await flush();
    }
    for (let i = 0; i < ctx.accounts.length; i++) {
      const notes = planner.accountNotes(rng, i);
      onAccounts += notes.length;
      batch.push(...notes);
      if (batch.length >= ctx.settings.batchSize) await flush();
    }
    if (batch.length) await flush();
    await queue.drain();
    ctx.log(`  ${onContacts.toLocaleString('en-US')} notes on contacts, ${onAccounts.toLocaleString('en-US')} on accounts`);
  },
};
