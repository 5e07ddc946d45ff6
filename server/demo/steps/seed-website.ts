// Marketing intake for the demo: the "Website" source, Northwind's campaigns and three forms, then
// 18 months of visitors (website-visitors.ts) fed through the tracking pipeline's own set-based
// batch processing (processEvents: receipts, partitions, identities, visits, touches classified by
// the channel rules, campaigns matched by utm_campaign, stitching), so the timelines, touches,
// campaign counts and form analytics read exactly what live tracking would have written. Each batch
// (whole visitors, about `batchSize` events) is one transaction with its form submissions and consents.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { processEvents } from '../../tracking/process-events.ts';
import { newWriteKey } from '../../tracking/sources.store.ts';
import type { Trx } from '../../platform/db.ts';
import { commaListToArray, insertRows, iso } from '../insert-rows.ts';
import { DAY, isoDate } from '../timeline.ts';
import { progressLogger, type SeedContext, type SeedStep } from '../seed-context.ts';
import { planCampaigns } from './website-campaigns.ts';
import { CONSENT_TEXT, DEMO_FORMS, type FormKey } from './website-site.ts';
import { anonymousVisits, contactVisits, type ContactFacts, type PlannedSubmission, type VisitorOutput, type WebsiteEnv } from './website-visitors.ts';

/** Visitors who never became contacts, per contact: most of a B2B site's traffic stays anonymous. */
export const ANONYMOUS_VISITORS_PER_CONTACT = 4.5;

async function writeSubmissions(trx: Trx, ctx: SeedContext, formIds: Record<FormKey, string>, subs: PlannedSubmission[]): Promise<void> {
  if (subs.length === 0) return;
  const at = subs.map((s) => iso(s.at));
  await insertRows(trx, 'form_submissions', ctx.workspaceId, [
    { name: 'id', type: 'uuid', values: subs.map((s) => s.id) },
    { name: 'form_id', type: 'uuid', values: subs.map((s) => formIds[s.form]) },
    { name: 'contact_id', type: 'uuid', values: subs.map((s) => s.contactId) },
    { name: 'values', type: 'jsonb', values: subs.map((s) => JSON.stringify(s.values)) },
    { name: 'anonymous_id', type: 'text', values: subs.map((s) => s.anonymousId) },
    { name: 'page_url', type: 'text', values: subs.map((s) => s.pageUrl) },
    { name: 'referrer', type: 'text', values: subs.map((s) => s.referrer) },
    { name: 'utm', type: 'jsonb', values: subs.map((s) => JSON.stringify(s.utm)) },
    { name: 'ip', type: 'text', values: subs.map((s) => s.ip) },
    { name: 'user_agent', type: 'text', values: subs.map((s) => s.userAgent) },
    { name: 'status', type: 'text', values: subs.map(() => 'confirmed') },
    { name: 'confirmed_at', type: 'timestamptz', values: at },
    { name: 'created_at', type: 'timestamptz', values: at },
  ]);
  // people who opted in to the newsletter ticked the consent box, in the form's exact wording
  await sql`
    INSERT INTO consents (workspace_id, contact_id, kind, granted, text, source_type, source_id, source_url, submission_id,
      ip, user_agent, double_opt_in, confirmed_at, recorded_at)
    SELECT s.workspace_id, s.contact_id, 'marketing_email', true, ${CONSENT_TEXT}, 'form', s.form_id, s.page_url, s.id,
      s.ip, s.user_agent, false, s.created_at, s.created_at
    FROM form_submissions s JOIN contacts c ON c.workspace_id = s.workspace_id AND c.id = s.contact_id
    WHERE s.workspace_id = ${ctx.workspaceId} AND s.id = ANY(${subs.map((s) => s.id)}::uuid[])
      AND c.custom_fields->>'newsletter_opt_in' = 'true'`.execute(trx);
}

