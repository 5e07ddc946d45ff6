import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { ListSearch } from '../lib/list-search.ts';
import { listParams } from './contacts.ts';

export function useAccountList(search: ListSearch, cursor: string | undefined) {
  return useQuery({
    queryKey: ['accounts', 'list', search, cursor ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/accounts', { params: { query: listParams(search, cursor) } })),
    placeholderData: keepPreviousData,
  });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: ['accounts', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } })),
  });
}
