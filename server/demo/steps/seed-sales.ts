// Sales for the demo: the product catalogue, a Renewals pipeline next to "New business", 18 months of
// deals on the accounts (deals.ts) with their people, line items and full stage history, the team's
// calls, meetings, emails and tasks (sales-activities.ts), and quotas (quotas.ts). Deals are planned
// account by account and written in batches of whole accounts (an expansion or renewal is in the same
// statement as the deal it grew from), each batch one transaction of set-based inserts. Afterwards, as
// moveDeal would have: won deals' people become customers; and a deal's source campaign is the
// campaign that last touched one of its people in the 90 days before it was created (from the website
// step's touches, when it ran). Every table here cascades from the workspace, but not in one piece:
// deleting a workspace trips the sales tables' plain foreign keys to members and products (stage
// history's changed_by, attendees' user_id, line items' product_id), so the undo hook removes the
// activities and deals first.
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Trx } from '../../platform/db.ts';
import { commaListToArray, insertRows, iso } from '../insert-rows.ts';
import {
  createDealPlanner,
  createdAt,
  customersMadeBy,
  stageChangedAt,
  type CloseReasonRef,
  type DealDraft,
  type PipelineRef,
  type StageRef,
} from '../deals.ts';
import type { ActivityDraft } from '../activity-kit.ts';
import { createDealActivities } from '../deal-activities.ts';
import { createTeamActivities } from '../team-activities.ts';
import { planQuotas } from '../quotas.ts';
import { CATALOG, RENEWALS_PIPELINE } from '../sales-catalog.ts';
import { DAY } from '../timeline.ts';
import { progressLogger, type SeedContext, type SeedStep } from '../seed-context.ts';
import { WriteQueue } from '../write-queue.ts';

const asDate = (v: unknown) => sql`${v}::date`;

async function createProducts(trx: Trx, ctx: SeedContext): Promise<Map<string, string>> {
  const ids = CATALOG.map(() => crypto.randomUUID());
  const created = CATALOG.map(() => iso(ctx.timeline.start + DAY));
  await insertRows(trx, 'products', ctx.workspaceId, [
    { name: 'id', type: 'uuid', values: ids },
    { name: 'name', type: 'text', values: CATALOG.map((p) => p.name) },
    { name: 'sku', type: 'text', values: CATALOG.map((p) => p.sku) },
    { name: 'description', type: 'text', values: CATALOG.map((p) => p.description) },
    { name: 'unit_price', type: 'numeric', values: CATALOG.map((p) => p.unitPrice) },
    { name: 'active', type: 'boolean', values: CATALOG.map((p) => p.active) },
    { name: 'created_at', type: 'timestamptz', values: created },
    { name: 'updated_at', type: 'timestamptz', values: created },
  ]);
  return new Map(CATALOG.map((p, i) => [p.sku, ids[i]]));
}

async function readPipeline(trx: Trx, ws: string, pipelineId: string): Promise<PipelineRef> {
  const { rows } = await sql<StageRef & { position: number }>`
    SELECT id, name, type, position FROM pipeline_stages
    WHERE workspace_id = ${ws} AND pipeline_id = ${pipelineId} AND archived_at IS NULL ORDER BY position`.execute(trx);
  const won = rows.find((s) => s.type === 'won');
  const lost = rows.find((s) => s.type === 'lost');
  if (!won || !lost) throw new Error('the demo pipelines need a won and a lost stage');
  return { id: pipelineId, open: rows.filter((s) => s.type === 'open'), won, lost };
}

