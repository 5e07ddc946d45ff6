// Creating and editing forms: the checks that need the workspace's custom field definitions, and
// the mapping from API fields to columns.
import { sql } from 'kysely';
import { AppError, type FieldError } from '../platform/errors.ts';
import type { Trx } from '../platform/db.ts';
import { listCustomFields } from '../custom-fields/custom-fields.store.ts';
import type { FormsTable } from '../db-schema.ts';
import type { Insertable } from 'kysely';
import { checkFormFields } from './form-fields.ts';
import type { CreateForm, Form, UpdateForm } from './forms.schemas.ts';
import { findForm } from './forms.store.ts';

function fail(errors: FieldError[]): never {
  throw new AppError('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
}

type Columns = Partial<Omit<Insertable<FormsTable>, 'workspace_id' | 'id'>>;

async function toColumns(trx: Trx, workspaceId: string, input: UpdateForm): Promise<Columns> {
  const c: Columns = {};
  if (input.fields !== undefined) {
    const checked = checkFormFields(input.fields, await listCustomFields(trx, workspaceId, 'contact'));
    if (checked.errors.length) fail(checked.errors);
    c.fields = JSON.stringify(checked.fields);
  }
  if (input.name !== undefined) c.name = input.name;
  if (input.status !== undefined) c.status = input.status;
  if (input.consent !== undefined) {
    c.consent_text = input.consent?.text ?? null;
    c.consent_required = input.consent ? (input.consent.required ?? true) : false;
  }
  if (input.submitLabel !== undefined) c.submit_label = input.submitLabel;
  if (input.thankYouMessage !== undefined) c.thank_you_message = input.thankYouMessage;
  if (input.redirectUrl !== undefined) c.redirect_url = input.redirectUrl;
  if (input.doubleOptIn !== undefined) c.double_opt_in = input.doubleOptIn;
  if (input.notificationEmails !== undefined) c.notification_emails = [...new Set(input.notificationEmails)];
  return c;
}

export async function createForm(trx: Trx, workspaceId: string, createdBy: string | null, input: CreateForm): Promise<Form> {
  const columns = await toColumns(trx, workspaceId, input);
  // an API key's creator may have left the workspace since; the form then has no author
  const author = createdBy
    ? await trx.selectFrom('members').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', createdBy).executeTakeFirst()
    : undefined;
  const row = await trx
    .insertInto('forms')
    .values({ ...columns, fields: columns.fields ?? '[]', name: input.name, workspace_id: workspaceId, created_by: author?.user_id ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await findForm(trx, workspaceId, row.id))!;
}

export async function updateForm(trx: Trx, workspaceId: string, id: string, input: UpdateForm): Promise<Form> {
  const columns = await toColumns(trx, workspaceId, input);
  const r = await trx
    .updateTable('forms')
    .set({ ...columns, updated_at: sql`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw AppError.notFound('Form', id);
  return (await findForm(trx, workspaceId, id))!;
}
