// What hangs off a deal: its stage history, contacts with roles, line items and timeline; and the
// renewals view across deals.
import { z } from 'zod';
import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import type { DbOrTrx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { errors, idParams, listEnvelope } from '../platform/openapi.ts';
import { compileList, listQuerySchema } from '../platform/list-query.ts';
import {
  dealContactSchema,
  dealSchema,
  historyItemSchema,
  lineItemsSchema,
  putDealContactsSchema,
  putLineItemsSchema,
  renewalsQuerySchema,
} from './deals.schemas.ts';
import { dealListSpec, findDeal, listDeals, lockDeal } from './deals.store.ts';
import { historyListSpec, listDealHistory } from './deal-history.ts';
import { listDealContacts, replaceDealContacts } from './deal-contacts.ts';
import { dealReferenceErrors, failWith } from './deal-references.ts';
import { markDealContactsCustomers } from './mark-customers.ts';
import { listLineItems, replaceLineItems } from './line-items.ts';
import { dealTimeline } from './timeline/deal-timeline.ts';
import { dealTimelinePageSchema, dealTimelineQuerySchema } from './timeline/deal-timeline.schemas.ts';
import { dealTimelineSources } from './timeline/sources.ts';

const tags = ['Deals'];

async function assertDeal(db: DbOrTrx, workspaceId: string, id: string) {
  const deal = await db
    .selectFrom('deals')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!deal) throw AppError.notFound('Deal', id);
}

export function dealPartRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/deals/:id/history', {
    schema: {
      tags,
      summary: "A deal's stage history",
      description: 'Oldest first (`sort=-changedAt` for newest first). The first row (fromStage null) is the creation.',
      params: idParams,
      querystring: listQuerySchema.omit({ q: true, includeTotal: true }),
      response: { 200: listEnvelope(historyItemSchema), ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      await assertDeal(db, ws, req.params.id);
      return listDealHistory(db, ws, req.params.id, compileList(historyListSpec, { ...req.query, includeTotal: false }, []));
    },
  });

  app.get('/api/v1/deals/:id/contacts', {
    schema: {
      tags,
      summary: "A deal's contacts and their roles",
      params: idParams,
      response: { 200: z.object({ data: z.array(dealContactSchema) }), ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      await assertDeal(db, ws, req.params.id);
      return { data: await listDealContacts(db, ws, req.params.id) };
    },
  });

  app.put('/api/v1/deals/:id/contacts', {
    schema: {
      tags,
      summary: "Replace a deal's contacts",
      description: 'Roles: decision_maker, champion, influencer, user, blocker (or null). On a won deal, the contacts become customers.',
      params: idParams,
      body: putDealContactsSchema,
      response: { 200: z.object({ data: z.array(dealContactSchema) }), ...errors(404) },
    },
    config: { permission: 'crm:write' },
    handler: async (req) =>
      db.transaction().execute(async (trx) => {
        const ws = req.principal!.workspaceId;
        if (!(await lockDeal(trx, ws, req.params.id))) throw AppError.notFound('Deal', req.params.id);
        const problems = await dealReferenceErrors(trx, ws, { contacts: req.body.contacts });
        if (problems.length) failWith(problems);
        await replaceDealContacts(trx, ws, req.params.id, req.body.contacts);
        await markDealContactsCustomers(trx, ws, [req.params.id]);
        return { data: await listDealContacts(trx, ws, req.params.id) };
      }),
  });

  app.get('/api/v1/deals/:id/line-items', {
    schema: { tags, summary: "A deal's products", params: idParams, response: { 200: lineItemsSchema, ...errors(404) } },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      const deal = await findDeal(db, ws, req.params.id);
      if (!deal) throw AppError.notFound('Deal', req.params.id);
      return { ...(await listLineItems(db, ws, req.params.id)), dealAmount: deal.amount };
    },
  });

  app.put('/api/v1/deals/:id/line-items', {
    schema: {
      tags,
      summary: "Replace a deal's products",
      description:
        "Name and unit price default to the product's. Line total = quantity × unitPrice × (1 − discountPercent/100). " +
        "When the deal's `amountFromLineItems` is true its amount becomes the sum.",
      params: idParams,
      body: putLineItemsSchema,
      response: { 200: lineItemsSchema, ...errors(404) },
    },
    config: { permission: 'crm:write' },
    handler: async (req) =>
      db.transaction().execute(async (trx) => {
        const ws = req.principal!.workspaceId;
        const deal = await lockDeal(trx, ws, req.params.id);
        if (!deal) throw AppError.notFound('Deal', req.params.id);
        await replaceLineItems(trx, ws, deal, req.body.items);
        const fresh = (await findDeal(trx, ws, req.params.id))!;
        return { ...(await listLineItems(trx, ws, req.params.id)), dealAmount: fresh.amount };
      }),
  });

  app.get('/api/v1/deals/:id/timeline', {
    schema: {
      tags,
      summary: "A deal's timeline",
      description: 'Creation, stage changes and notes (and activities where that module is present), newest first.',
      params: idParams,
      querystring: dealTimelineQuerySchema,
      response: { 200: dealTimelinePageSchema, ...errors(404) },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const ws = req.principal!.workspaceId;
      await assertDeal(db, ws, req.params.id);
      return dealTimeline(db, dealTimelineSources, ws, req.params.id, req.query);
    },
  });

  app.get('/api/v1/renewals', {
    schema: {
      tags,
      summary: 'Won deals renewing in a date range',
      description: 'Won deals whose `renewalDate` is between `from` and `to` (inclusive), soonest first. Other deal filters apply too.',
      querystring: renewalsQuerySchema,
      response: { 200: listEnvelope(dealSchema), ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => {
      const { from, to, filter, limit, cursor } = req.query;
      if (from > to) throw AppError.invalid('to', 'must be on or after from');
      const list = compileList(
        dealListSpec,
        {
          limit,
          cursor,
          sort: 'renewalDate',
          includeTotal: false,
          filter: { ...filter, status: 'won', renewalDate: { gte: from, lte: to } },
        },
        [],
      );
      return listDeals(db, req.principal!.workspaceId, list);
    },
  });
}
