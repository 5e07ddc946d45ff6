// The forecast, sales metrics and quotas as the pages read and write them.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client.ts';

export type Forecast = Schemas['Forecast'];
export type RepForecast = Forecast['reps'][number];
export type StageForecast = Forecast['stages'][number];
export type SalesMetrics = Schemas['SalesMetrics'];
export type Quota = Schemas['Quota'];

interface Scope {
  pipelineId?: string;
  ownerId?: string;
}

export function useForecast(period: string, scope: Scope) {
  return useQuery({
    queryKey: ['forecast', period, scope.pipelineId ?? null, scope.ownerId ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/forecast', { params: { query: { period, ...scope } } })),
    placeholderData: keepPreviousData,
  });
}

export function useSalesMetrics(query: { from: string; to: string; interval: 'month' | 'quarter' } & Scope) {
  return useQuery({
    queryKey: ['sales-metrics', query],
    queryFn: () => unwrap(api.GET('/api/v1/metrics/sales', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Every quota of the given periods (a quarter and its months: a few dozen rows at most). */
export function useQuotas(periods: string[], enabled = true) {
  return useQuery({
    queryKey: ['quotas', periods],
    queryFn: () =>
      unwrap(api.GET('/api/v1/quotas', { params: { query: { limit: 500, filter: { period: { in: periods.join(',') } } } } })).then((r) => r.data),
    enabled,
  });
}

export interface QuotaChange {
  ownerId: string | null;
  period: string;
  existing: Quota | undefined;
  /** null clears the quota. */
  amount: number | null;
}

/** Applies the edited quotas one request each (create, change or delete), then refreshes the forecast. */
export function useSaveQuotas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: QuotaChange[]) => {
      for (const c of changes) {
        if (c.existing && c.amount === null) {
          await unwrap(api.DELETE('/api/v1/quotas/{id}', { params: { path: { id: c.existing.id } } }));
        } else if (c.existing && c.amount !== null) {
          await unwrap(api.PATCH('/api/v1/quotas/{id}', { params: { path: { id: c.existing.id } }, body: { amount: c.amount } }));
        } else if (c.amount !== null) {
          await unwrap(api.POST('/api/v1/quotas', { body: { ownerId: c.ownerId, period: c.period, amount: c.amount } }));
        }
      }
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['quotas'] });
      void queryClient.invalidateQueries({ queryKey: ['forecast'] });
    },
  });
}
