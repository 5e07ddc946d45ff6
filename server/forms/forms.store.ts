// SQL for forms. Every function takes the db or a transaction first and filters by workspace, except
// the public lookup by id (the id is all a visitor's URL carries; the row says whose form it is).
import { sql, type Selectable } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';
import type { FormsTable } from '../db-schema.ts';
import type { CompiledList, ListSpec } from '../platform/list-query.ts';
import type { Form, FormField } from './forms.schemas.ts';

export const formListSpec: ListSpec = {
  alias: 'f',
  defaultSort: '-createdAt',
  searchColumn: 'search_text',
  fields: {
    id: { column: 'id', kind: 'uuid' },
    name: { column: 'name', kind: 'text', sortable: true },
    status: { column: 'status', kind: 'enum', values: ['active', 'paused'] },
    createdAt: { column: 'created_at', kind: 'date', sortable: true },
    updatedAt: { column: 'updated_at', kind: 'date', sortable: true },
  },
};

export type FormRow = Selectable<FormsTable>;
type FormRowWithStats = FormRow & { views: number; submissions: number };

export function conversionRate(views: number, submissions: number): number | null {
  return views > 0 ? Math.round((submissions / views) * 10_000) / 10_000 : null;
}

export function toForm(row: FormRowWithStats): Form {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    fields: row.fields as FormField[],
    consent: row.consent_text === null ? null : { text: row.consent_text, required: row.consent_required },
    submitLabel: row.submit_label,
    thankYouMessage: row.thank_you_message,
    redirectUrl: row.redirect_url,
    doubleOptIn: row.double_opt_in,
    notificationEmails: row.notification_emails,
    stats: { views: row.views, submissions: row.submissions, conversionRate: conversionRate(row.views, row.submissions) },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function selectForms(db: DbOrTrx, workspaceId: string) {
  return db
    .selectFrom('forms as f')
    .selectAll('f')
    .select([
      sql<number>`(SELECT coalesce(sum(v.views), 0)::int FROM form_views_daily v WHERE v.workspace_id = f.workspace_id AND v.form_id = f.id)`.as('views'),
      sql<number>`(SELECT count(*)::int FROM form_submissions s WHERE s.workspace_id = f.workspace_id AND s.form_id = f.id)`.as('submissions'),
    ])
    .where('f.workspace_id', '=', workspaceId)
    .where('f.deleted_at', 'is', null);
}

export async function listForms(db: DbOrTrx, workspaceId: string, list: CompiledList): Promise<{ data: Form[]; nextCursor: string | null }> {
  let q = selectForms(db, workspaceId).select(list.sortValue.as('_sort'));
  for (const w of list.where) q = q.where(w);
  for (const o of list.orderBy) q = q.orderBy(o);
  const rows = await q.limit(list.limit + 1).execute();
  return { data: rows.slice(0, list.limit).map(toForm), nextCursor: list.nextCursor(rows) };
}

export async function findForm(db: DbOrTrx, workspaceId: string, id: string): Promise<Form | undefined> {
  const row = await selectForms(db, workspaceId).where('f.id', '=', id).executeTakeFirst();
  return row && toForm(row);
}

/** A live form by id alone, for visitors; paused forms are returned so the page can say so. */
export async function findPublicForm(db: DbOrTrx, id: string): Promise<FormRow | undefined> {
  return db.selectFrom('forms').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function softDeleteForm(db: DbOrTrx, workspaceId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('forms')
    .set({ deleted_at: sql`now()`, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function restoreForm(db: DbOrTrx, workspaceId: string, id: string): Promise<void> {
  await db.updateTable('forms').set({ deleted_at: null, updated_at: sql`now()` }).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
}
