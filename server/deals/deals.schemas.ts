import { z } from 'zod';
import { isCalendarDate, listQuerySchema } from '../platform/list-query.ts';
import { currencySchema, moneySchema } from '../products/products.schemas.ts';

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export const DEAL_TYPES = ['new', 'renewal', 'expansion'] as const;
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export const DEAL_CONTACT_ROLES = ['decision_maker', 'champion', 'influencer', 'user', 'blocker'] as const;

export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'is not a calendar date');

export const dealSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    pipelineId: z.uuid(),
    stageId: z.uuid(),
    stage: z.object({ id: z.uuid(), name: z.string(), type: z.enum(DEAL_STATUSES), probability: z.number().int() }),
    status: z.enum(DEAL_STATUSES).describe("The stage's type: open, won or lost."),
    amount: z.number(),
    weightedAmount: z.number().describe("amount × the stage's probability."),
    amountFromLineItems: z.boolean().describe('When true, amount is the sum of the line items.'),
    currency: z.string(),
    expectedCloseDate: z.string().nullable().describe('YYYY-MM-DD'),
    ownerId: z.uuid().nullable(),
    accountId: z.uuid().nullable(),
    account: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    sourceCampaignId: z.uuid().nullable(),
    forecastCategory: z.enum(FORECAST_CATEGORIES),
    closeReasonId: z.uuid().nullable(),
    closeReasonLabel: z.string().nullable(),
    closeNote: z.string().nullable(),
    closedAt: z.date().nullable().describe('When it entered a won or lost stage; null while open.'),
    stageChangedAt: z.date(),
    dealType: z.enum(DEAL_TYPES),
    parentDealId: z.uuid().nullable().describe('The original deal an expansion or renewal grew from.'),
    renewalDate: z.string().nullable().describe('YYYY-MM-DD'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Deal' });

const uuid = (what: string) => z.uuid({ message: `must be a valid ${what} id` });
const closeNote = z
  .string()
  .trim()
  .max(2000, 'must be at most 2,000 characters')
  .transform((v) => (v === '' ? null : v))
  .nullable();

const closeFields = {
  closeReasonId: uuid('close reason').nullable().describe('Required when the stage is won or lost (a reason of that kind).'),
  closeReason: z.string().trim().min(1).max(100).describe("Or the reason's label instead of its id."),
  closeNote,
};

export const dealContactInput = z.strictObject({
  contactId: uuid('contact'),
  role: z.enum(DEAL_CONTACT_ROLES).nullable().default(null),
});

const contactsList = z
  .array(dealContactInput)
  .max(100, 'at most 100 contacts per deal')
  .refine((list) => new Set(list.map((c) => c.contactId)).size === list.length, 'lists a contact twice');

const dealFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  stageId: uuid('stage').describe('Moves the deal (through stage history); a won/lost stage needs closeReasonId.'),
  amount: moneySchema,
  amountFromLineItems: z.boolean(),
  currency: currencySchema,
  expectedCloseDate: daySchema.nullable(),
  ownerId: uuid('user').nullable(),
  accountId: uuid('account').nullable(),
  sourceCampaignId: uuid('campaign').nullable(),
  forecastCategory: z.enum(['pipeline', 'best_case', 'commit', 'omitted'], {
    message: "must be pipeline, best_case, commit or omitted ('closed' follows from a won/lost stage)",
  }),
  dealType: z.enum(DEAL_TYPES),
  parentDealId: uuid('deal').nullable(),
  renewalDate: daySchema.nullable(),
  ...closeFields,
};

export const createDealSchema = z
  .strictObject({
    ...dealFields,
    pipelineId: uuid('pipeline').describe('Default: the stage’s pipeline, else the default pipeline.'),
    contacts: contactsList.describe('Contacts on the deal with their roles.'),
  })
  .partial()
  .required({ name: true })
  .meta({ id: 'DealCreate' });

export const updateDealSchema = z.strictObject(dealFields).partial().meta({ id: 'DealUpdate' });

export const moveDealSchema = z
  .strictObject({ stageId: uuid('stage'), ...closeFields })
  .partial({ closeReasonId: true, closeReason: true, closeNote: true })
  .meta({ id: 'DealMove' });

export const stageRefSchema = z.object({ id: z.uuid(), name: z.string(), type: z.enum(DEAL_STATUSES) });

export const historyItemSchema = z
  .object({
    id: z.uuid(),
    pipelineId: z.uuid(),
    fromStage: stageRefSchema.nullable().describe('null on the row written when the deal was created.'),
    toStage: stageRefSchema,
    changedAt: z.date(),
    changedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    amount: z.number().describe("The deal's amount at the time."),
  })
  .meta({ id: 'DealStageChange' });

export const dealContactSchema = z
  .object({
    contactId: z.uuid(),
    role: z.enum(DEAL_CONTACT_ROLES).nullable(),
    email: z.string().nullable(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    title: z.string().nullable(),
    accountId: z.uuid().nullable(),
    lifecycleStage: z.string().nullable(),
  })
  .meta({ id: 'DealContact' });

export const putDealContactsSchema = z.strictObject({ contacts: contactsList }).meta({ id: 'DealContactsPut' });

export const lineItemSchema = z
  .object({
    id: z.uuid(),
    productId: z.uuid().nullable(),
    name: z.string(),
    quantity: z.number(),
    unitPrice: z.number(),
    discountPercent: z.number(),
    total: z.number().describe('quantity × unitPrice × (1 − discountPercent/100), rounded to cents.'),
  })
  .meta({ id: 'DealLineItem' });

export const lineItemInput = z
  .strictObject({
    productId: uuid('product').nullable().optional(),
    name: z.string().trim().min(1, 'must not be empty').max(200).optional().describe("Default: the product's name."),
    quantity: z
      .number()
      .gt(0, 'must be more than 0')
      .max(1e9)
      .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'must have at most 2 decimals'),
    unitPrice: moneySchema.optional().describe("Default: the product's price."),
    discountPercent: z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100').default(0),
  })
  .refine((i) => i.productId || i.name, { message: 'give a productId or a name', path: ['name'] })
  .refine((i) => i.productId || i.unitPrice !== undefined, { message: 'is required without a productId', path: ['unitPrice'] });

export const putLineItemsSchema = z
  .strictObject({ items: z.array(lineItemInput).max(100, 'at most 100 line items per deal') })
  .meta({ id: 'DealLineItemsPut' });

export const lineItemsSchema = z.object({
  data: z.array(lineItemSchema),
  total: z.number().describe('Sum of the line totals.'),
  dealAmount: z.number().describe("The deal's amount (equal to total when amountFromLineItems)."),
});

export const renewalsQuerySchema = z.strictObject({
  from: daySchema.describe('First renewal date, YYYY-MM-DD.'),
  to: daySchema.describe('Last renewal date, YYYY-MM-DD (inclusive).'),
  limit: listQuerySchema.shape.limit,
  cursor: listQuerySchema.shape.cursor,
  filter: listQuerySchema.shape.filter,
});

export type Deal = z.output<typeof dealSchema>;
export type CreateDeal = z.output<typeof createDealSchema>;
export type UpdateDeal = z.output<typeof updateDealSchema>;
export type MoveDeal = z.output<typeof moveDealSchema>;
export type HistoryItem = z.output<typeof historyItemSchema>;
export type DealContact = z.output<typeof dealContactSchema>;
export type LineItem = z.output<typeof lineItemSchema>;
export type LineItemInput = z.output<typeof lineItemInput>;
