import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type CustomField } from '../api/client.ts';

export type ObjectType = CustomField['objectType'];

export const customFieldsQuery = (objectType: ObjectType) => ({
  queryKey: ['custom-fields', objectType] as const,
  queryFn: () =>
    unwrap(api.GET('/api/v1/custom-fields', { params: { query: { objectType } } })).then((r) =>
      // stable: fields with the same position keep the API's (creation) order
      [...r.data].sort((a, b) => a.position - b.position),
    ),
  staleTime: 60_000,
});

export function useCustomFields(objectType: ObjectType) {
  const query = useQuery(customFieldsQuery(objectType));
  return { ...query, fields: query.data ?? [] };
}
