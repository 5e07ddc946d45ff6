import type { App } from '../platform/http.ts';
import type { AppContext } from '../platform/context.ts';
import { errors } from '../platform/openapi.ts';
import { forecastQuerySchema, forecastSchema, salesMetricsQuerySchema, salesMetricsSchema } from './forecast.schemas.ts';
import { getForecast } from './get-forecast.ts';
import { getSalesMetrics } from './get-sales-metrics.ts';

export function forecastRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;

  app.get('/api/v1/forecast', {
    schema: {
      tags: ['Forecast'],
      summary: 'Forecast of a month or quarter',
      description:
        'Closed won (deals won in the period), then open deals expected to close in it by forecast category ' +
        '(commit, best case, pipeline; omitted apart); the open amount weighted by stage probability and by ' +
        'historical stage-to-won conversion (of deals that ever reached a stage and are closed now, the share won); ' +
        'attainment against quota per rep and for the team. Periods are UTC.',
      querystring: forecastQuerySchema,
      response: { 200: forecastSchema, ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => getForecast(db, req.principal!.workspaceId, req.query),
  });

  app.get('/api/v1/metrics/sales', {
    schema: {
      tags: ['Forecast'],
      summary: 'Sales metrics over a date range',
      description:
        'Win rate, average deal size, sales cycle (median days created → won), pipeline velocity and new pipeline, ' +
        'for the range and per month or quarter in it (`interval`). Days are UTC; the range is at most five years.',
      querystring: salesMetricsQuerySchema,
      response: { 200: salesMetricsSchema, ...errors() },
    },
    config: { permission: 'crm:read' },
    handler: async (req) => getSalesMetrics(db, req.principal!.workspaceId, req.query),
  });
}
