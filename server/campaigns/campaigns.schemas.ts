import { z } from 'zod';
import { isCalendarDate, listQuerySchema } from '../platform/list-query.ts';
import { channelNameSchema } from '../channels/channel-rules.schemas.ts';

export const campaignStatuses = ['planned', 'active', 'paused', 'completed'] as const;

export const campaignSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    utmCampaign: z.string().describe('The utm_campaign value (trimmed, lower-cased) whose touches count for this campaign.'),
    channel: z.string().nullable(),
    status: z.enum(campaignStatuses),
    startDate: z.string().nullable().describe('YYYY-MM-DD'),
    endDate: z.string().nullable().describe('YYYY-MM-DD'),
    description: z.string().nullable(),
    firstSeenAt: z.date().nullable().describe('When the first touch tagged with this campaign arrived.'),
    touchCount: z.number().int().describe('Touches (visits, form fills, clicks) tagged with this campaign.'),
    contactCount: z.number().int().describe('Distinct known contacts among those touches.'),
    lastTouchAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    deletedAt: z.date().nullable(),
  })
  .meta({ id: 'Campaign' });

const dateSchema = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDate(v), 'must be a date as YYYY-MM-DD')
  .nullable();

const trimmedOrNull = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max.toLocaleString('en')} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable();

const campaignFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  utmCampaign: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .describe('Defaults to the name, lower-cased. Links tagged `utm_campaign=<this>` count for the campaign.'),
  channel: channelNameSchema.nullable(),
  status: z.enum(campaignStatuses),
  startDate: dateSchema,
  endDate: dateSchema,
  description: trimmedOrNull(5000),
};

const datesInOrder = (c: { startDate?: string | null; endDate?: string | null }) => !c.startDate || !c.endDate || c.endDate >= c.startDate;
const datesMessage = { message: 'must be on or after the start date', path: ['endDate'] };

export const createCampaignSchema = z
  .strictObject(campaignFields)
  .partial()
  .required({ name: true })
  .refine(datesInOrder, datesMessage)
  .meta({ id: 'CampaignCreate' });

// the end-before-start check for a PATCH that sends one date is made against the stored other date
export const updateCampaignSchema = z
  .strictObject(campaignFields)
  .partial()
  .refine(datesInOrder, datesMessage)
  .meta({ id: 'CampaignUpdate' });

export const campaignListQuerySchema = listQuerySchema.extend({
  deleted: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('`true` lists the trash (deleted campaigns) instead.'),
});

export type Campaign = z.output<typeof campaignSchema>;
export type CreateCampaign = z.output<typeof createCampaignSchema>;
export type UpdateCampaign = z.output<typeof updateCampaignSchema>;