async function createSource(ctx: SeedContext): Promise<string> {
  const created = iso(ctx.timeline.start);
  const { rows } = await sql<{ id: string }>`
    INSERT INTO sources (workspace_id, name, write_key, created_at, updated_at)
    VALUES (${ctx.workspaceId}, 'Website', ${newWriteKey()}, ${created}, ${created}) RETURNING id`.execute(ctx.db);
  return rows[0].id;
}

async function createCampaigns(ctx: SeedContext, plan: ReturnType<typeof planCampaigns>): Promise<void> {
  const c = plan.campaigns;
  const asDate = (v: unknown) => sql`${v}::date`;
  await insertRows(ctx.db, 'campaigns', ctx.workspaceId, [
    { name: 'name', type: 'text', values: c.map((x) => x.name) },
    { name: 'name_key', type: 'text', values: c.map((x) => x.key) },
    { name: 'channel', type: 'text', values: c.map((x) => x.channel) },
    { name: 'start_date', type: 'text', values: c.map((x) => x.startDate), select: asDate },
    { name: 'end_date', type: 'text', values: c.map((x) => x.endDate), select: asDate },
    { name: 'status', type: 'text', values: c.map((x) => x.status) },
    { name: 'description', type: 'text', values: c.map((x) => x.description) },
    // planned a week or two ahead of their first traffic
    { name: 'created_at', type: 'timestamptz', values: c.map((x) => iso(Math.max(ctx.timeline.start, x.from - 10 * DAY))) },
    { name: 'updated_at', type: 'timestamptz', values: c.map((x) => iso(Math.max(ctx.timeline.start, x.from - 10 * DAY))) },
  ]);
}

async function createForms(ctx: SeedContext): Promise<Record<FormKey, string>> {
  const ids = Object.fromEntries(DEMO_FORMS.map((f) => [f.key, crypto.randomUUID()])) as Record<FormKey, string>;
  const author = ctx.staffing.marketers()[0]?.id ?? ctx.adminId;
  const sales = ctx.staffing.members.find((m) => m.job === 'sdr');
  const created = iso(ctx.timeline.start + 2 * DAY);
  await insertRows(ctx.db, 'forms', ctx.workspaceId, [
    { name: 'id', type: 'uuid', values: DEMO_FORMS.map((f) => ids[f.key]) },
    { name: 'name', type: 'text', values: DEMO_FORMS.map((f) => f.name) },
    { name: 'fields', type: 'jsonb', values: DEMO_FORMS.map((f) => JSON.stringify(f.fields)) },
    { name: 'consent_text', type: 'text', values: DEMO_FORMS.map(() => CONSENT_TEXT) },
    { name: 'consent_required', type: 'boolean', values: DEMO_FORMS.map(() => false) },
    { name: 'submit_label', type: 'text', values: DEMO_FORMS.map((f) => f.submitLabel) },
    { name: 'thank_you_message', type: 'text', values: DEMO_FORMS.map((f) => f.thankYouMessage) },
    {
      name: 'notification_emails',
      type: 'text',
      values: DEMO_FORMS.map((f) => (f.key === 'contact-sales' && sales?.email ? sales.email : '')),
      select: (v) => sql`coalesce(${commaListToArray(v)}, '{}')`,
    },
    { name: 'created_by', type: 'uuid', values: DEMO_FORMS.map(() => author) },
    { name: 'created_at', type: 'timestamptz', values: DEMO_FORMS.map(() => created) },
    { name: 'updated_at', type: 'timestamptz', values: DEMO_FORMS.map(() => created) },
  ]);
  return ids;
}

function contactFacts(ctx: SeedContext, i: number): ContactFacts | null {
  const c = ctx.contacts;
  const email = c.emails[i];
  if (!email) return null; // a business card: never on the website
  const account = c.accountIndex[i] >= 0 ? ctx.accounts[c.accountIndex[i]] : undefined;
  return {
    index: i,
    id: c.ids[i],
    email,
    firstName: c.firstNames[i],
    lastName: c.lastNames[i],
    title: c.titles[i],
    company: account?.name ?? null,
    createdAt: c.createdAt[i],
    stage: c.stages[i],
    leadSource: c.leadSources[i],
  };
}

