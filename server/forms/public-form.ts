// A form as visitors see it (hosted page, embed, JSON): only live fields, current options, and
// nothing internal (recipients, status, stats).
import type { DbOrTrx } from '../platform/db.ts';
import { listCustomFields } from '../custom-fields/custom-fields.store.ts';
import { liveFields, type CheckedField } from './form-fields.ts';
import { findPublicForm, type FormRow } from './forms.store.ts';
import type { PublicForm } from './forms.schemas.ts';
import { UUID } from '../platform/list-query.ts';

export async function loadPublicForm(db: DbOrTrx, id: string): Promise<{ row: FormRow; form: PublicForm } | undefined> {
  if (!UUID.test(id)) return undefined;
  const row = await findPublicForm(db, id.toLowerCase());
  if (!row) return undefined;
  const customFields = await listCustomFields(db, row.workspace_id, 'contact');
  return {
    row,
    form: {
      id: row.id,
      name: row.name,
      fields: liveFields(row.fields as CheckedField[], customFields),
      consent: row.consent_text === null ? null : { text: row.consent_text, required: row.consent_required },
      submitLabel: row.submit_label,
      thankYouMessage: row.thank_you_message,
      redirectUrl: row.redirect_url,
    },
  };
}
