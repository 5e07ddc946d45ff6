// What the forecast and sales metrics pages keep in the URL, so a view can be shared as a link.
import { isPeriod, RANGE_PRESETS, type RangePreset } from './periods.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);

interface DealScope {
  pipelineId?: string;
  ownerId?: string;
}

export interface ForecastSearch extends DealScope {
  period?: string;
}

export interface SalesMetricsSearch extends DealScope {
  range?: RangePreset;
  interval?: 'month' | 'quarter';
}

function scope(s: Record<string, unknown>): DealScope {
  const pipelineId = id(s.pipelineId);
  const ownerId = id(s.ownerId);
  return { ...(pipelineId ? { pipelineId } : {}), ...(ownerId ? { ownerId } : {}) };
}

export function validateForecastSearch(s: Record<string, unknown>): ForecastSearch {
  return { ...(isPeriod(s.period) ? { period: s.period } : {}), ...scope(s) };
}

export function validateSalesMetricsSearch(s: Record<string, unknown>): SalesMetricsSearch {
  return {
    ...(typeof s.range === 'string' && s.range in RANGE_PRESETS ? { range: s.range as RangePreset } : {}),
    ...(s.interval === 'quarter' ? { interval: 'quarter' as const } : {}),
    ...scope(s),
  };
}
