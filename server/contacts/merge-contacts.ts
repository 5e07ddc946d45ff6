// Merging two contacts found to be the same person. The survivor keeps its id and its values; its
// blank fields are filled from the other, tags are united, custom fields it lacks are copied. All of
// the other's history moves over (tracking identities, events, visits, touches, notes, form
// submissions, consents), and the other is soft-deleted with a pointer to the survivor. One
// transaction: the caller's.
import { sql } from 'kysely';
import type { Trx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Contact } from './contacts.schemas.ts';
import { findContact } from './contacts.store.ts';

/** Every table whose rows belong to a contact through contact_id. Add yours when it holds history. */
export const CONTACT_HISTORY_TABLES = ['identities', 'events', 'visits', 'touches', 'notes', 'form_submissions', 'consents', 'activities'] as const;
/** Links keyed by contact: when both contacts are linked to the same record, the survivor's link stays. */
const CONTACT_LINK_TABLES = [
  { table: 'deal_contacts', key: 'deal_id' },
  { table: 'activity_attendees', key: 'activity_id' },
] as const;

export interface MergeOutcome {
  contact: Contact;
  mergedId: string;
  moved: Record<(typeof CONTACT_HISTORY_TABLES)[number], number>;
}

export async function mergeContacts(trx: Trx, workspaceId: string, survivorId: string, otherId: string): Promise<MergeOutcome> {
  if (survivorId === otherId) throw AppError.invalid('otherId', 'must be a different contact than the one kept');
  // lock both in id order, so two merges of the same pair cannot deadlock
  const locked = await trx
    .selectFrom('contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [survivorId, otherId])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .forUpdate()
    .execute();
  if (!locked.some((r) => r.id === survivorId)) throw AppError.notFound('Contact', survivorId);
  if (!locked.some((r) => r.id === otherId)) throw AppError.invalid('otherId', 'no such contact in this workspace');

  // retire the other first: its email becomes free for the survivor to take
  await sql`
    UPDATE contacts SET deleted_at = now(), merged_into_id = ${survivorId}, updated_at = now()
    WHERE workspace_id = ${workspaceId} AND id = ${otherId}`.execute(trx);
  await sql`
    UPDATE contacts s SET
      email = coalesce(s.email, o.email),
      first_name = coalesce(s.first_name, o.first_name),
      last_name = coalesce(s.last_name, o.last_name),
      phone = coalesce(s.phone, o.phone),
      title = coalesce(s.title, o.title),
      account_id = coalesce(s.account_id, o.account_id),
      owner_id = coalesce(s.owner_id, o.owner_id),
      lifecycle_stage = coalesce(s.lifecycle_stage, o.lifecycle_stage),
      tags = s.tags || ARRAY(SELECT t FROM unnest(o.tags) t WHERE t <> ALL (s.tags)),
      custom_fields = o.custom_fields || s.custom_fields,
      updated_at = now()
    FROM contacts o
    WHERE s.workspace_id = ${workspaceId} AND s.id = ${survivorId} AND o.workspace_id = ${workspaceId} AND o.id = ${otherId}`.execute(trx);

  const moved = {} as MergeOutcome['moved'];
  for (const table of CONTACT_HISTORY_TABLES) {
    const result = await sql`
      UPDATE ${sql.table(table)} SET contact_id = ${survivorId}
      WHERE workspace_id = ${workspaceId} AND contact_id = ${otherId}`.execute(trx);
    moved[table] = Number(result.numAffectedRows ?? 0);
  }
  for (const { table, key } of CONTACT_LINK_TABLES) {
    await sql`
      DELETE FROM ${sql.table(table)} o
      WHERE o.workspace_id = ${workspaceId} AND o.contact_id = ${otherId}
        AND EXISTS (SELECT 1 FROM ${sql.table(table)} s
          WHERE s.workspace_id = o.workspace_id AND s.${sql.ref(key)} = o.${sql.ref(key)} AND s.contact_id = ${survivorId})`.execute(trx);
    await sql`
      UPDATE ${sql.table(table)} SET contact_id = ${survivorId}
      WHERE workspace_id = ${workspaceId} AND contact_id = ${otherId}`.execute(trx);
  }
  // contacts merged into the other earlier now point at the survivor directly
  await sql`
    UPDATE contacts SET merged_into_id = ${survivorId}
    WHERE workspace_id = ${workspaceId} AND merged_into_id = ${otherId}`.execute(trx);

  return { contact: (await findContact(trx, workspaceId, survivorId))!, mergedId: otherId, moved };
}
