// Forms: the list, one form, its submissions and analytics.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.ts';
import type { ListSearch } from '../lib/list-search.ts';
import { usePermissions } from '../session/session.ts';

export type Form = Schemas['Form'];
export type FormField = Schemas['FormField'];
export type FormSubmission = Schemas['FormSubmission'];
export type FormInput = Schemas['FormCreateInput'];

export function useFormList(search: ListSearch, cursor: string | undefined) {
  return useQuery({
    queryKey: ['forms', 'list', search, cursor ?? null],
    queryFn: () =>
      unwrap(api.GET('/api/v1/forms', { params: { query: { q: search.q, sort: search.sort, filter: search.filter, limit: search.limit ?? 50, cursor } } })),
    placeholderData: keepPreviousData,
  });
}

export function useFormDetail(id: string) {
  return useQuery({
    queryKey: ['forms', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/forms/{id}', { params: { path: { id } } })),
  });
}

export function useFormSubmissions(id: string, cursor: string | undefined, limit: number) {
  return useQuery({
    queryKey: ['forms', 'submissions', id, cursor ?? null, limit],
    queryFn: () => unwrap(api.GET('/api/v1/forms/{id}/submissions', { params: { path: { id }, query: { cursor, limit } } })),
    placeholderData: keepPreviousData,
  });
}

export function useFormAnalytics(id: string, from: string, to: string) {
  return useQuery({
    queryKey: ['forms', 'analytics', id, from, to],
    queryFn: () => unwrap(api.GET('/api/v1/forms/{id}/analytics', { params: { path: { id }, query: { from, to } } })),
    placeholderData: keepPreviousData,
  });
}

/** Forms are built and changed by admins and marketers; everyone else reads them. */
export function useCanEditForms(): boolean {
  const { role } = usePermissions();
  return role === 'admin' || role === 'marketing';
}
