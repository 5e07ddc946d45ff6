import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type User } from '../api/client.ts';

export const usersQuery = {
  queryKey: ['users'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/users')).then((r) => r.data),
  staleTime: 60_000,
};

/** Workspace members, for owner pickers and for showing owner names. */
export function useUsers() {
  const query = useQuery(usersQuery);
  const byId = new Map<string, User>((query.data ?? []).map((u) => [u.id, u]));
  return { ...query, users: query.data ?? [], byId };
}