export const websiteStep: SeedStep = {
  name: 'website',
  // events and receipts have no foreign keys (the ingest path's choice), and submissions, consents and
  // form views reference contacts and forms without cascading: none would go with the workspace
  async undo(db, ws) {
    await db.transaction().execute(async (trx) => {
      for (const table of ['consents', 'form_submissions', 'form_views_daily', 'events', 'event_receipts', 'tracking_inbox']) {
        await sql`DELETE FROM ${sql.table(table)} WHERE workspace_id = ${ws}`.execute(trx);
      }
    });
  },
  async run(ctx) {
    const { db, workspaceId: ws, timeline } = ctx;
    const plan = planCampaigns(timeline, ctx.calendar);
    const sourceId = await createSource(ctx);
    await createCampaigns(ctx, plan);
    const formIds = await createForms(ctx);
    const env: WebsiteEnv = { timeline, plan, sourceId, formIds };

    const anonymous = Math.round(ctx.settings.contacts * ANONYMOUS_VISITORS_PER_CONTACT);
    const total = ctx.contacts.count + anonymous;
    const progress = progressLogger(ctx.log, 'website visitors', total);
    const views = new Map<string, number>();
    const totals = { events: 0, submissions: 0 };
    let batch: VisitorOutput = { events: [], submissions: [], formViews: [] };
    let done = 0;

    // one batch at a time: concurrent batches would contend for the same campaign rows
    const flush = async () => {
      const { events, submissions } = batch;
      batch = { events: [], submissions: [], formViews: [] };
      if (events.length === 0) return;
      await db.transaction().execute(async (trx) => {
        await writeSubmissions(trx, ctx, formIds, submissions);
        await processEvents(trx, ws, events);
      });
      totals.events += events.length;
      totals.submissions += submissions.length;
      progress(done);

    };
    const add = async (out: VisitorOutput) => {
      done++;
      batch.events.push(...out.events);
      batch.submissions.push(...out.submissions);
      for (const v of out.formViews) {
        const key = `${v.form}|${isoDate(v.at)}`;
        views.set(key, (views.get(key) ?? 0) + 1);
      }
      if (batch.events.length >= ctx.settings.batchSize) await flush();
    };

    const contactRng = ctx.rng('website/contacts');
    for (let i = 0; i < ctx.contacts.count; i++) {
      const facts = contactFacts(ctx, i);
      if (facts) await add(contactVisits(contactRng, facts, env));
      else done++;
    }
    const visitorRng = ctx.rng('website/visitors');
    for (let i = 0; i < anonymous; i++) await add(anonymousVisits(visitorRng, env));
    await flush();
    progress(total);

    const counted = [...views].map(([key, n]) => ({ form: key.split('|')[0] as FormKey, day: key.split('|')[1], n }));
    await insertRows(db, 'form_views_daily', ws, [
      { name: 'form_id', type: 'uuid', values: counted.map((v) => formIds[v.form]) },
      { name: 'day', type: 'text', values: counted.map((v) => v.day), select: (v) => sql`${v}::date` },
      { name: 'views', type: 'int', values: counted.map((v) => v.n) },
    ]);
    // the app's first timeline and campaign queries plan with real statistics (PGlite has no autovacuum)
    await sql`ANALYZE events, event_receipts, visits, touches, identities, campaigns, form_submissions, consents, form_views_daily`.execute(db);
    ctx.log(
      `  ${totals.events.toLocaleString('en-US')} events from ${total.toLocaleString('en-US')} visitors, ` +
        `${totals.submissions.toLocaleString('en-US')} form submissions, ${plan.campaigns.length} campaigns`,
    );
  },
};
