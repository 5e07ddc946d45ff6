// The one typed API client (openapi-fetch over the generated schema). Adds the CSRF header to
// cookie-authenticated writes and serializes `filter[field][op]=value` the way the server parses it.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { toQueryString, type QueryValue } from '../lib/query-string.ts';
import { ApiError, type Problem } from './problem.ts';

export type Schemas = components['schemas'];
export type Contact = Schemas['Contact'];
export type Account = Schemas['Account'];
export type CustomField = Schemas['CustomField'];
export type Note = Schemas['Note'];
export type User = Schemas['User'];
export type Session = Schemas['Session'];
export type Import = Schemas['Import'];
export type Role = User['role'];
export type LifecycleStage = NonNullable<Contact['lifecycleStage']>;

let csrfToken: string | null = null;

/** Called whenever a Session arrives (GET /session, login, onboarding, workspace switch). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

export const api = createClient<paths>({
  baseUrl: '/',
  credentials: 'same-origin',
  querySerializer: (query) => toQueryString(query as Record<string, QueryValue>),
});
api.use(csrf);

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Returns the response body, or throws an ApiError carrying the problem+json the server sent. */
export async function unwrap<T>(result: FetchResult<T> | Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await result;
  if (!response.ok) throw ApiError.from(response.status, error as Partial<Problem> | string | undefined);
  return data as T;
}

/** Same query string the client sends, for plain links such as CSV exports. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}): string {
  const qs = toQueryString(query);
  return qs ? `${path}?${qs}` : path;
}
