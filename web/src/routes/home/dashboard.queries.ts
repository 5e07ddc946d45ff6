// Counts for the dashboard, each one list request with limit=1&includeTotal=true.
import { useQueries, useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import { LIFECYCLE_STAGES } from '../../lib/lifecycle.ts';

const countContacts = (filter?: Record<string, Record<string, string>>) =>
  unwrap(api.GET('/api/v1/contacts', { params: { query: { limit: 1, includeTotal: 'true', filter } } })).then((r) => r.totalCount ?? 0);

export function useDashboardCounts() {
  const since = dayjs().subtract(30, 'day').startOf('day').toISOString();
  return useQuery({
    queryKey: ['dashboard', 'counts'],
    queryFn: async () => {
      const [contacts, accounts, newContacts, withoutOwner] = await Promise.all([
        countContacts(),
        unwrap(api.GET('/api/v1/accounts', { params: { query: { limit: 1, includeTotal: 'true' } } })).then((r) => r.totalCount ?? 0),
        countContacts({ createdAt: { gte: since } }),
        countContacts({ ownerId: { exists: 'false' } }),
      ]);
      return { contacts, accounts, newContacts, withoutOwner, since };
    },
  });
}

export function useStageCounts() {
  return useQueries({
    queries: LIFECYCLE_STAGES.map((s) => ({
      queryKey: ['dashboard', 'stage', s.value],
      queryFn: () => countContacts({ lifecycleStage: { eq: s.value } }),
    })),
    combine: (results) => ({
      pending: results.some((r) => r.isPending),
      data: LIFECYCLE_STAGES.map((s, i) => ({ ...s, count: results[i].data ?? 0 })),
    }),
  });
}

export function useRecentContacts() {
  return useQuery({
    queryKey: ['contacts', 'list', { sort: '-createdAt', limit: 6 }, 'dashboard'],
    queryFn: () => unwrap(api.GET('/api/v1/contacts', { params: { query: { sort: '-createdAt', limit: 6 } } })).then((r) => r.data),
  });
}
