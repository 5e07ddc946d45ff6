// The people on a deal and their roles (decision maker, champion, …). Saved as a whole list: the
// deal page edits the set, and a replace is one DELETE and one INSERT.
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../platform/db.ts';
import type { DealContact } from './deals.schemas.ts';
import type { DealContactRole } from '../db-schema.ts';

export async function replaceDealContacts(
  trx: Trx,
  workspaceId: string,
  dealId: string,
  contacts: Array<{ contactId: string; role: DealContactRole | null }>,
): Promise<void> {
  await trx.deleteFrom('deal_contacts').where('workspace_id', '=', workspaceId).where('deal_id', '=', dealId).execute();
  if (contacts.length === 0) return;
  await trx
    .insertInto('deal_contacts')
    .values(contacts.map((c) => ({ workspace_id: workspaceId, deal_id: dealId, contact_id: c.contactId, role: c.role })))
    .execute();
}

export async function listDealContacts(db: DbOrTrx, workspaceId: string, dealId: string): Promise<DealContact[]> {
  const rows = await db
    .selectFrom('deal_contacts as dc')
    .innerJoin('contacts as c', (j) => j.onRef('c.workspace_id', '=', 'dc.workspace_id').onRef('c.id', '=', 'dc.contact_id'))
    .select(['dc.contact_id', 'dc.role', 'c.email', 'c.first_name', 'c.last_name', 'c.title', 'c.account_id', 'c.lifecycle_stage'])
    .where('dc.workspace_id', '=', workspaceId)
    .where('dc.deal_id', '=', dealId)
    .where('c.deleted_at', 'is', null)
    // decision makers and champions first, then by name
    .orderBy(sql`array_position(ARRAY['decision_maker','champion','influencer','user','blocker'], dc.role) NULLS LAST`)
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .orderBy('dc.contact_id')
    .execute();
  return rows.map((r) => ({
    contactId: r.contact_id,
    role: r.role,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    title: r.title,
    accountId: r.account_id,
    lifecycleStage: r.lifecycle_stage,
  }));
}
