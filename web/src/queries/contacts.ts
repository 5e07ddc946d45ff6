import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { ListSearch } from '../lib/list-search.ts';

export function listParams(search: ListSearch, cursor: string | undefined) {
  return {
    q: search.q,
    sort: search.sort,
    filter: search.filter,
    limit: search.limit ?? 50,
    cursor,
    // counting every match costs a query: only ask on the first page
    includeTotal: cursor ? undefined : ('true' as const),
  };
}

export function useContactList(search: ListSearch, cursor: string | undefined) {
  return useQuery({
    queryKey: ['contacts', 'list', search, cursor ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: listParams(search, cursor) } })),
    placeholderData: keepPreviousData,
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: ['contacts', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}', { params: { path: { id } } })),
  });
}

/** Tags already in use, most used first: suggestions for tag inputs. */
export function useContactTags() {
  return useQuery({
    queryKey: ['contacts', 'tags'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/contacts/tags', { params: { query: { limit: 200 } } }))).data.map((t) => t.tag),
    staleTime: 60_000,
  });
}
