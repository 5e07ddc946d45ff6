import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.ts';
import type { ListSearch } from '../lib/list-search.ts';
import { usePermissions } from '../session/session.ts';
import { listParams } from './contacts.ts';

export type Campaign = Schemas['Campaign'];
export type CampaignStatus = Campaign['status'];
export type Channel = Schemas['Channel'];

export interface CampaignSearch extends ListSearch {
  view?: 'trash';
}

export function useCampaignList(search: CampaignSearch, cursor: string | undefined) {
  return useQuery({
    queryKey: ['campaigns', 'list', search, cursor ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/campaigns', {
          params: { query: { ...listParams(search, cursor), deleted: search.view === 'trash' ? 'true' : undefined } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: ['campaigns', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/campaigns/{id}', { params: { path: { id } } })),
  });
}

/** Channel names for pickers and badges: the built-in ones and the workspace's own. */
export function useChannels() {
  const query = useQuery({
    queryKey: ['channels'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/channels'))).data,
    staleTime: 60_000,
  });
  return { ...query, channels: query.data ?? [] };
}

/** Campaigns, channel rules, sources and forms are changed by admins and marketers only. */
export function useCanEditMarketing(): boolean {
  const { role } = usePermissions();
  return role === 'admin' || role === 'marketing';
}
