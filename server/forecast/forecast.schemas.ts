import { z } from 'zod';
import { isDay } from './period.ts';
import { periodSchema } from './quotas.schemas.ts';

const filterParams = {
  pipelineId: z.uuid({ message: 'must be a valid pipeline id' }).optional().describe('Only deals of this pipeline.'),
  ownerId: z.uuid({ message: 'must be a valid user id' }).optional().describe('Only deals owned by this rep.'),
};

export const forecastQuerySchema = z.strictObject({ period: periodSchema, ...filterParams });

const day = (what: string) =>
  z
    .string({ message: `is required: the ${what} day, YYYY-MM-DD` })
    .refine(isDay, 'must be a calendar day, YYYY-MM-DD')
    .describe(`The ${what} day (inclusive, UTC), YYYY-MM-DD.`);

/** Longest range the metrics accept: five years of months is a chart, not a table dump. */
export const MAX_RANGE_DAYS = 5 * 366;

export const salesMetricsQuerySchema = z.strictObject({
  from: day('first'),
  to: day('last'),
  interval: z.enum(['month', 'quarter']).default('month').describe('Size of the series periods (default month).'),
  ...filterParams,
});

const amount = z.object({ count: z.number().int(), amount: z.number() });

const figures = {
  closedWon: amount.describe('Won deals closed in the period (by actual close date).'),
  commit: amount.describe('Open deals expected to close in the period, forecast category commit.'),
  bestCase: amount,
  pipeline: amount,
  omitted: amount.describe('Left out of every total and weighting.'),
  weightedByProbability: z.number().describe("Σ open amount × the stage's win probability."),
  weightedByHistory: z.number().describe("Σ open amount × the stage's historical win rate (its probability when it has no closed deals)."),
  commitForecast: z.number().describe('Closed won + commit.'),
  bestCaseForecast: z.number().describe('Closed won + commit + best case.'),
  quota: z.number().nullable(),
  attainment: z.number().nullable().describe('Closed won ÷ quota (1 = 100%); null without a quota above zero.'),
};

const periodInfo = z.object({ key: z.string(), kind: z.enum(['month', 'quarter']), start: z.string(), end: z.string() });

export const forecastSchema = z
  .object({
    period: periodInfo,
    pipelineId: z.uuid().nullable(),
    ownerId: z.uuid().nullable(),
    team: z.object({ ...figures, quotaSource: z.enum(['team', 'sum_of_reps', 'none']) }),
    reps: z.array(z.object({ ownerId: z.uuid().nullable(), name: z.string(), ...figures })),
    stages: z.array(
      z.object({
        stageId: z.uuid(),
        name: z.string(),
        pipelineId: z.uuid(),
        pipelineName: z.string(),
        probability: z.number().int(),
        historicalRate: z.number().nullable().describe('Won ÷ closed among deals that ever reached the stage; null when none closed.'),
        historySample: z.number().int().describe('Closed deals the historical rate is computed from.'),
        historySource: z.enum(['history', 'probability']),
        open: amount,
        weightedByProbability: z.number(),
        weightedByHistory: z.number(),
      }),
    ),
    historyAsOf: z.date().describe('When the historical conversion counts were computed.'),
  })
  .meta({ id: 'Forecast' });

const metricFigures = {
  won: amount,
  lost: amount,
  winRate: z.number().nullable().describe('Won ÷ (won + lost), 0–1.'),
  averageDealSize: z.number().nullable(),
  medianCycleDays: z.number().nullable().describe('Median days from creation to won.'),
  meanCycleDays: z.number().nullable(),
  newPipeline: amount.describe('Deals created (count and current amount).'),
  velocity: z.number().nullable().describe('Open deals × win rate × average deal size ÷ mean cycle days: money per day.'),
};

export const salesMetricsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    interval: z.enum(['month', 'quarter']),
    pipelineId: z.uuid().nullable(),
    ownerId: z.uuid().nullable(),
    summary: z.object({ ...metricFigures, openDeals: amount.describe('Deals open now (the velocity of the range uses them).') }),
    series: z.array(
      z.object({
        period: z.string(),
        start: z.string(),
        end: z.string(),
        openAtStart: z.number().int().describe('Deals open when the period started (its velocity uses them).'),
        ...metricFigures,
      }),
    ),
  })
  .meta({ id: 'SalesMetrics' });

export type ForecastQuery = z.output<typeof forecastQuerySchema>;
export type SalesMetricsQuery = z.output<typeof salesMetricsQuerySchema>;
export type ForecastResponse = z.output<typeof forecastSchema>;
export type SalesMetricsResponse = z.output<typeof salesMetricsSchema>;
