// A won deal makes its account a customer: every contact of the account, and every contact on the
// deal, gets lifecycle stage `customer`. One set-based UPDATE. Evangelists stay evangelists (a stage
// past customer); contacts already customers are not touched (their updated_at stays).
import { sql } from 'kysely';
import type { DbOrTrx } from '../platform/db.ts';

/** For the given deals, those that are won; returns how many contacts changed. */
export async function markDealContactsCustomers(db: DbOrTrx, workspaceId: string, dealIds: string[]): Promise<number> {
  if (dealIds.length === 0) return 0;
  const result = await sql`
    UPDATE contacts c SET lifecycle_stage = 'customer', updated_at = now()
    WHERE c.workspace_id = ${workspaceId}
      AND c.deleted_at IS NULL
      AND c.lifecycle_stage IS DISTINCT FROM 'customer'
      AND c.lifecycle_stage IS DISTINCT FROM 'evangelist'
      AND c.id IN (
        SELECT c2.id FROM deals d
        JOIN contacts c2 ON c2.workspace_id = d.workspace_id AND c2.account_id = d.account_id
        WHERE d.workspace_id = ${workspaceId} AND d.id = ANY(${dealIds}::uuid[]) AND d.status = 'won' AND d.deleted_at IS NULL
        UNION
        SELECT dc.contact_id FROM deal_contacts dc
        JOIN deals d ON d.workspace_id = dc.workspace_id AND d.id = dc.deal_id
        WHERE dc.workspace_id = ${workspaceId} AND dc.deal_id = ANY(${dealIds}::uuid[]) AND d.status = 'won' AND d.deleted_at IS NULL
      )`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
