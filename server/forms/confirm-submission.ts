// Double opt-in: the link in the confirmation email marks the submission and its consent confirmed.
// Opening it again changes nothing (the first confirmation time stays).
import { sql } from 'kysely';
import type { Db } from '../platform/db.ts';
import { sha256 } from '../platform/auth/secrets.ts';

export type ConfirmOutcome = { found: false } | { found: true; alreadyConfirmed: boolean; formName: string; workspaceName: string };

export async function confirmSubmission(db: Db, token: string): Promise<ConfirmOutcome> {
  if (!/^[A-Za-z0-9_-]{16,100}$/.test(token)) return { found: false };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('form_submissions as s')
      .innerJoin('forms as f', (j) => j.onRef('f.workspace_id', '=', 's.workspace_id').onRef('f.id', '=', 's.form_id'))
      .innerJoin('workspaces as w', 'w.id', 's.workspace_id')
      .select(['s.workspace_id', 's.id', 's.status', 'f.name as form_name', 'w.name as workspace_name'])
      .where('s.confirm_token_hash', '=', sha256(token))
      .forUpdate('s')
      .executeTakeFirst();
    if (!row) return { found: false };
    const outcome = { found: true as const, alreadyConfirmed: row.status === 'confirmed', formName: row.form_name, workspaceName: row.workspace_name };
    if (outcome.alreadyConfirmed) return outcome;
    await trx
      .updateTable('form_submissions')
      .set({ status: 'confirmed', confirmed_at: sql`now()` })
      .where('workspace_id', '=', row.workspace_id)
      .where('id', '=', row.id)
      .execute();
    await trx
      .updateTable('consents')
      .set({ confirmed_at: sql`now()` })
      .where('workspace_id', '=', row.workspace_id)
      .where('submission_id', '=', row.id)
      .where('confirmed_at', 'is', null)
      .execute();
    return outcome;
  });
}
