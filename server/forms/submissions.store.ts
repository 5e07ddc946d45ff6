// SQL for reading a form's submissions (newest first, cursor pages), with the contact each one made.
import type { DbOrTrx } from '../platform/db.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import type { Submission } from './forms.schemas.ts';

export const submissionListSpec: ListSpec = {
  alias: 's',
  defaultSort: '-createdAt',
  fields: {
    status: { column: 'status', kind: 'enum', values: ['pending_confirmation', 'confirmed'] },
    contactId: { column: 'contact_id', kind: 'uuid' },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
  },
};

export async function listSubmissions(
  db: DbOrTrx,
  workspaceId: string,
  formId: string,
  list: CompiledList,
): Promise<{ data: Submission[]; nextCursor: string | null }> {
  let q = db
    .selectFrom('form_submissions as s')
    .leftJoin('contacts as c', (j) =>
      j.onRef('c.workspace_id', '=', 's.workspace_id').onRef('c.id', '=', 's.contact_id').on('c.deleted_at', 'is', null),
    )
    .selectAll('s')
    .select(['c.id as c_id', 'c.email as c_email', 'c.first_name as c_first_name', 'c.last_name as c_last_name'])
    .select(list.sortValue.as('_sort'))
    .where('s.workspace_id', '=', workspaceId)
    .where('s.form_id', '=', formId);
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  return {
    data: rows.slice(0, list.limit).map((r) => ({
      id: r.id,
      formId: r.form_id,
      contact: r.c_id ? { id: r.c_id, email: r.c_email, firstName: r.c_first_name, lastName: r.c_last_name } : null,
      values: r.values,
      status: r.status,
      anonymousId: r.anonymous_id,
      pageUrl: r.page_url,
      referrer: r.referrer,
      utm: r.utm,
      ip: r.ip,
      userAgent: r.user_agent,
      createdAt: r.created_at,
      confirmedAt: r.confirmed_at,
    })),
    nextCursor: list.nextCursor(rows),
  };
}
