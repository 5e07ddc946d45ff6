// Who is signed in, in which workspace, with which role. The session query is the app's source of
// truth for auth: route guards read it, sign-in/out and workspace switches replace it.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap, type Role, type Session } from '../api/client.ts';

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async () => {
    const session = await unwrap(api.GET('/api/v1/session'));
    setCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 5 * 60_000,
});

export function useSession(): Session {
  const { data } = useQuery(sessionQuery);
  // the app's routes only render after the guard loaded the session
  if (!data) throw new Error('useSession() used outside a signed-in route');
  return data;
}

/** After sign-in, onboarding, accepting an invite or switching workspace: every cached list is stale. */
export function useApplySession(): (session: Session) => void {
  const queryClient = useQueryClient();
  return (session) => {
    setCsrfToken(session.csrfToken);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    queryClient.setQueryData(sessionQuery.queryKey, session);
  };
}

export const canWriteCrm = (role: Role | null | undefined) => role === 'admin' || role === 'marketing' || role === 'sales';
export const isAdmin = (role: Role | null | undefined) => role === 'admin';

export function usePermissions(): { canWrite: boolean; isAdmin: boolean; role: Role | null } {
  const { role } = useSession();
  return { canWrite: canWriteCrm(role), isAdmin: isAdmin(role), role };
}

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', marketing: 'Marketing', sales: 'Sales', viewer: 'Viewer' };
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Everything, including settings, users and API keys',
  marketing: 'Read and edit contacts, accounts, notes and imports',
  sales: 'Read and edit contacts, accounts, notes and imports',
  viewer: 'Read only',
};
