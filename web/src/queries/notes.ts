import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';

export type NoteTarget = { contactId: string } | { accountId: string };

export const notesKey = (target: NoteTarget) => ['notes', target] as const;

/** Notes on one contact or account, newest first (the API's default order). */
export function useNotes(target: NoteTarget) {
  const field = 'contactId' in target ? 'contactId' : 'accountId';
  const id = 'contactId' in target ? target.contactId : target.accountId;
  return useQuery({
    queryKey: notesKey(target),
    queryFn: () => unwrap(api.GET('/api/v1/notes', { params: { query: { filter: { [field]: { eq: id } }, limit: 200 } } })),
  });
}
