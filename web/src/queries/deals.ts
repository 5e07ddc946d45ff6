// Deals, pipelines, products and close reasons: the queries the deal screens share, and the one
// mutation every stage change goes through (board drag, stage bar, form).
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.ts';
import type { ListFilters, ListSearch } from '../lib/list-search.ts';

export type Deal = Schemas['Deal'];
export type Pipeline = Schemas['Pipeline'];
export type Stage = Schemas['PipelineStage'];
export type Board = Schemas['DealBoard'];
export type BoardColumn = Board['columns'][number];
export type CloseReason = Schemas['CloseReason'];
export type Product = Schemas['Product'];
export type LineItem = Schemas['DealLineItem'];
export type DealContact = Schemas['DealContact'];
export type StageChange = Schemas['DealStageChange'];
export type DealTimelineItem = Schemas['DealTimelineItem'];
export type DealContactRole = NonNullable<DealContact['role']>;
export type ForecastCategory = Deal['forecastCategory'];

export const ROLE_LABELS: Record<DealContactRole, string> = {
  decision_maker: 'Decision maker',
  champion: 'Champion',
  influencer: 'Influencer',
  user: 'User',
  blocker: 'Blocker',
};

export const FORECAST_LABELS: Record<ForecastCategory, string> = {
  pipeline: 'Pipeline',
  best_case: 'Best case',
  commit: 'Commit',
  closed: 'Closed',
  omitted: 'Omitted',
};

export const DEAL_TYPE_LABELS: Record<Deal['dealType'], string> = { new: 'New business', renewal: 'Renewal', expansion: 'Expansion' };

export const pipelinesQuery = {
  queryKey: ['pipelines'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/pipelines')).then((r) => r.data),
  staleTime: 60_000,
};

export function usePipelines() {
  const query = useQuery(pipelinesQuery);
  const pipelines = query.data ?? [];
  const stagesById = new Map<string, Stage>(pipelines.flatMap((p) => p.stages.map((s) => [s.id, s] as const)));
  return { ...query, pipelines, stagesById, defaultPipeline: pipelines.find((p) => p.isDefault) ?? pipelines[0] };
}

export function useCloseReasons() {
  return useQuery({
    queryKey: ['close-reasons'],
    queryFn: () => unwrap(api.GET('/api/v1/close-reasons')).then((r) => r.data),
    staleTime: 60_000,
  });
}

export const boardKey = (pipelineId: string, filter: ListFilters | undefined, q: string | undefined) =>
  ['deals', 'board', pipelineId, filter ?? null, q ?? null] as const;

export function useBoard(pipelineId: string | undefined, filter: ListFilters | undefined, q: string | undefined) {
  return useQuery({
    queryKey: boardKey(pipelineId ?? '', filter, q),
    queryFn: () =>
      unwrap(api.GET('/api/v1/pipelines/{id}/board', { params: { path: { id: pipelineId! }, query: { filter, q, limit: 25 } } })),
    enabled: Boolean(pipelineId),
    placeholderData: keepPreviousData,
    // teammates move deals too: the board reloads whenever it is shown
    staleTime: 0,
  });
}

export function useDealList(search: ListSearch, cursor: string | undefined) {
  return useQuery({
    queryKey: ['deals', 'list', search, cursor ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/deals', {
          params: {
            query: {
              q: search.q,
              sort: search.sort,
              limit: search.limit ?? 50,
              filter: search.filter,
              cursor,
              includeTotal: cursor ? undefined : 'true',
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDeal(id: string) {
  return useQuery({
    queryKey: ['deals', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/deals/{id}', { params: { path: { id } } })),
  });
}

export function useDealParts(id: string) {
  const contacts = useQuery({
    queryKey: ['deals', 'one', id, 'contacts'],
    queryFn: () => unwrap(api.GET('/api/v1/deals/{id}/contacts', { params: { path: { id } } })).then((r) => r.data),
  });
  const lineItems = useQuery({
    queryKey: ['deals', 'one', id, 'line-items'],
    queryFn: () => unwrap(api.GET('/api/v1/deals/{id}/line-items', { params: { path: { id } } })),
  });
  const history = useQuery({
    queryKey: ['deals', 'one', id, 'history'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/deals/{id}/history', { params: { path: { id }, query: { sort: '-changedAt', limit: 200 } } })).then(
        (r) => r.data,
      ),
  });
  return { contacts, lineItems, history };
}

export function useRenewals(from: string, to: string, filter: ListFilters | undefined, cursor: string | undefined) {
  return useQuery({
    queryKey: ['deals', 'renewals', from, to, filter ?? null, cursor ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/renewals', { params: { query: { from, to, filter, cursor, limit: 50 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useProducts(activeOnly = false) {
  return useQuery({
    queryKey: ['products', activeOnly],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/products', {
          params: { query: { limit: 500, sort: 'name', filter: activeOnly ? { active: 'true' } : undefined } },
        }),
      ).then((r) => r.data),
    staleTime: 30_000,
  });
}

export interface MoveInput {
  stageId: string;
  closeReasonId?: string;
  closeNote?: string | null;
}

/** POST /deals/{id}/move, then refresh whatever shows deals (board totals, lists, the deal page). */
export function useMoveDeal() {
  const queryClient = useQueryClient();
  return async (dealId: string, input: MoveInput): Promise<Deal> => {
    const deal = await unwrap(api.POST('/api/v1/deals/{id}/move', { params: { path: { id: dealId } }, body: input }));
    queryClient.setQueryData(['deals', 'one', dealId], deal);
    void queryClient.invalidateQueries({ queryKey: ['deals'] });
    void queryClient.invalidateQueries({ queryKey: ['contacts'] }); // winning makes contacts customers
    void queryClient.invalidateQueries({ queryKey: ['forecast'] }); // a move changes the forecast (server/forecast)
    return deal;
  };
}
