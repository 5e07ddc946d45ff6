// Activities in the web app: a record's activities, My work, the overdue count for the nav badge,
// and the complete/reopen actions every list shares (each refreshes everything that shows activities).
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client.ts';

export type Activity = Schemas['Activity'];
export type ActivityType = Activity['type'];
export type MyWork = Schemas['MyWork'];

/** What an activity is attached to: a contact, an account or a deal (one or more). */
export interface ActivityTarget {
  contactId?: string;
  accountId?: string;
  dealId?: string;
}

/** The browser's time zone decides where "today" starts and ends. */
export const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const activityKeys = {
  all: ['activities'] as const,
  record: (target: ActivityTarget) => ['activities', 'record', target] as const,
  myWork: (assigneeId: string | null) => ['activities', 'my-work', assigneeId] as const,
  counts: ['activities', 'my-work-counts'] as const,
};

/** Activities on one record, newest first (the API's default order). */
export function useRecordActivities(target: ActivityTarget) {
  const filter = Object.fromEntries(Object.entries(target).map(([k, v]) => [k, { eq: v }]));
  return useQuery({
    queryKey: activityKeys.record(target),
    queryFn: () => unwrap(api.GET('/api/v1/activities', { params: { query: { filter, limit: 200 } } })),
  });
}

/** Someone's My work; null means the signed-in user. */
export function useMyWork(assigneeId: string | null) {
  return useQuery({
    queryKey: activityKeys.myWork(assigneeId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/my-work', { params: { query: { tz: timeZone(), limit: 200, ...(assigneeId ? { assigneeId } : {}) } } })),
  });
}

/** The signed-in user's counts, for the navigation badge; refreshed every minute so "overdue" stays true. */
export function useMyWorkCounts(enabled = true) {
  return useQuery({
    queryKey: activityKeys.counts,
    queryFn: () => unwrap(api.GET('/api/v1/my-work/counts', { params: { query: { tz: timeZone() } } })),
    refetchInterval: 60_000,
    enabled,
  });
}

export function refreshActivities(queryClient: QueryClient): Promise<void> {
  // timelines on contact/account/deal pages show activities too
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes('timeline') });
  return queryClient.invalidateQueries({ queryKey: activityKeys.all });
}

export function useRefreshActivities(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => refreshActivities(queryClient);
}

export async function setTaskDone(id: string, done: boolean): Promise<Activity> {
  const path = done ? '/api/v1/activities/{id}/complete' : '/api/v1/activities/{id}/reopen';
  return unwrap(api.POST(path, { params: { path: { id } } }));
}
