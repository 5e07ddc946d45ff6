// Contacts: the people of each account (as many as the accounts step planned: in proportion to size
// and engagement, never more than half the staff), plus ~10% on free mailboxes and ~2% without email.
// Written in batches, each in its own transaction; the context keeps a column-wise summary of them.
import crypto from 'node:crypto';
import { commaListToArray, insertRows, iso } from '../insert-rows.ts';
import { generateCompanyContacts, generateIndependentContact, type ContactDraft, type PeopleEnv, type PeopleRng } from '../people.ts';
import { progressLogger, type SeedContext, type SeedStep } from '../seed-context.ts';
import { WriteQueue } from '../write-queue.ts';

export const FREE_MAIL_SHARE = 0.1;
export const NO_EMAIL_SHARE = 0.02;

/** Contacts at a company domain; the accounts step spreads them over the accounts. */
export function companyContactCount(total: number): number {
  return total - Math.round(total * NO_EMAIL_SHARE) - Math.round(total * FREE_MAIL_SHARE);
}

interface Pending {
  draft: ContactDraft;
  accountIndex: number;
  lastEvent: string;
}

async function writeContacts(ctx: SeedContext, batch: Pending[], ids: string[]): Promise<void> {
  const d = batch.map((p) => p.draft);
  await ctx.db.transaction().execute((trx) =>
    insertRows(trx, 'contacts', ctx.workspaceId, [
      { name: 'id', type: 'uuid', values: ids },
      { name: 'email', type: 'text', values: d.map((c) => c.email) },
      { name: 'first_name', type: 'text', values: d.map((c) => c.firstName) },
      { name: 'last_name', type: 'text', values: d.map((c) => c.lastName) },
      { name: 'phone', type: 'text', values: d.map((c) => c.phone) },
      { name: 'title', type: 'text', values: d.map((c) => c.title) },
      { name: 'account_id', type: 'uuid', values: batch.map((p) => (p.accountIndex >= 0 ? ctx.accounts[p.accountIndex].id : null)) },
      { name: 'owner_id', type: 'uuid', values: d.map((c) => c.ownerId) },
      { name: 'lifecycle_stage', type: 'text', values: d.map((c) => c.stage) },
      { name: 'tags', type: 'text', values: d.map((c) => c.tags.join(',')), select: commaListToArray },
      { name: 'custom_fields', type: 'jsonb', values: d.map((c) => JSON.stringify(c.customFields)) },
      { name: 'created_at', type: 'timestamptz', values: d.map((c) => iso(c.createdAt)) },
      { name: 'updated_at', type: 'timestamptz', values: d.map((c) => iso(c.updatedAt)) },
    ]),
  );
}

/** Notes and later steps find the contacts here, by index. */
function remember(ctx: SeedContext, batch: Pending[], ids: string[]): void {
  const c = ctx.contacts;
  batch.forEach((p, i) => {
    c.ids.push(ids[i]);
    c.emails.push(p.draft.email);
    c.firstNames.push(p.draft.firstName);
    c.lastNames.push(p.draft.lastName);
    c.titles.push(p.draft.title);
    c.stages.push(p.draft.stage);
    c.personas.push(p.draft.persona);
    c.leadSources.push(p.draft.leadSource);
    c.ownerIds.push(p.draft.ownerId);
    c.territories.push(p.draft.territory);
    c.accountIndex.push(p.accountIndex);
    c.createdAt.push(p.draft.createdAt);
    c.lastEvent.push(p.lastEvent);
  });
}

export const contactsStep: SeedStep = {
  name: 'contacts',
  async run(ctx) {
    const rng: PeopleRng = { who: ctx.rng('contacts/who'), story: ctx.rng('contacts/story') };
    const total = ctx.settings.contacts;
    const env: PeopleEnv = { timeline: ctx.timeline, calendar: ctx.calendar, staffing: ctx.staffing };
    const noEmail = Math.round(total * NO_EMAIL_SHARE);
    // what small companies could not hold (see the accounts step) signs up with a free mailbox instead
    const placed = ctx.accounts.reduce((s, a) => s + a.contactCount, 0);
    const freeMail = total - noEmail - placed;
    const eventName = new Map(ctx.calendar.map((e) => [e.date, e.name]));

    const progress = progressLogger(ctx.log, 'contacts', total);
    const queue = new WriteQueue();
    let written = 0;
    let batch: Pending[] = [];
    const add = async (draft: ContactDraft, accountIndex: number) => {
      const attended = draft.customFields.last_event_attended as string | undefined;
      batch.push({ draft, accountIndex, lastEvent: attended ? (eventName.get(attended) ?? '') : '' });
      if (batch.length >= ctx.settings.batchSize) await flush();
    };
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      const ids = rows.map(() => crypto.randomUUID());
      remember(ctx, rows, ids);
      batch = [];
      await queue.push(async () => {
        await writeContacts(ctx, rows, ids);
        written += rows.length;
        progress(written);
      });
    };

    for (let i = 0; i < ctx.accounts.length; i++) {
      const account = ctx.accounts[i];
      for (const draft of generateCompanyContacts(rng, account, account.contactCount, env)) await add(draft, i);
    }
    const freeMailEmails = new Set<string>();
    for (let i = 0; i < freeMail + noEmail; i++) {
      const draft = generateIndependentContact(rng, i < freeMail ? 'free-mail' : 'no-email', env, freeMailEmails);
      await add(draft, -1);
    }
    await flush();
    await queue.drain();
  },
};