/** The default pipeline (from createSalesDefaults), a new Renewals one, the close reasons; all dated to the start. */
async function setUpPipelines(trx: Trx, ctx: SeedContext) {
  const ws = ctx.workspaceId;
  const start = iso(ctx.timeline.start);
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM pipelines WHERE workspace_id = ${ws} AND is_default AND archived_at IS NULL`.execute(trx);
  if (!rows[0]) throw new Error('the demo workspace has no default pipeline');
  const renewalsId = crypto.randomUUID();
  await sql`
    INSERT INTO pipelines (workspace_id, id, name, position, is_default, created_at, updated_at)
    VALUES (${ws}, ${renewalsId}, ${RENEWALS_PIPELINE.name}, 1, false, ${start}, ${start})`.execute(trx);
  const stages = RENEWALS_PIPELINE.stages;
  await insertRows(trx, 'pipeline_stages', ws, [
    { name: 'pipeline_id', type: 'uuid', values: stages.map(() => renewalsId) },
    { name: 'name', type: 'text', values: stages.map((s) => s.name) },
    { name: 'position', type: 'int', values: stages.map((_, i) => i) },
    { name: 'probability', type: 'int', values: stages.map((s) => s.probability) },
    { name: 'type', type: 'text', values: stages.map((s) => s.type) },
  ]);
  for (const table of ['pipelines', 'pipeline_stages', 'close_reasons']) {
    await sql`UPDATE ${sql.table(table)} SET created_at = ${start}, updated_at = ${start} WHERE workspace_id = ${ws}`.execute(trx);
  }
  const reasons = await sql<CloseReasonRef>`
    SELECT id, kind, label FROM close_reasons WHERE workspace_id = ${ws} AND archived_at IS NULL ORDER BY kind, position`.execute(trx);
  return {
    newBusiness: await readPipeline(trx, ws, rows[0].id),
    renewals: await readPipeline(trx, ws, renewalsId),
    reasons: reasons.rows,
  };
}

async function writeDeals(trx: Trx, ctx: SeedContext, deals: DealDraft[], productIds: Map<string, string>): Promise<void> {
  const ws = ctx.workspaceId;
  const last = (d: DealDraft) => d.moves[d.moves.length - 1];
  await insertRows(trx, 'deals', ws, [
    { name: 'id', type: 'uuid', values: deals.map((d) => d.id) },
    { name: 'pipeline_id', type: 'uuid', values: deals.map((d) => d.pipelineId) },
    { name: 'stage_id', type: 'uuid', values: deals.map((d) => last(d).stage.id) },
    { name: 'status', type: 'text', values: deals.map((d) => d.status) },
    { name: 'name', type: 'text', values: deals.map((d) => d.name) },
    { name: 'amount', type: 'numeric', values: deals.map((d) => d.amount) },
    { name: 'amount_from_line_items', type: 'boolean', values: deals.map(() => true) },
    { name: 'expected_close_date', type: 'text', values: deals.map((d) => d.expectedCloseDate), select: asDate },
    { name: 'owner_id', type: 'uuid', values: deals.map((d) => d.ownerId) },
    { name: 'account_id', type: 'uuid', values: deals.map((d) => ctx.accounts[d.accountIndex].id) },
    { name: 'forecast_category', type: 'text', values: deals.map((d) => d.forecastCategory) },
    { name: 'close_reason_id', type: 'uuid', values: deals.map((d) => d.closeReasonId) },
    { name: 'close_note', type: 'text', values: deals.map((d) => d.closeNote) },
    { name: 'closed_at', type: 'timestamptz', values: deals.map((d) => (d.closedAt === null ? null : iso(d.closedAt))) },
    { name: 'stage_changed_at', type: 'timestamptz', values: deals.map((d) => iso(stageChangedAt(d))) },
    { name: 'deal_type', type: 'text', values: deals.map((d) => d.type) },
    { name: 'parent_deal_id', type: 'uuid', values: deals.map((d) => d.parentId) },
    { name: 'renewal_date', type: 'text', values: deals.map((d) => d.renewalDate), select: asDate },
    { name: 'created_at', type: 'timestamptz', values: deals.map((d) => iso(createdAt(d))) },
    { name: 'updated_at', type: 'timestamptz', values: deals.map((d) => iso(d.updatedAt)) },
  ]);
  const people = deals.flatMap((d) => d.contacts.map((c) => ({ deal: d.id, ...c })));
  await insertRows(trx, 'deal_contacts', ws, [
    { name: 'deal_id', type: 'uuid', values: people.map((p) => p.deal) },
    { name: 'contact_id', type: 'uuid', values: people.map((p) => ctx.contacts.ids[p.index]) },
    { name: 'role', type: 'text', values: people.map((p) => p.role) },
    { name: 'created_at', type: 'timestamptz', values: people.map((p) => iso(p.addedAt)) },
  ]);
  const lines = deals.flatMap((d) => d.lines.map((l, position) => ({ deal: d.id, at: createdAt(d), position, ...l })));
  await insertRows(trx, 'deal_line_items', ws, [
    { name: 'deal_id', type: 'uuid', values: lines.map((l) => l.deal) },
    { name: 'product_id', type: 'uuid', values: lines.map((l) => productIds.get(l.sku) ?? null) },
    { name: 'name', type: 'text', values: lines.map((l) => l.name) },
    { name: 'quantity', type: 'numeric', values: lines.map((l) => l.quantity) },
    { name: 'unit_price', type: 'numeric', values: lines.map((l) => l.unitPrice) },
    { name: 'discount_percent', type: 'numeric', values: lines.map((l) => l.discountPercent) },
    { name: 'position', type: 'int', values: lines.map((l) => l.position) },
    { name: 'created_at', type: 'timestamptz', values: lines.map((l) => iso(l.at)) },
  ]);
  const history = deals.flatMap((d) => d.moves.map((m, i) => ({ d, m, from: i ? d.moves[i - 1].stage.id : null })));
  await insertRows(trx, 'deal_stage_history', ws, [
    { name: 'deal_id', type: 'uuid', values: history.map((h) => h.d.id) },
    { name: 'pipeline_id', type: 'uuid', values: history.map((h) => h.d.pipelineId) },
    { name: 'from_stage_id', type: 'uuid', values: history.map((h) => h.from) },
    { name: 'to_stage_id', type: 'uuid', values: history.map((h) => h.m.stage.id) },
    { name: 'changed_at', type: 'timestamptz', values: history.map((h) => iso(h.m.at)) },
    { name: 'changed_by', type: 'uuid', values: history.map((h) => h.d.ownerId) },
    { name: 'amount', type: 'numeric', values: history.map((h) => h.d.amount) },
  ]);
}

async function writeActivities(trx: Trx, ctx: SeedContext, acts: ActivityDraft[]): Promise<void> {
  const ws = ctx.workspaceId;
  const at = (v: number | null) => (v === null ? null : iso(v));
  const contactId = (i: number | null) => (i === null ? null : ctx.contacts.ids[i]);
  await insertRows(trx, 'activities', ws, [
    { name: 'id', type: 'uuid', values: acts.map((a) => a.id) },
    { name: 'type', type: 'text', values: acts.map((a) => a.type) },
    { name: 'subject', type: 'text', values: acts.map((a) => a.subject) },
    { name: 'body', type: 'text', values: acts.map((a) => a.body) },
    { name: 'contact_id', type: 'uuid', values: acts.map((a) => contactId(a.contactIndex)) },
    { name: 'account_id', type: 'uuid', values: acts.map((a) => (a.accountIndex === null ? null : ctx.accounts[a.accountIndex].id)) },
    { name: 'deal_id', type: 'uuid', values: acts.map((a) => a.dealId) },
    { name: 'assignee_id', type: 'uuid', values: acts.map((a) => a.assigneeId) },
    { name: 'created_by', type: 'uuid', values: acts.map((a) => a.createdBy) },
    { name: 'due_at', type: 'timestamptz', values: acts.map((a) => at(a.dueAt)) },
    { name: 'priority', type: 'text', values: acts.map((a) => a.priority) },
    { name: 'done_at', type: 'timestamptz', values: acts.map((a) => at(a.doneAt)) },
    { name: 'outcome', type: 'text', values: acts.map((a) => a.outcome) },
    { name: 'duration_seconds', type: 'int', values: acts.map((a) => a.durationSeconds) },
    { name: 'direction', type: 'text', values: acts.map((a) => a.direction) },
    { name: 'starts_at', type: 'timestamptz', values: acts.map((a) => at(a.startsAt)) },
    { name: 'ends_at', type: 'timestamptz', values: acts.map((a) => at(a.endsAt)) },
    { name: 'location', type: 'text', values: acts.map((a) => a.location) },
    { name: 'from_address', type: 'text', values: acts.map((a) => a.fromAddress) },
    {
      name: 'to_addresses',
      type: 'text',
      values: acts.map((a) => (a.toAddresses ? a.toAddresses.join(',') : null)),
      select: commaListToArray,
    },
    { name: 'occurred_at', type: 'timestamptz', values: acts.map((a) => at(a.occurredAt)) },
    { name: 'created_at', type: 'timestamptz', values: acts.map((a) => iso(a.createdAt)) },
    { name: 'updated_at', type: 'timestamptz', values: acts.map((a) => iso(a.updatedAt)) },
  ]);
  const attendees = acts.flatMap((a) => [
    ...[...new Set(a.attendeeContacts)].map((c) => ({ activity: a.id, contact: ctx.contacts.ids[c], user: null })),
    ...[...new Set(a.attendeeUsers)].map((u) => ({ activity: a.id, contact: null, user: u })),
  ]);
  await insertRows(trx, 'activity_attendees', ws, [
    { name: 'activity_id', type: 'uuid', values: attendees.map((t) => t.activity) },
    { name: 'contact_id', type: 'uuid', values: attendees.map((t) => t.contact) },
    { name: 'user_id', type: 'uuid', values: attendees.map((t) => t.user) },
  ]);
}

/** Contacts the won deals made customers (moveDeal's rule, at the time of each win). */
async function markCustomers(ctx: SeedContext, made: Map<number, number>): Promise<void> {
  const entries = [...made];
  for (let from = 0; from < entries.length; from += ctx.settings.batchSize) {
    const batch = entries.slice(from, from + ctx.settings.batchSize);
    await sql`
      UPDATE contacts c SET lifecycle_stage = 'customer', updated_at = greatest(c.updated_at, t.at)
      FROM unnest(${batch.map(([i]) => ctx.contacts.ids[i])}::uuid[], ${batch.map(([, at]) => iso(at))}::timestamptz[]) AS t(id, at)
      WHERE c.workspace_id = ${ctx.workspaceId} AND c.id = t.id`.execute(ctx.db);
  }
  for (const [i] of entries) ctx.contacts.stages[i] = 'customer';
}

/** A new deal's source: the campaign that last touched one of its people in the 90 days before it opened. */
async function attributeSources(ctx: SeedContext): Promise<number> {
  const result = await sql`
    UPDATE deals d SET source_campaign_id = s.campaign_id
    FROM (
      SELECT d2.id, (
        SELECT t.campaign_id FROM deal_contacts dc
        JOIN LATERAL (
          SELECT t.campaign_id, t.occurred_at FROM touches t
          WHERE t.workspace_id = dc.workspace_id AND t.contact_id = dc.contact_id
            AND t.occurred_at <= d2.created_at AND t.occurred_at > d2.created_at - interval '90 days' AND t.campaign_id IS NOT NULL
          ORDER BY t.occurred_at DESC LIMIT 1
        ) t ON true
        WHERE dc.workspace_id = d2.workspace_id AND dc.deal_id = d2.id
        ORDER BY t.occurred_at DESC LIMIT 1
      ) AS campaign_id
      FROM deals d2 WHERE d2.workspace_id = ${ctx.workspaceId} AND d2.deal_type = 'new'
    ) s
    WHERE d.workspace_id = ${ctx.workspaceId} AND d.id = s.id AND s.campaign_id IS NOT NULL`.execute(ctx.db);
  return Number(result.numAffectedRows ?? 0);
}

export const salesStep: SeedStep = {
  name: 'sales',
  async undo(db, ws) {
    await db.transaction().execute(async (trx) => {
      // attendees go with their activities; contacts, line items and history with their deals
      await sql`DELETE FROM activities WHERE workspace_id = ${ws}`.execute(trx);
      await sql`DELETE FROM deals WHERE workspace_id = ${ws}`.execute(trx);
    });
  },
  async run(ctx) {
    const { db, workspaceId: ws, timeline } = ctx;
    const setup = await db
      .transaction()
      .execute(async (trx) => ({ ...(await setUpPipelines(trx, ctx)), products: await createProducts(trx, ctx) }));
    const contactsByAccount: number[][] = ctx.accounts.map(() => []);
    for (let i = 0; i < ctx.contacts.count; i++)
      if (ctx.contacts.accountIndex[i] >= 0) contactsByAccount[ctx.contacts.accountIndex[i]].push(i);
    const newId = () => crypto.randomUUID();
    const env = { timeline, accounts: ctx.accounts, contacts: ctx.contacts, contactsByAccount, newId };
    const planner = createDealPlanner({ ...env, newBusiness: setup.newBusiness, renewals: setup.renewals, reasons: setup.reasons });
    const activityEnv = { ...env, staffing: ctx.staffing, adminId: ctx.adminId };
    const dealWork = createDealActivities(activityEnv);
    const teamWork = createTeamActivities(activityEnv);
    const dealRng = ctx.rng('sales/deals');
    const workRng = ctx.rng('sales/activities');

    const queue = new WriteQueue();
    const progress = progressLogger(ctx.log, 'accounts with deals', ctx.accounts.length);
    const won: Array<{ ownerId: string; closedAt: number; amount: number }> = [];
    const open: DealDraft[] = [];
    const allDeals: DealDraft[] = [];
    let deals: DealDraft[] = [];
    let acts: ActivityDraft[] = [];
    let activityCount = 0;
    /** Writes what is planned so far; `upTo` accounts are then done (for the progress log). */
    const flush = async (upTo?: number) => {
      const batch = { deals, acts };
      deals = [];
      acts = [];
      activityCount += batch.acts.length;
      if (!batch.deals.length && !batch.acts.length) return;
      await queue.push(async () => {
        await db.transaction().execute(async (trx) => {
          if (batch.deals.length) await writeDeals(trx, ctx, batch.deals, setup.products);
          if (batch.acts.length) await writeActivities(trx, ctx, batch.acts);
        });
        if (upTo !== undefined) progress(upTo);
      });
    };

    for (let a = 0; a < ctx.accounts.length; a++) {
      for (const deal of planner.accountDeals(dealRng, a)) {
        deals.push(deal);
        allDeals.push(deal);
        if (deal.status === 'won') won.push({ ownerId: deal.ownerId, closedAt: deal.closedAt!, amount: deal.amount });
        if (deal.status === 'open') open.push(deal);
        acts.push(...dealWork.dealActivities(workRng, deal));
      }
      acts.push(...teamWork.accountActivities(workRng, a));
      if (acts.length >= ctx.settings.batchSize || deals.length >= ctx.settings.batchSize) await flush(a + 1);
    }
    await flush(ctx.accounts.length);
    // what follows refers to deals of any batch: those must be in first
    await queue.drain();

    // SDRs working their leads, and the admin's deal desk
    for (let c = 0; c < ctx.contacts.count; c++) {
      acts.push(...teamWork.contactActivities(workRng, c));
      if (acts.length >= ctx.settings.batchSize) await flush();
    }
    acts.push(...dealWork.adminWork(workRng, open));
    await flush();
    await queue.drain();

    const made = customersMadeBy(allDeals, { accounts: ctx.accounts, contacts: ctx.contacts, contactsByAccount });
    await markCustomers(ctx, made);
    // fresh statistics first: the attribution below plans a lookup per deal into the touches
    await sql`ANALYZE deals, deal_contacts`.execute(db);
    const sourced = await attributeSources(ctx);

    const reps = ctx.staffing.members.filter((m) => m.job === 'ae').map((m) => m.id);
    const quotas = planQuotas(reps, won, timeline.start, timeline.end);
    const created = iso(timeline.start);
    await insertRows(db, 'quotas', ws, [
      { name: 'owner_id', type: 'uuid', values: quotas.map((q) => q.ownerId) },
      { name: 'period', type: 'text', values: quotas.map((q) => q.period) },
      { name: 'amount', type: 'numeric', values: quotas.map((q) => q.amount) },
      { name: 'created_at', type: 'timestamptz', values: quotas.map(() => created) },
      { name: 'updated_at', type: 'timestamptz', values: quotas.map(() => created) },
    ]);
    // anything that read the half-written deals (a server sharing the database) recomputes
    await sql`DELETE FROM stage_conversion_cache WHERE workspace_id = ${ws}`.execute(db);
    await sql`ANALYZE deal_line_items, deal_stage_history, activities, activity_attendees, quotas`.execute(db);

    const status = (s: string) => allDeals.filter((d) => d.status === s).length;
    ctx.log(
      `  ${allDeals.length.toLocaleString('en-US')} deals (${status('won')} won, ${status('lost')} lost, ${status('open')} open; ` +
        `${allDeals.filter((d) => d.type === 'renewal').length} renewals, ${sourced} with a source campaign), ` +
        `${activityCount.toLocaleString('en-US')} activities, ${made.size.toLocaleString('en-US')} contacts became customers, ${quotas.length} quotas`,
    );
  },
};
