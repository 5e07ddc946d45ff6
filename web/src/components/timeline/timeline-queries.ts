// Reading a record's timeline (cursor pages, loaded as the reader scrolls), a contact's first and
// latest touches, and the names of the contacts an account's timeline mentions.
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { personName } from '../../lib/format.ts';

export type TimelineTarget = { contactId: string } | { accountId: string };

const PAGE_SIZE = 30;

/** Every timeline query starts with 'timeline' (activities refresh them by that word). */
export const timelineKeys = {
  all: ['timeline'] as const,
  of: (target: TimelineTarget) => ['timeline', target] as const,
  page: (target: TimelineTarget, kinds: string[] | null) => ['timeline', target, kinds?.join(',') ?? 'all'] as const,
};

export function useTimeline(target: TimelineTarget, kinds: string[] | null) {
  return useInfiniteQuery({
    queryKey: timelineKeys.page(target, kinds),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query = { limit: PAGE_SIZE, cursor: pageParam, filter: kinds ? { kind: kinds.join(',') } : undefined };
      return 'contactId' in target
        ? unwrap(api.GET('/api/v1/contacts/{id}/timeline', { params: { path: { id: target.contactId }, query } }))
        : unwrap(api.GET('/api/v1/accounts/{id}/timeline', { params: { path: { id: target.accountId }, query } }));
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRefreshTimeline(target: TimelineTarget): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: timelineKeys.of(target) });
}

/** A contact's first touch (original source) and latest touch. */
export function useContactSources(contactId: string) {
  const touch = (sort: 'occurredAt' | '-occurredAt') =>
    unwrap(api.GET('/api/v1/touches', { params: { query: { filter: { contactId: { eq: contactId } }, sort, limit: 1 } } })).then((r) => r.data[0] ?? null);
  return useQuery({
    queryKey: ['timeline', { contactId }, 'sources'],
    queryFn: async () => {
      const [first, latest] = await Promise.all([touch('occurredAt'), touch('-occurredAt')]);
      return { first, latest };
    },
  });
}

/** Names of the contacts behind an account timeline's items, in one request per set of ids. */
export function useContactNames(ids: readonly string[]): Map<string, string> {
  const sorted = [...new Set(ids)].sort();
  const query = useQuery({
    enabled: sorted.length > 0,
    queryKey: ['contacts', 'names', sorted],
    queryFn: () =>
      unwrap(api.GET('/api/v1/contacts', { params: { query: { filter: { id: { in: sorted.join(',') } }, limit: Math.min(sorted.length, 500) } } })),
    staleTime: 60_000,
  });
  return new Map((query.data?.data ?? []).map((c) => [c.id, personName(c)]));
}
